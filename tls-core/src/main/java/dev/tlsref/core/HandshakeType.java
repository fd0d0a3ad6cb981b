package dev.tlsref.core;

/**
 * A handshake message type (RFC 8446 §4, RFC 5246 §7.4). Unknown codes are kept so that
 * the state machines can answer them with {@code unexpected_message}.
 *
 * @param code the one-byte code point
 */
public record HandshakeType(int code) {
    public static final HandshakeType HELLO_REQUEST = new HandshakeType(0);
    public static final HandshakeType CLIENT_HELLO = new HandshakeType(1);
    public static final HandshakeType SERVER_HELLO = new HandshakeType(2);
    public static final HandshakeType NEW_SESSION_TICKET = new HandshakeType(4);
    public static final HandshakeType END_OF_EARLY_DATA = new HandshakeType(5);
    public static final HandshakeType ENCRYPTED_EXTENSIONS = new HandshakeType(8);
    public static final HandshakeType CERTIFICATE = new HandshakeType(11);
    public static final HandshakeType SERVER_KEY_EXCHANGE = new HandshakeType(12);
    public static final HandshakeType CERTIFICATE_REQUEST = new HandshakeType(13);
    public static final HandshakeType SERVER_HELLO_DONE = new HandshakeType(14);
    public static final HandshakeType CERTIFICATE_VERIFY = new HandshakeType(15);
    public static final HandshakeType CLIENT_KEY_EXCHANGE = new HandshakeType(16);
    public static final HandshakeType FINISHED = new HandshakeType(20);
    public static final HandshakeType KEY_UPDATE = new HandshakeType(24);
    /** RFC 8446 §4.4.1: stands in for ClientHello1 in the transcript after a HelloRetryRequest. */
    public static final HandshakeType MESSAGE_HASH = new HandshakeType(254);

    /** Checks the code fits in one byte. */
    public HandshakeType {
        if (code < 0 || code > 0xff) {
            throw new IllegalArgumentException("handshake type out of range: " + code);
        }
    }

    /** The RFC name, such as {@code client_hello}, or {@code unknown(0xNN)}. */
    public String name() {
        switch (code) {
            case 0: return "hello_request";
            case 1: return "client_hello";
            case 2: return "server_hello";
            case 4: return "new_session_ticket";
            case 5: return "end_of_early_data";
            case 8: return "encrypted_extensions";
            case 11: return "certificate";
            case 12: return "server_key_exchange";
            case 13: return "certificate_request";
            case 14: return "server_hello_done";
            case 15: return "certificate_verify";
            case 16: return "client_key_exchange";
            case 20: return "finished";
            case 24: return "key_update";
            case 254: return "message_hash";
            default: return String.format("unknown(0x%02x)", code);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
