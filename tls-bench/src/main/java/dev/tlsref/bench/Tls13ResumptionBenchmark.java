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
 * TLS 1.3 resumed handshakes (PSK from a session ticket, psk_dhe_ke with x25519): a first
 * handshake in setup primes the client's cache, then every operation resumes; each resumed
 * connection receives a fresh ticket, so the cache never runs dry. SunJSSE resumes through the
 * same SSLContext and the same peer host and port. BCJSSE 1.84 does not resume TLS 1.3
 * sessions (it would measure full handshakes), so it is left out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Djdk.tls.namedGroups=x25519"})
public class Tls13ResumptionBenchmark {

    @Param({"tlsref", "jsse"})
    public String implementation;

    private TlsStack stack;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        stack = TlsStack.open(Implementation.byName(implementation),
                Scenario.full(Suite.TLS_AES_128_GCM_SHA256).resumed(true));
        stack.newPair().handshake();
    }

    /** One resumed handshake. */
    @Benchmark
    public InMemoryPair resume() throws Exception {
        InMemoryPair pair = stack.newPair();
        pair.handshake();
        return pair;
    }
}
