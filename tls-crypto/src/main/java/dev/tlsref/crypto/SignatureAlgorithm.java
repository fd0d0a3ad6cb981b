package dev.tlsref.crypto;

/**
 * The signature algorithms behind the TLS SignatureSchemes (RFC 8446 §4.2.3). Messages are
 * signed whole; the hash is part of the algorithm. ECDSA signatures are DER-encoded as TLS
 * carries them.
 *
 * <p>For ECDSA the curve is the key's own: TLS 1.3 binds each scheme to one curve and checks
 * that itself, TLS 1.2 does not (RFC 8422 §5.1.1).
 */
public enum SignatureAlgorithm {
    ECDSA_SECP256R1_SHA256(Family.ECDSA, "SHA-256"),
    ECDSA_SECP384R1_SHA384(Family.ECDSA, "SHA-384"),
    ECDSA_SECP521R1_SHA512(Family.ECDSA, "SHA-512"),
    /** RSASSA-PSS, MGF1 with the same hash, salt length = hash length, rsaEncryption key. */
    RSA_PSS_RSAE_SHA256(Family.RSA_PSS, "SHA-256"),
    RSA_PSS_RSAE_SHA384(Family.RSA_PSS, "SHA-384"),
    RSA_PSS_RSAE_SHA512(Family.RSA_PSS, "SHA-512"),
    /** RSASSA-PSS as above, with an RSASSA-PSS (id-RSASSA-PSS) key. */
    RSA_PSS_PSS_SHA256(Family.RSA_PSS, "SHA-256"),
    RSA_PSS_PSS_SHA384(Family.RSA_PSS, "SHA-384"),
    RSA_PSS_PSS_SHA512(Family.RSA_PSS, "SHA-512"),
    /** RSASSA-PKCS1-v1_5; in TLS 1.3 only for certificates, never for CertificateVerify. */
    RSA_PKCS1_SHA256(Family.RSA_PKCS1, "SHA-256"),
    RSA_PKCS1_SHA384(Family.RSA_PKCS1, "SHA-384"),
    RSA_PKCS1_SHA512(Family.RSA_PKCS1, "SHA-512"),
    /** Ed25519 (RFC 8032), pure. */
    ED25519(Family.EDDSA, null),
    /** Ed448 (RFC 8032), pure, empty context. */
    ED448(Family.EDDSA, null);

    /** The kinds of signature, each with its own key type. */
    public enum Family { ECDSA, RSA_PSS, RSA_PKCS1, EDDSA }

    private final Family family;
    private final String hashName;

    SignatureAlgorithm(Family family, String hashName) {
        this.family = family;
        this.hashName = hashName;
    }

    /** The kind of signature. */
    public Family family() {
        return family;
    }

    /** The JCA name of the message hash, or {@code null} for EdDSA, which hashes internally. */
    public String hashName() {
        return hashName;
    }
}
