package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Objects;

/**
 * supported_versions in a ServerHello or HelloRetryRequest (RFC 8446 §4.2.1): the version the
 * server selected.
 * <pre>
 * struct { ProtocolVersion selected_version; } SupportedVersions;  // server_hello form
 * </pre>
 * Whether the version is one the client offered is for the handshake layer to check.
 *
 * @param selectedVersion the selected version
 */
public record SupportedVersionsServerHello(ProtocolVersion selectedVersion) implements Extension {

    /** Checks the version is present. */
    public SupportedVersionsServerHello {
        Objects.requireNonNull(selectedVersion, "selectedVersion");
    }

    static SupportedVersionsServerHello decode(TlsReader in) throws TlsAlertException {
        return new SupportedVersionsServerHello(new ProtocolVersion(in.readUint16()));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_VERSIONS;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeUint16(selectedVersion.code());
    }

    @Override
    public String toString() {
        return type().name() + "[" + selectedVersion + "]";
    }
}
