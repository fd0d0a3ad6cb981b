package dev.tlsref.handshake.tls12;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsConnection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** tlsref's TLS 1.2 client against tlsref's TLS 1.2 server, in memory. */
class Tls12HandshakeTest {
    private static final Tls12TestPeers PEERS = new Tls12TestPeers();

    static Stream<CipherSuite> suites() {
        return Tls12TestPeers.ALL_SUITES.stream();
    }

    @ParameterizedTest
    @MethodSource("suites")
    void completesAndExchangesDataWithEverySuite(CipherSuite suite) throws Exception {
        Tls12TestPeers.Recorder clientLog = new Tls12TestPeers.Recorder();
        Tls12TestPeers.Recorder serverLog = new Tls12TestPeers.Recorder();
        TlsConnection client = TlsConnection.client(PEERS.client(suite).listener(clientLog).build(), Tls12TestPeers.HOST);
        TlsConnection server = TlsConnection.server(PEERS.server().listener(serverLog).build());
        Tls12TestPeers.pump(client, server);

        assertThat(client.isHandshakeComplete(), is(true));
        assertThat(server.isHandshakeComplete(), is(true));
        NegotiatedParameters parameters = client.parameters().orElseThrow();
        assertThat(parameters.version(), equalTo(ProtocolVersion.TLS1_2));
        assertThat(parameters.cipherSuite(), equalTo(suite));
        assertThat(server.parameters().orElseThrow().cipherSuite(), equalTo(suite));
        assertThat(parameters.resumed(), is(false));
        assertThat(clientLog.clientRandomSecrets, equalTo(serverLog.clientRandomSecrets));
        assertThat(clientLog.clientRandomSecrets.size(), is(1));
        exchangesData(client, server);
        assertThat(Arrays.equals(client.exportKeyingMaterial("EXPORTER-test", null, 32),
                server.exportKeyingMaterial("EXPORTER-test", null, 32)), is(true));
    }

    static void exchangesData(TlsConnection client, TlsConnection server) throws TlsAlertException {
        client.write("ping".getBytes(StandardCharsets.US_ASCII));
        Tls12TestPeers.pump(client, server);
        byte[] buffer = new byte[16];
        assertThat(new String(buffer, 0, server.read(buffer, 0, 16), StandardCharsets.US_ASCII), equalTo("ping"));
        server.write("pong".getBytes(StandardCharsets.US_ASCII));
        Tls12TestPeers.pump(client, server);
        assertThat(new String(buffer, 0, client.read(buffer, 0, 16), StandardCharsets.US_ASCII), equalTo("pong"));
    }

    @ParameterizedTest
    @MethodSource("groups")
    void usesTheGroupBothSupport(NamedGroup group) throws Exception {
        CipherSuite suite = group.isFiniteField() ? CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256
                : CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        TlsConnection client = TlsConnection.client(PEERS.client(suite).groups(List.of(group)).build(), Tls12TestPeers.HOST);
        TlsConnection server = TlsConnection.server(PEERS.server().build());
        Tls12TestPeers.pump(client, server);
        assertThat(client.parameters().orElseThrow().group(), equalTo(Optional.of(group)));
        assertThat(server.parameters().orElseThrow().group(), equalTo(Optional.of(group)));
    }

    /**
     * One DH public value in 256 has a leading zero byte: dh_Yc and dh_Ys must work whatever
     * their length (a regression: a stripped Yc was once refused as the wrong length).
     */
    @org.junit.jupiter.api.RepeatedTest(32)
    void dheWorksWhateverTheLengthOfThePublicValues() throws Exception {
        TlsConnection client = TlsConnection.client(PEERS.client(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256)
                .groups(List.of(NamedGroup.FFDHE2048)).build(), Tls12TestPeers.HOST);
        TlsConnection server = TlsConnection.server(PEERS.server().build());
        Tls12TestPeers.pump(client, server);
        assertThat(client.isHandshakeComplete() && server.isHandshakeComplete(), is(true));
    }

    @Test
    void leftPadAndStripAreInverse() {
        byte[] value = {0, 0, 5, 7};
        assertThat(Arrays.equals(Tls12ServerHandshake.stripLeadingZeros(value), new byte[] {5, 7}), is(true));
        assertThat(Arrays.equals(Tls12ServerHandshake.leftPad(new byte[] {5, 7}, 4), value), is(true));
    }

