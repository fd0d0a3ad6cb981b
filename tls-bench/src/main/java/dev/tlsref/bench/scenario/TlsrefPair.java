package dev.tlsref.bench.scenario;

import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConnection;
import java.nio.ByteBuffer;

/** Two tlsref {@link TlsConnection}s handing records to each other through the stack's {@link Wire}. */
public final class TlsrefPair implements InMemoryPair {
    private final TlsConnection client;
    private final TlsConnection server;
    private final ByteBuffer wire;
    private final byte[] sink;
    private long clientBytes;
    private long serverBytes;

    TlsrefPair(TlsConnection client, TlsConnection server, Wire wire) {
        this.client = client;
        this.server = server;
        this.wire = wire.reset().toServer;
        this.sink = wire.serverApp.array();
    }

    @Override
    public void handshake() throws TlsAlertException {
        client.start();
        server.start();
        boolean moved = true;
        while (moved) {
            long c = move(client, server);
            long s = move(server, client);
            clientBytes += c;
            serverBytes += s;
            moved = c + s > 0;
        }
        if (!client.isHandshakeComplete() || !server.isHandshakeComplete()) {
            throw new IllegalStateException("tlsref handshake did not complete");
        }
    }

    @Override
    public int clientToServer(byte[] data) throws TlsAlertException {
        client.write(data, 0, data.length);
        clientBytes += move(client, server);
        int read = 0;
        while (server.available() > 0) {
            read += server.read(sink, 0, sink.length);
        }
        return read;
    }

    @Override
    public long clientBytesSent() {
        return clientBytes;
    }

    @Override
    public long serverBytesSent() {
        return serverBytes;
    }

    /** What the client's handshake agreed on. */
    public NegotiatedParameters clientParameters() {
        return client.parameters().orElseThrow();
    }

    private long move(TlsConnection from, TlsConnection to) throws TlsAlertException {
        long moved = 0;
        while (from.hasOutput()) {
            wire.clear();
            moved += from.takeOutput(wire);
            wire.flip();
            to.receive(wire);
        }
        return moved;
    }
}
