package dev.tlsref.handshake.tls13;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsConnection;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.KeyType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TLS 1.3 0-RTT (RFC 8446 §2.3, §4.2.10, §8) between the tlsref client and server through TlsConnection. */
class ZeroRttInMemoryTest {
    private static final TestPki PKI = new TestPki();
    private static final TestPki.Issued ROOT = PKI.root("0-RTT root", KeyType.EC_P256);
    private static final TestPki.Issued LEAF = PKI.leaf("localhost").dnsNames("localhost").issuedBy(ROOT).build();
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Tls13ServerTestSupport.Recorder recorder = new Tls13ServerTestSupport.Recorder();

    private TlsConfig.Builder server(long maxEarlyDataSize) {
        return TlsConfig.builder().certifiedKey(new CertifiedKey(List.of(LEAF.certificate()), LEAF.privateKey()))
                .maxEarlyDataSize(maxEarlyDataSize).listener(recorder);
    }

    private static TlsConfig.Builder client() {
        return TlsConfig.builder().trustAnchors(List.of(ROOT.certificate())).earlyData(true);
    }

    private static void pump(TlsConnection client, TlsConnection server) throws TlsAlertException {
        for (int i = 0; i < 20; i++) {
            byte[] toServer = client.takeOutput();
            byte[] toClient = server.takeOutput();
            if (toServer.length == 0 && toClient.length == 0) {
                return;
            }
            server.receive(toServer, 0, toServer.length);
            client.receive(toClient, 0, toClient.length);
        }
        throw new AssertionError("connections did not settle");
    }

    /** A full handshake that leaves a ticket from {@code serverConfig} in the client's cache. */
    private static void firstConnection(TlsConfig clientConfig, TlsConfig serverConfig) throws TlsAlertException {
        TlsConnection client = TlsConnection.client(clientConfig, "localhost");
        TlsConnection server = TlsConnection.server(serverConfig);
        client.start();
        pump(client, server);
        assertThat(client.isHandshakeComplete(), is(true));
        assertThat(clientConfig.clientSessionCache().size(), equalTo(1));
    }

    private static byte[] readAll(TlsConnection connection) {
        byte[] data = new byte[connection.available()];
        connection.read(data, 0, data.length);
        return data;
    }

    @Test
    void acceptedEarlyDataIsReadBeforeTheHandshakeCompletes() throws TlsAlertException {
        TlsConfig serverConfig = server(16384).build();
        TlsConfig clientConfig = client().build();
        firstConnection(clientConfig, serverConfig);

        TlsConnection client = TlsConnection.client(clientConfig, "localhost");
        TlsConnection server = TlsConnection.server(serverConfig);
        client.writeEarlyData(REQUEST);
        client.start();
        byte[] firstFlight = client.takeOutput();
        server.receive(firstFlight, 0, firstFlight.length);
        assertThat("early data is there before the handshake completes", server.isHandshakeComplete(), is(false));
        assertThat(server.earlyDataReceived(), equalTo((long) REQUEST.length));
        assertThat(readAll(server), equalTo(REQUEST));

        pump(client, server);
        assertThat(client.isHandshakeComplete() && server.isHandshakeComplete(), is(true));
        assertThat(client.earlyDataAccepted(), is(true));
        assertThat(server.earlyDataAccepted(), is(true));
        assertThat(server.parameters().orElseThrow().resumed(), is(true));
        client.write("after".getBytes(StandardCharsets.US_ASCII));
        server.write("reply".getBytes(StandardCharsets.US_ASCII));
        pump(client, server);
        assertThat(new String(readAll(server), StandardCharsets.US_ASCII), equalTo("after"));
        assertThat(new String(readAll(client), StandardCharsets.US_ASCII), equalTo("reply"));
    }

    @Test
    void earlyDataIsRejectedAndSkippedWhenTheServerDisablesIt() throws TlsAlertException {
        TlsConfig ticketIssuer = server(16384).build();
        TlsConfig clientConfig = client().build();
        firstConnection(clientConfig, ticketIssuer);

        TlsConfig refusing = ticketIssuer.toBuilder().maxEarlyDataSize(0).build();
        TlsConnection client = TlsConnection.client(clientConfig, "localhost");
        TlsConnection server = TlsConnection.server(refusing);
        client.writeEarlyData(REQUEST);
        client.start();
        pump(client, server);

        assertThat(client.isHandshakeComplete() && server.isHandshakeComplete(), is(true));
        assertThat(client.earlyDataAccepted(), is(false));
        assertThat(server.earlyDataAccepted(), is(false));
        assertThat(server.earlyDataReceived(), equalTo(0L));
        assertThat(server.available(), equalTo(0));
        assertThat(server.parameters().orElseThrow().resumed(), is(true));
        assertThat(recorder.notes, hasItem(startsWith("0-RTT data rejected: this server accepts no early data")));
        client.write(REQUEST);
        pump(client, server);
        assertThat("the client sends it again after the handshake", readAll(server), equalTo(REQUEST));
    }

