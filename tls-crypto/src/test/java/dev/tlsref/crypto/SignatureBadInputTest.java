package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A key that does not fit refuses to sign; bad peer input verifies as false and never throws. */
class SignatureBadInputTest {
    private static final byte[] MESSAGE = "message".getBytes();

    private static KeyPair keys(SignatureAlgorithm algorithm) {
        return SignatureRoundTripTest.KEYS.get(algorithm);
    }

    /** For each algorithm, keys of every other type: EC, RSA, RSASSA-PSS, Ed25519, Ed448. */
    private static List<KeyPair> misfits(SignatureAlgorithm algorithm) {
        List<SignatureAlgorithm> oneOfEachKeyType = List.of(SignatureAlgorithm.ECDSA_SECP256R1_SHA256,
                SignatureAlgorithm.RSA_PSS_RSAE_SHA256, SignatureAlgorithm.RSA_PSS_PSS_SHA256,
                SignatureAlgorithm.ED25519, SignatureAlgorithm.ED448);
        return oneOfEachKeyType.stream()
                .filter(other -> !keyType(other).equals(keyType(algorithm)))
                .map(SignatureBadInputTest::keys)
                .toList();
    }

    /** The kind of key an algorithm needs (any curve fits ECDSA, RFC 8422 §5.1.1). */
    private static String keyType(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512 -> "EC";
            case RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512 -> "RSASSA-PSS";
            case ED25519 -> "Ed25519";
            case ED448 -> "Ed448";
            default -> "RSA";
        };
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void signRefusesAKeyOfTheWrongTypeWithCryptoException(CryptoProvider provider) {
        int refused = 0;
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            for (KeyPair wrong : misfits(algorithm)) {
                PrivateKey key = wrong.getPrivate();
                CryptoException e = assertThrows(CryptoException.class,
                        () -> provider.sign(algorithm, key, MESSAGE, new SecureRandom()), algorithm + " " + key);
                assertThat(e.getMessage(), containsString(algorithm.toString()));
                refused++;
            }
        }
        // 14 algorithms, 4 misfitting key types each (ECDSA keys of other curves do fit).
        assertThat(refused, is(14 * 4));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void verifyWithAKeyOfTheWrongTypeIsFalse(CryptoProvider provider) throws Exception {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            byte[] signature = provider.sign(algorithm, keys(algorithm).getPrivate(), MESSAGE, new SecureRandom());
            for (KeyPair wrong : misfits(algorithm)) {
                assertThat(algorithm + " " + wrong.getPublic().getAlgorithm(),
                        provider.verify(algorithm, wrong.getPublic(), MESSAGE, signature), is(false));
            }
        }
    }

    /** RFC 8446 §4.2.3: an rsa_pss_rsae signature checked as rsa_pss_pss (other key type) fails. */
    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rsaeAndPssSchemesDoNotShareKeys(CryptoProvider provider) throws Exception {
        PrivateKey rsa = keys(SignatureAlgorithm.RSA_PSS_RSAE_SHA256).getPrivate();
        PrivateKey pss = keys(SignatureAlgorithm.RSA_PSS_PSS_SHA256).getPrivate();
        assertThrows(CryptoException.class,
                () -> provider.sign(SignatureAlgorithm.RSA_PSS_PSS_SHA256, rsa, MESSAGE, new SecureRandom()));
        assertThrows(CryptoException.class,
                () -> provider.sign(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, pss, MESSAGE, new SecureRandom()));
        assertThrows(CryptoException.class,
                () -> provider.sign(SignatureAlgorithm.RSA_PKCS1_SHA256, pss, MESSAGE, new SecureRandom()));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void garbageSignaturesVerifyAsFalse(CryptoProvider provider) throws Exception {
        SecureRandom random = new SecureRandom();
        int checked = 0;
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            PublicKey key = keys(algorithm).getPublic();
            byte[] good = provider.sign(algorithm, keys(algorithm).getPrivate(), MESSAGE, random);
            byte[] appended = Arrays.copyOf(good, good.length + 1);
            byte[] truncated = Arrays.copyOf(good, good.length - 1);
            byte[] sameLengthRandom = new byte[good.length];
            random.nextBytes(sameLengthRandom);
            byte[] allOnes = new byte[good.length];
            Arrays.fill(allOnes, (byte) 0xff);
            for (byte[] bad : List.of(new byte[0], new byte[1], new byte[] {0x30, 0x00}, appended, truncated,
                    sameLengthRandom, allOnes, new byte[good.length], new byte[5000])) {
                assertThat(algorithm + " " + bad.length, provider.verify(algorithm, key, MESSAGE, bad), is(false));
                checked++;
            }
            assertThat(provider.verify(algorithm, key, MESSAGE, null), is(false));
            assertThat(provider.verify(algorithm, null, MESSAGE, good), is(false));
        }
        assertThat(checked, is(14 * 9));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void signWithoutAKeyIsRefused(CryptoProvider provider) {
        assertThrows(CryptoException.class,
                () -> provider.sign(SignatureAlgorithm.ED25519, null, MESSAGE, new SecureRandom()));
    }
}
