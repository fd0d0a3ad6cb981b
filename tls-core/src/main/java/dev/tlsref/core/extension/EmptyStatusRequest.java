package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;

/**
 * status_request with no data (RFC 6066 §8): in a TLS 1.2 ServerHello, the server will send a
 * CertificateStatus message; in a TLS 1.3 CertificateRequest, the server asks the client for
 * an OCSP response with its certificate (RFC 8446 §4.4.2.1).
 * Its {@code extension_data} is empty; any byte in it is a {@code decode_error}.
 */
public record EmptyStatusRequest() implements Extension {

    static EmptyStatusRequest decode(TlsReader in) {
        // Nothing to read: ExtensionCodec's expectEnd rejects any data.
        return new EmptyStatusRequest();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.STATUS_REQUEST;
    }

    @Override
    public void encodeData(TlsWriter out) {
        // empty extension_data
    }

    @Override
    public String toString() {
        return type().name() + "(empty)";
    }
}
