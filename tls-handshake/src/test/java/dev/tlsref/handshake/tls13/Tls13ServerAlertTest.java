package dev.tlsref.handshake.tls13;

import static dev.tlsref.handshake.tls13.Tls13ServerRfc8448Test.config;
import static dev.tlsref.handshake.tls13.Tls13ServerRfc8448Test.salt;
import static dev.tlsref.handshake.tls13.Tls13ServerRfc8448Test.serverRandom;
import static dev.tlsref.handshake.tls13.Tls13ServerRfc8448Test.substitute;
import static dev.tlsref.handshake.tls13.Tls13ServerTestSupport.decode;
import static dev.tlsref.handshake.tls13.Tls13ServerTestSupport.hex;
import static dev.tlsref.handshake.tls13.Tls13ServerTestSupport.load;
import static dev.tlsref.handshake.tls13.Tls13ServerTestSupport.message;
import static dev.tlsref.handshake.tls13.Tls13ServerTestSupport.record;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ContentType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.Alpn;
import dev.tlsref.core.extension.EarlyData;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.KeyShareClientHello;
import dev.tlsref.core.extension.KeyShareEntry;
import dev.tlsref.core.extension.PreSharedKeyClientHello;
import dev.tlsref.core.extension.PskKeyExchangeModes;
import dev.tlsref.core.extension.SignatureAlgorithms;
import dev.tlsref.core.extension.SupportedGroups;
import dev.tlsref.core.extension.SupportedVersionsClientHello;
import dev.tlsref.core.message.CertificateVerify;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.core.message.Finished;
import dev.tlsref.core.message.Tls13Certificate;
import dev.tlsref.core.message.Tls13NewSessionTicket;
import dev.tlsref.core.record.RecordProtection;
import dev.tlsref.core.record.RecordWriter;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.session.TicketState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every alert the server sends, provoked by a crafted ClientHello or client flight. */
class Tls13ServerAlertTest {
    private final JsonNode simple = load("simple-1rtt.json");

    private static AlertDescription alertOf(Executable action) {
        return assertThrows(TlsAlertException.class, action).alert();
    }

    private TlsConfig.Builder plainConfig() throws Exception {
        return TlsConfig.builder()
                .certifiedKey(new dev.tlsref.handshake.CertifiedKey(
                        Tls13ServerTestSupport.certificates(message(simple, "certificate")),
                        Tls13ServerTestSupport.serverRsaKey()));
    }

    private TlsAlertException reject(TlsConfig config, ClientHello hello) {
        var server = new Tls13ServerHandshake(config, new Tls13ServerTestChannel(config.listener()));
        server.start();
        return assertThrows(TlsAlertException.class, () -> server.handleMessage(hello.encode()));
    }

    private AlertDescription alertFor(ClientHello hello) throws Exception {
        return reject(plainConfig().build(), hello).alert();
    }

    private ClientHello rfcHello() throws Exception {
        return (ClientHello) decode(message(simple, "client_hello"));
    }

