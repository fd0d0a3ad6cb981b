package dev.tlsref.handshake;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import java.io.IOException;

/** A TLS connection over a socket failed with an alert, sent by us or by the peer. */
public final class TlsSocketException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient TlsAlertException failure;

    TlsSocketException(TlsAlertException failure) {
        super(failure.toString(), failure);
        this.failure = failure;
    }

    /** The alert that ended the connection. */
    public AlertDescription alert() {
        return failure.alert();
    }

    /** True if the peer sent the alert; false if we did. */
    public boolean sentByPeer() {
        return failure instanceof TlsPeerAlertException;
    }
}
