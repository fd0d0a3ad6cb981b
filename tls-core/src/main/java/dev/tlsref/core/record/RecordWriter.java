package dev.tlsref.core.record;

import static dev.tlsref.core.record.RecordSizes.HEADER_LENGTH;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ContentType;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The sending half of the record layer (RFC 8446 §5, RFC 5246 §6.2), sans-IO: it cuts data into
 * fragments, protects them and frames them into records in the caller's buffer.
 *
 * <h2>Buffer contract</h2>
 * <ul>
 *   <li>{@link #writeRecord(ContentType, ByteBuffer, ByteBuffer)} writes <em>one</em> record
 *       at {@code dst}'s position from as much of {@code src} as fits in a fragment. The
 *       content is copied once, to its place behind the header in {@code dst}, and sealed there
 *       in place: no allocation as long as the caller keeps passing the same {@code dst}
 *       object. {@code src} and the output range of {@code dst} must not overlap.
 *   <li>{@link #sealInPlace(ContentType, ByteBuffer, int)} seals content the caller already put
 *       at {@code buffer.position() + contentOffset()}: no copy at all.
 *   <li>{@link #write(ContentType, byte[])} is the convenient form: all records for the data,
 *       in a new array.
 * </ul>
 * {@code dst} needs room for {@link #maxRecordLength()} bytes; with less than the record
 * needs, nothing is written and {@link BufferOverflowException} is thrown.
 *
 * <p>Fragments are at most 2<sup>14</sup> bytes, or smaller under the peer's record_size_limit
 * (RFC 8449 §4: for TLS 1.3 the limit counts the content type byte and padding, so the content
 * is at most limit - 1). In TLS 1.3, change_cipher_spec records are always sent unprotected
 * (RFC 8446 §5).
 */
public final class RecordWriter {
    private final SameMemoryViews views = new SameMemoryViews();

    private RecordProtection protection;
    private int recordVersion = ProtocolVersion.TLS1_2.code();
    private int recordSizeLimit = Integer.MAX_VALUE;
    private RecordPadding padding = RecordPadding.NONE;

    /** A writer of unprotected records, as every connection starts. */
    public RecordWriter() {}

    /**
     * Installs new write keys; the sequence number starts at 0 (RFC 8446 §5.3). The previous
     * protection's IV is zeroised.
     */
    public void setProtection(RecordProtection next) {
        Objects.requireNonNull(next, "protection");
        next.install();
        if (protection != null) {
            protection.destroy();
        }
        protection = next;
    }

    /** The current write protection, or {@code null} while records are unprotected. */
    public RecordProtection protection() {
        return protection;
    }

    /**
     * The version written in record headers other than TLS 1.3 protected ones (which always
     * carry 0x0303, RFC 8446 §5.2). Initially TLS 1.2; a client MAY use TLS 1.0 for its first
     * ClientHello (RFC 8446 §5.1), and a TLS 1.2 connection uses the negotiated version.
     */
    public void setRecordVersion(ProtocolVersion version) {
        int code = version.code();
        if (code < ProtocolVersion.TLS1_0.code() || code > ProtocolVersion.TLS1_2.code()) {
            throw new IllegalArgumentException("record version must be TLS 1.0 to 1.2: " + version);
        }
        this.recordVersion = code;
    }

    /**
     * The record_size_limit the peer announced (RFC 8449 §4); it applies to protected records.
     *
     * @param limit at least 64; values above the protocol maximum mean the maximum
     */
    public void setRecordSizeLimit(int limit) {
        if (limit < RecordSizes.MIN_RECORD_SIZE_LIMIT) {
            throw new IllegalArgumentException("record_size_limit must be at least 64 (RFC 8449 §4): " + limit);
        }
        this.recordSizeLimit = limit;
    }

    /** The TLS 1.3 padding policy (RFC 8446 §5.4); initially {@link RecordPadding#NONE}. */
    public void setPadding(RecordPadding policy) {
        this.padding = Objects.requireNonNull(policy, "policy");
    }

    /** The sequence number of the next protected record, or 0 while unprotected. */
    public long sequenceNumber() {
        return protection == null ? 0 : protection.sequenceNumber();
    }

    /** The most content bytes one record of handshake, alert or application data carries now. */
    public int maxFragmentLength() {
        if (protection == null) {
            // RFC 8449 §4: unprotected records are not subject to the limit
            return RecordSizes.MAX_PLAINTEXT_LENGTH;
        }
        return Math.min(RecordSizes.MAX_PLAINTEXT_LENGTH, maxProtectedPlaintext() - (protection.isTls13() ? 1 : 0));
    }

    /** The most bytes {@link #writeRecord} or {@link #sealInPlace} writes for one record now. */
    public int maxRecordLength() {
        if (protection == null) {
            return HEADER_LENGTH + RecordSizes.MAX_PLAINTEXT_LENGTH;
        }
        int fragment = maxFragmentLength();
        int padding = protection.isTls13() ? maxProtectedPlaintext() - 1 - fragment : 0;
        return HEADER_LENGTH + protection.ciphertextLength(fragment, padding);
    }

    /**
     * The most bytes {@link #writeRecord} writes for the next record of {@code type} when the
     * source holds {@code remaining} bytes: {@link #maxRecordLength()} for the fragment that
     * will actually be sent, so a caller can size its buffer to the data rather than to the
     * protocol maximum. A padding policy other than {@link RecordPadding#NONE} may pad up to
     * the limit, so it is counted at its most.
     */
    public int maxRecordLength(ContentType type, int remaining) {
        int contentLength = Math.min(remaining, maxFragmentLength(type));
        RecordProtection applied = protectionFor(type);
        int paddingLength = applied == null || !applied.isTls13() || padding == RecordPadding.NONE
                ? 0 : maxProtectedPlaintext() - 1 - contentLength;
        return recordLength(applied, contentLength, paddingLength);
    }

    /**
     * Where {@link #sealInPlace} expects the content, relative to the record's start: after the
     * 5-byte header and, for TLS 1.2 AES-GCM/CCM, the 8-byte explicit nonce.
     */
    public int contentOffset() {
        return HEADER_LENGTH + (protection == null ? 0 : protection.explicitNonceLength());
    }

    /**
     * Writes one record at {@code dst}'s position, holding the next {@code min(src.remaining(),
     * maxFragmentLength())} bytes of {@code src}. Advances both positions.
     *
     * @return the number of bytes written to {@code dst}
     * @throws TlsAlertException {@code internal_error} if the sequence number is exhausted
     * @throws IllegalArgumentException for a zero-length fragment of a type other than
     *     application_data (RFC 8446 §5.1, RFC 5246 §6.2.1), or an unknown type
     * @throws BufferOverflowException if {@code dst} cannot hold the record; nothing is written
     */
    public int writeRecord(ContentType type, ByteBuffer src, ByteBuffer dst) throws TlsAlertException {
        int contentLength = Math.min(src.remaining(), maxFragmentLength(type));
        checkFragment(type, contentLength);
        RecordProtection applied = protectionFor(type);
        if (applied != null) {
            applied.requireSequenceNumber(AlertDescription.INTERNAL_ERROR, "write");
        }
        int paddingLength = paddingFor(applied, type, contentLength);
        int start = dst.position();
        int recordLength = recordLength(applied, contentLength, paddingLength);
        if (dst.remaining() < recordLength) {
            throw new BufferOverflowException();
        }
        int offset = HEADER_LENGTH + (applied == null ? 0 : applied.explicitNonceLength());
        dst.put(start + offset, src, src.position(), contentLength);
        src.position(src.position() + contentLength);
        return frame(applied, type, dst, start, contentLength, paddingLength);
    }

    /**
     * Seals {@code contentLength} bytes that the caller placed at {@code buffer.position() +
     * contentOffset()} into a record starting at {@code buffer.position()}, in place. Advances
     * the position past the record.
     *
     * @return the record length
     * @throws IllegalArgumentException if the content is longer than {@link
     *     #maxFragmentLength()}, or empty for a type other than application_data
     */
    public int sealInPlace(ContentType type, ByteBuffer buffer, int contentLength) throws TlsAlertException {
        if (contentLength < 0 || contentLength > maxFragmentLength(type)) {
            throw new IllegalArgumentException("content of " + contentLength + " bytes does not fit one record (max "
                    + maxFragmentLength(type) + ")");
        }
        checkFragment(type, contentLength);
        RecordProtection applied = protectionFor(type);
        int paddingLength = paddingFor(applied, type, contentLength);
        if (buffer.remaining() < recordLength(applied, contentLength, paddingLength)) {
            throw new BufferOverflowException();
        }
        return frame(applied, type, buffer, buffer.position(), contentLength, paddingLength);
    }

    /**
     * The convenient form: all the records that carry {@code data}, fragmented, protected and
     * framed. Empty application data gives one empty record.
     */
    public byte[] write(ContentType type, byte[] data) throws TlsAlertException {
        int fragment = maxFragmentLength(type);
        int records = Math.max(1, (data.length + fragment - 1) / fragment);
        ByteBuffer out = ByteBuffer.allocate(records * (maxRecordLength() + contentOffset()));
        ByteBuffer in = ByteBuffer.wrap(data);
        do {
            writeRecord(type, in, out);
        } while (in.hasRemaining());
        return Arrays.copyOf(out.array(), out.position());
    }

    private int frame(RecordProtection applied, ContentType type, ByteBuffer buffer, int start, int contentLength,
            int paddingLength) throws TlsAlertException {
        int written;
        if (applied == null) {
            RecordProtection.putHeader(buffer, start, type.code(), recordVersion, contentLength);
            written = HEADER_LENGTH + contentLength;
        } else {
            written = applied.seal(type.code(), recordVersion, buffer, start, contentLength, paddingLength, views);
        }
        buffer.position(start + written);
        return written;
    }

    private int maxFragmentLength(ContentType type) {
        return protectionFor(type) == null ? RecordSizes.MAX_PLAINTEXT_LENGTH : maxFragmentLength();
    }

    /** RFC 8449 §4: the peer's limit, within the protocol's maximum for protected plaintext. */
    private int maxProtectedPlaintext() {
        int protocolMax = protection.isTls13()
                ? RecordSizes.MAX_TLS13_INNER_PLAINTEXT_LENGTH : RecordSizes.MAX_PLAINTEXT_LENGTH;
        return Math.min(recordSizeLimit, protocolMax);
    }

    private RecordProtection protectionFor(ContentType type) {
        // RFC 8446 §5: change_cipher_spec is never encrypted in TLS 1.3
        if (protection != null && protection.isTls13() && type.equals(ContentType.CHANGE_CIPHER_SPEC)) {
            return null;
        }
        return protection;
    }

    private int paddingFor(RecordProtection applied, ContentType type, int contentLength) {
        if (applied == null || !applied.isTls13()) {
            return 0;
        }
        int maxPadding = maxProtectedPlaintext() - 1 - contentLength;
        int chosen = padding.paddingLength(type, contentLength, maxPadding);
        if (chosen < 0 || chosen > maxPadding) {
            throw new IllegalStateException("padding policy chose " + chosen + " bytes; allowed 0 to " + maxPadding);
        }
        return chosen;
    }

    private static int recordLength(RecordProtection applied, int contentLength, int paddingLength) {
        return HEADER_LENGTH + (applied == null ? contentLength : applied.ciphertextLength(contentLength, paddingLength));
    }

    private static void checkFragment(ContentType type, int contentLength) {
        if (!RecordView.isKnownType(type.code())) {
            throw new IllegalArgumentException("cannot send a record of type " + type);
        }
        // RFC 8446 §5.1, RFC 5246 §6.2.1: no zero-length fragments except application data
        if (contentLength == 0 && !type.equals(ContentType.APPLICATION_DATA)) {
            throw new IllegalArgumentException("zero-length " + type + " fragments must not be sent");
        }
    }
}
