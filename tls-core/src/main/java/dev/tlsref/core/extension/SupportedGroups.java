package dev.tlsref.core.extension;

import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * supported_groups (RFC 8446 §4.2.7, RFC 8422 §5.1.1, RFC 7919): the named groups the sender
 * supports for key exchange, most preferred first; in a ClientHello, or in TLS 1.3
 * EncryptedExtensions as the server's own preference.
 * <pre>
 * struct { NamedGroup named_group_list&lt;2..2^16-1&gt;; } NamedGroupList;
 * </pre>
 *
 * @param groups the list in wire order (preference order), unknown and GREASE values included
 */
public record SupportedGroups(List<NamedGroup> groups) implements Extension {

    /** Checks the list fits its vector {@code <2..0xffff>} and copies it. */
    public SupportedGroups {
        groups = List.copyOf(groups);
        if (groups.size() * 2 < 2 || groups.size() * 2 > 0xffff) {
            throw new IllegalArgumentException("SUPPORTED_GROUPS list of " + groups.size() + " entries does not fit <2..0xffff>");
        }
    }

    /** The extension with these values, in this order. */
    public static SupportedGroups of(NamedGroup... groups) {
        return new SupportedGroups(List.of(groups));
    }

    static SupportedGroups decode(TlsReader in) throws TlsAlertException {
        TlsReader list = in.readVector16(2, 0xffff);
        if (list.remaining() % 2 != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "SUPPORTED_GROUPS list has an odd length of " + list.remaining() + " bytes");
        }
        List<NamedGroup> values = new ArrayList<>(list.remaining() / 2);
        while (list.hasRemaining()) {
            values.add(new NamedGroup(list.readUint16()));
        }
        return new SupportedGroups(values);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_GROUPS;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeVector16(list -> {
            for (NamedGroup value : groups) {
                list.writeUint16(value.code());
            }
        });
    }

    @Override
    public String toString() {
        return type().name() + groups;
    }
}
