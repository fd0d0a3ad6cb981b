package dev.tlsref.core.record;

import static dev.tlsref.core.record.TestRecords.HEX;
import static dev.tlsref.core.record.TestRecords.bytes;
import static dev.tlsref.core.record.TestRecords.concat;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeAssemblerTest {

    private static byte[] message(int type, byte[] body) {
        return concat(new byte[] {(byte) type, (byte) (body.length >>> 16), (byte) (body.length >>> 8), (byte) body.length},
                body);
    }

    private static List<String> drain(HandshakeAssembler assembler) {
        List<String> out = new ArrayList<>();
        byte[] m;
        while ((m = assembler.next()) != null) {
            out.add(HEX.formatHex(m));
        }
        return out;
    }

    @Test
    void splitsSeveralMessagesInOneRecord() throws TlsAlertException {
        byte[] a = message(8, bytes(10, 1));
        byte[] b = message(14, new byte[0]); // ServerHelloDone has an empty body
        byte[] c = message(20, bytes(32, 2));
        HandshakeAssembler assembler = new HandshakeAssembler(1000);
        assembler.add(concat(a, b, c));
        assertThat(drain(assembler), contains(HEX.formatHex(a), HEX.formatHex(b), HEX.formatHex(c)));
        assertThat(assembler.isEmpty(), is(true));
    }

    @Test
    void reassemblesAMessageArrivingOneByteAtATime() throws TlsAlertException {
        byte[] m = message(11, bytes(3000, 4));
        HandshakeAssembler assembler = new HandshakeAssembler(5000);
        for (int i = 0; i < m.length; i++) {
            assertThat(assembler.next(), is(nullValue()));
            assembler.add(new byte[] {m[i]});
        }
        assertThat(assembler.next(), equalTo(m));
    }

    @Test
    void reassemblesALargeMessageAcrossManyRecords() throws TlsAlertException {
        byte[] m = message(11, bytes(100_000, 4));
        byte[] tail = message(15, bytes(5, 5));
        byte[] stream = concat(m, tail);
        HandshakeAssembler assembler = new HandshakeAssembler(100_000);
        for (int at = 0; at < stream.length; at += 16384) {
            assembler.add(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + 16384)));
        }
        assertThat(drain(assembler), contains(HEX.formatHex(m), HEX.formatHex(tail)));
    }

    @Test
    void refusesAnOversizedLengthBeforeBufferingTheBody() throws TlsAlertException {
        HandshakeAssembler assembler = new HandshakeAssembler(1000);
        assembler.add(new byte[] {11, 0});
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> assembler.add(new byte[] {0x03, (byte) 0xe9}));
        assertThat(e.alert(), is(AlertDescription.ILLEGAL_PARAMETER));
        assertThat(e.getMessage(), is("certificate message of 1001 bytes exceeds the 1000-byte limit"));
        assertThat(assembler.bufferedLength(), lessThanOrEqualTo(4));
    }

    @Test
    void refusesAnOversizedMessageBehindAnotherInTheSameRecord() {
        HandshakeAssembler assembler = new HandshakeAssembler(16);
        byte[] record = concat(message(20, bytes(16, 0)), new byte[] {11, 0x7f, 0, 0});
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> assembler.add(record));
        assertThat(e.alert(), is(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void acceptsAMessageOfExactlyTheMaximum() throws TlsAlertException {
        HandshakeAssembler assembler = new HandshakeAssembler(16);
        byte[] m = message(20, bytes(16, 0));
        assembler.add(m);
        assertThat(assembler.next(), equalTo(m));
    }

    @Test
    void refusesAKeyChangeWithAPartialMessageBuffered() throws TlsAlertException {
        HandshakeAssembler assembler = new HandshakeAssembler(1000);
        assembler.add(Arrays.copyOf(message(20, bytes(32, 0)), 10));
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> assembler.requireMessageBoundary("the switch to handshake keys"));
        assertThat(e.alert(), is(AlertDescription.UNEXPECTED_MESSAGE));
        assertThat(e.getMessage(), is("10 bytes of part of a finished message are buffered at the switch to "
                + "handshake keys; handshake messages must not span it (RFC 8446 §5.1)"));
    }

    @Test
    void refusesAKeyChangeWithAnUntakenMessageInTheSameRecord() throws TlsAlertException {
        // ServerHello and EncryptedExtensions in one plaintext record: EE must not precede the key change
        HandshakeAssembler assembler = new HandshakeAssembler(1000);
        assembler.add(concat(message(2, bytes(40, 0)), message(8, bytes(2, 0))));
        assertThat(assembler.next().length, is(44));
        assertThrows(TlsAlertException.class, () -> assembler.requireMessageBoundary("the switch to handshake keys"));
        assertThat(assembler.next().length, is(6));
        assembler.requireMessageBoundary("the switch to handshake keys");
    }

    @Test
    void completesAnEmptyMessageWhoseHeaderIsSplitAcrossRecords() throws TlsAlertException {
        HandshakeAssembler assembler = new HandshakeAssembler(1000);
        assembler.add(new byte[] {14, 0});
        assertThat(assembler.next(), is(nullValue()));
        assertThat(assembler.bufferedLength(), is(2));
        assembler.add(new byte[] {0, 0});
        assertThat(assembler.next(), equalTo(new byte[] {14, 0, 0, 0}));
        assertThat(assembler.isEmpty(), is(true));
    }

    @Test
    void finishesASpanningMessageAndSplitsTheRestOfItsLastRecord() throws TlsAlertException {
        byte[] a = message(11, bytes(20_000, 1));
        byte[] b = message(15, bytes(70, 2));
        byte[] c = message(20, bytes(32, 3));
        byte[] stream = concat(a, b, c);
        HandshakeAssembler assembler = new HandshakeAssembler(1 << 16);
        assembler.add(Arrays.copyOfRange(stream, 0, 16384));
        assertThat(assembler.next(), is(nullValue()));
        assertThat(assembler.bufferedLength(), is(16384));
        assembler.add(Arrays.copyOfRange(stream, 16384, stream.length - 10));
        assertThat(assembler.next(), equalTo(a));
        assertThat(assembler.next(), equalTo(b));
        assertThat(assembler.next(), is(nullValue()));
        assembler.add(Arrays.copyOfRange(stream, stream.length - 10, stream.length));
        assertThat(drain(assembler), contains(HEX.formatHex(c)));
    }

    @Test
    void refusesTheLargestLengthAHeaderCanAnnounce() throws TlsAlertException {
        HandshakeAssembler assembler = new HandshakeAssembler(0xffff);
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> assembler.add(new byte[] {11, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3}));
        assertThat(e.alert(), is(AlertDescription.ILLEGAL_PARAMETER));
        assertThat(assembler.bufferedLength(), lessThanOrEqualTo(4));
    }

    @Test
    void namesTheMessageWhoseHeaderIsIncompleteAtAKeyChange() throws TlsAlertException {
        HandshakeAssembler assembler = new HandshakeAssembler(1000);
        assembler.add(new byte[] {20, 0});
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> assembler.requireMessageBoundary("x"));
        assertThat(e.getMessage(), is("2 bytes of part of a finished message are buffered at x; handshake messages"
                + " must not span it (RFC 8446 §5.1)"));
    }
}
