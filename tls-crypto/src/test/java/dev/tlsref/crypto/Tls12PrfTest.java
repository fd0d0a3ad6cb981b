package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The TLS 1.2 PRF (RFC 5246 §5). Known answers: the SHA-256 and SHA-384 PRF vectors posted to
 * the IETF TLS mailing list (2009) and carried by many implementations' test suites.
 */
class Tls12PrfTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void matchesTheSha256Vector(CryptoProvider provider) {
        byte[] out = new Tls12Prf(provider, HashAlgorithm.SHA256).compute(
                HEX.parseHex("9bbe436ba940f017b17652849a71db35"), "test label",
                HEX.parseHex("a0ba9f936cda311827a6f796ffd5198c"), 100);
        assertThat(out, is(HEX.parseHex(
                "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af"
                        + "0fa022f7077def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a51"
                        + "10fff70187347b66")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void matchesTheSha384Vector(CryptoProvider provider) {
        byte[] out = new Tls12Prf(provider, HashAlgorithm.SHA384).compute(
                HEX.parseHex("b80b733d6ceefcdc71566ea48e5567df"), "test label",
                HEX.parseHex("cd665cf6a8447dd6ff8b27555edb7465"), 148);
        assertThat(out, is(HEX.parseHex(
                "7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cde9ca0faa60be9fe34f82b1233c9146a0"
                        + "e534cb400fed2700884f9dc236f80edd8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad0"
                        + "5d9184259b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee691c8f3a26854308d"
                        + "5eaa3be85e0990703d73e56f")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void shorterOutputIsAPrefixOfLongerOutput(CryptoProvider provider) {
        Tls12Prf prf = new Tls12Prf(provider, HashAlgorithm.SHA256);
        assertThat(prf.hash(), is(HashAlgorithm.SHA256));
        byte[] secret = new byte[48];
        byte[] seed = new byte[64];
        byte[] keyBlock = prf.compute(secret, "key expansion", seed, 200);
        for (int length : new int[] {0, 1, 12, 32, 33, 64, 199}) {
            assertThat(prf.compute(secret, "key expansion", seed, length), is(Arrays.copyOf(keyBlock, length)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void theLabelIsPartOfTheSeed(CryptoProvider provider) {
        Tls12Prf prf = new Tls12Prf(provider, HashAlgorithm.SHA384);
        byte[] secret = {1, 2, 3};
        byte[] labelBytes = "master secret".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] seed = {9, 8, 7};
        byte[] labelAndSeed = Arrays.copyOf(labelBytes, labelBytes.length + seed.length);
        System.arraycopy(seed, 0, labelAndSeed, labelBytes.length, seed.length);
        assertThat(prf.compute(secret, "master secret", seed, 48), is(prf.compute(secret, "", labelAndSeed, 48)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rejectsANegativeLengthAndNonAsciiLabels(CryptoProvider provider) {
        Tls12Prf prf = new Tls12Prf(provider, HashAlgorithm.SHA256);
        assertThrows(IllegalArgumentException.class, () -> prf.compute(new byte[1], "x", new byte[1], -1));
        assertThrows(IllegalArgumentException.class, () -> prf.compute(new byte[1], "\u00e9", new byte[1], 1));
    }
}
