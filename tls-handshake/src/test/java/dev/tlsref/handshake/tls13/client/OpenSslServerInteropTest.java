package dev.tlsref.handshake.tls13.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.KeyUpdate;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import dev.tlsref.handshake.testing.TestPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tlsref TLS 1.3 client against {@code openssl s_server -tls1_3} (OpenSSL 3.0) on
 * 127.0.0.1, through {@link TlsSocket}: every suite, the groups x25519, secp256r1, secp384r1
 * and x448, ECDSA / RSA / Ed25519 certificates, client authentication, HelloRetryRequest,
 * resumption and KeyUpdate. Application data is checked both ways with {@code -rev} (the
 * server answers each line reversed) or by reading the server's output.
 */
class OpenSslServerInteropTest {
    private static final String HOST = "server.test";
    private static final Map<NamedGroup, String> OPENSSL_GROUP = Map.of(NamedGroup.X25519, "x25519",
            NamedGroup.SECP256R1, "P-256", NamedGroup.SECP384R1, "P-384", NamedGroup.X448, "x448");
    private static final TestPki PKI = new TestPki();
    private static final TestPki.Issued ROOT = PKI.root("Interop Root", TestPki.KeyType.EC_P256);

    @TempDir
    static Path dir;

    @BeforeAll
    static void requireOpenSsl() throws IOException {
        assertThat("openssl must be installed for the interop tests", OpenSslServer.available(), is(true));
        OpenSslServer.writePem(dir, "root.pem", ROOT.certificate());
        for (TestPki.KeyType type : List.of(TestPki.KeyType.EC_P256, TestPki.KeyType.RSA_2048,
                TestPki.KeyType.ED25519, TestPki.KeyType.EC_P384, TestPki.KeyType.RSA_PSS_2048)) {
            TestPki.Issued leaf = PKI.leaf(HOST).keyType(type).dnsNames(HOST).issuedBy(ROOT).build();
            OpenSslServer.writePem(dir, type + "-cert.pem", leaf.certificate());
            OpenSslServer.writePem(dir, type + "-key.pem", leaf.privateKey());
        }
    }

    private static String[] serverArgs(TestPki.KeyType type, String... more) {
        List<String> args = new ArrayList<>(List.of("-tls1_3", "-cert", type + "-cert.pem", "-key", type + "-key.pem"));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    private static TlsConfig.Builder client() {
        return TlsConfig.builder().trustAnchors(List.of(ROOT.certificate()));
    }

    private static TlsSocket connect(OpenSslServer server, TlsConfig config) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
        socket.setSoTimeout(10_000);
        TlsSocket tls = TlsSocket.client(socket, config, HOST);
        tls.handshake();
        return tls;
    }

    /** Sends a line; s_server -rev answers it reversed. */
    private static void echoesReversed(TlsSocket tls, String line) throws IOException {
        OutputStream out = tls.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
        assertThat(in.readLine(), equalTo(new StringBuilder(line).reverse().toString()));
    }

