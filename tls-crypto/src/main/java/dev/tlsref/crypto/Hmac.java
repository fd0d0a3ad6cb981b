package dev.tlsref.crypto;

/** HMAC (RFC 2104) keyed once, usable for many messages. */
public interface Hmac {

    /** The hash this HMAC is built on. */
    HashAlgorithm algorithm();

    /** Adds {@code length} bytes of {@code data} from {@code offset}. */
    void update(byte[] data, int offset, int length);

    /** Adds all of {@code data}. */
    default void update(byte[] data) {
        update(data, 0, data.length);
    }

    /** Returns the MAC of everything added and resets to the keyed initial state. */
    byte[] doFinal();
}
