package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;

/**
 * extended_master_secret (RFC 7627 §5.1), in a TLS 1.2 ClientHello or ServerHello: the master
 * secret is bound to the session hash.
 * Its {@code extension_data} is empty; any byte in it is a {@code decode_error}.
 */
public record ExtendedMasterSecret() implements Extension {

    static ExtendedMasterSecret decode(TlsReader in) {
        // Nothing to read: ExtensionCodec's expectEnd rejects any data.
        return new ExtendedMasterSecret();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EXTENDED_MASTER_SECRET;
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
