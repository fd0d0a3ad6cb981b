package dev.tlsref.handshake.tls13.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import dev.tlsref.handshake.testing.TestPki;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tlsref client against the JDK's own TLS 1.3 server (SunJSSE SSLServerSocket) in this JVM,
 * on 127.0.0.1: the server echoes each line in upper case.
 */
class JdkServerInteropTest {
    private static final String HOST = "server.test";
    private static final char[] PASSWORD = "test".toCharArray();
    private static final TestPki PKI = new TestPki();
    private static final TestPki.Issued ROOT = PKI.root("JDK Interop Root", TestPki.KeyType.EC_P256);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private SSLServerSocket serverSocket;

    @AfterEach
    void stop() throws Exception {
        if (serverSocket != null) {
            serverSocket.close();
        }
        executor.shutdownNow();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS), is(true));
    }

    private SSLServerSocket startServer(TestPki.Issued leaf, boolean needClientAuth, int connections) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", leaf.privateKey(), PASSWORD, new X509Certificate[] {leaf.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(keys, PASSWORD);
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root", ROOT.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(anchors);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        serverSocket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress());
        serverSocket.setEnabledProtocols(new String[] {"TLSv1.3"});
        serverSocket.setNeedClientAuth(needClientAuth);
        serverSocket.setSoTimeout(10_000);
        for (int i = 0; i < connections; i++) {
            Future<?> ignored = executor.submit(() -> {
                try (SSLSocket s = (SSLSocket) serverSocket.accept()) {
                    s.setSoTimeout(10_000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.US_ASCII));
                    OutputStream out = s.getOutputStream();
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        out.write((line.toUpperCase() + "\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }
                return null;
            });
        }
        return serverSocket;
    }

    private static TlsSocket connect(int port, TlsConfig config) throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(10_000);
        TlsSocket tls = TlsSocket.client(socket, config, HOST);
        tls.handshake();
        return tls;
    }

    private static void echoes(TlsSocket tls, String line) throws Exception {
        tls.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
        assertThat(in.readLine(), equalTo(line.toUpperCase()));
    }

    private static TlsConfig.Builder client() {
        return TlsConfig.builder().trustAnchors(List.of(ROOT.certificate()));
    }

    @ParameterizedTest
    @EnumSource(value = TestPki.KeyType.class, names = {"EC_P256", "EC_P384", "RSA_2048"})
    void handshakesWithTheJdkServer(TestPki.KeyType type) throws Exception {
        TestPki.Issued leaf = PKI.leaf(HOST).keyType(type).dnsNames(HOST).issuedBy(ROOT).build();
        int port = startServer(leaf, false, 1).getLocalPort();
        try (TlsSocket tls = connect(port, client().build())) {
            NegotiatedParameters p = tls.parameters();
            assertThat(p.version(), equalTo(ProtocolVersion.TLS1_3));
            echoes(tls, "hello jdk");
        }
    }

    @Test
    void handshakesWithEverySuite() throws Exception {
        TestPki.Issued leaf = PKI.leaf(HOST).dnsNames(HOST).issuedBy(ROOT).build();
        int port = startServer(leaf, false, 3).getLocalPort();
        for (CipherSuite suite : TlsConfig.DEFAULT_TLS13_SUITES) {
            try (TlsSocket tls = connect(port, client().cipherSuites(List.of(suite)).build())) {
                assertThat(tls.parameters().cipherSuite(), equalTo(suite));
                echoes(tls, "suite " + suite.name());
            }
        }
    }

    @Test
    void authenticatesToAJdkServerThatNeedsAClientCertificate() throws Exception {
        TestPki.Issued leaf = PKI.leaf(HOST).dnsNames(HOST).issuedBy(ROOT).build();
        TestPki.Issued clientLeaf = PKI.leaf("client").keyType(TestPki.KeyType.RSA_2048).issuedBy(ROOT).build();
        int port = startServer(leaf, true, 1).getLocalPort();
        TlsConfig config = client().certifiedKey(new CertifiedKey(TestPki.chain(clientLeaf), clientLeaf.privateKey()))
                .build();
        try (TlsSocket tls = connect(port, config)) {
            echoes(tls, "mutual");
        }
    }

    @Test
    void resumesWithAJdkTicketAndUpdatesKeys() throws Exception {
        TestPki.Issued leaf = PKI.leaf(HOST).dnsNames(HOST).issuedBy(ROOT).build();
        int port = startServer(leaf, false, 2).getLocalPort();
        TlsConfig config = client().build();
        try (TlsSocket first = connect(port, config)) {
            echoes(first, "first");
        }
        assertThat(config.clientSessionCache().size() > 0, is(true));
        try (TlsSocket second = connect(port, config)) {
            assertThat(second.parameters().resumed(), is(true));
            echoes(second, "resumed");
            second.connection().updateKeys(true);
            echoes(second, "after key update");
        }
    }
}
