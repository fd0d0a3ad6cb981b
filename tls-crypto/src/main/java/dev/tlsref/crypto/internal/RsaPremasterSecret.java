package dev.tlsref.crypto.internal;

import java.security.SecureRandom;
import java.security.interfaces.RSAKey;

/**
 * The constant-time half of a TLS 1.2 server's RSA key exchange (RFC 5246 §7.4.7.1): given the
 * raw RSA decryption of an EncryptedPreMasterSecret, return either the premaster secret it
 * carries or the random fallback, without a branch, an early return or a memory access that
 * depends on which one it is.
 *
 * <p>Why: a server that reveals, by an alert, an exception or a timing difference, whether a
 * ciphertext had valid PKCS#1 v1.5 padding is a padding oracle, and an attacker who can query it
 * some thousands to millions of times can decrypt a recorded premaster secret or forge a
 * signature with the server's key (Bleichenbacher 1998; ROBOT 2017; Marvin 2023). RFC 5246
 * therefore has the server carry on with a random premaster secret; the handshake then fails at
 * Finished, exactly as it would with a wrong key, and the attacker learns nothing.
 *
 * <p>The check is simple because the message length is fixed: for a k-byte modulus a valid
 * encoding is {@code 00 02 PS 00 M} with {@code PS} exactly {@code k - 51} nonzero bytes and
 * {@code M} 48 bytes beginning with the client's version (RFC 8017 §7.2.2 step 3, RFC 5246
 * §7.4.7.1). Every position is known in advance, so no search for the separator is needed.
 *
 * <p>Java gives no hard guarantee that the JIT keeps branch-free code branch-free; this is the
 * customary best effort (the same shape as BouncyCastle's and the JDK's own code).
 *
 * <p>Not part of the public API: the package is not exported by {@code dev.tlsref.crypto}.
 */
public final class RsaPremasterSecret {

    /** The length of a TLS premaster secret for RSA key exchange (RFC 5246 §7.4.7.1). */
    public static final int LENGTH = 48;

    /** The smallest encoding that can hold 00 02, eight padding bytes, 00 and 48 bytes. */
    public static final int MIN_ENCODING_LENGTH = 2 + 8 + 1 + LENGTH;

    /** The smallest modulus accepted, as BouncyCastle's TlsRsaKeyExchange also requires. */
    public static final int MIN_MODULUS_BITS = 512;

    private RsaPremasterSecret() {}

    /**
     * Checks the server's own configuration, not the peer's input: a key of at least {@value
     * #MIN_MODULUS_BITS} bits and a 16-bit version.
     *
     * @throws IllegalArgumentException if either is wrong
     */
    public static void checkArguments(RSAKey key, int clientVersion) {
        if (key.getModulus().bitLength() < MIN_MODULUS_BITS) {
            throw new IllegalArgumentException("RSA key of " + key.getModulus().bitLength()
                    + " bits is too small for RSA key exchange");
        }
        if ((clientVersion & 0xffff) != clientVersion) {
            throw new IllegalArgumentException("client version must be a 16-bit value: " + clientVersion);
        }
    }

    /** The modulus length k in bytes, the length of every valid ciphertext (RFC 8017 §7.2.2 step 1). */
    public static int modulusLength(RSAKey key) {
        return (key.getModulus().bitLength() + 7) / 8;
    }

    /** Fresh random bytes to use when the ciphertext is not valid: drawn before decrypting. */
    public static byte[] fallback(SecureRandom random) {
        byte[] fallback = new byte[LENGTH];
        random.nextBytes(fallback);
        return fallback;
    }

    /**
     * Picks the premaster secret out of {@code encoding} if it is a valid PKCS#1 v1.5 type 2
     * encoding of 48 bytes beginning with {@code clientVersion}, otherwise returns a copy of
     * {@code fallback}. Runs in time that depends only on {@code encoding.length}.
     *
     * @param encoding the raw RSA decryption, left-padded to the modulus length k
     * @param clientVersion the ClientHello's {@code client_version}, such as {@code 0x0303}
     * @param fallback 48 random bytes, drawn before decrypting
     * @return a new 48-byte array
     * @throws IllegalArgumentException if the lengths are wrong (public values only)
     */
    public static byte[] select(byte[] encoding, int clientVersion, byte[] fallback) {
        if (encoding.length < MIN_ENCODING_LENGTH || fallback.length != LENGTH) {
            throw new IllegalArgumentException("encoding of " + encoding.length
                    + " bytes or fallback of " + fallback.length + " bytes");
        }
        int separator = encoding.length - LENGTH - 1;
        int bad = 0;
        // RFC 8017 §7.2.2 step 3: EM = 0x00 || 0x02 || PS || 0x00 || M.
        bad |= encoding[0] & 0xff;
        bad |= (encoding[1] & 0xff) ^ 0x02;
        for (int i = 2; i < separator; i++) {
            // (b - 1) >>> 31 is 1 exactly when b == 0: PS bytes must be nonzero.
            bad |= ((encoding[i] & 0xff) - 1) >>> 31;
        }
        bad |= encoding[separator] & 0xff;
        // RFC 5246 §7.4.7.1: the first two bytes are the version the client offered.
        bad |= (encoding[separator + 1] & 0xff) ^ ((clientVersion >>> 8) & 0xff);
        bad |= (encoding[separator + 2] & 0xff) ^ (clientVersion & 0xff);

        // bad is in [0, 255]: (bad - 1) >> 31 is all ones when bad == 0, else zero.
        int keep = (bad - 1) >> 31;
        byte[] result = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            result[i] = (byte) ((encoding[separator + 1 + i] & keep) | (fallback[i] & ~keep));
        }
        return result;
    }
}
