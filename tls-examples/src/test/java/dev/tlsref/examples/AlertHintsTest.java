package dev.tlsref.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.examples.AlertHints.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertHintsTest {
    private static final List<AlertDescription> ALL = List.of(
            AlertDescription.CLOSE_NOTIFY, AlertDescription.UNEXPECTED_MESSAGE, AlertDescription.BAD_RECORD_MAC,
            AlertDescription.RECORD_OVERFLOW, AlertDescription.HANDSHAKE_FAILURE, AlertDescription.BAD_CERTIFICATE,
            AlertDescription.UNSUPPORTED_CERTIFICATE, AlertDescription.CERTIFICATE_REVOKED,
            AlertDescription.CERTIFICATE_EXPIRED, AlertDescription.CERTIFICATE_UNKNOWN,
            AlertDescription.ILLEGAL_PARAMETER, AlertDescription.UNKNOWN_CA, AlertDescription.ACCESS_DENIED,
            AlertDescription.DECODE_ERROR, AlertDescription.DECRYPT_ERROR, AlertDescription.PROTOCOL_VERSION,
            AlertDescription.INSUFFICIENT_SECURITY, AlertDescription.INTERNAL_ERROR,
            AlertDescription.INAPPROPRIATE_FALLBACK, AlertDescription.USER_CANCELED,
            AlertDescription.NO_RENEGOTIATION, AlertDescription.MISSING_EXTENSION,
            AlertDescription.UNSUPPORTED_EXTENSION, AlertDescription.UNRECOGNIZED_NAME,
            AlertDescription.BAD_CERTIFICATE_STATUS_RESPONSE, AlertDescription.UNKNOWN_PSK_IDENTITY,
            AlertDescription.CERTIFICATE_REQUIRED, AlertDescription.NO_APPLICATION_PROTOCOL);

    @Test
    void clientRejectingTheServerChainSaysPassCafileOrInsecure() {
        assertThat(AlertHints.describe(AlertDescription.UNKNOWN_CA, false, Role.CLIENT),
                is("unknown_ca: the server's chain does not lead to a trusted root; pass --cafile FILE or --insecure"));
    }

    @Test
    void alertFromThePeerSaysWhoSentIt() {
        assertThat(AlertHints.describe(AlertDescription.CERTIFICATE_REQUIRED, true, Role.CLIENT),
                is("certificate_required (sent by the server): the server requires a client certificate;"
                        + " pass --cert FILE --key FILE"));
    }

    @Test
    void serverSideHintsNameTheClient() {
        assertThat(AlertHints.describe(AlertDescription.UNKNOWN_CA, false, Role.SERVER),
                containsString("the client's chain"));
    }

    @Test
    void everyAlertHasItsOwnHintBothWaysOnOneLine() {
        for (AlertDescription alert : ALL) {
            for (boolean byPeer : new boolean[] {false, true}) {
                String line = AlertHints.describe(alert, byPeer, Role.CLIENT);
                assertThat(line, line.startsWith(alert.name()), is(true));
                assertThat(line, not(containsString("\n")));
                assertThat(line, not(containsString("{peer}")));
                assertThat(line, not(containsString("an alert tlsref does not know")));
                assertThat(line, not(containsString("the connection failed")));
            }
        }
    }

    @Test
    void unknownAlertStillGivesALine() {
        assertThat(AlertHints.describe(new AlertDescription(200), true, Role.CLIENT),
                is("unknown(0xc8) (sent by the server): the server ended the connection with an alert tlsref does not know"));
    }
}
