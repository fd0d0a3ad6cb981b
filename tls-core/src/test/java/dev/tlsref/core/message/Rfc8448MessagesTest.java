package dev.tlsref.core.message;

import static dev.tlsref.core.message.TestVectors.RFC8448_CONTEXT;
import static dev.tlsref.core.message.TestVectors.hex;
import static dev.tlsref.core.message.TestVectors.rfc8448;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.message.TestVectors.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every handshake message printed in RFC 8448 decodes and re-encodes byte for byte. */
class Rfc8448MessagesTest {

    static List<Sample> messages() {
        return TestVectors.rfc8448Messages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void decodesAndReencodesExactly(Sample sample) throws TlsAlertException {
        HandshakeMessage decoded = HandshakeMessages.decode(sample.message(), sample.context());
        assertThat(decoded.type(), is(sample.type()));
        assertThat(hex(decoded.encode()), is(hex(sample.message())));
        assertThat(hex(decoded.body()), is(hex(sample.body())));
        // Decoding through the type's own decode gives an equal value.
        assertThat(HandshakeMessages.decode(sample.type(), sample.body(), sample.context()), equalTo(decoded));
    }

    @Test
    void coversEveryCompleteMessageOfTheFiveTraces() {
        assertThat(messages(), hasSize(8 + 6 + 9 + 10 + 7));
    }

    @Test
    void simpleHandshakeFieldsAreReadCorrectly() throws TlsAlertException {
        Map<String, byte[]> trace = rfc8448("simple-1rtt");
        ClientHello ch = (ClientHello) decode(trace.get("client_hello"));
        assertThat(ch.legacyVersion(), is(ProtocolVersion.TLS1_2));
        assertThat(hex(ch.random()), is("cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7"));
        assertThat(ch.legacySessionId().length, is(0));
        assertThat(ch.cipherSuites(), contains(CipherSuite.TLS_AES_128_GCM_SHA256,
                CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384));
        assertThat(ch.extensions().contains(ExtensionType.KEY_SHARE), is(true));
        assertThat(ch.extensions().asList().get(0).type(), is(ExtensionType.SERVER_NAME));

        ServerHello sh = (ServerHello) decode(trace.get("server_hello"));
        assertThat(sh.isHelloRetryRequest(), is(false));
        assertThat(sh.cipherSuite(), is(CipherSuite.TLS_AES_128_GCM_SHA256));
        assertThat(sh.downgradeSentinel().isPresent(), is(false));

        Tls13Certificate certificate = (Tls13Certificate) decode(trace.get("certificate"));
        assertThat(certificate.certificateRequestContext().length, is(0));
        assertThat(certificate.entries(), hasSize(1));
        assertThat(certificate.entries().get(0).certData().length, is(432));

        CertificateVerify cv = (CertificateVerify) decode(trace.get("certificate_verify"));
        assertThat(cv.algorithm(), is(SignatureScheme.RSA_PSS_RSAE_SHA256));
        assertThat(cv.signature().length, is(128));

        Finished finished = (Finished) decode(trace.get("server_finished"));
        assertThat(hex(finished.verifyData()), is("9b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718"));

        Tls13NewSessionTicket ticket = (Tls13NewSessionTicket) decode(trace.get("new_session_ticket"));
        assertThat(ticket.ticketLifetime(), is(30L));
        assertThat(ticket.ticketAgeAdd(), is(0xfad6aac5L));
        assertThat(hex(ticket.ticketNonce()), is("0000"));
        assertThat(ticket.ticket().length, is(178));
        assertThat(ticket.extensions().contains(ExtensionType.EARLY_DATA), is(true));
    }

    @Test
    void helloRetryRequestIsRecognisedByItsRandom() throws TlsAlertException {
        Map<String, byte[]> trace = rfc8448("hrr");
        ServerHello hrr = (ServerHello) decode(trace.get("hello_retry_request"));
        assertThat(hrr.isHelloRetryRequest(), is(true));
        assertThat(hex(hrr.random()), is(hex(ServerHello.helloRetryRequestRandom())));
        assertThat(hrr.extensions().contains(ExtensionType.COOKIE), is(true));
        assertThat(hrr.toString().startsWith("HelloRetryRequest["), is(true));
        ServerHello sh = (ServerHello) decode(trace.get("server_hello"));
        assertThat(sh.isHelloRetryRequest(), is(false));
        assertThat(sh.toString().startsWith("ServerHello["), is(true));
    }

    @Test
    void helloRetryRequestRandomIsSha256OfItsName() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest("HelloRetryRequest".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(hex(ServerHello.helloRetryRequestRandom()), is(hex(digest)));
    }

    @Test
    void clientAuthenticationMessagesDecode() throws TlsAlertException {
        Map<String, byte[]> trace = rfc8448("client-auth");
        Tls13CertificateRequest request = (Tls13CertificateRequest) decode(trace.get("certificate_request"));
        assertThat(request.certificateRequestContext().length, is(0));
        assertThat(request.extensions().contains(ExtensionType.SIGNATURE_ALGORITHMS), is(true));
        CertificateVerify serverCv = (CertificateVerify) decode(trace.get("server_certificate_verify"));
        assertThat(serverCv.algorithm(), is(SignatureScheme.ECDSA_SECP256R1_SHA256));
        assertThat(decode(trace.get("client_certificate")), instanceOf(Tls13Certificate.class));
    }

    @Test
    void compatibilityModeClientHelloCarriesA32ByteSessionIdThatServerHelloEchoes() throws TlsAlertException {
        Map<String, byte[]> trace = rfc8448("compat-mode");
        ClientHello ch = (ClientHello) decode(trace.get("client_hello"));
        ServerHello sh = (ServerHello) decode(trace.get("server_hello"));
        assertThat(ch.legacySessionId().length, is(32));
        assertThat(hex(sh.legacySessionIdEcho()), is(hex(ch.legacySessionId())));
    }

    @Test
    void endOfEarlyDataIsEmpty() throws TlsAlertException {
        HandshakeMessage eoed = decode(rfc8448("resumed-0rtt").get("end_of_early_data"));
        assertThat(eoed, is(new EndOfEarlyData()));
        assertThat(hex(eoed.encode()), is("05000000"));
    }

    @Test
    void truncateForBindersReproducesTheRfcPartialClientHello() throws TlsAlertException {
        Map<String, byte[]> trace = rfc8448("resumed-0rtt");
        byte[] clientHello = trace.get("client_hello");
        // One SHA-256 binder: the list's uint16 length (2), the binder's uint8 length (1), 32 bytes.
        int bindersLength = 2 + 1 + 32;
        byte[] truncated = ClientHello.truncateForBinders(clientHello, bindersLength);
        assertThat(hex(truncated), is(hex(trace.get("client_hello_truncated_for_binder"))));
        // The binders list really is the last 35 bytes: 0x0021 = 33 bytes of list, 0x20 = 32-byte binder.
        assertThat(hex(java.util.Arrays.copyOfRange(clientHello, clientHello.length - 35, clientHello.length - 32)),
                is("002120"));
        ClientHello decoded = (ClientHello) decode(clientHello);
        List<?> extensions = decoded.extensions().asList();
        assertThat(((dev.tlsref.core.extension.Extension) extensions.get(extensions.size() - 1)).type(),
                is(ExtensionType.PRE_SHARED_KEY));
    }

    private static HandshakeMessage decode(byte[] message) throws TlsAlertException {
        return HandshakeMessages.decode(message, RFC8448_CONTEXT);
    }
}
