package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;

/**
 * EndOfEarlyData (RFC 8446 §4.5), TLS 1.3 only: sent by a client after its 0-RTT data.
 * Its body is empty.
 * <pre>
 * struct {} EndOfEarlyData;
 * </pre>
 */
public record EndOfEarlyData() implements HandshakeMessage {

    /**
     * Decodes a EndOfEarlyData body.
     *
     * @throws TlsAlertException decode_error if the body is not empty
     */
    public static EndOfEarlyData decode(byte[] body) throws TlsAlertException {
        TlsReader.of(body).expectEnd("EndOfEarlyData");
        return new EndOfEarlyData();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.END_OF_EARLY_DATA;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        // The body is empty.
    }

    @Override
    public String toString() {
        return "EndOfEarlyData[]";
    }
}
