package dev.tlsref.bench;

import dev.tlsref.bench.scenario.Implementation;
import dev.tlsref.bench.scenario.InMemoryPair;
import dev.tlsref.bench.scenario.Scenario;
import dev.tlsref.bench.scenario.Suite;
import dev.tlsref.bench.scenario.TlsStack;
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
 * Application data on an established TLS 1.3 connection, in memory: the client writes
 * {@code size} bytes (sealed into records), the server opens them and reads them out. One
 * operation is one write; MB/s of plaintext is {@code score * size / 10^6} (Report prints it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Djdk.tls.namedGroups=x25519"})
public class BulkBenchmark {

    @Param({"tlsref", "jsse", "bcjsse"})
    public String implementation;

    @Param({"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    public String suite;

    @Param({"16384", "1024"})
    public int size;

    private InMemoryPair pair;
    private byte[] data;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        pair = TlsStack.open(Implementation.byName(implementation), Scenario.full(Suite.valueOf(suite))).newPair();
        pair.handshake();
        data = new byte[size];
    }

    /** Seal {@code size} bytes on the client, open them on the server. */
    @Benchmark
    public int sealAndOpen() throws Exception {
        int read = pair.clientToServer(data);
        if (read != size) {
            throw new IllegalStateException("the server read " + read + " of " + size + " bytes");
        }
        return read;
    }
}
