package dev.tlsref.bench.scenario;

import dev.tlsref.bench.fixture.Fixture;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsConnection;
import dev.tlsref.handshake.TlsSocket;
import java.io.IOException;
import java.net.Socket;
import java.util.List;

/**
 * tlsref with tls-crypto's preferred provider. The server issues session tickets in every
 * scenario (as SunJSSE's does); the client keeps them only when the scenario resumes.
 */
final class TlsrefStack implements TlsStack {
    private final Scenario scenario;
    private final TlsConfig client;
    private final TlsConfig socketClient;
    private final TlsConfig server;
    private final Wire wire = new Wire();

    TlsrefStack(Scenario scenario) {
        this.scenario = scenario;
        Fixture fixture = Fixture.get();
        Fixture.Leaf leaf = fixture.leaf(scenario.certificate());
        // TLS 1.2: the client lists secp256r1 too, the curve of the ECDSA certificate (RFC 8422
        // §5.1), as the JSSE peers do; x25519 stays first, and TLS 1.2 has no key shares.
        List<NamedGroup> groups = scenario.suite().version().equals(ProtocolVersion.TLS1_2)
                ? List.of(scenario.group().tlsref(), NamedGroup.SECP256R1)
                : List.of(scenario.group().tlsref());
        server = TlsConfig.builder()
                .versions(List.of(scenario.suite().version()))
                .cipherSuites(List.of(scenario.suite().tlsref()))
                .groups(groups)
                .certifiedKey(new CertifiedKey(leaf.chain(), leaf.privateKey()))
                .build();
        TlsConfig.Builder clientBuilder = TlsConfig.builder()
                .versions(List.of(scenario.suite().version()))
                .cipherSuites(List.of(scenario.suite().tlsref()))
                .groups(groups)
                .trustAnchors(List.of(fixture.root()));
        client = clientBuilder.sessionTickets(scenario.resumption()).build();
        socketClient = clientBuilder.sessionTickets(false).build();
    }

    @Override
    public TlsrefPair newPair() {
        if (!scenario.resumption()) {
            // A TLS 1.2 client keeps its last session per server name whatever the ticket
            // setting; forgetting it keeps every handshake of a full-handshake scenario full.
            client.tls12Sessions().removeClientSession(Fixture.HOST);
        }
        return new TlsrefPair(TlsConnection.client(client, Fixture.HOST), TlsConnection.server(server), wire);
    }

    @Override
    public void runClient(Socket connected) throws IOException {
        try (TlsSocket tls = TlsSocket.client(connected, socketClient, Fixture.HOST)) {
            tls.handshake();
            if (tls.getInputStream().read() < 0) {
                throw new IOException("the server closed before its byte");
            }
        }
    }

    @Override
    public void runServer(Socket accepted) throws IOException {
        TlsSocket tls = TlsSocket.server(accepted, server);
        try {
            tls.handshake();
            tls.getOutputStream().write(1);
            // Wait for the client to close first, so TIME_WAIT stays on the client's ports.
            while (tls.getInputStream().read() >= 0) {
                // nothing more is expected
            }
        } finally {
            JsseStack.closeQuietly(tls);
        }
    }
}
