package dev.tlsref.handshake.tls12;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.crypto.HashAlgorithm;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known-answer tests of the TLS 1.2 key derivation against an independent computation of RFC
 * 5246 §5's P_hash with {@link javax.crypto.Mac}, on both crypto providers. (The interop tests
 * compare the master secret with OpenSSL's key log, and every record and Finished exchanged
 * with OpenSSL, GnuTLS and the JDK checks the key block and verify_data.)
 */
class Tls12KeyScheduleTest {
    private static final byte[] PREMASTER = bytes(48, 1);
    private static final byte[] CLIENT_RANDOM = bytes(32, 2);
    private static final byte[] SERVER_RANDOM = bytes(32, 3);

    static Stream<Arguments> cases() {
        return Stream.of(CryptoProviders.jca(), CryptoProviders.bc()).flatMap(p -> Stream.of(
                Arguments.of(p, HashAlgorithm.SHA256, AeadAlgorithm.AES_128_GCM),
                Arguments.of(p, HashAlgorithm.SHA384, AeadAlgorithm.AES_256_GCM),
                Arguments.of(p, HashAlgorithm.SHA256, AeadAlgorithm.CHACHA20_POLY1305)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void masterSecretIsPrfOverBothRandoms(CryptoProvider crypto, HashAlgorithm hash, AeadAlgorithm aead) throws Exception {
        byte[] expected = prf(hash, PREMASTER, "master secret", concat(CLIENT_RANDOM, SERVER_RANDOM), 48);
        assertThat(hex(new Tls12KeySchedule(crypto, hash).masterSecret(PREMASTER, CLIENT_RANDOM, SERVER_RANDOM)),
                equalTo(hex(expected)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void extendedMasterSecretIsPrfOverTheSessionHash(CryptoProvider crypto, HashAlgorithm hash, AeadAlgorithm aead)
            throws Exception {
        byte[] sessionHash = bytes(hash.length(), 4);
        byte[] expected = prf(hash, PREMASTER, "extended master secret", sessionHash, 48);
        assertThat(hex(new Tls12KeySchedule(crypto, hash).extendedMasterSecret(PREMASTER, sessionHash)),
                equalTo(hex(expected)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void keyBlockIsCutInRfcOrder(CryptoProvider crypto, HashAlgorithm hash, AeadAlgorithm aead) throws Exception {
        byte[] master = bytes(48, 5);
        int ivLength = aead == AeadAlgorithm.CHACHA20_POLY1305 ? 12 : 4;
        int keyLength = aead.keyLength();
        byte[] block = prf(hash, master, "key expansion", concat(SERVER_RANDOM, CLIENT_RANDOM), 2 * keyLength + 2 * ivLength);
        Tls12KeySchedule.KeyBlock keys = new Tls12KeySchedule(crypto, hash).keyBlock(master, CLIENT_RANDOM, SERVER_RANDOM, aead);
        assertThat(hex(keys.clientWriteKey()), equalTo(hex(Arrays.copyOfRange(block, 0, keyLength))));
        assertThat(hex(keys.serverWriteKey()), equalTo(hex(Arrays.copyOfRange(block, keyLength, 2 * keyLength))));
        assertThat(hex(keys.clientWriteIv()), equalTo(hex(Arrays.copyOfRange(block, 2 * keyLength, 2 * keyLength + ivLength))));
        assertThat(hex(keys.serverWriteIv()), equalTo(hex(Arrays.copyOfRange(block, 2 * keyLength + ivLength, block.length))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void finishedIsTwelveBytesOfPrfOverTheTranscriptHash(CryptoProvider crypto, HashAlgorithm hash, AeadAlgorithm aead)
            throws Exception {
        byte[] master = bytes(48, 6);
        byte[] transcriptHash = bytes(hash.length(), 7);
        Tls12KeySchedule schedule = new Tls12KeySchedule(crypto, hash);
        assertThat(hex(schedule.clientFinished(master, transcriptHash)),
                equalTo(hex(prf(hash, master, "client finished", transcriptHash, 12))));
        assertThat(hex(schedule.serverFinished(master, transcriptHash)),
                equalTo(hex(prf(hash, master, "server finished", transcriptHash, 12))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void exporterFollowsRfc5705(CryptoProvider crypto, HashAlgorithm hash, AeadAlgorithm aead) throws Exception {
        byte[] master = bytes(48, 8);
        byte[] context = "ctx".getBytes(StandardCharsets.US_ASCII);
        byte[] seed = concat(concat(CLIENT_RANDOM, SERVER_RANDOM), new byte[] {0, 3});
        Tls12KeySchedule schedule = new Tls12KeySchedule(crypto, hash);
        assertThat(hex(schedule.exportKeyingMaterial(master, CLIENT_RANDOM, SERVER_RANDOM, "EXPORTER-x", context, 40)),
                equalTo(hex(prf(hash, master, "EXPORTER-x", concat(seed, context), 40))));
        assertThat(hex(schedule.exportKeyingMaterial(master, CLIENT_RANDOM, SERVER_RANDOM, "EXPORTER-x", null, 40)),
                equalTo(hex(prf(hash, master, "EXPORTER-x", concat(CLIENT_RANDOM, SERVER_RANDOM), 40))));
    }

    /** RFC 5246 §5, written out independently: P_hash(secret, label + seed). */
    private static byte[] prf(HashAlgorithm hash, byte[] secret, String label, byte[] seed, int length) throws Exception {
        Mac mac = Mac.getInstance(hash.jcaHmacName());
        mac.init(new SecretKeySpec(secret, hash.jcaHmacName()));
        byte[] labelSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a = labelSeed;
        while (out.size() < length) {
            a = mac.doFinal(a);
            mac.update(a);
            out.writeBytes(mac.doFinal(labelSeed));
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
