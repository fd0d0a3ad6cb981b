package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * ec_point_formats (RFC 8422 §5.1.2), in a TLS 1.2 ClientHello or ServerHello.
 * <pre>
 * enum { uncompressed (0), deprecated (1..2), reserved (248..255) } ECPointFormat;
 * struct { ECPointFormat ec_point_format_list&lt;1..2^8-1&gt; } ECPointFormatList;
 * </pre>
 * That the list contains uncompressed (RFC 8422 §5.1.2) is for the handshake layer to check.
 *
 * @param formats the one-byte point format codes in wire order
 */
public record EcPointFormats(List<Integer> formats) implements Extension {
    /** The only format TLS still uses (RFC 8422 §5.1.2). */
    public static final int UNCOMPRESSED = 0;

    /** Checks the list fits {@code <1..255>} with one-byte values, and copies it. */
    public EcPointFormats {
        formats = List.copyOf(formats);
        if (formats.isEmpty() || formats.size() > 0xff) {
            throw new IllegalArgumentException("ec_point_formats list of " + formats.size() + " entries");
        }
        for (int format : formats) {
            if (format < 0 || format > 0xff) {
                throw new IllegalArgumentException("point format out of range: " + format);
            }
        }
    }

    /** The list that holds just uncompressed. */
    public static EcPointFormats uncompressed() {
        return new EcPointFormats(List.of(UNCOMPRESSED));
    }

    static EcPointFormats decode(TlsReader in) throws TlsAlertException {
        TlsReader list = in.readVector8(1, 0xff);
        List<Integer> formats = new ArrayList<>(list.remaining());
        while (list.hasRemaining()) {
            formats.add(list.readUint8());
        }
        return new EcPointFormats(formats);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EC_POINT_FORMATS;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeVector8(list -> formats.forEach(list::writeUint8));
    }

    @Override
    public String toString() {
        return type().name() + formats.stream().map(EcPointFormats::name).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String name(int format) {
        switch (format) {
            case 0: return "uncompressed";
            case 1: return "ansiX962_compressed_prime";
            case 2: return "ansiX962_compressed_char2";
            default: return String.format("unknown(0x%02x)", format);
        }
    }
}
