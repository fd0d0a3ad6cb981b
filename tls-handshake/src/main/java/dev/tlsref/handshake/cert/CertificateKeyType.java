package dev.tlsref.handshake.cert;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Optional;

/**
 * The kinds of certificate key TLS signs with (RFC 8446 §4.2.3, RFC 8422 §5.1.1). A key of any
 * other kind (DSA, an EC key on another curve or with explicit parameters) has no type and can
 * be used with no signature scheme.
 */
public enum CertificateKeyType {
    /** EC key on NIST P-256 (secp256r1). */
    EC_SECP256R1("EC secp256r1", "secp256r1"),
    /** EC key on NIST P-384 (secp384r1). */
    EC_SECP384R1("EC secp384r1", "secp384r1"),
    /** EC key on NIST P-521 (secp521r1). */
    EC_SECP521R1("EC secp521r1", "secp521r1"),
    /** RSA key with the rsaEncryption algorithm identifier (RFC 8017). */
    RSA("RSA (rsaEncryption)", null),
    /** RSA key with the id-RSASSA-PSS algorithm identifier (RFC 4055 §3.1). */
    RSA_PSS("RSA (RSASSA-PSS)", null),
    /** Ed25519 key (RFC 8410). */
    ED25519("Ed25519", null),
    /** Ed448 key (RFC 8410). */
    ED448("Ed448", null);

    private final String description;
    private final ECParameterSpec curve;

    CertificateKeyType(String description, String curveName) {
        this.description = description;
        this.curve = curveName == null ? null : namedCurve(curveName);
    }

    /** The type of this public key, if it is one TLS can sign with. */
    public static Optional<CertificateKeyType> of(PublicKey key) {
        if (key instanceof ECPublicKey) {
            ECParameterSpec params = ((ECPublicKey) key).getParams();
            for (CertificateKeyType type : values()) {
                if (type.curve != null && sameCurve(type.curve, params)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
        if (key instanceof RSAPublicKey) {
            // The JDK and BouncyCastle both name an id-RSASSA-PSS key "RSASSA-PSS".
            String algorithm = key.getAlgorithm();
            boolean pss = "RSASSA-PSS".equalsIgnoreCase(algorithm) || "1.2.840.113549.1.1.10".equals(algorithm);
            return Optional.of(pss ? RSA_PSS : RSA);
        }
        String edName = key instanceof EdECPublicKey
                ? ((EdECPublicKey) key).getParams().getName()
                : key.getAlgorithm();
        if ("Ed25519".equalsIgnoreCase(edName)) {
            return Optional.of(ED25519);
        }
        if ("Ed448".equalsIgnoreCase(edName)) {
            return Optional.of(ED448);
        }
        return Optional.empty();
    }

    /** Whether this is an EC key on one of the supported curves. */
    public boolean isEc() {
        return curve != null;
    }

    /** A name for reasons and traces, e.g. {@code EC secp256r1}. */
    public String description() {
        return description;
    }

    /** Describes any key, including ones without a type, for reasons. */
    static String describe(PublicKey key) {
        return of(key).map(CertificateKeyType::description)
                .orElse("unsupported " + key.getAlgorithm() + " key");
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve())
                && a.getGenerator().equals(b.getGenerator())
                && a.getOrder().equals(b.getOrder())
                && a.getCofactor() == b.getCofactor();
    }

    private static ECParameterSpec namedCurve(String name) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(name));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK does not know curve " + name, e);
        }
    }
}
