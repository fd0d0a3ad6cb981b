package dev.tlsref.bench.scenario;

import java.io.IOException;
import java.net.Socket;

/**
 * One TLS implementation set up for one {@link Scenario}: its configuration or SSLContexts are
 * made once, then every connection is made from them, in memory or over a socket.
 */
public sealed interface TlsStack permits TlsrefStack, JsseStack {

    /** The stack of {@code implementation} for {@code scenario}, over the shared fixture. */
    static TlsStack open(Implementation implementation, Scenario scenario) throws Exception {
        return implementation == Implementation.TLSREF
                ? new TlsrefStack(scenario)
                : new JsseStack(implementation, scenario);
    }

    /**
     * A new client and server, not started. The pair uses this stack's transport buffers: it
     * is valid until the next call.
     */
    InMemoryPair newPair() throws Exception;

    /**
     * The client of one loopback connection: handshake, read the server's one byte, close.
     * Always full handshakes.
     */
    void runClient(Socket connected) throws IOException;

    /** The server of one loopback connection: handshake, write one byte, close. */
    void runServer(Socket accepted) throws IOException;
}
