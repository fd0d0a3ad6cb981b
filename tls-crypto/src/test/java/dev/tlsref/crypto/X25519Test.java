package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** X25519 (RFC 7748) on both providers: Wycheproof, RFC 8448 and hostile shares. */
class X25519Test {
    private static final HexFormat HEX = HexFormat.of();

    /*
     * RFC 8448 §3 (Simple 1-RTT Handshake), copied from
     * /work/shared/testdata/rfc8448/simple-1rtt.json, section "secrets".
     */
    private static final String CLIENT_PRIVATE = "49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005";
    private static final String CLIENT_PUBLIC = "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c";
    private static final String SERVER_PRIVATE = "b1580eeadf6dd589b8ef4f2d5652578cc810e9980191ec8d058308cea216a21e";
    private static final String SERVER_PUBLIC = "c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f";
    private static final String SHARED_SECRET = "8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d";

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void wycheproofVectors(CryptoProvider provider) {
        XdhWycheproof.Counts counts = XdhWycheproof.run(provider, KeyExchangeAlgorithm.X25519, "x25519_test.json");
        // 518 vectors: 264 valid and 223 acceptable ones (twist points; non-canonical u >= p,
        // which RFC 7748 §5 says MUST be accepted) give the listed secret; the other 31
        // acceptable ones (flag ZeroSharedSecret: low-order public values) must be refused.
        assertThat(counts.toString(), counts, is(new XdhWycheproof.Counts(518, 264 + 223, 31, 0)));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rfc8448ClientComputesTheSharedSecret(CryptoProvider provider) throws Exception {
        KeyShare client = provider.keyExchange(KeyExchangeAlgorithm.X25519).fromPrivateKey(HEX.parseHex(CLIENT_PRIVATE));
        assertThat(HEX.formatHex(client.publicShare()), is(CLIENT_PUBLIC));
        assertThat(HEX.formatHex(client.agree(HEX.parseHex(SERVER_PUBLIC))), is(SHARED_SECRET));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rfc8448ServerKeyGivesTheServerShare(CryptoProvider provider) throws Exception {
        KeyShare server = provider.keyExchange(KeyExchangeAlgorithm.X25519).fromPrivateKey(HEX.parseHex(SERVER_PRIVATE));
        assertThat(HEX.formatHex(server.publicShare()), is(SERVER_PUBLIC));
        assertThat(HEX.formatHex(server.agree(HEX.parseHex(CLIENT_PUBLIC))), is(SHARED_SECRET));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rejectsAllZeroSharedSecret(CryptoProvider provider) {
        KeyExchange x25519 = provider.keyExchange(KeyExchangeAlgorithm.X25519);
        KeyShare share = x25519.generate(new SecureRandom());
        // u = 0 and u = 1 are low-order points: every scalar maps them to u = 0.
        byte[] zero = new byte[32];
        byte[] one = new byte[32];
        one[0] = 1;
        InvalidKeyShareException e = assertThrows(InvalidKeyShareException.class, () -> share.agree(zero));
        assertThat(e.getMessage(), containsString("all zeros"));
        assertThrows(InvalidKeyShareException.class, () -> share.agree(one));
        assertThrows(InvalidKeyShareException.class, () -> x25519.respond(zero, new SecureRandom()));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rejectsShareOfWrongLength(CryptoProvider provider) {
        KeyExchange x25519 = provider.keyExchange(KeyExchangeAlgorithm.X25519);
        KeyShare share = x25519.generate(new SecureRandom());
        byte[] valid = share.publicShare();
        assertThrows(InvalidKeyShareException.class, () -> share.agree(new byte[31]));
        assertThrows(InvalidKeyShareException.class, () -> share.agree(new byte[33]));
        assertThrows(InvalidKeyShareException.class, () -> share.agree(new byte[0]));
        assertThrows(InvalidKeyShareException.class,
                () -> x25519.respond(Arrays.copyOf(valid, 33), new SecureRandom()));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rejectsPrivateKeyOfWrongLength(CryptoProvider provider) {
        KeyExchange x25519 = provider.keyExchange(KeyExchangeAlgorithm.X25519);
        assertThrows(IllegalArgumentException.class, () -> x25519.fromPrivateKey(new byte[31]));
    }
}
