package dev.tlsref.handshake.cert;

import java.util.Arrays;

/**
 * Just enough DER (ITU-T X.690 §8, §10) to read the outer envelope of a certificate and the
 * subjectAltName extension: tag, definite minimal length, contents. Single-byte tags only,
 * which is all X.509 uses. Any malformation throws {@link MalformedDerException}.
 */
final class DerReader {
    /** A DER element that breaks the encoding rules; the message says how. */
    static final class MalformedDerException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedDerException(String message) {
            super(message);
        }
    }

    /** One tag-length-value element. */
    record Element(int tag, byte[] contents) {
        /** The contents as a reader, for constructed elements. */
        DerReader reader() {
            return new DerReader(contents);
        }
    }

    static final int SEQUENCE = 0x30;
    static final int OCTET_STRING = 0x04;

    private final byte[] data;
    private int position;

    DerReader(byte[] data) {
        this.data = data;
    }

    /** Whether any bytes are left. */
    boolean hasRemaining() {
        return position < data.length;
    }

    /** How many bytes the elements read so far took. */
    int position() {
        return position;
    }

    /** Reads the next element. */
    Element read() throws MalformedDerException {
        if (data.length - position < 2) {
            throw new MalformedDerException("truncated element header");
        }
        int tag = data[position++] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw new MalformedDerException(String.format("multi-byte tag 0x%02x", tag));
        }
        int length = readLength();
        if (length > data.length - position) {
            throw new MalformedDerException("element length " + length + " exceeds the "
                    + (data.length - position) + " bytes left");
        }
        byte[] contents = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return new Element(tag, contents);
    }

    /** Reads the next element and checks its tag. */
    Element read(int expectedTag) throws MalformedDerException {
        Element element = read();
        if (element.tag() != expectedTag) {
            throw new MalformedDerException(String.format("expected tag 0x%02x, found 0x%02x",
                    expectedTag, element.tag()));
        }
        return element;
    }

    // X.690 §10.1: DER uses the definite form with the fewest length octets.
    private int readLength() throws MalformedDerException {
        int first = data[position++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int count = first & 0x7f;
        if (count == 0) {
            throw new MalformedDerException("indefinite length is not DER");
        }
        if (count > 3) {
            throw new MalformedDerException("length of " + count + " octets is too large");
        }
        if (data.length - position < count) {
            throw new MalformedDerException("truncated length");
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (data[position++] & 0xff);
        }
        if (length < 0x80 || length < (1 << (8 * (count - 1)))) {
            throw new MalformedDerException("length " + length + " is not minimally encoded");
        }
        return length;
    }
}
