package dev.tlsref.crypto;

/**
 * The key exchanges behind the TLS named groups (RFC 8446 §4.2.7, RFC 7919,
 * draft-ietf-tls-ecdhe-mlkem). Share sizes are those carried in a TLS key_share or
 * ECPoint/DH public value.
 */
public enum KeyExchangeAlgorithm {
    /** X25519 (RFC 7748): 32-byte little-endian u-coordinates. */
    X25519(32, 32, false),
    /** X448 (RFC 7748): 56-byte little-endian u-coordinates. */
    X448(56, 56, false),
    /** ECDH on P-256; shares are uncompressed points {@code 04 || X || Y} (RFC 8446 §4.2.8.2). */
    SECP256R1(65, 65, false),
    /** ECDH on P-384, uncompressed points. */
    SECP384R1(97, 97, false),
    /** ECDH on P-521, uncompressed points. */
    SECP521R1(133, 133, false),
    /** Finite-field DH over the RFC 7919 2048-bit group; values left-padded to 256 bytes. */
    FFDHE2048(256, 256, false),
    /** Finite-field DH over the RFC 7919 3072-bit group. */
    FFDHE3072(384, 384, false),
    /** Finite-field DH over the RFC 7919 4096-bit group. */
    FFDHE4096(512, 512, false),
    /** ML-KEM-768 (FIPS 203): the initiator sends an encapsulation key, the responder a ciphertext. */
    MLKEM768(1184, 1088, true),
    /**
     * The hybrid X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem): shares are the ML-KEM-768 value
     * followed by the X25519 value; the shared secret is the ML-KEM secret followed by the
     * X25519 secret.
     */
    X25519MLKEM768(1184 + 32, 1088 + 32, true);

    private final int initiatorShareLength;
    private final int responderShareLength;
    private final boolean kem;

    KeyExchangeAlgorithm(int initiatorShareLength, int responderShareLength, boolean kem) {
        this.initiatorShareLength = initiatorShareLength;
        this.responderShareLength = responderShareLength;
        this.kem = kem;
    }

    /** Length of the share the initiator sends (a TLS 1.3 client's key_share). */
    public int initiatorShareLength() {
        return initiatorShareLength;
    }

    /** Length of the share the responder sends (a TLS 1.3 server's key_share). */
    public int responderShareLength() {
        return responderShareLength;
    }

    /** True when the exchange is a KEM, whose responder cannot choose its share freely. */
    public boolean isKem() {
        return kem;
    }
}
