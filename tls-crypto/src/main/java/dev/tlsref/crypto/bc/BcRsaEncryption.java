package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.CryptoException;
import dev.tlsref.crypto.internal.RsaPremasterSecret;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.tls.TlsRsaKeyExchange;

/**
 * RSAES-PKCS1-v1_5 for the TLS 1.2 RSA key exchange (RFC 5246 §7.4.7.1) on BouncyCastle:
 * {@link PKCS1Encoding} over {@link RSABlindedEngine} to encrypt, and BC's own
 * {@link TlsRsaKeyExchange#decryptPreMasterSecret} to decrypt. That method draws the random
 * fallback first, decrypts with blinding, checks the padding and version with masks and picks
 * the result with a masked select, as {@link RsaPremasterSecret} does for the JCA provider.
 */
final class BcRsaEncryption {

    /** RFC 8017 §7.2.1, as a TLS 1.2 client encrypts the premaster secret. */
    byte[] encrypt(RSAPublicKey key, byte[] message, SecureRandom random) throws CryptoException {
        try {
            PKCS1Encoding cipher = new PKCS1Encoding(new RSABlindedEngine());
            cipher.init(true, new ParametersWithRandom(
                    new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent()), random));
            return cipher.processBlock(message, 0, message.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("RSA PKCS#1 v1.5 encryption of " + message.length + " bytes failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * RFC 5246 §7.4.7.1. BC's method throws on input it considers a caller's error (an empty or
     * over-long ciphertext); those lengths are public, so they are answered here with random
     * bytes instead. A ciphertext whose length is not k is refused as RFC 8017 §7.2.2 step 1
     * says, where BC alone would read a shorter one as a smaller number.
     */
    byte[] decryptPremasterSecret(RSAPrivateKey key, byte[] encrypted, int clientVersion, SecureRandom random) {
        RsaPremasterSecret.checkArguments(key, clientVersion);
        if (encrypted == null || encrypted.length != RsaPremasterSecret.modulusLength(key)) {
            return RsaPremasterSecret.fallback(random);
        }
        RSAKeyParameters parameters = BcKeyConverter.rsaPrivate(key);
        return TlsRsaKeyExchange.decryptPreMasterSecret(encrypted, 0, encrypted.length, parameters, clientVersion,
                random);
    }
}
