package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.CryptoException;
import dev.tlsref.crypto.SignatureAlgorithm;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** PLACEHOLDER on the crypto-base branch only: replaced by the signature and RSA work. */
final class BcSignatures {
    boolean supports(SignatureAlgorithm algorithm) {
        return false;
    }

    byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] message, SecureRandom random)
            throws CryptoException {
        throw new UnsupportedOperationException("placeholder");
    }

    boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] message, byte[] signature) {
        throw new UnsupportedOperationException("placeholder");
    }

    byte[] rsaEncrypt(RSAPublicKey key, byte[] message, SecureRandom random) throws CryptoException {
        throw new UnsupportedOperationException("placeholder");
    }

    byte[] rsaDecryptPremasterSecret(RSAPrivateKey key, byte[] encrypted, int clientVersion, SecureRandom random) {
        throw new UnsupportedOperationException("placeholder");
    }
}
