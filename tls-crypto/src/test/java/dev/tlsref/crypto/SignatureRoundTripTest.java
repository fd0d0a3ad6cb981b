package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every signature algorithm signs and verifies on each provider, and what one provider signs
 * the other verifies.
 */
class SignatureRoundTripTest {
    private static final byte[] MESSAGE = "TLS 1.3, server CertificateVerify, or anything else".getBytes();

    /** One key pair per algorithm, of the type it needs, made by the JDK's generators. */
    static final Map<SignatureAlgorithm, KeyPair> KEYS = generateKeys();

    private static Map<SignatureAlgorithm, KeyPair> generateKeys() {
        try {
            KeyPair p256 = ec("secp256r1");
            KeyPair p384 = ec("secp384r1");
            KeyPair p521 = ec("secp521r1");
            KeyPair rsa = generate("RSA", 2048);
            KeyPair rsaPss = generate("RSASSA-PSS", 2048);
            KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
            Map<SignatureAlgorithm, KeyPair> keys = new EnumMap<>(SignatureAlgorithm.class);
            for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
                keys.put(algorithm, switch (algorithm) {
                    case ECDSA_SECP256R1_SHA256 -> p256;
                    case ECDSA_SECP384R1_SHA384 -> p384;
                    case ECDSA_SECP521R1_SHA512 -> p521;
                    case RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512 -> rsaPss;
                    case ED25519 -> ed25519;
                    case ED448 -> ed448;
                    default -> rsa;
                });
            }
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static KeyPair generate(String algorithm, int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    /** Every (signer, verifier, algorithm): both providers, both directions. */
    static Stream<Arguments> signerVerifierAlgorithm() {
        return Providers.both().flatMap(signer -> Providers.both().flatMap(verifier ->
                Stream.of(SignatureAlgorithm.values()).map(a -> Arguments.of(signer, verifier, a))));
    }

    @ParameterizedTest(name = "{2} signed by {0}, verified by {1}")
    @MethodSource("signerVerifierAlgorithm")
    void signatureVerifiesOnBothProvidersAndNotForAnotherMessage(
            CryptoProvider signer, CryptoProvider verifier, SignatureAlgorithm algorithm) throws Exception {
        KeyPair keys = KEYS.get(algorithm);
        assertThat(signer.supports(algorithm), is(true));
        assertThat(verifier.supports(algorithm), is(true));

        byte[] signature = signer.sign(algorithm, keys.getPrivate(), MESSAGE, new SecureRandom());

        assertThat(verifier.verify(algorithm, keys.getPublic(), MESSAGE, signature), is(true));
        byte[] otherMessage = MESSAGE.clone();
        otherMessage[0] ^= 1;
        assertThat(verifier.verify(algorithm, keys.getPublic(), otherMessage, signature), is(false));
        byte[] flipped = signature.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThat(verifier.verify(algorithm, keys.getPublic(), MESSAGE, flipped), is(false));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void emptyMessageSignsAndVerifies(CryptoProvider provider) throws Exception {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            KeyPair keys = KEYS.get(algorithm);
            byte[] signature = provider.sign(algorithm, keys.getPrivate(), new byte[0], new SecureRandom());
            assertThat(algorithm.toString(), provider.verify(algorithm, keys.getPublic(), new byte[0], signature),
                    is(true));
        }
    }

    /** RSASSA-PKCS1-v1_5 and EdDSA are deterministic (RFC 8017 §8.2.1, RFC 8032 §5.1.6). */
    @Test
    void deterministicSchemesGiveTheSameBytesOnBothProviders() throws Exception {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            if (algorithm.family() != SignatureAlgorithm.Family.RSA_PKCS1
                    && algorithm.family() != SignatureAlgorithm.Family.EDDSA) {
                continue;
            }
            KeyPair keys = KEYS.get(algorithm);
            byte[] jca = CryptoProviders.jca().sign(algorithm, keys.getPrivate(), MESSAGE, new SecureRandom());
            byte[] bc = CryptoProviders.bc().sign(algorithm, keys.getPrivate(), MESSAGE, new SecureRandom());
            assertThat(algorithm.toString(), bc, is(jca));
        }
    }

    /** RSASSA-PSS draws a fresh salt each time (RFC 8017 §9.1.1 step 4). */
    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void pssSignaturesDifferEachTime(CryptoProvider provider) throws Exception {
        KeyPair keys = KEYS.get(SignatureAlgorithm.RSA_PSS_RSAE_SHA256);
        byte[] first = provider.sign(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, keys.getPrivate(), MESSAGE,
                new SecureRandom());
        byte[] second = provider.sign(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, keys.getPrivate(), MESSAGE,
                new SecureRandom());
        assertThat(second, not(first));
    }

    /** The bc provider's ECDSA nonces come from RFC 6979, so its signatures repeat. */
    @Test
    void bcEcdsaIsDeterministic() throws Exception {
        KeyPair keys = KEYS.get(SignatureAlgorithm.ECDSA_SECP256R1_SHA256);
        CryptoProvider bc = CryptoProviders.bc();
        byte[] first = bc.sign(SignatureAlgorithm.ECDSA_SECP256R1_SHA256, keys.getPrivate(), MESSAGE, new SecureRandom());
        byte[] second = bc.sign(SignatureAlgorithm.ECDSA_SECP256R1_SHA256, keys.getPrivate(), MESSAGE, new SecureRandom());
        assertThat(second, is(first));
    }

    /** RFC 8422 §5.1.1: in TLS 1.2 an ECDSA hash is not tied to the curve; the key's curve is used. */
    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void ecdsaUsesTheKeysCurveWhateverTheHash(CryptoProvider provider) throws Exception {
        KeyPair p384 = KEYS.get(SignatureAlgorithm.ECDSA_SECP384R1_SHA384);
        byte[] signature = provider.sign(SignatureAlgorithm.ECDSA_SECP256R1_SHA256, p384.getPrivate(), MESSAGE,
                new SecureRandom());
        assertThat(CryptoProviders.jca().verify(SignatureAlgorithm.ECDSA_SECP256R1_SHA256, p384.getPublic(), MESSAGE,
                signature), is(true));
        assertThat(CryptoProviders.bc().verify(SignatureAlgorithm.ECDSA_SECP256R1_SHA256, p384.getPublic(), MESSAGE,
                signature), is(true));
    }
}
