package dev.tlsref.handshake.tls13.client;

import static dev.tlsref.handshake.tls13.client.Rfc8448Trace.hex;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.record.ChangeCipherSpecPolicy;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.crypto.ScriptedRandom;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.session.ClientSession;
import dev.tlsref.handshake.tls13.Tls13ClientHandshake;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client side of RFC 8448 §3 (1-RTT), §5 (HelloRetryRequest) and §7 (compatibility mode),
 * byte for byte: the server's records of the RFC are fed in, and every secret and every record
 * the client writes must equal the RFC's.
 *
 * <p>Substituted, because NSS chose it freely: the ClientHello (NSS's extension list offers
 * groups, suites and extensions tlsref does not send in that order), through the config's
 * outgoing-message rewriter. The client's key shares come from the RFC's private keys, so the
 * substituted ClientHello carries the client's own public keys. The server's RSA certificate
 * (CN=rsa, no subjectAltName, expired since 2026) is accepted with
 * INSECURE_TRUST_ANY_CERTIFICATE; its CertificateVerify signature is still verified.
 */
class Rfc8448ClientTest {

    static Stream<CryptoProvider> providers() {
        return Stream.of(CryptoProviders.jca(), CryptoProviders.bc());
    }

    /** Collects secrets by NSS label. */
    static final class Secrets implements HandshakeListener {
        final Map<String, byte[]> byLabel = new HashMap<>();

        @Override
        public void secretDerived(String label, byte[] clientRandom, byte[] secret) {
            byLabel.put(label, secret.clone());
        }
    }

    private static TlsConfig.Builder config(CryptoProvider crypto, Rfc8448Trace trace, Secrets secrets,
            Map<NamedGroup, byte[]> keys, byte[]... randomDraws) {
        return TlsConfig.builder()
                .crypto(crypto)
                .random(new ScriptedRandom(randomDraws))
                .versions(List.of(ProtocolVersion.TLS1_3))
                .cipherSuites(TlsConfig.DEFAULT_TLS13_SUITES)
                .ephemeralPrivateKeysForTesting(g -> Optional.ofNullable(keys.get(g)))
                .certificateVerification(TlsConfig.CertificateVerification.INSECURE_TRUST_ANY_CERTIFICATE)
                .clock(Clock.fixed(Instant.parse("2016-08-01T00:00:00Z"), ZoneOffset.UTC))
                .listener(secrets);
    }

    /** Replaces each outgoing ClientHello by the next of the RFC's, in order. */
    private static java.util.function.UnaryOperator<HandshakeMessage> clientHellos(byte[]... rfcHellos) {
        int[] next = {0};
        return m -> {
            if (!(m instanceof ClientHello)) {
                return m;
            }
            try {
                byte[] rfc = rfcHellos[next[0]++];
                return ClientHello.decode(Arrays.copyOfRange(rfc, 4, rfc.length));
            } catch (TlsAlertException e) {
                throw new AssertionError(e);
            }
        };
    }

    private static byte[] random(byte[] clientHello) {
        return Arrays.copyOfRange(clientHello, 6, 38);
    }

