package dev.tlsref.handshake.cert;

import static dev.tlsref.core.AlertDescription.HANDSHAKE_FAILURE;
import static dev.tlsref.core.AlertDescription.ILLEGAL_PARAMETER;

import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.crypto.SignatureAlgorithm;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Optional;

/**
 * Which signature schemes a certificate key can make handshake signatures with (TLS 1.3
 * CertificateVerify, TLS 1.2 ServerKeyExchange and CertificateVerify), and the choice of one.
 *
 * <p>TLS 1.3 (RFC 8446 §4.2.3, §4.4.3):
 * <ul>
 *   <li>{@code ecdsa_secpNNNr1_shaNNN}: only with a key on that very curve;
 *   <li>{@code rsa_pss_rsae_*}: rsaEncryption keys; {@code rsa_pss_pss_*}: RSASSA-PSS keys;
 *   <li>{@code ed25519}, {@code ed448}: keys of that type;
 *   <li>{@code rsa_pkcs1_*}: never (they may appear only in certificates).
 * </ul>
 * TLS 1.2 (RFC 5246 §7.4.1.4.1, RFC 8422 §5.1.1, RFC 8446 §4.2.3):
 * <ul>
 *   <li>{@code ecdsa_*}: names only the hash, so any supported curve (P-256, P-384, P-521);
 *   <li>{@code rsa_pkcs1_*} and {@code rsa_pss_rsae_*}: rsaEncryption keys;
 *       {@code rsa_pss_pss_*}: RSASSA-PSS keys;
 *   <li>{@code ed25519}, {@code ed448}: keys of that type (RFC 8422 §5.1.3).
 * </ul>
 * In both versions SHA-1 and unknown schemes are never usable. A PSS scheme also needs an RSA
 * modulus large enough for a salt as long as the hash (RFC 8017 §9.1.1), and an RSASSA-PSS key
 * whose parameters name a hash can only be used with that hash (RFC 4055 §3.1).
 */
public final class CertificateKeyScheme {
    private CertificateKeyScheme() {}

    /** Whether {@code key} can sign with {@code scheme} in {@code version} (TLS 1.2 or 1.3). */
    public static boolean permits(PublicKey key, SignatureScheme scheme, ProtocolVersion version) {
        boolean tls13 = isTls13(version);
        Optional<CertificateKeyType> type = CertificateKeyType.of(key);
        Optional<SignatureAlgorithm> algorithm = scheme.algorithm();
        if (type.isEmpty() || algorithm.isEmpty()) {
            return false;
        }
        return keyTypeFits(algorithm.get(), type.get(), tls13) && keyParametersFit(algorithm.get(), key);
    }

    /**
     * Picks the scheme to sign with: the first of {@code ourPreference} that the peer offered
     * and that {@code key} permits.
     *
     * @param peerOffered the peer's signature_algorithms, in any order
     * @param ourPreference the schemes we enable, best first
     * @throws TlsAlertException {@code handshake_failure} when there is none (RFC 8446 §4.4.2.2:
     *     the server "MUST" send a certificate compatible with the client's algorithms; RFC
     *     5246 §7.4.2 likewise)
     */
    public static SignatureScheme choose(PublicKey key, ProtocolVersion version,
            List<SignatureScheme> peerOffered, List<SignatureScheme> ourPreference) throws TlsAlertException {
        Optional<SignatureScheme> chosen = find(key, version, peerOffered, ourPreference);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        throw new TlsAlertException(HANDSHAKE_FAILURE, "no signature scheme for our "
                + CertificateKeyType.describe(key) + " certificate in " + version.name()
                + ": peer offered " + peerOffered + ", we enable " + ourPreference);
    }

