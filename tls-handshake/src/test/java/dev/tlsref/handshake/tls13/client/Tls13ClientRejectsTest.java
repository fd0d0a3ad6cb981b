package dev.tlsref.handshake.tls13.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.Alpn;
import dev.tlsref.core.extension.Cookie;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.KeyShareEntry;
import dev.tlsref.core.extension.KeyShareHelloRetryRequest;
import dev.tlsref.core.extension.KeyShareServerHello;
import dev.tlsref.core.extension.PreSharedKeyServerHello;
import dev.tlsref.core.extension.SupportedGroups;
import dev.tlsref.core.extension.SupportedVersionsServerHello;
import dev.tlsref.core.extension.UnknownExtension;
import dev.tlsref.core.message.CertificateVerify;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.EncryptedExtensions;
import dev.tlsref.core.message.Finished;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.core.message.Tls13Certificate;
import dev.tlsref.core.message.Tls13NewSessionTicket;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.testing.TestPki;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each check of the client, provoked by a tlsref server whose outgoing messages are forged
 * through its test rewrite hook (the server keeps a consistent transcript of what it sent,
 * so only the forged field is wrong). The alert and its reason are asserted.
 */
class Tls13ClientRejectsTest {
    private static final ClientTestPki PKI = new ClientTestPki();

    private static TlsAlertException clientFails(TlsConfig client, TlsConfig server, AlertDescription alert) {
        return clientFails(client, ClientTestPki.HOST, server, alert);
    }

    private static TlsAlertException clientFails(TlsConfig client, String host, TlsConfig server,
            AlertDescription alert) {
        InMemoryPair pair = new InMemoryPair(client, host, server);
        TlsAlertException e = assertThrows(TlsAlertException.class, pair::handshake);
        assertThat(e.getMessage(), e.alert(), equalTo(alert));
        return e;
    }

    private static TlsConfig forging(UnaryOperator<HandshakeMessage> rewrite) {
        return PKI.server(TestPki.KeyType.EC_P256).outgoingMessageRewriterForTesting(rewrite).build();
    }

    private static TlsConfig forgingServerHello(UnaryOperator<ServerHello> rewrite) {
        return forging(m -> m instanceof ServerHello sh && !sh.isHelloRetryRequest() ? rewrite.apply(sh) : m);
    }

    private static ServerHello withExtensions(ServerHello sh, UnaryOperator<List<Extension>> edit) {
        return new ServerHello(sh.legacyVersion(), sh.random(), sh.legacySessionIdEcho(), sh.cipherSuite(),
                Optional.of(Extensions.of(edit.apply(new ArrayList<>(sh.extensions().asList())))));
    }

    private static UnaryOperator<List<Extension>> removing(ExtensionType type) {
        return list -> {
            list.removeIf(e -> e.type().equals(type));
            return list;
        };
    }

    private static UnaryOperator<List<Extension>> replacing(ExtensionType type, Extension replacement) {
        return list -> {
            list.replaceAll(e -> e.type().equals(type) ? replacement : e);
            return list;
        };
    }

    private static UnaryOperator<List<Extension>> adding(Extension extra) {
        return list -> {
            list.add(extra);
            return list;
        };
    }

    private static TlsConfig client() {
        return PKI.client().build();
    }

    // ------------------------------------------------------------ ServerHello

    @Test
    void rejectsServerHelloWithWrongLegacyVersion() {
        TlsAlertException e = clientFails(client(), forgingServerHello(sh -> new ServerHello(ProtocolVersion.TLS1_1,
                sh.random(), sh.legacySessionIdEcho(), sh.cipherSuite(), sh.extensionBlock())),
                AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e.getMessage(), containsString("legacy_version"));
    }

    @Test
    void rejectsServerHelloWithAnotherSessionId() {
        TlsAlertException e = clientFails(client(), forgingServerHello(sh -> new ServerHello(sh.random(), new byte[32],
                sh.cipherSuite(), sh.extensions())), AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e.getMessage(), containsString("legacy_session_id_echo"));
    }

