package dev.tlsref.handshake.tls12;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** tlsref's TLS 1.2 client and server against the JDK's own TLS 1.2 (SunJSSE), in this JVM, on 127.0.0.1. */
class Tls12JdkInteropTest {
    private static final Tls12TestPeers PEERS = new Tls12TestPeers();
    private static final int TIMEOUT_MS = 20_000;

    static Stream<CipherSuite> suites() {
        return Tls12TestPeers.ALL_SUITES.stream();
    }

    private static SSLContext jdkContext(boolean withClientKey) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        char[] password = "test".toCharArray();
        if (withClientKey) {
            keys.setKeyEntry("client", PEERS.clientLeaf.privateKey(), password,
                    new Certificate[] {PEERS.clientLeaf.certificate(), PEERS.ca.certificate()});
        } else {
            keys.setKeyEntry("ec", PEERS.ecLeaf.privateKey(), password,
                    new Certificate[] {PEERS.ecLeaf.certificate(), PEERS.ca.certificate()});
            keys.setKeyEntry("rsa", PEERS.rsaLeaf.privateKey(), password,
                    new Certificate[] {PEERS.rsaLeaf.certificate(), PEERS.ca.certificate()});
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(keys, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", PEERS.ca.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.2");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    @ParameterizedTest
    @MethodSource("suites")
    void tlsrefClientTalksToJdkServer(CipherSuite suite) throws Exception {
        SSLContext context = jdkContext(false);
        try (SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setEnabledProtocols(new String[] {"TLSv1.2"});
            listener.setEnabledCipherSuites(new String[] {suite.name()});
            listener.setNeedClientAuth(true);
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(TIMEOUT_MS);
                    String line = readLine(socket.getInputStream());
                    socket.getOutputStream().write(line.toUpperCase().getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    return socket.getSession().getCipherSuite();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            TlsConfig config = PEERS.client(suite).certifiedKey(PEERS.clientKey()).build();
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            try (TlsSocket tls = TlsSocket.client(socket, config, Tls12TestPeers.HOST)) {
                assertThat(tls.parameters().cipherSuite(), equalTo(suite));
                tls.getOutputStream().write("hello jdk\n".getBytes(StandardCharsets.US_ASCII));
                tls.getOutputStream().flush();
                assertThat(readLine(tls.getInputStream()), equalTo("HELLO JDK\n"));
            }
            assertThat(served.get(TIMEOUT_MS, TimeUnit.MILLISECONDS), equalTo(suite.name()));
        }
    }

    @ParameterizedTest
    @MethodSource("suites")
    void jdkClientTalksToTlsrefServer(CipherSuite suite) throws Exception {
        TlsConfig config = PEERS.server().clientAuth(ClientAuth.REQUIRED).build();
        try (Tls12ExternalPeer.TlsrefServer server = new Tls12ExternalPeer.TlsrefServer(config, 2)) {
            SSLContext context = jdkContext(true);
            for (int i = 0; i < 2; i++) {
                try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), TIMEOUT_MS);
                    socket.setSoTimeout(TIMEOUT_MS);
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setProtocols(new String[] {"TLSv1.2"});
                    parameters.setCipherSuites(new String[] {suite.name()});
                    parameters.setServerNames(java.util.List.of(new javax.net.ssl.SNIHostName(Tls12TestPeers.HOST)));
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    socket.setSSLParameters(parameters);
                    OutputStream out = socket.getOutputStream();
                    out.write("hello tlsref\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    assertThat(readLine(socket.getInputStream()), equalTo("HELLO TLSREF\n"));
                    assertThat(socket.getSession().getCipherSuite(), equalTo(suite.name()));
                }
            }
            server.awaitOutcomes(2);
            assertThat(server.outcomes.get(0), instanceOf(NegotiatedParameters.class));
            assertThat(((NegotiatedParameters) server.outcomes.get(0)).peerCertificates().isEmpty(), is(false));
            // The JDK client caches the session: the second connection resumes it.
            assertThat(((NegotiatedParameters) server.outcomes.get(1)).resumed(), is(true));
        }
    }

    private static String readLine(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            line.append((char) c);
            if (c == '\n') {
                break;
            }
        }
        return line.toString();
    }
}
