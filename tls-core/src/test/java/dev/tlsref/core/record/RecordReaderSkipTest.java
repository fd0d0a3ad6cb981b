package dev.tlsref.core.record;

import static dev.tlsref.core.record.TestRecords.bytes;
import static dev.tlsref.core.record.TestRecords.concat;
import static dev.tlsref.core.record.TestRecords.readAll;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ContentType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.record.TestRecords.Delivered;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProviders;
import org.junit.jupiter.api.Test;

/** {@link RecordReader#skipUndecryptableRecords}: rejected 0-RTT data (RFC 8446 §4.2.10). */
class RecordReaderSkipTest {

    /** Records under other keys than the reader's: what a client's early data looks like to it. */
    private static byte[] otherKeys(int count, int size) throws TlsAlertException {
        RecordWriter early = new RecordWriter();
        early.setProtection(RecordProtection.tls13(CryptoProviders.jca(), AeadAlgorithm.AES_128_GCM,
                bytes(16, 0x55), bytes(12, 0x66)));
        byte[] all = new byte[0];
        for (int i = 0; i < count; i++) {
            all = concat(all, early.write(ContentType.APPLICATION_DATA, bytes(size, i)));
        }
        return all;
    }

    @Test
    void skipsRecordsThatFailToDecryptUntilOneDecrypts() throws TlsAlertException {
        RecordWriter handshakeKeys = TestRecords.tls13Writer();
        byte[] finished = handshakeKeys.write(ContentType.HANDSHAKE, bytes(36, 9));
        byte[] after = handshakeKeys.write(ContentType.APPLICATION_DATA, bytes(10, 3));
        RecordReader reader = TestRecords.tls13Reader();
        reader.skipUndecryptableRecords(1000);

        var got = readAll(reader, concat(otherKeys(3, 100), finished, after));

        assertThat(got, contains(new Delivered(ContentType.HANDSHAKE, bytes(36, 9)),
                new Delivered(ContentType.APPLICATION_DATA, bytes(10, 3))));
        assertThat("skipped records used no sequence numbers", reader.sequenceNumber(), is(2L));
        assertThat(reader.isSkippingUndecryptableRecords(), is(false));
    }

    @Test
    void endsSkippingAtTheFirstDeliveredRecord() throws TlsAlertException {
        RecordWriter handshakeKeys = TestRecords.tls13Writer();
        byte[] finished = handshakeKeys.write(ContentType.HANDSHAKE, bytes(36, 9));
        RecordReader reader = TestRecords.tls13Reader();
        reader.skipUndecryptableRecords(1000);
        readAll(reader, finished);

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> readAll(reader, otherKeys(1, 10)));
        assertThat(e.alert(), equalTo(AlertDescription.BAD_RECORD_MAC));
    }

    @Test
    void refusesMoreSkippedBytesThanTheLimit() throws TlsAlertException {
        RecordReader reader = TestRecords.tls13Reader();
        reader.skipUndecryptableRecords(250);
        // each record body: 100 bytes + 1 content type + 16 tag = 117; two fit, the third does not
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> readAll(reader, otherKeys(3, 100)));
        assertThat(e.alert(), equalTo(AlertDescription.UNEXPECTED_MESSAGE));
    }

    @Test
    void skipsApplicationDataWhileUnprotectedAfterAHelloRetryRequest() throws TlsAlertException {
        RecordReader reader = new RecordReader();
        reader.skipUndecryptableRecords(1000);
        byte[] hello = {22, 3, 3, 0, 4, 1, 0, 0, 0};

        var got = readAll(reader, concat(otherKeys(2, 50), hello));

        assertThat(got, contains(new Delivered(ContentType.HANDSHAKE, new byte[] {1, 0, 0, 0})));
    }

    @Test
    void withoutTheModeAnUndecryptableRecordIsBadRecordMac() throws TlsAlertException {
        RecordReader reader = TestRecords.tls13Reader();
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> readAll(reader, otherKeys(1, 10)));
        assertThat(e.alert(), equalTo(AlertDescription.BAD_RECORD_MAC));
    }
}
