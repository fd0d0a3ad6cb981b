package dev.tlsref.crypto.bc;

import java.util.Arrays;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * Point addition and doubling on P-256 (y^2 = x^3 - 3x + b) with the complete projective
 * formulas for a = -3 of Renes, Costello and Batina, "Complete addition formulas for prime
 * order elliptic curves" (EUROCRYPT 2016, ePrint 2015/1060): Algorithm 4 (addition),
 * Algorithm 5 (mixed addition) and Algorithm 6 (doubling). They give the right answer for
 * every pair of inputs, the identity and equal points included, so callers need no special
 * cases (mixed addition only needs its affine input not to be the identity, which has no
 * affine form).
 *
 * <p>Each step is written as in the paper, with its temporaries t0..t4 and its step numbers.
 * The temporaries and the output coordinates are scratch owned by this object, so one
 * instance serves one computation at a time and allocates nothing after construction. The
 * result may be the same object as an input.
 */
final class P256CompleteFormulas {
    /** The curve coefficient b of P-256 (FIPS 186-5 / SP 800-186 §3.2.1.3). Never written. */
    private static final int[] B = SecP256R1Field.fromBigInteger(P256Curve.B);

    private final int[] t0 = Nat256.create();
    private final int[] t1 = Nat256.create();
    private final int[] t2 = Nat256.create();
    private final int[] t3 = Nat256.create();
    private final int[] t4 = Nat256.create();
    private final int[] x3 = Nat256.create();
    private final int[] y3 = Nat256.create();
    private final int[] z3 = Nat256.create();
    /** The double-length product that SecP256R1Field reduces from. */
    private final int[] tt = Nat256.createExt();

    /** r = p + q: Renes-Costello-Batina Algorithm 4, 12M + 2m_b + 29a. */
    void add(P256Point p, P256Point q, P256Point r) {
        int[] x1 = p.x, y1 = p.y, z1 = p.z;
        int[] x2 = q.x, y2 = q.y, z2 = q.z;
        mul(x1, x2, t0);     //  1. t0 = X1 * X2
        mul(y1, y2, t1);     //  2. t1 = Y1 * Y2
        mul(z1, z2, t2);     //  3. t2 = Z1 * Z2
        add(x1, y1, t3);     //  4. t3 = X1 + Y1
        add(x2, y2, t4);     //  5. t4 = X2 + Y2
        mul(t3, t4, t3);     //  6. t3 = t3 * t4
        add(t0, t1, t4);     //  7. t4 = t0 + t1
        sub(t3, t4, t3);     //  8. t3 = t3 - t4
        add(y1, z1, t4);     //  9. t4 = Y1 + Z1
        add(y2, z2, x3);     // 10. X3 = Y2 + Z2
        mul(t4, x3, t4);     // 11. t4 = t4 * X3
        add(t1, t2, x3);     // 12. X3 = t1 + t2
        sub(t4, x3, t4);     // 13. t4 = t4 - X3
        add(x1, z1, x3);     // 14. X3 = X1 + Z1
        add(x2, z2, y3);     // 15. Y3 = X2 + Z2
        mul(x3, y3, x3);     // 16. X3 = X3 * Y3
        add(t0, t2, y3);     // 17. Y3 = t0 + t2
        sub(x3, y3, y3);     // 18. Y3 = X3 - Y3
        mul(B, t2, z3);      // 19. Z3 = b * t2
        sub(y3, z3, x3);     // 20. X3 = Y3 - Z3
        add(x3, x3, z3);     // 21. Z3 = X3 + X3
        add(x3, z3, x3);     // 22. X3 = X3 + Z3
        sub(t1, x3, z3);     // 23. Z3 = t1 - X3
        add(t1, x3, x3);     // 24. X3 = t1 + X3
        mul(B, y3, y3);      // 25. Y3 = b * Y3
        add(t2, t2, t1);     // 26. t1 = t2 + t2
        add(t1, t2, t2);     // 27. t2 = t1 + t2
        sub(y3, t2, y3);     // 28. Y3 = Y3 - t2
        sub(y3, t0, y3);     // 29. Y3 = Y3 - t0
        add(y3, y3, t1);     // 30. t1 = Y3 + Y3
        add(t1, y3, y3);     // 31. Y3 = t1 + Y3
        add(t0, t0, t1);     // 32. t1 = t0 + t0
        add(t1, t0, t0);     // 33. t0 = t1 + t0
        sub(t0, t2, t0);     // 34. t0 = t0 - t2
        mul(t4, y3, t1);     // 35. t1 = t4 * Y3
        mul(t0, y3, t2);     // 36. t2 = t0 * Y3
        mul(x3, z3, y3);     // 37. Y3 = X3 * Z3
        add(y3, t2, y3);     // 38. Y3 = Y3 + t2
        mul(x3, t3, x3);     // 39. X3 = X3 * t3
        sub(x3, t1, x3);     // 40. X3 = X3 - t1
        mul(z3, t4, z3);     // 41. Z3 = Z3 * t4
        mul(t3, t0, t1);     // 42. t1 = t3 * t0
        add(z3, t1, z3);     // 43. Z3 = Z3 + t1
        store(r);
    }

