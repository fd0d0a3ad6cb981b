package dev.tlsref.crypto.bc;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DSAExt;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA on P-256 (SEC 1 v2 §4.1.3 and §4.1.4, FIPS 186-5 §6.4) over the hash of the message,
 * in place of BouncyCastle's {@code ECDSASigner} under a {@code DSADigestSigner}, which hashes
 * and does the DER encoding. The point arithmetic is {@link P256Multiplier}'s: constant time
 * for k * G when signing, variable time for the public u1 * G + u2 * Q when verifying. The
 * scalars mod n are BigIntegers. One instance serves one operation at a time.
 *
 * <p>{@code BcSignatures} uses this class to sign only: BouncyCastle's {@code ECDSASigner}
 * verifies about 1.7x faster (its Jacobian doublings against the complete formulas here). The
 * verification below is complete, as {@link DSAExt} requires, and is checked against every
 * Wycheproof P-256 vector; it is the base for an allocation-free verifier with Jacobian
 * doubling.
 */
final class P256Ecdsa implements DSAExt {
    private static final BigInteger N = P256Curve.N;

    private final DSAKCalculator kCalculator;
    private final P256Multiplier multiplier = new P256Multiplier();
    private final P256Point point = new P256Point();
    private ECKeyParameters key;

    /** An ECDSA signer whose k comes from {@code kCalculator} (RFC 6979's HMAC-DRBG in TLS). */
    P256Ecdsa(DSAKCalculator kCalculator) {
        this.kCalculator = kCalculator;
    }

    /** Whether a key's domain is P-256, the only one this class handles. */
    static boolean supports(ECDomainParameters domain) {
        return P256Curve.isP256(domain);
    }

    /**
     * Takes a private key (signing) or a public key (verifying) on P-256, possibly wrapped with
     * a random; the random is ignored, as k is deterministic (RFC 6979).
     */
    @Override
    public void init(boolean forSigning, CipherParameters parameters) {
        CipherParameters bare = parameters instanceof ParametersWithRandom
                ? ((ParametersWithRandom) parameters).getParameters()
                : parameters;
        boolean fits = forSigning ? bare instanceof ECPrivateKeyParameters : bare instanceof ECPublicKeyParameters;
        if (!fits || !supports(((ECKeyParameters) bare).getParameters())) {
            throw new IllegalArgumentException("P-256 ECDSA needs a P-256 " + (forSigning ? "private" : "public")
                    + " key");
        }
        if (forSigning && !kCalculator.isDeterministic()) {
            throw new IllegalArgumentException("P-256 ECDSA takes its k from RFC 6979 only");
        }
        this.key = (ECKeyParameters) bare;
    }

    @Override
    public BigInteger getOrder() {
        return N;
    }

    /** SEC 1 §4.1.3: the signature (r, s) of a message hash. */
    @Override
    public BigInteger[] generateSignature(byte[] hash) {
        BigInteger d = ((ECPrivateKeyParameters) key).getD();
        BigInteger e = hashToInteger(hash);
        kCalculator.init(N, d, hash); // RFC 6979 §3.2
        int[] k = Nat256.create();
        int[] zInverse = Nat256.create();
        int[] x = Nat256.create();
        int[] tt = Nat256.createExt();
        try {
            while (true) {
                BigInteger kValue = kCalculator.nextK(); // in [1, n-1]
                Nat256.copy(Nat256.fromBigInteger(kValue), k);
                multiplier.baseMultiply(k, point); // step 1: R = kG, never the identity as 0 < k < n
                SecP256R1Field.inv(point.z, zInverse);
                SecP256R1Field.multiply(point.x, zInverse, x, tt);
                BigInteger r = Nat256.toBigInteger(x).mod(N); // steps 2-3: r = x_R mod n
                if (r.signum() == 0) {
                    continue; // step 3: r = 0, next k (RFC 6979 §3.4)
                }
                // Step 6: s = k^-1 (e + r d) mod n.
                BigInteger s = BigIntegers.modOddInverse(N, kValue).multiply(e.add(d.multiply(r))).mod(N);
                if (s.signum() != 0) {
                    return new BigInteger[] {r, s};
                }
            }
        } finally {
            Arrays.fill(k, 0);
            Arrays.fill(x, 0);
            Arrays.fill(zInverse, 0);
            Arrays.fill(tt, 0);
            point.clear();
            multiplier.clear();
        }
    }

    /** SEC 1 §4.1.4: whether (r, s) is a signature of the hash under the public key. */
    @Override
    public boolean verifySignature(byte[] hash, BigInteger r, BigInteger s) {
        // Step 1: r and s in [1, n-1].
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        ECPoint q = ((ECPublicKeyParameters) key).getQ().normalize();
        if (q.isInfinity()) {
            return false; // SEC 1 §3.2.2.1 step 1 (BouncyCastle also refuses it when decoding)
        }
        int[] qx = SecP256R1Field.fromBigInteger(q.getAffineXCoord().toBigInteger());
        int[] qy = SecP256R1Field.fromBigInteger(q.getAffineYCoord().toBigInteger());
        if (!P256Curve.contains(qx, qy)) {
            return false; // SEC 1 §3.2.2.1 step 3, checked again here
        }
        BigInteger e = hashToInteger(hash); // steps 2-3
        BigInteger c = BigIntegers.modOddInverseVar(N, s);
        int[] u1 = Nat256.fromBigInteger(e.multiply(c).mod(N)); // step 4: u1 = e s^-1 mod n
        int[] u2 = Nat256.fromBigInteger(r.multiply(c).mod(N)); //         u2 = r s^-1 mod n
        multiplier.sumOfProducts(u1, u2, qx, qy, point); // step 5: R = u1 G + u2 Q
        if (point.isIdentity()) {
            return false; // step 5: R = O
        }
        // Steps 6-8: v = x_R mod n = r. With x_R = X/Z and x_R < p < 2n, x_R mod n = r exactly
        // when X = r Z, or X = (r + n) Z and r + n < p; no inversion needed.
        int[] tt = Nat256.createExt();
        int[] rz = Nat256.create();
        SecP256R1Field.multiply(SecP256R1Field.fromBigInteger(r), point.z, rz, tt);
        if (Nat256.eq(rz, point.x)) {
            return true;
        }
        BigInteger rPlusN = r.add(N);
        if (rPlusN.compareTo(P256Curve.P) >= 0) {
            return false;
        }
        SecP256R1Field.multiply(SecP256R1Field.fromBigInteger(rPlusN), point.z, rz, tt);
        return Nat256.eq(rz, point.x);
    }

    /** SEC 1 §4.1.3 step 5: the leftmost 256 bits of the hash as an integer. */
    private static BigInteger hashToInteger(byte[] hash) {
        BigInteger e = new BigInteger(1, hash);
        int excess = hash.length * 8 - N.bitLength();
        return excess > 0 ? e.shiftRight(excess) : e;
    }
}
