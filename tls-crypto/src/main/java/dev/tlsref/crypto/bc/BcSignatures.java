package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.CryptoException;
import dev.tlsref.crypto.SignatureAlgorithm;
import dev.tlsref.crypto.internal.RsaDigestInfo;
import dev.tlsref.crypto.internal.RsaSignatureKeys;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DSAExt;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.Ed448Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * Signatures on BouncyCastle's lightweight API (RFC 8446 §4.2.3), each behind BC's {@link
 * Signer}: ECDSA with deterministic nonces (RFC 6979) and strict DER, RSASSA-PSS and
 * RSASSA-PKCS1-v1_5 on the blinded RSA engine, Ed25519 and Ed448. RSA encryption lives in
 * {@link BcRsaEncryption}.
 */
final class BcSignatures {
    private static final byte[] NO_CONTEXT = new byte[0];

    private final BcRsaEncryption rsaEncryption = new BcRsaEncryption();

    boolean supports(SignatureAlgorithm algorithm) {
        return algorithm != null;
    }

    byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] message, SecureRandom random)
            throws CryptoException {
        if (key == null) {
            throw new CryptoException(algorithm + ": no private key");
        }
        AsymmetricKeyParameter parameters = BcKeyConverter.privateKey(key);
        if (!fits(algorithm, key, parameters)) {
            throw new CryptoException(algorithm + " cannot sign with a " + key.getAlgorithm() + " key ("
                    + key.getClass().getSimpleName() + ")");
        }
        Signer signer = newSigner(algorithm, parameters);
        // EdDSA is deterministic and takes its key bare; the others use the random for
        // RSA blinding and PSS salts (ECDSA's k comes from RFC 6979, not from the random).
        CipherParameters init = algorithm.family() == SignatureAlgorithm.Family.EDDSA
                ? parameters
                : new ParametersWithRandom(parameters, random);
        try {
            signer.init(true, init);
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException | RuntimeException e) {
            throw new CryptoException(algorithm + ": signing failed with a " + key.getAlgorithm() + " key: "
                    + e.getMessage(), e);
        }
    }

    boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] message, byte[] signature) {
        if (key == null || message == null || signature == null) {
            return false;
        }
        try {
            AsymmetricKeyParameter parameters = BcKeyConverter.publicKey(key);
            if (!fits(algorithm, key, parameters)) {
                return false;
            }
            if (parameters instanceof RSAKeyParameters
                    && signature.length != modulusLength((RSAKeyParameters) parameters)) {
                // RFC 8017 §8.1.2 and §8.2.2 step 1: a signature is exactly k bytes. BC would
                // read a shorter one as a smaller integer.
                return false;
            }
            if (algorithm.family() == SignatureAlgorithm.Family.RSA_PKCS1) {
                return verifyPkcs1(algorithm, (RSAKeyParameters) parameters, message, signature);
            }
            Signer verifier = newSigner(algorithm, parameters);
            verifier.init(false, parameters);
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (CryptoException | InvalidCipherTextException | RuntimeException e) {
            // An unreadable key or a malformed signature verifies as false, never throws.
            return false;
        }
    }

    byte[] rsaEncrypt(RSAPublicKey key, byte[] message, SecureRandom random) throws CryptoException {
        return rsaEncryption.encrypt(key, message, random);
    }

    byte[] rsaDecryptPremasterSecret(RSAPrivateKey key, byte[] encrypted, int clientVersion, SecureRandom random) {
        return rsaEncryption.decryptPremasterSecret(key, encrypted, clientVersion, random);
    }

    /**
     * RFC 8017 §8.2.2: recover the encoded message and compare it with the DigestInfo we build
     * ourselves. BC's RSADigestSigner would also accept a DigestInfo without the NULL
     * parameters; PKCS1Encoding does the RSA and type 1 padding steps only.
     */
    private static boolean verifyPkcs1(SignatureAlgorithm algorithm, RSAKeyParameters key, byte[] message,
            byte[] signature) throws InvalidCipherTextException {
        Digest hash = digest(algorithm);
        byte[] digest = new byte[hash.getDigestSize()];
        hash.update(message, 0, message.length);
        hash.doFinal(digest, 0);
        PKCS1Encoding rsa = new PKCS1Encoding(new RSABlindedEngine());
        rsa.init(false, key);
        byte[] recovered = rsa.processBlock(signature, 0, signature.length);
        return MessageDigest.isEqual(recovered, RsaDigestInfo.encode(algorithm.hashName(), digest));
    }

    /** The key type each family needs, judged on the converted parameters. */
    private static boolean fits(SignatureAlgorithm algorithm, Key key, AsymmetricKeyParameter parameters) {
        switch (algorithm.family()) {
            case ECDSA:
                // The curve is the key's own (RFC 8422 §5.1.1); TLS 1.3 checks the binding.
                return parameters instanceof ECKeyParameters;
            case RSA_PSS:
            case RSA_PKCS1:
                return parameters instanceof RSAKeyParameters && RsaSignatureKeys.fits(algorithm, key);
            case EDDSA:
                return algorithm == SignatureAlgorithm.ED25519
                        ? parameters instanceof Ed25519PrivateKeyParameters
                                || parameters instanceof Ed25519PublicKeyParameters
                        : parameters instanceof Ed448PrivateKeyParameters
                                || parameters instanceof Ed448PublicKeyParameters;
            default:
                throw new IllegalArgumentException("unknown family " + algorithm.family());
        }
    }

    private static Signer newSigner(SignatureAlgorithm algorithm, AsymmetricKeyParameter key) {
        switch (algorithm.family()) {
            case ECDSA:
                // RFC 6979 deterministic k (HMAC-DRBG over the message hash); DER (r, s) decoded
                // strictly: StandardDSAEncoding re-encodes and compares, so BER is refused.
                // Signing with a P-256 key uses P256Ecdsa (constant-time fixed-base table, complete
                // formulas, a fifth of BC's allocation, as fast). Verifying stays on BC's
                // ECDSASigner, whose Jacobian doublings make u1 G + u2 Q about 1.7x faster than
                // P256Ecdsa's complete ones; other curves stay on BC for both.
                HMacDSAKCalculator k = new HMacDSAKCalculator(digest(algorithm));
                DSAExt ecdsa = key instanceof ECPrivateKeyParameters
                        && P256Ecdsa.supports(((ECKeyParameters) key).getParameters())
                        ? new P256Ecdsa(k)
                        : new ECDSASigner(k);
                return new DSADigestSigner(ecdsa, digest(algorithm), StandardDSAEncoding.INSTANCE);
            case RSA_PSS:
                // RFC 8446 §4.2.3: MGF1 with the same hash, salt as long as the hash, trailer 0xbc.
                Digest hash = digest(algorithm);
                return new PSSSigner(new RSABlindedEngine(), hash, digest(algorithm), hash.getDigestSize());
            case RSA_PKCS1:
                return new RSADigestSigner(digest(algorithm)); // signing; see verifyPkcs1
            case EDDSA:
                // Pure EdDSA with an empty context (RFC 8032 §5.1, §5.2).
                return algorithm == SignatureAlgorithm.ED25519 ? new Ed25519Signer() : new Ed448Signer(NO_CONTEXT);
            default:
                throw new IllegalArgumentException("unknown family " + algorithm.family());
        }
    }

    private static Digest digest(SignatureAlgorithm algorithm) {
        switch (algorithm.hashName()) {
            case "SHA-256":
                return new SHA256Digest();
            case "SHA-384":
                return new SHA384Digest();
            case "SHA-512":
                return new SHA512Digest();
            default:
                throw new IllegalArgumentException("unexpected hash " + algorithm.hashName());
        }
    }

    private static int modulusLength(RSAKeyParameters key) {
        return (key.getModulus().bitLength() + 7) / 8;
    }
}
