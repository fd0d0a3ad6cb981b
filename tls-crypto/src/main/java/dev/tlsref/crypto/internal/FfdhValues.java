package dev.tlsref.crypto.internal;

import dev.tlsref.crypto.DhParameters;
import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import java.math.BigInteger;

/**
 * The provider-independent half of finite-field Diffie-Hellman in TLS, for one group: the
 * checks on a private exponent and on a peer's public value, and the fixed length every value
 * on the wire and the shared secret are padded to (RFC 8446 §4.2.8.1, §7.4.1).
 *
 * <p>Not part of the public API: the package is not exported by {@code dev.tlsref.crypto}.
 */
public final class FfdhValues {
    private final KeyExchangeAlgorithm algorithm;
    private final String name;
    private final BigInteger pMinusOne;
    private final int length;

    /** @param algorithm the named group, or {@code null} for server-chosen parameters */
    public FfdhValues(KeyExchangeAlgorithm algorithm, DhParameters parameters) {
        this.algorithm = algorithm;
        this.name = algorithm != null ? algorithm.toString() : "DH-" + parameters.bitLength();
        this.pMinusOne = parameters.p().subtract(BigInteger.ONE);
        this.length = parameters.byteLength();
    }

    /** The group's name for messages: the named group, or {@code DH-<bits>}. */
    public String name() {
        return name;
    }

    /** The byte length of p, and so of every padded value. */
    public int length() {
        return length;
    }

    /**
     * A private exponent x from its big-endian bytes.
     *
     * @throws IllegalArgumentException unless x has at most |p| bytes and lies in (1, p-1)
     */
    public BigInteger privateExponent(byte[] privateKey) {
        BigInteger x = new BigInteger(1, privateKey);
        if (privateKey.length > length || !insideOneAndPMinusOne(x)) {
            throw new IllegalArgumentException(name + " private exponent must lie in (1, p-1)");
        }
        return x;
    }

    /**
     * A peer's public value Y, checked.
     *
     * @throws InvalidKeyShareException if the length is wrong or Y is outside (1, p-1)
     */
    public BigInteger peerValue(byte[] peerShare) throws InvalidKeyShareException {
        // RFC 8446 §4.2.8.1: a TLS 1.3 key_share is left-padded to the size of p. TLS 1.2
        // (RFC 5246 §7.4.3, §7.4.7.2) carries dh_Ys / dh_Yc as opaque<1..2^16-1>, which peers
        // often send without leading zeros, so the DhParameters form accepts 1 to |p| bytes.
        boolean lengthOk = algorithm != null
                ? peerShare.length == length
                : peerShare.length >= 1 && peerShare.length <= length;
        if (!lengthOk) {
            throw new InvalidKeyShareException(name + " share must be " + length + " bytes, not " + peerShare.length);
        }
        BigInteger y = new BigInteger(1, peerShare);
        // RFC 8446 §4.2.8.1, RFC 7919 §5.1: peers MUST check 1 < Y < p-1.
        if (!insideOneAndPMinusOne(y)) {
            throw new InvalidKeyShareException(name + " public value is outside (1, p-1)");
        }
        return y;
    }

    /** {@code value} left-padded to the length of p (RFC 8446 §4.2.8.1, §7.4.1). */
    public byte[] pad(BigInteger value) {
        return FixedLengthInteger.encode(value, length);
    }

    private boolean insideOneAndPMinusOne(BigInteger value) {
        return value.compareTo(BigInteger.ONE) > 0 && value.compareTo(pMinusOne) < 0;
    }
}
