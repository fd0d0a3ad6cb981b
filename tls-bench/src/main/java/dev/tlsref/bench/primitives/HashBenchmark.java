package dev.tlsref.bench.primitives;

import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.Hash;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.Hkdf;
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
 * The hashing a handshake does: a transcript snapshot (copy + digest of a running hash) and
 * one HKDF-Expand-Label, on each provider.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HashBenchmark {

    @Param({"jca", "bc"})
    public String provider;

    @Param({"SHA256", "SHA384"})
    public String hash;

    private Hash running;
    private Hkdf hkdf;
    private byte[] secret;
    private final byte[] context = new byte[48];

    @Setup(Level.Trial)
    public void setUp() {
        CryptoProvider crypto = Providers.byName(provider);
        HashAlgorithm alg = HashAlgorithm.valueOf(hash);
        running = crypto.newHash(alg);
        running.update(new byte[4096]);
        hkdf = new Hkdf(crypto, alg);
        secret = new byte[alg.length()];
    }

    /** Transcript-Hash at one point of the handshake: copy the running hash, finish the copy. */
    @Benchmark
    public byte[] transcriptSnapshot() {
        return running.copy().digest();
    }

    /** One HKDF-Expand-Label, as each traffic key and IV takes. */
    @Benchmark
    public byte[] expandLabel() {
        return hkdf.expandLabel(secret, "c hs traffic", context, secret.length);
    }
}
