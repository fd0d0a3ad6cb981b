package dev.tlsref.bench.scenario;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * Two {@link SSLEngine}s (SunJSSE or BCJSSE) driven by the usual wrap/unwrap loop, delegated
 * tasks run inline on the calling thread, over the stack's {@link Wire}.
 */
public final class EnginePair implements InMemoryPair {
    private final SSLEngine client;
    private final SSLEngine server;
    private final ByteBuffer empty = ByteBuffer.allocate(0);
    private final ByteBuffer toServer;
    private final ByteBuffer toClient;
    private final ByteBuffer clientApp;
    private final ByteBuffer serverApp;
    private byte[] lastData;
    private ByteBuffer source;
    private long clientBytes;
    private long serverBytes;

    EnginePair(SSLEngine client, SSLEngine server, Wire wire) {
        this.client = client;
        this.server = server;
        wire.reset();
        this.toServer = wire.toServer;
        this.toClient = wire.toClient;
        this.clientApp = wire.clientApp;
        this.serverApp = wire.serverApp;
    }

    @Override
    public void handshake() throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        boolean progress = true;
        while (progress) {
            long c = wrap(client, toServer);
            boolean serverRead = unwrap(server, toServer, serverApp);
            long s = wrap(server, toClient);
            boolean clientRead = unwrap(client, toClient, clientApp);
            clientBytes += c;
            serverBytes += s;
            progress = c > 0 || s > 0 || serverRead || clientRead;
        }
        if (client.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                || server.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
            throw new IllegalStateException("handshake stalled: client " + client.getHandshakeStatus()
                    + ", server " + server.getHandshakeStatus());
        }
    }

    @Override
    public int clientToServer(byte[] data) throws SSLException {
        if (data != lastData) {
            lastData = data;
            source = ByteBuffer.wrap(data);
        }
        source.clear();
        int read = 0;
        while (source.hasRemaining()) {
            toServer.clear();
            SSLEngineResult r = client.wrap(source, toServer);
            clientBytes += r.bytesProduced();
            toServer.flip();
            while (toServer.hasRemaining()) {
                serverApp.clear();
                SSLEngineResult u = server.unwrap(toServer, serverApp);
                if (u.bytesConsumed() == 0) {
                    throw new IllegalStateException("server did not take the record: " + u);
                }
                read += serverApp.position();
            }
        }
        toServer.clear();
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

    /** Wraps until the engine has nothing more to send; returns the bytes produced. */
    private long wrap(SSLEngine engine, ByteBuffer net) throws SSLException {
        long produced = 0;
        while (true) {
            SSLEngineResult r = engine.wrap(empty, net);
            produced += r.bytesProduced();
            boolean tasks = runTasks(engine, r);
            if (r.getStatus() != SSLEngineResult.Status.OK || (r.bytesProduced() == 0 && !tasks)) {
                return produced;
            }
        }
    }

    /** Unwraps every complete record in {@code net} (write mode before and after); true if any was. */
    private boolean unwrap(SSLEngine engine, ByteBuffer net, ByteBuffer app) throws SSLException {
        net.flip();
        boolean consumed = false;
        try {
            while (net.hasRemaining()) {
                app.clear();
                SSLEngineResult r = engine.unwrap(net, app);
                boolean tasks = runTasks(engine, r);
                if (r.bytesConsumed() > 0) {
                    consumed = true;
                } else if (!tasks) {
                    break;
                }
                if (r.getStatus() != SSLEngineResult.Status.OK) {
                    break;
                }
            }
        } finally {
            net.compact();
        }
        return consumed;
    }

    private static boolean runTasks(SSLEngine engine, SSLEngineResult r) {
        if (r.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NEED_TASK) {
            return false;
        }
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        return true;
    }
}
