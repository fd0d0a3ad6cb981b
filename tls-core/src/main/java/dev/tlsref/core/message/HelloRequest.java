package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;

/**
 * HelloRequest (RFC 5246 §7.4.1.1), TLS 1.2 only: asks the client to renegotiate. Its
 * body is empty. tlsref does not renegotiate; the handshake decides how to answer.
 * <pre>
 * struct {} HelloRequest;
 * </pre>
 */
public record HelloRequest() implements HandshakeMessage {

    /**
     * Decodes a HelloRequest body.
     *
     * @throws TlsAlertException decode_error if the body is not empty
     */
    public static HelloRequest decode(byte[] body) throws TlsAlertException {
        TlsReader.of(body).expectEnd("HelloRequest");
        return new HelloRequest();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.HELLO_REQUEST;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        // The body is empty.
    }

    @Override
    public String toString() {
        return "HelloRequest[]";
    }
}