    static Stream<Arguments> suitesAndGroups() {
        List<Arguments> out = new ArrayList<>();
        for (CipherSuite suite : TlsConfig.DEFAULT_TLS13_SUITES) {
            for (NamedGroup group : OPENSSL_GROUP.keySet().stream().sorted((a, b) -> a.code() - b.code()).toList()) {
                out.add(Arguments.of(suite, group));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("suitesAndGroups")
    void handshakesWithEverySuiteAndGroup(CipherSuite suite, NamedGroup group) throws Exception {
        try (OpenSslServer server = OpenSslServer.start(dir, serverArgs(TestPki.KeyType.EC_P256, "-rev",
                "-naccept", "1", "-ciphersuites", suite.name(), "-groups", OPENSSL_GROUP.get(group)))) {
            TlsConfig config = client().cipherSuites(List.of(suite)).groups(List.of(group)).build();
            try (TlsSocket tls = connect(server, config)) {
                NegotiatedParameters p = tls.parameters();
                assertThat(p.version(), equalTo(ProtocolVersion.TLS1_3));
                assertThat(p.cipherSuite(), equalTo(suite));
                assertThat(p.group(), equalTo(Optional.of(group)));
                echoesReversed(tls, "hello " + suite.name());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestPki.KeyType.class, names = {"EC_P256", "EC_P384", "RSA_2048", "RSA_PSS_2048", "ED25519"})
    void verifiesEachCertificateType(TestPki.KeyType type) throws Exception {
        try (OpenSslServer server = OpenSslServer.start(dir, serverArgs(type, "-rev", "-naccept", "1"))) {
            try (TlsSocket tls = connect(server, client().build())) {
                assertThat(tls.parameters().signatureScheme().isPresent(), is(true));
                echoesReversed(tls, "signed by " + type);
            }
        }
    }

    @Test
    void authenticatesWithAClientCertificate() throws Exception {
        TestPki.Issued clientLeaf = PKI.leaf("client").keyType(TestPki.KeyType.EC_P256).issuedBy(ROOT).build();
        TlsConfig config = client().certifiedKey(new CertifiedKey(TestPki.chain(clientLeaf), clientLeaf.privateKey()))
                .build();
        try (OpenSslServer server = OpenSslServer.start(dir, serverArgs(TestPki.KeyType.RSA_2048, "-rev",
                "-naccept", "1", "-Verify", "1", "-CAfile", "root.pem"))) {
            try (TlsSocket tls = connect(server, config)) {
                echoesReversed(tls, "with a client certificate");
            }
        }
    }

    @Test
    void isRefusedWithoutTheClientCertificateOpenSslRequires() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(dir, serverArgs(TestPki.KeyType.EC_P256, "-rev",
                "-naccept", "1", "-Verify", "1", "-CAfile", "root.pem"))) {
            // TLS 1.3: the client's Finished is sent before the server can refuse; the refusal
            // (certificate_required) arrives as an alert on the first read.
            assertThrows(IOException.class, () -> {
                try (TlsSocket tls = connect(server, client().build())) {
                    echoesReversed(tls, "no certificate");
                }
            });
        }
    }

    /** A server that speaks only TLS 1.2: the TLS 1.2 client takes over from the ServerHello. */
    @Test
    void continuesWithTls12WhenTheServerChoosesIt() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(dir, "-tls1_2", "-cert", "EC_P256-cert.pem", "-key",
                "EC_P256-key.pem", "-rev", "-naccept", "1")) {
            try (TlsSocket tls = connect(server, client().build())) {
                NegotiatedParameters p = tls.parameters();
                assertThat(p.version(), equalTo(ProtocolVersion.TLS1_2));
                assertThat(p.cipherSuite().isTls13(), is(false));
                echoesReversed(tls, "over TLS 1.2");
            }
        }
    }

    /**
     * OpenSSL 3.0 accepts any share for a group it supports, whatever its -groups order, so the
     * retry is provoked by a share for a group it does not support at all.
     */
    @Test
    void retriesWithTheGroupTheServerAsksFor() throws Exception {
        AtomicInteger hellos = new AtomicInteger();
        TlsConfig config = client().groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
                .keyShareGroups(List.of(NamedGroup.X25519))
                .listener(new HandshakeListener() {
                    @Override
                    public void messageSent(HandshakeMessage message, byte[] encoded) {
                        if (message instanceof ClientHello) {
                            hellos.incrementAndGet();
                        }
                    }
                }).build();
        try (OpenSslServer server = OpenSslServer.start(dir, serverArgs(TestPki.KeyType.EC_P256, "-rev",
                "-naccept", "1", "-groups", "P-256"))) {
            try (TlsSocket tls = connect(server, config)) {
                assertThat(tls.parameters().group(), equalTo(Optional.of(NamedGroup.SECP256R1)));
                assertThat(hellos.get(), equalTo(2));
                echoesReversed(tls, "after a HelloRetryRequest");
            }
        }
    }

    @Test
    void resumesWithAnOpenSslTicket() throws Exception {
        TlsConfig config = client().build();
        try (OpenSslServer server = OpenSslServer.start(dir, serverArgs(TestPki.KeyType.EC_P256, "-rev",
                "-naccept", "2", "-num_tickets", "2"))) {
            try (TlsSocket first = connect(server, config)) {
                assertThat(first.parameters().resumed(), is(false));
                echoesReversed(first, "first connection"); // the tickets arrive before the answer
            }
            assertThat(config.clientSessionCache().size(), equalTo(2));
            try (TlsSocket second = connect(server, config)) {
                assertThat(second.parameters().resumed(), is(true));
                echoesReversed(second, "resumed connection");
            }
        }
    }

    private static TlsConfig countingKeyUpdates(AtomicInteger keyUpdates) {
        return client().listener(new HandshakeListener() {
            @Override
            public void messageReceived(HandshakeMessage message, byte[] encoded) {
                if (message instanceof KeyUpdate) {
                    keyUpdates.incrementAndGet();
                }
            }
        }).build();
    }

    /**
     * s_server's 'K' command sends KeyUpdate(update_requested). s_server writes what it
     * receives to a block-buffered stdout, so the test observes the client's side only: the
     * line typed after 'K' arrives under the server's new keys, and after the client's answer
     * and a line of its own under its new keys, a further server line still arrives (OpenSSL
     * would have ended the connection with an alert on a record it could not decrypt).
     */
    @Test
    void updatesKeysWhenOpenSslAsks() throws Exception {
        AtomicInteger keyUpdates = new AtomicInteger();
        try (OpenSslServer server = OpenSslServer.start(dir, serverArgs(TestPki.KeyType.EC_P256, "-naccept", "1"))) {
            try (TlsSocket tls = connect(server, countingKeyUpdates(keyUpdates))) {
                BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(),
                        StandardCharsets.US_ASCII));
                OutputStream out = tls.getOutputStream();
                server.awaitLine("CIPHER is");
                server.type("K");
                // s_server reads stdin in one go and prints nothing for 'K': give it a moment so
                // that the next line is not swallowed with the command.
                Thread.sleep(500);
                server.type("after server key update");
                assertThat(in.readLine(), equalTo("after server key update"));
                assertThat(keyUpdates.get(), equalTo(1));
                server.awaitLine("Read BLOCK"); // s_server has processed our KeyUpdate
                out.write("client line under new keys\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(200);
                server.type("still connected");
                assertThat(in.readLine(), equalTo("still connected"));
            }
        }
    }

    /** The client updates its keys and asks OpenSSL to update too; s_server -rev answers under its new keys. */
    @Test
    void updatesKeysAndAsksOpenSslToUpdate() throws Exception {
        AtomicInteger keyUpdates = new AtomicInteger();
        try (OpenSslServer server = OpenSslServer.start(dir, serverArgs(TestPki.KeyType.EC_P256, "-rev",
                "-naccept", "1"))) {
            try (TlsSocket tls = connect(server, countingKeyUpdates(keyUpdates))) {
                echoesReversed(tls, "before the update");
                tls.connection().updateKeys(true);
                echoesReversed(tls, "after the update");
                assertThat("OpenSSL answered update_requested with its own KeyUpdate", keyUpdates.get(), equalTo(1));
                tls.connection().updateKeys(false);
                echoesReversed(tls, "after a second update");
                assertThat(keyUpdates.get(), equalTo(1));
            }
        }
    }
}
