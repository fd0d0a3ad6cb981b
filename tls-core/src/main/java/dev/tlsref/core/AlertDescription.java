package dev.tlsref.core;

import java.util.Map;

/**
 * An alert description (RFC 8446 §6, IANA "TLS Alerts"). Unknown codes are kept, so an
 * alert from a newer peer is still reported readably.
 *
 * @param code the one-byte code point
 */
public record AlertDescription(int code) {
    public static final AlertDescription CLOSE_NOTIFY = new AlertDescription(0);
    public static final AlertDescription UNEXPECTED_MESSAGE = new AlertDescription(10);
    public static final AlertDescription BAD_RECORD_MAC = new AlertDescription(20);
    public static final AlertDescription RECORD_OVERFLOW = new AlertDescription(22);
    public static final AlertDescription HANDSHAKE_FAILURE = new AlertDescription(40);
    public static final AlertDescription BAD_CERTIFICATE = new AlertDescription(42);
    public static final AlertDescription UNSUPPORTED_CERTIFICATE = new AlertDescription(43);
    public static final AlertDescription CERTIFICATE_REVOKED = new AlertDescription(44);
    public static final AlertDescription CERTIFICATE_EXPIRED = new AlertDescription(45);
    public static final AlertDescription CERTIFICATE_UNKNOWN = new AlertDescription(46);
    public static final AlertDescription ILLEGAL_PARAMETER = new AlertDescription(47);
    public static final AlertDescription UNKNOWN_CA = new AlertDescription(48);
    public static final AlertDescription ACCESS_DENIED = new AlertDescription(49);
    public static final AlertDescription DECODE_ERROR = new AlertDescription(50);
    public static final AlertDescription DECRYPT_ERROR = new AlertDescription(51);
    public static final AlertDescription PROTOCOL_VERSION = new AlertDescription(70);
    public static final AlertDescription INSUFFICIENT_SECURITY = new AlertDescription(71);
    public static final AlertDescription INTERNAL_ERROR = new AlertDescription(80);
    public static final AlertDescription INAPPROPRIATE_FALLBACK = new AlertDescription(86);
    public static final AlertDescription USER_CANCELED = new AlertDescription(90);
    public static final AlertDescription NO_RENEGOTIATION = new AlertDescription(100);
    public static final AlertDescription MISSING_EXTENSION = new AlertDescription(109);
    public static final AlertDescription UNSUPPORTED_EXTENSION = new AlertDescription(110);
    public static final AlertDescription UNRECOGNIZED_NAME = new AlertDescription(112);
    public static final AlertDescription BAD_CERTIFICATE_STATUS_RESPONSE = new AlertDescription(113);
    public static final AlertDescription UNKNOWN_PSK_IDENTITY = new AlertDescription(115);
    public static final AlertDescription CERTIFICATE_REQUIRED = new AlertDescription(116);
    public static final AlertDescription NO_APPLICATION_PROTOCOL = new AlertDescription(120);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "close_notify"),
            Map.entry(10, "unexpected_message"),
            Map.entry(20, "bad_record_mac"),
            Map.entry(22, "record_overflow"),
            Map.entry(40, "handshake_failure"),
            Map.entry(42, "bad_certificate"),
            Map.entry(43, "unsupported_certificate"),
            Map.entry(44, "certificate_revoked"),
            Map.entry(45, "certificate_expired"),
            Map.entry(46, "certificate_unknown"),
            Map.entry(47, "illegal_parameter"),
            Map.entry(48, "unknown_ca"),
            Map.entry(49, "access_denied"),
            Map.entry(50, "decode_error"),
            Map.entry(51, "decrypt_error"),
            Map.entry(70, "protocol_version"),
            Map.entry(71, "insufficient_security"),
            Map.entry(80, "internal_error"),
            Map.entry(86, "inappropriate_fallback"),
            Map.entry(90, "user_canceled"),
            Map.entry(100, "no_renegotiation"),
            Map.entry(109, "missing_extension"),
            Map.entry(110, "unsupported_extension"),
            Map.entry(112, "unrecognized_name"),
            Map.entry(113, "bad_certificate_status_response"),
            Map.entry(115, "unknown_psk_identity"),
            Map.entry(116, "certificate_required"),
            Map.entry(120, "no_application_protocol"));

    /** Checks the code fits in one byte. */
    public AlertDescription {
        if (code < 0 || code > 0xff) {
            throw new IllegalArgumentException("alert description out of range: " + code);
        }
    }

    /** The RFC name, such as {@code handshake_failure}, or {@code unknown(0xNN)}. */
    public String name() {
        String name = NAMES.get(code);
        return name != null ? name : String.format("unknown(0x%02x)", code);
    }

    @Override
    public String toString() {
        return name();
    }
}
