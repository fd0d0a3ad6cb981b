package dev.tlsref.handshake.tls13;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import dev.tlsref.core.TlsAlertException;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsConnection;
import dev.tlsref.handshake.session.TicketKeys;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.KeyType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server paired with the tlsref client through two TlsConnections in memory: server-side policies. */
class Tls13ServerInMemoryTest {
    private static final TestPki PKI = new TestPki();
    private static final TestPki.Issued ROOT = PKI.root("in-memory root", KeyType.EC_P256);
    private static final TestPki.Issued LEAF = PKI.leaf("localhost").dnsNames("localhost").issuedBy(ROOT).build();
    private static final TestPki.Issued CLIENT = PKI.leaf("client").issuedBy(ROOT).build();

    private static TlsConfig.Builder server(Tls13ServerTestSupport.Recorder recorder) {
        return TlsConfig.builder().certifiedKey(new CertifiedKey(List.of(LEAF.certificate()), LEAF.privateKey()))
                .listener(recorder);
    }

    private static TlsConfig.Builder client() {
        return TlsConfig.builder().trustAnchors(List.of(ROOT.certificate()));
    }

    /** A connected pair, handshake done. */
    record Pair(TlsConnection client, TlsConnection server) {
        NegotiatedParameters serverParameters() {
            return server.parameters().orElseThrow();
        }
    }

    private static Pair connect(TlsConfig clientConfig, TlsConfig serverConfig) throws TlsAlertException {
        Pair pair = new Pair(TlsConnection.client(clientConfig, "localhost"), TlsConnection.server(serverConfig));
        pair.server.start();
        pair.client.start();
        pump(pair);
        assertThat(pair.server.isHandshakeComplete(), is(true));
        assertThat(pair.client.isHandshakeComplete(), is(true));
        return pair;
    }

    private static void pump(Pair pair) throws TlsAlertException {
        for (int i = 0; i < 20; i++) {
            byte[] toServer = pair.client.takeOutput();
            byte[] toClient = pair.server.takeOutput();
            if (toServer.length == 0 && toClient.length == 0) {
                return;
            }
            pair.server.receive(toServer, 0, toServer.length);
            pair.client.receive(toClient, 0, toClient.length);
        }
        throw new AssertionError("connections did not settle");
    }

