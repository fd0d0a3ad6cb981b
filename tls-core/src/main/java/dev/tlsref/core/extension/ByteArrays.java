package dev.tlsref.core.extension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Immutability helpers for the extensions that hold lists of opaque vectors (binders,
 * distinguished names, OCSP responder ids): a Java array cannot be frozen, so these records
 * keep private copies and hand out fresh ones.
 */
final class ByteArrays {
    private ByteArrays() {}

    /** An unmodifiable list of copies of {@code arrays}. */
    static List<byte[]> copy(List<byte[]> arrays) {
        List<byte[]> copies = new ArrayList<>(arrays.size());
        for (byte[] array : arrays) {
            copies.add(array.clone());
        }
        return List.copyOf(copies);
    }

    /** True if both lists hold equal arrays in the same order. */
    static boolean equal(List<byte[]> a, List<byte[]> b) {
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

    /** A hash code over the arrays' contents. */
    static int hash(List<byte[]> arrays) {
        int hash = 1;
        for (byte[] array : arrays) {
            hash = 31 * hash + Arrays.hashCode(array);
        }
        return hash;
    }
}
