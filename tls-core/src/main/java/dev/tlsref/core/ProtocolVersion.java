package dev.tlsref.core;

/**
 * A protocol version (RFC 8446 §4.2.1). Unknown and GREASE values (RFC 8701) are kept.
 *
 * @param code the two-byte code point, e.g. {@code 0x0304}
 */
public record ProtocolVersion(int code) {
    public static final ProtocolVersion SSL3_0 = new ProtocolVersion(0x0300);
    public static final ProtocolVersion TLS1_0 = new ProtocolVersion(0x0301);
    public static final ProtocolVersion TLS1_1 = new ProtocolVersion(0x0302);
    public static final ProtocolVersion TLS1_2 = new ProtocolVersion(0x0303);
    public static final ProtocolVersion TLS1_3 = new ProtocolVersion(0x0304);

    /** Checks the code fits in two bytes. */
    public ProtocolVersion {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("protocol version out of range: " + code);
        }
    }

    /** The usual name, such as {@code TLSv1.3}, or {@code unknown(0xNNNN)} / {@code grease(0xNNNN)}. */
    public String name() {
        switch (code) {
            case 0x0300: return "SSLv3";
            case 0x0301: return "TLSv1";
            case 0x0302: return "TLSv1.1";
            case 0x0303: return "TLSv1.2";
            case 0x0304: return "TLSv1.3";
            default:
                return Grease.isGrease(code) ? String.format("grease(0x%04x)", code) : String.format("unknown(0x%04x)", code);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
