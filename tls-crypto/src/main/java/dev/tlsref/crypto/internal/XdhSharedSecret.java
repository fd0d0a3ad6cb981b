package dev.tlsref.crypto.internal;

import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchangeAlgorithm;

/**
 * The check RFC 8446 §7.4.2 (and RFC 7748 §6) asks of every X25519 and X448 result: abort on an
 * all-zero shared secret, which a low-order peer point gives.
 *
 * <p>Not part of the public API: the package is not exported by {@code dev.tlsref.crypto}.
 */
public final class XdhSharedSecret {

    private XdhSharedSecret() {}

    /** True if every byte is zero, without branching on the secret bytes. */
    public static boolean isAllZero(byte[] secret) {
        int acc = 0;
        for (byte b : secret) {
            acc |= b;
        }
        return acc == 0;
    }

    /** The exception for an all-zero result (RFC 8446 §7.4.2). */
    public static InvalidKeyShareException allZero(KeyExchangeAlgorithm algorithm) {
        return new InvalidKeyShareException(
                algorithm + " shared secret is all zeros: the peer sent a low-order point (RFC 8446 §7.4.2)");
    }
}
