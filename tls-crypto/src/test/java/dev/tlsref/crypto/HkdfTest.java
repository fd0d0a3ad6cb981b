package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** HKDF (RFC 5869) and the TLS 1.3 labels on it (RFC 8446 §7.1), on both providers. */
class HkdfTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    /** RFC 5869 Appendix A.1: basic test case with SHA-256. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void matchesRfc5869TestCase1(CryptoProvider provider) {
        Hkdf hkdf = new Hkdf(provider, HashAlgorithm.SHA256);
        byte[] prk = hkdf.extract(hex("000102030405060708090a0b0c"), hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        assertThat(prk, is(hex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")));
        assertThat(hkdf.expand(prk, hex("f0f1f2f3f4f5f6f7f8f9"), 42), is(hex(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")));
    }

    /** RFC 5869 Appendix A.2: longer inputs and outputs. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void matchesRfc5869TestCase2(CryptoProvider provider) {
        Hkdf hkdf = new Hkdf(provider, HashAlgorithm.SHA256);
        byte[] prk = hkdf.extract(
                hex("606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"
                        + "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
                        + "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"),
                hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
                        + "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
                        + "404142434445464748494a4b4c4d4e4f"));
        assertThat(prk, is(hex("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244")));
        byte[] info = hex("b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecf"
                + "d0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef"
                + "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        assertThat(hkdf.expand(prk, info, 82), is(hex(
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                        + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                        + "cc30c58179ec3e87c14c01d5c1f3434f1d87")));
    }

    /** RFC 5869 Appendix A.3: zero-length salt and info. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void matchesRfc5869TestCase3(CryptoProvider provider) {
        Hkdf hkdf = new Hkdf(provider, HashAlgorithm.SHA256);
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] prk = hkdf.extract(new byte[0], ikm);
        assertThat(prk, is(hex("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04")));
        assertThat(hkdf.expand(prk, new byte[0], 42), is(hex(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")));
        // RFC 5869 §2.2: no salt is HashLen zeros; null, empty and zeros are one salt.
        assertThat(hkdf.extract(null, ikm), is(prk));
        assertThat(hkdf.extract(new byte[32], ikm), is(prk));
        assertThat(hkdf.expand(prk, null, 42), is(hkdf.expand(prk, new byte[0], 42)));
    }

    /**
     * RFC 8448 §3 (values from /work/shared/testdata/rfc8448/simple-1rtt.json, "secrets" and
     * "traffic_keys"): the TLS_AES_128_GCM_SHA256 key schedule from the early secret to the
     * client handshake traffic key and IV, and the resumption PSK.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void reproducesTheRfc8448KeySchedule(CryptoProvider provider) {
        Hkdf hkdf = new Hkdf(provider, HashAlgorithm.SHA256);
        byte[] emptyHash = provider.newHash(HashAlgorithm.SHA256).digest();

        byte[] early = hkdf.extract(null, new byte[32]);
        assertThat(early, is(hex("33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a")));
        byte[] derived = hkdf.deriveSecret(early, "derived", emptyHash);
        assertThat(derived, is(hex("6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba")));
        byte[] handshake = hkdf.extract(derived,
                hex("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d"));
        assertThat(handshake, is(hex("1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac")));

        byte[] helloHash = hex("860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8");
        byte[] clientTraffic = hkdf.deriveSecret(handshake, "c hs traffic", helloHash);
        assertThat(clientTraffic, is(hex("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21")));
        assertThat(hkdf.deriveSecret(handshake, "s hs traffic", helloHash),
                is(hex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38")));
        assertThat(hkdf.expandLabel(clientTraffic, "key", new byte[0], 16),
                is(hex("dbfaa693d1762c5b666af5d950258d01")));
        assertThat(hkdf.expandLabel(clientTraffic, "iv", new byte[0], 12), is(hex("5bd3c71b836e0b76bb73265f")));
        assertThat(hkdf.expandLabel(clientTraffic, "finished", new byte[0], 32),
                is(hex("b80ad01015fb2f0bd65ff7d4da5d6bf83f84821d1f87fdc7d3c75b5a7b42d9c4")));

        byte[] master = hkdf.extract(hkdf.deriveSecret(handshake, "derived", emptyHash), new byte[32]);
        assertThat(master, is(hex("18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919")));
        assertThat(hkdf.expandLabel(hex("7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c"),
                "resumption", hex("0000"), 32),
                is(hex("4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void expandsUpTo255BlocksAndNoMore(CryptoProvider provider) {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            Hkdf hkdf = new Hkdf(provider, algorithm);
            assertThat(hkdf.hash(), is(algorithm));
            byte[] prk = new byte[algorithm.length()];
            int max = 255 * algorithm.length();
            byte[] longest = hkdf.expand(prk, new byte[0], max);
            assertThat(longest.length, is(max));
            // Output is a prefix of longer output.
            byte[] shorter = hkdf.expand(prk, new byte[0], algorithm.length() + 1);
            for (int i = 0; i < shorter.length; i++) {
                assertThat(shorter[i], is(longest[i]));
            }
            assertThat(hkdf.expand(prk, new byte[0], 0).length, is(0));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> hkdf.expand(prk, new byte[0], max + 1));
            assertThat(e.getMessage(), is("HKDF-Expand length must be 0 to " + max
                    + " bytes (255 * HashLen, RFC 5869 §2.3), got " + (max + 1)));
            assertThrows(IllegalArgumentException.class, () -> hkdf.expand(prk, new byte[0], -1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rejectsWhatHkdfLabelCannotCarry(CryptoProvider provider) {
        Hkdf hkdf = new Hkdf(provider, HashAlgorithm.SHA256);
        byte[] secret = new byte[32];
        assertThrows(IllegalArgumentException.class, () -> hkdf.expandLabel(secret, "", new byte[0], 16));
        assertThrows(IllegalArgumentException.class, () -> hkdf.expandLabel(secret, "x".repeat(250), new byte[0], 16));
        assertThat(hkdf.expandLabel(secret, "x".repeat(249), new byte[255], 16).length, is(16));
        assertThrows(IllegalArgumentException.class, () -> hkdf.expandLabel(secret, "key", new byte[256], 16));
        assertThrows(IllegalArgumentException.class, () -> hkdf.expandLabel(secret, "k\u00e9y", new byte[0], 16));
        assertThrows(IllegalArgumentException.class, () -> hkdf.expandLabel(secret, "key", new byte[0], 0x10000));
        assertThrows(IllegalArgumentException.class, () -> hkdf.expandLabel(secret, "key", new byte[0], -1));
    }

    /** The longest label HkdfLabel carries, laid out by hand as RFC 8446 §7.1 serialises it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void expandLabelIsExpandOverTheSerialisedHkdfLabel(CryptoProvider provider) {
        Hkdf hkdf = new Hkdf(provider, HashAlgorithm.SHA256);
        byte[] secret = HEX.parseHex("33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a");
        String label = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(7).substring(0, 249);
        byte[] context = {9, 8, 7};
        byte[] info = new byte[2 + 1 + 255 + 1 + context.length];
        info[1] = 42; // uint16 length
        info[2] = (byte) 255;
        System.arraycopy(("tls13 " + label).getBytes(StandardCharsets.US_ASCII), 0, info, 3, 255);
        info[258] = (byte) context.length;
        System.arraycopy(context, 0, info, 259, context.length);
        assertThat(hkdf.expandLabel(secret, label, context, 42), is(hkdf.expand(secret, info, 42)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void deriveSecretTakesAHashNotTheMessages(CryptoProvider provider) {
        Hkdf hkdf = new Hkdf(provider, HashAlgorithm.SHA384);
        byte[] secret = new byte[48];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> hkdf.deriveSecret(secret, "derived", new byte[32]));
        assertThat(e.getMessage(), is("Derive-Secret takes a 48-byte SHA-384 transcript hash, got 32 bytes"));
        assertThat(hkdf.deriveSecret(secret, "derived", new byte[48]).length, is(48));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void bothProvidersDeriveAlike(CryptoProvider provider) {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            byte[] secret = new Hkdf(provider, algorithm).extract(new byte[] {1, 2, 3}, new byte[] {4, 5, 6});
            byte[] context = new byte[algorithm.length()];
            byte[] ours = new Hkdf(provider, algorithm).deriveSecret(secret, "c ap traffic", context);
            Providers.both().forEach(other -> assertThat(other.name(),
                    new Hkdf(other, algorithm).deriveSecret(secret, "c ap traffic", context), is(ours)));
        }
    }
}
