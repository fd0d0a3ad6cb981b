package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;

/**
 * NewSessionTicket in TLS 1.2 (RFC 5077 §3.3).
 * <pre>
 * struct {
 *     uint32 ticket_lifetime_hint;
 *     opaque ticket&lt;0..2^16-1&gt;;
 * } NewSessionTicket;
 * </pre>
 * An empty ticket is allowed: the server had promised one but decided not to send one
 * (RFC 5077 §3.3).
 *
 * @param ticketLifetimeHint seconds, uint32; 0 means unspecified
 * @param ticket 0 to 65535 bytes
 */
public record Tls12NewSessionTicket(long ticketLifetimeHint, byte[] ticket) implements HandshakeMessage {

    /** Checks the bounds and copies the ticket. */
    public Tls12NewSessionTicket {
        Fields.uint32(ticketLifetimeHint, "ticket_lifetime_hint");
        ticket = Fields.copy(ticket, 0, 0xffff, "ticket");
    }

    /**
     * Decodes a TLS 1.2 NewSessionTicket body.
     *
     * @throws TlsAlertException decode_error if malformed
     */
    public static Tls12NewSessionTicket decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        long lifetimeHint = in.readUint32();
        byte[] ticket = in.readOpaque16(0, 0xffff);
        in.expectEnd("NewSessionTicket");
        return new Tls12NewSessionTicket(lifetimeHint, ticket);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeUint32(ticketLifetimeHint);
        out.writeOpaque16(ticket);
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tls12NewSessionTicket other && ticketLifetimeHint == other.ticketLifetimeHint
                && Arrays.equals(ticket, other.ticket);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(ticketLifetimeHint) + Arrays.hashCode(ticket);
    }

    @Override
    public String toString() {
        return "NewSessionTicket[ticket_lifetime_hint=" + ticketLifetimeHint + ", ticket=" + Trace.hex(ticket) + "]";
    }
}