    private static void assertSecrets(Secrets secrets, Rfc8448Trace trace) {
        assertThat(hex(secrets.byLabel.get("CLIENT_HANDSHAKE_TRAFFIC_SECRET")),
                equalTo(hex(trace.secret("client_handshake_traffic_secret"))));
        assertThat(hex(secrets.byLabel.get("SERVER_HANDSHAKE_TRAFFIC_SECRET")),
                equalTo(hex(trace.secret("server_handshake_traffic_secret"))));
        assertThat(hex(secrets.byLabel.get("CLIENT_TRAFFIC_SECRET_0")),
                equalTo(hex(trace.secret("client_application_traffic_secret_0"))));
        assertThat(hex(secrets.byLabel.get("SERVER_TRAFFIC_SECRET_0")),
                equalTo(hex(trace.secret("server_application_traffic_secret_0"))));
        assertThat(hex(secrets.byLabel.get("EXPORTER_SECRET")), equalTo(hex(trace.secret("exporter_master_secret"))));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void reproducesTheSimpleOneRttHandshake(CryptoProvider crypto) throws TlsAlertException {
        Rfc8448Trace trace = Rfc8448Trace.load("simple-1rtt.json");
        Secrets secrets = new Secrets();
        byte[] rfcHello = trace.message("client_hello");
        TlsConfig config = config(crypto, trace, secrets,
                Map.of(NamedGroup.X25519, trace.secret("client_x25519_private")), random(rfcHello))
                .middleboxCompatibility(false)
                .outgoingMessageRewriterForTesting(clientHellos(rfcHello))
                .build();
        FakeRecordChannel channel = new FakeRecordChannel();
        Tls13ClientHandshake client = new Tls13ClientHandshake(config, "server", channel);
        channel.handshake = client;

        client.start();
        List<byte[]> first = channel.takeRecords();
        assertThat(first, hasSize(1));
        assertThat(hex(first.get(0)), equalTo(hex(trace.record("client", "ClientHello"))));

        channel.receive(trace.record("server", "ServerHello"));
        channel.receive(trace.record("server", "EncryptedExtensions"));
        List<byte[]> second = channel.takeRecords();
        assertThat(second, hasSize(1));
        assertThat(hex(second.get(0)), equalTo(hex(trace.record("client", "client Finished"))));
        assertThat(client.isComplete(), is(true));
        assertSecrets(secrets, trace);

        assertThat(channel.negotiated.cipherSuite(), equalTo(CipherSuite.TLS_AES_128_GCM_SHA256));
        assertThat(channel.negotiated.group(), equalTo(Optional.of(NamedGroup.X25519)));
        assertThat(channel.negotiated.signatureScheme().orElseThrow().name(), equalTo("rsa_pss_rsae_sha256"));
        assertThat(channel.negotiated.resumed(), is(false));
        assertThat(channel.negotiated.peerCertificates(), hasSize(1));
        assertThat(channel.policies, contains(ChangeCipherSpecPolicy.DROP_TLS13_COMPATIBILITY,
                ChangeCipherSpecPolicy.REJECT));

        // NewSessionTicket under the server's application keys: the PSK of RFC 8448 §3 is kept.
        channel.receive(trace.record("server", "NewSessionTicket"));
        ClientSession session = config.clientSessionCache().take("server", config.clock().instant()).orElseThrow();
        assertThat(hex(session.psk()), equalTo(hex(trace.secret("resumption_psk"))));
        assertThat(session.cipherSuite(), equalTo(CipherSuite.TLS_AES_128_GCM_SHA256));

        // Application data both ways under the application traffic keys.
        channel.writeApplicationData(trace.payload("client", "application data"));
        assertThat(hex(channel.takeRecords().get(0)), equalTo(hex(trace.record("client", "application data"))));
        channel.receive(trace.record("server", "application data"));
        assertThat(hex(channel.applicationData.get(0)), equalTo(hex(trace.payload("server", "application data"))));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void reproducesTheHelloRetryRequestHandshake(CryptoProvider crypto) throws TlsAlertException {
        Rfc8448Trace trace = Rfc8448Trace.load("hrr.json");
        Secrets secrets = new Secrets();
        byte[] hello1 = trace.message("client_hello_1");
        byte[] hello2 = trace.message("client_hello_2");
        TlsConfig config = config(crypto, trace, secrets,
                Map.of(NamedGroup.X25519, trace.secret("client_initial_x25519_private"),
                        NamedGroup.SECP256R1, trace.secret("client_p256_private")), random(hello1))
                .middleboxCompatibility(false)
                .groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1))
                .keyShareGroups(List.of(NamedGroup.X25519))
                .outgoingMessageRewriterForTesting(clientHellos(hello1, hello2))
                .build();
        FakeRecordChannel channel = new FakeRecordChannel();
        Tls13ClientHandshake client = new Tls13ClientHandshake(config, "server", channel);
        channel.handshake = client;

        List<byte[]> rfcClient = trace.records("client");
        client.start();
        assertThat(hex(channel.takeRecords().get(0)), equalTo(hex(rfcClient.get(0))));
        channel.receive(trace.record("server", "HelloRetryRequest"));
        List<byte[]> retry = channel.takeRecords();
        assertThat(retry, hasSize(1));
        assertThat("second ClientHello, record version 0x0303", hex(retry.get(0)), equalTo(hex(rfcClient.get(1))));

        channel.receive(trace.record("server", "ServerHello"));
        channel.receive(trace.record("server", "EncryptedExtensions"));
        List<byte[]> finished = channel.takeRecords();
        assertThat(finished, hasSize(1));
        assertThat(hex(finished.get(0)), equalTo(hex(trace.record("client", "client Finished"))));
        assertSecrets(secrets, trace);
        assertThat(channel.negotiated.group(), equalTo(Optional.of(NamedGroup.SECP256R1)));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void reproducesTheCompatibilityModeHandshake(CryptoProvider crypto) throws TlsAlertException {
        Rfc8448Trace trace = Rfc8448Trace.load("compat-mode.json");
        Secrets secrets = new Secrets();
        byte[] hello = trace.message("client_hello");
        byte[] sessionId = Arrays.copyOfRange(hello, 39, 39 + 32);
        TlsConfig config = config(crypto, trace, secrets,
                Map.of(NamedGroup.X25519, trace.secret("client_x25519_private")), random(hello), sessionId)
                .middleboxCompatibility(true)
                .outgoingMessageRewriterForTesting(clientHellos(hello))
                .build();
        FakeRecordChannel channel = new FakeRecordChannel();
        Tls13ClientHandshake client = new Tls13ClientHandshake(config, "server", channel);
        channel.handshake = client;

        client.start();
        assertThat(hex(channel.takeRecords().get(0)), equalTo(hex(trace.record("client", "ClientHello"))));
        channel.receive(trace.record("server", "ServerHello"));
        channel.receive(trace.record("server", "dummy change_cipher_spec"));
        channel.receive(trace.record("server", "EncryptedExtensions"));
        List<byte[]> flight = channel.takeRecords();
        assertThat(flight, hasSize(2));
        assertThat(hex(flight.get(0)), equalTo(hex(trace.record("client", "dummy change_cipher_spec"))));
        assertThat(hex(flight.get(1)), equalTo(hex(trace.record("client", "client Finished"))));
        assertSecrets(secrets, trace);
    }

    /**
     * RFC 8448 §4, as far as a client that sends no 0-RTT data can follow it: the §3 ticket is
     * offered, the PSK binder (computed by the client over the RFC's ClientHello with its binder
     * zeroed) must come out as the RFC's, and every secret up to the application traffic
     * secrets must match. The client's Finished differs from the RFC's, whose transcript holds
     * an EndOfEarlyData this client does not send.
     */
    @ParameterizedTest
    @MethodSource("providers")
    void resumesWithTheTicketOfTheFirstHandshake(CryptoProvider crypto) throws TlsAlertException {
        Rfc8448Trace first = Rfc8448Trace.load("simple-1rtt.json");
        byte[] firstHello = first.message("client_hello");
        TlsConfig firstConfig = config(crypto, first, new Secrets(),
                Map.of(NamedGroup.X25519, first.secret("client_x25519_private")), random(firstHello))
                .middleboxCompatibility(false)
                .outgoingMessageRewriterForTesting(clientHellos(firstHello))
                .build();
        FakeRecordChannel firstChannel = new FakeRecordChannel();
        firstChannel.handshake = new Tls13ClientHandshake(firstConfig, "server", firstChannel);
        firstChannel.handshake.start();
        firstChannel.receive(first.record("server", "ServerHello"));
        firstChannel.receive(first.record("server", "EncryptedExtensions"));
        firstChannel.receive(first.record("server", "NewSessionTicket"));

        Rfc8448Trace trace = Rfc8448Trace.load("resumed-0rtt.json");
        Secrets secrets = new Secrets();
        byte[] rfcHello = trace.message("client_hello");
        byte[] zeroBinder = rfcHello.clone();
        java.util.Arrays.fill(zeroBinder, zeroBinder.length - 32, zeroBinder.length, (byte) 0);
        TlsConfig config = config(crypto, trace, secrets,
                Map.of(NamedGroup.X25519, trace.secret("client_x25519_private")), random(rfcHello))
                .middleboxCompatibility(false)
                .clientSessionCache(firstConfig.clientSessionCache())
                .outgoingMessageRewriterForTesting(clientHellos(zeroBinder))
                .build();
        FakeRecordChannel channel = new FakeRecordChannel();
        Tls13ClientHandshake client = new Tls13ClientHandshake(config, "server", channel);
        channel.handshake = client;

        client.start();
        assertThat("ClientHello with the binder the client computed", hex(channel.takeRecords().get(0)),
                equalTo(hex(trace.record("client", "ClientHello"))));
        channel.receive(trace.record("server", "ServerHello"));
        channel.receive(trace.record("server", "EncryptedExtensions"));
        assertThat(client.isComplete(), is(true));
        assertThat(channel.negotiated.resumed(), is(true));
        assertSecrets(secrets, trace);
        assertThat("the ticket was used up", config.clientSessionCache().size(), equalTo(0));
    }
}
