package dev.tlsref.core;

import java.util.Objects;

/**
 * A TLS protocol failure: the alert to send to the peer (RFC 8446 §6.2) and a specific reason
 * for people. Every check on peer input that fails throws this; any other exception escaping
 * the engine on peer input is a bug.
 */
public class TlsAlertException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient AlertDescription alert;

    /**
     * @param alert the alert that names the failure
     * @param reason what exactly was wrong, e.g. "server selected group secp521r1 that the
     *     client did not offer"
     */
    public TlsAlertException(AlertDescription alert, String reason) {
        super(reason);
        this.alert = Objects.requireNonNull(alert, "alert");
    }

    /** The same, keeping the exception that revealed the failure. */
    public TlsAlertException(AlertDescription alert, String reason, Throwable cause) {
        super(reason, cause);
        this.alert = Objects.requireNonNull(alert, "alert");
    }

    /** The alert to send, or that the peer sent. */
    public AlertDescription alert() {
        return alert;
    }

    @Override
    public String toString() {
        return alert.name() + ": " + getMessage();
    }
}
