package dev.tlsref.handshake.cert;

import dev.tlsref.core.SignatureScheme;
import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signature schemes that name the signature on a certificate, for comparing against a
 * peer's signature_algorithms_cert (RFC 8446 §4.2.3). The mapping goes by algorithm and hash:
 * an ECDSA signature is named by its hash whatever the issuer's curve, and an RSASSA-PSS
 * signature by both the rsae and pss schemes of its hash, since the issuer's key type is not
 * in the certificate. This is used only to prefer one chain over another, never to reject.
 */
final class CertificateSignatureSchemes {
    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

    private static final Map<String, SignatureScheme> BY_OID = Map.of(
            "1.2.840.113549.1.1.5", SignatureScheme.RSA_PKCS1_SHA1,
            "1.2.840.113549.1.1.11", SignatureScheme.RSA_PKCS1_SHA256,
            "1.2.840.113549.1.1.12", SignatureScheme.RSA_PKCS1_SHA384,
            "1.2.840.113549.1.1.13", SignatureScheme.RSA_PKCS1_SHA512,
            "1.2.840.10045.4.1", SignatureScheme.ECDSA_SHA1,
            "1.2.840.10045.4.3.2", SignatureScheme.ECDSA_SECP256R1_SHA256,
            "1.2.840.10045.4.3.3", SignatureScheme.ECDSA_SECP384R1_SHA384,
            "1.2.840.10045.4.3.4", SignatureScheme.ECDSA_SECP521R1_SHA512,
            "1.3.101.112", SignatureScheme.ED25519,
            "1.3.101.113", SignatureScheme.ED448);

    private CertificateSignatureSchemes() {}

    /** The schemes that could name this certificate's signature; empty if none does. */
    static List<SignatureScheme> of(X509Certificate certificate) {
        String oid = certificate.getSigAlgOID();
        SignatureScheme scheme = BY_OID.get(oid);
        if (scheme != null) {
            return List.of(scheme);
        }
        if (RSASSA_PSS.equals(oid)) {
            return pssSchemes(certificate.getSigAlgParams());
        }
        return List.of();
    }

    // RFC 4055 §3.1: RSASSA-PSS-params name the hash; TLS uses MGF1 with the same hash.
    private static List<SignatureScheme> pssSchemes(byte[] encodedParams) {
        if (encodedParams == null) {
            return List.of(); // the default hash is SHA-1, which no TLS scheme names
        }
        String hash;
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
            parameters.init(encodedParams);
            hash = parameters.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm();
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return List.of();
        }
        switch (hash.replace("-", "").toUpperCase(Locale.ROOT)) {
            case "SHA256":
                return List.of(SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_PSS_SHA256);
            case "SHA384":
                return List.of(SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_PSS_SHA384);
            case "SHA512":
                return List.of(SignatureScheme.RSA_PSS_RSAE_SHA512, SignatureScheme.RSA_PSS_PSS_SHA512);
            default:
                return List.of();
        }
    }

    /**
     * Whether every signature in the chain is named in {@code accepted}, except on self-signed
     * certificates, whose signatures nobody checks (RFC 8446 §4.2.3).
     */
    static boolean chainSignedWith(List<X509Certificate> chain, List<SignatureScheme> accepted) {
        for (X509Certificate certificate : chain) {
            if (certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
                continue;
            }
            if (of(certificate).stream().noneMatch(accepted::contains)) {
                return false;
            }
        }
        return true;
    }
}
