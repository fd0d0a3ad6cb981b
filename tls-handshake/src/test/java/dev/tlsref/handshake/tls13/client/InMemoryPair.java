package dev.tlsref.handshake.tls13.client;

import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.tls13.Tls13ClientHandshake;
import dev.tlsref.handshake.tls13.Tls13ServerHandshake;
import java.util.List;

/**
 * A tlsref client and server joined in memory through two {@link FakeRecordChannel}s. A
 * failure of the client surfaces as its {@link TlsAlertException}; a failure of the server
 * as an {@link AssertionError}, so a test of the client never mistakes one for the other.
 */
final class InMemoryPair {
    final FakeRecordChannel clientChannel = new FakeRecordChannel();
    final FakeRecordChannel serverChannel = new FakeRecordChannel();
    final Tls13ClientHandshake client;
    final Tls13ServerHandshake server;

    InMemoryPair(TlsConfig clientConfig, String serverName, TlsConfig serverConfig) {
        client = new Tls13ClientHandshake(clientConfig, serverName, clientChannel);
        server = new Tls13ServerHandshake(serverConfig, serverChannel);
        clientChannel.handshake = client;
        serverChannel.handshake = server;
    }

    /** Runs the handshake to its end (or the first failure). */
    InMemoryPair handshake() throws TlsAlertException {
        server.start();
        client.start();
        pump();
        return this;
    }

    /** Moves records both ways until neither side has anything to say. */
    void pump() throws TlsAlertException {
        for (int round = 0; round < 20; round++) {
            List<byte[]> fromClient = clientChannel.takeRecords();
            for (byte[] r : fromClient) {
                try {
                    serverChannel.receive(r);
                } catch (TlsAlertException e) {
                    throw new AssertionError("server failed: " + e, e);
                }
            }
            List<byte[]> fromServer = serverChannel.takeRecords();
            for (byte[] r : fromServer) {
                clientChannel.receive(r);
            }
            if (fromClient.isEmpty() && fromServer.isEmpty()) {
                return;
            }
        }
        throw new AssertionError("handshake did not settle in 20 rounds");
    }
}
