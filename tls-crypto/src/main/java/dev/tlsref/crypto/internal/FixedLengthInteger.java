package dev.tlsref.crypto.internal;

import java.math.BigInteger;

/**
 * A non-negative integer as a big-endian byte string of a fixed length, left-padded with zeros:
 * the form of finite-field DH values (RFC 8446 §4.2.8.1, §7.4.1) and of EC point coordinates
 * and shared secrets (SEC 1 §2.3.5, RFC 8446 §7.4.2).
 *
 * <p>Not part of the public API: the package is not exported by {@code dev.tlsref.crypto}.
 */
public final class FixedLengthInteger {

    private FixedLengthInteger() {}

    /**
     * {@code value} as a big-endian unsigned integer of exactly {@code length} bytes.
     *
     * @throws IllegalArgumentException if the value is negative or does not fit
     */
    public static byte[] encode(BigInteger value, int length) {
        byte[] magnitude = value.toByteArray();
        int start = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        int size = magnitude.length - start;
        if (value.signum() < 0 || size > length) {
            throw new IllegalArgumentException("value does not fit in " + length + " bytes");
        }
        byte[] out = new byte[length];
        System.arraycopy(magnitude, start, out, length - size, size);
        return out;
    }
}
