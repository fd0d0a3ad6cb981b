package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;

/**
 * renegotiation_info (RFC 5746 §3.2), in a TLS 1.2 ClientHello or ServerHello. tlsref never
 * renegotiates, so on an initial handshake the field is empty (RFC 5746 §3.4, §3.6); the
 * handshake layer checks that.
 * <pre>
 * struct { opaque renegotiated_connection&lt;0..255&gt;; } RenegotiationInfo;
 * </pre>
 *
 * @param renegotiatedConnection the previous handshake's verify_data, empty on an initial handshake
 */
public record RenegotiationInfo(byte[] renegotiatedConnection) implements Extension {

    /** Checks the length and copies the bytes. */
    public RenegotiationInfo {
        if (renegotiatedConnection.length > 0xff) {
            throw new IllegalArgumentException("renegotiated_connection of " + renegotiatedConnection.length + " bytes");
        }
        renegotiatedConnection = renegotiatedConnection.clone();
    }

    @Override
    public byte[] renegotiatedConnection() {
        return renegotiatedConnection.clone();
    }

    static RenegotiationInfo decode(TlsReader in) throws TlsAlertException {
        return new RenegotiationInfo(in.readOpaque8(0, 0xff));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.RENEGOTIATION_INFO;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeOpaque8(renegotiatedConnection);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenegotiationInfo other && Arrays.equals(renegotiatedConnection, other.renegotiatedConnection);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(renegotiatedConnection);
    }

    @Override
    public String toString() {
        return type().name() + "(" + renegotiatedConnection.length + " bytes)";
    }
}
