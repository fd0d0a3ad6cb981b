package dev.tlsref.core.message;

import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;

/**
 * ClientKeyExchange for finite-field DHE suites (RFC 5246 §7.4.7.2): the client's public
 * value.
 * <pre>
 * struct {
 *     opaque dh_Yc&lt;1..2^16-1&gt;;
 * } ClientDiffieHellmanPublic;
 * </pre>
 *
 * @param yc the big-endian public value, 1 to 65535 bytes
 */
public record DheClientKeyExchange(byte[] yc) implements ClientKeyExchange {

    /** Checks the bounds and copies the value. */
    public DheClientKeyExchange {
        yc = Fields.copy(yc, 1, 0xffff, "dh_Yc");
    }

    /**
     * Decodes the body.
     *
     * @throws TlsAlertException decode_error if malformed
     */
    public static DheClientKeyExchange decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        byte[] yc = in.readOpaque16(1, 0xffff);
        in.expectEnd("ClientKeyExchange");
        return new DheClientKeyExchange(yc);
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeOpaque16(yc);
    }

    @Override
    public byte[] yc() {
        return yc.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DheClientKeyExchange other && Arrays.equals(yc, other.yc);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(yc);
    }

    @Override
    public String toString() {
        return "ClientKeyExchange[dh_Yc=" + Trace.hex(yc) + "]";
    }
}
