package dev.tlsref.handshake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApplicationDataBufferTest {

    private static byte[] data(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i + seed);
        }
        return data;
    }

    @Test
    void startsEmptyAndReadsNothing() {
        ApplicationDataBuffer buffer = new ApplicationDataBuffer();
        assertThat(buffer.available(), is(0));
        assertThat(buffer.read(new byte[10], 0, 10), is(0));
    }

    @Test
    void keepsTheOrderAcrossGrowthAndPartialReads() {
        ApplicationDataBuffer buffer = new ApplicationDataBuffer();
        byte[] a = data(10, 1);
        byte[] b = data(20_000, 2);
        byte[] c = data(5, 3);
        buffer.add(ByteBuffer.wrap(a));
        byte[] out = new byte[a.length + b.length + c.length];
        assertThat(buffer.read(out, 0, 4), is(4));
        buffer.add(ByteBuffer.wrap(b));
        assertThat(buffer.read(out, 4, 10_000), is(10_000));
        buffer.add(ByteBuffer.wrap(c));
        assertThat(buffer.available(), is(out.length - 10_004));
        assertThat(buffer.read(out, 10_004, out.length), is(out.length - 10_004));
        byte[] expected = Arrays.copyOf(a, out.length);
        System.arraycopy(b, 0, expected, a.length, b.length);
        System.arraycopy(c, 0, expected, a.length + b.length, c.length);
        assertThat(out, equalTo(expected));
        assertThat(buffer.available(), is(0));
    }
}
