package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of the Wycheproof AEAD files, as one dynamic test per vector and provider (the
 * run reports the count), against each provider that supports the algorithm.
 *
 * <p>TLS fixes the parameters: AES-128/256 (no AES-192), a 12-byte nonce, a 16-byte tag (8 for
 * CCM_8). A vector outside that space is still a test where the API has an answer: a key of a
 * length no algorithm takes must be refused by {@code newAead}, a nonce that is not 12 bytes by
 * {@code seal} and {@code open}, each with {@link IllegalArgumentException}. Only CCM vectors
 * with a tag of another length (4, 6, 10, 12, 14 bytes; 2, 3, 5, ... for the invalid ones)
 * cannot be expressed at all: those are skipped, and {@link #accountsForEveryVector} pins how
 * many of each kind there are.
 */
class AeadWycheproofTest {

    /** What a vector can tell us through this API. */
    enum Disposition {
        /** In TLS's parameter space: seal and open are checked against the vector. */
        RUN,
        /** A key length no algorithm of the family takes: newAead must refuse it. */
        REJECTED_KEY,
        /** A nonce length other than 12: seal and open must refuse it. */
        REJECTED_NONCE,
        /** A tag length no AeadAlgorithm has: not expressible, skipped. */
        SKIPPED_TAG
    }

    /** The algorithms a Wycheproof file can map to. */
    enum Family {
        GCM(AeadAlgorithm.AES_128_GCM, AeadAlgorithm.AES_256_GCM),
        CHACHA(AeadAlgorithm.CHACHA20_POLY1305),
        CCM(AeadAlgorithm.AES_128_CCM, AeadAlgorithm.AES_128_CCM_8);

        final List<AeadAlgorithm> algorithms;

        Family(AeadAlgorithm... algorithms) {
            this.algorithms = List.of(algorithms);
        }
    }

    @TestFactory
    Stream<DynamicContainer> aesGcm() {
        return file("aes_gcm_test.json", Family.GCM);
    }

    @TestFactory
    Stream<DynamicContainer> chacha20Poly1305() {
        return file("chacha20_poly1305_test.json", Family.CHACHA);
    }

    /** CCM runs on bc only; AeadTest checks that jca says it does not support CCM. */
    @TestFactory
    Stream<DynamicContainer> aesCcm() {
        return file("aes_ccm_test.json", Family.CCM);
    }

    /**
     * Every vector is accounted for. The counts are properties of the files: GCM has 103 AES-192
     * vectors and 80 with a nonce other than 12 bytes; ChaCha20-Poly1305 has 9 with other nonce
     * lengths; CCM has 368 AES-192/256 vectors, 49 with other nonce lengths and 49 with a tag
     * length TLS never uses (the only skipped vectors).
     */
    @Test
    void accountsForEveryVector() {
        assertThat(dispositions("aes_gcm_test.json", Family.GCM), is(counts(133, 103, 80, 0)));
        assertThat(dispositions("chacha20_poly1305_test.json", Family.CHACHA), is(counts(316, 0, 9, 0)));
        assertThat(dispositions("aes_ccm_test.json", Family.CCM), is(counts(86, 368, 49, 49)));
    }

    private static Map<Disposition, Integer> counts(int run, int rejectedKey, int rejectedNonce, int skipped) {
        Map<Disposition, Integer> counts = new EnumMap<>(Disposition.class);
        counts.put(Disposition.RUN, run);
        counts.put(Disposition.REJECTED_KEY, rejectedKey);
        counts.put(Disposition.REJECTED_NONCE, rejectedNonce);
        counts.put(Disposition.SKIPPED_TAG, skipped);
        return counts;
    }

    private static Map<Disposition, Integer> dispositions(String file, Family family) {
        Map<Disposition, Integer> counts = counts(0, 0, 0, 0);
        for (Wycheproof.Case c : Wycheproof.cases(file)) {
            counts.merge(disposition(c, family), 1, Integer::sum);
        }
        return counts;
    }

    private static Stream<DynamicContainer> file(String file, Family family) {
        List<Wycheproof.Case> cases = Wycheproof.cases(file);
        return Providers.both()
                .filter(provider -> family.algorithms.stream().allMatch(provider::supports))
                .map(provider -> DynamicContainer.dynamicContainer(provider.name() + " " + file,
                        cases.stream()
                                .filter(c -> disposition(c, family) != Disposition.SKIPPED_TAG)
                                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(provider, family, c)))));
    }

    static Disposition disposition(Wycheproof.Case c, Family family) {
        int keyLength = c.group().get("keySize").asInt() / 8;
        int nonceLength = c.group().get("ivSize").asInt() / 8;
        int tagLength = c.group().get("tagSize").asInt() / 8;
        if (family.algorithms.stream().noneMatch(a -> a.keyLength() == keyLength)) {
            return Disposition.REJECTED_KEY;
        }
        if (nonceLength != AeadAlgorithm.NONCE_LENGTH) {
            return Disposition.REJECTED_NONCE;
        }
        if (algorithm(family, keyLength, tagLength) == null) {
            return Disposition.SKIPPED_TAG;
        }
        return Disposition.RUN;
    }

    private static AeadAlgorithm algorithm(Family family, int keyLength, int tagLength) {
        for (AeadAlgorithm a : family.algorithms) {
            if (a.keyLength() == keyLength && a.tagLength() == tagLength) {
                return a;
            }
        }
        return null;
    }

    private static void check(CryptoProvider provider, Family family, Wycheproof.Case c) throws Exception {
        byte[] key = c.bytes("key");
        byte[] nonce = c.bytes("iv");
        switch (disposition(c, family)) {
            case REJECTED_KEY -> {
                for (AeadAlgorithm a : family.algorithms) {
                    assertThrows(IllegalArgumentException.class, () -> provider.newAead(a, key));
                }
            }
            case REJECTED_NONCE -> {
                AeadAlgorithm a = family.algorithms.stream()
                        .filter(x -> x.keyLength() == key.length).findFirst().orElseThrow();
                Aead aead = provider.newAead(a, key);
                byte[] sealed = concat(c.bytes("ct"), c.bytes("tag"));
                byte[] out = new byte[sealed.length + a.tagLength()];
                assertThrows(IllegalArgumentException.class,
                        () -> aead.seal(nonce, c.bytes("aad"), c.bytes("msg"), 0, c.bytes("msg").length, out, 0));
                assertThrows(IllegalArgumentException.class,
                        () -> aead.open(nonce, c.bytes("aad"), sealed, 0, sealed.length, out, 0));
            }
            case RUN -> run(provider, family, c);
            case SKIPPED_TAG -> throw new AssertionError("skipped vectors are not turned into tests");
        }
    }

    private static void run(CryptoProvider provider, Family family, Wycheproof.Case c) throws Exception {
        byte[] key = c.bytes("key");
        byte[] nonce = c.bytes("iv");
        byte[] aad = c.bytes("aad");
        byte[] msg = c.bytes("msg");
        byte[] sealed = concat(c.bytes("ct"), c.bytes("tag"));
        AeadAlgorithm algorithm = algorithm(family, key.length, c.bytes("tag").length);
        Aead aead = provider.newAead(algorithm, key);

        byte[] ours = new byte[msg.length + algorithm.tagLength()];
        assertThat(aead.seal(nonce, aad, msg, 0, msg.length, ours, 0), is(ours.length));
        if (c.isValid()) {
            assertThat("seal", ours, is(sealed));

            byte[] opened = new byte[msg.length];
            assertThat(aead.open(nonce, aad, sealed, 0, sealed.length, opened, 0), is(msg.length));
            assertThat("open byte[]", opened, is(msg));

            // The same record again, through a direct buffer, opened in place.
            ByteBuffer direct = ByteBuffer.allocateDirect(sealed.length);
            direct.put(sealed).flip();
            ByteBuffer out = direct.duplicate();
            assertThat(aead.open(nonce, aad, direct, out), is(msg.length));
            byte[] fromBuffer = new byte[msg.length];
            direct.get(0, fromBuffer);
            assertThat("open direct ByteBuffer in place", fromBuffer, is(msg));
        } else if (c.isInvalid()) {
            assertThat("seal must not produce the forged ciphertext", ours, is(not(sealed)));

            byte[] opened = new byte[Math.max(0, sealed.length - algorithm.tagLength())];
            Arrays.fill(opened, (byte) 0x5a);
            assertThrows(AeadTagException.class, () -> aead.open(nonce, aad, sealed, 0, sealed.length, opened, 0));
            assertThat("no plaintext after a failed open", boxed(opened), everyItem(is((byte) 0)));
        } else {
            throw new AssertionError("AEAD vectors are valid or invalid, got " + c.result());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static List<Byte> boxed(byte[] bytes) {
        List<Byte> list = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }
}
