package dev.tlsref.crypto;

import static dev.tlsref.crypto.AeadWycheproofTest.boxed;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Aead contract on every provider and every algorithm it supports. */
class AeadTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] AAD = HEX.parseHex("17030300ff");

    /** Each provider with each algorithm it supports. */
    static Stream<Arguments> aeads() {
        return Providers.both().flatMap(provider -> Arrays.stream(AeadAlgorithm.values())
                .filter(provider::supports)
                .map(algorithm -> Arguments.of(provider.name(), algorithm, provider)));
    }

    private static byte[] key(AeadAlgorithm algorithm) {
        byte[] key = new byte[algorithm.keyLength()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (0x40 + i);
        }
        return key;
    }

    private static byte[] nonce(int seed) {
        byte[] nonce = new byte[AeadAlgorithm.NONCE_LENGTH];
        nonce[11] = (byte) seed;
        nonce[0] = (byte) 0xa5;
        return nonce;
    }

    private static byte[] message(int length) {
        byte[] message = new byte[length];
        for (int i = 0; i < length; i++) {
            message[i] = (byte) (i * 7 + 3);
        }
        return message;
    }

    /** The reference: seal with byte[] ranges into a fresh array. */
    private static byte[] sealed(CryptoProvider provider, AeadAlgorithm algorithm, byte[] nonce, byte[] message) {
        byte[] out = new byte[message.length + algorithm.tagLength()];
        provider.newAead(algorithm, key(algorithm)).seal(nonce, AAD, message, 0, message.length, out, 0);
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void sealsAndOpensByteArrayRanges(String name, AeadAlgorithm algorithm, CryptoProvider provider) throws Exception {
        Aead aead = provider.newAead(algorithm, key(algorithm));
        assertThat(aead.algorithm(), is(algorithm));
        for (int length : new int[] {0, 1, 15, 16, 17, 64, 1000, 16385}) {
            byte[] message = message(length);
            byte[] in = new byte[3 + length + 5];
            System.arraycopy(message, 0, in, 3, length);
            byte[] sealed = new byte[7 + length + algorithm.tagLength()];
            assertThat(aead.seal(nonce(length), AAD, in, 3, length, sealed, 7), is(length + algorithm.tagLength()));

            byte[] opened = new byte[2 + length];
            assertThat(aead.open(nonce(length), AAD, sealed, 7, length + algorithm.tagLength(), opened, 2), is(length));
            assertThat(Arrays.copyOfRange(opened, 2, 2 + length), is(message));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void bothProvidersSealAlike(String name, AeadAlgorithm algorithm, CryptoProvider provider) {
        byte[] message = message(333);
        Providers.both().filter(other -> other.supports(algorithm)).forEach(other ->
                assertThat(other.name() + " vs " + name, sealed(other, algorithm, nonce(1), message),
                        is(sealed(provider, algorithm, nonce(1), message))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void sealsAndOpensInPlaceInOneArray(String name, AeadAlgorithm algorithm, CryptoProvider provider)
            throws Exception {
        byte[] message = message(100);
        byte[] record = new byte[5 + message.length + algorithm.tagLength()];
        System.arraycopy(message, 0, record, 5, message.length);
        Aead aead = provider.newAead(algorithm, key(algorithm));

        aead.seal(nonce(2), AAD, record, 5, message.length, record, 5);
        assertThat(Arrays.copyOfRange(record, 5, record.length), is(sealed(provider, algorithm, nonce(2), message)));

        assertThat(aead.open(nonce(2), AAD, record, 5, record.length - 5, record, 5), is(message.length));
        assertThat(Arrays.copyOfRange(record, 5, 5 + message.length), is(message));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void sealsAndOpensIntoOverlappingShiftedRanges(String name, AeadAlgorithm algorithm, CryptoProvider provider)
            throws Exception {
        byte[] message = message(100);
        byte[] buffer = new byte[200];
        System.arraycopy(message, 0, buffer, 0, message.length);
        Aead aead = provider.newAead(algorithm, key(algorithm));

        // Output starts 3 bytes after the input: writing would clobber input not yet read.
        aead.seal(nonce(3), AAD, buffer, 0, message.length, buffer, 3);
        byte[] expected = sealed(provider, algorithm, nonce(3), message);
        assertThat(Arrays.copyOfRange(buffer, 3, 3 + expected.length), is(expected));

        // And back, 3 bytes before the ciphertext.
        assertThat(aead.open(nonce(3), AAD, buffer, 3, expected.length, buffer, 0), is(message.length));
        assertThat(Arrays.copyOf(buffer, message.length), is(message));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void sealsAndOpensHeapAndDirectBuffers(String name, AeadAlgorithm algorithm, CryptoProvider provider)
            throws Exception {
        byte[] message = message(1000);
        int sealedLength = message.length + algorithm.tagLength();
        List<IntFunction<ByteBuffer>> kinds = List.of(ByteBuffer::allocate, ByteBuffer::allocateDirect);
        int seed = 20;
        for (IntFunction<ByteBuffer> inKind : kinds) {
            for (IntFunction<ByteBuffer> outKind : kinds) {
                Aead aead = provider.newAead(algorithm, key(algorithm));
                ByteBuffer in = (inKind.apply(message.length + 4)).position(2);
                in.put(message).flip().position(2);
                ByteBuffer out = (outKind.apply(sealedLength + 8)).position(8);
                assertThat(aead.seal(nonce(seed), AAD, in, out), is(sealedLength));
                assertThat(in.remaining(), is(0));
                assertThat(out.remaining(), is(0));
                byte[] sealed = new byte[sealedLength];
                out.get(8, sealed);
                assertThat(sealed, is(sealed(provider, algorithm, nonce(seed), message)));

                ByteBuffer ciphertext = out.flip().position(8);
                ByteBuffer plaintext = (inKind.apply(message.length + 1)).position(1);
                assertThat(aead.open(nonce(seed), AAD, ciphertext, plaintext), is(message.length));
                assertThat(ciphertext.remaining(), is(0));
                assertThat(plaintext.position(), is(1 + message.length));
                byte[] opened = new byte[message.length];
                plaintext.get(1, opened);
                assertThat(opened, is(message));
                seed++;
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void sealsAndOpensInPlaceInHeapAndDirectBuffers(String name, AeadAlgorithm algorithm, CryptoProvider provider)
            throws Exception {
        byte[] message = message(500);
        byte[] expected = sealed(provider, algorithm, nonce(4), message);
        for (ByteBuffer record : new ByteBuffer[] {
                ByteBuffer.allocate(5 + expected.length), ByteBuffer.allocateDirect(5 + expected.length)}) {
            Aead aead = provider.newAead(algorithm, key(algorithm));
            record.position(5).put(message).flip().position(5);
            ByteBuffer out = record.duplicate().limit(record.capacity());
            assertThat(aead.seal(nonce(4), AAD, record, out), is(expected.length));
            byte[] sealed = new byte[expected.length];
            record.clear().get(5, sealed);
            assertThat(record.isDirect() ? "direct" : "heap", sealed, is(expected));

            ByteBuffer in = record.position(5);
            assertThat(aead.open(nonce(4), AAD, in, in.duplicate()), is(message.length));
            byte[] opened = new byte[message.length];
            record.get(5, opened);
            assertThat(record.isDirect() ? "direct" : "heap", opened, is(message));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void sealsAndOpensOverlappingShiftedHeapBuffers(String name, AeadAlgorithm algorithm, CryptoProvider provider)
            throws Exception {
        byte[] message = message(5000);
        byte[] expected = sealed(provider, algorithm, nonce(5), message);
        byte[] memory = new byte[7 + expected.length];
        System.arraycopy(message, 0, memory, 0, message.length);
        Aead aead = provider.newAead(algorithm, key(algorithm));

        ByteBuffer in = ByteBuffer.wrap(memory, 0, message.length);
        ByteBuffer out = ByteBuffer.wrap(memory, 7, expected.length);
        assertThat(aead.seal(nonce(5), AAD, in, out), is(expected.length));
        assertThat(in.remaining(), is(0));
        assertThat(Arrays.copyOfRange(memory, 7, memory.length), is(expected));

        in = ByteBuffer.wrap(memory, 7, expected.length);
        out = ByteBuffer.wrap(memory, 0, message.length);
        assertThat(aead.open(nonce(5), AAD, in, out), is(message.length));
        assertThat(in.remaining(), is(0));
        assertThat(Arrays.copyOf(memory, message.length), is(message));
    }

    /** A TLS record: a 5-byte header, then the sealed message; {@code sealer} seals it. */
    private static byte[] record(Aead sealer, byte[] nonce, byte[] message) {
        byte[] record = new byte[5 + message.length + sealer.algorithm().tagLength()];
        record[0] = 23;
        record[1] = 3;
        record[2] = 3;
        sealer.seal(nonce, AAD, message, 0, message.length, record, 5);
        return record;
    }

    /**
     * The record layer opens ciphertext that starts after the record header. Records of growing
     * and shrinking sizes, each opened in place, into another array and shifted back over the
     * header, by instances that only ever seal or only ever open, as a connection's keys do.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void opensCiphertextAfterARecordHeaderInPlaceShiftedAndIntoAnotherArray(String name, AeadAlgorithm algorithm,
            CryptoProvider provider) throws Exception {
        Aead writer = provider.newAead(algorithm, key(algorithm));
        Aead reader = provider.newAead(algorithm, key(algorithm));
        int sequence = 0;
        for (int length : new int[] {16384, 1, 0, 5000, 16385, 100}) {
            byte[] message = message(length);

            byte[] record = record(writer, nonce(++sequence), message);
            assertThat(Arrays.copyOfRange(record, 5, record.length),
                    is(sealed(provider, algorithm, nonce(sequence), message)));
            assertThat(reader.open(nonce(sequence), AAD, record, 5, record.length - 5, record, 5), is(length));
            assertThat("in place, " + length, Arrays.copyOfRange(record, 5, 5 + length), is(message));

            record = record(writer, nonce(++sequence), message);
            byte[] out = new byte[length];
            assertThat(reader.open(nonce(sequence), AAD, record, 5, record.length - 5, out, 0), is(length));
            assertThat("another array, " + length, out, is(message));

            record = record(writer, nonce(++sequence), message);
            assertThat(reader.open(nonce(sequence), AAD, record, 5, record.length - 5, record, 0), is(length));
            assertThat("shifted, " + length, Arrays.copyOf(record, length), is(message));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void rejectsAWrongTagAfterARecordHeaderAndLeavesNoPlaintext(String name, AeadAlgorithm algorithm,
            CryptoProvider provider) throws Exception {
        byte[] message = message(300);
        byte[] genuine = record(provider.newAead(algorithm, key(algorithm)), nonce(10), message);
        byte[] forged = genuine.clone();
        forged[forged.length - 1] ^= 0x01;
        Aead reader = provider.newAead(algorithm, key(algorithm));

        byte[] out = new byte[message.length];
        Arrays.fill(out, (byte) 0x5a);
        assertThrows(AeadTagException.class,
                () -> reader.open(nonce(10), AAD, forged, 5, forged.length - 5, out, 0));
        assertThat("another array", boxed(out), everyItem(is((byte) 0)));

        byte[] inPlace = forged.clone();
        assertThrows(AeadTagException.class,
                () -> reader.open(nonce(10), AAD, inPlace, 5, inPlace.length - 5, inPlace, 5));
        assertThat("in place", boxed(Arrays.copyOfRange(inPlace, 5, 5 + message.length)), everyItem(is((byte) 0)));
        assertThat("header untouched", Arrays.copyOf(inPlace, 5), is(Arrays.copyOf(forged, 5)));

        // A failure leaves the instance usable for the genuine record.
        assertThat(reader.open(nonce(10), AAD, genuine, 5, genuine.length - 5, genuine, 5), is(message.length));
        assertThat(Arrays.copyOfRange(genuine, 5, 5 + message.length), is(message));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void opensTheSameRecordTwice(String name, AeadAlgorithm algorithm, CryptoProvider provider) throws Exception {
        byte[] message = message(40);
        byte[] sealed = sealed(provider, algorithm, nonce(5), message);
        Aead aead = provider.newAead(algorithm, key(algorithm));
        for (int i = 0; i < 3; i++) {
            byte[] opened = new byte[message.length];
            aead.open(nonce(5), AAD, sealed, 0, sealed.length, opened, 0);
            assertThat(opened, is(message));
        }
        // Sealing under a nonce this instance has only opened with is fine, too.
        byte[] resealed = new byte[sealed.length];
        aead.seal(nonce(5), AAD, message, 0, message.length, resealed, 0);
        assertThat(resealed, is(sealed));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void refusesToSealTwiceInARowUnderOneNonce(String name, AeadAlgorithm algorithm, CryptoProvider provider) {
        Aead aead = provider.newAead(algorithm, key(algorithm));
        byte[] out = new byte[32 + algorithm.tagLength()];
        aead.seal(nonce(6), AAD, new byte[32], 0, 32, out, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> aead.seal(nonce(6), AAD, new byte[32], 0, 32, out, 0));
        assertThat(e.getMessage(), containsString("nonce of the previous seal"));
        // The next nonce works.
        aead.seal(nonce(7), AAD, new byte[32], 0, 32, out, 0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void rejectsAWrongTagAndLeavesNoPlaintext(String name, AeadAlgorithm algorithm, CryptoProvider provider) {
        byte[] message = message(64);
        byte[] sealed = sealed(provider, algorithm, nonce(8), message);
        Aead aead = provider.newAead(algorithm, key(algorithm));
        for (int flip : new int[] {0, message.length - 1, message.length, sealed.length - 1}) {
            byte[] forged = sealed.clone();
            forged[flip] ^= 0x01;
            byte[] out = new byte[message.length];
            Arrays.fill(out, (byte) 0x5a);
            AeadTagException e = assertThrows(AeadTagException.class,
                    () -> aead.open(nonce(8), AAD, forged, 0, forged.length, out, 0));
            assertThat(e.getMessage(), is(algorithm + " tag did not verify"));
            assertThat("byte " + flip, boxed(out), everyItem(is((byte) 0)));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void rejectsAWrongNonceOrAad(String name, AeadAlgorithm algorithm, CryptoProvider provider) {
        byte[] sealed = sealed(provider, algorithm, nonce(9), message(20));
        Aead aead = provider.newAead(algorithm, key(algorithm));
        byte[] out = new byte[20];
        assertThrows(AeadTagException.class, () -> aead.open(nonce(10), AAD, sealed, 0, sealed.length, out, 0));
        byte[] otherAad = AAD.clone();
        otherAad[4] ^= 1;
        assertThrows(AeadTagException.class, () -> aead.open(nonce(9), otherAad, sealed, 0, sealed.length, out, 0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void failedBufferOpenLeavesNoPlaintextAndPositionsUnchanged(String name, AeadAlgorithm algorithm,
            CryptoProvider provider) {
        byte[] message = message(300);
        byte[] forged = sealed(provider, algorithm, nonce(11), message);
        forged[forged.length - 1] ^= 0x80;
        for (boolean direct : new boolean[] {false, true}) {
            Aead aead = provider.newAead(algorithm, key(algorithm));
            ByteBuffer in = direct ? ByteBuffer.allocateDirect(forged.length) : ByteBuffer.allocate(forged.length);
            in.put(forged).flip();
            ByteBuffer out = direct ? ByteBuffer.allocateDirect(message.length) : ByteBuffer.allocate(message.length);
            while (out.hasRemaining()) {
                out.put((byte) 0x5a);
            }
            out.clear();
            assertThrows(AeadTagException.class, () -> aead.open(nonce(11), AAD, in, out));
            assertThat(in.position(), is(0));
            assertThat(out.position(), is(0));
            byte[] left = new byte[message.length];
            out.get(0, left);
            assertThat(direct ? "direct" : "heap", boxed(left), everyItem(is((byte) 0)));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void rejectsCiphertextShorterThanTheTag(String name, AeadAlgorithm algorithm, CryptoProvider provider) {
        Aead aead = provider.newAead(algorithm, key(algorithm));
        String expected = "ciphertext shorter than the " + algorithm.tagLength() + "-byte tag";
        for (int length : new int[] {0, 1, algorithm.tagLength() - 1}) {
            byte[] in = new byte[length];
            AeadTagException e = assertThrows(AeadTagException.class,
                    () -> aead.open(nonce(12), AAD, in, 0, length, new byte[0], 0));
            assertThat(e.getMessage(), is(expected));
            e = assertThrows(AeadTagException.class,
                    () -> aead.open(nonce(12), AAD, ByteBuffer.wrap(in), ByteBuffer.allocate(0)));
            assertThat(e.getMessage(), is(expected));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void opensAnEmptyPlaintextThatIsOnlyATag(String name, AeadAlgorithm algorithm, CryptoProvider provider)
            throws Exception {
        byte[] sealed = sealed(provider, algorithm, nonce(13), new byte[0]);
        assertThat(sealed.length, is(algorithm.tagLength()));
        Aead aead = provider.newAead(algorithm, key(algorithm));
        assertThat(aead.open(nonce(13), AAD, sealed, 0, sealed.length, new byte[0], 0), is(0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void rejectsAKeyOfTheWrongLength(String name, AeadAlgorithm algorithm, CryptoProvider provider) {
        for (int length : new int[] {0, algorithm.keyLength() - 1, algorithm.keyLength() + 1, 24}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> provider.newAead(algorithm, new byte[length]));
            assertThat(e.getMessage(), is(algorithm + " needs a " + algorithm.keyLength()
                    + "-byte key, got " + length));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void rejectsANonceOfTheWrongLength(String name, AeadAlgorithm algorithm, CryptoProvider provider) {
        Aead aead = provider.newAead(algorithm, key(algorithm));
        byte[] sealed = sealed(provider, algorithm, nonce(14), message(10));
        byte[] out = new byte[64];
        for (int length : new int[] {0, 8, 11, 13, 16}) {
            byte[] nonce = new byte[length];
            String expected = algorithm + " needs a 12-byte nonce, got " + length;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> aead.seal(nonce, AAD, new byte[10], 0, 10, out, 0));
            assertThat(e.getMessage(), is(expected));
            e = assertThrows(IllegalArgumentException.class,
                    () -> aead.open(nonce, AAD, sealed, 0, sealed.length, out, 0));
            assertThat(e.getMessage(), is(expected));
            e = assertThrows(IllegalArgumentException.class,
                    () -> aead.seal(nonce, AAD, ByteBuffer.allocate(10), ByteBuffer.allocate(64)));
            assertThat(e.getMessage(), is(expected));
            e = assertThrows(IllegalArgumentException.class,
                    () -> aead.open(nonce, AAD, ByteBuffer.wrap(sealed), ByteBuffer.allocate(64)));
            assertThat(e.getMessage(), is(expected));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aeads")
    void rejectsOutputThatIsTooSmall(String name, AeadAlgorithm algorithm, CryptoProvider provider) {
        Aead aead = provider.newAead(algorithm, key(algorithm));
        byte[] sealed = sealed(provider, algorithm, nonce(15), message(10));
        assertThrows(IndexOutOfBoundsException.class,
                () -> aead.seal(nonce(16), AAD, new byte[10], 0, 10, new byte[10 + algorithm.tagLength() - 1], 0));
        assertThrows(IndexOutOfBoundsException.class,
                () -> aead.open(nonce(15), AAD, sealed, 0, sealed.length, new byte[9], 0));
        assertThrows(BufferOverflowException.class,
                () -> aead.seal(nonce(17), AAD, ByteBuffer.allocate(10), ByteBuffer.allocate(10)));
        assertThrows(BufferOverflowException.class,
                () -> aead.open(nonce(15), AAD, ByteBuffer.wrap(sealed), ByteBuffer.allocate(9)));
        ByteBuffer same = ByteBuffer.allocate(64);
        assertThrows(IllegalArgumentException.class, () -> aead.seal(nonce(18), AAD, same, same));
    }

    @Test
    void jcaDoesNotSupportCcm() {
        CryptoProvider jca = CryptoProviders.jca();
        for (AeadAlgorithm ccm : new AeadAlgorithm[] {AeadAlgorithm.AES_128_CCM, AeadAlgorithm.AES_128_CCM_8}) {
            assertThat(jca.supports(ccm), is(false));
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> jca.newAead(ccm, new byte[16]));
            assertThat(e.getMessage(), containsString("SunJCE has no AES-CCM; use the bc provider"));
        }
    }

    @Test
    void bcSupportsEveryAlgorithmAndJcaAllButCcm() {
        for (AeadAlgorithm algorithm : AeadAlgorithm.values()) {
            assertThat(algorithm.name(), CryptoProviders.bc().supports(algorithm), is(true));
        }
        assertThat(CryptoProviders.jca().supports(AeadAlgorithm.AES_128_GCM), is(true));
        assertThat(CryptoProviders.jca().supports(AeadAlgorithm.AES_256_GCM), is(true));
        assertThat(CryptoProviders.jca().supports(AeadAlgorithm.CHACHA20_POLY1305), is(true));
    }

    /**
     * RFC 8448 §3 (values from {@code /work/shared/testdata/rfc8448/simple-1rtt.json}): the
     * client's Finished record, protected with the client handshake key, and the server's first
     * application data record (sequence number 1). Nonce = iv XOR sequence number, AAD = the
     * record header (RFC 8446 §5.2, §5.3).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void decryptsAndReproducesRfc8448Records(CryptoProvider provider) throws Exception {
        checkRecord(provider, "dbfaa693d1762c5b666af5d950258d01", "5bd3c71b836e0b76bb73265f", 0,
                "14000020a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61" + "16",
                "170303003575ec4dc238cce60b298044a71e219c56cc77b0517fe9b93c7a4bfc44d87f38f80338ac98fc46deb384"
                        + "bd1caeacab6867d726c40546");
        checkRecord(provider, "9f02283b6c9c07efc26bb9f2ac92e356", "cf782b88dd83549aadf1e984", 1,
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e"
                        + "2f3031" + "17",
                "17030300432e937e11ef4ac740e538ad36005fc4a46932fc3225d05f82aa1b36e30efaf97d90e6dffc602dcb501a"
                        + "59a8fcc49c4bf2e5f0a21c0047c2abf332540dd032e167c2955d");
    }

    private static void checkRecord(CryptoProvider provider, String key, String iv, int sequence,
            String innerPlaintext, String record) throws Exception {
        byte[] nonce = HEX.parseHex(iv);
        nonce[11] ^= (byte) sequence;
        byte[] wire = HEX.parseHex(record);
        byte[] header = Arrays.copyOf(wire, 5);
        byte[] plaintext = HEX.parseHex(innerPlaintext);
        Aead aead = provider.newAead(AeadAlgorithm.AES_128_GCM, HEX.parseHex(key));

        byte[] opened = new byte[wire.length - 5 - 16];
        aead.open(nonce, header, wire, 5, wire.length - 5, opened, 0);
        assertThat(opened, is(plaintext));

        byte[] sealed = new byte[plaintext.length + 16];
        aead.seal(nonce, header, plaintext, 0, plaintext.length, sealed, 0);
        assertThat(sealed, is(Arrays.copyOfRange(wire, 5, wire.length)));
    }
}
