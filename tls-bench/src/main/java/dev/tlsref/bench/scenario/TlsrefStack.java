package dev.tlsref.bench.scenario;

import dev.tlsref.bench.fixture.Fixture;
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
    private final TlsConfig client;
    private final TlsConfig socketClient;
    private final TlsConfig server;

    TlsrefStack(Scenario scenario) {
        Fixture fixture = Fixture.get();
        Fixture.Leaf leaf = fixture.leaf(scenario.certificate());
        TlsConfig.Builder common = TlsConfig.builder()
                .versions(List.of(scenario.suite().version()))
                .cipherSuites(List.of(scenario.suite().tlsref()))
                .groups(List.of(scenario.group().tlsref()));
        server = common.certifiedKey(new CertifiedKey(leaf.chain(), leaf.privateKey())).build();
        TlsConfig.Builder clientBuilder = TlsConfig.builder()
                .versions(List.of(scenario.suite().version()))
                .cipherSuites(List.of(scenario.suite().tlsref()))
                .groups(List.of(scenario.group().tlsref()))
                .trustAnchors(List.of(fixture.root()));
        client = clientBuilder.sessionTickets(scenario.resumption()).build();
        socketClient = clientBuilder.sessionTickets(false).build();
    }

    @Override
    public TlsrefPair newPair() {
        return new TlsrefPair(TlsConnection.client(client, Fixture.HOST), TlsConnection.server(server));
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
