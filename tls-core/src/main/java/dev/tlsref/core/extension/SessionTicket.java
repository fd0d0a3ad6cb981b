package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;

/**
 * session_ticket (RFC 5077 §3.2), TLS 1.2 only. In a ClientHello: the ticket to resume
 * with, or empty to ask for one. In a ServerHello: always empty, the server will send a
 * NewSessionTicket. The ticket fills the whole {@code extension_data}, with no length of its own.
 *
 * @param ticket the opaque ticket, possibly empty
 */
public record SessionTicket(byte[] ticket) implements Extension {

    /** Checks the length and copies the bytes. */
    public SessionTicket {
        if (ticket.length > 0xffff) {
            throw new IllegalArgumentException("session ticket of " + ticket.length + " bytes");
        }
        ticket = ticket.clone();
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    static SessionTicket decode(TlsReader in) throws TlsAlertException {
        return new SessionTicket(in.readBytes(in.remaining()));
    }

    /** The ServerHello form: nothing to read, so ExtensionCodec's expectEnd rejects any data (RFC 5077 §3.2). */
    static SessionTicket decodeServerHello(TlsReader in) {
        return new SessionTicket(new byte[0]);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SESSION_TICKET;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeBytes(ticket);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionTicket other && Arrays.equals(ticket, other.ticket);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ticket);
    }

    @Override
    public String toString() {
        return type().name() + "(" + ticket.length + " bytes)";
    }
}
