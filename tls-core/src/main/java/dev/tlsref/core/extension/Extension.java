package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.codec.TlsWriter;

/**
 * One extension (RFC 8446 §4.2): its type and its {@code extension_data}. Each extension
 * tlsref understands is its own immutable type; anything else is an {@link UnknownExtension}
 * kept byte for byte.
 */
public interface Extension {

    /** The extension's type. */
    ExtensionType type();

    /** Writes the {@code extension_data} contents (without type and length). */
    void encodeData(TlsWriter out);
}
