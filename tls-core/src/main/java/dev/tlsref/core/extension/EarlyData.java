package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;

/**
 * early_data in a ClientHello or EncryptedExtensions (RFC 8446 §4.2.10): the client sends
 * 0-RTT data, or the server accepted it. (In a NewSessionTicket it is {@link MaxEarlyDataSize}.)
 * Its {@code extension_data} is empty; any byte in it is a {@code decode_error}.
 */
public record EarlyData() implements Extension {

    static EarlyData decode(TlsReader in) {
        // Nothing to read: ExtensionCodec's expectEnd rejects any data.
        return new EarlyData();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EARLY_DATA;
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