    /**
     * r = p + (x2, y2) for an affine point (x2, y2), that is Z2 = 1: Renes-Costello-Batina
     * Algorithm 5, 11M + 2m_b + 23a. Complete in p; (x2, y2) must be a point of the curve.
     */
    void addAffine(P256Point p, int[] x2, int[] y2, P256Point r) {
        int[] x1 = p.x, y1 = p.y, z1 = p.z;
        mul(x1, x2, t0);     //  1. t0 = X1 * X2
        mul(y1, y2, t1);     //  2. t1 = Y1 * Y2
        add(x2, y2, t3);     //  3. t3 = X2 + Y2
        add(x1, y1, t4);     //  4. t4 = X1 + Y1
        mul(t3, t4, t3);     //  5. t3 = t3 * t4
        add(t0, t1, t4);     //  6. t4 = t0 + t1
        sub(t3, t4, t3);     //  7. t3 = t3 - t4
        mul(y2, z1, t4);     //  8. t4 = Y2 * Z1
        add(t4, y1, t4);     //  9. t4 = t4 + Y1
        mul(x2, z1, y3);     // 10. Y3 = X2 * Z1
        add(y3, x1, y3);     // 11. Y3 = Y3 + X1
        mul(B, z1, z3);      // 12. Z3 = b * Z1
        sub(y3, z3, x3);     // 13. X3 = Y3 - Z3
        add(x3, x3, z3);     // 14. Z3 = X3 + X3
        add(x3, z3, x3);     // 15. X3 = X3 + Z3
        sub(t1, x3, z3);     // 16. Z3 = t1 - X3
        add(t1, x3, x3);     // 17. X3 = t1 + X3
        mul(B, y3, y3);      // 18. Y3 = b * Y3
        add(z1, z1, t1);     // 19. t1 = Z1 + Z1
        add(t1, z1, t2);     // 20. t2 = t1 + Z1
        sub(y3, t2, y3);     // 21. Y3 = Y3 - t2
        sub(y3, t0, y3);     // 22. Y3 = Y3 - t0
        add(y3, y3, t1);     // 23. t1 = Y3 + Y3
        add(t1, y3, y3);     // 24. Y3 = t1 + Y3
        add(t0, t0, t1);     // 25. t1 = t0 + t0
        add(t1, t0, t0);     // 26. t0 = t1 + t0
        sub(t0, t2, t0);     // 27. t0 = t0 - t2
        mul(t4, y3, t1);     // 28. t1 = t4 * Y3
        mul(t0, y3, t2);     // 29. t2 = t0 * Y3
        mul(x3, z3, y3);     // 30. Y3 = X3 * Z3
        add(y3, t2, y3);     // 31. Y3 = Y3 + t2
        mul(x3, t3, x3);     // 32. X3 = X3 * t3
        sub(x3, t1, x3);     // 33. X3 = X3 - t1
        mul(z3, t4, z3);     // 34. Z3 = Z3 * t4
        mul(t3, t0, t1);     // 35. t1 = t3 * t0
        add(z3, t1, z3);     // 36. Z3 = Z3 + t1
        store(r);
    }

