package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.CryptoException;
import java.io.IOException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Turns the JDK's key objects into BouncyCastle lightweight parameters.
 *
 * <p>RSA keys are read through their interfaces (the numbers are all there). Every other key
 * goes through its standard encoding, PKCS#8 for private keys and X.509 SubjectPublicKeyInfo
 * for public keys (RFC 5208, RFC 5280 §4.1.2.7), which BouncyCastle parses into the right
 * parameters: an EC key with its named curve (RFC 5480), an Ed25519 or Ed448 key (RFC 8410).
 * This works for any provider's key that can be exported.
 */
final class BcKeyConverter {

    private BcKeyConverter() {}

    /** The lightweight form of a private key. */
    static AsymmetricKeyParameter privateKey(PrivateKey key) throws CryptoException {
        if (key instanceof RSAPrivateKey) {
            return rsaPrivate((RSAPrivateKey) key);
        }
        try {
            return PrivateKeyFactory.createKey(encoding(key));
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("cannot read " + key.getAlgorithm() + " private key: " + e.getMessage(), e);
        }
    }

    /** The lightweight form of a public key; BouncyCastle checks EC points lie on the curve. */
    static AsymmetricKeyParameter publicKey(PublicKey key) throws CryptoException {
        if (key instanceof RSAPublicKey) {
            RSAPublicKey rsa = (RSAPublicKey) key;
            try {
                return new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
            } catch (IllegalArgumentException e) {
                throw new CryptoException("unusable RSA public key: " + e.getMessage(), e);
            }
        }
        try {
            return PublicKeyFactory.createKey(encoding(key));
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("cannot read " + key.getAlgorithm() + " public key: " + e.getMessage(), e);
        }
    }

    /** The RSA private key with its CRT values, or null if the key lacks them. */
    private static RSAPrivateCrtKeyParameters rsaCrt(RSAPrivateCrtKey key) {
        if (key.getPrimeP() == null || key.getPrimeP().signum() <= 0 || key.getPublicExponent() == null
                || key.getPublicExponent().signum() <= 0) {
            return null;
        }
        return new RSAPrivateCrtKeyParameters(key.getModulus(), key.getPublicExponent(),
                key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(),
                key.getPrimeExponentQ(), key.getCrtCoefficient());
    }

    /**
     * RSA private key parameters, with CRT values whenever the key has them. Without them
     * RSABlindedEngine cannot blind; every key a JDK KeyFactory or generator makes has them.
     */
    static RSAKeyParameters rsaPrivate(RSAPrivateKey key) {
        if (key instanceof RSAPrivateCrtKey) {
            RSAPrivateCrtKeyParameters crt = rsaCrt((RSAPrivateCrtKey) key);
            if (crt != null) {
                return crt;
            }
        }
        return new RSAKeyParameters(true, key.getModulus(), key.getPrivateExponent());
    }

    private static byte[] encoding(Key key) throws IOException {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IOException("the " + key.getAlgorithm() + " key cannot be exported (getEncoded() is null)");
        }
        return encoded;
    }
}
