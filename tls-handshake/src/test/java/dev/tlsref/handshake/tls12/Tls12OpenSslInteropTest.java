package dev.tlsref.handshake.tls12;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tlsref's TLS 1.2 client against {@code openssl s_server -tls1_2} and tlsref's server against
 * {@code openssl s_client -tls1_2}, for every suite of issue 5, with ECDSA and RSA
 * certificates, client authentication and both kinds of resumption. Every run also compares
 * the master secret of each connection with OpenSSL's {@code -keylogfile} line.
 */
class Tls12OpenSslInteropTest {
    private static final Tls12TestPeers PEERS = new Tls12TestPeers();
    @TempDir
    static Path directory;
    private static Map<String, Path> pem;

    @BeforeAll
    static void writeCertificates() throws IOException {
        pem = Tls12ExternalPeer.writePem(directory, PEERS);
    }

    static Stream<CipherSuite> suites() {
        return Tls12TestPeers.ALL_SUITES.stream();
    }

    /** The OpenSSL name of a suite. */
    static String openSslName(CipherSuite suite) {
        String name = suite.name().replace("TLS_", "").replace("_WITH_", "-").replace('_', '-');
        name = name.replace("AES-128-GCM", "AES128-GCM").replace("AES-256-GCM", "AES256-GCM");
        name = name.replace("CHACHA20-POLY1305-SHA256", "CHACHA20-POLY1305");
        return name.startsWith("RSA-") ? name.substring(4) : name;
    }

