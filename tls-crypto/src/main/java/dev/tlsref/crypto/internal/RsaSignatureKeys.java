package dev.tlsref.crypto.internal;

import dev.tlsref.crypto.SignatureAlgorithm;
import java.security.Key;
import java.security.interfaces.RSAKey;

/**
 * Which RSA keys go with which RSA signature scheme, the same rule for both providers.
 *
 * <p>RFC 8446 §4.2.3: {@code rsa_pss_rsae_*} and {@code rsa_pkcs1_*} use a key with the
 * rsaEncryption OID (JCA algorithm {@code RSA}); {@code rsa_pss_pss_*} use a key with the
 * id-RSASSA-PSS OID (JCA algorithm {@code RSASSA-PSS}). RFC 4055 §1.2 forbids using an
 * id-RSASSA-PSS key for anything but PSS.
 *
 * <p>Not part of the public API: the package is not exported by {@code dev.tlsref.crypto}.
 */
public final class RsaSignatureKeys {

    private RsaSignatureKeys() {}

    /** True if {@code key} is an RSA key of the kind {@code algorithm} requires. */
    public static boolean fits(SignatureAlgorithm algorithm, Key key) {
        if (!(key instanceof RSAKey)) {
            return false;
        }
        return requiredKeyAlgorithm(algorithm).equalsIgnoreCase(key.getAlgorithm());
    }

    /** The JCA key algorithm name an RSA signature scheme requires. */
    public static String requiredKeyAlgorithm(SignatureAlgorithm algorithm) {
        switch (algorithm) {
            case RSA_PSS_PSS_SHA256:
            case RSA_PSS_PSS_SHA384:
            case RSA_PSS_PSS_SHA512:
                return "RSASSA-PSS";
            case RSA_PSS_RSAE_SHA256:
            case RSA_PSS_RSAE_SHA384:
            case RSA_PSS_RSAE_SHA512:
            case RSA_PKCS1_SHA256:
            case RSA_PKCS1_SHA384:
            case RSA_PKCS1_SHA512:
                return "RSA";
            default:
                throw new IllegalArgumentException(algorithm + " is not an RSA signature");
        }
    }
}
