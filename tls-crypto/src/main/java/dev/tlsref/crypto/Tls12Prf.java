package dev.tlsref.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * The TLS 1.2 pseudorandom function (RFC 5246 §5): {@code PRF(secret, label, seed) =
 * P_hash(secret, label + seed)}, with the hash of the cipher suite (SHA-256 unless the suite
 * names SHA-384).
 *
 * <p>Immutable and thread-safe; every call keys a fresh HMAC.
 */
public final class Tls12Prf {
    private final CryptoProvider provider;
    private final HashAlgorithm hash;

    /** The PRF over HMAC-{@code hash} as computed by {@code provider}. */
    public Tls12Prf(CryptoProvider provider, HashAlgorithm hash) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.hash = Objects.requireNonNull(hash, "hash");
    }

    /** The hash the PRF is built on. */
    public HashAlgorithm hash() {
        return hash;
    }

    /**
     * {@code PRF(secret, label, seed)} truncated to {@code length} bytes.
     *
     * @param secret the secret (the premaster or master secret)
     * @param label an ASCII label such as {@code "master secret"} or {@code "key expansion"}
     * @param seed the seed (for example client_random + server_random)
     * @param length how many bytes to produce, 0 or more
     * @throws IllegalArgumentException if {@code length} is negative or the label is not ASCII
     */
    public byte[] compute(byte[] secret, String label, byte[] seed, int length) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(seed, "seed");
        if (length < 0) {
            throw new IllegalArgumentException("PRF output length must not be negative, got " + length);
        }
        checkAscii(label);
        // RFC 5246 §5: the label is part of the seed that P_hash sees.
        byte[] labelAndSeed = new byte[label.length() + seed.length]; // ASCII: one byte per char
        for (int i = 0; i < label.length(); i++) {
            labelAndSeed[i] = (byte) label.charAt(i);
        }
        System.arraycopy(seed, 0, labelAndSeed, label.length(), seed.length);
        return pHash(secret, labelAndSeed, length);
    }

    /**
     * RFC 5246 §5: {@code P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) +
     * HMAC_hash(secret, A(2) + seed) + ...} where {@code A(0) = seed} and
     * {@code A(i) = HMAC_hash(secret, A(i-1))}.
     */
    private byte[] pHash(byte[] secret, byte[] seed, int length) {
        Hmac hmac = provider.newHmac(hash, secret); // doFinal returns it to the keyed state
        byte[] out = new byte[length];
        byte[] a = seed;
        for (int done = 0; done < length; ) {
            hmac.update(a);
            a = hmac.doFinal();
            hmac.update(a);
            hmac.update(seed);
            byte[] block = hmac.doFinal();
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
            Arrays.fill(block, (byte) 0);
        }
        return out;
    }

    private static void checkAscii(String label) {
        Objects.requireNonNull(label, "label");
        for (int i = 0; i < label.length(); i++) {
            if (label.charAt(i) >= 0x80) {
                throw new IllegalArgumentException("TLS labels are ASCII: \"" + label + "\"");
            }
        }
    }
}
