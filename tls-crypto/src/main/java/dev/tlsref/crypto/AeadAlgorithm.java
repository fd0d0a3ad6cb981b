package dev.tlsref.crypto;

/**
 * The AEAD algorithms of the TLS 1.3 cipher suites (RFC 8446 §B.4) and of the TLS 1.2 AEAD
 * suites (RFC 5288, RFC 7905). All take a 12-byte nonce.
 */
public enum AeadAlgorithm {
    /** AES-128 in GCM mode (NIST SP 800-38D), 16-byte tag. */
    AES_128_GCM(16, 16),
    /** AES-256 in GCM mode, 16-byte tag. */
    AES_256_GCM(32, 16),
    /** ChaCha20-Poly1305 (RFC 8439), 16-byte tag. */
    CHACHA20_POLY1305(32, 16),
    /** AES-128 in CCM mode (RFC 3610) with a 16-byte tag, for TLS_AES_128_CCM_SHA256. */
    AES_128_CCM(16, 16),
    /** AES-128 in CCM mode with an 8-byte tag, for TLS_AES_128_CCM_8_SHA256. */
    AES_128_CCM_8(16, 8);

    /** The nonce length of every algorithm here (RFC 5116 §5.1, RFC 8446 §5.3). */
    public static final int NONCE_LENGTH = 12;

    private final int keyLength;
    private final int tagLength;

    AeadAlgorithm(int keyLength, int tagLength) {
        this.keyLength = keyLength;
        this.tagLength = tagLength;
    }

    /** The key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** The authentication tag length in bytes; a sealed message is this much longer. */
    public int tagLength() {
        return tagLength;
    }

    /** The nonce length in bytes (always {@value #NONCE_LENGTH}). */
    public int nonceLength() {
        return NONCE_LENGTH;
    }
}
