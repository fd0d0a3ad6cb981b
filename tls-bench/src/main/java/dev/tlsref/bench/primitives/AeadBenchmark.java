package dev.tlsref.bench.primitives;

import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.AeadTagException;
import dev.tlsref.crypto.CryptoProvider;
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
 * Raw AEAD throughput on each provider: seal then open of one message, in place, as a record
 * layer would do it. The score is operations per second; MB/s of plaintext is
 * {@code score * size / 10^6} (the README's table does that sum).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AeadBenchmark {

    @Param({"jca", "bc"})
    public String provider;

    @Param({"AES_128_GCM", "AES_256_GCM", "CHACHA20_POLY1305"})
    public String algorithm;

    @Param({"16384", "1024"})
    public int size;

    private Aead aead;
    private byte[] buffer;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[5];
    private long counter;

    @Setup(Level.Trial)
    public void setUp() {
        CryptoProvider crypto = Providers.byName(provider);
        AeadAlgorithm alg = AeadAlgorithm.valueOf(algorithm);
        aead = crypto.newAead(alg, new byte[alg.keyLength()]);
        buffer = new byte[size + alg.tagLength()];
    }

    /** Seal {@code size} bytes in place, then open them in place: one record each way. */
    @Benchmark
    public int sealThenOpen() throws AeadTagException {
        nextNonce();
        int sealed = aead.seal(nonce, aad, buffer, 0, size, buffer, 0);
        return aead.open(nonce, aad, buffer, 0, sealed, buffer, 0);
    }

    private void nextNonce() {
        long n = ++counter;
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (n >>> (8 * i));
        }
    }
}
