package dev.tlsref.core.extension;

import static dev.tlsref.core.extension.ExtensionVectors.hex;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.PskKeyExchangeMode;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The extension blocks of the RFC 8448 traces decode into the expected typed extensions and
 * re-encode exactly. The messages come from src/test/resources/extension/rfc8448 (see its
 * README); the fixed fields before each block are skipped by hand, per RFC 8446 §4.
 */
class Rfc8448ExtensionsTest {

    private static byte[] message(String file, String name) throws IOException {
        try (InputStream in = Rfc8448ExtensionsTest.class.getResourceAsStream("/extension/rfc8448/" + file)) {
            JsonNode root = new ObjectMapper().readTree(in);
            return hex(root.get("handshake_messages").get(name).asText());
        }
    }

    /** Decodes the block at the reader's position and checks it re-encodes to the same bytes. */
    private static Extensions block(byte[] message, TlsReader in, ExtensionContext context) throws TlsAlertException {
        int start = message.length - in.remaining();
        Extensions extensions = Extensions.decode(in, context);
        int end = message.length - in.remaining();
        TlsWriter out = new TlsWriter();
        extensions.encode(out);
        assertThat(hex(out.toByteArray()), is(hex(Arrays.copyOfRange(message, start, end))));
        return extensions;
    }

    /** RFC 8446 §4.1.2. */
    private static Extensions clientHello(byte[] message) throws TlsAlertException {
        TlsReader in = TlsReader.of(message);
        in.readBytes(4 + 2 + 32); // handshake header, legacy_version, random
        in.readOpaque8(0, 32); // legacy_session_id
        in.readOpaque16(2, 0xfffe); // cipher_suites
        in.readOpaque8(1, 0xff); // legacy_compression_methods
        Extensions extensions = block(message, in, ExtensionContext.CLIENT_HELLO);
        in.expectEnd("ClientHello");
        return extensions;
    }

    /** RFC 8446 §4.1.3; a HelloRetryRequest has the same layout. */
    private static Extensions serverHello(byte[] message, ExtensionContext context) throws TlsAlertException {
        TlsReader in = TlsReader.of(message);
        in.readBytes(4 + 2 + 32);
        in.readOpaque8(0, 32);
        in.readBytes(2 + 1); // cipher_suite, legacy_compression_method
        Extensions extensions = block(message, in, context);
        in.expectEnd("ServerHello");
        return extensions;
    }

    /** RFC 8446 §4.3.1. */
    private static Extensions encryptedExtensions(byte[] message) throws TlsAlertException {
        TlsReader in = TlsReader.of(message);
        in.readBytes(4);
        Extensions extensions = block(message, in, ExtensionContext.ENCRYPTED_EXTENSIONS);
        in.expectEnd("EncryptedExtensions");
        return extensions;
    }

    private static List<String> types(Extensions extensions) {
        return extensions.asList().stream().map(e -> e.type().name()).collect(Collectors.toList());
    }

    @Test
    void simpleClientHelloExtensions() throws Exception {
        Extensions ch = clientHello(message("simple-1rtt.json", "client_hello"));
        assertThat(types(ch), is(List.of("server_name", "renegotiation_info", "supported_groups", "session_ticket",
                "key_share", "supported_versions", "signature_algorithms", "psk_key_exchange_modes",
                "record_size_limit")));
        assertThat(ch.find(ServerNameList.class).orElseThrow().hostName().orElseThrow(), is("server"));
        assertThat(ch.find(RenegotiationInfo.class).orElseThrow().renegotiatedConnection().length, is(0));
        assertThat(ch.find(SupportedGroups.class).orElseThrow().groups(), is(List.of(NamedGroup.X25519,
                NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.SECP521R1, NamedGroup.FFDHE2048,
                NamedGroup.FFDHE3072, NamedGroup.FFDHE4096, new NamedGroup(0x0103), new NamedGroup(0x0104))));
        assertThat(ch.find(SessionTicket.class).orElseThrow().ticket().length, is(0));
        KeyShareEntry share = ch.find(KeyShareClientHello.class).orElseThrow().shares().get(0);
        assertThat(share.group(), is(NamedGroup.X25519));
        assertThat(hex(share.keyExchange()), is(ExtensionVectors.X25519_SHARE));
        assertThat(ch.find(KeyShareClientHello.class).orElseThrow().toString(), is("key_share[x25519(32 bytes)]"));
        assertThat(ch.find(SupportedVersionsClientHello.class).orElseThrow().versions(),
                is(List.of(ProtocolVersion.TLS1_3)));
        List<SignatureScheme> schemes = ch.find(SignatureAlgorithms.class).orElseThrow().schemes();
        assertThat(schemes.size(), is(15));
        assertThat(schemes.get(0), is(SignatureScheme.ECDSA_SECP256R1_SHA256));
        assertThat(schemes.get(4), is(SignatureScheme.RSA_PSS_RSAE_SHA256));
        assertThat(ch.find(PskKeyExchangeModes.class).orElseThrow().modes(), is(List.of(PskKeyExchangeMode.PSK_DHE_KE)));
        assertThat(ch.find(RecordSizeLimit.class).orElseThrow().limit(), is(16385));
    }

