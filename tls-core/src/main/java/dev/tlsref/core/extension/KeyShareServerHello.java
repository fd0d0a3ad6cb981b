package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Objects;

/**
 * key_share in a ServerHello (RFC 8446 §4.2.8): the server's one share, in a group the client
 * offered (which the handshake layer checks).
 * <pre>
 * struct { KeyShareEntry server_share; } KeyShareServerHello;
 * </pre>
 *
 * @param serverShare the server's share
 */
public record KeyShareServerHello(KeyShareEntry serverShare) implements Extension {

    /** Checks the share is present. */
    public KeyShareServerHello {
        Objects.requireNonNull(serverShare, "serverShare");
    }

    static KeyShareServerHello decode(TlsReader in) throws TlsAlertException {
        return new KeyShareServerHello(KeyShareEntry.decode(in));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    @Override
    public void encodeData(TlsWriter out) {
        serverShare.encode(out);
    }

    @Override
    public String toString() {
        return type().name() + "[" + serverShare + "]";
    }
}
