package dev.tlsref.core.message;

import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;

/**
 * ClientKeyExchange for ECDHE suites (RFC 8422 §5.7): the client's ephemeral public key.
 * <pre>
 * struct {
 *     ECPoint ecdh_Yc;                                  opaque point&lt;1..2^8-1&gt;
 * } ClientECDiffieHellmanPublic;
 * </pre>
 *
 * @param publicKey the encoded ECPoint, 1 to 255 bytes
 */
public record EcdheClientKeyExchange(byte[] publicKey) implements ClientKeyExchange {

    /** Checks the bounds and copies the value. */
    public EcdheClientKeyExchange {
        publicKey = Fields.copy(publicKey, 1, 0xff, "ECPoint");
    }

    /**
     * Decodes the body.
     *
     * @throws TlsAlertException decode_error if malformed
     */
    public static EcdheClientKeyExchange decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        byte[] publicKey = in.readOpaque8(1, 0xff);
        in.expectEnd("ClientKeyExchange");
        return new EcdheClientKeyExchange(publicKey);
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeOpaque8(publicKey);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcdheClientKeyExchange other && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "ClientKeyExchange[ecdh_Yc=" + Trace.hex(publicKey) + "]";
    }
}
