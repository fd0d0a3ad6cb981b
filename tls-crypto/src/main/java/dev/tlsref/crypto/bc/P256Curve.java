package dev.tlsref.crypto.bc;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * The domain parameters of P-256 (secp256r1; FIPS 186-5, SP 800-186 §3.2.1.3, SEC 2 §2.4.2)
 * as BouncyCastle defines them, and the curve-equation check of a public key. All constants
 * are immutable BigIntegers; field elements are handed out as fresh copies.
 */
final class P256Curve {
    private static final X9ECParameters X9 = CustomNamedCurves.getByName("secp256r1");

    /** The domain as BouncyCastle's keys carry it. */
    static final ECDomainParameters DOMAIN = new ECDomainParameters(X9);
    /** The field prime p = 2^256 - 2^224 + 2^192 + 2^96 - 1. */
    static final BigInteger P = X9.getCurve().getField().getCharacteristic();
    /** The order n of the base point G (the cofactor is 1). */
    static final BigInteger N = X9.getN();
    /** The coefficient b of y^2 = x^3 - 3x + b. */
    static final BigInteger B = X9.getCurve().getB().toBigInteger();
    /** The affine x-coordinate of G. */
    static final BigInteger GX = X9.getG().getAffineXCoord().toBigInteger();
    /** The affine y-coordinate of G. */
    static final BigInteger GY = X9.getG().getAffineYCoord().toBigInteger();

    private P256Curve() {
    }

    /** Whether a key's domain is exactly P-256: the same curve, base point and order. */
    static boolean isP256(ECDomainParameters domain) {
        return domain.getCurve().equals(DOMAIN.getCurve()) && domain.getG().equals(DOMAIN.getG())
                && domain.getN().equals(N);
    }

    /**
     * Whether the affine point (x, y), both reduced mod p, satisfies y^2 = x^3 - 3x + b (SEC 1
     * §3.2.2.1 step 3 for a public key; the identity has no affine form and so never passes).
     */
    static boolean contains(int[] x, int[] y) {
        int[] tt = Nat256.createExt();
        int[] lhs = Nat256.create();
        int[] rhs = Nat256.create();
        SecP256R1Field.square(y, lhs, tt);
        SecP256R1Field.square(x, rhs, tt);
        SecP256R1Field.multiply(rhs, x, rhs, tt);
        SecP256R1Field.subtract(rhs, x, rhs);
        SecP256R1Field.subtract(rhs, x, rhs);
        SecP256R1Field.subtract(rhs, x, rhs);
        SecP256R1Field.add(rhs, SecP256R1Field.fromBigInteger(B), rhs);
        return Nat256.eq(lhs, rhs);
    }
}
