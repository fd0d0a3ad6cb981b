package dev.tlsref.handshake.tls13;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.tlsref.core.NamedGroup;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.KeyType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tlsref TLS 1.3 server against the JDK's own TLS client (SSLSocket), in the same JVM over 127.0.0.1. */
class Tls13ServerJdkClientTest {
    private static final TestPki PKI = new TestPki();
    private static final TestPki.Issued ROOT = PKI.root("jdk interop root", KeyType.EC_P256);
    private static final char[] PASSWORD = "test".toCharArray();

    private Tls13ServerInteropSupport server;

    @BeforeEach
    void start() throws Exception {
        server = new Tls13ServerInteropSupport();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private TlsConfig.Builder serverConfig(Tls13ServerTestSupport.Recorder recorder) {
        TestPki.Issued leaf = PKI.leaf("localhost").dnsNames("localhost").issuedBy(ROOT).build();
        return TlsConfig.builder().certifiedKey(new CertifiedKey(List.of(leaf.certificate()), leaf.privateKey()))
                .listener(recorder);
    }

    private static SSLContext jdkContext(TestPki.Issued clientCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", ROOT.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (clientCertificate != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", clientCertificate.privateKey(), PASSWORD,
                    new java.security.cert.Certificate[] {clientCertificate.certificate()});
            kmf = KeyManagerFactory.getInstance("SunX509");
            kmf.init(keys, PASSWORD);
        }
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf != null ? kmf.getKeyManagers() : null, tmf.getTrustManagers(), null);
        return context;
    }

    /** Connects, checks one echoed line, closes; returns the JDK's view of the session. */
    private javax.net.ssl.SSLSession talk(SSLContext context, String line) throws Exception {
        Socket raw = new Socket(InetAddress.getLoopbackAddress(), server.port());
        raw.setSoTimeout(Tls13ServerInteropSupport.TIMEOUT_MILLIS);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, "localhost", server.port(),
                true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3"});
            parameters.setServerNames(List.of(new SNIHostName("localhost")));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            assertThat(in.readLine(), equalTo("echo:" + line));
            return socket.getSession();
        }
    }

    @Test
    void servesTheJdkClient() throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        var served = server.serveOne(serverConfig(recorder).build());
        var session = talk(jdkContext(null), "hello jdk");
        var result = Tls13ServerInteropSupport.await(served);
        assertThat(result.failure(), nullValue());
        assertThat(session.getProtocol(), equalTo("TLSv1.3"));
        assertThat(session.getCipherSuite(), equalTo(result.parameters().cipherSuite().name()));
        assertThat(result.parameters().serverName(), equalTo(Optional.of("localhost")));
        assertThat(result.lines(), equalTo(List.of("hello jdk")));
    }

    @Test
    void verifiesTheJdkClientsCertificate() throws Exception {
        TestPki.Issued clientRoot = PKI.root("jdk client root", KeyType.EC_P256);
        TestPki.Issued client = PKI.leaf("jdk client").keyType(KeyType.EC_P384).issuedBy(clientRoot).build();
        var recorder = new Tls13ServerTestSupport.Recorder();
        var served = server.serveOne(serverConfig(recorder).clientAuth(ClientAuth.REQUIRED)
                .trustAnchors(List.of(clientRoot.certificate())).build());
        talk(jdkContext(client), "mutual");
        var result = Tls13ServerInteropSupport.await(served);
        assertThat(result.failure(), nullValue());
        assertThat(result.parameters().peerCertificates(), equalTo(List.of(client.certificate())));
        assertThat(recorder.notes, hasItem("client CertificateVerify signature verified (ecdsa_secp384r1_sha384)"));
    }

    @Test
    void asksTheJdkClientForAnotherShare() throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        var served = server.serveOne(serverConfig(recorder).groups(List.of(NamedGroup.SECP384R1, NamedGroup.X25519))
                .build());
        talk(jdkContext(null), "retry");
        var result = Tls13ServerInteropSupport.await(served);
        assertThat(result.failure(), nullValue());
        assertThat(result.parameters().group(), equalTo(Optional.of(NamedGroup.SECP384R1)));
        assertThat(recorder.notes, hasItem("HelloRetryRequest sent: client has no key share for secp384r1"));
    }

    @Test
    void resumesTheJdkClientsSession() throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        TlsConfig config = serverConfig(recorder).build();
        SSLContext context = jdkContext(null);
        var first = server.serveOne(config);
        talk(context, "first");
        assertThat(Tls13ServerInteropSupport.await(first).parameters().resumed(), is(false));
        var second = server.serveOne(config);
        talk(context, "second");
        var result = Tls13ServerInteropSupport.await(second);
        assertThat(result.failure(), nullValue());
        assertThat(result.parameters().resumed(), is(true));
    }
}
