package dev.tlsref.handshake;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;

/**
 * The peer sent a fatal alert (RFC 8446 §6.2): the connection is over. Unlike a plain
 * {@link TlsAlertException}, this one was not caused by us and no alert is sent back.
 */
public final class TlsPeerAlertException extends TlsAlertException {
    private static final long serialVersionUID = 1L;

    /** The peer sent {@code alert}. */
    public TlsPeerAlertException(AlertDescription alert) {
        super(alert, "the peer sent a fatal " + alert.name() + " alert");
    }
}
