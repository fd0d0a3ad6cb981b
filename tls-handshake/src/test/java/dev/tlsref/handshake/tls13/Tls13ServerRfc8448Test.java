package dev.tlsref.handshake.tls13;

import static dev.tlsref.handshake.tls13.Tls13ServerTestSupport.HEX;
import static dev.tlsref.handshake.tls13.Tls13ServerTestSupport.certificates;
import static dev.tlsref.handshake.tls13.Tls13ServerTestSupport.decode;
import static dev.tlsref.handshake.tls13.Tls13ServerTestSupport.hex;
import static dev.tlsref.handshake.tls13.Tls13ServerTestSupport.load;
import static dev.tlsref.handshake.tls13.Tls13ServerTestSupport.message;
import static dev.tlsref.handshake.tls13.Tls13ServerTestSupport.record;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.extension.Cookie;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.PreSharedKeyClientHello;
import dev.tlsref.core.message.CertificateVerify;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.core.message.Tls13NewSessionTicket;
import dev.tlsref.crypto.ScriptedRandom;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.session.TicketState;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The server side of RFC 8448 §3-§7 byte for byte. The client's records are fed from the
 * trace; ServerHello, every protected server record and every secret must come out as in the
 * RFC. Substituted with outgoingMessageRewriterForTesting, because NSS chose their content
 * freely: EncryptedExtensions (NSS sends supported_groups and its own extension order), the
 * NewSessionTicket (NSS's opaque ticket), the CertificateRequest of §6 (NSS's scheme list) and
 * the HelloRetryRequest of §5 (NSS's cookie; our own HRR is checked to equal it without the
 * cookie).
 */
class Tls13ServerRfc8448Test {
    static final Instant IN_CERT_VALIDITY = Instant.parse("2020-01-01T00:00:00Z");

