package dev.tlsref.core.codec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TlsReaderTest {

    private static TlsReader reader(String hex) {
        return TlsReader.of(HexFormat.of().parseHex(hex));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static TlsAlertException decodeError(Executable read) {
        TlsAlertException e = assertThrows(TlsAlertException.class, read);
        assertThat(e.alert(), is(AlertDescription.DECODE_ERROR));
        assertThat(e.getMessage().isEmpty(), is(false));
        return e;
    }

    @Test
    void readsUnsignedIntegersBigEndian() throws TlsAlertException {
        TlsReader in = reader("ff" + "fffe" + "fffffd" + "fffffffc" + "00" + "0001" + "000002" + "00000003");
        assertThat(in.readUint8(), is(0xff));
        assertThat(in.readUint16(), is(0xfffe));
        assertThat(in.readUint24(), is(0xfffffd));
        assertThat(in.readUint32(), is(0xfffffffcL));
        assertThat(in.readUint8(), is(0));
        assertThat(in.readUint16(), is(1));
        assertThat(in.readUint24(), is(2));
        assertThat(in.readUint32(), is(3L));
        assertThat(in.hasRemaining(), is(false));
        in.expectEnd("integers");
    }

    @Test
    void rejectsTruncatedIntegers() {
        assertThat(decodeError(() -> reader("").readUint8()).getMessage(), containsString("truncated"));
        decodeError(() -> reader("01").readUint16());
        decodeError(() -> reader("0102").readUint24());
        decodeError(() -> reader("010203").readUint32());
    }

    @Test
    void tracksRemainingBytes() throws TlsAlertException {
        TlsReader in = reader("010203");
        assertThat(in.remaining(), is(3));
        in.readUint8();
        assertThat(in.remaining(), is(2));
        assertThat(in.hasRemaining(), is(true));
    }

    @Test
    void readsFixedLengthBytesAsACopy() throws TlsAlertException {
        byte[] data = HexFormat.of().parseHex("0a0b0c");
        TlsReader in = TlsReader.of(data);
        byte[] read = in.readBytes(2);
        assertThat(hex(read), is("0a0b"));
        read[0] = 0;
        assertThat(data[0], is((byte) 0x0a));
        decodeError(() -> in.readBytes(2));
        assertThat(in.readBytes(0).length, is(0));
    }

    @Test
    void readsOpaqueVectorsWithEachPrefixSize() throws TlsAlertException {
        assertThat(hex(reader("02aabb").readOpaque8(0, 255)), is("aabb"));
        assertThat(hex(reader("0002aabb").readOpaque16(0, 0xffff)), is("aabb"));
        assertThat(hex(reader("000002aabb").readOpaque24(0, 0xffffff)), is("aabb"));
        assertThat(reader("00").readOpaque8(0, 255).length, is(0));
    }

    @Test
    void acceptsVectorsAtTheirFloorAndCeiling() throws TlsAlertException {
        assertThat(reader("01aa").readOpaque8(1, 2).length, is(1));
        assertThat(reader("02aabb").readOpaque8(1, 2).length, is(2));
        assertThat(reader("0001aa").readOpaque16(1, 2).length, is(1));
        assertThat(reader("000002aabb").readOpaque24(1, 2).length, is(2));
    }

    @Test
    void rejectsVectorsBelowTheirFloor() {
        assertThat(decodeError(() -> reader("00").readOpaque8(1, 255)).getMessage(),
                containsString("outside its bounds <1..255>"));
        decodeError(() -> reader("0001aa").readOpaque16(2, 0xffff));
        decodeError(() -> reader("000001aa").readOpaque24(2, 0xffffff));
        decodeError(() -> reader("01aa").readVector8(2, 255));
        decodeError(() -> reader("0001aa").readVector16(2, 0xffff));
        decodeError(() -> reader("000001aa").readVector24(2, 0xffffff));
    }

    @Test
    void rejectsVectorsAboveTheirCeiling() {
        decodeError(() -> reader("03aabbcc").readOpaque8(0, 2));
        decodeError(() -> reader("0003aabbcc").readOpaque16(0, 2));
        decodeError(() -> reader("000003aabbcc").readOpaque24(0, 2));
        decodeError(() -> reader("03aabbcc").readVector8(0, 2));
        decodeError(() -> reader("0003aabbcc").readVector16(0, 2));
        decodeError(() -> reader("000003aabbcc").readVector24(0, 2));
    }

    @Test
    void rejectsVectorsLongerThanTheBytesThatFollow() {
        assertThat(decodeError(() -> reader("03aabb").readOpaque8(0, 255)).getMessage(),
                containsString("exceeds"));
        decodeError(() -> reader("0003aabb").readOpaque16(0, 0xffff));
        decodeError(() -> reader("000003aabb").readOpaque24(0, 0xffffff));
        decodeError(() -> reader("03aabb").readVector8(0, 255));
        decodeError(() -> reader("ffff").readVector16(0, 0xffff));
        decodeError(() -> reader("ffffff").readVector24(0, 0xffffff));
    }

    @Test
    void rejectsTruncatedLengthPrefixes() {
        decodeError(() -> reader("").readOpaque8(0, 255));
        decodeError(() -> reader("00").readOpaque16(0, 0xffff));
        decodeError(() -> reader("0000").readOpaque24(0, 0xffffff));
    }

    @Test
    void subReaderIsBoundedToItsVectorAndTheParentMovesPast() throws TlsAlertException {
        TlsReader in = reader("0002aabb" + "cc");
        TlsReader sub = in.readVector16(0, 0xffff);
        assertThat(sub.remaining(), is(2));
        assertThat(in.remaining(), is(1));
        assertThat(sub.readUint16(), is(0xaabb));
        decodeError(sub::readUint8);
        assertThat(in.readUint8(), is(0xcc));
        assertThat(reader("01aa").readVector8(0, 255).readUint8(), is(0xaa));
        assertThat(reader("000001aa").readVector24(0, 0xffffff).readUint8(), is(0xaa));
    }

    @Test
    void expectEndRejectsTrailingBytesNamingTheStructure() throws TlsAlertException {
        TlsReader in = reader("0102");
        in.readUint8();
        TlsAlertException e = decodeError(() -> in.expectEnd("widget"));
        assertThat(e.getMessage(), equalTo("1 unexpected trailing bytes after widget"));
        in.readUint8();
        in.expectEnd("widget");
    }

    @Test
    void readsASliceOfAnArrayInPlace() throws TlsAlertException {
        byte[] data = HexFormat.of().parseHex("00112233");
        TlsReader in = TlsReader.of(data, 1, 2);
        assertThat(in.readUint16(), is(0x1122));
        decodeError(in::readUint8);
        assertThrows(IndexOutOfBoundsException.class, () -> TlsReader.of(data, 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> TlsReader.of(data, -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> TlsReader.of(data, 0, -1));
    }
}
