package dev.tlsref.core.message;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import org.junit.jupiter.api.function.Executable;

/** Asserts that decoding fails with a given alert. */
final class Alerts {
    private Alerts() {}

    static TlsAlertException assertAlert(AlertDescription expected, Executable decode) {
        TlsAlertException e = assertThrows(TlsAlertException.class, decode);
        assertThat(e.toString(), e.alert(), is(expected));
        assertThat(e.getMessage().isBlank(), is(false));
        return e;
    }
}
