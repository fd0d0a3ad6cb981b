package dev.tlsref.handshake.session;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a {@link TicketState} into the opaque {@code ticket} of a TLS 1.3 NewSessionTicket
 * and back (RFC 8446 §4.6.1), sealed with {@link TicketKeys}.
 * <pre>
 * struct {
 *     uint8 format = 2;
 *     CipherSuite cipher_suite;
 *     opaque resumption_psk&lt;32..64&gt;;
 *     uint64 created_millis;
 *     uint32 lifetime_seconds;
 *     uint32 ticket_age_add;
 *     opaque alpn&lt;0..255&gt;;            empty: none
 *     opaque server_name&lt;0..2^16-1&gt;;   empty: none
 *     uint8 client_authenticated;
 *     uint32 max_early_data_size;      0: the ticket allows no 0-RTT
 * } TicketPlaintext;
 * </pre>
 * Tickets are stateless: the server keeps nothing, so a ticket can be presented more than
 * once. That is acceptable for resumption without early data; each resumption still runs a
 * fresh (EC)DHE unless psk_ke is explicitly enabled. 0-RTT data, which a replayed ClientHello
 * would replay too (RFC 8446 §8), is accepted only once per ClientHello through the config's
 * {@link EarlyDataReplayGuard}.
 */
public final class TicketCodec {
    private static final int FORMAT = 2;
    private final TicketKeys keys;

    /** A codec sealing with {@code keys}. */
    public TicketCodec(TicketKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The sealed ticket for {@code state}. */
    public byte[] seal(TicketState state) {
        TlsWriter out = new TlsWriter();
        out.writeUint8(FORMAT);
        out.writeUint16(state.cipherSuite().code());
        byte[] psk = state.resumptionPsk();
        out.writeOpaque8(psk);
        Arrays.fill(psk, (byte) 0);
        long millis = state.created().toEpochMilli();
        out.writeUint32(millis >>> 32);
        out.writeUint32(millis & 0xffffffffL);
        out.writeUint32(state.lifetimeSeconds());
        out.writeUint32(state.ticketAgeAdd());
        out.writeOpaque8(state.alpn().map(a -> a.getBytes(StandardCharsets.ISO_8859_1)).orElse(new byte[0]));
        out.writeOpaque16(state.serverName().map(a -> a.getBytes(StandardCharsets.ISO_8859_1)).orElse(new byte[0]));
        out.writeUint8(state.clientAuthenticated() ? 1 : 0);
        out.writeUint32(state.maxEarlyDataSize());
        byte[] plaintext = out.toByteArray();
        try {
            return keys.seal(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * The state inside a ticket, or empty if the ticket is not one of ours (another server's,
     * sealed under a retired key, tampered with, or malformed).
     */
    public Optional<TicketState> open(byte[] ticket) {
        Optional<byte[]> opened = keys.open(ticket);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        byte[] plaintext = opened.get();
        try {
            TlsReader in = TlsReader.of(plaintext);
            if (in.readUint8() != FORMAT) {
                return Optional.empty();
            }
            CipherSuite suite = new CipherSuite(in.readUint16());
            byte[] psk = in.readOpaque8(32, 64);
            long millis = (in.readUint32() << 32) | in.readUint32();
            long lifetime = in.readUint32();
            long ageAdd = in.readUint32();
            byte[] alpn = in.readOpaque8(0, 255);
            byte[] serverName = in.readOpaque16(0, 0xffff);
            int clientAuthenticated = in.readUint8();
            long maxEarlyDataSize = in.readUint32();
            in.expectEnd("session ticket");
            if (clientAuthenticated > 1 || !suite.isImplemented() || !suite.isTls13()) {
                return Optional.empty();
            }
            TicketState state = new TicketState(suite, psk, Instant.ofEpochMilli(millis), lifetime, ageAdd,
                    text(alpn), text(serverName), clientAuthenticated == 1, maxEarlyDataSize);
            Arrays.fill(psk, (byte) 0);
            return Optional.of(state);
        } catch (TlsAlertException | RuntimeException e) {
            return Optional.empty(); // sealed by us yet malformed: a bug or an old format; never fatal
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static Optional<String> text(byte[] bytes) {
        return bytes.length == 0 ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
    }
}
