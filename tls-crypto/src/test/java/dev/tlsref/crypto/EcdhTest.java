package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ECDH on P-256, P-384 and P-521 on both providers: Wycheproof, RFC 8448 and hostile points. */
class EcdhTest {
    private static final HexFormat HEX = HexFormat.of();

    /*
     * RFC 8448 §5 (HelloRetryRequest), the P-256 exchange, copied from
     * /work/shared/testdata/rfc8448/hrr.json, section "secrets".
     */
    private static final String CLIENT_P256_PRIVATE = "ab5473467e19346ceb0a0414e41da21d4d2445bc3025afe97c4e8dc8d513da39";
    private static final String CLIENT_P256_PUBLIC = "04a6da7392ec591e17abfd535964b99894d13befb221b3def2ebe3830eac8f01"
            + "51812677c4d6d2237e85cf01d6910cfb83954e76ba7352830534159897e8065780";
    private static final String SERVER_P256_PUBLIC = "04583e054b7a66672ae020ad9d2686fcc85b5ad41a134a0f03ee72b893052bd8"
            + "5b4c8de6776f5b04ac07d83540eab3e3d9c547bc6528c4317d294686093a6cad7d";
    private static final String ECDHE_SHARED_SECRET = "c142ce13ca11b5c2233652e63ad3d97844f1621fbfb9de69d547dc8fedeabeb4";

    /** (provider, curve, Wycheproof file, valid, invalid, acceptable) for every combination. */
    static Stream<Arguments> wycheproofFiles() {
        return Providers.both().flatMap(provider -> Stream.of(
                Arguments.of(provider, KeyExchangeAlgorithm.SECP256R1, "ecdh_secp256r1_ecpoint_test.json", 330, 24, 1),
                Arguments.of(provider, KeyExchangeAlgorithm.SECP384R1, "ecdh_secp384r1_ecpoint_test.json", 771, 18, 1),
                Arguments.of(provider, KeyExchangeAlgorithm.SECP521R1, "ecdh_secp521r1_ecpoint_test.json", 632, 28, 1)));
    }

    static Stream<Arguments> curves() {
        return Providers.both().flatMap(provider -> Stream.of(
                KeyExchangeAlgorithm.SECP256R1, KeyExchangeAlgorithm.SECP384R1, KeyExchangeAlgorithm.SECP521R1)
                .map(curve -> Arguments.of(provider, curve)));
    }

