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
 * TLS 1.2 ECDHE-ECDSA-AES128-GCM-SHA256 handshakes with x25519, full or resumed (a first
 * handshake in setup primes the session). The forked JVM enables secp256r1 next to x25519 for SunJSSE:
 * a TLS 1.2 client must list the curve of an ECDSA certificate in its supported groups
 * (RFC 8422 §5.1), and TLS 1.2 has no key shares to duplicate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Djdk.tls.namedGroups=x25519,secp256r1"})
public class Tls12HandshakeBenchmark {

    @Param({"tlsref", "jsse", "bcjsse"})
    public String implementation;

    @Param({"false", "true"})
    public boolean resumed;

    private TlsStack stack;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        stack = TlsStack.open(Implementation.byName(implementation),
                Scenario.full(Suite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256).resumed(resumed));
        stack.newPair().handshake();
    }

    /** One TLS 1.2 handshake. */
    @Benchmark
    public InMemoryPair handshake() throws Exception {
        InMemoryPair pair = stack.newPair();
        pair.handshake();
        return pair;
    }
}
