package dev.tlsref.core;

/**
 * A record content type (RFC 8446 §5.1, RFC 5246 §6.2.1). Unknown codes are kept so the
 * record layer can reject them with a precise reason.
 *
 * @param code the one-byte code point
 */
public record ContentType(int code) {
    public static final ContentType INVALID = new ContentType(0);
    public static final ContentType CHANGE_CIPHER_SPEC = new ContentType(20);
    public static final ContentType ALERT = new ContentType(21);
    public static final ContentType HANDSHAKE = new ContentType(22);
    public static final ContentType APPLICATION_DATA = new ContentType(23);

    /** Checks the code fits in one byte. */
    public ContentType {
        if (code < 0 || code > 0xff) {
            throw new IllegalArgumentException("content type out of range: " + code);
        }
    }

    /** The RFC name, such as {@code handshake}, or {@code unknown(0xNN)}. */
    public String name() {
        switch (code) {
            case 0: return "invalid";
            case 20: return "change_cipher_spec";
            case 21: return "alert";
            case 22: return "handshake";
            case 23: return "application_data";
            default: return String.format("unknown(0x%02x)", code);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
