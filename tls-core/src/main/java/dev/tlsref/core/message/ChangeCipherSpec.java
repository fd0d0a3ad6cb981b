package dev.tlsref.core.message;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;

/**
 * A change_cipher_spec record's payload (RFC 5246 §7.1; in TLS 1.3 only the compatibility
 * record of RFC 8446 §5 and §D.4). Not a handshake message. The payload is the single byte 1.
 */
public record ChangeCipherSpec() {
    /** The only valid payload value (RFC 5246 §7.1). */
    public static final int VALUE = 1;

    /**
     * Checks a change_cipher_spec payload.
     *
     * @throws TlsAlertException unexpected_message for anything but the single byte 0x01
     *     (RFC 8446 §5: "any other change_cipher_spec value" aborts with unexpected_message;
     *     tlsref applies the same rule in TLS 1.2)
     */
    public static ChangeCipherSpec decode(byte[] payload) throws TlsAlertException {
        if (payload.length != 1 || payload[0] != VALUE) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "change_cipher_spec payload must be the single byte 01, got " + Trace.hex(payload));
        }
        return new ChangeCipherSpec();
    }

    /** The payload: the single byte 1. */
    public byte[] encode() {
        return new byte[] {VALUE};
    }

    @Override
    public String toString() {
        return "ChangeCipherSpec[]";
    }
}
