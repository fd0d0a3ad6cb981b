package dev.tlsref.core.record;

import dev.tlsref.core.ContentType;
import dev.tlsref.core.ProtocolVersion;
import java.nio.ByteBuffer;

/**
 * One record as {@link RecordReader#read} delivers it: its content type (for TLS 1.3 the
 * real, inner type), the record's legacy_record_version and a view of its plaintext.
 *
 * <p>The reader owns this object and reuses it: it and its {@link #fragment()} are valid only
 * until the next call to {@link RecordReader#read}. Copy what must outlive that ({@link
 * #fragmentBytes()}).
 */
public final class RecordView {
    private ContentType type;
    private ProtocolVersion version;
    private ByteBuffer fragment;

    RecordView() {}

    /** The content type; for a TLS 1.3 protected record the type inside TLSInnerPlaintext. */
    public ContentType type() {
        return type;
    }

    /** The record header's version field as received (legacy_record_version in TLS 1.3). */
    public ProtocolVersion version() {
        return version;
    }

    /**
     * The plaintext: from the buffer's position to its limit. The buffer is a view of the
     * memory the record was decrypted in (the caller's input buffer, or the reader's own when
     * the record arrived in pieces); the caller may move its position.
     */
    public ByteBuffer fragment() {
        return fragment;
    }

    /** A copy of the plaintext's remaining bytes; the fragment's position does not move. */
    public byte[] fragmentBytes() {
        byte[] copy = new byte[fragment.remaining()];
        fragment.get(fragment.position(), copy);
        return copy;
    }

    @Override
    public String toString() {
        return type + " record, " + (fragment == null ? 0 : fragment.remaining()) + " bytes";
    }

    void set(int typeCode, int versionCode, ByteBuffer plaintext) {
        this.type = typeOf(typeCode);
        this.version = versionOf(versionCode);
        this.fragment = plaintext;
    }

    /** The content type for a code, shared constants for the four known ones (no allocation). */
    static ContentType typeOf(int code) {
        switch (code) {
            case 20: return ContentType.CHANGE_CIPHER_SPEC;
            case 21: return ContentType.ALERT;
            case 22: return ContentType.HANDSHAKE;
            case 23: return ContentType.APPLICATION_DATA;
            default: return new ContentType(code);
        }
    }

    /** True for the content types RFC 8446 §5.1 and RFC 5246 §6.2.1 define. */
    static boolean isKnownType(int code) {
        return code >= 20 && code <= 23;
    }

    private static ProtocolVersion versionOf(int code) {
        switch (code) {
            case 0x0301: return ProtocolVersion.TLS1_0;
            case 0x0302: return ProtocolVersion.TLS1_1;
            case 0x0303: return ProtocolVersion.TLS1_2;
            default: return new ProtocolVersion(code);
        }
    }
}
