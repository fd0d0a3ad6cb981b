package dev.tlsref.handshake.tls13;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.extension.KeyShareClientHello;
import dev.tlsref.core.extension.KeyShareServerHello;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.KeyType;
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
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tlsref against BouncyCastle's JSSE provider (BCJSSE, bctls 1.84) in this JVM on 127.0.0.1,
 * both directions, for the hybrid post-quantum group X25519MLKEM768 (0x11ec,
 * draft-ietf-tls-ecdhe-mlkem) and for plain x25519.
 *
 * <p>BCJSSE 1.84 knows X25519MLKEM768 ({@code org.bouncycastle.tls.NamedGroup}) and enables
 * it per socket with {@link BCSSLParameters#setNamedGroups}. The provider is passed to
 * {@link SSLContext#getInstance(String, java.security.Provider)}; nothing is installed
 * globally.
 *
 * <p>BCJSSE offers and accepts the ecdsa_secp256r1_sha256 signature scheme only while
 * secp256r1 is among its enabled named groups (a TLS 1.2 habit it keeps in TLS 1.3), so its
 * list is {@code [group under test, secp256r1]} for the ECDSA P-256 certificates used here;
 * tlsref is allowed only the group under test, so the handshake can complete with no other
 * group. A BCJSSE client restricted so sends no hybrid key share in its first ClientHello
 * (seen in these tests: two ClientHellos for X25519MLKEM768, one for x25519), and tlsref's server answers with a HelloRetryRequest for X25519MLKEM768, so that
 * direction also exercises HRR with BCJSSE. BCJSSE has no API that reports the negotiated
 * group; tlsref's side checks it in its negotiated parameters and in the peer's key_share
 * (the ServerHello, or the last ClientHello).
 */
class Tls13BcJsseInteropTest {
    private static final String HOST = "localhost";
    private static final char[] PASSWORD = "test".toCharArray();
    private static final TestPki PKI = new TestPki();
    private static final TestPki.Issued ROOT = PKI.root("bcjsse interop root", KeyType.EC_P256);
    private static final TestPki.Issued LEAF = PKI.leaf(HOST).dnsNames(HOST).issuedBy(ROOT).build();

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private SSLServerSocket bcServer;
    private Tls13ServerInteropSupport tlsrefServer;

    @AfterEach
    void stop() throws Exception {
        if (bcServer != null) {
            bcServer.close();
        }
        if (tlsrefServer != null) {
            tlsrefServer.close();
        }
        executor.shutdownNow();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS), is(true));
    }

    static Stream<Arguments> groups() {
        return Stream.of(
                Arguments.of(NamedGroup.X25519MLKEM768, "X25519MLKEM768", CryptoProviders.bc()),
                Arguments.of(NamedGroup.X25519MLKEM768, "X25519MLKEM768", CryptoProviders.preferred()),
                Arguments.of(NamedGroup.X25519, "x25519", CryptoProviders.jca()),
                Arguments.of(NamedGroup.X25519, "x25519", CryptoProviders.bc()));
    }

    private static SSLContext bcContext(boolean withKey) throws Exception {
        BouncyCastleJsseProvider jsse = new BouncyCastleJsseProvider(new BouncyCastleProvider());
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root", ROOT.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", jsse);
        tmf.init(anchors);
        KeyManagerFactory kmf = null;
        if (withKey) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", LEAF.privateKey(), PASSWORD, new X509Certificate[] {LEAF.certificate()});
            kmf = KeyManagerFactory.getInstance("PKIX", jsse);
            kmf.init(keys, PASSWORD);
        }
        SSLContext context = SSLContext.getInstance("TLSv1.3", jsse);
        context.init(kmf != null ? kmf.getKeyManagers() : null, tmf.getTrustManagers(), null);
        return context;
    }

    /** Restricts a BCJSSE socket to TLS 1.3 and the group under test (see the class comment for secp256r1). */
    private static void onlyGroup(SSLSocket socket, String bcGroupName) {
        BCSSLSocket bc = (BCSSLSocket) socket;
        BCSSLParameters parameters = bc.getParameters();
        parameters.setProtocols(new String[] {"TLSv1.3"});
        parameters.setNamedGroups(new String[] {bcGroupName, "secp256r1"});
        bc.setParameters(parameters);
    }

    private static TlsConfig.Builder tlsref(NamedGroup group, CryptoProvider crypto, Recorder recorder) {
        return TlsConfig.builder()
                .crypto(crypto)
                .versions(List.of(ProtocolVersion.TLS1_3))
                .groups(List.of(group))
                .trustAnchors(List.of(ROOT.certificate()))
                .listener(recorder);
    }

    @ParameterizedTest(name = "{1} with {2}")
    @MethodSource("groups")
    void tlsrefClientHandshakesWithBcJsseServer(NamedGroup group, String bcName, CryptoProvider crypto)
            throws Exception {
        bcServer = (SSLServerSocket) bcContext(true).getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress());
        bcServer.setSoTimeout(20_000);
        Future<String> served = executor.submit(() -> {
            try (SSLSocket s = (SSLSocket) bcServer.accept()) {
                s.setSoTimeout(20_000);
                onlyGroup(s, bcName);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.US_ASCII));
                String line = in.readLine();
                OutputStream out = s.getOutputStream();
                out.write(("bc:" + line + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return s.getSession().getProtocol() + " " + s.getSession().getCipherSuite();
            }
        });

        Recorder recorder = new Recorder();
        Socket raw = new Socket();
        raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), bcServer.getLocalPort()), 20_000);
        raw.setSoTimeout(20_000);
        try (TlsSocket tls = TlsSocket.client(raw, tlsref(group, crypto, recorder).build(), HOST)) {
            tls.handshake();
            assertThat(tls.parameters().group(), equalTo(Optional.of(group)));
            tls.getOutputStream().write("hello bc\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(in.readLine(), equalTo("bc:hello bc"));
            String bcSession = served.get(20, TimeUnit.SECONDS);
            assertThat(bcSession, equalTo("TLSv1.3 " + tls.parameters().cipherSuite().name()));
        }
        ServerHello serverHello = recorder.first(ServerHello.class);
        assertThat(serverHello.extensions().find(KeyShareServerHello.class).orElseThrow().serverShare().group(),
                equalTo(group));
    }

    @ParameterizedTest(name = "{1} with {2}")
    @MethodSource("groups")
    void bcJsseClientHandshakesWithTlsrefServer(NamedGroup group, String bcName, CryptoProvider crypto)
            throws Exception {
        tlsrefServer = new Tls13ServerInteropSupport();
        Recorder recorder = new Recorder();
        TlsConfig config = tlsref(group, crypto, recorder)
                .certifiedKey(new CertifiedKey(List.of(LEAF.certificate()), LEAF.privateKey()))
                .build();
        var served = tlsrefServer.serveOne(config);

        SSLContext context = bcContext(false);
        Socket raw = new Socket(InetAddress.getLoopbackAddress(), tlsrefServer.port());
        raw.setSoTimeout(20_000);
        String protocol;
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, HOST,
                tlsrefServer.port(), true)) {
            onlyGroup(socket, bcName);
            socket.startHandshake();
            protocol = socket.getSession().getProtocol();
            socket.getOutputStream().write("hello tlsref\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(in.readLine(), equalTo("echo:hello tlsref"));
        }
        var result = Tls13ServerInteropSupport.await(served);
        assertThat(result.failure(), nullValue());
        assertThat(protocol, equalTo("TLSv1.3"));
        assertThat(result.parameters().group(), equalTo(Optional.of(group)));
        assertThat(result.lines(), equalTo(List.of("hello tlsref")));
        ClientHello hello = recorder.last(ClientHello.class);
        List<NamedGroup> offered = hello.extensions().find(KeyShareClientHello.class).orElseThrow()
                .shares().stream().map(share -> share.group()).toList();
        assertThat(offered, equalTo(List.of(group)));
    }

    /** Keeps the handshake messages tlsref received. */
    private static final class Recorder implements dev.tlsref.handshake.HandshakeListener {
        private final List<HandshakeMessage> received = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void messageReceived(HandshakeMessage message, byte[] encoded) {
            received.add(message);
        }

        <T extends HandshakeMessage> T last(Class<T> type) {
            return received.stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> b).orElseThrow();
        }

        <T extends HandshakeMessage> T first(Class<T> type) {
            return received.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
        }
    }
}
