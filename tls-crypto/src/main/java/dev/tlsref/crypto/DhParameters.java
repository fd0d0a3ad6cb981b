package dev.tlsref.crypto;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Finite-field Diffie-Hellman parameters: a prime {@code p} and generator {@code g}, as a
 * TLS 1.2 server sends them in ServerKeyExchange (RFC 5246 §7.4.3).
 *
 * @param p the prime modulus
 * @param g the generator
 */
public record DhParameters(BigInteger p, BigInteger g) {

    /** Checks both are present and {@code 1 < g < p - 1}. */
    public DhParameters {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(g, "g");
        if (p.signum() <= 0 || g.compareTo(BigInteger.ONE) <= 0 || g.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
            throw new IllegalArgumentException("DH generator must satisfy 1 < g < p-1");
        }
    }

    /** The size of {@code p} in bits. */
    public int bitLength() {
        return p.bitLength();
    }

    /** The size of {@code p} in bytes, the length of every encoded value. */
    public int byteLength() {
        return (p.bitLength() + 7) / 8;
    }
}
