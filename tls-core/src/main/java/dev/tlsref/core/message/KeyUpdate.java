package dev.tlsref.core.message;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Objects;

/**
 * KeyUpdate (RFC 8446 §4.6.3), TLS 1.3 only.
 * <pre>
 * enum { update_not_requested(0), update_requested(1), (255) } KeyUpdateRequest;
 *
 * struct {
 *     KeyUpdateRequest request_update;
 * } KeyUpdate;
 * </pre>
 *
 * @param requestUpdate whether the peer should answer with its own KeyUpdate
 */
public record KeyUpdate(Request requestUpdate) implements HandshakeMessage {

    /** KeyUpdateRequest. */
    public enum Request {
        /** 0: the sender updated its keys; no answer wanted. */
        UPDATE_NOT_REQUESTED,
        /** 1: the receiver should update its sending keys too. */
        UPDATE_REQUESTED;

        /** The wire value. */
        public int code() {
            return ordinal();
        }
    }

    /** Checks the request is given. */
    public KeyUpdate {
        Objects.requireNonNull(requestUpdate, "requestUpdate");
    }

    /**
     * Decodes a KeyUpdate body.
     *
     * @throws TlsAlertException decode_error if not exactly one byte; illegal_parameter for a
     *     request_update other than 0 or 1 (RFC 8446 §4.6.3)
     */
    public static KeyUpdate decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        int value = in.readUint8();
        in.expectEnd("KeyUpdate");
        switch (value) {
            case 0: return new KeyUpdate(Request.UPDATE_NOT_REQUESTED);
            case 1: return new KeyUpdate(Request.UPDATE_REQUESTED);
            default:
                // RFC 8446 §4.6.3: any other value MUST be answered with illegal_parameter.
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "KeyUpdate request_update " + value + " is neither 0 nor 1");
        }
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.KEY_UPDATE;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeUint8(requestUpdate.code());
    }

    @Override
    public String toString() {
        return "KeyUpdate[request_update=" + requestUpdate.name().toLowerCase() + "]";
    }
}