    private static ClientHello withExtensions(ClientHello hello, UnaryOperator<List<Extension>> change) {
        List<Extension> list = change.apply(new ArrayList<>(hello.extensions().asList()));
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                hello.legacyCompressionMethods(), Optional.of(Extensions.of(list)));
    }

    private static UnaryOperator<List<Extension>> without(Class<? extends Extension> kind) {
        return list -> {
            list.removeIf(kind::isInstance);
            return list;
        };
    }

    private static UnaryOperator<List<Extension>> replacing(Class<? extends Extension> kind, Extension by) {
        return list -> {
            list.replaceAll(e -> kind.isInstance(e) ? by : e);
            return list;
        };
    }

    @Test
    void rejectsClientOfferingOnlyTls12WithProtocolVersion() throws Exception {
        TlsAlertException e = reject(plainConfig().build(), withExtensions(rfcHello(),
                replacing(SupportedVersionsClientHello.class, SupportedVersionsClientHello.of(ProtocolVersion.TLS1_2))));
        assertThat(e.alert(), equalTo(AlertDescription.PROTOCOL_VERSION));
        assertThat(e.getMessage(), containsString("client offers only TLS 1.2 or lower"));
        assertThat(alertFor(withExtensions(rfcHello(), without(SupportedVersionsClientHello.class))),
                equalTo(AlertDescription.PROTOCOL_VERSION));
    }

    @Test
    void rejectsLegacyVersionOtherThan0x0303() throws Exception {
        ClientHello h = rfcHello();
        ClientHello old = new ClientHello(ProtocolVersion.TLS1_0, h.random(), h.legacySessionId(), h.cipherSuites(),
                h.legacyCompressionMethods(), h.extensionBlock());
        assertThat(alertFor(old), equalTo(AlertDescription.PROTOCOL_VERSION));
    }

    @Test
    void rejectsCompressionOtherThanNullOnly() throws Exception {
        ClientHello h = rfcHello();
        ClientHello compressed = new ClientHello(h.legacyVersion(), h.random(), h.legacySessionId(), h.cipherSuites(),
                new byte[] {1, 0}, h.extensionBlock());
        assertThat(alertFor(compressed), equalTo(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void rejectsClientWithNoCipherSuiteInCommon() throws Exception {
        ClientHello h = rfcHello();
        ClientHello ccm = new ClientHello(h.legacyVersion(), h.random(), h.legacySessionId(),
                List.of(CipherSuite.TLS_AES_128_CCM_8_SHA256), h.legacyCompressionMethods(), h.extensionBlock());
        assertThat(alertFor(ccm), equalTo(AlertDescription.HANDSHAKE_FAILURE));
    }

    @Test
    void rejectsClientWithNoGroupInCommon() throws Exception {
        TlsConfig config = plainConfig().groups(List.of(NamedGroup.X448)).build();
        assertThat(reject(config, rfcHello()).alert(), equalTo(AlertDescription.HANDSHAKE_FAILURE));
    }

    @Test
    void rejectsMissingSignatureAlgorithms() throws Exception {
        assertThat(alertFor(withExtensions(rfcHello(), without(SignatureAlgorithms.class))),
                equalTo(AlertDescription.MISSING_EXTENSION));
    }

    @Test
    void rejectsSupportedGroupsWithoutKeyShareAndTheReverse() throws Exception {
        assertThat(alertFor(withExtensions(rfcHello(), without(KeyShareClientHello.class))),
                equalTo(AlertDescription.MISSING_EXTENSION));
        assertThat(alertFor(withExtensions(rfcHello(), without(SupportedGroups.class))),
                equalTo(AlertDescription.MISSING_EXTENSION));
    }

    @Test
    void rejectsKeyShareOfTheWrongLength() throws Exception {
        KeyShareClientHello shortShare = KeyShareClientHello.of(new KeyShareEntry(NamedGroup.X25519, new byte[31]));
        assertThat(alertFor(withExtensions(rfcHello(), replacing(KeyShareClientHello.class, shortShare))),
                equalTo(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void rejectsInvalidKeySharesOfTheChosenGroup() throws Exception {
        byte[] notOnCurve = new byte[65];
        Arrays.fill(notOnCurve, (byte) 1);
        notOnCurve[0] = 4;
        TlsConfig p256 = plainConfig().groups(List.of(NamedGroup.SECP256R1)).build();
        ClientHello badPoint = withExtensions(rfcHello(), replacing(KeyShareClientHello.class,
                KeyShareClientHello.of(new KeyShareEntry(NamedGroup.SECP256R1, notOnCurve))));
        assertThat(reject(p256, badPoint).alert(), equalTo(AlertDescription.ILLEGAL_PARAMETER));
        ClientHello zeroX25519 = withExtensions(rfcHello(), replacing(KeyShareClientHello.class,
                KeyShareClientHello.of(new KeyShareEntry(NamedGroup.X25519, new byte[32]))));
        assertThat(alertFor(zeroX25519), equalTo(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void rejectsTwoKeySharesForOneGroup() throws Exception {
        byte[] share = hex(simple.get("secrets"), "client_x25519_public");
        KeyShareClientHello twice = KeyShareClientHello.of(new KeyShareEntry(NamedGroup.X25519, share),
                new KeyShareEntry(NamedGroup.X25519, share));
        assertThat(alertFor(withExtensions(rfcHello(), replacing(KeyShareClientHello.class, twice))),
                equalTo(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void rejectsEarlyDataWithoutPreSharedKey() throws Exception {
        assertThat(alertFor(withExtensions(rfcHello(), list -> {
            list.add(new EarlyData());
            return list;
        })), equalTo(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void rejectsClientWithNoApplicationProtocolInCommon() throws Exception {
        TlsConfig config = plainConfig().alpnProtocols(List.of("h2")).build();
        ClientHello hello = withExtensions(rfcHello(), list -> {
            list.add(0, Alpn.of("http/1.1"));
            return list;
        });
        assertThat(reject(config, hello).alert(), equalTo(AlertDescription.NO_APPLICATION_PROTOCOL));
    }

    @Test
    void rejectsAnythingButClientHelloFirst() throws Exception {
        var server = new Tls13ServerHandshake(plainConfig().build(), new Tls13ServerTestChannel(
                dev.tlsref.handshake.HandshakeListener.NONE));
        server.start();
        assertThat(alertOf(() -> server.handleMessage(new Finished(new byte[32]).encode())),
                equalTo(AlertDescription.UNEXPECTED_MESSAGE));
    }

    // ------------------------------------------------------------ PSK

    private final JsonNode resumed = load("resumed-0rtt.json");

    private ClientHello resumedHello() throws Exception {
        return (ClientHello) decode(message(resumed, "client_hello"));
    }

    @Test
    void rejectsPreSharedKeyThatIsNotLast() throws Exception {
        ClientHello notLast = withExtensions(resumedHello(), list -> {
            Extension psk = list.remove(list.size() - 1);
            list.add(0, psk);
            return list;
        });
        assertThat(alertFor(notLast), equalTo(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void rejectsPreSharedKeyWithoutKeyExchangeModes() throws Exception {
        assertThat(alertFor(withExtensions(resumedHello(), without(PskKeyExchangeModes.class))),
                equalTo(AlertDescription.MISSING_EXTENSION));
    }

    @Test
    void rejectsPskBinderThatDoesNotVerify() throws Exception {
        Tls13NewSessionTicket issued = (Tls13NewSessionTicket) decode(message(simple, "new_session_ticket"));
        ClientHello hello = resumedHello();
        var offered = hello.extensions().find(PreSharedKeyClientHello.class).orElseThrow();
        long age = (offered.identities().get(0).obfuscatedTicketAge() - issued.ticketAgeAdd()) & 0xffffffffL;
        Instant now = Instant.parse("2020-01-01T00:00:00Z");
        TicketState state = new TicketState(CipherSuite.TLS_AES_128_GCM_SHA256, hex(resumed.get("secrets"), "psk"),
                now.minusMillis(age), issued.ticketLifetime(), issued.ticketAgeAdd(), Optional.empty(),
                Optional.of("server"), false, 0);
        TlsConfig config = plainConfig().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        byte[] tampered = hello.encode();
        tampered[tampered.length - 1] ^= 1;
        var server = new Tls13ServerHandshake(config, new Tls13ServerTestChannel(config.listener()),
                identity -> Optional.of(state));
        server.start();
        assertThat(alertOf(() -> server.handleMessage(tampered)), equalTo(AlertDescription.DECRYPT_ERROR));
    }

    // ------------------------------------------------------------ client flight

    private static byte[] clientHandshakeRecord(JsonNode trace, byte[] plaintext) throws TlsAlertException {
        JsonNode keys = trace.get("traffic_keys").get("client_handshake_write");
        RecordWriter writer = new RecordWriter();
        writer.setProtection(RecordProtection.tls13(CryptoProviders.jca(), AeadAlgorithm.AES_128_GCM,
                hex(keys, "key"), hex(keys, "iv")));
        return writer.write(ContentType.HANDSHAKE, plaintext);
    }

    @Test
    void rejectsClientFinishedThatDoesNotVerify() throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        TlsConfig config = config(simple, "certificate", recorder, serverRandom(message(simple, "server_hello")),
                salt(simple, "certificate", "certificate_verify"))
                .sessionTickets(false)
                .outgoingMessageRewriterForTesting(substitute(new ArrayList<>(),
                        message(simple, "encrypted_extensions")))
                .build();
        var channel = new Tls13ServerTestChannel(recorder);
        var server = new Tls13ServerHandshake(config, channel);
        server.start();
        channel.receive(record(simple, "client", "ClientHello"), server);
        byte[] finished = message(simple, "client_finished");
        finished[10] ^= 0x40;
        byte[] bad = clientHandshakeRecord(simple, finished);
        assertThat(alertOf(() -> channel.receive(bad, server)), equalTo(AlertDescription.DECRYPT_ERROR));
    }

    private Tls13ServerHandshake clientAuthServer(JsonNode t, ClientAuth mode, Tls13ServerTestChannel[] out)
            throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        var key = dev.tlsref.handshake.testing.TestPki.generate(dev.tlsref.handshake.testing.TestPki.KeyType.EC_P256)
                .getPrivate();
        TlsConfig config = config(t, "server_certificate", recorder)
                .random(new Tls13ServerRfc8448Test.FirstDrawScripted(serverRandom(message(t, "server_hello"))))
                .certifiedKey(new dev.tlsref.handshake.CertifiedKey(
                        Tls13ServerTestSupport.certificates(message(t, "server_certificate")), key))
                .clientAuth(mode)
                .trustAnchors(Tls13ServerTestSupport.certificates(message(t, "client_certificate")))
                .clock(Clock.fixed(Tls13ServerRfc8448Test.IN_CERT_VALIDITY, ZoneOffset.UTC))
                .sessionTickets(false)
                .outgoingMessageRewriterForTesting(substitute(new ArrayList<>(), message(t, "encrypted_extensions"),
                        message(t, "certificate_request"), message(t, "server_certificate_verify")))
                .build();
        out[0] = new Tls13ServerTestChannel(recorder);
        var server = new Tls13ServerHandshake(config, out[0]);
        server.start();
        out[0].receive(record(t, "client", "ClientHello"), server);
        return server;
    }

    @Test
    void rejectsEmptyClientCertificateWhenRequired() throws Exception {
        JsonNode t = load("client-auth.json");
        var channel = new Tls13ServerTestChannel[1];
        var server = clientAuthServer(t, ClientAuth.REQUIRED, channel);
        byte[] empty = clientHandshakeRecord(t, new Tls13Certificate(new byte[0], List.of()).encode());
        assertThat(alertOf(() -> channel[0].receive(empty, server)), equalTo(AlertDescription.CERTIFICATE_REQUIRED));
    }

    @Test
    void rejectsClientCertificateVerifyThatDoesNotVerify() throws Exception {
        JsonNode t = load("client-auth.json");
        var channel = new Tls13ServerTestChannel[1];
        var server = clientAuthServer(t, ClientAuth.REQUIRED, channel);
        CertificateVerify cv = (CertificateVerify) decode(message(t, "client_certificate_verify"));
        byte[] signature = cv.signature();
        signature[5] ^= 1;
        byte[] flight = concat(message(t, "client_certificate"),
                new CertificateVerify(cv.algorithm(), signature).encode(), message(t, "client_finished"));
        assertThat(alertOf(() -> channel[0].receive(clientHandshakeRecord(t, flight), server)),
                equalTo(AlertDescription.DECRYPT_ERROR));
    }

    @Test
    void rejectsClientCertificateFromAnUnknownCa() throws Exception {
        JsonNode t = load("client-auth.json");
        var channel = new Tls13ServerTestChannel[1];
        var server = clientAuthServer(t, ClientAuth.OPTIONAL, channel);
        var pki = new dev.tlsref.handshake.testing.TestPki();
        var stranger = pki.leaf("stranger").build();
        byte[] certificate = new Tls13Certificate(new byte[0],
                List.of(new Tls13Certificate.Entry(stranger.certificate().getEncoded()))).encode();
        assertThat(alertOf(() -> channel[0].receive(clientHandshakeRecord(t, certificate), server)),
                equalTo(AlertDescription.UNKNOWN_CA));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    // ------------------------------------------------------------ HelloRetryRequest

    private final JsonNode hrr = load("hrr.json");

    /**
     * A server that sent the RFC's HelloRetryRequest (with NSS's cookie, which the RFC's
     * second ClientHello echoes) in place of its own (with a cookie of its own).
     */
    private Tls13ServerHandshake afterRetry() throws Exception {
        HandshakeMessage rfcRetry = decode(message(hrr, "hello_retry_request"));
        TlsConfig config = plainConfig().groups(List.of(NamedGroup.SECP256R1, NamedGroup.X25519))
                .outgoingMessageRewriterForTesting(m -> m instanceof ServerHello sh && sh.isHelloRetryRequest()
                        ? rfcRetry : m)
                .sessionTickets(false).build();
        var server = new Tls13ServerHandshake(config, new Tls13ServerTestChannel(config.listener()));
        server.start();
        server.handleMessage(message(hrr, "client_hello_1"));
        return server;
    }

    @Test
    void rejectsSecondClientHelloThatChangesCipherSuites() throws Exception {
        var server = afterRetry();
        ClientHello second = (ClientHello) decode(message(hrr, "client_hello_2"));
        ClientHello changed = new ClientHello(second.legacyVersion(), second.random(), second.legacySessionId(),
                List.of(CipherSuite.TLS_AES_128_GCM_SHA256), second.legacyCompressionMethods(), second.extensionBlock());
        assertThat(alertOf(() -> server.handleMessage(changed.encode())), equalTo(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void rejectsSecondClientHelloWithoutTheRequestedShare() throws Exception {
        var server = afterRetry();
        // ClientHello 1 again: its only share is x25519, not the secp256r1 the HelloRetryRequest asked for.
        assertThat(alertOf(() -> server.handleMessage(message(hrr, "client_hello_1"))),
                equalTo(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void rejectsAThirdClientHello() throws Exception {
        var server = afterRetry();
        server.handleMessage(message(hrr, "client_hello_2"));
        assertThat(alertOf(() -> server.handleMessage(message(hrr, "client_hello_2"))),
                equalTo(AlertDescription.UNEXPECTED_MESSAGE));
    }
}
