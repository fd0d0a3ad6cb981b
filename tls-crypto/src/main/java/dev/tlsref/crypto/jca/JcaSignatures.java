package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.CryptoException;
import dev.tlsref.crypto.SignatureAlgorithm;
import dev.tlsref.crypto.internal.RsaDigestInfo;
import dev.tlsref.crypto.internal.RsaSignatureKeys;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Signatures through {@link Signature} on the JDK's providers: SunEC for ECDSA and EdDSA,
 * SunRsaSign for RSASSA-PSS and RSASSA-PKCS1-v1_5 (RFC 8446 §4.2.3). RSA encryption lives in
 * {@link JcaRsaEncryption}.
 */
final class JcaSignatures {
    private final JcaRsaEncryption rsaEncryption = new JcaRsaEncryption();

    boolean supports(SignatureAlgorithm algorithm) {
        // JDK 15+ has Ed25519 and Ed448 (JEP 339); everything else is older.
        return algorithm != null;
    }

    byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] message, SecureRandom random)
            throws CryptoException {
        requireFit(algorithm, key);
        try {
            Signature signer = newSignature(algorithm);
            signer.initSign(key, random);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException | ProviderException e) {
            throw new CryptoException(algorithm + ": signing failed with a " + key.getAlgorithm() + " key: "
                    + e.getMessage(), e);
        }
    }

    boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] message, byte[] signature) {
        if (key == null || message == null || signature == null || !fits(algorithm, key)
                || !wellFormed(algorithm, signature)) {
            return false;
        }
        try {
            if (algorithm.family() == SignatureAlgorithm.Family.RSA_PKCS1) {
                return verifyPkcs1(algorithm, key, message, signature);
            }
            Signature verifier = newSignature(algorithm);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A malformed signature is a false signature, whatever the provider threw.
            return false;
        }
    }

    byte[] rsaEncrypt(RSAPublicKey key, byte[] message, SecureRandom random) throws CryptoException {
        return rsaEncryption.encrypt(key, message, random);
    }

    byte[] rsaDecryptPremasterSecret(RSAPrivateKey key, byte[] encrypted, int clientVersion, SecureRandom random) {
        return rsaEncryption.decryptPremasterSecret(key, encrypted, clientVersion, random);
    }

    /** Form checks the JDK leaves out; RFC 8446 §4.2.3 names the exact encodings. */
    private static boolean wellFormed(SignatureAlgorithm algorithm, byte[] signature) {
        switch (algorithm.family()) {
            case ECDSA:
                return JcaEcdsaDer.isStrictDer(signature);
            case EDDSA:
                // RFC 8032 §5.1.6, §5.2.6: a signature is exactly 64 or 114 bytes; SunEC
                // (JDK 17) ignores bytes appended to it.
                return signature.length == (algorithm == SignatureAlgorithm.ED25519 ? 64 : 114);
            default:
                return true; // SunRsaSign checks that an RSA signature is k bytes.
        }
    }

    /**
     * RFC 8017 §8.2.2: recover the encoded message and compare it with the DigestInfo we build
     * ourselves. {@code SHA256withRSA} would also accept a DigestInfo without the NULL
     * parameters; {@code NONEwithRSA} does the RSA and padding steps and compares exactly.
     */
    private static boolean verifyPkcs1(SignatureAlgorithm algorithm, PublicKey key, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance(algorithm.hashName()).digest(message);
        Signature verifier = Signature.getInstance("NONEwithRSA");
        verifier.initVerify(key);
        verifier.update(RsaDigestInfo.encode(algorithm.hashName(), digest));
        return verifier.verify(signature);
    }

    private static void requireFit(SignatureAlgorithm algorithm, PrivateKey key) throws CryptoException {
        if (key == null) {
            throw new CryptoException(algorithm + ": no private key");
        }
        if (!fits(algorithm, key)) {
            throw new CryptoException(algorithm + " cannot sign with a " + key.getAlgorithm() + " key ("
                    + key.getClass().getSimpleName() + ")");
        }
    }

    /** The key type each family needs; the JCA would refuse most misfits too, less clearly. */
    private static boolean fits(SignatureAlgorithm algorithm, Key key) {
        switch (algorithm.family()) {
            case ECDSA:
                return key instanceof ECKey;
            case RSA_PSS:
            case RSA_PKCS1:
                return RsaSignatureKeys.fits(algorithm, key);
            case EDDSA:
                return key instanceof EdECKey
                        && eddsaName(algorithm).equalsIgnoreCase(((EdECKey) key).getParams().getName());
            default:
                throw new IllegalArgumentException("unknown family " + algorithm.family());
        }
    }

    private static Signature newSignature(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        String hash = algorithm.hashName();
        switch (algorithm.family()) {
            case ECDSA:
                // DER-encoded (r, s), as TLS carries it (RFC 8446 §4.2.3, RFC 8422 §5.4).
                return Signature.getInstance(hash.replace("-", "") + "withECDSA");
            case RSA_PKCS1:
                return Signature.getInstance(hash.replace("-", "") + "withRSA");
            case RSA_PSS:
                // RFC 8446 §4.2.3: MGF1 with the same hash, salt as long as the hash, trailer 0xbc.
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                        hashLength(hash), PSSParameterSpec.TRAILER_FIELD_BC));
                return pss;
            case EDDSA:
                // Pure EdDSA without context (RFC 8032 §5.1, §5.2; RFC 8446 §4.2.3).
                return Signature.getInstance(eddsaName(algorithm));
            default:
                throw new IllegalArgumentException("unknown family " + algorithm.family());
        }
    }

    private static String eddsaName(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.ED25519 ? "Ed25519" : "Ed448";
    }

    private static int hashLength(String hash) {
        switch (hash) {
            case "SHA-256":
                return 32;
            case "SHA-384":
                return 48;
            case "SHA-512":
                return 64;
            default:
                throw new IllegalArgumentException("unexpected hash " + hash);
        }
    }
}
