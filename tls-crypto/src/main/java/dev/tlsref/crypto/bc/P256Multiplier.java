package dev.tlsref.crypto.bc;

import java.util.Arrays;
import org.bouncycastle.math.raw.Nat256;

/**
 * Scalar multiplication on P-256 for one ECDSA operation. Scalars are 256-bit integers as 8
 * little-endian 32-bit limbs, read as 64 4-bit digits (digit i = bits 4i..4i+3). All scratch
 * belongs to this object; after construction (and the first {@link #sumOfProducts}) nothing is
 * allocated.
 */
final class P256Multiplier {
    /** Multiples 1..15 of the window table for the variable base Q. */
    private static final int Q_MULTIPLES = 15;

    private final P256CompleteFormulas formulas = new P256CompleteFormulas();
    private final P256Point sum = new P256Point();
    private final int[] ax = Nat256.create();
    private final int[] ay = Nat256.create();
    private P256Point[] qMultiples;

    /**
     * out = k * G in constant time for a secret scalar k: one complete mixed addition per window
     * of the table chosen by a masked scan, its result kept or dropped by a mask when the digit
     * is 0. No branch and no memory index depends on k.
     */
    void baseMultiply(int[] k, P256Point out) {
        out.setIdentity();
        for (int i = 0; i < P256BaseTable.WINDOWS; i++) {
            int digit = digit(k, i);
            P256BaseTable.select(i, digit, ax, ay);
            formulas.addAffine(out, ax, ay, sum);
            out.conditionalSet(sum, ~P256BaseTable.equalMask(digit, 0));
        }
    }

    /**
     * out = u1 * G + u2 * Q for public scalars and a public point Q = (qx, qy) on the curve, in
     * variable time (SEC 1 §4.1.4 step 5): u2 * Q by 4-bit fixed windows from the top (four
     * doublings and one addition from a table of 1..15 Q per window), then u1 * G added window
     * by window from the base point table.
     */
    void sumOfProducts(int[] u1, int[] u2, int[] qx, int[] qy, P256Point out) {
        if (qMultiples == null) {
            qMultiples = new P256Point[Q_MULTIPLES];
            Arrays.setAll(qMultiples, i -> new P256Point());
        }
        qMultiples[0].setAffine(qx, qy);
        for (int j = 1; j < Q_MULTIPLES; j++) {
            formulas.add(qMultiples[j - 1], qMultiples[0], qMultiples[j]);
        }
        out.setIdentity();
        for (int i = P256BaseTable.WINDOWS - 1; i >= 0; i--) {
            if (!out.isIdentity()) {
                for (int d = 0; d < 4; d++) {
                    formulas.twice(out, out);
                }
            }
            int digit = digit(u2, i);
            if (digit != 0) {
                formulas.add(out, qMultiples[digit - 1], out);
            }
        }
        for (int i = 0; i < P256BaseTable.WINDOWS; i++) {
            int digit = digit(u1, i);
            if (digit != 0) {
                P256BaseTable.lookup(i, digit, ax, ay);
                formulas.addAffine(out, ax, ay, out);
            }
        }
    }

    /** Overwrites the scratch, which held multiples of a secret scalar after signing. */
    void clear() {
        formulas.clear();
        sum.clear();
        Nat256.zero(ax);
        Nat256.zero(ay);
    }

    private static int digit(int[] scalar, int i) {
        return (scalar[i >>> 3] >>> ((i & 7) << 2)) & 0xf;
    }
}
