package dev.tlsref.core.extension;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;

/**
 * record_size_limit (RFC 8449 §4): the largest record plaintext the sender is willing to
 * receive; in a ClientHello, a TLS 1.2 ServerHello or TLS 1.3 EncryptedExtensions.
 * <pre>
 * uint16 RecordSizeLimit;
 * </pre>
 * A value below 64 is an {@code illegal_parameter} (RFC 8449 §4), checked here because the
 * RFC ties it to receipt of the extension itself.
 *
 * @param limit the limit in bytes, 64..65535
 */
public record RecordSizeLimit(int limit) implements Extension {
    /** The smallest legal limit (RFC 8449 §4). */
    public static final int MINIMUM = 64;

    /** Checks the limit is legal. */
    public RecordSizeLimit {
        if (limit < MINIMUM || limit > 0xffff) {
            throw new IllegalArgumentException("record_size_limit out of range: " + limit);
        }
    }

    static RecordSizeLimit decode(TlsReader in) throws TlsAlertException {
        int limit = in.readUint16();
        if (limit < MINIMUM) {
            // RFC 8449 §4: "An endpoint MUST treat receipt of a smaller value as a fatal error
            // and generate an "illegal_parameter" alert."
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "record_size_limit " + limit + " is below the minimum of " + MINIMUM);
        }
        return new RecordSizeLimit(limit);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.RECORD_SIZE_LIMIT;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeUint16(limit);
    }

    @Override
    public String toString() {
        return type().name() + "[" + limit + "]";
    }
}