    @Test
    void simpleServerFlightExtensions() throws Exception {
        Extensions sh = serverHello(message("simple-1rtt.json", "server_hello"), ExtensionContext.SERVER_HELLO);
        assertThat(types(sh), is(List.of("key_share", "supported_versions")));
        KeyShareEntry share = sh.find(KeyShareServerHello.class).orElseThrow().serverShare();
        assertThat(share.group(), is(NamedGroup.X25519));
        assertThat(hex(share.keyExchange()), is("c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f"));
        assertThat(sh.find(SupportedVersionsServerHello.class).orElseThrow().selectedVersion(),
                is(ProtocolVersion.TLS1_3));

        Extensions ee = encryptedExtensions(message("simple-1rtt.json", "encrypted_extensions"));
        assertThat(types(ee), is(List.of("supported_groups", "record_size_limit", "server_name")));
        assertThat(ee.find(ServerNameAck.class).isPresent(), is(true));
        assertThat(ee.find(RecordSizeLimit.class).orElseThrow().limit(), is(16385));
    }

    @Test
    void certificateEntryAndNewSessionTicketExtensions() throws Exception {
        // RFC 8446 §4.4.2: one CertificateEntry with no extensions.
        byte[] certificate = message("simple-1rtt.json", "certificate");
        TlsReader in = TlsReader.of(certificate);
        in.readBytes(4);
        in.readOpaque8(0, 0xff);
        TlsReader entries = in.readVector24(0, 0xffffff);
        entries.readOpaque24(1, 0xffffff);
        assertThat(block(certificate, entries, ExtensionContext.CERTIFICATE_ENTRY), is(Extensions.EMPTY));
        entries.expectEnd("certificate_list");

        // RFC 8446 §4.6.1
        byte[] ticket = message("simple-1rtt.json", "new_session_ticket");
        TlsReader nst = TlsReader.of(ticket);
        nst.readBytes(4 + 4 + 4);
        nst.readOpaque8(0, 255);
        nst.readOpaque16(1, 0xffff);
        Extensions extensions = block(ticket, nst, ExtensionContext.NEW_SESSION_TICKET);
        nst.expectEnd("NewSessionTicket");
        assertThat(extensions.asList(), is(List.of(new MaxEarlyDataSize(1024))));
    }

    @Test
    void resumedClientHelloBindersAreWhatTheTruncatedClientHelloLeavesOut() throws Exception {
        byte[] clientHello = message("resumed-0rtt.json", "client_hello");
        byte[] truncated = message("resumed-0rtt.json", "client_hello_truncated_for_binder");
        Extensions ch = clientHello(clientHello);
        assertThat(types(ch).get(types(ch).size() - 1), is("pre_shared_key"));
        assertThat(ch.find(EarlyData.class).isPresent(), is(true));
        PreSharedKeyClientHello psk = ch.find(PreSharedKeyClientHello.class).orElseThrow();
        assertThat(psk.identities().size(), is(1));
        assertThat(psk.identities().get(0).identity().length, is(0xb2));
        assertThat(psk.identities().get(0).obfuscatedTicketAge(), is(0xfad6aacbL));
        assertThat(psk.binders().size(), is(1));
        assertThat(psk.binders().get(0).length, is(32));
        // RFC 8446 §4.2.11.2: the binder covers the ClientHello up to the binders list.
        assertThat(hex(Arrays.copyOf(clientHello, clientHello.length - psk.bindersLength())), is(hex(truncated)));

        Extensions sh = serverHello(message("resumed-0rtt.json", "server_hello"), ExtensionContext.SERVER_HELLO);
        assertThat(sh.find(PreSharedKeyServerHello.class).orElseThrow().selectedIdentity(), is(0));
        Extensions ee = encryptedExtensions(message("resumed-0rtt.json", "encrypted_extensions"));
        assertThat(ee.find(EarlyData.class).isPresent(), is(true));
    }

    @Test
    void helloRetryRequestAndSecondClientHelloExtensions() throws Exception {
        Extensions hrr = serverHello(message("hrr.json", "hello_retry_request"),
                ExtensionContext.HELLO_RETRY_REQUEST);
        assertThat(types(hrr), is(List.of("key_share", "cookie", "supported_versions")));
        assertThat(hrr.find(KeyShareHelloRetryRequest.class).orElseThrow().selectedGroup(), is(NamedGroup.SECP256R1));
        Cookie cookie = hrr.find(Cookie.class).orElseThrow();
        assertThat(cookie.cookie().length, is(0x72));

        clientHello(message("hrr.json", "client_hello_1"));
        Extensions ch2 = clientHello(message("hrr.json", "client_hello_2"));
        assertThat(ch2.find(Cookie.class).orElseThrow(), is(cookie));
        KeyShareEntry share = ch2.find(KeyShareClientHello.class).orElseThrow().shares().get(0);
        assertThat(share.group(), is(NamedGroup.SECP256R1));
        assertThat(share.keyExchangeLength(), is(65));
    }

    @Test
    void certificateRequestExtensions() throws Exception {
        byte[] request = message("client-auth.json", "certificate_request");
        TlsReader in = TlsReader.of(request);
        in.readBytes(4);
        in.readOpaque8(0, 255); // certificate_request_context
        Extensions extensions = block(request, in, ExtensionContext.CERTIFICATE_REQUEST);
        in.expectEnd("CertificateRequest");
        assertThat(extensions.contains(ExtensionType.SIGNATURE_ALGORITHMS), is(true));
        assertThat(extensions.find(SignatureAlgorithms.class).orElseThrow().schemes().size(), is(15));
    }
}
