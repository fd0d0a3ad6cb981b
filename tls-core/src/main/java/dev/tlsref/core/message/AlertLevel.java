package dev.tlsref.core.message;

/**
 * An alert level (RFC 8446 §6, RFC 5246 §7.2). Unknown codes are kept: RFC 8446 §6 says
 * TLS 1.3 receivers treat every alert as fatal except close_notify and user_canceled,
 * whatever its level, so the handshake decides, not the codec.
 *
 * @param code the one-byte code point
 */
public record AlertLevel(int code) {
    public static final AlertLevel WARNING = new AlertLevel(1);
    public static final AlertLevel FATAL = new AlertLevel(2);

    /** Checks the code fits in one byte. */
    public AlertLevel {
        if (code < 0 || code > 0xff) {
            throw new IllegalArgumentException("alert level out of range: " + code);
        }
    }

    /** {@code warning}, {@code fatal} or {@code unknown(0xNN)}. */
    public String name() {
        switch (code) {
            case 1: return "warning";
            case 2: return "fatal";
            default: return String.format("unknown(0x%02x)", code);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
