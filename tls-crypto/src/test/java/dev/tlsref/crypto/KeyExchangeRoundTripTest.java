package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every key exchange on every provider, and across providers, agrees with itself. */
class KeyExchangeRoundTripTest {

    @Test
    void supportedMatrixIsExplicit() {
        Set<KeyExchangeAlgorithm> jcaLacks = EnumSet.of(KeyExchangeAlgorithm.MLKEM768, KeyExchangeAlgorithm.X25519MLKEM768);
        for (KeyExchangeAlgorithm algorithm : KeyExchangeAlgorithm.values()) {
            assertThat("jca " + algorithm, CryptoProviders.jca().supports(algorithm), is(!jcaLacks.contains(algorithm)));
            assertThat("bc " + algorithm, CryptoProviders.bc().supports(algorithm), is(true));
            if (jcaLacks.contains(algorithm)) {
                assertThrows(UnsupportedOperationException.class, () -> CryptoProviders.jca().keyExchange(algorithm));
            }
        }
    }

    static Stream<Arguments> supported() {
        return Providers.both().flatMap(provider -> Stream.of(KeyExchangeAlgorithm.values())
                .filter(provider::supports)
                .map(algorithm -> Arguments.of(provider, algorithm)));
    }

    /** Initiator on one provider, responder on the other, wherever both support the algorithm. */
    static Stream<Arguments> crossProvider() {
        CryptoProvider jca = CryptoProviders.jca();
        CryptoProvider bc = CryptoProviders.bc();
        return Stream.of(KeyExchangeAlgorithm.values())
                .filter(algorithm -> jca.supports(algorithm) && bc.supports(algorithm))
                .flatMap(algorithm -> Stream.of(Arguments.of(jca, bc, algorithm), Arguments.of(bc, jca, algorithm)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("supported")
    void respondAndAgreeGiveTheSameSecret(CryptoProvider provider, KeyExchangeAlgorithm algorithm) throws Exception {
        KeyExchange exchange = provider.keyExchange(algorithm);
        assertThat(exchange.algorithm(), is(algorithm));
        KeyShare initiator = exchange.generate(new SecureRandom());
        assertThat(initiator.algorithm(), is(algorithm));
        assertThat(initiator.publicShare().length, is(algorithm.initiatorShareLength()));
        KeyExchange.Result response = exchange.respond(initiator.publicShare(), new SecureRandom());
        assertThat(response.publicShare().length, is(algorithm.responderShareLength()));
        assertArrayEquals(response.sharedSecret(), initiator.agree(response.publicShare()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("supported")
    void destroyedShareCannotAgree(CryptoProvider provider, KeyExchangeAlgorithm algorithm) throws Exception {
        KeyExchange exchange = provider.keyExchange(algorithm);
        KeyShare initiator = exchange.generate(new SecureRandom());
        byte[] response = exchange.respond(initiator.publicShare(), new SecureRandom()).publicShare();
        assertThat(initiator.isDestroyed(), is(false));
        initiator.destroy();
        assertThat(initiator.isDestroyed(), is(true));
        assertThrows(IllegalStateException.class, () -> initiator.agree(response));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("supported")
    void fromPrivateKeyReproducesAnExchange(CryptoProvider provider, KeyExchangeAlgorithm algorithm) throws Exception {
        KeyExchange exchange = provider.keyExchange(algorithm);
        byte[] privateKey = privateKeyFor(algorithm);
        KeyShare first = exchange.fromPrivateKey(privateKey);
        KeyShare second = exchange.fromPrivateKey(privateKey);
        assertArrayEquals(first.publicShare(), second.publicShare());
        KeyExchange.Result response = exchange.respond(first.publicShare(), new SecureRandom());
        assertArrayEquals(first.agree(response.publicShare()), second.agree(response.publicShare()));
    }

    @ParameterizedTest(name = "{0} initiates, {1} responds, {2}")
    @MethodSource("crossProvider")
    void providersInteroperate(CryptoProvider initiatorSide, CryptoProvider responderSide, KeyExchangeAlgorithm algorithm)
            throws Exception {
        KeyShare initiator = initiatorSide.keyExchange(algorithm).generate(new SecureRandom());
        KeyExchange.Result response = responderSide.keyExchange(algorithm).respond(initiator.publicShare(), new SecureRandom());
        assertArrayEquals(response.sharedSecret(), initiator.agree(response.publicShare()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("crossProvider")
    void providersDeriveTheSamePublicValue(CryptoProvider one, CryptoProvider other, KeyExchangeAlgorithm algorithm) {
        byte[] privateKey = privateKeyFor(algorithm);
        assertArrayEquals(one.keyExchange(algorithm).fromPrivateKey(privateKey).publicShare(),
                other.keyExchange(algorithm).fromPrivateKey(privateKey).publicShare());
    }

    /** A fixed, valid private key in each algorithm's encoding. */
    private static byte[] privateKeyFor(KeyExchangeAlgorithm algorithm) {
        int length;
        switch (algorithm) {
            case X25519:
                length = 32;
                break;
            case X448:
                length = 56;
                break;
            case SECP256R1:
                length = 32;
                break;
            case SECP384R1:
                length = 48;
                break;
            case SECP521R1:
                length = 66;
                break;
            case FFDHE2048:
            case FFDHE3072:
            case FFDHE4096:
                length = 40; // a 320-bit exponent
                break;
            case MLKEM768:
                length = 64;
                break;
            case X25519MLKEM768:
                length = 96;
                break;
            default:
                throw new AssertionError(algorithm);
        }
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (0x11 + i);
        }
        if (algorithm == KeyExchangeAlgorithm.SECP521R1) {
            key[0] = 0x01; // below the 521-bit order n
        }
        return key;
    }
}
