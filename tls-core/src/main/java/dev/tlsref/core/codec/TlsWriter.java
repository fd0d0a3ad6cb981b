package dev.tlsref.core.codec;

import java.util.Arrays;

/**
 * Writes the TLS presentation language (RFC 8446 §3). Length prefixes are filled in by the
 * writer itself: a vector is written by a body that writes its contents.
 * <pre>{@code
 * TlsWriter out = new TlsWriter();
 * out.writeVector16(suites -> {
 *     for (CipherSuite s : cipherSuites) {
 *         suites.writeUint16(s.code());
 *     }
 * });
 * }</pre>
 *
 * <p>Writing a value that does not fit its field is a programming error and throws
 * {@link IllegalArgumentException}: the writer only encodes what this stack built.
 */
public final class TlsWriter {
    private byte[] buffer;
    private int size;

    /** A writer with a small initial buffer that grows as needed. */
    public TlsWriter() {
        this(64);
    }

    /** A writer with {@code initialCapacity} bytes reserved. */
    public TlsWriter(int initialCapacity) {
        this.buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** The body of a length-prefixed vector. */
    @FunctionalInterface
    public interface Body {
        /** Writes the vector's contents to {@code out}. */
        void writeTo(TlsWriter out);
    }

    /** Writes a {@code uint8}. */
    public TlsWriter writeUint8(int value) {
        check(value, 0xff, "uint8");
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Writes a {@code uint16}. */
    public TlsWriter writeUint16(int value) {
        check(value, 0xffff, "uint16");
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Writes a {@code uint24}. */
    public TlsWriter writeUint24(int value) {
        check(value, 0xffffff, "uint24");
        ensure(3);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Writes a {@code uint32}. */
    public TlsWriter writeUint32(long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("uint32 out of range: " + value);
        }
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Writes bytes as they are, with no length prefix ({@code opaque x[n]}). */
    public TlsWriter writeBytes(byte[] value) {
        return writeBytes(value, 0, value.length);
    }

    /** Writes {@code value[offset, offset+length)} with no length prefix. */
    public TlsWriter writeBytes(byte[] value, int offset, int length) {
        ensure(length);
        System.arraycopy(value, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** Writes {@code opaque x<0..255>}: a one-byte length, then the bytes. */
    public TlsWriter writeOpaque8(byte[] value) {
        return writeUint8(checkLength(value.length, 0xff)).writeBytes(value);
    }

    /** Writes {@code opaque x<0..2^16-1>}: a two-byte length, then the bytes. */
    public TlsWriter writeOpaque16(byte[] value) {
        return writeUint16(checkLength(value.length, 0xffff)).writeBytes(value);
    }

    /** Writes {@code opaque x<0..2^24-1>}: a three-byte length, then the bytes. */
    public TlsWriter writeOpaque24(byte[] value) {
        return writeUint24(checkLength(value.length, 0xffffff)).writeBytes(value);
    }

    /** Writes a vector with a one-byte length prefix around what {@code body} writes. */
    public TlsWriter writeVector8(Body body) {
        return writeVector(1, 0xff, body);
    }

    /** Writes a vector with a two-byte length prefix around what {@code body} writes. */
    public TlsWriter writeVector16(Body body) {
        return writeVector(2, 0xffff, body);
    }

    /** Writes a vector with a three-byte length prefix around what {@code body} writes. */
    public TlsWriter writeVector24(Body body) {
        return writeVector(3, 0xffffff, body);
    }

    /** How many bytes have been written. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private TlsWriter writeVector(int prefixBytes, int max, Body body) {
        ensure(prefixBytes);
        int prefixAt = size;
        size += prefixBytes;
        body.writeTo(this);
        int length = checkLength(size - prefixAt - prefixBytes, max);
        for (int i = prefixBytes - 1; i >= 0; i--) {
            buffer[prefixAt + i] = (byte) (length >>> (8 * (prefixBytes - 1 - i)));
        }
        return this;
    }

    private static int checkLength(int length, int max) {
        if (length > max) {
            throw new IllegalArgumentException("vector of " + length + " bytes exceeds its " + max + "-byte ceiling");
        }
        return length;
    }

    private static void check(int value, int max, String type) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(type + " out of range: " + value);
        }
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
