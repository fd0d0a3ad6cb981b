package dev.tlsref.crypto.internal;

import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import java.math.BigInteger;

/**
 * The TLS wire form of a point on a NIST prime curve, {@code 04 || X || Y} (X9.62 / SEC 1
 * §2.3.3, uncompressed), and the checks on a peer's point that need no curve arithmetic. The
 * curve-equation check is left to each provider.
 *
 * <p>Not part of the public API: the package is not exported by {@code dev.tlsref.crypto}.
 */
public final class EcPointEncoding {
    /** X9.62 / SEC 1 §2.3.3 prefix of an uncompressed point. */
    private static final int UNCOMPRESSED = 0x04;

    private final KeyExchangeAlgorithm algorithm;
    private final BigInteger p;
    private final int fieldLength;

    /** @param p the field prime */
    public EcPointEncoding(KeyExchangeAlgorithm algorithm, BigInteger p) {
        this.algorithm = algorithm;
        this.p = p;
        this.fieldLength = (p.bitLength() + 7) / 8;
    }

    /** Affine coordinates, each in [0, p-1]. */
    public record Coordinates(BigInteger x, BigInteger y) {}

    /** Bytes of one coordinate, and of the shared secret (RFC 8446 §7.4.2). */
    public int fieldLength() {
        return fieldLength;
    }

    /** {@code 04 || X || Y}, each coordinate left-padded to the field length. */
    public byte[] encode(BigInteger x, BigInteger y) {
        byte[] out = new byte[1 + 2 * fieldLength];
        out[0] = UNCOMPRESSED;
        System.arraycopy(FixedLengthInteger.encode(x, fieldLength), 0, out, 1, fieldLength);
        System.arraycopy(FixedLengthInteger.encode(y, fieldLength), 0, out, 1 + fieldLength, fieldLength);
        return out;
    }

    /**
     * Decodes a peer's point and checks its form and coordinates (RFC 8446 §4.2.8.2, which defers
     * to NIST SP 800-56A §5.6.2.3.4 partial validation; RFC 8422 §5.11 for TLS 1.2). The caller
     * still has to check that the point is on the curve (step 3).
     *
     * @throws InvalidKeyShareException if the point is compressed, has the wrong length or
     *     prefix, or a coordinate is not less than p
     */
    public Coordinates decode(byte[] share) throws InvalidKeyShareException {
        if (share.length > 0 && (share[0] == 0x02 || share[0] == 0x03)) {
            // RFC 8446 §4.2.8.2 and RFC 8422 §5.1.2: only the uncompressed form is allowed.
            throw new InvalidKeyShareException(algorithm + " share is a compressed point; TLS requires the "
                    + "uncompressed form (RFC 8446 §4.2.8.2)");
        }
        if (share.length != 1 + 2 * fieldLength) {
            throw new InvalidKeyShareException(algorithm + " share must be " + (1 + 2 * fieldLength)
                    + " bytes (04 || X || Y), not " + share.length);
        }
        if (share[0] != UNCOMPRESSED) {
            throw new InvalidKeyShareException(String.format(
                    "%s share must start with 0x04 (uncompressed point), not 0x%02x", algorithm, share[0]));
        }
        BigInteger x = coordinate(share, 1);
        BigInteger y = coordinate(share, 1 + fieldLength);
        // SP 800-56A §5.6.2.3.4 step 2: each coordinate is an element of the field, in [0, p-1].
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new InvalidKeyShareException(algorithm + " point has a coordinate not less than p");
        }
        return new Coordinates(x, y);
    }

    private BigInteger coordinate(byte[] share, int offset) {
        byte[] bytes = new byte[fieldLength];
        System.arraycopy(share, offset, bytes, 0, fieldLength);
        return new BigInteger(1, bytes);
    }
}
