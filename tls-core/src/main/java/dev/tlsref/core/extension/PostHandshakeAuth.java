package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;

/**
 * post_handshake_auth in a ClientHello (RFC 8446 §4.2.6): the client is willing to authenticate
 * after the handshake.
 * Its {@code extension_data} is empty; any byte in it is a {@code decode_error}.
 */
public record PostHandshakeAuth() implements Extension {

    static PostHandshakeAuth decode(TlsReader in) {
        // Nothing to read: ExtensionCodec's expectEnd rejects any data.
        return new PostHandshakeAuth();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.POST_HANDSHAKE_AUTH;
    }

    @Override
    public void encodeData(TlsWriter out) {
        // empty extension_data
    }

    @Override
    public String toString() {
        return type().name();
    }
}
