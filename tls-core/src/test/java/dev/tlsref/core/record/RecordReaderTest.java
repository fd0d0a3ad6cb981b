package dev.tlsref.core.record;

import static dev.tlsref.core.record.TestRecords.bytes;
import static dev.tlsref.core.record.TestRecords.concat;
import static dev.tlsref.core.record.TestRecords.readAll;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ContentType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.record.TestRecords.Delivered;
import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProviders;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordReaderTest {
    private static final byte[] IV = bytes(12, 0x22);

    /** A TLS 1.3 AES-128-GCM record sealed by hand around any inner plaintext. */
    private static byte[] sealTls13(byte[] innerPlaintext, long sequence) {
        Aead aead = CryptoProviders.jca().newAead(AeadAlgorithm.AES_128_GCM, TestRecords.key(AeadAlgorithm.AES_128_GCM));
        int length = innerPlaintext.length + 16;
        byte[] header = {23, 3, 3, (byte) (length >>> 8), (byte) length};
        byte[] nonce = IV.clone();
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] ^= (byte) (sequence >>> (8 * i));
        }
        byte[] record = new byte[5 + length];
        System.arraycopy(header, 0, record, 0, 5);
        aead.seal(nonce, header, innerPlaintext, 0, innerPlaintext.length, record, 5);
        return record;
    }

    private static byte[] plaintextRecord(int type, byte[] fragment) {
        return concat(new byte[] {(byte) type, 3, 3, (byte) (fragment.length >>> 8), (byte) fragment.length}, fragment);
    }

    private static TlsAlertException alert(RecordReader reader, byte[] input) {
        return assertThrows(TlsAlertException.class, () -> readAll(reader, input));
    }

    @Test
    void readsARecordArrivingOneByteAtATime() throws TlsAlertException {
        byte[] wire = TestRecords.tls13Writer().write(ContentType.APPLICATION_DATA, bytes(1000, 1));
        RecordReader reader = TestRecords.tls13Reader();
        List<Delivered> got = new ArrayList<>();
        for (byte b : wire) {
            assertThat(got, is(empty()));
            got.addAll(readAll(reader, new byte[] {b}));
        }
        assertThat(got, contains(new Delivered(ContentType.APPLICATION_DATA, bytes(1000, 1))));
        assertThat(reader.hasPartialRecord(), is(false));
    }

    @Test
    void readsManyRecordsFromOneChunkInPlaceAndStopsAfterEach() throws TlsAlertException {
        RecordWriter writer = TestRecords.tls13Writer();
        ByteBuffer wire = ByteBuffer.allocate(10_000);
        for (int i = 0; i < 20; i++) {
            writer.writeRecord(ContentType.APPLICATION_DATA, ByteBuffer.wrap(bytes(100 + i, i)), wire);
        }
        wire.flip();
        RecordReader reader = TestRecords.tls13Reader();
        for (int i = 0; i < 20; i++) {
            RecordView view = reader.read(wire);
            assertThat(view.fragmentBytes(), equalTo(bytes(100 + i, i)));
            // decrypted in place: the fragment is a view of the caller's buffer, just behind the header
            assertThat(view.fragment().position(), is(wire.position() - (100 + i) - 17));
            assertThat(view.fragment().hasArray() && view.fragment().array() == wire.array(), is(true));
        }
        assertThat(reader.read(wire), is(nullValue()));
    }

    @Test
    void readsRecordsSplitAtEveryPossibleBoundary() throws TlsAlertException {
        RecordWriter writer = TestRecords.tls13Writer();
        byte[] wire = concat(writer.write(ContentType.HANDSHAKE, bytes(50, 3)),
                writer.write(ContentType.APPLICATION_DATA, bytes(70, 4)));
        for (int split = 0; split <= wire.length; split++) {
            RecordReader reader = TestRecords.tls13Reader();
            byte[] copy = wire.clone(); // records are decrypted in place
            List<Delivered> got = new ArrayList<>(readAll(reader, ByteBuffer.wrap(copy, 0, split)));
            got.addAll(readAll(reader, ByteBuffer.wrap(copy, split, copy.length - split)));
            assertThat("split at " + split, got, contains(new Delivered(ContentType.HANDSHAKE, bytes(50, 3)),
                    new Delivered(ContentType.APPLICATION_DATA, bytes(70, 4))));
        }
    }

    @Test
    void decryptsDirectAndReadOnlyBuffers() throws TlsAlertException {
        byte[] wire = TestRecords.tls13Writer().write(ContentType.APPLICATION_DATA, bytes(300, 9));
        ByteBuffer direct = ByteBuffer.allocateDirect(wire.length);
        direct.put(wire).flip();
        assertThat(readAll(TestRecords.tls13Reader(), direct),
                contains(new Delivered(ContentType.APPLICATION_DATA, bytes(300, 9))));
        ByteBuffer readOnly = ByteBuffer.wrap(wire).asReadOnlyBuffer();
        assertThat(readAll(TestRecords.tls13Reader(), readOnly),
                contains(new Delivered(ContentType.APPLICATION_DATA, bytes(300, 9))));
    }

    @Test
    void rejectsTls13CiphertextOverTheLimitFromTheHeaderAlone() throws TlsAlertException {
        RecordReader reader = TestRecords.tls13Reader();
        int tooLong = RecordSizes.MAX_TLS13_CIPHERTEXT_LENGTH + 1;
        TlsAlertException e = alert(reader, new byte[] {23, 3, 3, (byte) (tooLong >>> 8), (byte) tooLong});
        assertThat(e.alert(), is(AlertDescription.RECORD_OVERFLOW));
        assertThat(e.getMessage(), is("record of 16641 bytes exceeds the 16640-byte TLS 1.3 ciphertext limit"));
        int max = RecordSizes.MAX_TLS13_CIPHERTEXT_LENGTH;
        assertThat(readAll(TestRecords.tls13Reader(), new byte[] {23, 3, 3, (byte) (max >>> 8), (byte) max}), is(empty()));
    }

    @Test
    void rejectsHeaderArrivingInPiecesBeforeBufferingTheBody() throws TlsAlertException {
        RecordReader reader = new RecordReader();
        assertThat(readAll(reader, new byte[] {22, 3}), is(empty()));
        TlsAlertException e = alert(reader, new byte[] {3, 0x40, 0x01});
        assertThat(e.alert(), is(AlertDescription.RECORD_OVERFLOW));
        assertThat(e.getMessage(), containsString("16385 bytes exceeds the 16384-byte plaintext limit"));
    }

    @Test
    void acceptsTls12CiphertextUpTo2048BytesOfExpansion() throws TlsAlertException {
        RecordReader reader = new RecordReader();
        reader.setProtection(RecordProtection.tls12(CryptoProviders.jca(), AeadAlgorithm.AES_128_GCM,
                TestRecords.key(AeadAlgorithm.AES_128_GCM), bytes(4, 1)));
        int max = RecordSizes.MAX_TLS12_CIPHERTEXT_LENGTH;
        assertThat(readAll(reader, new byte[] {23, 3, 3, (byte) (max >>> 8), (byte) max}), is(empty()));
        RecordReader second = new RecordReader();
        second.setProtection(RecordProtection.tls12(CryptoProviders.jca(), AeadAlgorithm.AES_128_GCM,
                TestRecords.key(AeadAlgorithm.AES_128_GCM), bytes(4, 1)));
        TlsAlertException e = alert(second, new byte[] {23, 3, 3, (byte) ((max + 1) >>> 8), (byte) (max + 1)});
        assertThat(e.getMessage(), is("record of 18433 bytes exceeds the 18432-byte TLS 1.2 ciphertext limit"));
    }

    @Test
    void rejectsARecordWithAFlippedBitAsBadRecordMac() throws TlsAlertException {
        byte[] wire = TestRecords.tls13Writer().write(ContentType.APPLICATION_DATA, bytes(64, 5));
        wire[20] ^= 0x01;
        TlsAlertException e = alert(TestRecords.tls13Reader(), wire);
        assertThat(e.alert(), is(AlertDescription.BAD_RECORD_MAC));
        assertThat(e.getMessage(), is("protected record with sequence number 0 failed authentication"));
    }

    @Test
    void rejectsAProtectedRecordShorterThanTheTag() {
        TlsAlertException e = alert(TestRecords.tls13Reader(), new byte[] {23, 3, 3, 0, 3, 1, 2, 3});
        assertThat(e.alert(), is(AlertDescription.BAD_RECORD_MAC));
    }

    @Test
    void rejectsAnInnerPlaintextOfOnlyZeros() {
        TlsAlertException e = alert(TestRecords.tls13Reader(), sealTls13(new byte[40], 0));
        assertThat(e.alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
        assertThat(e.getMessage(), containsString("only padding"));
    }

    @Test
    void stripsPaddingAndFindsTheInnerType() throws TlsAlertException {
        byte[] inner = concat(bytes(10, 2), new byte[] {22}, new byte[30]);
        assertThat(readAll(TestRecords.tls13Reader(), sealTls13(inner, 0)),
                contains(new Delivered(ContentType.HANDSHAKE, bytes(10, 2))));
    }

    @Test
    void rejectsAnInnerPlaintextOverTwoToTheFourteenPlusOne() throws TlsAlertException {
        byte[] fits = concat(bytes(RecordSizes.MAX_PLAINTEXT_LENGTH, 1), new byte[] {23});
        assertThat(readAll(TestRecords.tls13Reader(), sealTls13(fits, 0)), hasSize(1));
        // the same content with one byte of padding: 2^14 + 2 bytes of TLSInnerPlaintext
        byte[] padded = concat(fits, new byte[1]);
        TlsAlertException e = alert(TestRecords.tls13Reader(), sealTls13(padded, 0));
        assertThat(e.alert(), is(AlertDescription.RECORD_OVERFLOW));
        assertThat(e.getMessage(), containsString("16386 bytes of TLSInnerPlaintext"));
    }

    @Test
    void enforcesItsOwnRecordSizeLimit() throws TlsAlertException {
        RecordReader reader = TestRecords.tls13Reader();
        reader.setRecordSizeLimit(100);
        assertThat(readAll(reader, sealTls13(concat(bytes(99, 0), new byte[] {23}), 0)), hasSize(1));
        TlsAlertException e = alert(reader, sealTls13(concat(bytes(100, 0), new byte[] {23}), 1));
        assertThat(e.alert(), is(AlertDescription.RECORD_OVERFLOW));
        assertThrows(IllegalArgumentException.class, () -> new RecordReader().setRecordSizeLimit(63));
    }

    @Test
    void swallowsEmptyApplicationDataRecordsUpToTheLimit() throws TlsAlertException {
        RecordWriter writer = TestRecords.tls13Writer();
        RecordReader reader = TestRecords.tls13Reader();
        reader.setMaxEmptyRecords(3);
        byte[] empty = writer.write(ContentType.APPLICATION_DATA, new byte[0]);
        assertThat(empty.length, is(5 + 1 + 16));
        byte[] threeEmptyThenData = concat(empty, writer.write(ContentType.APPLICATION_DATA, new byte[0]),
                writer.write(ContentType.APPLICATION_DATA, new byte[0]),
                writer.write(ContentType.APPLICATION_DATA, bytes(5, 0)));
        assertThat(readAll(reader, threeEmptyThenData),
                contains(new Delivered(ContentType.APPLICATION_DATA, bytes(5, 0))));
        byte[] fourEmpty = concat(writer.write(ContentType.APPLICATION_DATA, new byte[0]),
                writer.write(ContentType.APPLICATION_DATA, new byte[0]),
                writer.write(ContentType.APPLICATION_DATA, new byte[0]),
                writer.write(ContentType.APPLICATION_DATA, new byte[0]));
        TlsAlertException e = alert(reader, fourEmpty);
        assertThat(e.alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
        assertThat(e.getMessage(), containsString("more than 3 empty or dropped records in a row"));
    }

    @Test
    void rejectsZeroLengthHandshakeAndAlertRecords() {
        for (int type : new int[] {21, 22}) {
            TlsAlertException plain = alert(new RecordReader(), plaintextRecord(type, new byte[0]));
            assertThat(plain.alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
            TlsAlertException sealed = alert(TestRecords.tls13Reader(), sealTls13(new byte[] {(byte) type}, 0));
            assertThat(sealed.alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
            assertThat(sealed.getMessage(), containsString("zero-length"));
        }
    }

    @Test
    void rejectsChangeCipherSpecByDefault() {
        TlsAlertException e = alert(new RecordReader(), plaintextRecord(20, new byte[] {1}));
        assertThat(e.alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
        assertThat(e.getMessage(), is("change_cipher_spec record not expected now"));
    }

    @Test
    void dropsTheTls13CompatibilityChangeCipherSpecEvenUnderHandshakeKeys() throws TlsAlertException {
        RecordWriter writer = TestRecords.tls13Writer();
        RecordReader reader = TestRecords.tls13Reader();
        reader.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DROP_TLS13_COMPATIBILITY);
        byte[] wire = concat(plaintextRecord(20, new byte[] {1}), writer.write(ContentType.HANDSHAKE, bytes(8, 1)));
        assertThat(readAll(reader, wire), contains(new Delivered(ContentType.HANDSHAKE, bytes(8, 1))));
        assertThat(reader.sequenceNumber(), is(1L));
    }

    @Test
    void rejectsCompatibilityChangeCipherSpecThatIsNotTheSingleByteOne() {
        for (byte[] body : new byte[][] {{2}, {1, 1}}) {
            RecordReader reader = new RecordReader();
            reader.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DROP_TLS13_COMPATIBILITY);
            assertThat(alert(reader, plaintextRecord(20, body)).alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
        }
        RecordReader empty = new RecordReader();
        empty.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DROP_TLS13_COMPATIBILITY);
        assertThat(alert(empty, plaintextRecord(20, new byte[0])).alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
    }

    @Test
    void rejectsAProtectedChangeCipherSpecInTls13() {
        RecordReader reader = TestRecords.tls13Reader();
        reader.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DROP_TLS13_COMPATIBILITY);
        TlsAlertException e = alert(reader, sealTls13(new byte[] {1, 20}, 0));
        assertThat(e.alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
        assertThat(e.getMessage(), is("protected change_cipher_spec record"));
    }

    @Test
    void countsDroppedChangeCipherSpecsTowardsTheEmptyRecordLimit() {
        RecordReader reader = new RecordReader();
        reader.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DROP_TLS13_COMPATIBILITY);
        reader.setMaxEmptyRecords(1);
        byte[] ccs = plaintextRecord(20, new byte[] {1});
        assertThat(alert(reader, concat(ccs, ccs)).alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
    }

    @Test
    void deliversTls12ChangeCipherSpecAndRejectsAMalformedOne() throws TlsAlertException {
        RecordReader reader = new RecordReader();
        reader.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DELIVER);
        assertThat(readAll(reader, plaintextRecord(20, new byte[] {1})),
                contains(new Delivered(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1})));
        RecordReader other = new RecordReader();
        other.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DELIVER);
        assertThat(alert(other, plaintextRecord(20, new byte[] {1, 1})).alert(), is(AlertDescription.DECODE_ERROR));
    }

    @Test
    void rejectsUnknownContentTypesOuterAndInner() {
        TlsAlertException outer = alert(new RecordReader(), plaintextRecord(24, new byte[] {1, 2}));
        assertThat(outer.alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
        assertThat(outer.getMessage(), is("record of unknown content type unknown(0x18)"));
        TlsAlertException inner = alert(TestRecords.tls13Reader(), sealTls13(new byte[] {1, 2, 99}, 0));
        assertThat(inner.alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
        assertThat(inner.getMessage(), containsString("unknown inner content type unknown(0x63)"));
    }

    @Test
    void rejectsARecordVersionWhoseMajorIsNotThree() {
        TlsAlertException e = alert(new RecordReader(), new byte[] {22, 2, 0, 0, 1, 1});
        assertThat(e.alert(), is(AlertDescription.PROTOCOL_VERSION));
        assertThat(e.getMessage(), containsString("0x0200"));
    }

    @Test
    void rejectsAPlaintextHandshakeRecordOnceTls13KeysAreInstalled() {
        TlsAlertException e = alert(TestRecords.tls13Reader(), plaintextRecord(22, new byte[] {1, 0, 0, 0}));
        assertThat(e.alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
        assertThat(e.getMessage(), is("unprotected handshake record after TLS 1.3 keys were installed"));
    }

    @Test
    void acceptsAPlaintextAlertAfterTls13KeysOnlyUntilTheFirstProtectedRecord() throws TlsAlertException {
        RecordReader reader = TestRecords.tls13Reader();
        RecordView alert = reader.read(ByteBuffer.wrap(plaintextRecord(21, new byte[] {2, 42})));
        assertThat(alert.type(), is(ContentType.ALERT));
        assertThat(alert.fragmentBytes()[1], is((byte) 42));
        reader.read(ByteBuffer.wrap(sealTls13(new byte[] {'a', 23}, 0)));
        TlsAlertException e = alert(reader, plaintextRecord(21, new byte[] {2, 42}));
        assertThat(e.alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
        assertThat(e.getMessage(), is("unprotected alert record after TLS 1.3 keys were installed"));
    }

    @Test
    void restartsTheSequenceNumberAtZeroForNewKeys() throws TlsAlertException {
        RecordWriter writer = TestRecords.tls13Writer();
        RecordReader reader = TestRecords.tls13Reader();
        for (int i = 0; i < 3; i++) {
            readAll(reader, writer.write(ContentType.APPLICATION_DATA, bytes(10, i)));
        }
        assertThat(writer.sequenceNumber(), is(3L));
        assertThat(reader.sequenceNumber(), is(3L));
        writer.setProtection(TestRecords.tls13(AeadAlgorithm.AES_256_GCM));
        reader.setProtection(TestRecords.tls13(AeadAlgorithm.AES_256_GCM));
        assertThat(writer.sequenceNumber(), is(0L));
        byte[] wire = writer.write(ContentType.APPLICATION_DATA, bytes(10, 7));
        assertThat(readAll(reader, wire), contains(new Delivered(ContentType.APPLICATION_DATA, bytes(10, 7))));
        assertThat(reader.sequenceNumber(), is(1L));
    }

    @Test
    void refusesToWrapTheSequenceNumber() throws TlsAlertException {
        RecordWriter writer = TestRecords.tls13Writer();
        RecordReader reader = TestRecords.tls13Reader();
        writer.protection().skipToSequenceNumberForTest(-2L);
        reader.protection().skipToSequenceNumberForTest(-2L);
        for (int i = 0; i < 2; i++) {
            assertThat(readAll(reader, writer.write(ContentType.APPLICATION_DATA, bytes(4, i))), hasSize(1));
        }
        assertThat(writer.protection().isExhausted(), is(true));
        assertThat(Long.toUnsignedString(writer.sequenceNumber()), is("18446744073709551615"));
        TlsAlertException write = assertThrows(TlsAlertException.class,
                () -> writer.write(ContentType.APPLICATION_DATA, bytes(4, 9)));
        assertThat(write.alert(), is(AlertDescription.INTERNAL_ERROR));
        assertThat(write.getMessage(), containsString("would wrap"));
        // a peer that goes on: its record is refused before decryption
        byte[] next = sealTls13(new byte[] {1, 23}, 0);
        TlsAlertException read = alert(reader, next);
        assertThat(read.alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
        assertThat(read.getMessage(), containsString("would wrap"));
    }

    @Test
    void isDeadAfterAnAlert() {
        RecordReader reader = new RecordReader();
        alert(reader, plaintextRecord(24, new byte[] {1}));
        assertThrows(IllegalStateException.class, () -> reader.read(ByteBuffer.wrap(plaintextRecord(22, new byte[] {1}))));
    }

    @Test
    void refusesAKeyChangeInTheMiddleOfARecord() throws TlsAlertException {
        RecordReader reader = new RecordReader();
        assertThat(readAll(reader, new byte[] {22, 3, 3, 0, 10, 1}), is(empty()));
        assertThat(reader.hasPartialRecord(), is(true));
        assertThrows(IllegalStateException.class, () -> reader.setProtection(TestRecords.tls13(AeadAlgorithm.AES_128_GCM)));
    }

    @Test
    void refusesToInstallOneProtectionTwice() {
        RecordProtection protection = TestRecords.tls13(AeadAlgorithm.AES_128_GCM);
        new RecordReader().setProtection(protection);
        assertThrows(IllegalStateException.class, () -> new RecordWriter().setProtection(protection));
    }
}
