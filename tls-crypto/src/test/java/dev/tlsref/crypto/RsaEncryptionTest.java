package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RSAES-PKCS1-v1_5 as the TLS 1.2 RSA key exchange uses it (RFC 5246 §7.4.7.1), across providers. */
class RsaEncryptionTest {
    private static final KeyPair KEYS = SignatureRoundTripTest.KEYS.get(SignatureAlgorithm.RSA_PKCS1_SHA256);

    static Stream<Arguments> encryptorDecryptor() {
        return Providers.both().flatMap(e -> Providers.both().map(d -> Arguments.of(e, d)));
    }

    private static byte[] premasterSecret(int version) {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        secret[0] = (byte) (version >> 8);
        secret[1] = (byte) version;
        return secret;
    }

    @ParameterizedTest(name = "encrypted by {0}, decrypted by {1}")
    @MethodSource("encryptorDecryptor")
    void premasterSecretEncryptedByOneProviderDecryptsOnTheOther(CryptoProvider encryptor, CryptoProvider decryptor)
            throws Exception {
        byte[] secret = premasterSecret(0x0303);
        byte[] encrypted = encryptor.rsaEncrypt((RSAPublicKey) KEYS.getPublic(), secret, new SecureRandom());
        assertThat(encrypted.length, is(256));
        byte[] decrypted = decryptor.rsaDecryptPremasterSecret((RSAPrivateKey) KEYS.getPrivate(), encrypted, 0x0303,
                new SecureRandom());
        assertThat(decrypted, is(secret));
    }

    /** RFC 8017 §7.2.1 step 2: PS is random, so two encryptions of one message differ. */
    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void encryptionIsRandomized(CryptoProvider provider) throws Exception {
        byte[] secret = premasterSecret(0x0303);
        RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
        assertThat(provider.rsaEncrypt(key, secret, new SecureRandom()),
                not(provider.rsaEncrypt(key, secret, new SecureRandom())));
    }

    /** RFC 8017 §7.2.1 step 1: at most k - 11 bytes. */
    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void messageLongerThanKMinus11IsRefused(CryptoProvider provider) throws Exception {
        RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
        assertThat(provider.rsaEncrypt(key, new byte[256 - 11], new SecureRandom()).length, is(256));
        assertThrows(CryptoException.class, () -> provider.rsaEncrypt(key, new byte[256 - 10], new SecureRandom()));
    }
}
