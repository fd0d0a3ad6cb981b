package dev.tlsref.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.message.DecodeContext;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.HandshakeMessages;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.examples.Narrative.Direction;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The narrative told for RFC 8448 §3's messages, as the client of that handshake sees them. */
class NarrativeTest {
    private static final HexFormat HEX = HexFormat.of();
    private final Rfc8448 rfc = Rfc8448.simple1Rtt();

    private String tell(Narrative n, Direction d, String name) throws TlsAlertException {
        byte[] encoded = rfc.message(name);
        HandshakeMessage m = HandshakeMessages.decode(encoded, DecodeContext.tls13(HashAlgorithm.SHA256));
        return n.message(d, m, encoded);
    }

    /** The whole RFC 8448 §3 handshake, in wire order. */
    private String wholeHandshake(Style style) throws TlsAlertException {
        Narrative n = new Narrative(style);
        StringBuilder out = new StringBuilder();
        out.append(tell(n, Direction.CLIENT_TO_SERVER, "client_hello"));
        out.append(tell(n, Direction.SERVER_TO_CLIENT, "server_hello"));
        out.append(n.secret("CLIENT_HANDSHAKE_TRAFFIC_SECRET", rfc.secret("client_handshake_traffic_secret")));
        out.append(tell(n, Direction.SERVER_TO_CLIENT, "encrypted_extensions"));
        out.append(tell(n, Direction.SERVER_TO_CLIENT, "certificate"));
        out.append(tell(n, Direction.SERVER_TO_CLIENT, "certificate_verify"));
        out.append(n.note("client", "CertificateVerify signature verified (rsa_pss_rsae_sha256)"));
        out.append(tell(n, Direction.SERVER_TO_CLIENT, "server_finished"));
        out.append(tell(n, Direction.CLIENT_TO_SERVER, "client_finished"));
        out.append(tell(n, Direction.SERVER_TO_CLIENT, "new_session_ticket"));
        return out.toString();
    }

    /** Wrapped sentences as one line. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void clientHelloShowsRandomSuitesAndKeyShare() throws TlsAlertException {
        String text = tell(new Narrative(Style.PLAIN), Direction.CLIENT_TO_SERVER, "client_hello");
        byte[] ch = rfc.message("client_hello");
        assertThat(text, containsString("ClientHello"));
        assertThat(text, containsString("client -> server"));
        assertThat(text, containsString("RFC 8446 §4.1.2"));
        assertThat(text, containsString(HEX.formatHex(Arrays.copyOfRange(ch, 6, 38))));
        assertThat(text, containsString("TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256, TLS_AES_256_GCM_SHA384"));
        assertThat(text, containsString("x25519 " + HEX.formatHex(rfc.secret("client_x25519_public"), 0, 8) + "..."));
        assertThat(text, containsString("TLSv1.3"));
        assertThat(text, containsString("server_name"));
        assertThat(flat(text), containsString("which TLS 1.2 sends only later in ClientKeyExchange"));
    }

    @Test
    void serverHelloShowsChoicesAndSaysWhatTls13FoldsAndEncrypts() throws TlsAlertException {
        Narrative n = new Narrative(Style.PLAIN);
        tell(n, Direction.CLIENT_TO_SERVER, "client_hello");
        String text = tell(n, Direction.SERVER_TO_CLIENT, "server_hello");
        assertThat(text, containsString("server -> client"));
        assertThat(text, containsString("TLSv1.3 (in supported_versions; legacy_version says TLSv1.2)"));
        assertThat(text, containsString("TLS_AES_128_GCM_SHA256"));
        assertThat(text, containsString("x25519 " + HEX.formatHex(rfc.secret("server_x25519_public"), 0, 8)));
        assertThat(flat(text), containsString("replaces TLS 1.2's ServerKeyExchange"));
        assertThat(flat(text), containsString("everything after this message is encrypted"));
    }

    @Test
    void certificateShowsSubjectIssuerValidityAndKey() throws TlsAlertException {
        String text = wholeHandshake(Style.PLAIN);
        assertThat(text, containsString("subject           CN=rsa"));
        assertThat(text, containsString("issuer            CN=rsa"));
        assertThat(text, containsString("valid             2016-07-30T01:23:59Z .. 2026-07-30T01:23:59Z"));
        assertThat(text, containsString("RSA 1024 bits"));
        assertThat(flat(text), containsString("encrypted under the handshake keys"));
    }

    @Test
    void certificateVerifyShowsSchemeAndTheVerificationNote() throws TlsAlertException {
        String text = wholeHandshake(Style.PLAIN);
        assertThat(text, containsString("signature scheme  rsa_pss_rsae_sha256"));
        assertThat(text, containsString("* client: CertificateVerify signature verified (rsa_pss_rsae_sha256)"));
    }

    @Test
    void clientFinishedShowsTheTranscriptHashItCovers() throws TlsAlertException {
        String text = wholeHandshake(Style.PLAIN);
        String clientFinished = text.substring(text.lastIndexOf("Finished"));
        assertThat(clientFinished, containsString(
                "covers transcript " + HEX.formatHex(rfc.secret("transcript_hash_through_server_finished"))));
        assertThat(text, containsString(HEX.formatHex(rfc.secret("server_finished_verify_data"))));
    }

    @Test
    void secretsAreLabelledAsDerivedSecrets() throws TlsAlertException {
        String text = wholeHandshake(Style.PLAIN);
        assertThat(text, containsString("secret derived    CLIENT_HANDSHAKE_TRAFFIC_SECRET = "
                + HEX.formatHex(rfc.secret("client_handshake_traffic_secret"), 0, 8)));
    }

    @Test
    void stepsAreNumberedInWireOrder() throws TlsAlertException {
        String text = wholeHandshake(Style.PLAIN);
        String[] steps = {" 1  ClientHello", " 2  ServerHello", " 3  EncryptedExtensions", " 4  Certificate",
                " 5  CertificateVerify", " 6  Finished", " 7  Finished", " 8  NewSessionTicket"};
        int previous = -1;
        for (String step : steps) {
            int at = text.indexOf(step);
            assertThat(step, at, greaterThan(previous));
            previous = at;
        }
        assertThat(text.indexOf("resume with a PSK"), greaterThan(text.indexOf(" 8  NewSessionTicket")));
        assertThat(text.indexOf("RFC 8446 §4.4.2"), lessThan(text.indexOf("RFC 8446 §4.4.3")));
    }

    @Test
    void plainStyleHasNoEscapeCodesAndAnsiStyleHas() throws TlsAlertException {
        assertThat(wholeHandshake(Style.PLAIN), not(containsString("\u001b[")));
        assertThat(wholeHandshake(Style.ANSI), containsString("\u001b[1;36m"));
    }

    @Test
    void applicationDataAndCloseNotifyAreTold() {
        Narrative n = new Narrative(Style.PLAIN);
        String data = n.applicationData(Direction.CLIENT_TO_SERVER, "GET / HTTP/1.1\r\n".getBytes());
        assertThat(data, containsString("\"GET / HTTP/1.1\\r\\n\" (16 bytes)"));
        assertThat(n.closeNotify(Direction.SERVER_TO_CLIENT), containsString("close_notify"));
    }

    @Test
    void abbreviatesLongValuesKeepingLengthAndEnds() {
        byte[] value = new byte[40];
        value[0] = 0x12;
        value[39] = 0x34;
        assertThat(Narrative.abbreviate(value), containsString("1200000000000000...00000034 (40 bytes)"));
        assertThat(Narrative.abbreviate(new byte[] {1, 2}), containsString("0102 (2 bytes)"));
    }
}
