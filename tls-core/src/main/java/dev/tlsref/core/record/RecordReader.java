package dev.tlsref.core.record;

import static dev.tlsref.core.record.RecordSizes.HEADER_LENGTH;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ContentType;
import dev.tlsref.core.TlsAlertException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The receiving half of the record layer (RFC 8446 §5, RFC 5246 §6.2), sans-IO: give it the
 * bytes that arrived, in chunks of any size, and take complete, deprotected records one at a
 * time.
 *
 * <h2>Buffer contract</h2>
 * {@link #read(ByteBuffer)} takes bytes from {@code in} starting at its position and stops
 * after at most one delivered record, so the caller can change keys between records.
 * <ul>
 *   <li>If a whole record lies in {@code in} (and {@code in} is writable), it is decrypted
 *       <em>in place</em> in {@code in}; the returned {@link RecordView#fragment()} is a view of
 *       {@code in}'s memory, and {@code in}'s position is moved past the record. Nothing is
 *       copied and, as long as the caller keeps passing the same buffer object, nothing is
 *       allocated.
 *   <li>If only part of a record is there, those bytes are copied into the reader's own buffer
 *       (at most one record: 5 + 2<sup>14</sup> + 2048 bytes; the buffer grows to the largest
 *       record so buffered and is kept, so it stops growing after a maximal one), {@code in} is
 *       drained, and {@code read} returns {@code null}; the record is completed by later calls
 *       and decrypted in the reader's buffer.
 * </ul>
 * The header is checked as soon as its 5 bytes are there, before any of the body is buffered:
 * a length beyond the limit of the current protection is {@code record_overflow} at once.
 * Empty application_data records and tolerated TLS 1.3 change_cipher_spec records are consumed
 * without being delivered, up to a limit of consecutive such records.
 *
 * <p>After a {@link TlsAlertException} the reader is dead: the connection must be closed.
 */
public final class RecordReader {
    /** OpenSSL's limit on consecutive empty records, and ours by default. */
    public static final int DEFAULT_MAX_EMPTY_RECORDS = 32;

    /** The first size of the partial-record buffer: a small record fits. */
    private static final int MIN_PENDING_CAPACITY = 512;

    private final SameMemoryViews callerViews = new SameMemoryViews();
    private final SameMemoryViews pendingViews = new SameMemoryViews();
    private final RecordView view = new RecordView();

    private RecordProtection protection;
    private ChangeCipherSpecPolicy changeCipherSpecPolicy = ChangeCipherSpecPolicy.REJECT;
    private int recordSizeLimit = Integer.MAX_VALUE;
    private int maxEmptyRecords = DEFAULT_MAX_EMPTY_RECORDS;
    private int emptyRecordsInARow;
    /** Bytes of rejected 0-RTT records that may still be skipped; negative when not skipping. */
    private long skipBudget = -1;

    /** The partial record, allocated on first need and grown to the records that arrive in parts. */
    private ByteBuffer pending;
    private int pendingLength;
    private int pendingBodyLength;
    private boolean failed;
    private boolean protectedRecordRead;

    /** A reader of unprotected records, as every connection starts. */
    public RecordReader() {}

    /**
     * Installs new read keys; the sequence number starts at 0 (RFC 8446 §5.3). The previous
     * protection's IV is zeroised.
     *
     * @throws IllegalStateException if part of a record is buffered: keys change only between
     *     records
     */
    public void setProtection(RecordProtection next) {
        Objects.requireNonNull(next, "protection");
        if (pendingLength > 0) {
            throw new IllegalStateException("cannot change read keys with " + pendingLength
                    + " bytes of a record buffered");
        }
        next.install();
        if (protection != null) {
            protection.destroy();
        }
        protection = next;
    }

    /** The current read protection, or {@code null} while records are unprotected. */
    public RecordProtection protection() {
        return protection;
    }

    /** What to do with change_cipher_spec records from now on; initially {@link ChangeCipherSpecPolicy#REJECT}. */
    public void setChangeCipherSpecPolicy(ChangeCipherSpecPolicy policy) {
        this.changeCipherSpecPolicy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The record_size_limit this endpoint announced (RFC 8449 §4): a protected record that
     * decrypts to more (for TLS 1.3 counting the content type and padding, for TLS 1.2 the
     * plaintext) is {@code record_overflow}. Unprotected records are not subject to it.
     *
     * @param limit at least 64; values above the protocol maximum mean the maximum
     */
    public void setRecordSizeLimit(int limit) {
        if (limit < RecordSizes.MIN_RECORD_SIZE_LIMIT) {
            throw new IllegalArgumentException("record_size_limit must be at least 64 (RFC 8449 §4): " + limit);
        }
        this.recordSizeLimit = limit;
    }

    /** How many empty or dropped records in a row are tolerated; more is {@code unexpected_message}. */
    public void setMaxEmptyRecords(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("negative limit: " + max);
        }
        this.maxEmptyRecords = max;
    }

    /**
     * For a TLS 1.3 server that rejects the client's 0-RTT data (RFC 8446 §4.2.10): from now
     * until the first record that is delivered, an application_data record that fails to
     * deprotect under the current keys (or, while records are unprotected, after a
     * HelloRetryRequest, any application_data record) is discarded instead of ending the
     * connection, as long as the discarded records' bodies add up to at most {@code maxBytes};
     * beyond that, {@code unexpected_message}. A discarded record does not use up a sequence
     * number. Records of other types are processed as usual.
     */
    public void skipUndecryptableRecords(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative limit: " + maxBytes);
        }
        this.skipBudget = maxBytes;
    }

    /** True while {@link #skipUndecryptableRecords} is in effect. */
    public boolean isSkippingUndecryptableRecords() {
        return skipBudget >= 0;
    }

    /** The sequence number of the next protected record, or 0 while unprotected. */
    public long sequenceNumber() {
        return protection == null ? 0 : protection.sequenceNumber();
    }

    /** True if part of a record has been taken in and awaits the rest. */
    public boolean hasPartialRecord() {
        return pendingLength > 0;
    }

    /**
     * Reads the next record from {@code in} (see the class comment for the buffer contract).
     *
     * @return the record, valid until the next call; or {@code null} if {@code in} holds no
     *     further complete record (its bytes have then all been taken)
     * @throws TlsAlertException if the peer's bytes break the protocol; the alert says how
     */
    public RecordView read(ByteBuffer in) throws TlsAlertException {
        if (failed) {
            throw new IllegalStateException("the record reader failed earlier; the connection must be closed");
        }
        boolean ok = false;
        try {
            RecordView record = readRecord(in);
            ok = true;
            return record;
        } finally {
            failed = !ok;
        }
    }

    private RecordView readRecord(ByteBuffer in) throws TlsAlertException {
        while (true) {
            if (pendingLength == 0 && in.remaining() >= HEADER_LENGTH && !in.isReadOnly()) {
                int start = in.position();
                int bodyLength = checkHeader(in, start);
                if (in.remaining() >= HEADER_LENGTH + bodyLength) {
                    in.position(start + HEADER_LENGTH + bodyLength);
                    if (process(in, start, bodyLength, callerViews)) {
                        return view;
                    }
                    continue;
                }
            }
            if (!bufferPartialRecord(in)) {
                return null;
            }
            int bodyLength = pendingBodyLength;
            pendingLength = 0;
            if (process(pending, 0, bodyLength, pendingViews)) {
                return view;
            }
        }
    }

    /** Copies what {@code in} has of the current record; true once the record is complete. */
    private boolean bufferPartialRecord(ByteBuffer in) throws TlsAlertException {
        if (!in.hasRemaining()) {
            return false;
        }
        if (pendingLength < HEADER_LENGTH) {
            ensurePendingCapacity(HEADER_LENGTH);
            take(in, HEADER_LENGTH - pendingLength);
            if (pendingLength < HEADER_LENGTH) {
                return false;
            }
            pendingBodyLength = checkHeader(pending, 0);
        }
        // only now that the header passed its checks is room made for the body
        ensurePendingCapacity(HEADER_LENGTH + pendingBodyLength);
        take(in, HEADER_LENGTH + pendingBodyLength - pendingLength);
        return pendingLength == HEADER_LENGTH + pendingBodyLength;
    }

    /**
     * Grows the partial-record buffer to hold {@code needed} bytes, at least doubling and at
     * most to the largest record, so that after the first maximal record it never grows again.
     */
    private void ensurePendingCapacity(int needed) {
        int capacity = pending == null ? 0 : pending.capacity();
        if (capacity >= needed) {
            return;
        }
        int doubled = Math.min(Math.max(2 * capacity, MIN_PENDING_CAPACITY), RecordSizes.MAX_RECORD_LENGTH);
        ByteBuffer grown = ByteBuffer.allocate(Math.max(needed, doubled));
        if (pending != null) {
            grown.put(0, pending, 0, pendingLength);
        }
        pending = grown;
    }

    private void take(ByteBuffer in, int wanted) {
        int n = Math.min(wanted, in.remaining());
        pending.put(pendingLength, in, in.position(), n);
        in.position(in.position() + n);
        pendingLength += n;
    }

    /** Checks a record header before any of its body is buffered; returns the body length. */
    private int checkHeader(ByteBuffer buffer, int at) throws TlsAlertException {
        int type = buffer.get(at) & 0xff;
        int major = buffer.get(at + 1) & 0xff;
        int length = ((buffer.get(at + 3) & 0xff) << 8) | (buffer.get(at + 4) & 0xff);
        // RFC 8446 §5 / RFC 5246 §6: a record of unknown type is unexpected_message
        if (!RecordView.isKnownType(type)) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "record of unknown content type " + new ContentType(type));
        }
        // Every TLS version has major 3; OpenSSL and BoringSSL answer others with protocol_version.
        if (major != 3) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, String.format(
                    "record version 0x%02x%02x is not TLS (major version must be 3)",
                    major, buffer.get(at + 2) & 0xff));
        }
        boolean unprotected = protection == null || isTls13ChangeCipherSpec(type) || isEarlyTls13PlaintextAlert(type);
        if (unprotected) {
            // RFC 8446 §5.1, RFC 5246 §6.2.1: TLSPlaintext.length MUST NOT exceed 2^14
            if (length > RecordSizes.MAX_PLAINTEXT_LENGTH) {
                throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, "record of " + length
                        + " bytes exceeds the " + RecordSizes.MAX_PLAINTEXT_LENGTH + "-byte plaintext limit");
            }
            return length;
        }
        if (protection.isTls13() && type != ContentType.APPLICATION_DATA.code()) {
            // RFC 8446 §5.2: the outer type of a protected record is always application_data
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "unprotected "
                    + new ContentType(type) + " record after TLS 1.3 keys were installed");
        }
        int max = protection.maxCiphertextLength();
        // RFC 8446 §5.2: at most 2^14 + 256; RFC 5246 §6.2.3: at most 2^14 + 2048
        if (length > max) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, "record of " + length
                    + " bytes exceeds the " + max + "-byte " + (protection.isTls13() ? "TLS 1.3" : "TLS 1.2")
                    + " ciphertext limit");
        }
        return length;
    }

    /** Deprotects and checks one complete record; true if it is to be delivered. */
    private boolean process(ByteBuffer buffer, int start, int bodyLength, SameMemoryViews views)
            throws TlsAlertException {
        int type = buffer.get(start) & 0xff;
        if (isEarlyTls13PlaintextAlert(type)) {
            view.set(type, Tls13RecordProtection.readVersion(buffer, start),
                    views.window(buffer, start + HEADER_LENGTH, start + HEADER_LENGTH + bodyLength));
            return accept(false);
        }
        boolean protectedRecord = protection != null && !isTls13ChangeCipherSpec(type);
        boolean skippable = skipBudget >= 0 && type == ContentType.APPLICATION_DATA.code();
        if (skippable && protection == null) {
            skip(bodyLength);
            return false;
        }
        if (protectedRecord) {
            int decrypted;
            if (skippable) {
                long sequence = protection.sequenceNumber();
                try {
                    decrypted = protection.open(buffer, start, bodyLength, views, view);
                } catch (TlsAlertException e) {
                    if (!e.alert().equals(AlertDescription.BAD_RECORD_MAC)) {
                        throw e;
                    }
                    protection.resetSequenceNumber(sequence);
                    skip(bodyLength);
                    return false;
                }
            } else {
                decrypted = protection.open(buffer, start, bodyLength, views, view);
            }
            int limit = Math.min(recordSizeLimit, protection.isTls13()
                    ? RecordSizes.MAX_TLS13_INNER_PLAINTEXT_LENGTH : RecordSizes.MAX_PLAINTEXT_LENGTH);
            // RFC 8446 §5.4, RFC 5246 §6.2.3, RFC 8449 §4: record_overflow beyond the limit
            if (decrypted > limit) {
                throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, "record decrypted to " + decrypted
                        + (protection.isTls13() ? " bytes of TLSInnerPlaintext" : " bytes")
                        + ", more than the " + limit + "-byte limit");
            }
            if (!RecordView.isKnownType(view.type().code())) {
                // RFC 8446 §5.4: the inner type must be a known one
                throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                        "protected record of unknown inner content type " + view.type());
            }
        } else {
            view.set(type, Tls13RecordProtection.readVersion(buffer, start),
                    views.window(buffer, start + HEADER_LENGTH, start + HEADER_LENGTH + bodyLength));
        }
        return accept(protectedRecord);
    }

    private boolean accept(boolean protectedRecord) throws TlsAlertException {
        if (protectedRecord) {
            protectedRecordRead = true;
        }
        ContentType type = view.type();
        int length = view.fragment().remaining();
        if (type.equals(ContentType.CHANGE_CIPHER_SPEC)) {
            return acceptChangeCipherSpec(protectedRecord, length);
        }
        if (length == 0) {
            // RFC 8446 §5.1: zero-length application data MAY be sent; RFC 8446 §5.1 and
            // RFC 5246 §6.2.1: zero-length handshake and alert fragments MUST NOT be
            if (!type.equals(ContentType.APPLICATION_DATA)) {
                throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "zero-length " + type + " record");
            }
            countEmptyRecord("empty application_data");
            return false;
        }
        emptyRecordsInARow = 0;
        skipBudget = -1;
        return true;
    }

    /** RFC 8446 §4.2.10: rejected early data is skipped up to max_early_data_size; more is unexpected_message. */
    private void skip(int bodyLength) throws TlsAlertException {
        if (bodyLength > skipBudget) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "more rejected 0-RTT data than the"
                    + " skip limit allows (RFC 8446 §4.2.10)");
        }
        skipBudget -= bodyLength;
    }

    private boolean acceptChangeCipherSpec(boolean protectedRecord, int length) throws TlsAlertException {
        ByteBuffer fragment = view.fragment();
        boolean wellFormed = length == 1 && fragment.get(fragment.position()) == 1;
        if (protectedRecord && protection.isTls13()) {
            // RFC 8446 §5: a protected change_cipher_spec record is unexpected_message
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "protected change_cipher_spec record");
        }
        switch (changeCipherSpecPolicy) {
            case DROP_TLS13_COMPATIBILITY:
                // RFC 8446 §5: only the single byte 0x01 is dropped; anything else is unexpected_message
                if (!wellFormed) {
                    throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                            "change_cipher_spec record of " + length + " bytes is not the single byte 0x01");
                }
                countEmptyRecord("dropped change_cipher_spec");
                return false;
            case DELIVER:
                // RFC 5246 §7.1: the message is the single byte 1
                if (!wellFormed) {
                    throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                            "change_cipher_spec record of " + length + " bytes is not the single byte 0x01");
                }
                emptyRecordsInARow = 0;
                return true;
            default:
                // RFC 8446 §5: outside the compatibility window, an unexpected record type
                throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                        "change_cipher_spec record not expected now");
        }
    }

    private void countEmptyRecord(String what) throws TlsAlertException {
        emptyRecordsInARow++;
        if (emptyRecordsInARow > maxEmptyRecords) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "more than " + maxEmptyRecords
                    + " empty or dropped records in a row (the last " + what + ")");
        }
    }

    /**
     * An alert in the clear after TLS 1.3 read keys were installed but before any protected
     * record arrived: a client that fails on the server's first flight may not have its own
     * handshake write keys yet and sends its alert unprotected. Accepted in that window only,
     * as OpenSSL does (its ENC_READ_STATE_ALLOW_PLAIN_ALERTS).
     */
    private boolean isEarlyTls13PlaintextAlert(int type) {
        return type == ContentType.ALERT.code() && protection != null && protection.isTls13() && !protectedRecordRead;
    }

    private boolean isTls13ChangeCipherSpec(int type) {
        // RFC 8446 §5: change_cipher_spec records are never encrypted in TLS 1.3
        return type == ContentType.CHANGE_CIPHER_SPEC.code() && protection != null && protection.isTls13();
    }
}
