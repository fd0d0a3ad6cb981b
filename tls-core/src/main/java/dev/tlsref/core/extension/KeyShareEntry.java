package dev.tlsref.core.extension;

import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * One key share (RFC 8446 §4.2.8): a group and the sender's public value for it.
 * <pre>
 * struct { NamedGroup group; opaque key_exchange&lt;1..2^16-1&gt;; } KeyShareEntry;
 * </pre>
 * Only the vector bounds are checked here; whether the value has the right size and form for
 * its group (RFC 8446 §4.2.8.1, §4.2.8.2) is for the handshake layer and the crypto provider.
 *
 * @param group the named group
 * @param keyExchange the public value
 */
public record KeyShareEntry(NamedGroup group, byte[] keyExchange) {

    /** Checks the value fits {@code <1..2^16-1>} and copies it. */
    public KeyShareEntry {
        Objects.requireNonNull(group, "group");
        if (keyExchange.length < 1 || keyExchange.length > 0xffff) {
            throw new IllegalArgumentException("key_exchange of " + keyExchange.length + " bytes");
        }
        keyExchange = keyExchange.clone();
    }

    @Override
    public byte[] keyExchange() {
        return keyExchange.clone();
    }

    /** The length of the public value. */
    public int keyExchangeLength() {
        return keyExchange.length;
    }

    static KeyShareEntry decode(TlsReader in) throws TlsAlertException {
        NamedGroup group = new NamedGroup(in.readUint16());
        return new KeyShareEntry(group, in.readOpaque16(1, 0xffff));
    }

    void encode(TlsWriter out) {
        out.writeUint16(group.code());
        out.writeOpaque16(keyExchange);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyShareEntry other && group.equals(other.group)
                && Arrays.equals(keyExchange, other.keyExchange);
    }

    @Override
    public int hashCode() {
        return 31 * group.hashCode() + Arrays.hashCode(keyExchange);
    }

    /** For traces, e.g. {@code x25519(32 bytes)}. */
    @Override
    public String toString() {
        return group.name() + "(" + keyExchange.length + " bytes)";
    }
}
