package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;

/**
 * server_name as the server sends it, in a TLS 1.2 ServerHello or TLS 1.3 EncryptedExtensions
 * (RFC 6066 §3, RFC 8446 §4.2): an acknowledgement that the server used the client's name.
 * Its {@code extension_data} is empty; any byte in it is a {@code decode_error}.
 */
public record ServerNameAck() implements Extension {

    static ServerNameAck decode(TlsReader in) {
        // Nothing to read: ExtensionCodec's expectEnd rejects any data.
        return new ServerNameAck();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SERVER_NAME;
    }

    @Override
    public void encodeData(TlsWriter out) {
        // empty extension_data
    }

    @Override
    public String toString() {
        return type().name() + "(ack)";
    }
}