    private static String roundTrip(Pair pair, String text) throws TlsAlertException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        pair.client.write(data);
        pump(pair);
        byte[] got = new byte[data.length];
        assertThat(pair.server.read(got, 0, got.length), equalTo(data.length));
        pair.server.write(got);
        pump(pair);
        byte[] back = new byte[data.length];
        assertThat(pair.client.read(back, 0, back.length), equalTo(data.length));
        return new String(back, StandardCharsets.UTF_8);
    }

    @Test
    void resumesWithItsTicketAndSendsATicketOfTheConfiguredLifetime() throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        TlsConfig serverConfig = server(recorder).ticketLifetime(Duration.ofMinutes(10)).build();
        TlsConfig clientConfig = client().build();
        assertThat(connect(clientConfig, serverConfig).serverParameters().resumed(), is(false));
        Pair second = connect(clientConfig, serverConfig);
        assertThat(second.serverParameters().resumed(), is(true));
        assertThat(recorder.notes, hasItem(startsWith("PSK binder of identity 0 verified; resuming (psk_dhe_ke)")));
        assertThat(roundTrip(second, "after resumption"), equalTo("after resumption"));
    }

    @Test
    void makesAFullHandshakeWhenTheTicketHasExpired() throws Exception {
        var clock = new Tls13ServerTicketTest.MovingClock();
        clock.now = java.time.Instant.now();
        var recorder = new Tls13ServerTestSupport.Recorder();
        TlsConfig serverConfig = server(recorder).clock(clock).ticketLifetime(Duration.ofMinutes(1)).build();
        TlsConfig clientConfig = client().build();
        connect(clientConfig, serverConfig);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        Pair second = connect(clientConfig, serverConfig);
        assertThat(second.serverParameters().resumed(), is(false));
        assertThat(recorder.notes, hasItem(startsWith("PSK identity 0 not used: ticket expired")));
    }

    @Test
    void ignoresTicketsSealedByAnotherServer() throws Exception {
        TlsConfig clientConfig = client().build();
        connect(clientConfig, server(new Tls13ServerTestSupport.Recorder()).build());
        var recorder = new Tls13ServerTestSupport.Recorder();
        Pair other = connect(clientConfig, server(recorder).build());
        assertThat(other.serverParameters().resumed(), is(false));
        assertThat(recorder.notes, hasItem("PSK identity 0 is not a ticket of ours"));
    }

    @Test
    void resumesAcrossServersThatShareTicketKeys() throws Exception {
        TicketKeys shared = new TicketKeys(CryptoProviders.jca(), Duration.ofHours(1));
        TlsConfig clientConfig = client().build();
        connect(clientConfig, server(new Tls13ServerTestSupport.Recorder()).ticketKeys(shared).build());
        Pair second = connect(clientConfig, server(new Tls13ServerTestSupport.Recorder()).ticketKeys(shared).build());
        assertThat(second.serverParameters().resumed(), is(true));
    }

    @Test
    void makesAFullHandshakeWhenTheTicketsSessionLacksARequiredClientCertificate() throws Exception {
        TlsConfig anonymous = server(new Tls13ServerTestSupport.Recorder()).build();
        TlsConfig clientConfig = client()
                .certifiedKey(new CertifiedKey(List.of(CLIENT.certificate()), CLIENT.privateKey())).build();
        connect(clientConfig, anonymous);
        var recorder = new Tls13ServerTestSupport.Recorder();
        TlsConfig strict = anonymous.toBuilder().listener(recorder).clientAuth(ClientAuth.REQUIRED)
                .trustAnchors(List.of(ROOT.certificate())).build();
        Pair second = connect(clientConfig, strict);
        assertThat(second.serverParameters().resumed(), is(false));
        assertThat(second.serverParameters().peerCertificates(), equalTo(List.of(CLIENT.certificate())));
        assertThat(recorder.notes, hasItem(
                "PSK identity 0 not used: this server requires a client certificate and the ticket's session had none"));
    }

    @Test
    void acceptsAClientWithoutCertificateWhenClientAuthIsOptional() throws Exception {
        TlsConfig serverConfig = server(new Tls13ServerTestSupport.Recorder()).clientAuth(ClientAuth.OPTIONAL)
                .trustAnchors(List.of(ROOT.certificate())).build();
        Pair pair = connect(client().build(), serverConfig);
        assertThat(pair.serverParameters().peerCertificates(), equalTo(List.of()));
    }

    @Test
    void choosesTheApplicationProtocolByServerPreference() throws Exception {
        TlsConfig serverConfig = server(new Tls13ServerTestSupport.Recorder())
                .alpnProtocols(List.of("h2", "http/1.1")).build();
        Pair pair = connect(client().alpnProtocols(List.of("http/1.1", "h2")).build(), serverConfig);
        assertThat(pair.serverParameters().alpn(), equalTo(Optional.of("h2")));
        assertThat(pair.client.parameters().orElseThrow().alpn(), equalTo(Optional.of("h2")));
    }

    @Test
    void exportsTheSameKeyingMaterialAsTheClient() throws Exception {
        Pair pair = connect(client().build(), server(new Tls13ServerTestSupport.Recorder()).build());
        byte[] context = {1, 2, 3};
        assertThat(pair.server.exportKeyingMaterial("EXPERIMENTAL test", context, 40),
                equalTo(pair.client.exportKeyingMaterial("EXPERIMENTAL test", context, 40)));
        assertThat(Arrays.equals(pair.server.exportKeyingMaterial("EXPERIMENTAL test", null, 40),
                pair.server.exportKeyingMaterial("EXPERIMENTAL test", context, 40)), is(false));
    }

    @Test
    void updatesItsOwnKeysAndAsksTheClientToo() throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        Pair pair = connect(client().build(), server(recorder).build());
        pair.server.updateKeys(true);
        pump(pair);
        assertThat(roundTrip(pair, "after server KeyUpdate"), equalTo("after server KeyUpdate"));
        assertThat(recorder.secrets.keySet(), hasItem("SERVER_TRAFFIC_SECRET_1"));
        assertThat(recorder.secrets.keySet(), hasItem("CLIENT_TRAFFIC_SECRET_1"));
        pair.server.updateKeys(false);
        assertThat(roundTrip(pair, "again"), equalTo("again"));
        assertThat(recorder.secrets.keySet(), hasItem("SERVER_TRAFFIC_SECRET_2"));
    }

    @Test
    void honoursTheClientsRecordSizeLimit() throws Exception {
        Pair pair = connect(client().recordSizeLimit(512).build(), server(new Tls13ServerTestSupport.Recorder())
                .build());
        pair.server.write(new byte[5000]);
        byte[] wire = pair.server.takeOutput();
        int records = 0;
        for (int at = 0; at < wire.length; records++) {
            int length = ((wire[at + 3] & 0xff) << 8) | (wire[at + 4] & 0xff);
            // RFC 8449 §4: at most 512 bytes of TLSInnerPlaintext, plus the 16-byte tag.
            assertThat(length, lessThanOrEqualTo(512 + 16));
            at += 5 + length;
        }
        assertThat(records >= 10, is(true));
    }
}
