package dev.tlsref.core.message;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** How message fields read in {@code toString()} traces. */
final class Trace {
    /** Longer values are shown as their length and first bytes. */
    private static final int FULL_HEX_LIMIT = 64;

    private Trace() {}

    /** Lower-case hex of short values; long ones (certificates, signatures) are abbreviated. */
    static String hex(byte[] value) {
        if (value.length == 0) {
            return "(empty)";
        }
        if (value.length <= FULL_HEX_LIMIT) {
            return HexFormat.of().formatHex(value);
        }
        return value.length + " bytes " + HexFormat.of().formatHex(value, 0, 16) + "...";
    }

    /** Each value as {@link #hex}, in brackets. */
    static String hexList(List<byte[]> values) {
        return values.stream().map(Trace::hex).collect(Collectors.joining(", ", "[", "]"));
    }
}
