package dev.tlsref.core.extension;

import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;

/**
 * One PSK the client offers (RFC 8446 §4.2.11).
 * <pre>
 * struct { opaque identity&lt;1..2^16-1&gt;; uint32 obfuscated_ticket_age; } PskIdentity;
 * </pre>
 *
 * @param identity the identity: a ticket, or an external PSK's label
 * @param obfuscatedTicketAge the ticket age plus ticket_age_add, modulo 2^32 (RFC 8446
 *     §4.2.11.1); 0 for external PSKs
 */
public record PskIdentity(byte[] identity, long obfuscatedTicketAge) {

    /** Checks the bounds and copies the identity. */
    public PskIdentity {
        if (identity.length < 1 || identity.length > 0xffff) {
            throw new IllegalArgumentException("psk identity of " + identity.length + " bytes");
        }
        if (obfuscatedTicketAge < 0 || obfuscatedTicketAge > 0xffffffffL) {
            throw new IllegalArgumentException("obfuscated_ticket_age out of range: " + obfuscatedTicketAge);
        }
        identity = identity.clone();
    }

    @Override
    public byte[] identity() {
        return identity.clone();
    }

    static PskIdentity decode(TlsReader in) throws TlsAlertException {
        byte[] identity = in.readOpaque16(1, 0xffff);
        return new PskIdentity(identity, in.readUint32());
    }

    void encode(TlsWriter out) {
        out.writeOpaque16(identity);
        out.writeUint32(obfuscatedTicketAge);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PskIdentity other && obfuscatedTicketAge == other.obfuscatedTicketAge
                && Arrays.equals(identity, other.identity);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(obfuscatedTicketAge) + Arrays.hashCode(identity);
    }

    @Override
    public String toString() {
        return "identity(" + identity.length + " bytes, age=" + obfuscatedTicketAge + ")";
    }
}
