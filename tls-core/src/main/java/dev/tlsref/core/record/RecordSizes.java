package dev.tlsref.core.record;

/**
 * The record sizes that RFC 8446 §5 and RFC 5246 §6.2 fix, named once.
 */
public final class RecordSizes {
    /** content type (1) || legacy_record_version (2) || length (2): RFC 8446 §5.1. */
    public static final int HEADER_LENGTH = 5;

    /** TLSPlaintext.length MUST NOT exceed 2^14 bytes: RFC 8446 §5.1, RFC 5246 §6.2.1. */
    public static final int MAX_PLAINTEXT_LENGTH = 1 << 14;

    /** TLSInnerPlaintext (content, type byte and padding) MUST NOT exceed 2^14 + 1: RFC 8446 §5.4. */
    public static final int MAX_TLS13_INNER_PLAINTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + 1;

    /** TLSCiphertext.length MUST NOT exceed 2^14 + 256 bytes: RFC 8446 §5.2. */
    public static final int MAX_TLS13_CIPHERTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + 256;

    /** TLSCiphertext.length MUST NOT exceed 2^14 + 2048 bytes: RFC 5246 §6.2.3. */
    public static final int MAX_TLS12_CIPHERTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + 2048;

    /** The smallest record_size_limit a peer may announce: RFC 8449 §4. */
    public static final int MIN_RECORD_SIZE_LIMIT = 64;

    /** The largest record a reader ever buffers: a header and a TLS 1.2 ciphertext. */
    public static final int MAX_RECORD_LENGTH = HEADER_LENGTH + MAX_TLS12_CIPHERTEXT_LENGTH;

    /** The handshake message header: msg_type (1) || uint24 length: RFC 8446 §4. */
    public static final int HANDSHAKE_HEADER_LENGTH = 4;

    private RecordSizes() {}
}
