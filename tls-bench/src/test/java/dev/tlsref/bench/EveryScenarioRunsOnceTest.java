package dev.tlsref.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;

/**
 * Runs every benchmark method once for every value of its {@code @Param}s, directly (not
 * through JMH): setup, one operation, teardown. It proves each scenario executes for each
 * implementation; nothing is timed. The parameter values are read from the annotations so a
 * value added there is run here too.
 */
class EveryScenarioRunsOnceTest {

    static Stream<String> handshakeImplementations() {
        return params(Tls13HandshakeBenchmark.class, "implementation");
    }

    @ParameterizedTest
    @MethodSource("handshakeImplementations")
    void fullTls13Handshake(String implementation) throws Exception {
        for (String certificate : params(Tls13HandshakeBenchmark.class, "certificate").toList()) {
            Tls13HandshakeBenchmark b = new Tls13HandshakeBenchmark();
            b.implementation = implementation;
            b.certificate = certificate;
            b.setUp();
            assertThat(b.handshake(), notNullValue());
        }
    }

    static Stream<String> hybridImplementations() {
        return params(HybridHandshakeBenchmark.class, "implementation");
    }

    @ParameterizedTest
    @MethodSource("hybridImplementations")
    void hybridHandshake(String implementation) throws Exception {
        HybridHandshakeBenchmark b = new HybridHandshakeBenchmark();
        b.implementation = implementation;
        b.setUp();
        // The ML-KEM-768 encapsulation key alone is 1184 bytes: the hybrid share was sent.
        assertThat(b.handshake().clientBytesSent() > 1184, equalTo(true));
    }

    static Stream<String> resumptionImplementations() {
        return params(Tls13ResumptionBenchmark.class, "implementation");
    }

    @ParameterizedTest
    @MethodSource("resumptionImplementations")
    void resumedTls13Handshake(String implementation) throws Exception {
        Tls13ResumptionBenchmark b = new Tls13ResumptionBenchmark();
        b.implementation = implementation;
        b.setUp();
        Tls13HandshakeBenchmark full = new Tls13HandshakeBenchmark();
        full.implementation = implementation;
        full.certificate = "ECDSA_P256";
        full.setUp();
        long fullServerBytes = full.handshake().serverBytesSent();
        // No certificate chain (about 900 bytes with the root) in a resumed server flight.
        assertThat(b.resume().serverBytesSent() < fullServerBytes - 300, equalTo(true));
    }

    static Stream<String> bulkImplementations() {
        return params(BulkBenchmark.class, "implementation");
    }

    @ParameterizedTest
    @MethodSource("bulkImplementations")
    void bulk(String implementation) throws Exception {
        for (String suite : params(BulkBenchmark.class, "suite").toList()) {
            for (String size : params(BulkBenchmark.class, "size").toList()) {
                BulkBenchmark b = new BulkBenchmark();
                b.implementation = implementation;
                b.suite = suite;
                b.size = Integer.parseInt(size);
                b.setUp();
                assertThat(b.sealAndOpen(), equalTo(b.size));
                assertThat("a second write on the same connection", b.sealAndOpen(), equalTo(b.size));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bulkImplementations")
    void rawAeadBaseline(String unused) throws Exception {
        for (String suite : params(RawAeadBaselineBenchmark.class, "suite").toList()) {
            RawAeadBaselineBenchmark b = new RawAeadBaselineBenchmark();
            b.suite = suite;
            b.size = 1024;
            b.setUp();
            assertThat(b.sealThenOpen(), equalTo(1025));
        }
    }

    static Stream<String> socketImplementations() {
        return params(SocketHandshakeBenchmark.class, "implementation");
    }

    @ParameterizedTest
    @MethodSource("socketImplementations")
    void loopbackHandshakes(String implementation) throws Exception {
        for (String clients : params(SocketHandshakeBenchmark.class, "clients").toList()) {
            SocketHandshakeBenchmark b = new SocketHandshakeBenchmark();
            b.implementation = implementation;
            b.clients = Integer.parseInt(clients);
            b.setUp();
            try {
                assertThat(b.handshakes(), equalTo(b.clients));
                assertThat(b.handshakes(), equalTo(b.clients));
            } finally {
                b.tearDown();
            }
        }
    }

    /** The values of a benchmark's {@code @Param} field. */
    static Stream<String> params(Class<?> benchmark, String field) {
        try {
            return Arrays.stream(benchmark.getField(field).getAnnotation(Param.class).value());
        } catch (NoSuchFieldException e) {
            throw new AssertionError(benchmark.getSimpleName() + " has no @Param " + field, e);
        }
    }
}
