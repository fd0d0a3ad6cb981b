package dev.tlsref.core.record;

import static dev.tlsref.core.record.RecordSizes.HANDSHAKE_HEADER_LENGTH;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
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
 * <p>Each message is copied once, from the fragment into its own array of exactly its size; a
 * message that spans records grows into that array as its parts arrive, so a header alone
 * makes the assembler allocate little, however large a length it announces.
 *
 * <p>RFC 8446 §5.1: handshake messages MUST NOT span a key change, and MUST NOT be interleaved
 * with other record types. The handshake layer calls {@link #requireMessageBoundary(String)}
 * before it changes read keys and when a record of another type arrives.
 */
public final class HandshakeAssembler {
    private final int maxMessageLength;
    /** Complete messages not yet taken, in order. */
    private final ArrayDeque<byte[]> complete = new ArrayDeque<>(4);
    /** The header of the next message, while fewer than its 4 bytes have arrived. */
    private final byte[] header = new byte[HANDSHAKE_HEADER_LENGTH];
    private int headerLength;
    /** The message being received, header included: {@code partial[0, partialLength)} so far. */
    private byte[] partial;
    private int partialLength;
    /** The whole length (header included) of the message in {@link #partial}. */
    private int partialTotal;

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
        while (fragment.hasRemaining()) {
            if (partial == null) {
                int n = Math.min(HANDSHAKE_HEADER_LENGTH - headerLength, fragment.remaining());
                fragment.get(header, headerLength, n);
                headerLength += n;
                if (headerLength < HANDSHAKE_HEADER_LENGTH) {
                    return;
                }
                startMessage(fragment.remaining());
            }
            int n = Math.min(partialTotal - partialLength, fragment.remaining());
            ensurePartialRoom(n);
            fragment.get(partial, partialLength, n);
            partialLength += n;
            if (partialLength == partialTotal) {
                complete.add(partial);
                partial = null;
            }
        }
    }

    /** Adds a whole fragment given as an array. */
    public void add(byte[] fragment) throws TlsAlertException {
        add(ByteBuffer.wrap(fragment));
    }

    /**
     * The next complete message, header included, or {@code null} if none is complete yet.
     */
    public byte[] next() {
        return complete.poll();
    }

    /** True if no bytes are buffered: every message received so far has been taken. */
    public boolean isEmpty() {
        return bufferedLength() == 0;
    }

    /** The number of bytes buffered (complete messages not yet taken and any partial one). */
    public int bufferedLength() {
        int length = headerLength + (partial == null ? 0 : partialLength);
        for (byte[] message : complete) {
            length += message.length;
        }
        return length;
    }

    /**
     * RFC 8446 §5.1: fails unless the handshake data so far ends exactly at a record boundary
     * with every message taken, as it must before a key change or a record of another type.
     *
     * @param event what is about to happen, for the reason, e.g. "the switch to handshake keys"
     * @throws TlsAlertException {@code unexpected_message} if any handshake bytes are buffered
     */
    public void requireMessageBoundary(String event) throws TlsAlertException {
        int buffered = bufferedLength();
        if (buffered == 0) {
            return;
        }
        byte[] first = !complete.isEmpty() ? complete.peek() : partial != null ? partial : header;
        String what = "part of a " + new HandshakeType(first[0] & 0xff) + " message";
        throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, buffered + " bytes of " + what
                + " are buffered at " + event + "; handshake messages must not span it (RFC 8446 §5.1)");
    }

    /**
     * Checks the complete header against the maximum, before any of the body is buffered, and
     * starts the message's array with room for what {@code available} more bytes of it.
     */
    private void startMessage(int available) throws TlsAlertException {
        int length = ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        if (length > maxMessageLength) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, new HandshakeType(header[0] & 0xff)
                    + " message of " + length + " bytes exceeds the " + maxMessageLength + "-byte limit");
        }
        partialTotal = HANDSHAKE_HEADER_LENGTH + length;
        partial = new byte[Math.min(partialTotal, HANDSHAKE_HEADER_LENGTH + available)];
        System.arraycopy(header, 0, partial, 0, HANDSHAKE_HEADER_LENGTH);
        partialLength = HANDSHAKE_HEADER_LENGTH;
        headerLength = 0;
    }

    /**
     * Makes room for {@code incoming} more bytes of the partial message: at least doubling, so
     * a large message arriving in many records costs linear time, and never beyond its length,
     * so the array is exactly the message once it is complete.
     */
    private void ensurePartialRoom(int incoming) {
        int needed = partialLength + incoming;
        if (needed > partial.length) {
            partial = Arrays.copyOf(partial, Math.min(partialTotal, Math.max(needed, 2 * partial.length)));
        }
    }
}
