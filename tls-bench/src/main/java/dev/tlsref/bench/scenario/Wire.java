package dev.tlsref.bench.scenario;

import java.nio.ByteBuffer;

/**
 * The in-memory transport's buffers: one per direction for records in flight and one per side
 * for application data read out. They belong to the harness, not to the TLS implementation
 * under test, so a {@link TlsStack} makes them once and lends them to every pair it makes;
 * otherwise each handshake would count 128-256 KB of harness buffers in {@code -prof gc}.
 * A stack, and so its wire, serves one benchmark thread; a pair is valid until the stack makes
 * the next one.
 */
final class Wire {
    final ByteBuffer toServer = ByteBuffer.allocate(InMemoryPair.BUFFER_SIZE);
    final ByteBuffer toClient = ByteBuffer.allocate(InMemoryPair.BUFFER_SIZE);
    final ByteBuffer clientApp = ByteBuffer.allocate(InMemoryPair.BUFFER_SIZE);
    final ByteBuffer serverApp = ByteBuffer.allocate(InMemoryPair.BUFFER_SIZE);

    /** Empties every buffer for a new pair. */
    Wire reset() {
        toServer.clear();
        toClient.clear();
        clientApp.clear();
        serverApp.clear();
        return this;
    }
}
