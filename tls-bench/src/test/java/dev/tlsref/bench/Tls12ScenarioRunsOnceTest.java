package dev.tlsref.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Tls12HandshakeBenchmark} run once per implementation, full and resumed. Runs in its own
 * JVM (see the pom) with jdk.tls.namedGroups=x25519,secp256r1 as the benchmark's fork does: a
 * TLS 1.2 ECDSA P-256 server needs its curve in the client's supported groups (RFC 8422 §5.1).
 */
class Tls12ScenarioRunsOnceTest {

    static Stream<String> tls12Implementations() {
        return EveryScenarioRunsOnceTest.params(Tls12HandshakeBenchmark.class, "implementation");
    }

    @ParameterizedTest
    @MethodSource("tls12Implementations")
    void tls12Handshake(String implementation) throws Exception {
        long fullServerBytes = 0;
        for (boolean resumed : List.of(false, true)) {
            Tls12HandshakeBenchmark b = new Tls12HandshakeBenchmark();
            b.implementation = implementation;
            b.resumed = resumed;
            b.setUp();
            long serverBytes = b.handshake().serverBytesSent();
            if (!resumed) {
                fullServerBytes = serverBytes;
            } else {
                // No Certificate and no ServerKeyExchange (SunJSSE still sends a large ticket).
                assertThat(implementation + " resumed server sent " + serverBytes + " of " + fullServerBytes,
                        serverBytes < fullServerBytes - 500, equalTo(true));
            }
        }
    }
}
