package dev.tlsref.core.record;

/**
 * What {@link RecordReader} does with a change_cipher_spec record. The handshake layer sets
 * it as the handshake moves on.
 */
public enum ChangeCipherSpecPolicy {
    /**
     * Any change_cipher_spec record is an {@code unexpected_message}: before the first
     * ClientHello and after the peer's Finished in TLS 1.3 (RFC 8446 §5), and in TLS 1.2
     * wherever the handshake does not expect one.
     */
    REJECT,
    /**
     * TLS 1.3 middlebox compatibility (RFC 8446 §5, §D.4): an unprotected record holding the
     * single byte 0x01 is dropped without further processing; any other change_cipher_spec
     * record is an {@code unexpected_message}. For the window between the first ClientHello
     * and the peer's Finished.
     */
    DROP_TLS13_COMPATIBILITY,
    /**
     * TLS 1.2 (RFC 5246 §7.1): the record is delivered to the caller, after checking that it
     * is the single byte 0x01 ({@code decode_error} otherwise).
     */
    DELIVER
}
