package dev.tlsref.handshake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.KeyType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connection's own buffers start small and grow with what passes through them: full-size
 * records after the handshake, records cut into single bytes, large writes. The bounds on the
 * peer's input hold regardless.
 */
class TlsConnectionBuffersTest {
    private static final TestPki PKI = new TestPki();
    private static final TestPki.Issued ROOT = PKI.root("buffers root", KeyType.EC_P256);
    private static final TestPki.Issued LEAF = PKI.leaf("localhost").dnsNames("localhost").issuedBy(ROOT).build();

    private static TlsConfig serverConfig() {
        return TlsConfig.builder().certifiedKey(new CertifiedKey(List.of(LEAF.certificate()), LEAF.privateKey()))
                .build();
    }

    private static TlsConfig clientConfig() {
        return TlsConfig.builder().trustAnchors(List.of(ROOT.certificate())).build();
    }

    private static byte[] data(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31 + seed);
        }
        return data;
    }

    /** Moves bytes both ways, {@code chunk} bytes per receive call, until neither side has output. */
    private static void pump(TlsConnection client, TlsConnection server, int chunk) throws TlsAlertException {
        for (int round = 0; round < 50; round++) {
            byte[] toServer = client.takeOutput();
            byte[] toClient = server.takeOutput();
            if (toServer.length == 0 && toClient.length == 0) {
                return;
            }
            deliver(server, toServer, chunk);
            deliver(client, toClient, chunk);
        }
        throw new AssertionError("connections did not settle");
    }

    private static void deliver(TlsConnection to, byte[] bytes, int chunk) throws TlsAlertException {
        for (int at = 0; at < bytes.length; at += chunk) {
            to.receive(bytes, at, Math.min(chunk, bytes.length - at));
        }
    }

    private static TlsConnection[] connect(int chunk) throws TlsAlertException {
        TlsConnection client = TlsConnection.client(clientConfig(), "localhost");
        TlsConnection server = TlsConnection.server(serverConfig());
        client.start();
        pump(client, server, chunk);
        assertThat(client.isHandshakeComplete(), is(true));
        assertThat(server.isHandshakeComplete(), is(true));
        return new TlsConnection[] {client, server};
    }

    private static byte[] readAll(TlsConnection connection) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[777];
        int n;
        while ((n = connection.read(buffer, 0, buffer.length)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void receivesAFullSizeRecordAfterTheHandshakeAndMoreAfterIt() throws TlsAlertException {
        TlsConnection[] pair = connect(Integer.MAX_VALUE);
        for (int length : new int[] {16384, 16384, 100, 50_000, 16384}) {
            byte[] sent = data(length, length);
            pair[0].write(sent);
            pump(pair[0], pair[1], Integer.MAX_VALUE);
            assertThat("length " + length, readAll(pair[1]), equalTo(sent));
        }
    }

    @Test
    void handshakesAndExchangesDataWithRecordsSplitByteByByte() throws TlsAlertException {
        TlsConnection[] pair = connect(1);
        byte[] sent = data(20_000, 7);
        pair[1].write(sent);
        pump(pair[0], pair[1], 1);
        assertThat(readAll(pair[0]), equalTo(sent));
        byte[] reply = data(300, 8);
        pair[0].write(reply);
        pump(pair[0], pair[1], 3);
        assertThat(readAll(pair[1]), equalTo(reply));
    }

    @Test
    void keepsUnreadDataAcrossReceivesAndPartialReads() throws TlsAlertException {
        TlsConnection[] pair = connect(Integer.MAX_VALUE);
        byte[] first = data(1000, 1);
        byte[] second = data(40_000, 2);
        pair[0].write(first);
        pump(pair[0], pair[1], Integer.MAX_VALUE);
        byte[] head = new byte[600];
        assertThat(pair[1].read(head, 0, head.length), is(600));
        pair[0].write(second);
        pump(pair[0], pair[1], 5000);
        assertThat(pair[1].available(), is(400 + 40_000));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head);
        all.writeBytes(readAll(pair[1]));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(first);
        expected.writeBytes(second);
        assertThat(all.toByteArray(), equalTo(expected.toByteArray()));
    }

    @Test
    void writesLargeApplicationDataInOneCallAndHandsItOutInSmallPieces() throws TlsAlertException {
        TlsConnection[] pair = connect(Integer.MAX_VALUE);
        byte[] sent = data(300_000, 3);
        pair[0].write(sent);
        ByteBuffer piece = ByteBuffer.allocate(1500);
        int records = 0;
        while (pair[0].hasOutput()) {
            piece.clear();
            int n = pair[0].takeOutput(piece);
            assertThat(n, is(piece.position()));
            piece.flip();
            pair[1].receive(piece);
            records++;
        }
        assertThat(records > 200, is(true));
        assertThat(readAll(pair[1]), equalTo(sent));
    }

    @Test
    void refusesAnOversizedHandshakeMessageFromItsHeaderAlone() throws TlsAlertException {
        TlsConfig config = TlsConfig.builder()
                .certifiedKey(new CertifiedKey(List.of(LEAF.certificate()), LEAF.privateKey()))
                .maxHandshakeMessageSize(1024).build();
        TlsConnection server = TlsConnection.server(config);
        // a plaintext handshake record holding only a ClientHello header announcing 2^24 - 1 bytes
        byte[] record = {22, 3, 1, 0, 4, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> server.receive(record, 0, record.length));
        assertThat(e.alert(), is(AlertDescription.ILLEGAL_PARAMETER));
        // one more than the limit is refused just the same
        TlsConnection other = TlsConnection.server(config);
        byte[] justOver = {22, 3, 1, 0, 4, 1, 0, 4, 1};
        TlsAlertException over = assertThrows(TlsAlertException.class,
                () -> other.receive(justOver, 0, justOver.length));
        assertThat(over.alert(), is(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void refusesARecordLongerThanTheProtocolAllowsFromItsHeaderAlone() {
        TlsConnection server = TlsConnection.server(serverConfig());
        // RFC 8446 §5.1: a plaintext record of 2^14 + 1 bytes is record_overflow before its body arrives
        byte[] header = {22, 3, 1, 0x40, 1};
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> server.receive(header, 0, header.length));
        assertThat(e.alert(), is(AlertDescription.RECORD_OVERFLOW));
    }
}
