package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;

/**
 * ServerHelloDone (RFC 5246 §7.4.5), TLS 1.2 only: ends the server's first flight. Its
 * body is empty.
 * <pre>
 * struct {} ServerHelloDone;
 * </pre>
 */
public record ServerHelloDone() implements HandshakeMessage {

    /**
     * Decodes a ServerHelloDone body.
     *
     * @throws TlsAlertException decode_error if the body is not empty
     */
    public static ServerHelloDone decode(byte[] body) throws TlsAlertException {
        TlsReader.of(body).expectEnd("ServerHelloDone");
        return new ServerHelloDone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO_DONE;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        // The body is empty.
    }

    @Override
    public String toString() {
        return "ServerHelloDone[]";
    }
}
