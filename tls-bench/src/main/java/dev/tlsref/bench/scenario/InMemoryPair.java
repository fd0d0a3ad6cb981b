package dev.tlsref.bench.scenario;

/**
 * A client and a server connected in memory: the bytes one side produces are handed to the
 * other as a ByteBuffer, with no socket and no thread in between.
 */
public sealed interface InMemoryPair permits TlsrefPair, EnginePair {
    /** Buffer size for a flight or a record on the wire, and for application data read at once. */
    int BUFFER_SIZE = 64 * 1024;

    /**
     * Runs the handshake until both sides are done and nothing is left in flight, including
     * post-handshake messages such as NewSessionTicket.
     *
     * @throws IllegalStateException if either side did not complete
     */
    void handshake() throws Exception;

    /** The client seals {@code data}, the server opens it; returns the bytes the server read. */
    int clientToServer(byte[] data) throws Exception;

    /** Bytes the client has sent so far. */
    long clientBytesSent();

    /** Bytes the server has sent so far. */
    long serverBytesSent();
}
