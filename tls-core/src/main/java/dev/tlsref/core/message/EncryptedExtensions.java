package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import dev.tlsref.core.extension.ExtensionContext;
import dev.tlsref.core.extension.Extensions;
import java.util.Objects;

/**
 * EncryptedExtensions (RFC 8446 §4.3.1), TLS 1.3 only.
 * <pre>
 * struct {
 *     Extension extensions&lt;0..2^16-1&gt;;
 * } EncryptedExtensions;
 * </pre>
 *
 * @param extensions the extensions, decoded with {@link ExtensionContext#ENCRYPTED_EXTENSIONS}
 */
public record EncryptedExtensions(Extensions extensions) implements HandshakeMessage {

    /** Checks the block is there. */
    public EncryptedExtensions {
        Objects.requireNonNull(extensions, "extensions");
    }

    /**
     * Decodes an EncryptedExtensions body.
     *
     * @throws TlsAlertException decode_error if malformed, or what the extension block reports
     */
    public static EncryptedExtensions decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        Extensions extensions = Extensions.decode(in, ExtensionContext.ENCRYPTED_EXTENSIONS);
        in.expectEnd("EncryptedExtensions");
        return new EncryptedExtensions(extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.ENCRYPTED_EXTENSIONS;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        extensions.encode(out);
    }

    @Override
    public String toString() {
        return "EncryptedExtensions[extensions=" + extensions + "]";
    }
}