    @Test
    void noEarlyDataIsSentUnlessTheClientEnablesIt() throws TlsAlertException {
        TlsConfig serverConfig = server(16384).build();
        TlsConfig clientConfig = client().earlyData(false).build();
        firstConnection(clientConfig, serverConfig);
        TlsConnection client = TlsConnection.client(clientConfig, "localhost");
        assertThrows(IllegalStateException.class, () -> client.writeEarlyData(REQUEST));
    }

    @Test
    void aReplayedClientHelloGetsNoEarlyData() throws TlsAlertException {
        TlsConfig serverConfig = server(16384).build();
        TlsConfig clientConfig = client().build();
        firstConnection(clientConfig, serverConfig);
        TlsConnection client = TlsConnection.client(clientConfig, "localhost");
        client.writeEarlyData(REQUEST);
        client.start();
        byte[] firstFlight = client.takeOutput();

        TlsConnection original = TlsConnection.server(serverConfig);
        original.receive(firstFlight.clone(), 0, firstFlight.length);
        assertThat(original.earlyDataReceived(), equalTo((long) REQUEST.length));

        // An attacker replays the same bytes to another connection of the same server.
        TlsConnection replay = TlsConnection.server(serverConfig);
        replay.receive(firstFlight.clone(), 0, firstFlight.length);
        assertThat(replay.earlyDataReceived(), equalTo(0L));
        assertThat(replay.available(), equalTo(0));
        assertThat(replay.hasOutput(), is(true));
        assertThat(recorder.notes, hasItem(startsWith("0-RTT data rejected: this ClientHello was seen before")));
        assertThat(serverConfig.earlyDataReplayGuard().size(), equalTo(1));
    }

    @Test
    void moreEarlyDataThanAcceptedIsUnexpectedMessage() throws TlsAlertException {
        TlsConfig ticketIssuer = server(1000).build();
        TlsConfig clientConfig = client().build();
        firstConnection(clientConfig, ticketIssuer);

        TlsConfig stingy = ticketIssuer.toBuilder().maxEarlyDataSize(10).build();
        TlsConnection client = TlsConnection.client(clientConfig, "localhost");
        TlsConnection server = TlsConnection.server(stingy);
        client.writeEarlyData(new byte[500]);
        client.start();
        byte[] firstFlight = client.takeOutput();
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> server.receive(firstFlight, 0, firstFlight.length));
        assertThat(e.alert(), equalTo(AlertDescription.UNEXPECTED_MESSAGE));
    }

    @Test
    void aHelloRetryRequestRejectsEarlyDataAndTheHandshakeGoesOn() throws TlsAlertException {
        TlsConfig serverConfig = server(16384).build();
        TlsConfig clientConfig = client().build();
        firstConnection(clientConfig, serverConfig);

        TlsConfig retrying = clientConfig.toBuilder().keyShareGroups(List.of(NamedGroup.SECP256R1)).build();
        TlsConnection client = TlsConnection.client(retrying, "localhost");
        TlsConnection server = TlsConnection.server(serverConfig);
        client.writeEarlyData(REQUEST);
        client.start();
        pump(client, server);

        assertThat(client.isHandshakeComplete() && server.isHandshakeComplete(), is(true));
        assertThat(recorder.notes, hasItem(startsWith("HelloRetryRequest sent")));
        assertThat(client.earlyDataAccepted(), is(false));
        assertThat(server.earlyDataReceived(), equalTo(0L));
        assertThat(server.parameters().orElseThrow().resumed(), is(true));
    }

    @Test
    void ticketsAllowEarlyDataOnlyWhenTheServerAcceptsIt() throws TlsAlertException {
        TlsConfig clientConfig = client().build();
        firstConnection(clientConfig, server(0).build());
        TlsConnection client = TlsConnection.client(clientConfig, "localhost");
        client.writeEarlyData(REQUEST);
        client.start();
        byte[] firstFlight = client.takeOutput();
        assertThat("ClientHello only: the ticket allowed no 0-RTT", firstFlight.length,
                equalTo(5 + ((firstFlight[3] & 0xff) << 8 | (firstFlight[4] & 0xff))));
        assertThat(client.earlyDataAccepted(), is(false));
    }
}
