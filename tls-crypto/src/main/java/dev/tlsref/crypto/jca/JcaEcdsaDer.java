package dev.tlsref.crypto.jca;

/**
 * A strict check that an ECDSA signature is the DER encoding of {@code Ecdsa-Sig-Value ::=
 * SEQUENCE { r INTEGER, s INTEGER }} (RFC 8446 §4.2.3, RFC 3279 §2.2.3, X.690 §10), with
 * positive minimal integers and nothing after it.
 *
 * <p>The JDK's decoder is lenient (it accepts, for one, an integer that lacks the leading zero
 * a positive value needs), so a signature could be re-encoded into a second valid form. The
 * JCA provider checks the form here first; the values themselves are left to SunEC.
 */
final class JcaEcdsaDer {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private final byte[] der;
    private int position;

    private JcaEcdsaDer(byte[] der) {
        this.der = der;
    }

    /** True if {@code signature} is exactly one DER SEQUENCE of two positive INTEGERs. */
    static boolean isStrictDer(byte[] signature) {
        JcaEcdsaDer reader = new JcaEcdsaDer(signature);
        int content = reader.header(SEQUENCE);
        return content >= 0
                && reader.position + content == signature.length
                && reader.positiveInteger()
                && reader.positiveInteger()
                && reader.position == signature.length;
    }

    /** Reads a tag and a minimal definite length; returns the length or -1. */
    private int header(int tag) {
        if (position + 2 > der.length || (der[position] & 0xff) != tag) {
            return -1;
        }
        int first = der[position + 1] & 0xff;
        position += 2;
        if (first < 0x80) {
            return first;
        }
        // X.690 §10.1: the long form only for lengths of 128 and more, in as few bytes as possible.
        int count = first & 0x7f;
        if (count == 0 || count > 2 || position + count > der.length || der[position] == 0) {
            return -1;
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[position++] & 0xff);
        }
        return length < 0x80 ? -1 : length;
    }

    /** X.690 §8.3.2: no superfluous leading byte; a leading 0x80 bit would mean negative. */
    private boolean positiveInteger() {
        int length = header(INTEGER);
        if (length < 1 || position + length > der.length) {
            return false;
        }
        int first = der[position] & 0xff;
        boolean negative = first >= 0x80;
        boolean padded = first == 0 && length > 1 && (der[position + 1] & 0x80) == 0;
        position += length;
        return !negative && !padded;
    }
}
