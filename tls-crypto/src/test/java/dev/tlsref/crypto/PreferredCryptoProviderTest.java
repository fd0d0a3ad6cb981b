package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The preferred provider routes each primitive to one of the two tested implementations; these
 * tests check that every primitive is available through it and agrees with both.
 */
class PreferredCryptoProviderTest {
    private static final CryptoProvider PREFERRED = CryptoProviders.preferred();
    private final SecureRandom random = new SecureRandom();

    @Test
    void isNamedPreferred() {
        assertThat(PREFERRED.name(), is("preferred"));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void supportsEveryAeadAndOpensWhatTheOtherProvidersSeal(AeadAlgorithm algorithm) throws AeadTagException {
        assertThat(PREFERRED.supports(algorithm), is(true));
        byte[] key = new byte[algorithm.keyLength()];
        random.nextBytes(key);
        byte[] nonce = new byte[12];
        byte[] aad = {1, 2, 3};
        byte[] message = "preferred provider".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (CryptoProvider other : new CryptoProvider[] {CryptoProviders.jca(), CryptoProviders.bc()}) {
            if (!other.supports(algorithm)) {
                continue;
            }
            byte[] sealed = new byte[message.length + algorithm.tagLength()];
            other.newAead(algorithm, key).seal(nonce, aad, message, 0, message.length, sealed, 0);
            byte[] opened = new byte[message.length];
            PREFERRED.newAead(algorithm, key).open(nonce, aad, sealed, 0, sealed.length, opened, 0);
            assertThat(Arrays.equals(opened, message), is(true));
        }
    }

    @ParameterizedTest
    @EnumSource(KeyExchangeAlgorithm.class)
    void supportsEveryKeyExchangeAndAgreesWithBouncyCastle(KeyExchangeAlgorithm algorithm)
            throws InvalidKeyShareException {
        assertThat(PREFERRED.supports(algorithm), is(true));
        KeyShare mine = PREFERRED.keyExchange(algorithm).generate(random);
        KeyExchange.Result theirs = CryptoProviders.bc().keyExchange(algorithm).respond(mine.publicShare(), random);
        assertThat(Arrays.equals(mine.agree(theirs.publicShare()), theirs.sharedSecret()), is(true));
    }

    @Test
    void signsWithBouncyCastleCurvesAndVerifiesAcrossProviders() throws GeneralSecurityException {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ecKeys = ec.generateKeyPair();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rsaKeys = rsa.generateKeyPair();
        KeyPair edKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] message = new byte[100];
        check(SignatureAlgorithm.ECDSA_SECP256R1_SHA256, ecKeys, message);
        check(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, rsaKeys, message);
        check(SignatureAlgorithm.RSA_PKCS1_SHA256, rsaKeys, message);
        check(SignatureAlgorithm.ED25519, edKeys, message);
    }

    private void check(SignatureAlgorithm algorithm, KeyPair keys, byte[] message) throws CryptoException {
        byte[] signature = PREFERRED.sign(algorithm, keys.getPrivate(), message, random);
        assertThat(algorithm + " by jca", CryptoProviders.jca().verify(algorithm, keys.getPublic(), message, signature),
                equalTo(true));
        assertThat(algorithm + " by bc", CryptoProviders.bc().verify(algorithm, keys.getPublic(), message, signature),
                equalTo(true));
    }
}
