package dev.tlsref.handshake.tls12;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsConnection;
import dev.tlsref.handshake.testing.TestPki;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Certificates, configs and an in-memory pump shared by the TLS 1.2 tests. */
final class Tls12TestPeers {
    static final String HOST = "localhost";

    /** The suites of issue 5, in the order tests run them. */
    static final List<CipherSuite> ALL_SUITES = List.of(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384);

    final TestPki pki = new TestPki();
    final TestPki.Issued ca = pki.root("tlsref TLS 1.2 test CA", TestPki.KeyType.EC_P256);
    final TestPki.Issued ecLeaf = pki.leaf(HOST).dnsNames(HOST).ipAddresses("127.0.0.1").issuedBy(ca).build();
    final TestPki.Issued rsaLeaf = pki.leaf(HOST).keyType(TestPki.KeyType.RSA_2048).dnsNames(HOST)
            .ipAddresses("127.0.0.1").issuedBy(ca).build();
    final TestPki.Issued clientLeaf = pki.leaf("tlsref client").issuedBy(ca).build();

    CertifiedKey ecKey() {
        return new CertifiedKey(TestPki.chain(ecLeaf, ca), ecLeaf.privateKey());
    }

    CertifiedKey rsaKey() {
        return new CertifiedKey(TestPki.chain(rsaLeaf, ca), rsaLeaf.privateKey());
    }

    CertifiedKey clientKey() {
        return new CertifiedKey(TestPki.chain(clientLeaf, ca), clientLeaf.privateKey());
    }

    List<X509Certificate> anchors() {
        return List.of(ca.certificate());
    }

    /** A server with both certificates, TLS 1.3 and 1.2, static RSA allowed. */
    TlsConfig.Builder server() {
        return TlsConfig.builder().certifiedKeys(List.of(ecKey(), rsaKey())).trustAnchors(anchors())
                .cipherSuites(concat(TlsConfig.DEFAULT_TLS13_SUITES, ALL_SUITES)).rsaKeyExchange(true);
    }

    /** A TLS 1.2-only client offering one suite. */
    TlsConfig.Builder client(CipherSuite suite) {
        return TlsConfig.builder().versions(List.of(ProtocolVersion.TLS1_2)).trustAnchors(anchors())
                .cipherSuites(List.of(suite)).rsaKeyExchange(suite.keyExchange() == CipherSuite.KeyExchange.RSA);
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Moves bytes between the two until neither has any to send. A failure on one side is
     * thrown after its alert has been delivered to the other.
     */
    static void pump(TlsConnection client, TlsConnection server) throws TlsAlertException {
        client.start();
        server.start();
        for (int round = 0; round < 50 && (client.hasOutput() || server.hasOutput()); round++) {
            if (client.hasOutput()) {
                server.receive(java.nio.ByteBuffer.wrap(client.takeOutput()));
            }
            if (server.hasOutput()) {
                client.receive(java.nio.ByteBuffer.wrap(server.takeOutput()));
            }
        }
    }

    /** Collects NSS key log lines and notes. */
    static final class Recorder implements HandshakeListener {
        final Map<String, String> clientRandomSecrets = new ConcurrentHashMap<>();
        final List<String> notes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void secretDerived(String label, byte[] clientRandom, byte[] secret) {
            if (label.equals("CLIENT_RANDOM")) {
                clientRandomSecrets.put(HexFormat.of().formatHex(clientRandom), HexFormat.of().formatHex(secret));
            }
        }

        @Override
        public void note(String step) {
            notes.add(step);
        }
    }
}
