package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoException;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.DhParameters;
import dev.tlsref.crypto.Hash;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.Hmac;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.SignatureAlgorithm;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** The {@code jca} provider: each concern lives in its own class, this one only routes. */
public final class JcaCryptoProvider implements CryptoProvider {
    private final JcaSymmetric symmetric = new JcaSymmetric();
    private final JcaKeyExchanges keyExchanges = new JcaKeyExchanges();
    private final JcaSignatures signatures = new JcaSignatures();

    @Override
    public String name() {
        return "jca";
    }

    @Override
    public Hash newHash(HashAlgorithm algorithm) {
        return symmetric.newHash(algorithm);
    }

    @Override
    public Hmac newHmac(HashAlgorithm algorithm, byte[] key) {
        return symmetric.newHmac(algorithm, key);
    }

    @Override
    public boolean supports(AeadAlgorithm algorithm) {
        return symmetric.supports(algorithm);
    }

    @Override
    public Aead newAead(AeadAlgorithm algorithm, byte[] key) {
        return symmetric.newAead(algorithm, key);
    }

    @Override
    public boolean supports(KeyExchangeAlgorithm algorithm) {
        return keyExchanges.supports(algorithm);
    }

    @Override
    public KeyExchange keyExchange(KeyExchangeAlgorithm algorithm) {
        return keyExchanges.keyExchange(algorithm);
    }

    @Override
    public KeyExchange keyExchange(DhParameters parameters) {
        return keyExchanges.keyExchange(parameters);
    }

    @Override
    public boolean supports(SignatureAlgorithm algorithm) {
        return signatures.supports(algorithm);
    }

    @Override
    public byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] message, SecureRandom random)
            throws CryptoException {
        return signatures.sign(algorithm, key, message, random);
    }

    @Override
    public boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] message, byte[] signature) {
        return signatures.verify(algorithm, key, message, signature);
    }

    @Override
    public byte[] rsaEncrypt(RSAPublicKey key, byte[] message, SecureRandom random) throws CryptoException {
        return signatures.rsaEncrypt(key, message, random);
    }

    @Override
    public byte[] rsaDecryptPremasterSecret(
            RSAPrivateKey key, byte[] encrypted, int clientVersion, SecureRandom random) {
        return signatures.rsaDecryptPremasterSecret(key, encrypted, clientVersion, random);
    }
}
