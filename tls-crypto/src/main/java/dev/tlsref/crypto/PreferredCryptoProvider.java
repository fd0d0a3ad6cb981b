package dev.tlsref.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Per primitive, the faster of the two providers on JDK 17, as measured by tls-bench's
 * primitive benchmarks (tables in tls-bench/README.md):
 * <ul>
 *   <li>{@code jca}: SHA-2, HMAC (HotSpot SHA intrinsics), AES-GCM (AES-NI and CLMUL
 *       intrinsics, tens of times faster than BouncyCastle's table AES), ChaCha20-Poly1305,
 *       RSA (SunRsaSign's CRT with blinding).</li>
 *   <li>{@code bc}: X25519, X448, ECDH and ECDSA on the NIST curves, Ed25519 and Ed448
 *       (BouncyCastle's field arithmetic is several times faster than SunEC's in JDK 17),
 *       finite-field DH, ML-KEM and the hybrid (which the JDK 17 lacks) and AES-CCM.</li>
 * </ul>
 */
final class PreferredCryptoProvider implements CryptoProvider {
    private final CryptoProvider jca;
    private final CryptoProvider bc;

    PreferredCryptoProvider(CryptoProvider jca, CryptoProvider bc) {
        this.jca = jca;
        this.bc = bc;
    }

    @Override
    public String name() {
        return "preferred";
    }

    @Override
    public Hash newHash(HashAlgorithm algorithm) {
        return jca.newHash(algorithm);
    }

    @Override
    public Hmac newHmac(HashAlgorithm algorithm, byte[] key) {
        return jca.newHmac(algorithm, key);
    }

    @Override
    public boolean supports(AeadAlgorithm algorithm) {
        return aeadProvider(algorithm).supports(algorithm);
    }

    @Override
    public Aead newAead(AeadAlgorithm algorithm, byte[] key) {
        return aeadProvider(algorithm).newAead(algorithm, key);
    }

    @Override
    public boolean supports(KeyExchangeAlgorithm algorithm) {
        return bc.supports(algorithm);
    }

    @Override
    public KeyExchange keyExchange(KeyExchangeAlgorithm algorithm) {
        return bc.keyExchange(algorithm);
    }

    @Override
    public KeyExchange keyExchange(DhParameters parameters) {
        return bc.keyExchange(parameters);
    }

    @Override
    public boolean supports(SignatureAlgorithm algorithm) {
        return signatureProvider(algorithm).supports(algorithm);
    }

    @Override
    public byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] message, SecureRandom random)
            throws CryptoException {
        return signatureProvider(algorithm).sign(algorithm, key, message, random);
    }

    @Override
    public boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] message, byte[] signature) {
        return signatureProvider(algorithm).verify(algorithm, key, message, signature);
    }

    @Override
    public byte[] rsaEncrypt(RSAPublicKey key, byte[] message, SecureRandom random) throws CryptoException {
        return jca.rsaEncrypt(key, message, random);
    }

    @Override
    public byte[] rsaDecryptPremasterSecret(RSAPrivateKey key, byte[] encrypted, int clientVersion,
            SecureRandom random) {
        return jca.rsaDecryptPremasterSecret(key, encrypted, clientVersion, random);
    }

    private CryptoProvider aeadProvider(AeadAlgorithm algorithm) {
        return jca.supports(algorithm) ? jca : bc;
    }

    private CryptoProvider signatureProvider(SignatureAlgorithm algorithm) {
        return algorithm.family() == SignatureAlgorithm.Family.ECDSA
                || algorithm.family() == SignatureAlgorithm.Family.EDDSA ? bc : jca;
    }
}
