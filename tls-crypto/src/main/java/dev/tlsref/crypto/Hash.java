package dev.tlsref.crypto;

/**
 * A running hash. Cheap to {@link #copy()}, so a TLS transcript can be hashed once,
 * incrementally, and its current value taken at any point (RFC 8446 §4.4.1).
 */
public interface Hash {

    /** The algorithm this hash computes. */
    HashAlgorithm algorithm();

    /** Adds {@code length} bytes of {@code data} from {@code offset}. */
    void update(byte[] data, int offset, int length);

    /** Adds all of {@code data}. */
    default void update(byte[] data) {
        update(data, 0, data.length);
    }

    /** An independent hash with the same state; updating one does not affect the other. */
    Hash copy();

    /** Returns the hash of everything added and resets this hash to its initial state. */
    byte[] digest();
}
