package dev.tlsref.core;

/**
 * GREASE values (RFC 8701): reserved code points a peer sends to keep the ecosystem
 * tolerant of unknown values. They must be ignored, never negotiated.
 */
public final class Grease {
    private Grease() {}

    /** True for the sixteen two-byte GREASE values {@code 0x0a0a, 0x1a1a, ... 0xfafa} (RFC 8701 §2). */
    public static boolean isGrease(int code) {
        return (code & 0x0f0f) == 0x0a0a && ((code >>> 8) & 0xff) == (code & 0xff);
    }
}