    /** As {@link #choose}, without failing: empty when there is no usable scheme. */
    public static Optional<SignatureScheme> find(PublicKey key, ProtocolVersion version,
            List<SignatureScheme> peerOffered, List<SignatureScheme> ourPreference) {
        for (SignatureScheme scheme : ourPreference) {
            if (peerOffered.contains(scheme) && permits(key, scheme, version)) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the scheme a peer signed with: it must be one we offered and fit the peer's key.
     * RFC 8446 §4.4.3: the algorithm "MUST be one offered" in signature_algorithms; RFC 5246
     * §7.4.8 and §7.4.3 likewise. Sent as {@code illegal_parameter}, as OpenSSL and Go do.
     *
     * @param peerKey the public key of the peer's validated leaf
     * @param used the scheme named in the peer's signed message
     * @param weOffered the signature_algorithms we sent
     */
    public static void checkPeerScheme(PublicKey peerKey, ProtocolVersion version, SignatureScheme used,
            List<SignatureScheme> weOffered) throws TlsAlertException {
        if (!weOffered.contains(used)) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "peer signed with " + used.name()
                    + ", which we did not offer in signature_algorithms " + weOffered);
        }
        if (isTls13(version) && used.algorithm().map(a -> a.family() == SignatureAlgorithm.Family.RSA_PKCS1).orElse(false)) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "peer signed with " + used.name()
                    + ", which TLS 1.3 forbids in CertificateVerify (RFC 8446 §4.4.3)");
        }
        if (!permits(peerKey, used, version)) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "peer signed with " + used.name()
                    + ", which its " + CertificateKeyType.describe(peerKey) + " certificate cannot use in "
                    + version.name());
        }
    }

    private static boolean isTls13(ProtocolVersion version) {
        if (version.equals(ProtocolVersion.TLS1_3)) {
            return true;
        }
        if (version.equals(ProtocolVersion.TLS1_2)) {
            return false;
        }
        throw new IllegalArgumentException("tlsref signs only in TLS 1.2 and 1.3, not " + version.name());
    }

    private static boolean keyTypeFits(SignatureAlgorithm algorithm, CertificateKeyType type, boolean tls13) {
        switch (algorithm) {
            // RFC 8446 §4.2.3: in TLS 1.3 an ECDSA scheme names the curve; RFC 8422 §5.1.1: in
            // TLS 1.2 it names only the hash.
            case ECDSA_SECP256R1_SHA256:
                return tls13 ? type == CertificateKeyType.EC_SECP256R1 : type.isEc();
            case ECDSA_SECP384R1_SHA384:
                return tls13 ? type == CertificateKeyType.EC_SECP384R1 : type.isEc();
            case ECDSA_SECP521R1_SHA512:
                return tls13 ? type == CertificateKeyType.EC_SECP521R1 : type.isEc();
            case RSA_PSS_RSAE_SHA256:
            case RSA_PSS_RSAE_SHA384:
            case RSA_PSS_RSAE_SHA512:
                return type == CertificateKeyType.RSA;
            case RSA_PSS_PSS_SHA256:
            case RSA_PSS_PSS_SHA384:
            case RSA_PSS_PSS_SHA512:
                return type == CertificateKeyType.RSA_PSS;
            // RFC 8446 §4.2.3: rsa_pkcs1_* "are only valid in certificates" in TLS 1.3.
            case RSA_PKCS1_SHA256:
            case RSA_PKCS1_SHA384:
            case RSA_PKCS1_SHA512:
                return !tls13 && type == CertificateKeyType.RSA;
            case ED25519:
                return type == CertificateKeyType.ED25519;
            case ED448:
                return type == CertificateKeyType.ED448;
            default:
                return false;
        }
    }

    private static boolean keyParametersFit(SignatureAlgorithm algorithm, PublicKey key) {
        if (algorithm.family() != SignatureAlgorithm.Family.RSA_PSS) {
            return true;
        }
        RSAPublicKey rsa = (RSAPublicKey) key;
        int hashLength = hashLength(algorithm.hashName());
        // RFC 8017 §9.1.1 step 3: emLen >= hLen + sLen + 2, with sLen = hLen (RFC 8446 §4.2.3).
        int emLength = (rsa.getModulus().bitLength() - 1 + 7) / 8;
        if (emLength < 2 * hashLength + 2) {
            return false;
        }
        // RFC 4055 §3.1: parameters in an RSASSA-PSS key restrict it to that hash.
        AlgorithmParameterSpec params = rsa.getParams();
        if (params instanceof PSSParameterSpec) {
            return sameHash(((PSSParameterSpec) params).getDigestAlgorithm(), algorithm.hashName());
        }
        return true;
    }

    private static int hashLength(String hashName) {
        switch (hashName) {
            case "SHA-256": return 32;
            case "SHA-384": return 48;
            case "SHA-512": return 64;
            default: throw new IllegalStateException("unexpected PSS hash " + hashName);
        }
    }

    private static boolean sameHash(String a, String b) {
        return a.replace("-", "").equalsIgnoreCase(b.replace("-", ""));
    }
}
