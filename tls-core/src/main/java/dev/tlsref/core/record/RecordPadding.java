package dev.tlsref.core.record;

import dev.tlsref.core.ContentType;

/**
 * How many zero bytes {@link RecordWriter} appends to a TLS 1.3 TLSInnerPlaintext to hide the
 * content length (RFC 8446 §5.4). TLS 1.2 records are never padded. The default is {@link
 * #NONE}.
 */
@FunctionalInterface
public interface RecordPadding {
    /** No padding. */
    RecordPadding NONE = (type, contentLength, maxPadding) -> 0;

    /**
     * The padding for one record.
     *
     * @param type the record's real content type
     * @param contentLength the content bytes in the record
     * @param maxPadding the most padding that keeps the record within the size limits
     * @return a length in {@code [0, maxPadding]}
     */
    int paddingLength(ContentType type, int contentLength, int maxPadding);

    /**
     * Pads each TLSInnerPlaintext (content, type byte and padding) up to a multiple of {@code
     * blockSize}, or as far as the size limit allows.
     */
    static RecordPadding toMultipleOf(int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive: " + blockSize);
        }
        return (type, contentLength, maxPadding) -> {
            int inner = contentLength + 1;
            int padding = (blockSize - inner % blockSize) % blockSize;
            return Math.min(padding, maxPadding);
        };
    }
}