    /** r = 2p: Renes-Costello-Batina Algorithm 6, 8M + 3S + 2m_b + 21a. */
    void twice(P256Point p, P256Point r) {
        int[] x = p.x, y = p.y, z = p.z;
        sqr(x, t0);          //  1. t0 = X^2
        sqr(y, t1);          //  2. t1 = Y^2
        sqr(z, t2);          //  3. t2 = Z^2
        mul(x, y, t3);       //  4. t3 = X * Y
        add(t3, t3, t3);     //  5. t3 = t3 + t3
        mul(x, z, z3);       //  6. Z3 = X * Z
        add(z3, z3, z3);     //  7. Z3 = Z3 + Z3
        mul(B, t2, y3);      //  8. Y3 = b * t2
        sub(y3, z3, y3);     //  9. Y3 = Y3 - Z3
        add(y3, y3, x3);     // 10. X3 = Y3 + Y3
        add(x3, y3, y3);     // 11. Y3 = X3 + Y3
        sub(t1, y3, x3);     // 12. X3 = t1 - Y3
        add(t1, y3, y3);     // 13. Y3 = t1 + Y3
        mul(x3, y3, y3);     // 14. Y3 = X3 * Y3
        mul(x3, t3, x3);     // 15. X3 = X3 * t3
        add(t2, t2, t3);     // 16. t3 = t2 + t2
        add(t2, t3, t2);     // 17. t2 = t2 + t3
        mul(B, z3, z3);      // 18. Z3 = b * Z3
        sub(z3, t2, z3);     // 19. Z3 = Z3 - t2
        sub(z3, t0, z3);     // 20. Z3 = Z3 - t0
        add(z3, z3, t3);     // 21. t3 = Z3 + Z3
        add(z3, t3, z3);     // 22. Z3 = Z3 + t3
        add(t0, t0, t3);     // 23. t3 = t0 + t0
        add(t3, t0, t0);     // 24. t0 = t3 + t0
        sub(t0, t2, t0);     // 25. t0 = t0 - t2
        mul(t0, z3, t0);     // 26. t0 = t0 * Z3
        add(y3, t0, y3);     // 27. Y3 = Y3 + t0
        mul(y, z, t0);       // 28. t0 = Y * Z
        add(t0, t0, t0);     // 29. t0 = t0 + t0
        mul(t0, z3, z3);     // 30. Z3 = t0 * Z3
        sub(x3, z3, x3);     // 31. X3 = X3 - Z3
        mul(t0, t1, z3);     // 32. Z3 = t0 * t1
        add(z3, z3, z3);     // 33. Z3 = Z3 + Z3
        add(z3, z3, z3);     // 34. Z3 = Z3 + Z3
        store(r);
    }

    /** Overwrites the scratch, which held values derived from the last inputs. */
    void clear() {
        Arrays.fill(t0, 0);
        Arrays.fill(t1, 0);
        Arrays.fill(t2, 0);
        Arrays.fill(t3, 0);
        Arrays.fill(t4, 0);
        Arrays.fill(x3, 0);
        Arrays.fill(y3, 0);
        Arrays.fill(z3, 0);
        Arrays.fill(tt, 0);
    }

    private void store(P256Point r) {
        Nat256.copy(x3, r.x);
        Nat256.copy(y3, r.y);
        Nat256.copy(z3, r.z);
    }

    private void mul(int[] a, int[] b, int[] out) {
        SecP256R1Field.multiply(a, b, out, tt);
    }

    private void sqr(int[] a, int[] out) {
        SecP256R1Field.square(a, out, tt);
    }

    private static void add(int[] a, int[] b, int[] out) {
        SecP256R1Field.add(a, b, out);
    }

    private static void sub(int[] a, int[] b, int[] out) {
        SecP256R1Field.subtract(a, b, out);
    }
}
