package dev.tlsref.handshake.tls13;

import java.util.Arrays;

/**
 * A write key and IV derived from a traffic secret (RFC 8446 §7.3).
 *
 * @param key the AEAD key
 * @param iv the 12-byte IV that each record's sequence number is XORed into
 */
public record TrafficKeys(byte[] key, byte[] iv) {

    /** Overwrites both values. */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(iv, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficKeys other && Arrays.equals(key, other.key) && Arrays.equals(iv, other.iv);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(iv);
    }

    @Override
    public String toString() {
        return "TrafficKeys[key=(" + key.length + " bytes), iv=(" + iv.length + " bytes)]";
    }
}
