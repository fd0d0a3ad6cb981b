package dev.tlsref.handshake.tls12;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tlsref's TLS 1.2 client against {@code gnutls-serv} and tlsref's server against
 * {@code gnutls-cli}, for the ECDHE and DHE suites. gnutls-bin is installed by {@code .ci/run};
 * these tests do not skip when it is missing.
 */
class Tls12GnuTlsInteropTest {
    private static final Tls12TestPeers PEERS = new Tls12TestPeers();
    @TempDir
    static Path directory;
    private static Map<String, Path> pem;

    @BeforeAll
    static void writeCertificates() throws IOException {
        pem = new java.util.HashMap<>(Tls12ExternalPeer.writePem(directory, PEERS));
        // GnuTLS 3.7 does not read a PKCS#8 EC key without its public key; OpenSSL rewrites it as SEC1 with one.
        Path sec1 = directory.resolve("ec-sec1.key");
        try (Tls12ExternalPeer convert = Tls12ExternalPeer.start(directory, List.of("openssl", "ec", "-in",
                pem.get("ec.key").toString(), "-out", sec1.toString()), null)) {
            if (convert.awaitExit() != 0) {
                throw new IOException("openssl ec failed: " + convert.output());
            }
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        pem.put("ec.key", sec1);
    }

    static Stream<CipherSuite> suites() {
        return Tls12TestPeers.ALL_SUITES.stream().filter(s -> s.keyExchange() != CipherSuite.KeyExchange.RSA);
    }

    /** A GnuTLS priority string allowing exactly this suite in TLS 1.2. */
    static String priority(CipherSuite suite) {
        String kx = switch (suite.keyExchange()) {
            case ECDHE -> suite.authentication() == CipherSuite.Authentication.ECDSA ? "ECDHE-ECDSA" : "ECDHE-RSA";
            case DHE -> "DHE-RSA";
            default -> throw new IllegalArgumentException(suite.name());
        };
        String cipher = switch (suite.aead()) {
            case AES_128_GCM -> "AES-128-GCM";
            case AES_256_GCM -> "AES-256-GCM";
            case CHACHA20_POLY1305 -> "CHACHA20-POLY1305";
            default -> throw new IllegalArgumentException(suite.name());
        };
        return "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+" + kx + ":-CIPHER-ALL:+" + cipher;
    }

    @ParameterizedTest
    @MethodSource("suites")
    void tlsrefClientTalksToGnuTlsServer(CipherSuite suite) throws Exception {
        int port = Tls12ExternalPeer.freePort();
        List<String> command = List.of("gnutls-serv", "--port", Integer.toString(port), "--echo",
                "--priority", priority(suite),
                "--x509certfile", pem.get("ec.pem").toString(), "--x509keyfile", pem.get("ec.key").toString(),
                "--x509certfile", pem.get("rsa.pem").toString(), "--x509keyfile", pem.get("rsa.key").toString());
        try (Tls12ExternalPeer server = Tls12ExternalPeer.start(directory, command, null)) {
            server.awaitOutput("listening");
            TlsConfig config = PEERS.client(suite).build();
            for (int i = 0; i < 2; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
                socket.setSoTimeout((int) Tls12ExternalPeer.TIMEOUT.toMillis());
                try (TlsSocket tls = TlsSocket.client(socket, config, Tls12TestPeers.HOST)) {
                    NegotiatedParameters parameters = tls.parameters();
                    assertThat(parameters.cipherSuite(), equalTo(suite));
                    assertThat(parameters.resumed(), equalTo(i == 1));
                    tls.getOutputStream().write("hello gnutls\n".getBytes(StandardCharsets.US_ASCII));
                    tls.getOutputStream().flush();
                    byte[] buffer = new byte[64];
                    int n = tls.getInputStream().read(buffer);
                    assertThat(new String(buffer, 0, n, StandardCharsets.US_ASCII), equalTo("hello gnutls\n"));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("suites")
    void gnuTlsClientTalksToTlsrefServer(CipherSuite suite) throws Exception {
        TlsConfig config = PEERS.server().build();
        try (Tls12ExternalPeer.TlsrefServer server = new Tls12ExternalPeer.TlsrefServer(config, 1)) {
            List<String> command = List.of("gnutls-cli", "--port", Integer.toString(server.port()),
                    "--priority", priority(suite), "--x509cafile", pem.get("ca.pem").toString(),
                    "--sni-hostname", Tls12TestPeers.HOST, "--verify-hostname", Tls12TestPeers.HOST, "127.0.0.1");
            try (Tls12ExternalPeer client = Tls12ExternalPeer.start(directory, command, "hello gnutls\n")) {
                client.awaitOutput("HELLO GNUTLS");
                client.closeInput();
                client.awaitExit();
                server.awaitOutcomes(1);
                assertThat(server.outcomes.get(0), instanceOf(NegotiatedParameters.class));
                assertThat(((NegotiatedParameters) server.outcomes.get(0)).cipherSuite(), equalTo(suite));
                assertThat(client.output(), containsString("TLS1.2"));
            }
        }
    }
}
