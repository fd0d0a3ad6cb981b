package dev.tlsref.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Every primitive TLS needs, behind one small interface. Implementations: {@link
 * CryptoProviders#jca()} (the JDK's providers), {@link CryptoProviders#bc()} (BouncyCastle's
 * lightweight API, pure Java) and {@link CryptoProviders#preferred()} (per primitive, the
 * faster of the two, as measured in tls-bench).
 *
 * <p>HKDF ({@link Hkdf}) and the TLS 1.2 PRF ({@link Tls12Prf}) are built on {@link #newHmac}.
 * Providers are immutable and thread-safe; the objects they return are not.
 */
public interface CryptoProvider {

    /** A short name for traces and benchmarks: {@code jca}, {@code bc} or {@code preferred}. */
    String name();

    /** A fresh running hash. */
    Hash newHash(HashAlgorithm algorithm);

    /** An HMAC keyed with {@code key} (any length; RFC 2104 hashes long keys). */
    Hmac newHmac(HashAlgorithm algorithm, byte[] key);

    /** True if {@link #newAead} works for {@code algorithm}. */
    boolean supports(AeadAlgorithm algorithm);

    /**
     * An AEAD keyed with {@code key}.
     *
     * @throws IllegalArgumentException if the key is not {@code algorithm.keyLength()} bytes
     * @throws UnsupportedOperationException if {@link #supports(AeadAlgorithm)} is false
     */
    Aead newAead(AeadAlgorithm algorithm, byte[] key);

    /** True if {@link #keyExchange} works for {@code algorithm}. */
    boolean supports(KeyExchangeAlgorithm algorithm);

    /**
     * The key exchange for a named group.
     *
     * @throws UnsupportedOperationException if {@link #supports(KeyExchangeAlgorithm)} is false
     */
    KeyExchange keyExchange(KeyExchangeAlgorithm algorithm);

    /**
     * Finite-field DH over parameters a TLS 1.2 server chose (RFC 5246 §7.4.3). Peer values
     * are checked to lie in (1, p-1). Callers enforce their own minimum size of p.
     */
    KeyExchange keyExchange(DhParameters parameters);

    /** True if {@link #sign} and {@link #verify} work for {@code algorithm}. */
    boolean supports(SignatureAlgorithm algorithm);

    /**
     * Signs {@code message}.
     *
     * @throws CryptoException if the key does not fit the algorithm
     */
    byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] message, SecureRandom random)
            throws CryptoException;

    /**
     * Verifies {@code signature} over {@code message}. A malformed signature or a key of the
     * wrong type verifies as false; it never throws for bad peer input.
     */
    boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] message, byte[] signature);

    /** RSAES-PKCS1-v1_5 encryption (RFC 8017 §7.2.1), as a TLS 1.2 client sends the premaster secret. */
    byte[] rsaEncrypt(RSAPublicKey key, byte[] message, SecureRandom random) throws CryptoException;

    /**
     * Decrypts a TLS 1.2 EncryptedPreMasterSecret without revealing whether it was well formed
     * (RFC 5246 §7.4.7.1). Always returns 48 bytes: the premaster secret if the padding is
     * valid, the length is 48 and it begins with {@code clientVersion}; otherwise 48 random
     * bytes, chosen by the same code path in constant time, so that a server using it fails
     * later at Finished exactly as it would for a wrong key (the Bleichenbacher defence).
     *
     * @param clientVersion the {@code client_version} of the ClientHello, e.g. {@code 0x0303}
     */
    byte[] rsaDecryptPremasterSecret(RSAPrivateKey key, byte[] encrypted, int clientVersion, SecureRandom random);
}