    private static List<String> sServer(int port, CipherSuite suite, Path keylog, String... extra) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-tls1_2", "-cipher", openSslName(suite), "-cert", pem.get("rsa.pem").toString(),
                "-key", pem.get("rsa.key").toString(), "-dcert", pem.get("ec.pem").toString(),
                "-dkey", pem.get("ec.key").toString(), "-keylogfile", keylog.toString(), "-rev"));
        command.addAll(List.of(extra));
        return command;
    }

    private static List<String> sClient(int port, CipherSuite suite, Path keylog, String... extra) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-tls1_2", "-cipher", openSslName(suite), "-CAfile", pem.get("ca.pem").toString(),
                "-servername", Tls12TestPeers.HOST, "-verify_return_error", "-verify_hostname", Tls12TestPeers.HOST,
                "-keylogfile", keylog.toString()));
        command.addAll(List.of(extra));
        return command;
    }

    /** Connects a tlsref client, sends a line, returns the reply line and the parameters. */
    private static NegotiatedParameters connectAndExchange(int port, TlsConfig config) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        socket.setSoTimeout((int) Tls12ExternalPeer.TIMEOUT.toMillis());
        try (TlsSocket tls = TlsSocket.client(socket, config, Tls12TestPeers.HOST)) {
            NegotiatedParameters parameters = tls.parameters();
            tls.getOutputStream().write("hello tlsref\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            byte[] buffer = new byte[256];
            StringBuilder reply = new StringBuilder();
            while (reply.indexOf("\n") < 0) {
                int n = tls.getInputStream().read(buffer);
                if (n < 0) {
                    break;
                }
                reply.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }
            assertThat(reply.toString(), equalTo("ferslt olleh\n"));
            return parameters;
        }
    }

    @ParameterizedTest
    @MethodSource("suites")
    void tlsrefClientTalksToOpenSslServer(CipherSuite suite) throws Exception {
        clientAgainstOpenSsl(suite, false);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void tlsrefClientAuthenticatesToOpenSslServer(CipherSuite suite) throws Exception {
        clientAgainstOpenSsl(suite, true);
    }

    private void clientAgainstOpenSsl(CipherSuite suite, boolean clientAuth) throws Exception {
        int port = Tls12ExternalPeer.freePort();
        Path keylog = directory.resolve("server-" + suite.name() + clientAuth + ".keylog");
        String[] extra = clientAuth ? new String[] {"-Verify", "1", "-CAfile", pem.get("ca.pem").toString()} : new String[0];
        try (Tls12ExternalPeer server = Tls12ExternalPeer.start(directory, sServer(port, suite, keylog, extra), null)) {
            server.awaitOutput("ACCEPT");
            Tls12TestPeers.Recorder log = new Tls12TestPeers.Recorder();
            TlsConfig.Builder config = PEERS.client(suite).listener(log);
            if (clientAuth) {
                config.certifiedKey(PEERS.clientKey());
            }
            NegotiatedParameters parameters = connectAndExchange(port, config.build());
            assertThat(parameters.cipherSuite(), equalTo(suite));
            server.awaitOutput("CONNECTION CLOSED");
            if (clientAuth) {
                assertThat(server.output(), containsString("Peer certificate: CN = tlsref client"));
            }
            assertKeyLogsAgree(log, keylog);
        }
    }

    @ParameterizedTest
    @MethodSource("suites")
    void openSslClientTalksToTlsrefServer(CipherSuite suite) throws Exception {
        serverAgainstOpenSsl(suite, false);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void openSslClientAuthenticatesToTlsrefServer(CipherSuite suite) throws Exception {
        serverAgainstOpenSsl(suite, true);
    }

    private void serverAgainstOpenSsl(CipherSuite suite, boolean clientAuth) throws Exception {
        Tls12TestPeers.Recorder log = new Tls12TestPeers.Recorder();
        TlsConfig config = PEERS.server().listener(log).clientAuth(clientAuth ? ClientAuth.REQUIRED : ClientAuth.NONE).build();
        Path keylog = directory.resolve("client-" + suite.name() + clientAuth + ".keylog");
        try (Tls12ExternalPeer.TlsrefServer server = new Tls12ExternalPeer.TlsrefServer(config, 1)) {
            String[] extra = clientAuth
                    ? new String[] {"-ign_eof", "-cert", pem.get("client.pem").toString(), "-key", pem.get("client.key").toString()}
                    : new String[] {"-ign_eof"};
            try (Tls12ExternalPeer client = Tls12ExternalPeer.start(directory, sClient(server.port(), suite, keylog, extra),
                    "hello openssl\n")) {
                client.closeInput();
                client.awaitExit();
                server.awaitOutcomes(1);
                assertThat(client.output(), containsString("HELLO OPENSSL"));
                assertThat(server.outcomes.get(0), instanceOf(NegotiatedParameters.class));
                NegotiatedParameters parameters = (NegotiatedParameters) server.outcomes.get(0);
                assertThat(parameters.cipherSuite(), equalTo(suite));
                assertThat(parameters.peerCertificates().isEmpty(), is(!clientAuth));
                assertKeyLogsAgree(log, keylog);
            }
        }
    }

    /** Issue 5: the CLIENT_RANDOM master secrets of both sides are equal. */
    static void assertKeyLogsAgree(Tls12TestPeers.Recorder ours, Path theirs) throws IOException {
        Map<String, String> openssl = Tls12ExternalPeer.clientRandomLines(theirs);
        assertThat(openssl.isEmpty(), is(false));
        assertThat(ours.clientRandomSecrets, equalTo(openssl));
    }

    @Test
    void masterSecretEqualsOpenSslKeyLogLine() throws Exception {
        CipherSuite suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        int port = Tls12ExternalPeer.freePort();
        Path keylog = directory.resolve("keylog-compare.keylog");
        try (Tls12ExternalPeer server = Tls12ExternalPeer.start(directory, sServer(port, suite, keylog), null)) {
            server.awaitOutput("ACCEPT");
            Tls12TestPeers.Recorder log = new Tls12TestPeers.Recorder();
            connectAndExchange(port, PEERS.client(suite).listener(log).build());
            server.awaitOutput("CONNECTION CLOSED");
            Map.Entry<String, String> line = log.clientRandomSecrets.entrySet().iterator().next();
            assertThat(Tls12ExternalPeer.clientRandomLines(keylog).get(line.getKey()), equalTo(line.getValue()));
        }
    }

    @ParameterizedTest
    @MethodSource("resumptionKinds")
    void tlsrefClientResumesWithOpenSslServer(boolean tickets) throws Exception {
        CipherSuite suite = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
        int port = Tls12ExternalPeer.freePort();
        Path keylog = directory.resolve("resume-server-" + tickets + ".keylog");
        String[] extra = tickets ? new String[0] : new String[] {"-no_ticket"};
        try (Tls12ExternalPeer server = Tls12ExternalPeer.start(directory, sServer(port, suite, keylog, extra), null)) {
            server.awaitOutput("ACCEPT");
            TlsConfig config = PEERS.client(suite).sessionTickets(tickets).build();
            assertThat(connectAndExchange(port, config).resumed(), is(false));
            assertThat(connectAndExchange(port, config).resumed(), is(true));
            assertThat(connectAndExchange(port, config).resumed(), is(true));
        }
    }

    @ParameterizedTest
    @MethodSource("resumptionKinds")
    void openSslClientResumesWithTlsrefServer(boolean tickets) throws Exception {
        CipherSuite suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256;
        TlsConfig config = PEERS.server().build();
        Path keylog = directory.resolve("resume-client-" + tickets + ".keylog");
        // -reconnect: one full handshake, then five resumptions of its session.
        try (Tls12ExternalPeer.TlsrefServer server = new Tls12ExternalPeer.TlsrefServer(config, 6)) {
            String[] extra = tickets ? new String[] {"-reconnect"} : new String[] {"-reconnect", "-no_ticket"};
            try (Tls12ExternalPeer client = Tls12ExternalPeer.start(directory, sClient(server.port(), suite, keylog, extra), null)) {
                client.awaitExit();
                server.awaitOutcomes(6);
                assertThat(client.output(), containsString("Reused, TLSv1.2"));
                assertThat(client.output(), not(containsString("alert")));
                long resumed = server.outcomes.stream()
                        .filter(o -> o instanceof NegotiatedParameters p && p.resumed()).count();
                assertThat(resumed, equalTo(5L));
            }
        }
    }

    @Test
    void tlsrefServerAnswersARenegotiatingClientHelloWithNoRenegotiation() throws Exception {
        CipherSuite suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        TlsConfig config = PEERS.server().build();
        Path keylog = directory.resolve("renegotiation.keylog");
        try (Tls12ExternalPeer.TlsrefServer server = new Tls12ExternalPeer.TlsrefServer(config, 1)) {
            // s_client reads a line "R" on stdin as: renegotiate (RFC 5246 §7.4.1.2, a new ClientHello).
            try (Tls12ExternalPeer client = Tls12ExternalPeer.start(directory, sClient(server.port(), suite, keylog), "R\n")) {
                client.awaitOutput("no renegotiation");
                client.closeInput();
                client.awaitExit();
                server.awaitOutcomes(2);
                assertThat(server.outcomes.get(0), instanceOf(NegotiatedParameters.class));
                assertThat(server.outcomes.get(1).toString(), containsString("no_renegotiation"));
            }
        }
    }

    static Stream<Boolean> resumptionKinds() {
        return Stream.of(true, false);
    }
}
