package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.CryptoException;
import dev.tlsref.crypto.internal.RsaPremasterSecret;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * RSAES-PKCS1-v1_5 for the TLS 1.2 RSA key exchange (RFC 5246 §7.4.7.1) through SunJCE's
 * {@code RSA} cipher, which does its private-key operation with blinding (SunRsaSign's
 * RSACore).
 */
final class JcaRsaEncryption {

    /** RFC 8017 §7.2.1, as a TLS 1.2 client encrypts the premaster secret. */
    byte[] encrypt(RSAPublicKey key, byte[] message, SecureRandom random) throws CryptoException {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, key, random);
            return cipher.doFinal(message);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new CryptoException("RSA PKCS#1 v1.5 encryption of " + message.length + " bytes failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * RFC 5246 §7.4.7.1: decrypts without learning, in any observable way, whether the padding
     * was valid. The padding is not checked by the JCA ({@code NoPadding}, because the JCA's
     * {@code PKCS1Padding} throws on bad padding, a timing and exception oracle); the raw
     * decryption goes to {@link RsaPremasterSecret#select}, which checks it in constant time.
     * The two early exits depend only on public values: the ciphertext's length and whether
     * it is below the modulus.
     */
    byte[] decryptPremasterSecret(RSAPrivateKey key, byte[] encrypted, int clientVersion, SecureRandom random) {
        RsaPremasterSecret.checkArguments(key, clientVersion);
        // Step 1 of the RFC's countermeasure: the random premaster secret comes first.
        byte[] fallback = RsaPremasterSecret.fallback(random);
        if (encrypted == null || encrypted.length != RsaPremasterSecret.modulusLength(key)) {
            return fallback; // RFC 8017 §7.2.2 step 1: the length is public.
        }
        byte[] encoding;
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, random);
            encoding = cipher.doFinal(encrypted);
        } catch (GeneralSecurityException | ProviderException e) {
            return fallback; // The ciphertext is not below the modulus: also public.
        }
        try {
            return RsaPremasterSecret.select(encoding, clientVersion, fallback);
        } finally {
            Arrays.fill(encoding, (byte) 0);
            Arrays.fill(fallback, (byte) 0);
        }
    }
}
