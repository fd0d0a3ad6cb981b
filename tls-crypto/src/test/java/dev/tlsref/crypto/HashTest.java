package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SHA-256 and SHA-384 as running hashes, on both providers. */
class HashTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    private static byte[] hash(CryptoProvider provider, HashAlgorithm algorithm, byte[] data) {
        Hash hash = provider.newHash(algorithm);
        hash.update(data);
        return hash.digest();
    }

    /** FIPS 180-2 Appendix B.1 / D.1 ("abc") and the hashes of the empty string. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void matchesKnownAnswers(CryptoProvider provider) {
        assertThat(hash(provider, HashAlgorithm.SHA256, ABC),
                is(HEX.parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")));
        assertThat(hash(provider, HashAlgorithm.SHA384, ABC), is(HEX.parseHex(
                "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")));
        assertThat(provider.newHash(HashAlgorithm.SHA256).digest(),
                is(HEX.parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")));
        assertThat(provider.newHash(HashAlgorithm.SHA384).digest(), is(HEX.parseHex(
                "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")));
    }

    /** RFC 8448 §3: the transcript hash of ClientHello and ServerHello, taken from a copy mid-stream. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void copyGivesTheTranscriptHashOfRfc8448(CryptoProvider provider) {
        byte[] clientHello = HEX.parseHex("010000c00303cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7"
                + "000006130113031302010000910000000b0009000006736572766572ff01000100000a00140012001d00170018001901"
                + "00010101020103010400230000003300260024001d002099381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d54"
                + "13691e529aaf2c002b0003020304000d0020001e040305030603020308040805080604010501060102010402050206020"
                + "202002d00020101001c00024001");
        byte[] serverHello = HEX.parseHex("020000560303a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e269"
                + "2800130100002e00330024001d0020c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f002b"
                + "00020304");
        Hash transcript = provider.newHash(HashAlgorithm.SHA256);
        transcript.update(clientHello);
        Hash afterClientHello = transcript.copy();
        transcript.update(serverHello);
        assertThat(transcript.copy().digest(),
                is(HEX.parseHex("860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8")));
        assertThat(afterClientHello.digest(), is(hash(provider, HashAlgorithm.SHA256, clientHello)));
        // Taking a copy's digest left the original running.
        transcript.update(ABC);
        byte[] all = new byte[clientHello.length + serverHello.length + ABC.length];
        System.arraycopy(clientHello, 0, all, 0, clientHello.length);
        System.arraycopy(serverHello, 0, all, clientHello.length, serverHello.length);
        System.arraycopy(ABC, 0, all, clientHello.length + serverHello.length, ABC.length);
        assertThat(transcript.digest(), is(hash(provider, HashAlgorithm.SHA256, all)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void copiesAreIndependent(CryptoProvider provider) {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            Hash original = provider.newHash(algorithm);
            original.update(ABC);
            Hash copy = original.copy();
            assertThat(copy.algorithm(), is(algorithm));
            copy.update(new byte[] {1, 2, 3});
            assertThat(original.digest(), is(hash(provider, algorithm, ABC)));
            assertThat(copy.digest(), is(hash(provider, algorithm, new byte[] {'a', 'b', 'c', 1, 2, 3})));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void digestResets(CryptoProvider provider) {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            Hash hash = provider.newHash(algorithm);
            hash.update(new byte[] {9, 9, 9});
            hash.digest();
            hash.update(ABC);
            assertThat(hash.digest(), is(hash(provider, algorithm, ABC)));
            assertThat(hash.digest(), is(provider.newHash(algorithm).digest()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void incrementalRangesEqualOneShotAndTheOtherProvider(CryptoProvider provider) {
        byte[] data = new byte[100_003];
        new Random(1).nextBytes(data);
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            Hash hash = provider.newHash(algorithm);
            int at = 0;
            for (int step = 1; at < data.length; step = step * 3 + 1) {
                int n = Math.min(step, data.length - at);
                hash.update(data, at, n);
                at += n;
            }
            byte[] expected = hash(provider, algorithm, data);
            assertThat(hash.digest(), is(expected));
            Providers.both().forEach(other -> assertThat(other.name(), hash(other, algorithm, data), is(expected)));
            assertThat(expected.length, is(algorithm.length()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rejectsARangeOutsideTheArray(CryptoProvider provider) {
        Hash hash = provider.newHash(HashAlgorithm.SHA256);
        assertThrows(IndexOutOfBoundsException.class, () -> hash.update(new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> hash.update(new byte[4], -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> hash.update(new byte[4], 0, -1));
        // A refused update leaves the hash untouched.
        assertThat(Arrays.equals(hash.digest(), provider.newHash(HashAlgorithm.SHA256).digest()), is(true));
    }
}
