package dev.tlsref.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * HKDF (RFC 5869) and the TLS 1.3 functions built on it, HKDF-Expand-Label and Derive-Secret
 * (RFC 8446 §7.1), computed with a provider's {@link CryptoProvider#newHmac HMAC}.
 *
 * <p>Immutable and thread-safe; every call keys a fresh HMAC.
 */
public final class Hkdf {
    /** RFC 8446 §7.1: every HkdfLabel label starts with this. */
    private static final byte[] LABEL_PREFIX = "tls13 ".getBytes(StandardCharsets.US_ASCII);
    /** RFC 8446 §7.1: {@code opaque label<7..255>}, prefix included. */
    private static final int MAX_LABEL_LENGTH = 255;
    /** RFC 8446 §7.1: {@code opaque context<0..255>}. */
    private static final int MAX_CONTEXT_LENGTH = 255;
    /** RFC 5869 §2.3: at most 255 blocks of output. */
    private static final int MAX_BLOCKS = 255;

    private final CryptoProvider provider;
    private final HashAlgorithm hash;

    /** HKDF over HMAC-{@code hash} as computed by {@code provider}. */
    public Hkdf(CryptoProvider provider, HashAlgorithm hash) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.hash = Objects.requireNonNull(hash, "hash");
    }

    /** The hash this HKDF is built on; its output length is {@code HashLen}. */
    public HashAlgorithm hash() {
        return hash;
    }

    /**
     * HKDF-Extract (RFC 5869 §2.2): {@code PRK = HMAC-Hash(salt, IKM)}.
     *
     * @param salt the salt; {@code null} or empty means HashLen zero bytes, as RFC 5869 §2.2
     *     says and as TLS 1.3 uses it for the first extract ("0" in RFC 8446 §7.1)
     * @param ikm the input keying material
     * @return the pseudorandom key, HashLen bytes
     */
    public byte[] extract(byte[] salt, byte[] ikm) {
        Objects.requireNonNull(ikm, "ikm");
        byte[] key = salt == null || salt.length == 0 ? new byte[hash.length()] : salt;
        Hmac hmac = provider.newHmac(hash, key);
        hmac.update(ikm);
        return hmac.doFinal();
    }

    /**
     * HKDF-Expand (RFC 5869 §2.3): {@code T(i) = HMAC-Hash(PRK, T(i-1) | info | i)}, output
     * the first {@code length} bytes of {@code T(1) | T(2) | ...}.
     *
     * @param prk the pseudorandom key, normally the output of {@link #extract}
     * @param info context information; {@code null} means empty
     * @param length the output length, 0 to 255 * HashLen
     * @throws IllegalArgumentException if {@code length} is negative or above 255 * HashLen
     */
    public byte[] expand(byte[] prk, byte[] info, int length) {
        Objects.requireNonNull(prk, "prk");
        if (length < 0 || length > MAX_BLOCKS * hash.length()) {
            throw new IllegalArgumentException("HKDF-Expand length must be 0 to " + MAX_BLOCKS * hash.length()
                    + " bytes (255 * HashLen, RFC 5869 §2.3), got " + length);
        }
        byte[] context = info == null ? new byte[0] : info;
        Hmac hmac = provider.newHmac(hash, prk);
        byte[] okm = new byte[length];
        byte[] t = new byte[0];
        byte[] counter = new byte[1];
        for (int i = 1, done = 0; done < length; i++) {
            counter[0] = (byte) i;
            hmac.update(t);
            hmac.update(context);
            hmac.update(counter);
            Arrays.fill(t, (byte) 0);
            t = hmac.doFinal();
            int n = Math.min(t.length, length - done);
            System.arraycopy(t, 0, okm, done, n);
            done += n;
        }
        Arrays.fill(t, (byte) 0);
        return okm;
    }

    /**
     * HKDF-Expand-Label (RFC 8446 §7.1): HKDF-Expand with {@code info} the serialised
     * <pre>
     * struct {
     *     uint16 length = Length;
     *     opaque label&lt;7..255&gt; = "tls13 " + Label;
     *     opaque context&lt;0..255&gt; = Context;
     * } HkdfLabel;
     * </pre>
     *
     * @param secret the secret to expand, normally HashLen bytes
     * @param label the label without its "tls13 " prefix, such as {@code "key"} or {@code "c hs traffic"};
     *     ASCII, 1 to 249 characters
     * @param context the context, at most 255 bytes (a transcript hash, or empty)
     * @param length the output length, 0 to 65535 and at most 255 * HashLen
     * @throws IllegalArgumentException if a field does not fit HkdfLabel or HKDF-Expand
     */
    public byte[] expandLabel(byte[] secret, String label, byte[] context, int length) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(context, "context");
        if (length < 0 || length > 0xFFFF) {
            throw new IllegalArgumentException("HkdfLabel.length is a uint16, got " + length);
        }
        checkAscii(label);
        int fullLabelLength = LABEL_PREFIX.length + label.length(); // ASCII: one byte per char
        if (label.isEmpty() || fullLabelLength > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("HkdfLabel.label must be 7 to 255 bytes with its \"tls13 \" prefix,"
                    + " got " + fullLabelLength + " for \"" + label + "\"");
        }
        if (context.length > MAX_CONTEXT_LENGTH) {
            throw new IllegalArgumentException("HkdfLabel.context is at most 255 bytes, got " + context.length);
        }
        byte[] info = new byte[2 + 1 + fullLabelLength + 1 + context.length];
        int at = 0;
        info[at++] = (byte) (length >>> 8);
        info[at++] = (byte) length;
        info[at++] = (byte) fullLabelLength;
        System.arraycopy(LABEL_PREFIX, 0, info, at, LABEL_PREFIX.length);
        at += LABEL_PREFIX.length;
        for (int i = 0; i < label.length(); i++) {
            info[at++] = (byte) label.charAt(i);
        }
        info[at++] = (byte) context.length;
        System.arraycopy(context, 0, info, at, context.length);
        return expand(secret, info, length);
    }

    /**
     * Derive-Secret (RFC 8446 §7.1):
     * {@code HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length)}.
     *
     * <p>Takes the transcript hash already computed, not the messages: the handshake keeps one
     * running {@link Hash} and passes its current value. For the empty transcript (the
     * {@code "derived"} and binder secrets) pass the hash of no bytes,
     * {@code provider.newHash(hash).digest()}.
     *
     * @param transcriptHash Transcript-Hash(Messages), exactly HashLen bytes
     * @throws IllegalArgumentException if {@code transcriptHash} is not HashLen bytes
     */
    public byte[] deriveSecret(byte[] secret, String label, byte[] transcriptHash) {
        if (transcriptHash.length != hash.length()) {
            throw new IllegalArgumentException("Derive-Secret takes a " + hash.length() + "-byte "
                    + hash.jcaName() + " transcript hash, got " + transcriptHash.length + " bytes");
        }
        return expandLabel(secret, label, transcriptHash, hash.length());
    }

    private static void checkAscii(String label) {
        for (int i = 0; i < label.length(); i++) {
            if (label.charAt(i) >= 0x80) {
                throw new IllegalArgumentException("TLS labels are ASCII: \"" + label + "\"");
            }
        }
    }
}
