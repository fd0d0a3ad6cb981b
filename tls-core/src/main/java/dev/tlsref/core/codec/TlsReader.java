package dev.tlsref.core.codec;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import java.util.Arrays;

/**
 * Reads the TLS presentation language (RFC 8446 §3) from a byte range, strictly.
 *
 * <p>Every read is bounded by the range: a read past its end, a vector whose length lies
 * outside the floor and ceiling the RFC gives it ({@code opaque x<min..max>}), or bytes left
 * over after {@link #expectEnd} are a {@code decode_error}. A vector is checked against the
 * bytes actually present before anything is allocated for it, so a hostile length costs
 * nothing.
 *
 * <p>Lists of structures are read through a sub-reader bounded to the vector:
 * <pre>{@code
 * TlsReader suites = in.readVector16(2, 0xfffe);
 * while (suites.hasRemaining()) {
 *     list.add(new CipherSuite(suites.readUint16()));
 * }
 * }</pre>
 */
public final class TlsReader {
    private final byte[] data;
    private final int end;
    private int position;

    private TlsReader(byte[] data, int offset, int end) {
        this.data = data;
        this.position = offset;
        this.end = end;
    }

    /** A reader over all of {@code data}. The array is read in place, not copied. */
    public static TlsReader of(byte[] data) {
        return new TlsReader(data, 0, data.length);
    }

    /** A reader over {@code data[offset, offset+length)}, read in place. */
    public static TlsReader of(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + data.length);
        }
        return new TlsReader(data, offset, offset + length);
    }

    /** How many bytes are left. */
    public int remaining() {
        return end - position;
    }

    /** True while bytes are left. */
    public boolean hasRemaining() {
        return position < end;
    }

    /** Reads a {@code uint8}. */
    public int readUint8() throws TlsAlertException {
        require(1, "uint8");
        return data[position++] & 0xff;
    }

    /** Reads a {@code uint16}. */
    public int readUint16() throws TlsAlertException {
        require(2, "uint16");
        int value = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return value;
    }

    /** Reads a {@code uint24}. */
    public int readUint24() throws TlsAlertException {
        require(3, "uint24");
        int value = ((data[position] & 0xff) << 16) | ((data[position + 1] & 0xff) << 8) | (data[position + 2] & 0xff);
        position += 3;
        return value;
    }

    /** Reads a {@code uint32}. */
    public long readUint32() throws TlsAlertException {
        require(4, "uint32");
        long value = ((long) (data[position] & 0xff) << 24) | ((data[position + 1] & 0xff) << 16)
                | ((data[position + 2] & 0xff) << 8) | (data[position + 3] & 0xff);
        position += 4;
        return value;
    }

    /** Reads a fixed-length {@code opaque x[length]}. */
    public byte[] readBytes(int length) throws TlsAlertException {
        require(length, length + "-byte field");
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    /** Reads {@code opaque x<min..max>} with a one-byte length (max ≤ 255). */
    public byte[] readOpaque8(int min, int max) throws TlsAlertException {
        return readBytes(readLength(1, min, max));
    }

    /** Reads {@code opaque x<min..max>} with a two-byte length (max ≤ 65535). */
    public byte[] readOpaque16(int min, int max) throws TlsAlertException {
        return readBytes(readLength(2, min, max));
    }

    /** Reads {@code opaque x<min..max>} with a three-byte length (max ≤ 2^24-1). */
    public byte[] readOpaque24(int min, int max) throws TlsAlertException {
        return readBytes(readLength(3, min, max));
    }

    /** A reader bounded to a vector with a one-byte length; this reader moves past it. */
    public TlsReader readVector8(int min, int max) throws TlsAlertException {
        return subReader(readLength(1, min, max));
    }

    /** A reader bounded to a vector with a two-byte length; this reader moves past it. */
    public TlsReader readVector16(int min, int max) throws TlsAlertException {
        return subReader(readLength(2, min, max));
    }

    /** A reader bounded to a vector with a three-byte length; this reader moves past it. */
    public TlsReader readVector24(int min, int max) throws TlsAlertException {
        return subReader(readLength(3, min, max));
    }

    /**
     * Checks that every byte was consumed.
     *
     * @param what the structure being decoded, for the alert's reason
     */
    public void expectEnd(String what) throws TlsAlertException {
        if (position != end) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    remaining() + " unexpected trailing bytes after " + what);
        }
    }

    private TlsReader subReader(int length) {
        TlsReader sub = new TlsReader(data, position, position + length);
        position += length;
        return sub;
    }

    private int readLength(int prefixBytes, int min, int max) throws TlsAlertException {
        int length;
        switch (prefixBytes) {
            case 1:
                length = readUint8();
                break;
            case 2:
                length = readUint16();
                break;
            default:
                length = readUint24();
                break;
        }
        if (length < min || length > max) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "vector length " + length + " outside its bounds <" + min + ".." + max + ">");
        }
        if (length > remaining()) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "vector length " + length + " exceeds the " + remaining() + " bytes that follow");
        }
        return length;
    }

    private void require(int length, String what) throws TlsAlertException {
        if (length > remaining()) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "truncated: " + what + " needs " + length + " bytes, " + remaining() + " left");
        }
    }
}