    /**
     * Valid vectors must give the listed X coordinate; invalid ones (bad encodings, points off
     * the curve, wrong-curve points) must be refused; the one acceptable vector per curve is a
     * compressed point (flag CompressedPublic), which TLS refuses (RFC 8446 §4.2.8.2).
     */
    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("wycheproofFiles")
    void wycheproofVectors(CryptoProvider provider, KeyExchangeAlgorithm curve, String file,
            int expectedValid, int expectedInvalid, int expectedAcceptable) {
        KeyExchange ecdh = provider.keyExchange(curve);
        int scalarLength = scalarLength(curve);
        int valid = 0;
        int refused = 0;
        int refusedCompressed = 0;
        for (Wycheproof.Case c : Wycheproof.cases(file)) {
            // The private keys are big-endian and may carry a leading 00 or be short.
            KeyShare share = ecdh.fromPrivateKey(normalise(c.bytes("private"), scalarLength));
            byte[] peer = c.bytes("public");
            if (c.isValid()) {
                try {
                    assertArrayEquals(c.bytes("shared"), share.agree(peer), c.toString());
                } catch (InvalidKeyShareException e) {
                    throw new AssertionError(c + ": refused a valid point", e);
                }
                valid++;
            } else if (c.isInvalid()) {
                assertThrows(InvalidKeyShareException.class, () -> share.agree(peer), c.toString());
                refused++;
            } else {
                assertThat(c + " is an acceptable case other than a compressed point",
                        c.hasFlag("CompressedPublic"), is(true));
                InvalidKeyShareException e =
                        assertThrows(InvalidKeyShareException.class, () -> share.agree(peer), c.toString());
                assertThat(e.getMessage(), containsString("compressed"));
                refusedCompressed++;
            }
            share.destroy();
        }
        System.out.printf("%s %s: %d vectors, %d valid agreed, %d invalid refused, %d acceptable "
                + "(compressed) refused%n", provider.name(), file, valid + refused + refusedCompressed, valid,
                refused, refusedCompressed);
        assertThat(valid, is(expectedValid));
        assertThat(refused, is(expectedInvalid));
        assertThat(refusedCompressed, is(expectedAcceptable));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rfc8448ClientKeyGivesItsShareAndTheSecret(CryptoProvider provider) throws Exception {
        KeyShare client = provider.keyExchange(KeyExchangeAlgorithm.SECP256R1)
                .fromPrivateKey(HEX.parseHex(CLIENT_P256_PRIVATE));
        assertThat(HEX.formatHex(client.publicShare()), is(CLIENT_P256_PUBLIC));
        assertThat(HEX.formatHex(client.agree(HEX.parseHex(SERVER_P256_PUBLIC))), is(ECDHE_SHARED_SECRET));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("curves")
    void rejectsPointNotOnCurve(CryptoProvider provider, KeyExchangeAlgorithm curve) {
        KeyExchange ecdh = provider.keyExchange(curve);
        byte[] point = ecdh.generate(new SecureRandom()).publicShare();
        point[point.length - 1] ^= 1; // change y: y² no longer matches x³ + ax + b
        KeyShare share = ecdh.generate(new SecureRandom());
        InvalidKeyShareException e = assertThrows(InvalidKeyShareException.class, () -> share.agree(point));
        assertThat(e.getMessage(), containsString("not on the curve"));
        assertThrows(InvalidKeyShareException.class, () -> ecdh.respond(point, new SecureRandom()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("curves")
    void rejectsCompressedPoint(CryptoProvider provider, KeyExchangeAlgorithm curve) {
        KeyExchange ecdh = provider.keyExchange(curve);
        byte[] uncompressed = ecdh.generate(new SecureRandom()).publicShare();
        int fieldLength = (uncompressed.length - 1) / 2;
        // SEC 1 §2.3.3: 02 or 03 (the parity of y) followed by x, a valid encoding of the same point.
        byte[] compressed = Arrays.copyOf(uncompressed, 1 + fieldLength);
        compressed[0] = (byte) (2 + (uncompressed[uncompressed.length - 1] & 1));
        KeyShare share = ecdh.generate(new SecureRandom());
        InvalidKeyShareException e = assertThrows(InvalidKeyShareException.class, () -> share.agree(compressed));
        assertThat(e.getMessage(), containsString("compressed"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("curves")
    void rejectsShareOfWrongLength(CryptoProvider provider, KeyExchangeAlgorithm curve) {
        KeyExchange ecdh = provider.keyExchange(curve);
        byte[] point = ecdh.generate(new SecureRandom()).publicShare();
        KeyShare share = ecdh.generate(new SecureRandom());
        assertThrows(InvalidKeyShareException.class, () -> share.agree(Arrays.copyOf(point, point.length - 1)));
        assertThrows(InvalidKeyShareException.class, () -> share.agree(Arrays.copyOf(point, point.length + 1)));
        assertThrows(InvalidKeyShareException.class, () -> share.agree(new byte[0]));
        assertThrows(InvalidKeyShareException.class, () -> share.agree(new byte[] {0}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("curves")
    void rejectsWrongPrefixAndCoordinateNotBelowP(CryptoProvider provider, KeyExchangeAlgorithm curve) {
        KeyExchange ecdh = provider.keyExchange(curve);
        byte[] point = ecdh.generate(new SecureRandom()).publicShare();
        KeyShare share = ecdh.generate(new SecureRandom());
        byte[] hybridForm = point.clone();
        hybridForm[0] = 0x06; // X9.62 hybrid encoding, not allowed in TLS
        assertThrows(InvalidKeyShareException.class, () -> share.agree(hybridForm));
        byte[] xAtLeastP = point.clone();
        Arrays.fill(xAtLeastP, 1, 1 + (point.length - 1) / 2, (byte) 0xff);
        assertThrows(InvalidKeyShareException.class, () -> share.agree(xAtLeastP));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("curves")
    void rejectsPrivateKeyOutOfRange(CryptoProvider provider, KeyExchangeAlgorithm curve) {
        KeyExchange ecdh = provider.keyExchange(curve);
        int length = scalarLength(curve);
        assertThrows(IllegalArgumentException.class, () -> ecdh.fromPrivateKey(new byte[length]));
        assertThrows(IllegalArgumentException.class, () -> ecdh.fromPrivateKey(new byte[length + 1]));
    }

    private static int scalarLength(KeyExchangeAlgorithm curve) {
        return curve == KeyExchangeAlgorithm.SECP256R1 ? 32 : curve == KeyExchangeAlgorithm.SECP384R1 ? 48 : 66;
    }

    /** A big-endian scalar of any length as exactly {@code length} bytes. */
    private static byte[] normalise(byte[] scalar, int length) {
        byte[] magnitude = new BigInteger(1, scalar).toByteArray();
        int start = magnitude[0] == 0 && magnitude.length > 1 ? 1 : 0;
        byte[] out = new byte[length];
        System.arraycopy(magnitude, start, out, length - (magnitude.length - start), magnitude.length - start);
        return out;
    }
}