    @Test
    void rejectsServerHelloWithSuiteNotOffered() {
        TlsConfig client = PKI.client().cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256)).build();
        TlsAlertException e = clientFails(client, forgingServerHello(sh -> new ServerHello(sh.random(),
                sh.legacySessionIdEcho(), CipherSuite.TLS_AES_256_GCM_SHA384, sh.extensions())),
                AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e.getMessage(), containsString("TLS_AES_256_GCM_SHA384"));
    }

    @Test
    void rejectsServerHelloWithGroupNotOffered() {
        KeyShareServerHello p384 = new KeyShareServerHello(new KeyShareEntry(NamedGroup.SECP384R1, new byte[97]));
        TlsAlertException e = clientFails(client(), forgingServerHello(sh -> withExtensions(sh,
                replacing(ExtensionType.KEY_SHARE, p384))), AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e.getMessage(), containsString("secp384r1"));
    }

    @Test
    void rejectsServerHelloWithInvalidKeyShare() {
        KeyShareServerHello zeros = new KeyShareServerHello(new KeyShareEntry(NamedGroup.X25519, new byte[32]));
        clientFails(client(), forgingServerHello(sh -> withExtensions(sh, replacing(ExtensionType.KEY_SHARE, zeros))),
                AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void rejectsServerHelloWithoutKeyShare() {
        clientFails(client(), forgingServerHello(sh -> withExtensions(sh, removing(ExtensionType.KEY_SHARE))),
                AlertDescription.MISSING_EXTENSION);
    }

    @Test
    void rejectsServerHelloWithExtensionNotOffered() {
        TlsAlertException e = clientFails(client(), forgingServerHello(sh -> withExtensions(sh,
                adding(Alpn.of("h2")))), AlertDescription.UNSUPPORTED_EXTENSION);
        assertThat(e.getMessage(), containsString("application_layer_protocol_negotiation"));
    }

    @Test
    void rejectsServerHelloWithPreSharedKeyNotOffered() {
        clientFails(client(), forgingServerHello(sh -> withExtensions(sh, adding(new PreSharedKeyServerHello(0)))),
                AlertDescription.UNSUPPORTED_EXTENSION);
    }

    @Test
    void rejectsServerHelloWithAnOfferedExtensionThatDoesNotBelongThere() {
        UnknownExtension groups = new UnknownExtension(ExtensionType.SUPPORTED_GROUPS, new byte[] {0, 2, 0, 0x1d});
        clientFails(client(), forgingServerHello(sh -> withExtensions(sh, adding(groups))),
                AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void rejectsSupportedVersionsSelectingTls12() {
        clientFails(client(), forgingServerHello(sh -> withExtensions(sh, replacing(ExtensionType.SUPPORTED_VERSIONS,
                new SupportedVersionsServerHello(ProtocolVersion.TLS1_2)))), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void handsATls12ServerHelloToTheTls12ClientWhichRefusesATls13Suite() {
        // Without supported_versions the ServerHello negotiates TLS 1.2; the forged one keeps a
        // TLS 1.3 suite, which the TLS 1.2 client refuses.
        clientFails(client(), forgingServerHello(sh -> withExtensions(sh, removing(ExtensionType.SUPPORTED_VERSIONS))),
                AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void refusesTls12WhenOnlyTls13IsEnabled() {
        TlsConfig client = PKI.client().versions(List.of(ProtocolVersion.TLS1_3)).build();
        clientFails(client, forgingServerHello(sh -> withExtensions(sh, removing(ExtensionType.SUPPORTED_VERSIONS))),
                AlertDescription.PROTOCOL_VERSION);
    }

    @Test
    void detectsTheDowngradeSentinel() {
        TlsAlertException e = clientFails(client(), forgingServerHello(sh -> {
            ServerHello noVersions = withExtensions(sh, removing(ExtensionType.SUPPORTED_VERSIONS));
            return new ServerHello(ServerHello.DowngradeSentinel.TLS12.applyTo(sh.random()),
                    sh.legacySessionIdEcho(), sh.cipherSuite(), noVersions.extensions());
        }), AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e.getMessage(), containsString("downgrade"));
    }

    // ------------------------------------------------------------ HelloRetryRequest

    /** A client sending only a P-256 share to a server preferring X25519: the server retries. */
    private static TlsConfig retryingClient() {
        return PKI.client().groups(List.of(NamedGroup.SECP256R1, NamedGroup.X25519, NamedGroup.SECP384R1))
                .keyShareGroups(List.of(NamedGroup.SECP256R1)).build();
    }

    private static TlsConfig retryingServer(UnaryOperator<HandshakeMessage> rewrite) {
        return PKI.server(TestPki.KeyType.EC_P256).groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
                .outgoingMessageRewriterForTesting(rewrite).build();
    }

    private static UnaryOperator<HandshakeMessage> forgingRetry(UnaryOperator<ServerHello> rewrite) {
        return m -> m instanceof ServerHello sh && sh.isHelloRetryRequest() ? rewrite.apply(sh) : m;
    }

    private static ServerHello retryWith(ServerHello hrr, Extension... extensions) {
        return ServerHello.helloRetryRequest(hrr.legacySessionIdEcho(), hrr.cipherSuite(), Extensions.of(extensions));
    }

    @Test
    void rejectsASecondHelloRetryRequest() {
        TlsAlertException e = clientFails(retryingClient(), retryingServer(m -> m instanceof ServerHello sh
                && !sh.isHelloRetryRequest() ? retryWith(sh, new SupportedVersionsServerHello(ProtocolVersion.TLS1_3),
                        new KeyShareHelloRetryRequest(NamedGroup.SECP384R1)) : m), AlertDescription.UNEXPECTED_MESSAGE);
        assertThat(e.getMessage(), containsString("second HelloRetryRequest"));
    }

    @Test
    void rejectsARetryForAGroupItAlreadySentAShareFor() {
        clientFails(retryingClient(), retryingServer(forgingRetry(hrr -> retryWith(hrr,
                new SupportedVersionsServerHello(ProtocolVersion.TLS1_3),
                new KeyShareHelloRetryRequest(NamedGroup.SECP256R1)))), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void rejectsARetryForAGroupItDoesNotSupport() {
        clientFails(retryingClient(), retryingServer(forgingRetry(hrr -> retryWith(hrr,
                new SupportedVersionsServerHello(ProtocolVersion.TLS1_3),
                new KeyShareHelloRetryRequest(NamedGroup.SECP521R1)))), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void rejectsARetryWithoutSupportedVersions() {
        clientFails(retryingClient(), retryingServer(forgingRetry(hrr -> retryWith(hrr,
                new KeyShareHelloRetryRequest(NamedGroup.X25519)))), AlertDescription.MISSING_EXTENSION);
    }

    @Test
    void rejectsARetryThatChangesNothing() {
        clientFails(retryingClient(), retryingServer(forgingRetry(hrr -> retryWith(hrr,
                new SupportedVersionsServerHello(ProtocolVersion.TLS1_3)))), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void rejectsAServerHelloWhoseSuiteDiffersFromTheRetry() {
        TlsAlertException e = clientFails(retryingClient(), retryingServer(m -> m instanceof ServerHello sh
                && !sh.isHelloRetryRequest() ? new ServerHello(sh.random(), sh.legacySessionIdEcho(),
                        CipherSuite.TLS_CHACHA20_POLY1305_SHA256, sh.extensions()) : m),
                AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e.getMessage(), containsString("HelloRetryRequest selected"));
    }

    @Test
    void echoesTheCookieOfAHelloRetryRequest() {
        byte[] cookie = {1, 2, 3, 4};
        InMemoryPair pair = new InMemoryPair(retryingClient(), ClientTestPki.HOST, retryingServer(forgingRetry(hrr ->
                withExtensions(hrr, adding(new Cookie(cookie))))));
        try {
            pair.handshake();
        } catch (AssertionError | TlsAlertException serverOrClientGaveUp) {
            // The tlsref server sends no cookies and may refuse one; only the echo matters here.
        }
        ClientHello second = (ClientHello) pair.clientChannel.sent.stream().filter(m -> m instanceof ClientHello)
                .skip(1).findFirst().orElseThrow();
        assertThat(second.extensions().find(Cookie.class).orElseThrow().cookie(), equalTo(cookie));
    }

    @Test
    void rejectsAMessageOutOfOrder() {
        TlsAlertException e = clientFails(client(), forging(m -> m instanceof CertificateVerify
                ? new Finished(new byte[32]) : m), AlertDescription.UNEXPECTED_MESSAGE);
        assertThat(e.getMessage(), containsString("expected CertificateVerify"));
    }

    // ------------------------------------------------------------ encrypted flight

    private static UnaryOperator<HandshakeMessage> forgingEncryptedExtensions(Extension... extensions) {
        return m -> m instanceof EncryptedExtensions ? new EncryptedExtensions(Extensions.of(extensions)) : m;
    }

    @Test
    void rejectsAnAlpnProtocolItDidNotOffer() {
        TlsConfig client = PKI.client().alpnProtocols(List.of("h2")).build();
        clientFails(client, forging(forgingEncryptedExtensions(Alpn.of("http/1.1"))), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void rejectsAlpnWhenItOfferedNone() {
        clientFails(client(), forging(forgingEncryptedExtensions(Alpn.of("h2"))), AlertDescription.UNSUPPORTED_EXTENSION);
    }

    @Test
    void rejectsKeyShareInEncryptedExtensions() {
        clientFails(client(), forging(forgingEncryptedExtensions(new UnknownExtension(ExtensionType.KEY_SHARE,
                new byte[] {0, 0x1d}))), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void acceptsSupportedGroupsInEncryptedExtensions() {
        // supported_groups in EncryptedExtensions is allowed (RFC 8446 §4.2.7) because the client offers it.
        InMemoryPair ok = new InMemoryPair(client(), ClientTestPki.HOST,
                forging(forgingEncryptedExtensions(SupportedGroups.of(NamedGroup.X25519))));
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(ok::handshake);
    }

    @Test
    void rejectsAnEmptyServerCertificate() {
        clientFails(client(), forging(m -> m instanceof Tls13Certificate ? new Tls13Certificate(new byte[0], List.of())
                : m), AlertDescription.DECODE_ERROR);
    }

    @Test
    void rejectsACertificateWithARequestContext() {
        clientFails(client(), forging(m -> m instanceof Tls13Certificate c
                ? new Tls13Certificate(new byte[] {1}, c.entries()) : m), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void rejectsABadSignature() {
        TlsAlertException e = clientFails(client(), forging(m -> {
            if (m instanceof CertificateVerify cv) {
                byte[] sig = cv.signature();
                sig[sig.length / 2] ^= 1;
                return new CertificateVerify(cv.algorithm(), sig);
            }
            return m;
        }), AlertDescription.DECRYPT_ERROR);
        assertThat(e.getMessage(), containsString("does not verify"));
    }

    @Test
    void rejectsASignatureSchemeItDidNotOffer() {
        TlsConfig client = PKI.client().signatureSchemes(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256,
                SignatureScheme.RSA_PSS_RSAE_SHA256)).build();
        clientFails(client, forging(m -> m instanceof CertificateVerify cv
                ? new CertificateVerify(SignatureScheme.ECDSA_SECP384R1_SHA384, cv.signature()) : m),
                AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void rejectsABadFinished() {
        TlsAlertException e = clientFails(client(), forging(m -> {
            if (m instanceof Finished f) {
                byte[] data = f.verifyData();
                data[0] ^= 1;
                return new Finished(data);
            }
            return m;
        }), AlertDescription.DECRYPT_ERROR);
        assertThat(e.getMessage(), containsString("Finished"));
    }

    // ------------------------------------------------------------ certificates

    @Test
    void rejectsACertificateForAnotherHost() {
        clientFails(client(), "wrong.test", PKI.server(TestPki.KeyType.EC_P256).build(), AlertDescription.BAD_CERTIFICATE);
    }

    @Test
    void rejectsAnUnknownCa() {
        TestPki.Issued otherRoot = PKI.pki.root("Other Root", TestPki.KeyType.EC_P256);
        TlsConfig client = PKI.client().trustAnchors(List.of(otherRoot.certificate())).build();
        clientFails(client, PKI.server(TestPki.KeyType.EC_P256).build(), AlertDescription.UNKNOWN_CA);
    }

    @Test
    void rejectsAnExpiredCertificate() {
        TlsConfig client = PKI.client().clock(Clock.fixed(Instant.parse("2040-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build();
        clientFails(client, PKI.server(TestPki.KeyType.EC_P256).build(), AlertDescription.CERTIFICATE_EXPIRED);
    }

    @Test
    void failsClosedWithoutAServerNameToVerify() {
        TlsAlertException e = clientFails(client(), null, PKI.server(TestPki.KeyType.EC_P256).build(),
                AlertDescription.BAD_CERTIFICATE);
        assertThat(e.getMessage(), containsString("no server name"));
    }

    @Test
    void acceptsAnyCertificateOnlyWhenToldTo() throws TlsAlertException {
        TlsConfig client = PKI.client().trustAnchors(List.of())
                .certificateVerification(TlsConfig.CertificateVerification.INSECURE_TRUST_ANY_CERTIFICATE).build();
        InMemoryPair pair = new InMemoryPair(client, null, PKI.server(TestPki.KeyType.EC_P256).build()).handshake();
        assertThat(pair.client.isComplete(), equalTo(true));
    }

    // ------------------------------------------------------------ after the handshake

    @Test
    void rejectsATicketLivingLongerThanSevenDays() {
        TlsAlertException e = clientFails(client(), forging(m -> m instanceof Tls13NewSessionTicket t
                ? new Tls13NewSessionTicket(604_801, t.ticketAgeAdd(), t.ticketNonce(), t.ticket(), t.extensions())
                : m), AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e.getMessage(), containsString("7 days"));
    }

    @Test
    void rejectsAPskIdentityItDidNotOffer() throws TlsAlertException {
        TlsConfig client = client();
        TlsConfig server = PKI.server(TestPki.KeyType.EC_P256).build();
        new InMemoryPair(client, ClientTestPki.HOST, server).handshake();
        TlsConfig forging = server.toBuilder().outgoingMessageRewriterForTesting(m -> m instanceof ServerHello sh
                ? withExtensions(sh, replacing(ExtensionType.PRE_SHARED_KEY, new PreSharedKeyServerHello(1))) : m)
                .build();
        clientFails(client, forging, AlertDescription.ILLEGAL_PARAMETER);
    }

}
