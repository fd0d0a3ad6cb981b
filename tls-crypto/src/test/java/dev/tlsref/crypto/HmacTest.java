package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** HMAC-SHA-256/384 behaviour on both providers; HmacWycheproofTest has the vectors. */
class HmacTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] mac(CryptoProvider provider, HashAlgorithm algorithm, byte[] key, byte[] data) {
        Hmac hmac = provider.newHmac(algorithm, key);
        hmac.update(data);
        return hmac.doFinal();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 4231 §4.3, test case 2 (a key shorter than the output). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void matchesRfc4231TestCase2(CryptoProvider provider) {
        byte[] data = ascii("what do ya want for nothing?");
        assertThat(mac(provider, HashAlgorithm.SHA256, ascii("Jefe"), data),
                is(HEX.parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")));
        assertThat(mac(provider, HashAlgorithm.SHA384, ascii("Jefe"), data), is(HEX.parseHex(
                "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void doFinalResetsToTheKeyedState(CryptoProvider provider) {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            Hmac hmac = provider.newHmac(algorithm, ascii("key"));
            assertThat(hmac.algorithm(), is(algorithm));
            hmac.update(ascii("first"));
            hmac.doFinal();
            hmac.update(ascii("second"));
            assertThat(hmac.doFinal(), is(mac(provider, algorithm, ascii("key"), ascii("second"))));
        }
    }

    /** RFC 2104 §2 pads short keys with zeros, so the empty key is the all-zero block. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void acceptsAnEmptyKey(CryptoProvider provider) {
        assertThat(mac(provider, HashAlgorithm.SHA256, new byte[0], ascii("abc")),
                is(HEX.parseHex("fd7adb152c05ef80dccf50a1fa4c05d5a3ec6da95575fc312ae7c5d091836351")));
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            assertThat(mac(provider, algorithm, new byte[0], ascii("abc")),
                    is(mac(provider, algorithm, new byte[algorithm.length()], ascii("abc"))));
        }
    }

    /** RFC 2104 §2: a key longer than the block is hashed first. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void hashesAKeyLongerThanTheBlock(CryptoProvider provider) {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            byte[] longKey = new byte[algorithm.blockLength() + 1];
            longKey[0] = 7;
            Hash hash = provider.newHash(algorithm);
            hash.update(longKey);
            assertThat(mac(provider, algorithm, longKey, ascii("abc")),
                    is(mac(provider, algorithm, hash.digest(), ascii("abc"))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void agreesWithTheOtherProviderOnRanges(CryptoProvider provider) {
        byte[] data = new byte[5000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            Hmac hmac = provider.newHmac(algorithm, ascii("a key"));
            hmac.update(data, 0, 1234);
            hmac.update(data, 1234, data.length - 1234);
            byte[] expected = hmac.doFinal();
            Providers.both().forEach(other ->
                    assertThat(other.name(), mac(other, algorithm, ascii("a key"), data), is(expected)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rejectsARangeOutsideTheArray(CryptoProvider provider) {
        Hmac hmac = provider.newHmac(HashAlgorithm.SHA256, ascii("key"));
        assertThrows(IndexOutOfBoundsException.class, () -> hmac.update(new byte[4], 3, 2));
    }
}
