package dev.tlsref.core.message;

import static dev.tlsref.core.AlertDescription.DECODE_ERROR;
import static dev.tlsref.core.AlertDescription.ILLEGAL_PARAMETER;
import static dev.tlsref.core.AlertDescription.UNEXPECTED_MESSAGE;
import static dev.tlsref.core.message.Alerts.assertAlert;
import static dev.tlsref.core.message.TestVectors.RFC8448_CONTEXT;
import static dev.tlsref.core.message.TestVectors.hex;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.CipherSuite.KeyExchange;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsWriter;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.SupportedVersionsServerHello;
import dev.tlsref.core.extension.UnknownExtension;
import dev.tlsref.core.message.TestVectors.Sample;
import dev.tlsref.crypto.HashAlgorithm;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Round trips, truncations, bounds and policy of every message. */
class MessageCodecTest {
    private static final DecodeContext ECDHE = DecodeContext.tls12(KeyExchange.ECDHE);
    private static final DecodeContext DHE = DecodeContext.tls12(KeyExchange.DHE);
    private static final DecodeContext RSA = DecodeContext.tls12(KeyExchange.RSA);
    private static final byte[] RANDOM = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    static List<Sample> allMessages() {
        return TestVectors.allMessages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allMessages")
    void roundTripsAndComparesByContent(Sample sample) throws TlsAlertException {
        HandshakeMessage first = HandshakeMessages.decode(sample.type(), sample.body(), sample.context());
        HandshakeMessage second = HandshakeMessages.decode(sample.message(), sample.context());
        assertThat(hex(first.encode()), is(hex(sample.message())));
        assertThat(first, equalTo(second));
        assertThat(first.hashCode(), is(second.hashCode()));
        assertThat(first.type(), is(sample.type()));
        String trace = first.toString();
        assertThat(trace, not(containsString("[B@")));
        assertThat(trace, not(containsString("@")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allMessages")
    void rejectsEveryTruncatedBody(Sample sample) throws TlsAlertException {
        byte[] body = sample.body();
        int extensionlessEnd = extensionlessHelloLength(sample);
        for (int length = 0; length < body.length; length++) {
            byte[] prefix = Arrays.copyOf(body, length);
            if (length == extensionlessEnd) {
                // RFC 5246 §7.4.1.2/§7.4.1.3: a hello may end before its extension block.
                HandshakeMessage shorter = HandshakeMessages.decode(sample.type(), prefix, sample.context());
                assertThat(hex(shorter.body()), is(hex(prefix)));
                continue;
            }
            assertAlert(DECODE_ERROR, () -> HandshakeMessages.decode(sample.type(), prefix, sample.context()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allMessages")
    void rejectsEveryTruncatedMessage(Sample sample) {
        byte[] message = sample.message();
        for (int length = 0; length < message.length; length++) {
            byte[] prefix = Arrays.copyOf(message, length);
            assertAlert(DECODE_ERROR, () -> HandshakeMessages.decode(prefix, sample.context()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allMessages")
    void rejectsTrailingBytes(Sample sample) {
        for (byte[] extra : List.of(hex("00"), hex("0000"), hex("ffffff"))) {
            byte[] body = concat(sample.body(), extra);
            assertAlert(DECODE_ERROR, () -> HandshakeMessages.decode(sample.type(), body, sample.context()));
        }
        byte[] message = concat(sample.message(), hex("00"));
        assertAlert(DECODE_ERROR, () -> HandshakeMessages.decode(message, sample.context()));
    }

    /** Where a ClientHello/ServerHello body would end without its extension block, else -1. */
    private static int extensionlessHelloLength(Sample sample) throws TlsAlertException {
        HandshakeMessage m = HandshakeMessages.decode(sample.message(), sample.context());
        if (m instanceof ClientHello ch && ch.extensionBlock().isPresent()) {
            return 2 + 32 + 1 + ch.legacySessionId().length + 2 + 2 * ch.cipherSuites().size() + 1
                    + ch.legacyCompressionMethods().length;
        }
        if (m instanceof ServerHello sh && sh.extensionBlock().isPresent()) {
            return 2 + 32 + 1 + sh.legacySessionIdEcho().length + 2 + 1;
        }
        return -1;
    }

    @Nested
    class ClientHelloTest {
        private final ClientHello withBlock = new ClientHello(RANDOM, new byte[0],
                List.of(CipherSuite.TLS_AES_128_GCM_SHA256), Extensions.EMPTY);

        @Test
        void keepsAnAbsentExtensionBlockApartFromAnEmptyOne() throws TlsAlertException {
            ClientHello without = new ClientHello(ProtocolVersion.TLS1_2, RANDOM, new byte[0],
                    List.of(CipherSuite.TLS_AES_128_GCM_SHA256), hex("00"), Optional.empty());
            byte[] withBody = withBlock.body();
            byte[] withoutBody = without.body();
            assertThat(withBody.length, is(withoutBody.length + 2));
            assertThat(hex(Arrays.copyOfRange(withBody, withoutBody.length, withBody.length)), is("0000"));
            ClientHello decodedWithout = ClientHello.decode(withoutBody);
            ClientHello decodedWith = ClientHello.decode(withBody);
            assertThat(decodedWithout.extensionBlock(), is(Optional.empty()));
            assertThat(decodedWith.extensionBlock(), is(Optional.of(Extensions.EMPTY)));
            assertThat(decodedWithout, not(equalTo(decodedWith)));
            assertThat(decodedWithout.extensions(), is(Extensions.EMPTY));
            assertThat(hex(decodedWithout.body()), is(hex(withoutBody)));
            assertThat(decodedWithout.toString(), containsString("extensions=(absent)"));
        }

        @Test
        void acceptsA32ByteSessionIdAndRejectsA33ByteOne() throws TlsAlertException {
            byte[] ok = clientHello("20" + "11".repeat(32), "00021301", "0100", "0000");
            assertThat(ClientHello.decode(ok).legacySessionId().length, is(32));
            byte[] tooLong = clientHello("21" + "11".repeat(33), "00021301", "0100", "0000");
            assertAlert(DECODE_ERROR, () -> ClientHello.decode(tooLong));
            assertThrows(IllegalArgumentException.class, () -> new ClientHello(RANDOM, new byte[33],
                    List.of(CipherSuite.TLS_AES_128_GCM_SHA256), Extensions.EMPTY));
        }

        @Test
        void rejectsEmptyOddAndOversizedCipherSuiteLists() {
            for (String suites : List.of("0000", "000113", "00031301ff", "ffff")) {
                assertAlert(DECODE_ERROR, () -> ClientHello.decode(clientHello("00", suites, "0100", "0000")));
            }
            assertThrows(IllegalArgumentException.class,
                    () -> new ClientHello(RANDOM, new byte[0], List.of(), Extensions.EMPTY));
        }

        @Test
        void rejectsAnEmptyCompressionMethodList() {
            assertAlert(DECODE_ERROR, () -> ClientHello.decode(clientHello("00", "00021301", "00", "0000")));
        }

        @Test
        void keepsSeveralCompressionMethodsForTheHandshakeToJudge() throws TlsAlertException {
            ClientHello hello = ClientHello.decode(clientHello("00", "00021301", "020100", ""));
            assertThat(hex(hello.legacyCompressionMethods()), is("0100"));
        }

        @Test
        void rejectsAMalformedExtensionBlock() {
            assertAlert(DECODE_ERROR, () -> ClientHello.decode(clientHello("00", "00021301", "0100", "0005000a")));
            assertAlert(DECODE_ERROR, () -> ClientHello.decode(clientHello("00", "00021301", "0100", "00")));
        }

        @Test
        void makesDefensiveCopies() {
            byte[] random = RANDOM.clone();
            ClientHello hello = new ClientHello(random, new byte[0], List.of(CipherSuite.TLS_AES_128_GCM_SHA256),
                    Extensions.EMPTY);
            random[0] = 99;
            hello.random()[1] = 99;
            assertThat(hex(hello.random()), is(hex(RANDOM)));
        }

        @Test
        void tracesSuitesByNameAndRandomInHex() {
            String trace = withBlock.toString();
            assertThat(trace, containsString("TLS_AES_128_GCM_SHA256"));
            assertThat(trace, containsString(hex(RANDOM)));
        }

        @Test
        void truncateForBindersRejectsWhatIsNotAClientHelloOrTooShort() {
            byte[] encoded = withBlock.encode();
            assertThrows(IllegalArgumentException.class,
                    () -> ClientHello.truncateForBinders(new Finished(new byte[32]).encode(), 35));
            assertThrows(IllegalArgumentException.class,
                    () -> ClientHello.truncateForBinders(encoded, encoded.length - 3));
            assertThat(ClientHello.truncateForBinders(encoded, 3).length, is(encoded.length - 3));
        }

        private byte[] clientHello(String sessionId, String suites, String compression, String extensions) {
            return hex("0303" + hex(RANDOM) + sessionId + suites + compression + extensions);
        }
    }

    @Nested
    class ServerHelloTest {
        @Test
        void rejectsACompressionMethodOtherThanNullWithIllegalParameter() {
            byte[] body = hex("0303" + hex(RANDOM) + "00" + "1301" + "01" + "0000");
            assertAlert(ILLEGAL_PARAMETER, () -> ServerHello.decode(body));
        }

        @Test
        void roundTripsATls12ServerHelloWithoutExtensions() throws TlsAlertException {
            byte[] body = hex("0303" + hex(RANDOM) + "00" + "c02f" + "00");
            ServerHello hello = ServerHello.decode(body);
            assertThat(hello.extensionBlock(), is(Optional.empty()));
            assertThat(hello.cipherSuite(), is(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256));
            assertThat(hex(hello.body()), is(hex(body)));
        }

        @Test
        void buildsAHelloRetryRequest() throws TlsAlertException {
            ServerHello hrr = ServerHello.helloRetryRequest(new byte[0], CipherSuite.TLS_AES_128_GCM_SHA256,
                    Extensions.of(new SupportedVersionsServerHello(ProtocolVersion.TLS1_3)));
            assertThat(hrr.isHelloRetryRequest(), is(true));
            ServerHello decoded = ServerHello.decode(hrr.body());
            assertThat(decoded.isHelloRetryRequest(), is(true));
            assertThat(decoded, equalTo(hrr));
        }

        @Test
        void recognisesTheDowngradeSentinels() {
            ServerHello.DowngradeSentinel tls12 = ServerHello.DowngradeSentinel.TLS12;
            assertThat(hex(tls12.bytes()), is("444f574e47524401"));
            assertThat(hex(ServerHello.DowngradeSentinel.TLS11.bytes()), is("444f574e47524400"));
            byte[] stamped = tls12.applyTo(RANDOM);
            assertThat(hex(Arrays.copyOf(stamped, 24)), is(hex(Arrays.copyOf(RANDOM, 24))));
            assertThat(ServerHello.DowngradeSentinel.find(stamped), is(Optional.of(tls12)));
            assertThat(ServerHello.DowngradeSentinel.find(ServerHello.DowngradeSentinel.TLS11.applyTo(RANDOM)),
                    is(Optional.of(ServerHello.DowngradeSentinel.TLS11)));
            assertThat(ServerHello.DowngradeSentinel.find(RANDOM), is(Optional.empty()));
            ServerHello hello = new ServerHello(stamped, new byte[0], CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                    Extensions.EMPTY);
            assertThat(hello.downgradeSentinel(), is(Optional.of(tls12)));
        }

        @Test
        void sentinelBytesCannotBeChangedByCallers() {
            ServerHello.DowngradeSentinel.TLS12.bytes()[0] = 0;
            ServerHello.helloRetryRequestRandom()[0] = 0;
            assertThat(hex(ServerHello.DowngradeSentinel.TLS12.bytes()), is("444f574e47524401"));
            assertThat(hex(ServerHello.helloRetryRequestRandom()).substring(0, 2), is("cf"));
        }
    }

    @Nested
    class CertificateTest {
        @Test
        void tls13RejectsAnEmptyCertData() {
            assertAlert(DECODE_ERROR, () -> Tls13Certificate.decode(hex("00" + "000005" + "000000" + "0000")));
        }

        @Test
        void tls13AcceptsAnEmptyListAndAContext() throws TlsAlertException {
            Tls13Certificate empty = Tls13Certificate.decode(hex("0401020304" + "000000"));
            assertThat(hex(empty.certificateRequestContext()), is("01020304"));
            assertThat(empty.entries().isEmpty(), is(true));
        }

        @Test
        void tls13KeepsEntryExtensions() throws TlsAlertException {
            Tls13Certificate certificate = new Tls13Certificate(new byte[0], List.of(
                    new Tls13Certificate.Entry(hex("3000"),
                            Extensions.of(new UnknownExtension(ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP, hex("01")))),
                    new Tls13Certificate.Entry(hex("3001ff"))));
            Tls13Certificate decoded = Tls13Certificate.decode(certificate.body());
            assertThat(decoded, equalTo(certificate));
            assertThat(decoded.entries().get(0).extensions().contains(ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP), is(true));
        }

        @Test
        void tls12RejectsAnEmptyCertificate() {
            assertAlert(DECODE_ERROR, () -> Tls12Certificate.decode(hex("000006" + "000003010203" + "000000")));
        }

        @Test
        void tls12CopiesItsCertificates() {
            byte[] cert = hex("3000");
            Tls12Certificate certificate = new Tls12Certificate(List.of(cert));
            cert[0] = 0;
            certificate.certificateList().get(0)[1] = 9;
            assertThat(hex(certificate.certificateList().get(0)), is("3000"));
        }

        @Test
        void tls12RequestRejectsEmptyOrOddVectors() {
            // certificate_types<1..2^8-1>
            assertAlert(DECODE_ERROR, () -> Tls12CertificateRequest.decode(hex("00" + "00020403" + "0000")));
            // supported_signature_algorithms<2..2^16-2>: empty, odd, 2^16-1
            assertAlert(DECODE_ERROR, () -> Tls12CertificateRequest.decode(hex("0140" + "0000" + "0000")));
            assertAlert(DECODE_ERROR, () -> Tls12CertificateRequest.decode(hex("0140" + "000304" + "0300" + "0000")));
            assertAlert(DECODE_ERROR, () -> Tls12CertificateRequest.decode(hex("0140" + "ffff" + "0000")));
            // DistinguishedName<1..2^16-1>
            assertAlert(DECODE_ERROR, () -> Tls12CertificateRequest.decode(hex("0140" + "00020403" + "00020000")));
        }

        @Test
        void tls12RequestAcceptsNoAuthorities() throws TlsAlertException {
            Tls12CertificateRequest request = Tls12CertificateRequest.decode(hex("0140" + "00020403" + "0000"));
            assertThat(request.certificateTypes(), is(List.of(ClientCertificateType.ECDSA_SIGN)));
            assertThat(request.supportedSignatureAlgorithms(), is(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256)));
            assertThat(request.certificateAuthorities().isEmpty(), is(true));
            assertThat(request.toString(), containsString("ecdsa_sign"));
        }

        @Test
        void certificateVerifyAcceptsAnEmptySignature() throws TlsAlertException {
            CertificateVerify cv = CertificateVerify.decode(hex("08040000"));
            assertThat(cv.algorithm(), is(SignatureScheme.RSA_PSS_RSAE_SHA256));
            assertThat(cv.signature().length, is(0));
        }
    }

    @Nested
    class FinishedTest {
        @Test
        void rejectsAVerifyDataOfTheWrongLength() {
            assertAlert(DECODE_ERROR, () -> Finished.decode(new byte[31], 32));
            assertAlert(DECODE_ERROR, () -> Finished.decode(new byte[33], 32));
            assertAlert(DECODE_ERROR, () -> Finished.decode(new byte[32], 48));
            assertAlert(DECODE_ERROR, () -> Finished.decode(new byte[0], 12));
            assertAlert(DECODE_ERROR,
                    () -> HandshakeMessages.decode(HandshakeType.FINISHED, new byte[32], ECDHE));
        }

        @Test
        void takesItsLengthFromTheContext() throws TlsAlertException {
            assertThat(HandshakeMessages.decode(HandshakeType.FINISHED, new byte[12], ECDHE),
                    is(new Finished(new byte[12])));
            DecodeContext sha384 = DecodeContext.of(CipherSuite.TLS_AES_256_GCM_SHA384);
            assertThat(HandshakeMessages.decode(HandshakeType.FINISHED, new byte[48], sha384),
                    is(new Finished(new byte[48])));
        }
    }

    @Nested
    class TicketTest {
        @Test
        void tls13RejectsAnEmptyTicket() {
            assertAlert(DECODE_ERROR, () -> Tls13NewSessionTicket.decode(hex("0000001e" + "00000001" + "00" + "0000" + "0000")));
        }

        @Test
        void tls13KeepsTheFullUint32RangeAndTheLargestTicket() throws TlsAlertException {
            Tls13NewSessionTicket ticket = new Tls13NewSessionTicket(0xffffffffL, 0x80000000L, new byte[255],
                    new byte[0xffff], Extensions.EMPTY);
            Tls13NewSessionTicket decoded = Tls13NewSessionTicket.decode(ticket.body());
            assertThat(decoded, equalTo(ticket));
            assertThat(decoded.ticketLifetime(), is(0xffffffffL));
            assertThrows(IllegalArgumentException.class, () -> new Tls13NewSessionTicket(1, 1, new byte[0],
                    new byte[0x10000], Extensions.EMPTY));
            assertThrows(IllegalArgumentException.class, () -> new Tls13NewSessionTicket(1L << 32, 1, new byte[0],
                    new byte[1], Extensions.EMPTY));
        }

        @Test
        void tls12AcceptsAnEmptyTicket() throws TlsAlertException {
            Tls12NewSessionTicket ticket = Tls12NewSessionTicket.decode(hex("00000000" + "0000"));
            assertThat(ticket.ticket().length, is(0));
        }

        @Test
        void dispatcherPicksTheTicketFormByVersion() throws TlsAlertException {
            byte[] tls12 = new Tls12NewSessionTicket(60, hex("aa")).body();
            assertThat(HandshakeMessages.decode(HandshakeType.NEW_SESSION_TICKET, tls12, ECDHE),
                    instanceOf(Tls12NewSessionTicket.class));
            assertAlert(DECODE_ERROR,
                    () -> HandshakeMessages.decode(HandshakeType.NEW_SESSION_TICKET, tls12, RFC8448_CONTEXT));
        }
    }

    @Nested
    class KeyUpdateTest {
        @Test
        void rejectsARequestOtherThanZeroOrOneWithIllegalParameter() {
            assertAlert(ILLEGAL_PARAMETER, () -> KeyUpdate.decode(hex("02")));
            assertAlert(ILLEGAL_PARAMETER, () -> KeyUpdate.decode(hex("ff")));
        }

        @Test
        void rejectsAWrongLength() {
            assertAlert(DECODE_ERROR, () -> KeyUpdate.decode(new byte[0]));
            assertAlert(DECODE_ERROR, () -> KeyUpdate.decode(hex("0000")));
        }

        @Test
        void decodesBothValues() throws TlsAlertException {
            assertThat(KeyUpdate.decode(hex("00")).requestUpdate(), is(KeyUpdate.Request.UPDATE_NOT_REQUESTED));
            assertThat(KeyUpdate.decode(hex("01")).requestUpdate(), is(KeyUpdate.Request.UPDATE_REQUESTED));
            assertThat(hex(new KeyUpdate(KeyUpdate.Request.UPDATE_NOT_REQUESTED).encode()), is("1800000100"));
        }

        @Test
        void emptyMessagesRejectAnyBody() {
            assertAlert(DECODE_ERROR, () -> EndOfEarlyData.decode(hex("00")));
            assertAlert(DECODE_ERROR, () -> HelloRequest.decode(hex("00")));
            assertAlert(DECODE_ERROR, () -> ServerHelloDone.decode(hex("00")));
            assertThat(hex(new ServerHelloDone().encode()), is("0e000000"));
        }
    }

    @Nested
    class KeyExchangeTest {
        private final byte[] point = hex("04" + "11".repeat(64));

        @Test
        void ecdheRejectsExplicitCurvesWithIllegalParameter() {
            assertAlert(ILLEGAL_PARAMETER, () -> EcdheServerKeyExchange.decode(hex("01" + "0017" + "0101" + "0403" + "0000")));
        }

        @Test
        void ecdheRejectsAnEmptyPoint() {
            assertAlert(DECODE_ERROR, () -> EcdheServerKeyExchange.decode(hex("03" + "0017" + "00" + "0403" + "0000")));
            assertAlert(DECODE_ERROR, () -> EcdheClientKeyExchange.decode(hex("00")));
        }

        @Test
        void ecdheSignedContentIsBothRandomsThenTheWireParams() throws TlsAlertException {
            EcdheServerKeyExchange ske = new EcdheServerKeyExchange(NamedGroup.X25519, hex("0102"),
                    SignatureScheme.ECDSA_SECP256R1_SHA256, hex("3000"));
            byte[] body = ske.body();
            assertThat(hex(body), is("03001d020102" + "0403" + "00023000"));
            byte[] serverRandom = new byte[32];
            Arrays.fill(serverRandom, (byte) 0xee);
            byte[] signed = EcdheServerKeyExchange.decode(body).signedContent(RANDOM, serverRandom);
            assertThat(hex(signed), is(hex(RANDOM) + hex(serverRandom) + "03001d020102"));
            assertThat(hex(EcdheServerKeyExchange.params(NamedGroup.X25519, hex("0102"))), is("03001d020102"));
        }

        @Test
        void dheRejectsEmptyParameters() {
            assertAlert(DECODE_ERROR, () -> DheServerKeyExchange.decode(hex("0000" + "000102" + "000103" + "0804" + "0000")));
            assertAlert(DECODE_ERROR, () -> DheServerKeyExchange.decode(hex("000117" + "0000" + "000103" + "0804" + "0000")));
            assertAlert(DECODE_ERROR, () -> DheServerKeyExchange.decode(hex("000117" + "000102" + "0000" + "0804" + "0000")));
            assertAlert(DECODE_ERROR, () -> DheClientKeyExchange.decode(hex("0000")));
        }

        @Test
        void dheSignedContentCoversTheThreeValues() throws TlsAlertException {
            DheServerKeyExchange ske = DheServerKeyExchange.decode(hex("000117" + "000102" + "000103" + "0804" + "0001aa"));
            assertThat(hex(ske.params()), is("000117000102000103"));
            assertThat(hex(ske.signedContent(RANDOM, RANDOM)), is(hex(RANDOM) + hex(RANDOM) + "000117000102000103"));
            assertThat(hex(ske.signature()), is("aa"));
        }

        @Test
        void rsaAcceptsAnEmptyCiphertext() throws TlsAlertException {
            assertThat(RsaClientKeyExchange.decode(hex("0000")).encryptedPreMasterSecret().length, is(0));
        }

        @Test
        void dispatcherPicksTheFormByKeyExchange() throws TlsAlertException {
            byte[] body = new EcdheClientKeyExchange(point).body();
            assertThat(HandshakeMessages.decode(HandshakeType.CLIENT_KEY_EXCHANGE, body, ECDHE),
                    instanceOf(EcdheClientKeyExchange.class));
            byte[] dh = new DheClientKeyExchange(hex("05")).body();
            assertThat(HandshakeMessages.decode(HandshakeType.CLIENT_KEY_EXCHANGE, dh, DHE),
                    instanceOf(DheClientKeyExchange.class));
            assertThat(HandshakeMessages.decode(HandshakeType.CLIENT_KEY_EXCHANGE, dh, RSA),
                    instanceOf(RsaClientKeyExchange.class));
        }
    }

    @Nested
    class DispatcherTest {
        @Test
        void rejectsMessagesThatDoNotExistInTheVersion() {
            DecodeContext tls13 = RFC8448_CONTEXT;
            assertAlert(UNEXPECTED_MESSAGE, () -> HandshakeMessages.decode(HandshakeType.SERVER_KEY_EXCHANGE, hex("03"), tls13));
            assertAlert(UNEXPECTED_MESSAGE, () -> HandshakeMessages.decode(HandshakeType.CLIENT_KEY_EXCHANGE, hex("00"), tls13));
            assertAlert(UNEXPECTED_MESSAGE, () -> HandshakeMessages.decode(HandshakeType.SERVER_HELLO_DONE, hex(""), tls13));
            assertAlert(UNEXPECTED_MESSAGE, () -> HandshakeMessages.decode(HandshakeType.HELLO_REQUEST, hex(""), tls13));
            assertAlert(UNEXPECTED_MESSAGE, () -> HandshakeMessages.decode(HandshakeType.KEY_UPDATE, hex("00"), ECDHE));
            assertAlert(UNEXPECTED_MESSAGE, () -> HandshakeMessages.decode(HandshakeType.ENCRYPTED_EXTENSIONS, hex("0000"), ECDHE));
            assertAlert(UNEXPECTED_MESSAGE, () -> HandshakeMessages.decode(HandshakeType.END_OF_EARLY_DATA, hex(""), ECDHE));
            assertAlert(UNEXPECTED_MESSAGE, () -> HandshakeMessages.decode(HandshakeType.SERVER_KEY_EXCHANGE, hex("03"), RSA));
        }

        @Test
        void rejectsMessageHashAndUnknownTypes() {
            for (DecodeContext context : List.of(RFC8448_CONTEXT, ECDHE)) {
                assertAlert(UNEXPECTED_MESSAGE, () -> HandshakeMessages.decode(HandshakeType.MESSAGE_HASH, new byte[32], context));
                assertAlert(UNEXPECTED_MESSAGE, () -> HandshakeMessages.decode(new HandshakeType(99), hex(""), context));
            }
        }

        @Test
        void rejectsAHeaderWhoseLengthDisagreesWithTheBody() {
            assertAlert(DECODE_ERROR, () -> HandshakeMessages.decode(hex("0e000001"), ECDHE));
            assertAlert(DECODE_ERROR, () -> HandshakeMessages.decode(hex("0e00000000"), ECDHE));
            assertAlert(DECODE_ERROR, () -> HandshakeMessages.decode(hex("0e0000"), ECDHE));
        }

        @Test
        void contextFollowsTheSuite() {
            assertThat(DecodeContext.of(CipherSuite.TLS_AES_256_GCM_SHA384),
                    is(new DecodeContext(ProtocolVersion.TLS1_3, KeyExchange.TLS13, 48)));
            assertThat(DecodeContext.of(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256), is(DHE));
            assertThat(DecodeContext.tls13(HashAlgorithm.SHA256).verifyDataLength(), is(32));
            assertThrows(IllegalArgumentException.class,
                    () -> new DecodeContext(ProtocolVersion.TLS1_3, KeyExchange.ECDHE, 32));
            assertThrows(IllegalArgumentException.class,
                    () -> new DecodeContext(ProtocolVersion.TLS1_2, KeyExchange.TLS13, 12));
            assertThrows(IllegalArgumentException.class,
                    () -> new DecodeContext(ProtocolVersion.TLS1_1, KeyExchange.RSA, 12));
            assertThrows(IllegalArgumentException.class, () -> DecodeContext.of(new CipherSuite(0x0a0a)));
        }
    }

    @Nested
    class RecordPayloadTest {
        @Test
        void decodesAnAlert() throws TlsAlertException {
            Alert alert = Alert.decode(hex("0228"));
            assertThat(alert, is(Alert.fatal(AlertDescription.HANDSHAKE_FAILURE)));
            assertThat(alert.toString(), is("Alert[fatal, handshake_failure]"));
            assertThat(hex(Alert.closeNotify().encode()), is("0100"));
            Alert odd = Alert.decode(hex("07ee"));
            assertThat(odd.level().name(), is("unknown(0x07)"));
            assertThat(hex(odd.encode()), is("07ee"));
        }

        @Test
        void rejectsAnAlertThatIsNotTwoBytes() {
            for (String payload : List.of("", "02", "022800")) {
                assertAlert(DECODE_ERROR, () -> Alert.decode(hex(payload)));
            }
        }

        @Test
        void acceptsOnlyTheSingleByteOneAsChangeCipherSpec() throws TlsAlertException {
            assertThat(ChangeCipherSpec.decode(hex("01")), is(new ChangeCipherSpec()));
            assertThat(hex(new ChangeCipherSpec().encode()), is("01"));
            for (String payload : List.of("", "00", "02", "0101")) {
                assertAlert(UNEXPECTED_MESSAGE, () -> ChangeCipherSpec.decode(hex(payload)));
            }
        }
    }

    @Test
    void writerFillsInTheHandshakeHeader() {
        byte[] encoded = new CertificateVerify(SignatureScheme.ED25519, hex("abcd")).encode();
        assertThat(hex(encoded), is("0f000006" + "0807" + "0002abcd"));
        TlsWriter out = new TlsWriter();
        new CertificateVerify(SignatureScheme.ED25519, hex("abcd")).encodeBody(out);
        assertThat(hex(out.toByteArray()), is("08070002abcd"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
