package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import dev.tlsref.core.extension.ExtensionContext;
import dev.tlsref.core.extension.Extensions;
import java.util.Arrays;
import java.util.Objects;

/**
 * NewSessionTicket in TLS 1.3 (RFC 8446 §4.6.1).
 * <pre>
 * struct {
 *     uint32 ticket_lifetime;
 *     uint32 ticket_age_add;
 *     opaque ticket_nonce&lt;0..255&gt;;
 *     opaque ticket&lt;1..2^16-1&gt;;
 *     Extension extensions&lt;0..2^16-2&gt;;
 * } NewSessionTicket;
 * </pre>
 * The 7-day ceiling on ticket_lifetime (§4.6.1) is a policy the client applies; the codec
 * keeps any uint32.
 *
 * @param ticketLifetime seconds, uint32
 * @param ticketAgeAdd the obfuscation value, uint32
 * @param ticketNonce 0 to 255 bytes
 * @param ticket 1 to 65535 bytes
 * @param extensions decoded with {@link ExtensionContext#NEW_SESSION_TICKET}
 */
public record Tls13NewSessionTicket(long ticketLifetime, long ticketAgeAdd, byte[] ticketNonce, byte[] ticket,
        Extensions extensions) implements HandshakeMessage {

    /** Checks the bounds and copies the arrays. */
    public Tls13NewSessionTicket {
        Fields.uint32(ticketLifetime, "ticket_lifetime");
        Fields.uint32(ticketAgeAdd, "ticket_age_add");
        ticketNonce = Fields.copy(ticketNonce, 0, 0xff, "ticket_nonce");
        ticket = Fields.copy(ticket, 1, 0xffff, "ticket");
        Objects.requireNonNull(extensions, "extensions");
    }

    /**
     * Decodes a TLS 1.3 NewSessionTicket body.
     *
     * @throws TlsAlertException decode_error if malformed, or what the extension block reports
     */
    public static Tls13NewSessionTicket decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        long lifetime = in.readUint32();
        long ageAdd = in.readUint32();
        byte[] nonce = in.readOpaque8(0, 0xff);
        byte[] ticket = in.readOpaque16(1, 0xffff);
        Extensions extensions = Extensions.decode(in, ExtensionContext.NEW_SESSION_TICKET);
        in.expectEnd("NewSessionTicket");
        return new Tls13NewSessionTicket(lifetime, ageAdd, nonce, ticket, extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeUint32(ticketLifetime);
        out.writeUint32(ticketAgeAdd);
        out.writeOpaque8(ticketNonce);
        out.writeOpaque16(ticket);
        extensions.encode(out);
    }

    @Override
    public byte[] ticketNonce() {
        return ticketNonce.clone();
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tls13NewSessionTicket other
                && ticketLifetime == other.ticketLifetime
                && ticketAgeAdd == other.ticketAgeAdd
                && Arrays.equals(ticketNonce, other.ticketNonce)
                && Arrays.equals(ticket, other.ticket)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ticketLifetime, ticketAgeAdd, Arrays.hashCode(ticketNonce), Arrays.hashCode(ticket),
                extensions);
    }

    @Override
    public String toString() {
        return "NewSessionTicket[ticket_lifetime=" + ticketLifetime
                + ", ticket_age_add=" + ticketAgeAdd
                + ", ticket_nonce=" + Trace.hex(ticketNonce)
                + ", ticket=" + Trace.hex(ticket)
                + ", extensions=" + extensions + "]";
    }
}
