package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The RFC 7919 groups and finite-field DH on both providers. */
class FfdheTest {

    static Stream<Arguments> groups() {
        return Stream.of(
                Arguments.of(KeyExchangeAlgorithm.FFDHE2048, FfdheGroups.FFDHE2048, 2048, 560316,
                        DHStandardGroups.rfc7919_ffdhe2048.getP()),
                Arguments.of(KeyExchangeAlgorithm.FFDHE3072, FfdheGroups.FFDHE3072, 3072, 2625351,
                        DHStandardGroups.rfc7919_ffdhe3072.getP()),
                Arguments.of(KeyExchangeAlgorithm.FFDHE4096, FfdheGroups.FFDHE4096, 4096, 5736041,
                        DHStandardGroups.rfc7919_ffdhe4096.getP()));
    }

    static Stream<Arguments> providerAndGroup() {
        return Providers.both().flatMap(provider -> Stream.of(
                KeyExchangeAlgorithm.FFDHE2048, KeyExchangeAlgorithm.FFDHE3072, KeyExchangeAlgorithm.FFDHE4096)
                .map(group -> Arguments.of(provider, group)));
    }

    /**
     * RFC 7919 Appendix A: p = 2^b - 2^{b-64} + {[2^{b-130} e] + X} * 2^64 - 1 with the X the RFC
     * lists, p and (p-1)/2 prime, g = 2, and the same value as BouncyCastle's copy.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void primeMatchesRfc7919Construction(KeyExchangeAlgorithm algorithm, DhParameters group, int bits, int x,
            BigInteger bouncyCastlePrime) {
        BigInteger p = group.p();
        BigInteger expected = BigInteger.ONE.shiftLeft(bits)
                .subtract(BigInteger.ONE.shiftLeft(bits - 64))
                .add(floorOfPowerOfTwoTimesE(bits - 130).add(BigInteger.valueOf(x)).shiftLeft(64))
                .subtract(BigInteger.ONE);
        assertThat(p, is(expected));
        assertThat(p.bitLength(), is(bits));
        assertThat(group.g(), is(BigInteger.TWO));
        assertThat(p.isProbablePrime(64), is(true));
        assertThat(p.shiftRight(1).isProbablePrime(64), is(true));
        assertThat(p, is(bouncyCastlePrime));
        assertThat(FfdheGroups.parameters(algorithm), is(group));
    }

    @Test
    void shortExponentSizesAreThoseOfRfc7919() {
        assertThat(FfdheGroups.shortExponentBits(KeyExchangeAlgorithm.FFDHE2048), is(225));
        assertThat(FfdheGroups.shortExponentBits(KeyExchangeAlgorithm.FFDHE3072), is(275));
        assertThat(FfdheGroups.shortExponentBits(KeyExchangeAlgorithm.FFDHE4096), is(325));
        assertThrows(IllegalArgumentException.class, () -> FfdheGroups.parameters(KeyExchangeAlgorithm.X25519));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providerAndGroup")
    void rejectsYEqualToOne(CryptoProvider provider, KeyExchangeAlgorithm group) {
        KeyExchange dh = provider.keyExchange(group);
        byte[] one = Encoding.fixed(BigInteger.ONE, group.initiatorShareLength());
        assertThrows(InvalidKeyShareException.class, () -> dh.generate(new SecureRandom()).agree(one));
        assertThrows(InvalidKeyShareException.class, () -> dh.respond(one, new SecureRandom()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providerAndGroup")
    void rejectsYEqualToPMinusOne(CryptoProvider provider, KeyExchangeAlgorithm group) {
        KeyExchange dh = provider.keyExchange(group);
        BigInteger p = FfdheGroups.parameters(group).p();
        byte[] pMinusOne = Encoding.fixed(p.subtract(BigInteger.ONE), group.initiatorShareLength());
        assertThrows(InvalidKeyShareException.class, () -> dh.generate(new SecureRandom()).agree(pMinusOne));
        byte[] zero = new byte[group.initiatorShareLength()];
        assertThrows(InvalidKeyShareException.class, () -> dh.respond(zero, new SecureRandom()));
        byte[] pItself = Encoding.fixed(p, group.initiatorShareLength());
        assertThrows(InvalidKeyShareException.class, () -> dh.respond(pItself, new SecureRandom()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providerAndGroup")
    void rejectsNamedGroupShareThatIsNotPadded(CryptoProvider provider, KeyExchangeAlgorithm group) {
        KeyExchange dh = provider.keyExchange(group);
        byte[] share = dh.generate(new SecureRandom()).publicShare();
        KeyShare mine = dh.generate(new SecureRandom());
        assertThrows(InvalidKeyShareException.class, () -> mine.agree(Arrays.copyOf(share, share.length - 1)));
        assertThrows(InvalidKeyShareException.class, () -> mine.agree(Arrays.copyOf(share, share.length + 1)));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void fromPrivateKeyGivesGToTheX(CryptoProvider provider) throws Exception {
        KeyExchange dh = provider.keyExchange(KeyExchangeAlgorithm.FFDHE2048);
        KeyShare two = dh.fromPrivateKey(new byte[] {2});
        assertArrayEquals(Encoding.fixed(BigInteger.valueOf(4), 256), two.publicShare());
        // With y = 4 = 2^2 and x = 3 the secret is 4^3 = 64, left-padded to 256 bytes (RFC 8446 §7.4.1).
        KeyShare three = dh.fromPrivateKey(new byte[] {3});
        assertArrayEquals(Encoding.fixed(BigInteger.valueOf(64), 256), three.agree(two.publicShare()));
        assertThrows(IllegalArgumentException.class, () -> dh.fromPrivateKey(new byte[] {1}));
    }

    /** TLS 1.2 server-chosen parameters: here a small 1024-bit safe prime, RFC 2409's group 2. */
    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void serverChosenParametersAcceptUnpaddedValues(CryptoProvider provider) throws Exception {
        DhParameters oakley2 = new DhParameters(DHStandardGroups.rfc2409_1024.getP(), BigInteger.TWO);
        KeyExchange dh = provider.keyExchange(oakley2);
        assertThat(dh.algorithm(), is((KeyExchangeAlgorithm) null));
        KeyShare server = dh.generate(new SecureRandom());
        KeyExchange.Result client = dh.respond(server.publicShare(), new SecureRandom());
        assertThat(client.publicShare().length, is(128));
        assertArrayEquals(client.sharedSecret(), server.agree(client.publicShare()));
        // 2^5 = 32 sent as one byte is a legal TLS 1.2 dh_Yc (opaque<1..2^16-1>).
        byte[] unpadded = {32};
        KeyShare x = dh.fromPrivateKey(new byte[] {3});
        assertArrayEquals(Encoding.fixed(BigInteger.valueOf(32768), 128), x.agree(unpadded));
        assertThrows(InvalidKeyShareException.class, () -> x.agree(new byte[] {1}));
        assertThrows(InvalidKeyShareException.class, () -> x.agree(new byte[0]));
        assertThrows(InvalidKeyShareException.class, () -> x.agree(new byte[129]));
    }

    /** floor(2^shift * e) from the series e = sum 1/k!, with 64 guard bits. */
    private static BigInteger floorOfPowerOfTwoTimesE(int shift) {
        int guard = 64;
        BigInteger term = BigInteger.ONE.shiftLeft(shift + guard);
        BigInteger sum = BigInteger.ZERO;
        for (int k = 1; term.signum() > 0; k++) {
            sum = sum.add(term);
            term = term.divide(BigInteger.valueOf(k));
        }
        return sum.shiftRight(guard);
    }

    /** Big-endian fixed-length encoding for building test shares. */
    private static final class Encoding {
        static byte[] fixed(BigInteger value, int length) {
            byte[] magnitude = value.toByteArray();
            int start = magnitude[0] == 0 && magnitude.length > 1 ? 1 : 0;
            byte[] out = new byte[length];
            int size = magnitude.length - start;
            System.arraycopy(magnitude, start, out, length - size, size);
            return out;
        }
    }
}
