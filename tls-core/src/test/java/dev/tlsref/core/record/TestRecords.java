package dev.tlsref.core.record;

import dev.tlsref.core.ContentType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.CryptoProviders;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Shared helpers for the record tests: keys, and reading every record out of some bytes. */
final class TestRecords {
    static final HexFormat HEX = HexFormat.of();

    private TestRecords() {}

    /** One delivered record, copied out of the reader's reusable view. */
    record Delivered(ContentType type, byte[] fragment) {
        @Override
        public String toString() {
            return type + ":" + HEX.formatHex(fragment);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Delivered d && d.type.equals(type) && Arrays.equals(d.fragment, fragment);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Arrays.hashCode(fragment);
        }
    }

    /** Both crypto providers, for {@code @MethodSource}. */
    static Stream<CryptoProvider> providers() {
        return Stream.of(CryptoProviders.jca(), CryptoProviders.bc());
    }

    static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 7 + seed);
        }
        return b;
    }

    static byte[] key(AeadAlgorithm algorithm) {
        return bytes(algorithm.keyLength(), 0x11);
    }

    static RecordProtection tls13(AeadAlgorithm algorithm) {
        return RecordProtection.tls13(CryptoProviders.jca(), algorithm, key(algorithm), bytes(12, 0x22));
    }

    /** A writer and a reader that share fresh TLS 1.3 AES-128-GCM keys. */
    static RecordWriter tls13Writer() {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(tls13(AeadAlgorithm.AES_128_GCM));
        return writer;
    }

    static RecordReader tls13Reader() {
        RecordReader reader = new RecordReader();
        reader.setProtection(tls13(AeadAlgorithm.AES_128_GCM));
        return reader;
    }

    /** Reads every record the reader delivers from {@code in}, until it needs more bytes. */
    static List<Delivered> readAll(RecordReader reader, ByteBuffer in) throws TlsAlertException {
        List<Delivered> out = new ArrayList<>();
        RecordView view;
        while ((view = reader.read(in)) != null) {
            out.add(new Delivered(view.type(), view.fragmentBytes()));
        }
        return out;
    }

    static List<Delivered> readAll(RecordReader reader, byte[] in) throws TlsAlertException {
        return readAll(reader, ByteBuffer.wrap(in));
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }
}
