package dev.tlsref.bench.scenario;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import dev.tlsref.bench.fixture.CertificateKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every implementation does the same work in memory: full handshakes, resumption, application data. */
class TlsStackTest {

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void completesAFullHandshakeWithEachCertificate(Implementation implementation) throws Exception {
        for (CertificateKind kind : CertificateKind.values()) {
            Scenario scenario = Scenario.full(Suite.TLS_AES_128_GCM_SHA256).with(kind);
            InMemoryPair pair = TlsStack.open(implementation, scenario).newPair();
            pair.handshake();
            // One x25519 key share (32 bytes) and no more: a ClientHello well under 400 bytes.
            assertThat(implementation + " " + kind + " client bytes", pair.clientBytesSent(), lessThan(700L));
            assertThat("the server sent its chain", pair.serverBytesSent(), greaterThan(700L));
            assertThat(pair.clientToServer(new byte[1024]), equalTo(1024));
        }
    }

    /** BCJSSE 1.84 does not resume TLS 1.3 sessions (bc-java issue 946): it is not in this scenario. */
    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"TLSREF", "JSSE"})
    void resumesWithoutTheCertificateAfterPriming(Implementation implementation) throws Exception {
        Scenario scenario = Scenario.full(Suite.TLS_AES_128_GCM_SHA256).resumed(true);
        TlsStack stack = TlsStack.open(implementation, scenario);
        InMemoryPair first = stack.newPair();
        first.handshake();
        for (int i = 0; i < 3; i++) {
            InMemoryPair again = stack.newPair();
            again.handshake();
            assertThat(implementation + " resumed server flight without a chain",
                    again.serverBytesSent(), lessThan(first.serverBytesSent() - 300));
        }
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void neverResumesInTheFullHandshakeScenario(Implementation implementation) throws Exception {
        TlsStack stack = TlsStack.open(implementation, Scenario.full(Suite.TLS_AES_128_GCM_SHA256));
        InMemoryPair first = stack.newPair();
        first.handshake();
        InMemoryPair second = stack.newPair();
        second.handshake();
        assertThat(second.serverBytesSent(), greaterThan(first.serverBytesSent() - 50));
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void aNewPairStartsOnEmptyBuffersAfterTheLastOneCarriedData(Implementation implementation) throws Exception {
        TlsStack stack = TlsStack.open(implementation, Scenario.full(Suite.TLS_AES_128_GCM_SHA256));
        InMemoryPair first = stack.newPair();
        first.handshake();
        assertThat(first.clientToServer(new byte[5000]), is(5000));
        InMemoryPair second = stack.newPair();
        second.handshake();
        assertThat(second.clientToServer(new byte[300]), is(300));
    }
}
