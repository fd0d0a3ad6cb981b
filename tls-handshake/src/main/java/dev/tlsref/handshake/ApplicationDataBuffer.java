package dev.tlsref.handshake;

import java.nio.ByteBuffer;

/**
 * Received application data waiting to be read: one growable array of bytes. It starts empty,
 * so a connection that never receives data holds none, and grows to the most that has waited
 * unread at one time; from then on receiving allocates nothing.
 */
final class ApplicationDataBuffer {
    private byte[] bytes = new byte[0];
    private int start;
    private int end;

    int available() {
        return end - start;
    }

    void add(ByteBuffer data) {
        int n = data.remaining();
        if (bytes.length - end < n) {
            compactOrGrow(n);
        }
        data.get(bytes, end, n);
        end += n;
    }

    int read(byte[] buffer, int offset, int length) {
        int n = Math.min(length, end - start);
        System.arraycopy(bytes, start, buffer, offset, n);
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return n;
    }

    private void compactOrGrow(int needed) {
        int used = end - start;
        byte[] target = used + needed <= bytes.length ? bytes : new byte[Math.max(bytes.length * 2, used + needed)];
        System.arraycopy(bytes, start, target, 0, used);
        bytes = target;
        start = 0;
        end = used;
    }
}
