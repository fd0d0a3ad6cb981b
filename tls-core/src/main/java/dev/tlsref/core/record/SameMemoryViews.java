package dev.tlsref.core.record;

import java.nio.ByteBuffer;

/**
 * Reusable views over one buffer, so that an AEAD can read and write the same memory through
 * two independent positions without a {@code duplicate()} per record. The views are made
 * once per distinct buffer object; a caller that keeps passing the same buffer (the usual
 * network buffer) costs no allocation at all.
 */
final class SameMemoryViews {
    private ByteBuffer source;
    private ByteBuffer input;
    private ByteBuffer output;
    private ByteBuffer window;

    /** A view of {@code buffer[from, to)} to read from (the AEAD input). */
    ByteBuffer input(ByteBuffer buffer, int from, int to) {
        bind(buffer);
        return range(input, from, to);
    }

    /** A view of {@code buffer[from, to)} to write into (the AEAD output). */
    ByteBuffer output(ByteBuffer buffer, int from, int to) {
        bind(buffer);
        return range(output, from, to);
    }

    /** A view of {@code buffer[from, to)} handed to the caller (a record's plaintext). */
    ByteBuffer window(ByteBuffer buffer, int from, int to) {
        bind(buffer);
        return range(window, from, to);
    }

    private void bind(ByteBuffer buffer) {
        if (buffer != source) {
            source = buffer;
            input = buffer.duplicate();
            output = buffer.duplicate();
            window = buffer.duplicate();
        }
    }

    private static ByteBuffer range(ByteBuffer view, int from, int to) {
        view.limit(to);
        view.position(from);
        return view;
    }
}