    /** Substitutes the RFC's version of each listed message type; records what we built. */
    static UnaryOperator<HandshakeMessage> substitute(List<HandshakeMessage> ours, byte[]... rfcMessages) {
        return m -> {
            for (byte[] rfc : rfcMessages) {
                if (rfc[0] == (byte) m.type().code() && sameForm(m, rfc)) {
                    ours.add(m);
                    try {
                        return decode(rfc);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return m;
        };
    }

    private static boolean sameForm(HandshakeMessage m, byte[] rfc) {
        // ServerHello and HelloRetryRequest share a type: substitute only a HelloRetryRequest.
        if (m instanceof ServerHello sh) {
            return sh.isHelloRetryRequest();
        }
        return true;
    }

    static byte[] serverRandom(byte[] serverHello) {
        return Arrays.copyOfRange(serverHello, 6, 38);
    }

    static byte[] salt(JsonNode trace, String certificate, String certificateVerify) throws Exception {
        X509Certificate leaf = certificates(message(trace, certificate)).get(0);
        CertificateVerify cv = (CertificateVerify) decode(message(trace, certificateVerify));
        return Tls13ServerTestSupport.pssSalt((RSAPublicKey) leaf.getPublicKey(), cv.signature());
    }

    static TlsConfig.Builder config(JsonNode trace, String certificateMessage, Tls13ServerTestSupport.Recorder recorder,
            byte[]... draws) throws Exception {
        JsonNode s = trace.get("secrets");
        return TlsConfig.builder()
                .random(new ScriptedRandom(draws))
                .certifiedKey(new CertifiedKey(certificates(message(trace, certificateMessage)),
                        Tls13ServerTestSupport.serverRsaKey()))
                .ephemeralPrivateKeysForTesting(g -> {
                    if (g.equals(NamedGroup.X25519) && s.has("server_x25519_private")) {
                        return Optional.of(hex(s, "server_x25519_private"));
                    }
                    if (g.equals(NamedGroup.SECP256R1) && s.has("server_p256_private")) {
                        return Optional.of(hex(s, "server_p256_private"));
                    }
                    return Optional.empty();
                })
                .recordSizeLimit(16385)
                .listener(recorder);
    }

    static void assertRecord(byte[] actual, byte[] expected) {
        assertThat(HEX.formatHex(actual), equalTo(HEX.formatHex(expected)));
    }

    static void assertSecrets(Map<String, byte[]> secrets, JsonNode trace) {
        JsonNode s = trace.get("secrets");
        assertThat(HEX.formatHex(secrets.get("CLIENT_HANDSHAKE_TRAFFIC_SECRET")),
                equalTo(s.get("client_handshake_traffic_secret").asText()));
        assertThat(HEX.formatHex(secrets.get("SERVER_HANDSHAKE_TRAFFIC_SECRET")),
                equalTo(s.get("server_handshake_traffic_secret").asText()));
        assertThat(HEX.formatHex(secrets.get("CLIENT_TRAFFIC_SECRET_0")),
                equalTo(s.get("client_application_traffic_secret_0").asText()));
        assertThat(HEX.formatHex(secrets.get("SERVER_TRAFFIC_SECRET_0")),
                equalTo(s.get("server_application_traffic_secret_0").asText()));
        assertThat(HEX.formatHex(secrets.get("EXPORTER_SECRET")), equalTo(s.get("exporter_master_secret").asText()));
    }

    static java.util.stream.Stream<dev.tlsref.crypto.CryptoProvider> providers() {
        return java.util.stream.Stream.of(dev.tlsref.crypto.CryptoProviders.jca(), dev.tlsref.crypto.CryptoProviders.bc());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("providers")
    void reproducesTheServerSideOfTheSimpleOneRttHandshake(dev.tlsref.crypto.CryptoProvider crypto) throws Exception {
        JsonNode t = load("simple-1rtt.json");
        Tls13NewSessionTicket rfcTicket = (Tls13NewSessionTicket) decode(message(t, "new_session_ticket"));
        long ageAdd = rfcTicket.ticketAgeAdd();
        byte[] ageAddBytes = {(byte) (ageAdd >>> 24), (byte) (ageAdd >>> 16), (byte) (ageAdd >>> 8), (byte) ageAdd};
        var recorder = new Tls13ServerTestSupport.Recorder();
        List<HandshakeMessage> ours = new ArrayList<>();
        TlsConfig config = config(t, "certificate", recorder, serverRandom(message(t, "server_hello")),
                salt(t, "certificate", "certificate_verify"), ageAddBytes)
                .crypto(crypto)
                .ticketLifetime(Duration.ofSeconds(rfcTicket.ticketLifetime()))
                .outgoingMessageRewriterForTesting(substitute(ours, message(t, "encrypted_extensions"),
                        message(t, "new_session_ticket")))
                .build();
        var channel = new Tls13ServerTestChannel(recorder);
        var server = new Tls13ServerHandshake(config, channel);
        server.start();

        channel.receive(record(t, "client", "ClientHello"), server);
        List<byte[]> flight = channel.takeRecords();
        assertThat(flight, hasSize(2));
        assertRecord(flight.get(0), record(t, "server", "ServerHello"));
        assertRecord(flight.get(1), record(t, "server", "EncryptedExtensions"));

        channel.receive(record(t, "client", "client Finished"), server);
        assertThat(server.isComplete(), is(true));
        List<byte[]> after = channel.takeRecords();
        assertThat(after, hasSize(1));
        assertRecord(after.get(0), record(t, "server", "NewSessionTicket"));

        assertSecrets(recorder.secrets, t);
        assertThat(HEX.formatHex(server.masterSecretForTesting()), equalTo(t.get("secrets").get("master_secret").asText()));
        assertThat(HEX.formatHex(server.resumptionMasterSecretForTesting()),
                equalTo(t.get("secrets").get("resumption_master_secret").asText()));
        assertThat(recorder.notes, hasItem("client Finished verified"));
        // Our own EE and ticket, before substitution: no server_name ack (the certificate does not name "server").
        assertThat(ours.get(0).type(), equalTo(HandshakeType.ENCRYPTED_EXTENSIONS));
        assertThat(HEX.formatHex(ours.get(0).encode()), equalTo("08000008" + "0006" + "001c00024001"));
        Tls13NewSessionTicket ourTicket = (Tls13NewSessionTicket) ours.get(1);
        assertThat(ourTicket.ticketAgeAdd(), equalTo(ageAdd));
        assertThat(ourTicket.ticketLifetime(), equalTo(30L));

        // Application data both ways (records 00..31 of the trace).
        channel.receive(record(t, "client", "application data"), server);
        byte[] data = new byte[0x32]; // 00..31 hex
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        assertThat(channel.applicationData, hasSize(1));
        assertThat(channel.applicationData.get(0), equalTo(data));
        assertRecord(channel.writeApplicationData(data), record(t, "server", "application data"));

        var p = channel.completed;
        assertThat(p.cipherSuite(), equalTo(CipherSuite.TLS_AES_128_GCM_SHA256));
        assertThat(p.group(), equalTo(Optional.of(NamedGroup.X25519)));
        assertThat(p.signatureScheme().orElseThrow().name(), equalTo("rsa_pss_rsae_sha256"));
        assertThat(p.serverName(), equalTo(Optional.of("server")));
        assertThat(p.resumed(), is(false));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("providers")
    void reproducesTheServerSideOfTheHelloRetryRequestHandshake(dev.tlsref.crypto.CryptoProvider crypto)
            throws Exception {
        JsonNode t = load("hrr.json");
        var recorder = new Tls13ServerTestSupport.Recorder();
        List<HandshakeMessage> ours = new ArrayList<>();
        TlsConfig config = config(t, "certificate", recorder, serverRandom(message(t, "server_hello")),
                salt(t, "certificate", "certificate_verify"))
                .crypto(crypto)
                .groups(List.of(NamedGroup.SECP256R1, NamedGroup.X25519))
                .sessionTickets(false)
                .outgoingMessageRewriterForTesting(substitute(ours, message(t, "hello_retry_request"),
                        message(t, "encrypted_extensions")))
                .build();
        var channel = new Tls13ServerTestChannel(recorder);
        var server = new Tls13ServerHandshake(config, channel);
        server.start();

        channel.receive(record(t, "client", "ClientHello 1"), server);
        List<byte[]> retry = channel.takeRecords();
        assertThat(retry, hasSize(1));
        assertRecord(retry.get(0), record(t, "server", "HelloRetryRequest"));
        // Our HelloRetryRequest is the RFC's without NSS's cookie.
        ServerHello rfcRetry = (ServerHello) decode(message(t, "hello_retry_request"));
        List<Extension> withoutCookie = new ArrayList<>();
        for (Extension e : rfcRetry.extensions()) {
            if (!(e instanceof Cookie)) {
                withoutCookie.add(e);
            }
        }
        assertThat(ours.get(0), equalTo(ServerHello.helloRetryRequest(rfcRetry.legacySessionIdEcho(),
                rfcRetry.cipherSuite(), Extensions.of(withoutCookie))));

        channel.receive(record(t, "client", "ClientHello 2"), server);
        List<byte[]> flight = channel.takeRecords();
        assertThat(flight, hasSize(2));
        assertRecord(flight.get(0), record(t, "server", "ServerHello"));
        assertRecord(flight.get(1), record(t, "server", "EncryptedExtensions"));
        channel.receive(record(t, "client", "client Finished"), server);
        assertThat(server.isComplete(), is(true));
        assertSecrets(recorder.secrets, t);
        assertThat(HEX.formatHex(server.resumptionMasterSecretForTesting()),
                equalTo(t.get("secrets").get("resumption_master_secret").asText()));
        assertThat(channel.completed.group(), equalTo(Optional.of(NamedGroup.SECP256R1)));
    }

    /**
     * §6: the RFC does not give the server's ECDSA key, and ECDSA signatures are randomised, so
     * the server's CertificateVerify is substituted as well (our own is signed with a fresh
     * P-256 key over the same transcript). The client's Certificate and CertificateVerify
     * from the RFC must verify; its certificate is the trust anchor, at a fixed instant inside
     * its validity (2016-07-30..2026-07-30).
     */
    @Test
    void reproducesTheServerSideOfTheClientAuthenticationHandshake() throws Exception {
        JsonNode t = load("client-auth.json");
        var recorder = new Tls13ServerTestSupport.Recorder();
        List<X509Certificate> clientChain = certificates(message(t, "client_certificate"));
        var unknownServerKey = dev.tlsref.handshake.testing.TestPki.generate(
                dev.tlsref.handshake.testing.TestPki.KeyType.EC_P256).getPrivate();
        TlsConfig config = config(t, "server_certificate", recorder)
                .random(new FirstDrawScripted(serverRandom(message(t, "server_hello"))))
                .certifiedKey(new CertifiedKey(certificates(message(t, "server_certificate")), unknownServerKey))
                .clientAuth(ClientAuth.REQUIRED)
                .trustAnchors(clientChain)
                .clock(Clock.fixed(IN_CERT_VALIDITY, ZoneOffset.UTC))
                .sessionTickets(false)
                .outgoingMessageRewriterForTesting(substitute(new ArrayList<>(), message(t, "encrypted_extensions"),
                        message(t, "certificate_request"), message(t, "server_certificate_verify")))
                .build();
        var channel = new Tls13ServerTestChannel(recorder);
        var server = new Tls13ServerHandshake(config, channel);
        server.start();

        channel.receive(record(t, "client", "ClientHello"), server);
        List<byte[]> flight = channel.takeRecords();
        assertThat(flight, hasSize(2));
        assertRecord(flight.get(0), record(t, "server", "ServerHello"));
        assertRecord(flight.get(1), record(t, "server", "EncryptedExtensions"));
        channel.receive(record(t, "client", "client Certificate"), server);
        assertThat(server.isComplete(), is(true));
        assertSecrets(recorder.secrets, t);
        assertThat(channel.completed.peerCertificates(), equalTo(clientChain));
        assertThat(recorder.notes, hasItem(startsWith("client certificate chain validated")));
        assertThat(recorder.notes, hasItem("client CertificateVerify signature verified (rsa_pss_rsae_sha256)"));
    }

    /** The first draw is scripted (the server random), later ones are random (an ECDSA nonce). */
    static final class FirstDrawScripted extends java.security.SecureRandom {
        private static final long serialVersionUID = 1L;
        private byte[] first;

        FirstDrawScripted(byte[] first) {
            this.first = first.clone();
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            if (first != null) {
                if (bytes.length != first.length) {
                    throw new IllegalStateException("first draw must be " + first.length + " bytes");
                }
                System.arraycopy(first, 0, bytes, 0, bytes.length);
                first = null;
                return;
            }
            super.nextBytes(bytes);
        }
    }

    @Test
    void reproducesTheServerSideOfTheCompatibilityModeHandshake() throws Exception {
        JsonNode t = load("compat-mode.json");
        var recorder = new Tls13ServerTestSupport.Recorder();
        TlsConfig config = config(t, "certificate", recorder, serverRandom(message(t, "server_hello")),
                salt(t, "certificate", "certificate_verify"))
                .sessionTickets(false)
                .outgoingMessageRewriterForTesting(substitute(new ArrayList<>(), message(t, "encrypted_extensions")))
                .build();
        var channel = new Tls13ServerTestChannel(recorder);
        var server = new Tls13ServerHandshake(config, channel);
        server.start();

        channel.receive(record(t, "client", "ClientHello"), server);
        List<byte[]> flight = channel.takeRecords();
        assertThat(flight, hasSize(3));
        assertRecord(flight.get(0), record(t, "server", "ServerHello"));
        assertRecord(flight.get(1), record(t, "server", "dummy change_cipher_spec"));
        assertRecord(flight.get(2), record(t, "server", "EncryptedExtensions"));
        channel.receive(record(t, "client", "dummy change_cipher_spec"), server);
        channel.receive(record(t, "client", "client Finished"), server);
        assertThat(server.isComplete(), is(true));
        assertSecrets(recorder.secrets, t);
    }

    /**
     * §4 (resumption with 0-RTT). The RFC's ticket is NSS's and cannot be opened, so the PSK of
     * §3 is injected through the package-private ticket opener. Checked: the binder verifies,
     * ServerHello and the server's protected flight (EE substituted: NSS accepted early data,
     * tlsref never does) and every secret derived up to the application keys. The client's
     * Finished cannot be replayed: its transcript includes EndOfEarlyData, which a server that
     * refuses 0-RTT never receives.
     */
    @Test
    void reproducesTheServerSideOfTheResumedHandshakeUpToItsServerFlight() throws Exception {
        JsonNode t = load("resumed-0rtt.json");
        JsonNode simple = load("simple-1rtt.json");
        Tls13NewSessionTicket issued = (Tls13NewSessionTicket) decode(message(simple, "new_session_ticket"));
        ClientHello hello = (ClientHello) decode(message(t, "client_hello"));
        var offered = hello.extensions().find(PreSharedKeyClientHello.class).orElseThrow();
        long clientAge = (offered.identities().get(0).obfuscatedTicketAge() - issued.ticketAgeAdd()) & 0xffffffffL;
        Instant now = IN_CERT_VALIDITY;
        TicketState state = new TicketState(CipherSuite.TLS_AES_128_GCM_SHA256, hex(t.get("secrets"), "psk"),
                now.minusMillis(clientAge), issued.ticketLifetime(), issued.ticketAgeAdd(), Optional.empty(),
                Optional.of("server"), false);
        AtomicReference<byte[]> asked = new AtomicReference<>();
        var recorder = new Tls13ServerTestSupport.Recorder();
        TlsConfig config = config(simple, "certificate", recorder, serverRandom(message(t, "server_hello")))
                .ephemeralPrivateKeysForTesting(g -> Optional.of(hex(t.get("secrets"), "server_x25519_private")))
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .outgoingMessageRewriterForTesting(substitute(new ArrayList<>(), message(t, "encrypted_extensions")))
                .build();
        var channel = new Tls13ServerTestChannel(recorder);
        var server = new Tls13ServerHandshake(config, channel, identity -> {
            asked.set(identity);
            return Optional.of(state);
        });
        server.start();

        channel.receive(record(t, "client", "ClientHello"), server);
        assertThat(asked.get(), equalTo(issued.ticket()));
        assertThat(recorder.notes, hasItem(startsWith("PSK binder of identity 0 verified")));
        List<byte[]> flight = channel.takeRecords();
        assertThat(flight, hasSize(2));
        assertRecord(flight.get(0), record(t, "server", "ServerHello"));
        assertRecord(flight.get(1), record(t, "server", "EncryptedExtensions"));
        assertSecrets(recorder.secrets, t);
        assertThat(HEX.formatHex(server.masterSecretForTesting()), equalTo(t.get("secrets").get("master_secret").asText()));
        assertThat(recorder.secrets.keySet(), contains("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0",
                "EXPORTER_SECRET"));
    }
}
