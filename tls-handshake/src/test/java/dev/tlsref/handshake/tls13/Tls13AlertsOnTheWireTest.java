package dev.tlsref.handshake.tls13;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.SignatureAlgorithms;
import dev.tlsref.core.message.CertificateVerify;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.Finished;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.KeyUpdate;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.core.message.Tls13Certificate;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.KeyType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each RFC 8446 §6.2 alert tlsref sends, provoked through two {@link TlsConnection}s in memory
 * by a crafted message (the misbehaving peer's outgoing-message rewriter) or by bytes changed
 * on the wire, and observed as the alert RECORD tlsref put on the wire: decoded in the clear
 * when it is a plaintext alert, otherwise read by the peer, which holds the keys. The checks
 * that produce each alert are tested message by message in Tls13ServerAlertTest and
 * Tls13ClientRejectsTest; this class checks what reaches the peer, and that the failed
 * connection stays failed.
 */
class Tls13AlertsOnTheWireTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TestPki PKI = new TestPki(NOW);
    private static final TestPki.Issued ROOT = PKI.root("wire root", KeyType.EC_P256);
    private static final TestPki.Issued LEAF = PKI.leaf("localhost").dnsNames("localhost").issuedBy(ROOT).build();
    private static final TestPki.Issued CLIENT_LEAF = PKI.leaf("client").issuedBy(ROOT).build();

    private static TlsConfig.Builder server() {
        return TlsConfig.builder().clock(CLOCK).versions(List.of(ProtocolVersion.TLS1_3))
                .certifiedKey(new CertifiedKey(List.of(LEAF.certificate()), LEAF.privateKey()))
                .trustAnchors(List.of(ROOT.certificate()));
    }

    private static TlsConfig.Builder client() {
        return TlsConfig.builder().clock(CLOCK).versions(List.of(ProtocolVersion.TLS1_3))
                .trustAnchors(List.of(ROOT.certificate()));
    }

    private enum Side { CLIENT, SERVER }

    /**
     * How the alert record went out. The tlsref client switches its write keys to
     * client_handshake_traffic_secret only when it sends its second flight (as OpenSSL's
     * client does), so an alert it raises while reading the server's first flight goes out in
     * the clear even though it already reads protected records: CLEAR_BEFORE_CLIENT_FLIGHT.
     * The server's record layer accepts such an alert until the client's first protected
     * record (as OpenSSL does); before that fix the tlsref server answered tlsref's own client
     * alert with unexpected_message.
     */
    private enum Record { PLAINTEXT, PROTECTED, CLEAR_BEFORE_CLIENT_FLIGHT }

    /**
     * Runs the pair; asserts {@code victim} failed with {@code alert}, sent it as a
     * {@code record} alert record that reads back as {@code alert}, and stays failed.
     */
    private static void assertAlertOnTheWire(WirePair pair, UnaryOperator<byte[]> toServer,
            UnaryOperator<byte[]> toClient, Side victim, AlertDescription alert, Record record) {
        WirePair.Failure failure = pair.run(toServer, toClient);
        assertThat("a side failed", failure, notNullValue());
        assertThat("failed side: " + failure.exception(), failure.byClient(), is(victim == Side.CLIENT));
        assertThat(failure.exception().toString(), failure.exception().alert(), equalTo(alert));
        assertThat(failure.lastRecordType(),
                equalTo(record == Record.PROTECTED ? WirePair.CONTENT_APPLICATION_DATA : WirePair.CONTENT_ALERT));
        assertThat(failure.alertOnTheWire(), equalTo(alert));
        assertThat(failure.failed().failure().map(TlsAlertException::alert), equalTo(Optional.of(alert)));
        assertThat(failure.failed().isHandshakeComplete(), is(false));
        TlsAlertException again = org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                () -> failure.failed().receive(new byte[0], 0, 0));
        assertThat(again.alert(), equalTo(alert));
    }

    private static void assertAlertOnTheWire(TlsConfig clientConfig, TlsConfig serverConfig, Side victim,
            AlertDescription alert, Record record) {
        assertAlertOnTheWire(new WirePair(clientConfig, "localhost", serverConfig), UnaryOperator.identity(),
                UnaryOperator.identity(), victim, alert, record);
    }

    /** A rewriter changing only messages of one type. */
    private static <T extends HandshakeMessage> UnaryOperator<HandshakeMessage> rewrite(Class<T> type,
            java.util.function.Function<T, HandshakeMessage> change) {
        return m -> type.isInstance(m) ? change.apply(type.cast(m)) : m;
    }

    private static byte[] flipLast(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length - 1] ^= 0x01;
        return copy;
    }

    // ---------------------------------------------------------------- unexpected_message

    @Test
    void clientSendsUnexpectedMessageForACertificateWhereCertificateVerifyBelongs() throws Exception {
        byte[] leafDer = LEAF.certificate().getEncoded();
        // The server sends its Certificate twice: the second stands where CertificateVerify must be.
        TlsConfig serverConfig = server().outgoingMessageRewriterForTesting(rewrite(CertificateVerify.class,
                cv -> new Tls13Certificate(new byte[0], List.of(new Tls13Certificate.Entry(leafDer))))).build();
        assertAlertOnTheWire(client().build(), serverConfig, Side.CLIENT, AlertDescription.UNEXPECTED_MESSAGE,
                Record.CLEAR_BEFORE_CLIENT_FLIGHT);
    }

    @Test
    void serverSendsUnexpectedMessageForAKeyUpdateInPlaceOfTheClientFinished() {
        TlsConfig clientConfig = client().outgoingMessageRewriterForTesting(rewrite(Finished.class,
                f -> new KeyUpdate(KeyUpdate.Request.UPDATE_NOT_REQUESTED))).build();
        assertAlertOnTheWire(clientConfig, server().build(), Side.SERVER, AlertDescription.UNEXPECTED_MESSAGE,
                Record.PROTECTED);
    }

    // ---------------------------------------------------------------- illegal_parameter

    @Test
    void clientSendsIllegalParameterInTheClearForASuiteItDidNotOffer() {
        TlsConfig serverConfig = server().outgoingMessageRewriterForTesting(rewrite(ServerHello.class,
                sh -> new ServerHello(sh.legacyVersion(), sh.random(), sh.legacySessionIdEcho(),
                        CipherSuite.TLS_AES_256_GCM_SHA384, sh.extensionBlock()))).build();
        TlsConfig clientConfig = client().cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256)).build();
        assertAlertOnTheWire(clientConfig, serverConfig, Side.CLIENT, AlertDescription.ILLEGAL_PARAMETER,
                Record.PLAINTEXT);
    }

    // ---------------------------------------------------------------- decode_error

    @Test
    void serverSendsDecodeErrorForAClientHelloWithATrailingByte() {
        // One byte appended inside the ClientHello (message and record lengths adjusted): its
        // extension block no longer ends the message.
        UnaryOperator<byte[]> addTrailingByte = flight -> {
            int recordLength = ((flight[3] & 0xff) << 8) | (flight[4] & 0xff);
            byte[] changed = new byte[flight.length + 1];
            System.arraycopy(flight, 0, changed, 0, 5 + recordLength);
            System.arraycopy(flight, 5 + recordLength, changed, 6 + recordLength, flight.length - 5 - recordLength);
            int messageLength = ((flight[6] & 0xff) << 16) | ((flight[7] & 0xff) << 8) | (flight[8] & 0xff);
            recordLength++;
            messageLength++;
            changed[3] = (byte) (recordLength >>> 8);
            changed[4] = (byte) recordLength;
            changed[6] = (byte) (messageLength >>> 16);
            changed[7] = (byte) (messageLength >>> 8);
            changed[8] = (byte) messageLength;
            return changed;
        };
        assertAlertOnTheWire(new WirePair(client().build(), "localhost", server().build()),
                once(addTrailingByte), UnaryOperator.identity(), Side.SERVER, AlertDescription.DECODE_ERROR,
                Record.PLAINTEXT);
    }

    /** Applies {@code change} to the first flight only. */
    private static UnaryOperator<byte[]> once(UnaryOperator<byte[]> change) {
        boolean[] done = {false};
        return bytes -> {
            if (done[0]) {
                return bytes;
            }
            done[0] = true;
            return change.apply(bytes);
        };
    }

    // ---------------------------------------------------------------- certificates

    @Test
    void clientSendsBadCertificateForACertificateThatIsNotDer() {
        TlsConfig serverConfig = server().outgoingMessageRewriterForTesting(rewrite(Tls13Certificate.class,
                c -> new Tls13Certificate(new byte[0], List.of(new Tls13Certificate.Entry(new byte[] {0x30, 0x03, 1, 2}))))
        ).build();
        assertAlertOnTheWire(client().build(), serverConfig, Side.CLIENT, AlertDescription.BAD_CERTIFICATE,
                Record.CLEAR_BEFORE_CLIENT_FLIGHT);
    }

    @Test
    void clientSendsUnknownCaForAChainToAnotherRoot() {
        TestPki.Issued otherRoot = PKI.root("other root", KeyType.EC_P256);
        TlsConfig clientConfig = client().trustAnchors(List.of(otherRoot.certificate())).build();
        assertAlertOnTheWire(clientConfig, server().build(), Side.CLIENT, AlertDescription.UNKNOWN_CA,
                Record.CLEAR_BEFORE_CLIENT_FLIGHT);
    }

    @Test
    void clientSendsCertificateExpiredForAnExpiredLeaf() {
        TestPki.Issued expired = PKI.leaf("localhost").dnsNames("localhost").issuedBy(ROOT)
                .validity(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1))).build();
        TlsConfig serverConfig = server().certifiedKey(new CertifiedKey(List.of(expired.certificate()),
                expired.privateKey())).build();
        assertAlertOnTheWire(client().build(), serverConfig, Side.CLIENT, AlertDescription.CERTIFICATE_EXPIRED,
                Record.CLEAR_BEFORE_CLIENT_FLIGHT);
    }

    @Test
    void serverSendsCertificateRequiredForAClientWithoutCertificate() {
        TlsConfig serverConfig = server().clientAuth(ClientAuth.REQUIRED).build();
        assertAlertOnTheWire(client().build(), serverConfig, Side.SERVER, AlertDescription.CERTIFICATE_REQUIRED,
                Record.PROTECTED);
    }

    @Test
    void serverSendsUnknownCaForAClientCertificateFromAnotherRoot() {
        TestPki.Issued otherRoot = PKI.root("other client root", KeyType.EC_P256);
        TestPki.Issued stranger = PKI.leaf("stranger").issuedBy(otherRoot).build();
        TlsConfig clientConfig = client().certifiedKey(new CertifiedKey(List.of(stranger.certificate()),
                stranger.privateKey())).build();
        TlsConfig serverConfig = server().clientAuth(ClientAuth.REQUIRED).build();
        assertAlertOnTheWire(clientConfig, serverConfig, Side.SERVER, AlertDescription.UNKNOWN_CA,
                Record.PROTECTED);
    }

    // ---------------------------------------------------------------- decrypt_error

    @Test
    void clientSendsDecryptErrorForABadServerFinished() {
        TlsConfig serverConfig = server().outgoingMessageRewriterForTesting(rewrite(Finished.class,
                f -> new Finished(flipLast(f.verifyData())))).build();
        assertAlertOnTheWire(client().build(), serverConfig, Side.CLIENT, AlertDescription.DECRYPT_ERROR,
                Record.CLEAR_BEFORE_CLIENT_FLIGHT);
    }

    @Test
    void clientSendsDecryptErrorForABadServerSignature() {
        TlsConfig serverConfig = server().outgoingMessageRewriterForTesting(rewrite(CertificateVerify.class,
                cv -> new CertificateVerify(cv.algorithm(), flipLast(cv.signature())))).build();
        assertAlertOnTheWire(client().build(), serverConfig, Side.CLIENT, AlertDescription.DECRYPT_ERROR,
                Record.CLEAR_BEFORE_CLIENT_FLIGHT);
    }

    @Test
    void serverSendsDecryptErrorForABadClientFinished() {
        TlsConfig clientConfig = client().outgoingMessageRewriterForTesting(rewrite(Finished.class,
                f -> new Finished(flipLast(f.verifyData())))).build();
        assertAlertOnTheWire(clientConfig, server().build(), Side.SERVER, AlertDescription.DECRYPT_ERROR,
                Record.PROTECTED);
    }

    @Test
    void serverSendsDecryptErrorForABadClientSignature() {
        TlsConfig clientConfig = client()
                .certifiedKey(new CertifiedKey(List.of(CLIENT_LEAF.certificate()), CLIENT_LEAF.privateKey()))
                .outgoingMessageRewriterForTesting(rewrite(CertificateVerify.class,
                        cv -> new CertificateVerify(cv.algorithm(), flipLast(cv.signature())))).build();
        TlsConfig serverConfig = server().clientAuth(ClientAuth.REQUIRED).build();
        assertAlertOnTheWire(clientConfig, serverConfig, Side.SERVER, AlertDescription.DECRYPT_ERROR,
                Record.PROTECTED);
    }

    // ---------------------------------------------------------------- negotiation

    @Test
    void serverSendsMissingExtensionForAClientHelloWithoutSignatureAlgorithms() {
        TlsConfig clientConfig = client().outgoingMessageRewriterForTesting(rewrite(ClientHello.class, hello -> {
            List<Extension> kept = new ArrayList<>();
            for (Extension e : hello.extensions()) {
                if (!(e instanceof SignatureAlgorithms)) {
                    kept.add(e);
                }
            }
            return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                    hello.cipherSuites(), hello.legacyCompressionMethods(), Optional.of(Extensions.of(kept)));
        })).build();
        assertAlertOnTheWire(clientConfig, server().build(), Side.SERVER, AlertDescription.MISSING_EXTENSION,
                Record.PLAINTEXT);
    }

    @Test
    void serverSendsHandshakeFailureWhenNoSuiteIsShared() {
        TlsConfig clientConfig = client().cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256)).build();
        TlsConfig serverConfig = server().cipherSuites(List.of(CipherSuite.TLS_CHACHA20_POLY1305_SHA256)).build();
        assertAlertOnTheWire(clientConfig, serverConfig, Side.SERVER, AlertDescription.HANDSHAKE_FAILURE,
                Record.PLAINTEXT);
    }

    @Test
    void serverSendsProtocolVersionToATls12OnlyClient() {
        TlsConfig clientConfig = TlsConfig.builder().clock(CLOCK).versions(List.of(ProtocolVersion.TLS1_2))
                .trustAnchors(List.of(ROOT.certificate())).build();
        assertAlertOnTheWire(clientConfig, server().build(), Side.SERVER, AlertDescription.PROTOCOL_VERSION,
                Record.PLAINTEXT);
    }

    @Test
    void serverSendsNoApplicationProtocolWhenNoAlpnProtocolIsShared() {
        TlsConfig clientConfig = client().alpnProtocols(List.of("h2")).build();
        TlsConfig serverConfig = server().alpnProtocols(List.of("http/1.1")).build();
        assertAlertOnTheWire(clientConfig, serverConfig, Side.SERVER, AlertDescription.NO_APPLICATION_PROTOCOL,
                Record.PLAINTEXT);
    }

    // ---------------------------------------------------------------- record layer

    @Test
    void serverSendsRecordOverflowForAPlaintextRecordLongerThan16384Bytes() {
        // RFC 8446 §5.1: a TLSPlaintext fragment is at most 2^14 bytes.
        UnaryOperator<byte[]> oversized = flight -> {
            byte[] record = new byte[5 + 16385];
            record[0] = 22;
            record[1] = 3;
            record[2] = 1;
            record[3] = (byte) (16385 >>> 8);
            record[4] = (byte) 16385;
            return record;
        };
        assertAlertOnTheWire(new WirePair(client().build(), "localhost", server().build()), once(oversized),
                UnaryOperator.identity(), Side.SERVER, AlertDescription.RECORD_OVERFLOW, Record.PLAINTEXT);
    }

    @Test
    void serverSendsRecordOverflowForAProtectedRecordLongerThanAllowed() {
        // RFC 8446 §5.2: a TLSCiphertext is at most 2^14 + 256 bytes. The client's second
        // flight (CCS, then its protected Finished) gets a protected record one byte too long.
        int[] flights = {0};
        UnaryOperator<byte[]> oversized = flight -> {
            if (flights[0]++ != 1) {
                return flight;
            }
            int length = 16384 + 256 + 1;
            byte[] record = new byte[5 + length];
            record[0] = 23;
            record[1] = 3;
            record[2] = 3;
            record[3] = (byte) (length >>> 8);
            record[4] = (byte) length;
            return record;
        };
        assertAlertOnTheWire(new WirePair(client().build(), "localhost", server().build()), oversized,
                UnaryOperator.identity(), Side.SERVER, AlertDescription.RECORD_OVERFLOW, Record.PROTECTED);
    }

    @Test
    void serverSendsBadRecordMacForAProtectedRecordWithAChangedTag() {
        int[] flights = {0};
        UnaryOperator<byte[]> corrupt = flight -> flights[0]++ == 1 ? flipLast(flight) : flight;
        assertAlertOnTheWire(new WirePair(client().build(), "localhost", server().build()), corrupt,
                UnaryOperator.identity(), Side.SERVER, AlertDescription.BAD_RECORD_MAC, Record.PROTECTED);
    }

    @Test
    void clientSendsBadRecordMacForAProtectedServerRecordWithAChangedTag() {
        // The server's first flight ends with its protected Finished record.
        UnaryOperator<byte[]> corrupt = once(Tls13AlertsOnTheWireTest::flipLast);
        assertAlertOnTheWire(new WirePair(client().build(), "localhost", server().build()),
                UnaryOperator.identity(), corrupt, Side.CLIENT, AlertDescription.BAD_RECORD_MAC, Record.PLAINTEXT);
    }
}
