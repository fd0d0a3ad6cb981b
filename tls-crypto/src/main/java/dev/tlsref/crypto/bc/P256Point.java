package dev.tlsref.crypto.bc;

import org.bouncycastle.math.raw.Nat256;

/**
 * A mutable point of P-256 in homogeneous projective coordinates (X:Y:Z), standing for the
 * affine point (X/Z, Y/Z); the identity is (0:1:0). Each coordinate is a field element as
 * BouncyCastle's {@code SecP256R1Field} keeps it: 8 little-endian 32-bit limbs, reduced mod p.
 * A point belongs to the one computation that owns it.
 */
final class P256Point {
    /** X, reduced mod p. */
    final int[] x = Nat256.create();
    /** Y, reduced mod p. */
    final int[] y = Nat256.create();
    /** Z, reduced mod p; zero only for the identity. */
    final int[] z = Nat256.create();

    /** Makes this the identity (0:1:0). */
    void setIdentity() {
        Nat256.zero(x);
        Nat256.zero(y);
        Nat256.zero(z);
        y[0] = 1;
    }

    /** Makes this the affine point (ax, ay), that is (ax:ay:1). */
    void setAffine(int[] ax, int[] ay) {
        Nat256.copy(ax, x);
        Nat256.copy(ay, y);
        Nat256.zero(z);
        z[0] = 1;
    }

    /** Copies {@code other} into this. */
    void set(P256Point other) {
        Nat256.copy(other.x, x);
        Nat256.copy(other.y, y);
        Nat256.copy(other.z, z);
    }

    /**
     * Copies {@code other} into this where {@code mask} is all ones and keeps this where it is
     * zero, with the same memory accesses either way (no branch on the mask).
     */
    void conditionalSet(P256Point other, int mask) {
        for (int i = 0; i < 8; i++) {
            x[i] ^= (x[i] ^ other.x[i]) & mask;
            y[i] ^= (y[i] ^ other.y[i]) & mask;
            z[i] ^= (z[i] ^ other.z[i]) & mask;
        }
    }

    /** Whether this is the identity; the only points with Z = 0 on the curve are (0:Y:0). */
    boolean isIdentity() {
        return Nat256.isZero(z);
    }

    /** Overwrites every coordinate with zeros. */
    void clear() {
        Nat256.zero(x);
        Nat256.zero(y);
        Nat256.zero(z);
    }
}
