package dev.tlsref.core.codec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.TlsAlertException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TlsWriterTest {

    private static String hex(TlsWriter out) {
        return HexFormat.of().formatHex(out.toByteArray());
    }

    @Test
    void writesUnsignedIntegersBigEndian() {
        TlsWriter out = new TlsWriter()
                .writeUint8(0xff).writeUint16(0xfffe).writeUint24(0xfffffd).writeUint32(0xfffffffcL)
                .writeUint8(0).writeUint16(1).writeUint24(2).writeUint32(3);
        assertThat(hex(out), is("ff" + "fffe" + "fffffd" + "fffffffc" + "00" + "0001" + "000002" + "00000003"));
        assertThat(out.size(), is(20));
    }

    @Test
    void rejectsIntegersThatDoNotFit() {
        TlsWriter out = new TlsWriter();
        assertThrows(IllegalArgumentException.class, () -> out.writeUint8(0x100));
        assertThrows(IllegalArgumentException.class, () -> out.writeUint8(-1));
        assertThrows(IllegalArgumentException.class, () -> out.writeUint16(0x10000));
        assertThrows(IllegalArgumentException.class, () -> out.writeUint16(-1));
        assertThrows(IllegalArgumentException.class, () -> out.writeUint24(0x1000000));
        assertThrows(IllegalArgumentException.class, () -> out.writeUint24(-1));
        assertThrows(IllegalArgumentException.class, () -> out.writeUint32(0x100000000L));
        assertThrows(IllegalArgumentException.class, () -> out.writeUint32(-1));
        assertThat(out.size(), is(0));
    }

    @Test
    void writesBytesAndSlices() {
        byte[] data = {1, 2, 3, 4};
        assertThat(hex(new TlsWriter().writeBytes(data).writeBytes(data, 1, 2)), is("010203040203"));
    }

    @Test
    void writesOpaqueVectorsWithTheirLength() {
        byte[] ab = {(byte) 0xaa, (byte) 0xbb};
        assertThat(hex(new TlsWriter().writeOpaque8(ab)), is("02aabb"));
        assertThat(hex(new TlsWriter().writeOpaque16(ab)), is("0002aabb"));
        assertThat(hex(new TlsWriter().writeOpaque24(ab)), is("000002aabb"));
        assertThat(hex(new TlsWriter().writeOpaque8(new byte[0])), is("00"));
    }

    @Test
    void backfillsVectorLengthsIncludingNestedOnes() {
        TlsWriter out = new TlsWriter();
        out.writeVector16(outer -> {
            outer.writeUint8(7);
            outer.writeVector8(inner -> inner.writeUint16(0x0102));
            outer.writeVector24(inner -> { });
        });
        assertThat(hex(out), is("0007" + "07" + "02" + "0102" + "000000"));
    }

    @Test
    void backfillsLengthsThatNeedEveryPrefixByte() {
        TlsWriter out = new TlsWriter(1);
        out.writeVector24(body -> body.writeBytes(new byte[0x10203]));
        byte[] bytes = out.toByteArray();
        assertThat(bytes.length, is(3 + 0x10203));
        assertThat(HexFormat.of().formatHex(bytes, 0, 3), is("010203"));
        TlsWriter sixteen = new TlsWriter().writeVector16(body -> body.writeBytes(new byte[0x1234]));
        assertThat(HexFormat.of().formatHex(sixteen.toByteArray(), 0, 2), is("1234"));
    }

    @Test
    void acceptsVectorsAtTheirCeiling() {
        assertThat(new TlsWriter().writeOpaque8(new byte[0xff]).size(), is(1 + 0xff));
        assertThat(new TlsWriter().writeOpaque16(new byte[0xffff]).size(), is(2 + 0xffff));
        assertThat(new TlsWriter().writeVector8(b -> b.writeBytes(new byte[0xff])).size(), is(1 + 0xff));
        assertThat(new TlsWriter().writeVector16(b -> b.writeBytes(new byte[0xffff])).size(), is(2 + 0xffff));
    }

    @Test
    void rejectsVectorsAboveTheirCeiling() {
        assertThrows(IllegalArgumentException.class, () -> new TlsWriter().writeOpaque8(new byte[0x100]));
        assertThrows(IllegalArgumentException.class, () -> new TlsWriter().writeOpaque16(new byte[0x10000]));
        assertThrows(IllegalArgumentException.class, () -> new TlsWriter().writeOpaque24(new byte[0x1000000]));
        assertThrows(IllegalArgumentException.class,
                () -> new TlsWriter().writeVector8(b -> b.writeBytes(new byte[0x100])));
        assertThrows(IllegalArgumentException.class,
                () -> new TlsWriter().writeVector16(b -> b.writeBytes(new byte[0x10000])));
        assertThrows(IllegalArgumentException.class,
                () -> new TlsWriter().writeVector24(b -> b.writeBytes(new byte[0x1000000])));
    }

    @Test
    void growsPastItsInitialCapacityAndCopiesOnToByteArray() {
        TlsWriter out = new TlsWriter(16);
        for (int i = 0; i < 1000; i++) {
            out.writeUint8(i & 0xff);
        }
        byte[] first = out.toByteArray();
        assertThat(first.length, is(1000));
        assertThat(first[999], is((byte) (999 & 0xff)));
        first[0] = 42;
        assertThat(out.toByteArray()[0], is((byte) 0));
    }

    @Test
    void whatTheWriterWritesTheReaderReads() throws TlsAlertException {
        TlsWriter out = new TlsWriter();
        out.writeUint8(1).writeUint16(2).writeUint24(3).writeUint32(4).writeOpaque8(new byte[] {5})
                .writeOpaque16(new byte[] {6, 6}).writeOpaque24(new byte[0]);
        TlsReader in = TlsReader.of(out.toByteArray());
        assertThat(in.readUint8(), is(1));
        assertThat(in.readUint16(), is(2));
        assertThat(in.readUint24(), is(3));
        assertThat(in.readUint32(), is(4L));
        assertThat(in.readOpaque8(1, 1).length, is(1));
        assertThat(in.readOpaque16(2, 2).length, is(2));
        assertThat(in.readOpaque24(0, 0).length, is(0));
        in.expectEnd("round trip");
    }
}
