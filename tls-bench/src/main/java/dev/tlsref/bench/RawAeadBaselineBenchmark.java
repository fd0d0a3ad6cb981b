package dev.tlsref.bench;

import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.AeadTagException;
import dev.tlsref.crypto.CryptoProviders;
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
 * The ceiling for {@link BulkBenchmark}: tls-crypto's preferred AEAD sealing and opening one
 * TLS 1.3 record's worth ({@code size} bytes plus the content type byte) in place, with the
 * record header as additional data, and nothing else. Same parameters, same units.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class RawAeadBaselineBenchmark {

    @Param({"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    public String suite;

    @Param({"16384", "1024"})
    public int size;

    private Aead aead;
    private byte[] record;
    private final byte[] nonce = new byte[12];
    private final byte[] header = {23, 3, 3, 0, 0};
    private long sequence;

    @Setup(Level.Trial)
    public void setUp() {
        AeadAlgorithm algorithm = switch (suite) {
            case "TLS_AES_128_GCM_SHA256" -> AeadAlgorithm.AES_128_GCM;
            case "TLS_AES_256_GCM_SHA384" -> AeadAlgorithm.AES_256_GCM;
            default -> AeadAlgorithm.CHACHA20_POLY1305;
        };
        aead = CryptoProviders.preferred().newAead(algorithm, new byte[algorithm.keyLength()]);
        record = new byte[size + 1 + algorithm.tagLength()];
        int length = size + 1 + algorithm.tagLength();
        header[3] = (byte) (length >>> 8);
        header[4] = (byte) length;
    }

    /** Seal one record's plaintext in place, then open it in place. */
    @Benchmark
    public int sealThenOpen() throws AeadTagException {
        long n = ++sequence;
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (n >>> (8 * i));
        }
        int sealed = aead.seal(nonce, header, record, 0, size + 1, record, 0);
        return aead.open(nonce, header, record, 0, sealed, record, 0);
    }
}
