package dev.tlsref.core.record;

import static dev.tlsref.core.record.TestRecords.HEX;
import static dev.tlsref.core.record.TestRecords.bytes;
import static dev.tlsref.core.record.TestRecords.readAll;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.ContentType;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.record.TestRecords.Delivered;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProviders;
import java.io.ByteArrayOutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordWriterTest {

    /** The lengths of the records in a stream, from their headers. */
    private static List<Integer> recordLengths(byte[] wire) {
        List<Integer> lengths = new ArrayList<>();
        for (int at = 0; at < wire.length; ) {
            int length = ((wire[at + 3] & 0xff) << 8) | (wire[at + 4] & 0xff);
            lengths.add(length);
            at += 5 + length;
        }
        return lengths;
    }

    private static byte[] joined(List<Delivered> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records.forEach(r -> out.writeBytes(r.fragment()));
        return out.toByteArray();
    }

    @Test
    void fragmentsAtTwoToTheFourteen() throws TlsAlertException {
        byte[] data = bytes(40_000, 3);
        byte[] plain = new RecordWriter().write(ContentType.APPLICATION_DATA, data);
        assertThat(recordLengths(plain), contains(16384, 16384, 7232));
        byte[] sealed = TestRecords.tls13Writer().write(ContentType.APPLICATION_DATA, data);
        assertThat(recordLengths(sealed), contains(16384 + 17, 16384 + 17, 7232 + 17));
        assertThat(joined(readAll(TestRecords.tls13Reader(), sealed)), equalTo(data));
    }

    @Test
    void fragmentsAtThePeersRecordSizeLimitCountingTheTls13TypeByte() throws TlsAlertException {
        RecordWriter writer = TestRecords.tls13Writer();
        writer.setRecordSizeLimit(1000);
        assertThat(writer.maxFragmentLength(), is(999));
        byte[] data = bytes(2500, 1);
        byte[] sealed = writer.write(ContentType.HANDSHAKE, data);
        // RFC 8449 §4: TLSInnerPlaintext (content + type) is at most the limit
        assertThat(recordLengths(sealed), contains(1000 + 16, 1000 + 16, 502 + 1 + 16));
        RecordReader reader = TestRecords.tls13Reader();
        reader.setRecordSizeLimit(1000);
        assertThat(joined(readAll(reader, sealed)), equalTo(data));
    }

    @Test
    void fragmentsAtThePeersRecordSizeLimitInTls12() throws TlsAlertException {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(RecordProtection.tls12(CryptoProviders.jca(), AeadAlgorithm.AES_128_GCM,
                TestRecords.key(AeadAlgorithm.AES_128_GCM), bytes(4, 9)));
        writer.setRecordSizeLimit(64);
        assertThat(writer.maxFragmentLength(), is(64));
        assertThat(recordLengths(writer.write(ContentType.APPLICATION_DATA, bytes(100, 0))), contains(8 + 64 + 16, 8 + 36 + 16));
        assertThrows(IllegalArgumentException.class, () -> writer.setRecordSizeLimit(63));
    }

    @Test
    void leavesUnprotectedRecordsOutsideTheRecordSizeLimit() throws TlsAlertException {
        RecordWriter writer = new RecordWriter();
        writer.setRecordSizeLimit(64);
        assertThat(recordLengths(writer.write(ContentType.HANDSHAKE, bytes(500, 0))), contains(500));
    }

    @Test
    void padsTls13RecordsWithinTheLimit() throws TlsAlertException {
        RecordWriter writer = TestRecords.tls13Writer();
        writer.setPadding(RecordPadding.toMultipleOf(256));
        byte[] sealed = writer.write(ContentType.APPLICATION_DATA, bytes(16_500, 0));
        // 16384 + 1 is already the inner maximum: no room for padding; 116 + 1 pads to 256
        assertThat(recordLengths(sealed), contains(16385 + 16, 256 + 16));
        assertThat(joined(readAll(TestRecords.tls13Reader(), sealed)), equalTo(bytes(16_500, 0)));
    }

    @Test
    void rejectsAPaddingPolicyThatOversteps() {
        RecordWriter writer = TestRecords.tls13Writer();
        writer.setPadding((type, length, max) -> max + 1);
        assertThrows(IllegalStateException.class, () -> writer.write(ContentType.APPLICATION_DATA, bytes(10, 0)));
    }

    @Test
    void sendsChangeCipherSpecUnprotectedUnderTls13Keys() throws TlsAlertException {
        RecordWriter writer = TestRecords.tls13Writer();
        assertThat(HEX.formatHex(writer.write(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1})), is("140303000101"));
        assertThat(writer.sequenceNumber(), is(0L));
    }

    @Test
    void writesTheInitialClientHelloWithRecordVersionTls10() throws TlsAlertException {
        RecordWriter writer = new RecordWriter();
        writer.setRecordVersion(ProtocolVersion.TLS1_0);
        assertThat(HEX.formatHex(writer.write(ContentType.HANDSHAKE, new byte[] {1, 0, 0, 0})), is("16030100040100000"
                + "0"));
        assertThrows(IllegalArgumentException.class, () -> writer.setRecordVersion(ProtocolVersion.TLS1_3));
    }

    @Test
    void refusesZeroLengthHandshakeAlertAndChangeCipherSpecFragments() {
        for (ContentType type : List.of(ContentType.HANDSHAKE, ContentType.ALERT, ContentType.CHANGE_CIPHER_SPEC)) {
            assertThrows(IllegalArgumentException.class, () -> TestRecords.tls13Writer().write(type, new byte[0]));
        }
        assertThrows(IllegalArgumentException.class, () -> new RecordWriter().write(new ContentType(24), new byte[1]));
    }

    @Test
    void writesNothingWhenTheOutputBufferIsTooSmall() throws TlsAlertException {
        RecordWriter writer = TestRecords.tls13Writer();
        ByteBuffer src = ByteBuffer.wrap(bytes(100, 0));
        ByteBuffer dst = ByteBuffer.allocate(100 + 5 + 16);
        assertThrows(BufferOverflowException.class, () -> writer.writeRecord(ContentType.APPLICATION_DATA, src, dst));
        assertThat(src.position(), is(0));
        assertThat(dst.position(), is(0));
        assertThat(writer.sequenceNumber(), is(0L));
        assertThat(writer.writeRecord(ContentType.APPLICATION_DATA, src, ByteBuffer.allocate(writer.maxRecordLength())),
                is(100 + 5 + 17));
    }

    @Test
    void sealsInPlaceExactlyAsWriteRecordDoes() throws TlsAlertException {
        for (RecordWriter[] pair : new RecordWriter[][] {{TestRecords.tls13Writer(), TestRecords.tls13Writer()},
                {tls12Gcm(), tls12Gcm()}}) {
            byte[] expected = pair[0].write(ContentType.APPLICATION_DATA, bytes(700, 5));
            ByteBuffer direct = ByteBuffer.allocateDirect(pair[1].maxRecordLength());
            direct.put(pair[1].contentOffset(), bytes(700, 5));
            int length = pair[1].sealInPlace(ContentType.APPLICATION_DATA, direct, 700);
            byte[] actual = new byte[length];
            direct.flip().get(actual);
            assertThat(HEX.formatHex(actual), is(HEX.formatHex(expected)));
        }
    }

    private static RecordWriter tls12Gcm() {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(RecordProtection.tls12(CryptoProviders.jca(), AeadAlgorithm.AES_128_GCM,
                TestRecords.key(AeadAlgorithm.AES_128_GCM), bytes(4, 9)));
        return writer;
    }
}
