package dev.tlsref.core.message;

import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * ServerKeyExchange for finite-field DHE suites (RFC 5246 §7.4.3).
 * <pre>
 * struct {
 *     opaque dh_p&lt;1..2^16-1&gt;;
 *     opaque dh_g&lt;1..2^16-1&gt;;
 *     opaque dh_Ys&lt;1..2^16-1&gt;;
 * } ServerDHParams;
 * </pre>
 * followed by the signature (see {@link ServerKeyExchange}). The values are big-endian
 * unsigned integers; whether the group is acceptable (RFC 7919 §4) is the handshake's call.
 *
 * @param p the prime modulus
 * @param g the generator
 * @param ys the server's public value
 * @param signatureAlgorithm the signature scheme
 * @param signature the signature over client_random + server_random + params
 */
public record DheServerKeyExchange(byte[] p, byte[] g, byte[] ys, SignatureScheme signatureAlgorithm,
        byte[] signature) implements ServerKeyExchange {

    /** Checks the bounds and copies the arrays. */
    public DheServerKeyExchange {
        p = Fields.copy(p, 1, 0xffff, "dh_p");
        g = Fields.copy(g, 1, 0xffff, "dh_g");
        ys = Fields.copy(ys, 1, 0xffff, "dh_Ys");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        signature = Fields.copy(signature, 0, 0xffff, "signature");
    }

    /**
     * Decodes a DHE ServerKeyExchange body.
     *
     * @throws TlsAlertException decode_error if malformed
     */
    public static DheServerKeyExchange decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        byte[] p = in.readOpaque16(1, 0xffff);
        byte[] g = in.readOpaque16(1, 0xffff);
        byte[] ys = in.readOpaque16(1, 0xffff);
        SignatureScheme algorithm = new SignatureScheme(in.readUint16());
        byte[] signature = in.readOpaque16(0, 0xffff);
        in.expectEnd("ServerKeyExchange");
        return new DheServerKeyExchange(p, g, ys, algorithm, signature);
    }

    /** The ServerDHParams on the wire (RFC 5246 §7.4.3), the part that is signed. */
    public static byte[] params(byte[] p, byte[] g, byte[] ys) {
        return new TlsWriter().writeOpaque16(p).writeOpaque16(g).writeOpaque16(ys).toByteArray();
    }

    @Override
    public byte[] params() {
        return params(p, g, ys);
    }

    @Override
    public byte[] p() {
        return p.clone();
    }

    @Override
    public byte[] g() {
        return g.clone();
    }

    @Override
    public byte[] ys() {
        return ys.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DheServerKeyExchange other && Arrays.equals(p, other.p) && Arrays.equals(g, other.g)
                && Arrays.equals(ys, other.ys) && signatureAlgorithm.equals(other.signatureAlgorithm)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(p), Arrays.hashCode(g), Arrays.hashCode(ys), signatureAlgorithm,
                Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "ServerKeyExchange[dhe, dh_p=" + Trace.hex(p) + ", dh_g=" + Trace.hex(g) + ", dh_Ys=" + Trace.hex(ys)
                + ", algorithm=" + signatureAlgorithm + ", signature=" + Trace.hex(signature) + "]";
    }
}
