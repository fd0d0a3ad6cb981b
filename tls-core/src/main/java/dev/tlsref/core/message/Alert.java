package dev.tlsref.core.message;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import java.util.Objects;

/**
 * An alert record's payload (RFC 8446 §6, RFC 5246 §7.2). Not a handshake message: it is
 * the whole content of a record of type alert.
 * <pre>
 * struct {
 *     AlertLevel level;
 *     AlertDescription description;
 * } Alert;
 * </pre>
 *
 * @param level warning or fatal
 * @param description what the alert says
 */
public record Alert(AlertLevel level, AlertDescription description) {
    /** The payload is always 2 bytes. */
    public static final int LENGTH = 2;

    /** Checks both fields are given. */
    public Alert {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(description, "description");
    }

    /** A fatal alert: in TLS 1.3 every alert but close_notify and user_canceled (RFC 8446 §6). */
    public static Alert fatal(AlertDescription description) {
        return new Alert(AlertLevel.FATAL, description);
    }

    /** close_notify, sent with level warning (RFC 8446 §6.1, RFC 5246 §7.2.1). */
    public static Alert closeNotify() {
        return new Alert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY);
    }

    /**
     * Decodes an alert record's payload.
     *
     * @throws TlsAlertException decode_error if the payload is not exactly 2 bytes (RFC 8446
     *     §5.1 also forbids fragmenting alerts, so a short payload is never half of one)
     */
    public static Alert decode(byte[] payload) throws TlsAlertException {
        TlsReader in = TlsReader.of(payload);
        if (payload.length != LENGTH) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "alert payload of " + payload.length + " bytes; an alert is 2 bytes");
        }
        Alert alert = new Alert(new AlertLevel(in.readUint8()), new AlertDescription(in.readUint8()));
        in.expectEnd("Alert");
        return alert;
    }

    /** The 2-byte payload. */
    public byte[] encode() {
        return new byte[] {(byte) level.code(), (byte) description.code()};
    }

    @Override
    public String toString() {
        return "Alert[" + level + ", " + description + "]";
    }
}
