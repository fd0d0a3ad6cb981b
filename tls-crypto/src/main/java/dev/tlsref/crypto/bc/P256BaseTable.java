package dev.tlsref.crypto.bc;

import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * Multiples of the P-256 base point G for fixed 4-bit windows: for each window i in 0..63 and
 * digit j in 1..15, the affine point j * 16^i * G. A scalar k = sum k_i 16^i then gives
 * k * G = sum (k_i * 16^i * G), 64 mixed additions and no doublings. The table (60 KB) is
 * built once at class initialisation and never written afterwards.
 */
final class P256BaseTable {
    /** Number of 4-bit windows in a 256-bit scalar. */
    static final int WINDOWS = 64;
    /** Entries per window: the digits 1..15 (digit 0 is the identity and is not stored). */
    private static final int ENTRIES = 15;
    /** Ints per entry: x then y, 8 limbs each. */
    private static final int ENTRY_INTS = 16;

    /** Entry (i, j) starts at ((i * ENTRIES) + (j - 1)) * ENTRY_INTS. Never written after build. */
    private static final int[] TABLE = build();

    private P256BaseTable() {
    }

    /**
     * Writes digit * 16^window * G into (x, y) in constant time: every entry of the window is
     * read and masked in, whatever the digit. For digit 0 (the identity) it writes (0, 0), which
     * the caller must discard.
     */
    static void select(int window, int digit, int[] x, int[] y) {
        Nat256.zero(x);
        Nat256.zero(y);
        int base = window * ENTRIES * ENTRY_INTS;
        for (int j = 1; j <= ENTRIES; j++) {
            int mask = equalMask(digit, j);
            int at = base + (j - 1) * ENTRY_INTS;
            for (int l = 0; l < 8; l++) {
                x[l] |= TABLE[at + l] & mask;
                y[l] |= TABLE[at + 8 + l] & mask;
            }
        }
    }

    /** Writes digit * 16^window * G into (x, y) for a public digit in 1..15 (variable time). */
    static void lookup(int window, int digit, int[] x, int[] y) {
        int at = (window * ENTRIES + digit - 1) * ENTRY_INTS;
        System.arraycopy(TABLE, at, x, 0, 8);
        System.arraycopy(TABLE, at + 8, y, 0, 8);
    }

    /** All ones if a == b, else zero, for a and b in 0..15, without a branch. */
    static int equalMask(int a, int b) {
        return ((a ^ b) - 1) >> 31;
    }

    private static int[] build() {
        int[] table = new int[WINDOWS * ENTRIES * ENTRY_INTS];
        P256CompleteFormulas formulas = new P256CompleteFormulas();
        P256Point windowBase = new P256Point(); // 16^i * G
        windowBase.setAffine(SecP256R1Field.fromBigInteger(P256Curve.GX), SecP256R1Field.fromBigInteger(P256Curve.GY));
        P256Point multiple = new P256Point();
        int[] zInverse = Nat256.create();
        int[] affine = Nat256.create();
        int[] tt = Nat256.createExt();
        for (int i = 0; i < WINDOWS; i++) {
            multiple.set(windowBase);
            for (int j = 1; j <= ENTRIES; j++) {
                int at = (i * ENTRIES + j - 1) * ENTRY_INTS;
                SecP256R1Field.inv(multiple.z, zInverse);
                SecP256R1Field.multiply(multiple.x, zInverse, affine, tt);
                System.arraycopy(affine, 0, table, at, 8);
                SecP256R1Field.multiply(multiple.y, zInverse, affine, tt);
                System.arraycopy(affine, 0, table, at + 8, 8);
                formulas.add(multiple, windowBase, multiple);
            }
            // After the loop multiple = 16 * windowBase, the next window's base.
            windowBase.set(multiple);
        }
        return table;
    }
}
