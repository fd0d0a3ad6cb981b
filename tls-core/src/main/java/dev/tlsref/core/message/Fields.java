package dev.tlsref.core.message;

import java.util.Arrays;
import java.util.List;

/**
 * Checks on values given to message constructors. These are programming errors, not peer
 * errors: every decode checks the same bounds first and answers with an alert.
 */
final class Fields {
    private Fields() {}

    /** A defensive copy of {@code value}, checked to be {@code min..max} bytes long. */
    static byte[] copy(byte[] value, int min, int max, String what) {
        if (value.length < min || value.length > max) {
            throw new IllegalArgumentException(
                    what + " of " + value.length + " bytes outside <" + min + ".." + max + ">");
        }
        return value.clone();
    }

    /** A deep, unmodifiable copy of a list of byte strings, each {@code min..max} bytes long. */
    static List<byte[]> copyAll(List<byte[]> values, int min, int max, String what) {
        return values.stream().map(v -> copy(v, min, max, what)).toList();
    }

    /** A deep copy for an accessor, so callers cannot change the message. */
    static List<byte[]> cloneAll(List<byte[]> values) {
        return values.stream().map(byte[]::clone).toList();
    }

    /** Content equality of two lists of byte strings. */
    static boolean equalAll(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A content hash of a list of byte strings, consistent with {@link #equalAll}. */
    static int hashAll(List<byte[]> values) {
        int h = 1;
        for (byte[] v : values) {
            h = 31 * h + Arrays.hashCode(v);
        }
        return h;
    }

    /** Checks {@code value} fits in {@code uint32}. */
    static long uint32(long value, String what) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException(what + " out of uint32 range: " + value);
        }
        return value;
    }
}
