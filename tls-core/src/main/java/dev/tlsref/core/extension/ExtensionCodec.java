package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;

/** Turns one extension's type and data into its typed form for a given message. */
final class ExtensionCodec {
    private ExtensionCodec() {}

    /**
     * Decodes {@code extension_data}; every byte must be consumed.
     *
     * @throws TlsAlertException decode_error if the data is malformed
     */
    static Extension decode(ExtensionType type, byte[] data, ExtensionContext context) throws TlsAlertException {
        return new UnknownExtension(type, data);
    }
}
