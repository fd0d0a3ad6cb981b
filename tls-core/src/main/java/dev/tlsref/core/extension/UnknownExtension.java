package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * An extension tlsref does not interpret (including GREASE, RFC 8701), kept as raw bytes so
 * the message it came in re-encodes exactly.
 *
 * @param type the extension type
 * @param data the {@code extension_data}
 */
public record UnknownExtension(ExtensionType type, byte[] data) implements Extension {

    /** Copies the data so the record stays immutable. */
    public UnknownExtension {
        Objects.requireNonNull(type, "type");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownExtension other && type.equals(other.type) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return type.name() + "(" + data.length + " bytes)";
    }
}
