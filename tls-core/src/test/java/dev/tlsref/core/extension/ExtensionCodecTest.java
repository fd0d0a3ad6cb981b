package dev.tlsref.core.extension;

import static dev.tlsref.core.extension.ExtensionVectors.block;
import static dev.tlsref.core.extension.ExtensionVectors.decodeOne;
import static dev.tlsref.core.extension.ExtensionVectors.encodeData;
import static dev.tlsref.core.extension.ExtensionVectors.hex;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import dev.tlsref.core.extension.ExtensionVectors.Vector;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every extension form: round trip, truncation at every byte, trailing bytes, duplicates. */
class ExtensionCodecTest {

    static List<Vector> vectors() {
        return ExtensionVectors.ALL;
    }

    static List<Vector> strictVectors() {
        return ExtensionVectors.ALL.stream().filter(v -> !v.prefixesAreValid()).collect(Collectors.toList());
    }

    private static void assertDecodeError(ExtensionContext context, byte[] blockBytes) {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> {
            TlsReader in = TlsReader.of(blockBytes);
            Extensions.decode(in, context);
            in.expectEnd("block");
        }, () -> "expected decode_error for " + hex(blockBytes));
        assertThat(hex(blockBytes) + ": " + e.getMessage(), e.alert(), is(AlertDescription.DECODE_ERROR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesToItsFormAndReencodesByteForByte(Vector v) throws TlsAlertException {
        Extension extension = decodeOne(v.context(), v.type(), v.data());
        assertThat(extension, instanceOf(v.form()));
        assertThat(extension.type(), is(v.type()));
        assertThat(hex(encodeData(extension)), is(v.dataHex()));

        TlsWriter out = new TlsWriter();
        Extensions.of(extension).encode(out);
        assertThat(hex(out.toByteArray()), is(hex(block(v.type(), v.data()))));

        Extension again = decodeOne(v.context(), v.type(), v.data());
        assertThat(again, is(extension));
        assertThat(again.hashCode(), is(extension.hashCode()));
        assertThat(extension.toString(), containsString(v.type().name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyPrefixOfTheBlockIsADecodeError(Vector v) {
        byte[] full = block(v.type(), v.data());
        for (int length = 0; length < full.length; length++) {
            assertDecodeError(v.context(), Arrays.copyOf(full, length));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strictVectors")
    void everyPrefixOfTheDataIsADecodeError(Vector v) {
        byte[] data = v.data();
        for (int length = 0; length < data.length; length++) {
            assertDecodeError(v.context(), block(v.type(), Arrays.copyOf(data, length)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strictVectors")
    void aTrailingByteIsADecodeError(Vector v) {
        byte[] data = Arrays.copyOf(v.data(), v.data().length + 1);
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> ExtensionCodec.decode(v.type(), data, v.context()));
        assertThat(e.alert(), is(AlertDescription.DECODE_ERROR));
        assertThat(e.getMessage(), containsString(v.type().name() + " extension in "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aDuplicateExtensionIsAnIllegalParameter(Vector v) {
        TlsWriter out = new TlsWriter();
        out.writeVector16(b -> {
            for (int i = 0; i < 2; i++) {
                b.writeUint16(v.type().code());
                b.writeOpaque16(v.data());
            }
        });
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> Extensions.decode(TlsReader.of(out.toByteArray()), v.context()));
        assertThat(e.alert(), is(AlertDescription.ILLEGAL_PARAMETER));
        assertThat(e.getMessage(), containsString("appears twice"));
    }

    @Test
    void everyKnownTypeIsKeptRawInTheMessagesItDoesNotBelongTo() throws TlsAlertException {
        Set<ExtensionContext> all = EnumSet.allOf(ExtensionContext.class);
        for (Vector v : ExtensionVectors.ALL) {
            if (v.form() == UnknownExtension.class) {
                continue;
            }
            Set<ExtensionContext> homes = ExtensionVectors.ALL.stream()
                    .filter(o -> o.type().equals(v.type()) && o.form() != UnknownExtension.class)
                    .map(Vector::context).collect(Collectors.toSet());
            for (ExtensionContext elsewhere : all) {
                if (!homes.contains(elsewhere)) {
                    Extension e = decodeOne(elsewhere, v.type(), v.data());
                    assertThat(v + " in " + elsewhere, e, is(new UnknownExtension(v.type(), v.data())));
                }
            }
        }
    }

    @Test
    void anEmptyBlockDecodesToNoExtensions() throws TlsAlertException {
        for (ExtensionContext context : ExtensionContext.values()) {
            assertThat(Extensions.decode(TlsReader.of(hex("0000")), context), is(Extensions.EMPTY));
        }
    }

    @Test
    void aBlockOfEveryClientHelloExtensionRoundTripsInOrder() throws TlsAlertException {
        TlsWriter out = new TlsWriter();
        List<Vector> vectors = ExtensionVectors.in(ExtensionContext.CLIENT_HELLO);
        Set<Object> seen = new java.util.HashSet<>();
        out.writeVector16(b -> {
            for (Vector v : vectors) {
                if (seen.add(v.type())) {
                    b.writeUint16(v.type().code());
                    b.writeOpaque16(v.data());
                }
            }
        });
        byte[] bytes = out.toByteArray();
        Extensions extensions = Extensions.decode(TlsReader.of(bytes), ExtensionContext.CLIENT_HELLO);
        assertThat(extensions.size(), is(seen.size()));
        TlsWriter again = new TlsWriter();
        extensions.encode(again);
        assertThat(hex(again.toByteArray()), is(hex(bytes)));
    }
}
