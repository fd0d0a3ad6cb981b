package dev.tlsref.core;

import java.util.Map;

/**
 * An extension type (IANA "TLS ExtensionType Values"). Unknown and GREASE codes are kept, so
 * their extensions round-trip as raw bytes.
 *
 * @param code the two-byte code point
 */
public record ExtensionType(int code) {
    public static final ExtensionType SERVER_NAME = new ExtensionType(0);
    public static final ExtensionType STATUS_REQUEST = new ExtensionType(5);
    public static final ExtensionType SUPPORTED_GROUPS = new ExtensionType(10);
    public static final ExtensionType EC_POINT_FORMATS = new ExtensionType(11);
    public static final ExtensionType SIGNATURE_ALGORITHMS = new ExtensionType(13);
    public static final ExtensionType APPLICATION_LAYER_PROTOCOL_NEGOTIATION = new ExtensionType(16);
    public static final ExtensionType SIGNED_CERTIFICATE_TIMESTAMP = new ExtensionType(18);
    public static final ExtensionType PADDING = new ExtensionType(21);
    public static final ExtensionType ENCRYPT_THEN_MAC = new ExtensionType(22);
    public static final ExtensionType EXTENDED_MASTER_SECRET = new ExtensionType(23);
    public static final ExtensionType RECORD_SIZE_LIMIT = new ExtensionType(28);
    public static final ExtensionType SESSION_TICKET = new ExtensionType(35);
    public static final ExtensionType PRE_SHARED_KEY = new ExtensionType(41);
    public static final ExtensionType EARLY_DATA = new ExtensionType(42);
    public static final ExtensionType SUPPORTED_VERSIONS = new ExtensionType(43);
    public static final ExtensionType COOKIE = new ExtensionType(44);
    public static final ExtensionType PSK_KEY_EXCHANGE_MODES = new ExtensionType(45);
    public static final ExtensionType CERTIFICATE_AUTHORITIES = new ExtensionType(47);
    public static final ExtensionType POST_HANDSHAKE_AUTH = new ExtensionType(49);
    public static final ExtensionType SIGNATURE_ALGORITHMS_CERT = new ExtensionType(50);
    public static final ExtensionType KEY_SHARE = new ExtensionType(51);
    public static final ExtensionType RENEGOTIATION_INFO = new ExtensionType(0xff01);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "server_name"),
            Map.entry(5, "status_request"),
            Map.entry(10, "supported_groups"),
            Map.entry(11, "ec_point_formats"),
            Map.entry(13, "signature_algorithms"),
            Map.entry(16, "application_layer_protocol_negotiation"),
            Map.entry(18, "signed_certificate_timestamp"),
            Map.entry(21, "padding"),
            Map.entry(22, "encrypt_then_mac"),
            Map.entry(23, "extended_master_secret"),
            Map.entry(28, "record_size_limit"),
            Map.entry(35, "session_ticket"),
            Map.entry(41, "pre_shared_key"),
            Map.entry(42, "early_data"),
            Map.entry(43, "supported_versions"),
            Map.entry(44, "cookie"),
            Map.entry(45, "psk_key_exchange_modes"),
            Map.entry(47, "certificate_authorities"),
            Map.entry(49, "post_handshake_auth"),
            Map.entry(50, "signature_algorithms_cert"),
            Map.entry(51, "key_share"),
            Map.entry(0xff01, "renegotiation_info"));

    /** Checks the code fits in two bytes. */
    public ExtensionType {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("extension type out of range: " + code);
        }
    }

    /** The IANA name, or {@code unknown(0xNNNN)} / {@code grease(0xNNNN)}. */
    public String name() {
        String name = NAMES.get(code);
        if (name != null) {
            return name;
        }
        return Grease.isGrease(code) ? String.format("grease(0x%04x)", code) : String.format("unknown(0x%04x)", code);
    }

    @Override
    public String toString() {
        return name();
    }
}
