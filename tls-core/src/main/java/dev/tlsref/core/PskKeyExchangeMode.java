package dev.tlsref.core;

/**
 * A PSK key exchange mode (RFC 8446 §4.2.9). Unknown codes are kept and ignored.
 *
 * @param code the one-byte code point
 */
public record PskKeyExchangeMode(int code) {
    /** PSK-only key establishment: no forward secrecy. */
    public static final PskKeyExchangeMode PSK_KE = new PskKeyExchangeMode(0);
    /** PSK with (EC)DHE key establishment. */
    public static final PskKeyExchangeMode PSK_DHE_KE = new PskKeyExchangeMode(1);

    /** Checks the code fits in one byte. */
    public PskKeyExchangeMode {
        if (code < 0 || code > 0xff) {
            throw new IllegalArgumentException("psk key exchange mode out of range: " + code);
        }
    }

    /** The RFC name, or {@code unknown(0xNN)}. */
    public String name() {
        switch (code) {
            case 0: return "psk_ke";
            case 1: return "psk_dhe_ke";
            default: return String.format("unknown(0x%02x)", code);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
