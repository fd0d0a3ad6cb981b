package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Objects;

/**
 * key_share in a HelloRetryRequest (RFC 8446 §4.2.8): the group the server wants a share for.
 * <pre>
 * struct { NamedGroup selected_group; } KeyShareHelloRetryRequest;
 * </pre>
 *
 * @param selectedGroup the group the client must send a share for in its second ClientHello
 */
public record KeyShareHelloRetryRequest(NamedGroup selectedGroup) implements Extension {

    /** Checks the group is present. */
    public KeyShareHelloRetryRequest {
        Objects.requireNonNull(selectedGroup, "selectedGroup");
    }

    static KeyShareHelloRetryRequest decode(TlsReader in) throws TlsAlertException {
        return new KeyShareHelloRetryRequest(new NamedGroup(in.readUint16()));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeUint16(selectedGroup.code());
    }

    @Override
    public String toString() {
        return type().name() + "[selected_group=" + selectedGroup + "]";
    }
}
