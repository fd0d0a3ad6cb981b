package dev.tlsref.core.record;

import static dev.tlsref.core.record.RecordSizes.HANDSHAKE_HEADER_LENGTH;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Turns the fragments of handshake records back into handshake messages (RFC 8446 §5.1,
 * RFC 5246 §6.2.1): a message may span records, and a record may hold several messages. Each
 * message is yielded whole, with its 4-byte header ({@code msg_type || uint24 length}), as the
 * transcript hash needs it.
 *
 * <p>The length in every header is checked against the configured maximum as soon as the
 * header is complete, before the body is buffered; a larger one is {@code illegal_parameter}
 * (the alert OpenSSL sends for an excessive message size; RFC 8446 names none). So the
 * assembler holds at most one maximal message plus one record's fragment.
 *
 * <p>RFC 8446 §5.1: handshake messages MUST NOT span a key change, and MUST NOT be interleaved
 * with other record types. The handshake layer calls {@link #requireMessageBoundary(String)}
 * before it changes read keys and when a record of another type arrives.
 */
public final class HandshakeAssembler {
    private final int maxMessageLength;
    private byte[] buffer = new byte[0];
    private int start;
    private int end;
    /** Where the next header not yet checked against the maximum begins. */
    private int nextHeader;

    /**
     * @param maxMessageLength the largest message body (the header's length field) accepted
     */
    public HandshakeAssembler(int maxMessageLength) {
        if (maxMessageLength < 0 || maxMessageLength > 0xffffff) {
            throw new IllegalArgumentException("max message length must fit a uint24: " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    /** The configured largest message body. */
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /**
     * Adds the remaining bytes of a handshake record's fragment (advancing its position to the
     * limit).
     *
     * @throws TlsAlertException {@code illegal_parameter} if a message header announces more
     *     than the maximum
     */
    public void add(ByteBuffer fragment) throws TlsAlertException {
        int length = fragment.remaining();
        ensureRoom(length);
        fragment.get(buffer, end, length);
        end += length;
        checkHeaders();
    }

    /** Adds a whole fragment given as an array. */
    public void add(byte[] fragment) throws TlsAlertException {
        add(ByteBuffer.wrap(fragment));
    }

    /**
     * The next complete message, header included, or {@code null} if none is complete yet.
     */
    public byte[] next() {
        if (end - start < HANDSHAKE_HEADER_LENGTH) {
            return null;
        }
        int total = HANDSHAKE_HEADER_LENGTH + bodyLength(start);
        if (end - start < total) {
            return null;
        }
        byte[] message = Arrays.copyOfRange(buffer, start, start + total);
        start += total;
        if (start == end) {
            nextHeader -= start;
            start = 0;
            end = 0;
        }
        return message;
    }

    /** True if no bytes are buffered: every message received so far has been taken. */
    public boolean isEmpty() {
        return start == end;
    }

    /** The number of bytes buffered (complete messages not yet taken and any partial one). */
    public int bufferedLength() {
        return end - start;
    }

    /**
     * RFC 8446 §5.1: fails unless the handshake data so far ends exactly at a record boundary
     * with every message taken, as it must before a key change or a record of another type.
     *
     * @param event what is about to happen, for the reason, e.g. "the switch to handshake keys"
     * @throws TlsAlertException {@code unexpected_message} if any handshake bytes are buffered
     */
    public void requireMessageBoundary(String event) throws TlsAlertException {
        if (isEmpty()) {
            return;
        }
        String what = end - start >= 1
                ? "part of a " + new HandshakeType(buffer[start] & 0xff) + " message" : "handshake data";
        throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, (end - start) + " bytes of " + what
                + " are buffered at " + event + "; handshake messages must not span it (RFC 8446 §5.1)");
    }

    /** Checks every header that is complete and not yet checked. */
    private void checkHeaders() throws TlsAlertException {
        while (end - nextHeader >= HANDSHAKE_HEADER_LENGTH) {
            int length = bodyLength(nextHeader);
            if (length > maxMessageLength) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, new HandshakeType(buffer[nextHeader] & 0xff)
                        + " message of " + length + " bytes exceeds the " + maxMessageLength + "-byte limit");
            }
            nextHeader += HANDSHAKE_HEADER_LENGTH + length;
        }
    }

    private int bodyLength(int headerAt) {
        return ((buffer[headerAt + 1] & 0xff) << 16) | ((buffer[headerAt + 2] & 0xff) << 8) | (buffer[headerAt + 3] & 0xff);
    }

    private void ensureRoom(int incoming) {
        if (buffer.length - end >= incoming) {
            return;
        }
        int buffered = end - start;
        int needed = buffered + incoming;
        if (needed > buffer.length) {
            // grow geometrically so a large message arriving in many records costs linear time
            byte[] grown = new byte[Math.max(needed, Math.min(buffer.length * 2, needed + (1 << 16)))];
            System.arraycopy(buffer, start, grown, 0, buffered);
            buffer = grown;
        } else {
            System.arraycopy(buffer, start, buffer, 0, buffered);
        }
        nextHeader -= start;
        start = 0;
        end = buffered;
    }
}
