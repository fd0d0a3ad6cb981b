package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;

/**
 * pre_shared_key in a ServerHello (RFC 8446 §4.2.11): which offered PSK the server accepted.
 * <pre>
 * uint16 selected_identity;
 * </pre>
 * That the index is within the client's list is for the handshake layer to check
 * ({@code illegal_parameter}, RFC 8446 §4.2.11).
 *
 * @param selectedIdentity the zero-based index into the client's identities
 */
public record PreSharedKeyServerHello(int selectedIdentity) implements Extension {

    /** Checks the index fits in a uint16. */
    public PreSharedKeyServerHello {
        if (selectedIdentity < 0 || selectedIdentity > 0xffff) {
            throw new IllegalArgumentException("selected_identity out of range: " + selectedIdentity);
        }
    }

    static PreSharedKeyServerHello decode(TlsReader in) throws TlsAlertException {
        return new PreSharedKeyServerHello(in.readUint16());
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PRE_SHARED_KEY;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeUint16(selectedIdentity);
    }

    @Override
    public String toString() {
        return type().name() + "[selected_identity=" + selectedIdentity + "]";
    }
}
