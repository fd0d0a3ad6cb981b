package dev.tlsref.handshake.tls13.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.message.CertificateVerify;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.KeyUpdate;
import dev.tlsref.core.message.Tls13Certificate;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The tlsref client against the tlsref server, in memory: what works end to end. */
class Tls13ClientInMemoryTest {
    private static final ClientTestPki PKI = new ClientTestPki();

    static Stream<Arguments> suitesAndGroups() {
        List<Arguments> out = new ArrayList<>();
        for (CipherSuite suite : TlsConfig.DEFAULT_TLS13_SUITES) {
            for (NamedGroup group : List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1,
                    NamedGroup.SECP521R1, NamedGroup.X448, NamedGroup.FFDHE2048, NamedGroup.X25519MLKEM768)) {
                out.add(Arguments.of(suite, group));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("suitesAndGroups")
    void completesAFullHandshakeWithEverySuiteAndGroup(CipherSuite suite, NamedGroup group) throws TlsAlertException {
        // JDK 17 has no ML-KEM: the hybrid group runs on the BouncyCastle provider.
        CryptoProvider crypto = group.equals(NamedGroup.X25519MLKEM768) ? CryptoProviders.bc() : CryptoProviders.jca();
        TlsConfig client = PKI.client().crypto(crypto).cipherSuites(List.of(suite)).groups(List.of(group)).build();
        InMemoryPair pair = new InMemoryPair(client, ClientTestPki.HOST,
                PKI.server(TestPki.KeyType.EC_P256).crypto(crypto).groups(List.of(group)).build()).handshake();
        NegotiatedParameters p = pair.clientChannel.negotiated;
        assertThat(pair.client.isComplete(), is(true));
        assertThat(pair.server.isComplete(), is(true));
        assertThat(p.cipherSuite(), equalTo(suite));
        assertThat(p.group(), equalTo(Optional.of(group)));
        assertThat(p.resumed(), is(false));
        assertThat(pair.client.exportKeyingMaterial("EXPERIMENTAL test", new byte[] {1}, 32),
                equalTo(pair.server.exportKeyingMaterial("EXPERIMENTAL test", new byte[] {1}, 32)));
        exchangesApplicationData(pair);
    }

    @ParameterizedTest
    @EnumSource(TestPki.KeyType.class)
    void verifiesEveryServerKeyType(TestPki.KeyType type) throws TlsAlertException {
        InMemoryPair pair = new InMemoryPair(PKI.client().build(), ClientTestPki.HOST, PKI.server(type).build())
                .handshake();
        assertThat(pair.clientChannel.negotiated.peerCertificates().get(0), equalTo(PKI.leaf(type).certificate()));
        assertThat(pair.clientChannel.negotiated.signatureScheme().isPresent(), is(true));
    }

    @Test
    void retriesWithTheGroupTheServerAsksFor() throws TlsAlertException {
        TlsConfig client = PKI.client().groups(List.of(NamedGroup.SECP256R1, NamedGroup.X25519))
                .keyShareGroups(List.of(NamedGroup.SECP256R1)).build();
        TlsConfig server = PKI.server(TestPki.KeyType.EC_P256).groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
                .build();
        InMemoryPair pair = new InMemoryPair(client, ClientTestPki.HOST, server).handshake();
        assertThat(pair.clientChannel.negotiated.group(), equalTo(Optional.of(NamedGroup.X25519)));
        long hellos = pair.clientChannel.sent.stream().filter(m -> m instanceof ClientHello).count();
        assertThat(hellos, equalTo(2L));
        exchangesApplicationData(pair);
    }

    @Test
    void authenticatesWithAClientCertificateWhenAsked() throws TlsAlertException {
        TestPki.Issued clientLeaf = PKI.pki.leaf("client").keyType(TestPki.KeyType.ED25519).issuedBy(PKI.root).build();
        TlsConfig client = PKI.client().certifiedKey(PKI.certifiedKey(clientLeaf)).build();
        TlsConfig server = PKI.server(TestPki.KeyType.RSA_2048).clientAuth(ClientAuth.REQUIRED).build();
        InMemoryPair pair = new InMemoryPair(client, ClientTestPki.HOST, server).handshake();
        assertThat(pair.serverChannel.negotiated.peerCertificates().get(0), equalTo(clientLeaf.certificate()));
        CertificateVerify cv = (CertificateVerify) pair.clientChannel.sent.stream()
                .filter(m -> m instanceof CertificateVerify).findFirst().orElseThrow();
        assertThat(cv.algorithm(), equalTo(SignatureScheme.ED25519));
    }

    @Test
    void sendsAnEmptyCertificateWhenItHasNone() throws TlsAlertException {
        TlsConfig server = PKI.server(TestPki.KeyType.EC_P256).clientAuth(ClientAuth.OPTIONAL).build();
        InMemoryPair pair = new InMemoryPair(PKI.client().build(), ClientTestPki.HOST, server).handshake();
        Tls13Certificate sent = (Tls13Certificate) pair.clientChannel.sent.stream()
                .filter(m -> m instanceof Tls13Certificate).findFirst().orElseThrow();
        assertThat(sent.entries(), is(empty()));
        assertThat(pair.server.isComplete(), is(true));
    }

    @Test
    void resumesWithATicketFromTheFirstConnection() throws TlsAlertException {
        TlsConfig client = PKI.client().alpnProtocols(List.of("h2")).build();
        TlsConfig server = PKI.server(TestPki.KeyType.EC_P256).alpnProtocols(List.of("h2")).build();
        new InMemoryPair(client, ClientTestPki.HOST, server).handshake();
        assertThat(client.clientSessionCache().size(), is(not(0)));

        InMemoryPair second = new InMemoryPair(client, ClientTestPki.HOST, server).handshake();
        NegotiatedParameters p = second.clientChannel.negotiated;
        assertThat(p.resumed(), is(true));
        assertThat(p.signatureScheme(), equalTo(Optional.empty()));
        assertThat(p.alpn(), equalTo(Optional.of("h2")));
        assertThat("the chain of the original connection", p.peerCertificates(), hasSize(1));
        assertThat(second.clientChannel.sent.stream().noneMatch(m -> m instanceof Tls13Certificate), is(true));
        exchangesApplicationData(second);
    }

    @Test
    void usesEachTicketOnce() throws TlsAlertException {
        TlsConfig client = PKI.client().build();
        TlsConfig server = PKI.server(TestPki.KeyType.EC_P256).build();
        new InMemoryPair(client, ClientTestPki.HOST, server).handshake();
        int tickets = client.clientSessionCache().size();
        new InMemoryPair(client, ClientTestPki.HOST, server).handshake();
        // One ticket taken, the resumed connection's own new ticket(s) added.
        assertThat(client.clientSessionCache().size(), equalTo(tickets - 1 + tickets));
    }

    @Test
    void doesNotOfferATicketToAnotherServerName() throws TlsAlertException {
        TlsConfig client = PKI.client()
                .certificateVerification(TlsConfig.CertificateVerification.INSECURE_TRUST_ANY_CERTIFICATE).build();
        TlsConfig server = PKI.server(TestPki.KeyType.EC_P256).build();
        new InMemoryPair(client, ClientTestPki.HOST, server).handshake();
        InMemoryPair other = new InMemoryPair(client, "other.test", server).handshake();
        assertThat(other.clientChannel.negotiated.resumed(), is(false));
    }

    @Test
    void updatesKeysBothWays() throws TlsAlertException {
        InMemoryPair pair = new InMemoryPair(PKI.client().build(), ClientTestPki.HOST,
                PKI.server(TestPki.KeyType.EC_P256).build()).handshake();
        pair.client.updateKeys(true);
        pair.pump();
        assertThat(pair.serverChannel.sent.stream().filter(m -> m instanceof KeyUpdate).count(), equalTo(1L));
        exchangesApplicationData(pair);
        pair.server.updateKeys(true);
        pair.pump();
        assertThat(pair.clientChannel.sent.stream().filter(m -> m instanceof KeyUpdate).count(), equalTo(2L));
        exchangesApplicationData(pair);
    }

    @Test
    void reportsEverySecretAndStep() throws TlsAlertException {
        List<String> labels = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        TlsConfig client = PKI.client().listener(new HandshakeListener() {
            @Override
            public void secretDerived(String label, byte[] clientRandom, byte[] secret) {
                labels.add(label);
            }

            @Override
            public void note(String step) {
                notes.add(step);
            }
        }).build();
        new InMemoryPair(client, ClientTestPki.HOST, PKI.server(TestPki.KeyType.EC_P256).build()).handshake();
        assertThat(labels, equalTo(List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET")));
        assertThat(notes.stream().anyMatch(n -> n.startsWith("server certificate chain validated to")), is(true));
        assertThat(notes.contains("server Finished verified"), is(true));
    }

    @Test
    void appliesTheServersRecordSizeLimit() throws TlsAlertException {
        InMemoryPair pair = new InMemoryPair(PKI.client().recordSizeLimit(1024).build(), ClientTestPki.HOST,
                PKI.server(TestPki.KeyType.EC_P256).recordSizeLimit(2048).build()).handshake();
        assertThat(pair.clientChannel.peerRecordSizeLimit, equalTo(2048));
        assertThat(pair.clientChannel.ownRecordSizeLimit, equalTo(1024));
    }

    @Test
    void sendsNoServerNameForAnIpAddress() throws TlsAlertException {
        TestPki.Issued ipLeaf = PKI.pki.leaf("ip").ipAddresses("127.0.0.1").issuedBy(PKI.root).build();
        TlsConfig server = PKI.server(TestPki.KeyType.EC_P256).certifiedKey(PKI.certifiedKey(ipLeaf)).build();
        InMemoryPair pair = new InMemoryPair(PKI.client().build(), "127.0.0.1", server).handshake();
        ClientHello hello = (ClientHello) pair.clientChannel.sent.get(0);
        assertThat(hello.extensions().contains(dev.tlsref.core.ExtensionType.SERVER_NAME), is(false));
        assertThat(pair.client.isComplete(), is(true));
    }

    private static void exchangesApplicationData(InMemoryPair pair) throws TlsAlertException {
        byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
        pair.clientChannel.writeApplicationData(ping);
        pair.serverChannel.writeApplicationData("pong".getBytes(StandardCharsets.US_ASCII));
        int clientSeen = pair.clientChannel.applicationData.size();
        int serverSeen = pair.serverChannel.applicationData.size();
        pair.pump();
        assertThat(new String(pair.serverChannel.applicationData.get(serverSeen), StandardCharsets.US_ASCII),
                equalTo("ping"));
        assertThat(new String(pair.clientChannel.applicationData.get(clientSeen), StandardCharsets.US_ASCII),
                equalTo("pong"));
    }
}
