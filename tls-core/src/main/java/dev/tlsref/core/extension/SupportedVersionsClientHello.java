package dev.tlsref.core.extension;

import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * supported_versions in a ClientHello (RFC 8446 §4.2.1): the versions the client supports,
 * most preferred first.
 * <pre>
 * struct { ProtocolVersion versions&lt;2..254&gt;; } SupportedVersions;  // client_hello form
 * </pre>
 *
 * @param versions the list in wire order (preference order), unknown and GREASE values included
 */
public record SupportedVersionsClientHello(List<ProtocolVersion> versions) implements Extension {

    /** Checks the list fits its vector {@code <2..254>} and copies it. */
    public SupportedVersionsClientHello {
        versions = List.copyOf(versions);
        if (versions.size() * 2 < 2 || versions.size() * 2 > 254) {
            throw new IllegalArgumentException("SUPPORTED_VERSIONS list of " + versions.size() + " entries does not fit <2..254>");
        }
    }

    /** The extension with these values, in this order. */
    public static SupportedVersionsClientHello of(ProtocolVersion... versions) {
        return new SupportedVersionsClientHello(List.of(versions));
    }

    static SupportedVersionsClientHello decode(TlsReader in) throws TlsAlertException {
        TlsReader list = in.readVector8(2, 254);
        if (list.remaining() % 2 != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "SUPPORTED_VERSIONS list has an odd length of " + list.remaining() + " bytes");
        }
        List<ProtocolVersion> values = new ArrayList<>(list.remaining() / 2);
        while (list.hasRemaining()) {
            values.add(new ProtocolVersion(list.readUint16()));
        }
        return new SupportedVersionsClientHello(values);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_VERSIONS;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeVector8(list -> {
            for (ProtocolVersion value : versions) {
                list.writeUint16(value.code());
            }
        });
    }

    @Override
    public String toString() {
        return type().name() + versions;
    }
}
