package dev.tlsref.examples;

import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.TlsConnection;

/**
 * A client and a server {@link TlsConnection} wired back to back in memory: what one sends,
 * the other receives. Single-threaded and deterministic, so the demo's narrative comes out in
 * exactly the order of the messages. This is the sans-IO engine at its plainest: no socket,
 * just bytes handed across.
 */
final class InMemoryPair {
    /** More exchanges than any handshake needs: a stuck handshake ends instead of spinning. */
    private static final int MAX_ROUNDS = 64;

    private final TlsConnection client;
    private final TlsConnection server;

    InMemoryPair(TlsConnection client, TlsConnection server) {
        this.client = client;
        this.server = server;
    }

    TlsConnection client() {
        return client;
    }

    TlsConnection server() {
        return server;
    }

    /** Runs the handshake to completion on both sides. */
    void handshake() throws TlsAlertException {
        client.start();
        server.start();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (client.isHandshakeComplete() && server.isHandshakeComplete()
                    && !client.hasOutput() && !server.hasOutput()) {
                return;
            }
            if (!exchange()) {
                break;
            }
        }
        if (!client.isHandshakeComplete() || !server.isHandshakeComplete()) {
            throw new IllegalStateException("the handshake stalled: no side has anything to send");
        }
    }

    /** Delivers whatever each side has queued to the other; false if neither had anything. */
    boolean exchange() throws TlsAlertException {
        boolean moved = false;
        if (client.hasOutput()) {
            byte[] bytes = client.takeOutput();
            server.receive(bytes, 0, bytes.length);
            moved = true;
        }
        if (server.hasOutput()) {
            byte[] bytes = server.takeOutput();
            client.receive(bytes, 0, bytes.length);
            moved = true;
        }
        return moved;
    }

    /** Exchanges until both sides are quiet. */
    void settle() throws TlsAlertException {
        for (int round = 0; round < MAX_ROUNDS && exchange(); round++) {
            // keep delivering
        }
    }

    /** Reads everything {@code side} has received. */
    static byte[] readAll(TlsConnection side) {
        byte[] data = new byte[side.available()];
        int n = side.read(data, 0, data.length);
        return n == data.length ? data : java.util.Arrays.copyOf(data, n);
    }
}
