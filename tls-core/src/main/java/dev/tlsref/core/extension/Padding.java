package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;

/**
 * padding in a ClientHello (RFC 7685 §3): filler that moves the ClientHello out of a size
 * range some middleboxes mishandle. A client fills it with zeros (RFC 7685 §4), but no
 * receiver is asked to check them, so any content is accepted and re-encoded exactly.
 *
 * @param bytes the padding, usually all zero
 */
public record Padding(byte[] bytes) implements Extension {

    /** Checks the length and copies the bytes. */
    public Padding {
        if (bytes.length > 0xffff) {
            throw new IllegalArgumentException("padding of " + bytes.length + " bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@code length} zero bytes of padding, as RFC 7685 §4 asks a client to send. */
    public static Padding zeros(int length) {
        return new Padding(new byte[length]);
    }

    static Padding decode(TlsReader in) throws TlsAlertException {
        return new Padding(in.readBytes(in.remaining()));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PADDING;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeBytes(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Padding other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return type().name() + "(" + bytes.length + " bytes)";
    }
}
