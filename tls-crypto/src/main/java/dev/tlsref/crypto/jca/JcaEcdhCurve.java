package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.internal.EcPointEncoding;
import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * What the JCA leaves to its caller for a short-Weierstrass prime curve {@code y² = x³ + ax + b}:
 * the TLS point encoding, the public-value checks of RFC 8446 §4.2.8.2, and (for {@link
 * JcaEcdhKeyExchange#fromPrivateKey} only) a textbook scalar multiplication.
 */
final class JcaEcdhCurve {
    private final KeyExchangeAlgorithm algorithm;
    private final ECParameterSpec spec;
    private final EcPointEncoding encoding;
    private final BigInteger p;
    private final BigInteger a;
    private final BigInteger b;
    private final int scalarLength;

    JcaEcdhCurve(KeyExchangeAlgorithm algorithm, ECParameterSpec spec) {
        this.algorithm = algorithm;
        this.spec = spec;
        this.p = ((ECFieldFp) spec.getCurve().getField()).getP();
        this.a = spec.getCurve().getA();
        this.b = spec.getCurve().getB();
        this.encoding = new EcPointEncoding(algorithm, p);
        this.scalarLength = (spec.getOrder().bitLength() + 7) / 8;
    }

    ECParameterSpec spec() {
        return spec;
    }

    /** Bytes of one coordinate, and of the shared secret. */
    int fieldLength() {
        return encoding.fieldLength();
    }

    /** Bytes of a private scalar. */
    int scalarLength() {
        return scalarLength;
    }

    /** {@code 04 || X || Y}, each coordinate left-padded to the field length. */
    byte[] encode(ECPoint point) {
        return encoding.encode(point.getAffineX(), point.getAffineY());
    }

    /**
     * Decodes and validates a peer's point (RFC 8446 §4.2.8.2, which defers to NIST SP 800-56A
     * §5.6.2.3.4 partial validation; RFC 8422 §5.11 for TLS 1.2).
     */
    ECPoint decode(byte[] share) throws InvalidKeyShareException {
        // Form, length and SP 800-56A §5.6.2.3.4 step 2 (coordinates in [0, p-1]).
        EcPointEncoding.Coordinates point = encoding.decode(share);
        // Step 3: the point is on the curve. (The point at infinity has no uncompressed
        // encoding, and (0, 0) is not on these curves since b != 0, so step 1 holds too.)
        if (!isOnCurve(point.x(), point.y())) {
            throw new InvalidKeyShareException(algorithm + " point is not on the curve");
        }
        // The cofactor of P-256, P-384 and P-521 is 1: every curve point has prime order n.
        return new ECPoint(point.x(), point.y());
    }

    /** {@code y² ≡ x³ + ax + b (mod p)}. */
    boolean isOnCurve(BigInteger x, BigInteger y) {
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.multiply(x).add(a).multiply(x).add(b).mod(p);
        return left.equals(right);
    }

    /**
     * {@code d·G} by left-to-right double-and-add in affine coordinates. Not constant time; used
     * only to find the public value of a private key given to {@code fromPrivateKey}.
     */
    ECPoint multiplyGenerator(BigInteger d) {
        ECPoint generator = spec.getGenerator();
        ECPoint result = ECPoint.POINT_INFINITY;
        for (int i = d.bitLength() - 1; i >= 0; i--) {
            result = add(result, result);
            if (d.testBit(i)) {
                result = add(result, generator);
            }
        }
        return result;
    }

    /** The group law on affine points (SEC 1 §2.2.1), doubling when both points are equal. */
    private ECPoint add(ECPoint first, ECPoint second) {
        if (first.equals(ECPoint.POINT_INFINITY)) {
            return second;
        }
        if (second.equals(ECPoint.POINT_INFINITY)) {
            return first;
        }
        BigInteger x1 = first.getAffineX();
        BigInteger y1 = first.getAffineY();
        BigInteger x2 = second.getAffineX();
        BigInteger y2 = second.getAffineY();
        BigInteger lambda;
        if (x1.equals(x2)) {
            if (!y1.equals(y2) || y1.signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            // Tangent slope (3x² + a) / 2y.
            lambda = x1.multiply(x1).multiply(BigInteger.valueOf(3)).add(a)
                    .multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
        } else {
            // Chord slope (y2 - y1) / (x2 - x1).
            lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.multiply(lambda).subtract(x1).subtract(x2).mod(p);
        BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
        return new ECPoint(x3, y3);
    }
}
