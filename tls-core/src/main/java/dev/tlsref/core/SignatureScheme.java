package dev.tlsref.core;

import dev.tlsref.crypto.SignatureAlgorithm;
import java.util.Map;
import java.util.Optional;

/**
 * A signature scheme (RFC 8446 §4.2.3). Unknown, legacy (SHA-1) and GREASE codes are kept
 * and never chosen.
 *
 * @param code the two-byte code point
 */
public record SignatureScheme(int code) {
    public static final SignatureScheme RSA_PKCS1_SHA256 = new SignatureScheme(0x0401);
    public static final SignatureScheme RSA_PKCS1_SHA384 = new SignatureScheme(0x0501);
    public static final SignatureScheme RSA_PKCS1_SHA512 = new SignatureScheme(0x0601);
    public static final SignatureScheme ECDSA_SECP256R1_SHA256 = new SignatureScheme(0x0403);
    public static final SignatureScheme ECDSA_SECP384R1_SHA384 = new SignatureScheme(0x0503);
    public static final SignatureScheme ECDSA_SECP521R1_SHA512 = new SignatureScheme(0x0603);
    public static final SignatureScheme RSA_PSS_RSAE_SHA256 = new SignatureScheme(0x0804);
    public static final SignatureScheme RSA_PSS_RSAE_SHA384 = new SignatureScheme(0x0805);
    public static final SignatureScheme RSA_PSS_RSAE_SHA512 = new SignatureScheme(0x0806);
    public static final SignatureScheme ED25519 = new SignatureScheme(0x0807);
    public static final SignatureScheme ED448 = new SignatureScheme(0x0808);
    public static final SignatureScheme RSA_PSS_PSS_SHA256 = new SignatureScheme(0x0809);
    public static final SignatureScheme RSA_PSS_PSS_SHA384 = new SignatureScheme(0x080a);
    public static final SignatureScheme RSA_PSS_PSS_SHA512 = new SignatureScheme(0x080b);
    /** Legacy, named so traces read well; never offered or accepted by tlsref. */
    public static final SignatureScheme RSA_PKCS1_SHA1 = new SignatureScheme(0x0201);
    /** Legacy, named so traces read well; never offered or accepted by tlsref. */
    public static final SignatureScheme ECDSA_SHA1 = new SignatureScheme(0x0203);

    private record Known(String name, SignatureAlgorithm algorithm) {}

    private static final Map<Integer, Known> KNOWN = Map.ofEntries(
            Map.entry(0x0401, new Known("rsa_pkcs1_sha256", SignatureAlgorithm.RSA_PKCS1_SHA256)),
            Map.entry(0x0501, new Known("rsa_pkcs1_sha384", SignatureAlgorithm.RSA_PKCS1_SHA384)),
            Map.entry(0x0601, new Known("rsa_pkcs1_sha512", SignatureAlgorithm.RSA_PKCS1_SHA512)),
            Map.entry(0x0403, new Known("ecdsa_secp256r1_sha256", SignatureAlgorithm.ECDSA_SECP256R1_SHA256)),
            Map.entry(0x0503, new Known("ecdsa_secp384r1_sha384", SignatureAlgorithm.ECDSA_SECP384R1_SHA384)),
            Map.entry(0x0603, new Known("ecdsa_secp521r1_sha512", SignatureAlgorithm.ECDSA_SECP521R1_SHA512)),
            Map.entry(0x0804, new Known("rsa_pss_rsae_sha256", SignatureAlgorithm.RSA_PSS_RSAE_SHA256)),
            Map.entry(0x0805, new Known("rsa_pss_rsae_sha384", SignatureAlgorithm.RSA_PSS_RSAE_SHA384)),
            Map.entry(0x0806, new Known("rsa_pss_rsae_sha512", SignatureAlgorithm.RSA_PSS_RSAE_SHA512)),
            Map.entry(0x0807, new Known("ed25519", SignatureAlgorithm.ED25519)),
            Map.entry(0x0808, new Known("ed448", SignatureAlgorithm.ED448)),
            Map.entry(0x0809, new Known("rsa_pss_pss_sha256", SignatureAlgorithm.RSA_PSS_PSS_SHA256)),
            Map.entry(0x080a, new Known("rsa_pss_pss_sha384", SignatureAlgorithm.RSA_PSS_PSS_SHA384)),
            Map.entry(0x080b, new Known("rsa_pss_pss_sha512", SignatureAlgorithm.RSA_PSS_PSS_SHA512)),
            Map.entry(0x0201, new Known("rsa_pkcs1_sha1", null)),
            Map.entry(0x0203, new Known("ecdsa_sha1", null)));

    /** Checks the code fits in two bytes. */
    public SignatureScheme {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("signature scheme out of range: " + code);
        }
    }

    /** The scheme with this IANA name, e.g. {@code ecdsa_secp256r1_sha256}. */
    public static Optional<SignatureScheme> forName(String name) {
        return KNOWN.entrySet().stream()
                .filter(e -> e.getValue().name().equals(name))
                .map(e -> new SignatureScheme(e.getKey()))
                .findFirst();
    }

    /** The signature algorithm, if tlsref implements this scheme. */
    public Optional<SignatureAlgorithm> algorithm() {
        return Optional.ofNullable(KNOWN.get(code)).map(Known::algorithm);
    }

    /** The IANA name, or {@code unknown(0xNNNN)} / {@code grease(0xNNNN)}. */
    public String name() {
        Known known = KNOWN.get(code);
        if (known != null) {
            return known.name();
        }
        return Grease.isGrease(code) ? String.format("grease(0x%04x)", code) : String.format("unknown(0x%04x)", code);
    }

    @Override
    public String toString() {
        return name();
    }
}
