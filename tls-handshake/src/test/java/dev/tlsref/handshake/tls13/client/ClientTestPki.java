package dev.tlsref.handshake.tls13.client;

import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.testing.TestPki;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One test PKI for the client tests: a root, and a leaf for "server.test" per key type. */
final class ClientTestPki {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String HOST = "server.test";

    final TestPki pki = new TestPki(NOW);
    final TestPki.Issued root = pki.root("Client Test Root", TestPki.KeyType.EC_P256);
    private final Map<TestPki.KeyType, TestPki.Issued> leaves = new EnumMap<>(TestPki.KeyType.class);

    synchronized TestPki.Issued leaf(TestPki.KeyType type) {
        return leaves.computeIfAbsent(type, t -> pki.leaf(HOST).keyType(t).dnsNames(HOST).issuedBy(root).build());
    }

    CertifiedKey certifiedKey(TestPki.Issued leaf) {
        return new CertifiedKey(TestPki.chain(leaf), leaf.privateKey());
    }

    /** A TLS 1.3 server with a leaf of this type. */
    TlsConfig.Builder server(TestPki.KeyType type) {
        return TlsConfig.builder()
                .versions(List.of(ProtocolVersion.TLS1_3))
                .clock(CLOCK)
                .certifiedKey(certifiedKey(leaf(type)))
                .trustAnchors(List.of(root.certificate()));
    }

    /** A client trusting the root, with the default versions (TLS 1.3 and 1.2 offered). */
    TlsConfig.Builder client() {
        return TlsConfig.builder().clock(CLOCK).trustAnchors(List.of(root.certificate()));
    }
}
