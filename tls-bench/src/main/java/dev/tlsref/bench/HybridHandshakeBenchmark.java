package dev.tlsref.bench;

import dev.tlsref.bench.scenario.Group;
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
 * Full TLS 1.3 handshakes with the hybrid X25519MLKEM768 key share (ECDSA P-256 leaf,
 * TLS_AES_128_GCM_SHA256). SunJSSE on JDK 17 has no ML-KEM, so only tlsref and BCJSSE run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Djdk.tls.namedGroups=x25519"})
public class HybridHandshakeBenchmark {

    @Param({"tlsref", "bcjsse"})
    public String implementation;

    private TlsStack stack;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Scenario scenario = Scenario.full(Suite.TLS_AES_128_GCM_SHA256).with(Group.X25519MLKEM768);
        stack = TlsStack.open(Implementation.byName(implementation), scenario);
    }

    /** One full hybrid handshake. */
    @Benchmark
    public InMemoryPair handshake() throws Exception {
        InMemoryPair pair = stack.newPair();
        pair.handshake();
        return pair;
    }
}
