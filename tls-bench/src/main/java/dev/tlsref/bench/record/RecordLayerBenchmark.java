package dev.tlsref.bench.record;

import dev.tlsref.core.ContentType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.record.RecordProtection;
import dev.tlsref.core.record.RecordReader;
import dev.tlsref.core.record.RecordView;
import dev.tlsref.core.record.RecordWriter;
import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.AeadTagException;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.CryptoProviders;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The TLS 1.3 record layer next to the raw AEAD it wraps, in the same run: one record of
 * {@code size} bytes of application data sealed by a {@link RecordWriter} in place
 * ({@code sealInPlace}) and opened by a {@link RecordReader} in place, against one
 * {@link Aead#seal} and {@link Aead#open} of the same bytes. The difference is the record
 * layer's own cost: header, inner content type, nonce construction, sequence numbers and
 * checks. Run with {@code -prof gc} to see the allocation per record ({@code
 * gc.alloc.rate.norm}), which should be about zero for the record path on the heap.
 *
 * <p>Both use the {@code preferred} provider. Throughput in MB/s of plaintext is
 * {@code score * size / 10^6}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class RecordLayerBenchmark {

    @Param({"AES_128_GCM", "AES_256_GCM", "CHACHA20_POLY1305"})
    public String algorithm;

    @Param({"16384", "1024"})
    public int size;

    private Aead sealer;
    private Aead opener;
    private RecordWriter writer;
    private RecordReader reader;
    private ByteBuffer record;
    private byte[] raw;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[5];
    private long counter;

    @Setup(Level.Trial)
    public void setUp() {
        CryptoProvider crypto = CryptoProviders.preferred();
        AeadAlgorithm alg = AeadAlgorithm.valueOf(algorithm);
        byte[] key = new byte[alg.keyLength()];
        byte[] iv = new byte[12];
        sealer = crypto.newAead(alg, key);
        opener = crypto.newAead(alg, key);
        writer = new RecordWriter();
        writer.setProtection(RecordProtection.tls13(crypto, alg, key, iv.clone()));
        reader = new RecordReader();
        reader.setProtection(RecordProtection.tls13(crypto, alg, key, iv.clone()));
        record = ByteBuffer.allocate(writer.maxRecordLength() + writer.contentOffset());
        raw = new byte[size + alg.tagLength()];
    }

    /** Seal one application_data record in place, then open it in place. */
    @Benchmark
    public int recordLayer() throws TlsAlertException {
        record.clear();
        int length = writer.sealInPlace(ContentType.APPLICATION_DATA, record, size);
        record.flip();
        RecordView view = reader.read(record);
        return length + view.fragment().remaining();
    }

    /** The raw AEAD under the record: seal the same bytes in place, open them in place. */
    @Benchmark
    public int rawAead() throws AeadTagException {
        long n = ++counter;
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (n >>> (8 * i));
        }
        int sealed = sealer.seal(nonce, aad, raw, 0, size, raw, 0);
        return opener.open(nonce, aad, raw, 0, sealed, raw, 0);
    }
}
