package dev.tlsref.crypto.bc;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.math.BigInteger;
import java.util.Random;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;
import org.junit.jupiter.api.Test;

/**
 * The group law of {@link P256CompleteFormulas} and the multiplications of {@link
 * P256Multiplier}, checked against each other and against BouncyCastle's own P-256 points.
 */
class P256PointTest {
    private static final BigInteger N = P256Curve.N;
    private final P256CompleteFormulas formulas = new P256CompleteFormulas();
    private final Random random = new Random(20161);

    @Test
    void addingTheIdentityGivesThePointBack() {
        P256Point p = multiple(BigInteger.valueOf(7));
        P256Point sum = new P256Point();
        formulas.add(p, identity(), sum);
        assertThat(sameAffine(sum, p), is(true));
        formulas.add(identity(), p, sum);
        assertThat(sameAffine(sum, p), is(true));
    }

    @Test
    void mixedAdditionToTheIdentityGivesTheAffinePoint() {
        P256Point g = generator();
        P256Point sum = new P256Point();
        formulas.addAffine(identity(), g.x, g.y, sum);
        assertThat(sameAffine(sum, g), is(true));
    }

    @Test
    void aPointPlusItsNegationIsTheIdentity() {
        P256Point p = multiple(new BigInteger(256, random).mod(N));
        P256Point minusP = new P256Point();
        minusP.set(p);
        SecP256R1Field.negate(p.y, minusP.y);
        P256Point sum = new P256Point();
        formulas.add(p, minusP, sum);
        assertThat(sum.isIdentity(), is(true));
    }

    @Test
    void doublingEqualsAddingAPointToItself() {
        for (int i = 0; i < 20; i++) {
            P256Point p = multiple(new BigInteger(256, random).mod(N));
            P256Point doubled = new P256Point();
            P256Point added = new P256Point();
            formulas.twice(p, doubled);
            formulas.add(p, p, added);
            assertThat(sameAffine(doubled, added), is(true));
            assertThat(sameAffine(doubled, fromBc(bcMultiple(p).twice())), is(true));
        }
    }

    @Test
    void mixedAdditionOfEqualPointsIsDoubling() {
        P256Point g = generator();
        P256Point sum = new P256Point();
        formulas.addAffine(g, g.x, g.y, sum);
        assertThat(sameAffine(sum, multiple(BigInteger.TWO)), is(true));
    }

    @Test
    void doublingTheIdentityGivesTheIdentity() {
        P256Point doubled = new P256Point();
        formulas.twice(identity(), doubled);
        assertThat(doubled.isIdentity(), is(true));
    }

    @Test
    void theOrderTimesTheBasePointIsTheIdentity() {
        P256Point out = new P256Point();
        new P256Multiplier().baseMultiply(Nat256.fromBigInteger(N), out);
        assertThat(out.isIdentity(), is(true));
        new P256Multiplier().baseMultiply(Nat256.fromBigInteger(N.subtract(BigInteger.ONE)), out);
        assertThat(sameAffine(out, fromBc(P256Curve.DOMAIN.getG().negate())), is(true));
    }

    @Test
    void baseMultiplicationMatchesBouncyCastle() {
        P256Multiplier multiplier = new P256Multiplier();
        P256Point out = new P256Point();
        for (BigInteger k : new BigInteger[] {BigInteger.ONE, BigInteger.valueOf(15), BigInteger.valueOf(16),
                BigInteger.ONE.shiftLeft(255), N.subtract(BigInteger.TWO)}) {
            multiplier.baseMultiply(Nat256.fromBigInteger(k), out);
            assertThat(k.toString(16), sameAffine(out, fromBc(P256Curve.DOMAIN.getG().multiply(k))), is(true));
        }
        for (int i = 0; i < 50; i++) {
            BigInteger k = new BigInteger(256, random).mod(N);
            multiplier.baseMultiply(Nat256.fromBigInteger(k), out);
            assertThat(k.toString(16), sameAffine(out, fromBc(P256Curve.DOMAIN.getG().multiply(k))), is(true));
        }
    }

