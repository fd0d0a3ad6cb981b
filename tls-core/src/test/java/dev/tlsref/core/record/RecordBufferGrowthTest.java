package dev.tlsref.core.record;

import static dev.tlsref.core.record.TestRecords.bytes;
import static dev.tlsref.core.record.TestRecords.concat;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.tlsref.core.ContentType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProviders;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader's partial-record buffer and the writer's per-record size bound: buffers start
 * small and grow with the records, and the bytes already buffered survive the growth.
 */
class RecordBufferGrowthTest {

    /** Feeds {@code wire} in chunks of {@code chunk} bytes; returns the fragments delivered. */
    private static List<byte[]> readInChunks(RecordReader reader, byte[] wire, int chunk) throws TlsAlertException {
        List<byte[]> fragments = new ArrayList<>();
        for (int at = 0; at < wire.length; at += chunk) {
            ByteBuffer in = ByteBuffer.wrap(wire, at, Math.min(chunk, wire.length - at)).slice();
            RecordView view;
            while ((view = reader.read(in)) != null) {
                fragments.add(view.fragmentBytes());
            }
        }
        return fragments;
    }

    @Test
    void readsRecordsOfGrowingSizeEachArrivingInParts() throws TlsAlertException {
        int[] sizes = {1, 600, 3000, 16384, 200, 16384};
        RecordWriter writer = TestRecords.tls13Writer();
        List<byte[]> sent = new ArrayList<>();
        byte[] wire = new byte[0];
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = bytes(sizes[i], i);
            sent.add(data);
            wire = concat(wire, writer.write(ContentType.APPLICATION_DATA, data));
        }
        for (int chunk : new int[] {1, 3, 7, 4096, 10_000}) {
            // records are decrypted in place: each pass reads its own copy
            List<byte[]> got = readInChunks(TestRecords.tls13Reader(), wire.clone(), chunk);
            assertThat("chunk " + chunk, got.size(), is(sent.size()));
            for (int i = 0; i < sent.size(); i++) {
                assertThat("record " + i + ", chunk " + chunk, got.get(i), equalTo(sent.get(i)));
            }
        }
    }

    @Test
    void keepsAHeaderSplitAcrossCallsWhenTheBufferGrowsForItsBody() throws TlsAlertException {
        byte[] data = bytes(16384, 9);
        byte[] wire = new RecordWriter().write(ContentType.HANDSHAKE, data);
        RecordReader reader = new RecordReader();
        List<byte[]> got = new ArrayList<>();
        got.addAll(readInChunks(reader, Arrays.copyOfRange(wire, 0, 3), 3));
        got.addAll(readInChunks(reader, Arrays.copyOfRange(wire, 3, 700), 697));
        assertThat(reader.hasPartialRecord(), is(true));
        got.addAll(readInChunks(reader, Arrays.copyOfRange(wire, 700, wire.length), wire.length));
        assertThat(got.size(), is(1));
        assertThat(got.get(0), equalTo(data));
    }

    @Test
    void readsMaximalTls12RecordsInParts() throws TlsAlertException {
        // RFC 5246 §6.2.3: the largest records a reader buffers; with AES-GCM 2^14 + 24 bytes
        byte[] key = TestRecords.key(AeadAlgorithm.AES_128_GCM);
        RecordWriter writer = new RecordWriter();
        writer.setProtection(RecordProtection.tls12(CryptoProviders.jca(), AeadAlgorithm.AES_128_GCM, key, bytes(4, 3)));
        RecordReader reader = new RecordReader();
        reader.setProtection(RecordProtection.tls12(CryptoProviders.jca(), AeadAlgorithm.AES_128_GCM, key, bytes(4, 3)));
        byte[] data = bytes(3 * 16384, 5);
        List<byte[]> got = readInChunks(reader, writer.write(ContentType.APPLICATION_DATA, data), 5000);
        assertThat(got.size(), is(3));
        assertThat(concat(got.get(0), got.get(1), got.get(2)), equalTo(data));
    }

    @Test
    void boundsTheNextRecordByTheDataItCarries() throws TlsAlertException {
        for (RecordWriter writer : List.of(new RecordWriter(), TestRecords.tls13Writer())) {
            for (int length : new int[] {0, 1, 100, 16383, 16384, 40_000}) {
                ByteBuffer src = ByteBuffer.wrap(bytes(length, 1));
                int bound = writer.maxRecordLength(ContentType.APPLICATION_DATA, length);
                ByteBuffer dst = ByteBuffer.allocate(bound);
                int written = writer.writeRecord(ContentType.APPLICATION_DATA, src, dst);
                assertThat("length " + length, written, is(bound));
                assertThat(bound, lessThanOrEqualTo(writer.maxRecordLength()));
            }
        }
    }

    @Test
    void boundsAPaddedRecordByThePaddingLimit() throws TlsAlertException {
        RecordWriter writer = TestRecords.tls13Writer();
        writer.setPadding(RecordPadding.toMultipleOf(4096));
        int bound = writer.maxRecordLength(ContentType.HANDSHAKE, 10);
        ByteBuffer dst = ByteBuffer.allocate(bound);
        int written = writer.writeRecord(ContentType.HANDSHAKE, ByteBuffer.wrap(bytes(10, 1)), dst);
        assertThat(bound, greaterThanOrEqualTo(written));
        assertThat(bound, is(writer.maxRecordLength()));
    }
}