    static Stream<NamedGroup> groups() {
        return Stream.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.FFDHE2048,
                NamedGroup.FFDHE3072);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void authenticatesTheClientWhenAsked(CipherSuite suite) throws Exception {
        TlsConnection client = TlsConnection.client(PEERS.client(suite).certifiedKey(PEERS.clientKey()).build(),
                Tls12TestPeers.HOST);
        TlsConnection server = TlsConnection.server(PEERS.server().clientAuth(ClientAuth.REQUIRED).build());
        Tls12TestPeers.pump(client, server);
        assertThat(server.parameters().orElseThrow().peerCertificates().get(0),
                equalTo(PEERS.clientLeaf.certificate()));
        exchangesData(client, server);
    }

    @Test
    void serverWithOptionalClientAuthAcceptsAClientWithoutCertificate() throws Exception {
        TlsConnection client = TlsConnection.client(
                PEERS.client(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256).build(), Tls12TestPeers.HOST);
        TlsConnection server = TlsConnection.server(PEERS.server().clientAuth(ClientAuth.OPTIONAL).build());
        Tls12TestPeers.pump(client, server);
        assertThat(server.parameters().orElseThrow().peerCertificates(), equalTo(List.of()));
    }

    @Test
    void serverRequiringClientAuthRefusesAClientWithoutCertificate() {
        TlsConnection client = TlsConnection.client(
                PEERS.client(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256).build(), Tls12TestPeers.HOST);
        TlsConnection server = TlsConnection.server(PEERS.server().clientAuth(ClientAuth.REQUIRED).build());
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> Tls12TestPeers.pump(client, server));
        assertThat(server.failure().orElseThrow().alert(), equalTo(dev.tlsref.core.AlertDescription.HANDSHAKE_FAILURE));
        assertThat(e.alert(), equalTo(dev.tlsref.core.AlertDescription.HANDSHAKE_FAILURE));
    }

    @ParameterizedTest
    @MethodSource("resumptionKinds")
    void resumesWithSessionIdOrTicket(boolean tickets) throws Exception {
        TlsConfig clientConfig = PEERS.client(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)
                .sessionTickets(tickets).build();
        TlsConfig serverConfig = PEERS.server().sessionTickets(tickets).build();
        TlsConnection first = TlsConnection.client(clientConfig, Tls12TestPeers.HOST);
        TlsConnection firstServer = TlsConnection.server(serverConfig);
        Tls12TestPeers.pump(first, firstServer);
        assertThat(first.parameters().orElseThrow().resumed(), is(false));

        for (int i = 0; i < 2; i++) {
            Tls12TestPeers.Recorder log = new Tls12TestPeers.Recorder();
            TlsConnection again = TlsConnection.client(clientConfig.toBuilder().listener(log).build(), Tls12TestPeers.HOST);
            TlsConnection againServer = TlsConnection.server(serverConfig);
            Tls12TestPeers.pump(again, againServer);
            assertThat(again.parameters().orElseThrow().resumed(), is(true));
            assertThat(againServer.parameters().orElseThrow().resumed(), is(true));
            assertThat(again.parameters().orElseThrow().peerCertificates().get(0),
                    equalTo(PEERS.rsaLeaf.certificate()));
            exchangesData(again, againServer);
        }
    }

    static Stream<Boolean> resumptionKinds() {
        return Stream.of(true, false);
    }

    @Test
    void serverWithTls13EnabledMarksItsRandomAndA12OnlyClientAcceptsIt() throws Exception {
        byte[][] serverRandom = new byte[1][];
        TlsConfig clientConfig = PEERS.client(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)
                .listener(new dev.tlsref.handshake.HandshakeListener() {
                    @Override
                    public void messageReceived(dev.tlsref.core.message.HandshakeMessage m, byte[] encoded) {
                        if (m instanceof dev.tlsref.core.message.ServerHello hello) {
                            serverRandom[0] = hello.random();
                        }
                    }
                }).build();
        TlsConnection client = TlsConnection.client(clientConfig, Tls12TestPeers.HOST);
        TlsConnection server = TlsConnection.server(PEERS.server().build());
        Tls12TestPeers.pump(client, server);
        assertThat(client.isHandshakeComplete(), is(true));
        assertThat(dev.tlsref.core.message.ServerHello.DowngradeSentinel.find(serverRandom[0]),
                equalTo(Optional.of(dev.tlsref.core.message.ServerHello.DowngradeSentinel.TLS12)));
    }
}