    @Test
    void sumOfProductsMatchesBouncyCastle() {
        P256Multiplier multiplier = new P256Multiplier();
        P256Point out = new P256Point();
        for (int i = 0; i < 30; i++) {
            BigInteger u1 = new BigInteger(256, random).mod(N);
            BigInteger u2 = i == 0 ? BigInteger.ZERO : new BigInteger(256, random).mod(N);
            ECPoint q = P256Curve.DOMAIN.getG().multiply(new BigInteger(256, random).mod(N)).normalize();
            multiplier.sumOfProducts(Nat256.fromBigInteger(u1), Nat256.fromBigInteger(u2), field(q.getAffineXCoord()
                    .toBigInteger()), field(q.getAffineYCoord().toBigInteger()), out);
            ECPoint expected = P256Curve.DOMAIN.getG().multiply(u1).add(q.multiply(u2));
            assertThat(sameAffine(out, fromBc(expected)), is(true));
        }
    }

    @Test
    void sumOfProductsCanBeTheIdentity() {
        // u1 G + u2 Q with Q = G and u2 = n - u1.
        BigInteger u1 = new BigInteger(256, random).mod(N);
        P256Point g = generator();
        P256Point out = new P256Point();
        new P256Multiplier().sumOfProducts(Nat256.fromBigInteger(u1), Nat256.fromBigInteger(N.subtract(u1)), g.x,
                g.y, out);
        assertThat(out.isIdentity(), is(true));
    }

    @Test
    void basePointIsOnTheCurveAndAShiftedOneIsNot() {
        P256Point g = generator();
        assertThat(P256Curve.contains(g.x, g.y), is(true));
        int[] y = Nat256.create();
        SecP256R1Field.addOne(g.y, y);
        assertThat(P256Curve.contains(g.x, y), is(false));
    }

    private static P256Point identity() {
        P256Point o = new P256Point();
        o.setIdentity();
        return o;
    }

    private static P256Point generator() {
        P256Point g = new P256Point();
        g.setAffine(field(P256Curve.GX), field(P256Curve.GY));
        return g;
    }

    private static P256Point multiple(BigInteger k) {
        return fromBc(P256Curve.DOMAIN.getG().multiply(k));
    }

    private static int[] field(BigInteger value) {
        return SecP256R1Field.fromBigInteger(value);
    }

    private static P256Point fromBc(ECPoint point) {
        ECPoint affine = point.normalize();
        P256Point p = new P256Point();
        if (affine.isInfinity()) {
            p.setIdentity();
        } else {
            p.setAffine(field(affine.getAffineXCoord().toBigInteger()), field(affine.getAffineYCoord().toBigInteger()));
        }
        return p;
    }

    private static ECPoint bcMultiple(P256Point p) {
        int[] zInverse = Nat256.create();
        int[] x = Nat256.create();
        int[] y = Nat256.create();
        SecP256R1Field.inv(p.z, zInverse);
        SecP256R1Field.multiply(p.x, zInverse, x);
        SecP256R1Field.multiply(p.y, zInverse, y);
        return P256Curve.DOMAIN.getCurve().createPoint(Nat256.toBigInteger(x), Nat256.toBigInteger(y));
    }

    /** Whether two projective points are the same point: X1 Z2 = X2 Z1 and Y1 Z2 = Y2 Z1. */
    private static boolean sameAffine(P256Point a, P256Point b) {
        if (a.isIdentity() || b.isIdentity()) {
            return a.isIdentity() && b.isIdentity();
        }
        int[] l = Nat256.create();
        int[] r = Nat256.create();
        SecP256R1Field.multiply(a.x, b.z, l);
        SecP256R1Field.multiply(b.x, a.z, r);
        boolean xs = Nat256.eq(l, r);
        SecP256R1Field.multiply(a.y, b.z, l);
        SecP256R1Field.multiply(b.y, a.z, r);
        return xs && Nat256.eq(l, r);
    }
}
