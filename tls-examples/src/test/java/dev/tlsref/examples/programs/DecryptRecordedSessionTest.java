package dev.tlsref.examples.programs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlsref.core.ContentType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.examples.KeyLogFile;
import dev.tlsref.examples.Rfc8448;
import dev.tlsref.examples.programs.DecryptRecordedSession.Record;
import dev.tlsref.examples.programs.DecryptRecordedSession.Sender;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecryptRecordedSessionTest {
    private static final HexFormat HEX = HexFormat.of();
    private final Rfc8448 rfc = Rfc8448.simple1Rtt();

    private String keyLog(byte[] clientRandom) {
        return String.join("\n",
                KeyLogFile.line("CLIENT_HANDSHAKE_TRAFFIC_SECRET", clientRandom,
                        rfc.secret("client_handshake_traffic_secret")),
                KeyLogFile.line("SERVER_HANDSHAKE_TRAFFIC_SECRET", clientRandom,
                        rfc.secret("server_handshake_traffic_secret")),
                KeyLogFile.line("CLIENT_TRAFFIC_SECRET_0", clientRandom,
                        rfc.secret("client_application_traffic_secret_0")),
                KeyLogFile.line("SERVER_TRAFFIC_SECRET_0", clientRandom,
                        rfc.secret("server_application_traffic_secret_0"))) + "\n";
    }

    private byte[] clientRandom() {
        byte[] ch = rfc.message("client_hello");
        return java.util.Arrays.copyOfRange(ch, 6, 38);
    }

    @Test
    void decryptsEveryRecordOfRfc8448SimpleHandshakeFromItsKeyLog() throws TlsAlertException {
        List<Record> records = DecryptRecordedSession.decrypt(keyLog(clientRandom()), rfc.stream("client"),
                rfc.stream("server"), CryptoProviders.preferred());

        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (JsonNode r : rfc.records()) {
            expected.add(r.path("sender").asText().toUpperCase() + " " + r.path("payload").asText());
        }
        for (Record r : records) {
            actual.add(r.sender() + " " + HEX.formatHex(r.plaintext()));
        }
        // Each side's records in the order it sent them: the RFC lists them interleaved.
        expected.sort(null);
        actual.sort(null);
        assertThat(actual, equalTo(expected));
    }

    @Test
    void labelsEachRecordWithTheKeysThatProtectedIt() throws TlsAlertException {
        List<Record> records = DecryptRecordedSession.decrypt(keyLog(clientRandom()), rfc.stream("client"),
                rfc.stream("server"), CryptoProviders.preferred());
        List<String> server = records.stream().filter(r -> r.sender() == Sender.SERVER)
                .map(r -> r.type().name() + "/" + r.keys()).toList();
        assertThat(server, contains("handshake/plaintext", "handshake/handshake", "handshake/application",
                "application_data/application", "alert/application"));
        Record clientData = records.stream()
                .filter(r -> r.sender() == Sender.CLIENT && r.type().equals(ContentType.APPLICATION_DATA))
                .findFirst().orElseThrow();
        assertThat(clientData.plaintext().length, is(50));
    }

    @Test
    void refusesAKeyLogWithoutTheConnectionsClientRandom() {
        byte[] other = new byte[32];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                DecryptRecordedSession.decrypt(keyLog(other), rfc.stream("client"), rfc.stream("server"),
                        CryptoProviders.preferred()));
        assertThat(e.getMessage(), containsString("no line for client random"));
    }

    @Test
    void wrongSecretFailsWithBadRecordMac() {
        String wrong = keyLog(clientRandom()).replace(HEX.formatHex(rfc.secret("server_handshake_traffic_secret")),
                HEX.formatHex(rfc.secret("client_handshake_traffic_secret")));
        TlsAlertException e = assertThrows(TlsAlertException.class, () ->
                DecryptRecordedSession.decrypt(wrong, rfc.stream("client"), rfc.stream("server"),
                        CryptoProviders.preferred()));
        assertThat(e.alert().name(), is("bad_record_mac"));
    }
}
