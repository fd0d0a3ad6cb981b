package dev.tlsref.core.extension;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The body signature_algorithms and signature_algorithms_cert share (RFC 8446 §4.2.3): one
 * {@code SignatureSchemeList}.
 * <pre>
 * struct { SignatureScheme supported_signature_algorithms&lt;2..2^16-2&gt;; } SignatureSchemeList;
 * </pre>
 */
final class SignatureSchemeList {

    private SignatureSchemeList() {}

    /** Checks the list fits its vector {@code <2..0xfffe>} and copies it. */
    static List<SignatureScheme> copyOf(ExtensionType type, List<SignatureScheme> schemes) {
        List<SignatureScheme> copy = List.copyOf(schemes);
        if (copy.size() * 2 < 2 || copy.size() * 2 > 0xfffe) {
            throw new IllegalArgumentException(
                    label(type) + " list of " + copy.size() + " entries does not fit <2..0xfffe>");
        }
        return copy;
    }

    static List<SignatureScheme> decode(ExtensionType type, TlsReader in) throws TlsAlertException {
        TlsReader list = in.readVector16(2, 0xfffe);
        if (list.remaining() % 2 != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    label(type) + " list has an odd length of " + list.remaining() + " bytes");
        }
        List<SignatureScheme> values = new ArrayList<>(list.remaining() / 2);
        while (list.hasRemaining()) {
            values.add(new SignatureScheme(list.readUint16()));
        }
        return values;
    }

    static void encode(List<SignatureScheme> schemes, TlsWriter out) {
        out.writeVector16(list -> {
            for (SignatureScheme value : schemes) {
                list.writeUint16(value.code());
            }
        });
    }

    private static String label(ExtensionType type) {
        return type.name().toUpperCase(Locale.ROOT);
    }
}
