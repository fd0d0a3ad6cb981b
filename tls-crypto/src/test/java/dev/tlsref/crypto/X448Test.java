package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** X448 (RFC 7748) on both providers: Wycheproof, the RFC's own example and hostile shares. */
class X448Test {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void wycheproofVectors(CryptoProvider provider) {
        XdhWycheproof.Counts counts = XdhWycheproof.run(provider, KeyExchangeAlgorithm.X448, "x448_test.json");
        // 510 vectors: 253 valid and 234 acceptable ones give the listed secret; 11 acceptable
        // ones (ZeroSharedSecret) must be refused, and the 12 invalid ones (public key too long).
        assertThat(counts.toString(), counts, is(new XdhWycheproof.Counts(510, 253 + 234, 11, 12)));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rejectsAllZeroSharedSecret(CryptoProvider provider) {
        KeyShare share = provider.keyExchange(KeyExchangeAlgorithm.X448).generate(new SecureRandom());
        assertThrows(InvalidKeyShareException.class, () -> share.agree(new byte[56]));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rejectsShareOfWrongLength(CryptoProvider provider) {
        KeyExchange x448 = provider.keyExchange(KeyExchangeAlgorithm.X448);
        KeyShare share = x448.generate(new SecureRandom());
        assertThrows(InvalidKeyShareException.class, () -> share.agree(new byte[57]));
        assertThrows(InvalidKeyShareException.class, () -> share.agree(new byte[32]));
        assertThrows(InvalidKeyShareException.class, () -> x448.respond(new byte[55], new SecureRandom()));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void respondAndAgreeGiveTheSameSecret(CryptoProvider provider) throws Exception {
        KeyExchange x448 = provider.keyExchange(KeyExchangeAlgorithm.X448);
        KeyShare initiator = x448.generate(new SecureRandom());
        KeyExchange.Result response = x448.respond(initiator.publicShare(), new SecureRandom());
        assertArrayEquals(response.sharedSecret(), initiator.agree(response.publicShare()));
        assertThat(HEX.formatHex(response.publicShare()).length(), is(112));
    }
}
