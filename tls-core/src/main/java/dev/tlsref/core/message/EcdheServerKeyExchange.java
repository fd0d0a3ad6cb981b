package dev.tlsref.core.message;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * ServerKeyExchange for ECDHE suites (RFC 8422 §5.4).
 * <pre>
 * enum { explicit_prime(1), explicit_char2(2), named_curve(3), (255) } ECCurveType;
 * struct {
 *     ECCurveType curve_type;                           named_curve only
 *     NamedCurve namedcurve;
 * } ECParameters;
 * struct {
 *     ECParameters curve_params;
 *     ECPoint public;                                   opaque point&lt;1..2^8-1&gt;
 * } ServerECDHParams;
 * </pre>
 * followed by the signature (see {@link ServerKeyExchange}). RFC 8422 §5.4 deprecates the
 * explicit curve types; a curve_type other than named_curve is a field tlsref never allows
 * (its supported_groups names curves only), so it is an {@code illegal_parameter}.
 *
 * @param group the server's chosen group
 * @param publicKey the encoded ephemeral public key (the ECPoint)
 * @param signatureAlgorithm the signature scheme
 * @param signature the signature over client_random + server_random + params
 */
public record EcdheServerKeyExchange(NamedGroup group, byte[] publicKey, SignatureScheme signatureAlgorithm,
        byte[] signature) implements ServerKeyExchange {

    /** RFC 8422 §5.4: ECCurveType named_curve. */
    public static final int NAMED_CURVE = 3;

    /** Checks the bounds and copies the arrays. */
    public EcdheServerKeyExchange {
        Objects.requireNonNull(group, "group");
        publicKey = Fields.copy(publicKey, 1, 0xff, "ECPoint");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        signature = Fields.copy(signature, 0, 0xffff, "signature");
    }

    /**
     * Decodes an ECDHE ServerKeyExchange body.
     *
     * @throws TlsAlertException decode_error if malformed; illegal_parameter for a curve_type
     *     other than named_curve
     */
    public static EcdheServerKeyExchange decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        int curveType = in.readUint8();
        if (curveType != NAMED_CURVE) {
            // RFC 8422 §5.4: explicit_prime and explicit_char2 are deprecated.
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "ECParameters curve_type " + curveType + " is not named_curve (3)");
        }
        NamedGroup group = new NamedGroup(in.readUint16());
        byte[] point = in.readOpaque8(1, 0xff);
        SignatureScheme algorithm = new SignatureScheme(in.readUint16());
        byte[] signature = in.readOpaque16(0, 0xffff);
        in.expectEnd("ServerKeyExchange");
        return new EcdheServerKeyExchange(group, point, algorithm, signature);
    }

    /**
     * The ServerECDHParams on the wire (RFC 8422 §5.4), the part that is signed. Useful to
     * build a message: sign {@code client_random + server_random + params(group, publicKey)}.
     */
    public static byte[] params(NamedGroup group, byte[] publicKey) {
        return new TlsWriter().writeUint8(NAMED_CURVE).writeUint16(group.code()).writeOpaque8(publicKey).toByteArray();
    }

    @Override
    public byte[] params() {
        return params(group, publicKey);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcdheServerKeyExchange other && group.equals(other.group)
                && Arrays.equals(publicKey, other.publicKey)
                && signatureAlgorithm.equals(other.signatureAlgorithm)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, Arrays.hashCode(publicKey), signatureAlgorithm, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "ServerKeyExchange[ecdhe, named_curve=" + group
                + ", public=" + Trace.hex(publicKey)
                + ", algorithm=" + signatureAlgorithm
                + ", signature=" + Trace.hex(signature) + "]";
    }
}
