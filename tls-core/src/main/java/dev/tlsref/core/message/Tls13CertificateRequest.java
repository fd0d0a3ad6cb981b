package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import dev.tlsref.core.extension.ExtensionContext;
import dev.tlsref.core.extension.Extensions;
import java.util.Arrays;
import java.util.Objects;

/**
 * CertificateRequest in TLS 1.3 (RFC 8446 §4.3.2).
 * <pre>
 * struct {
 *     opaque certificate_request_context&lt;0..2^8-1&gt;;
 *     Extension extensions&lt;2..2^16-1&gt;;
 * } CertificateRequest;
 * </pre>
 * signature_algorithms is mandatory in the extensions (§4.3.2); the handshake checks that
 * (missing_extension), this type only the syntax.
 *
 * @param certificateRequestContext echoed in the client's Certificate; empty during the handshake
 * @param extensions decoded with {@link ExtensionContext#CERTIFICATE_REQUEST}
 */
public record Tls13CertificateRequest(byte[] certificateRequestContext, Extensions extensions)
        implements HandshakeMessage {

    /** Checks the bounds and copies the context. */
    public Tls13CertificateRequest {
        certificateRequestContext = Fields.copy(certificateRequestContext, 0, 0xff, "certificate_request_context");
        Objects.requireNonNull(extensions, "extensions");
    }

    /**
     * Decodes a TLS 1.3 CertificateRequest body.
     *
     * @throws TlsAlertException decode_error if malformed, or what the extension block reports
     */
    public static Tls13CertificateRequest decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        byte[] context = in.readOpaque8(0, 0xff);
        Extensions extensions = Extensions.decode(in, ExtensionContext.CERTIFICATE_REQUEST);
        in.expectEnd("CertificateRequest");
        return new Tls13CertificateRequest(context, extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeOpaque8(certificateRequestContext);
        extensions.encode(out);
    }

    @Override
    public byte[] certificateRequestContext() {
        return certificateRequestContext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tls13CertificateRequest other
                && Arrays.equals(certificateRequestContext, other.certificateRequestContext)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(certificateRequestContext) + extensions.hashCode();
    }

    @Override
    public String toString() {
        return "CertificateRequest[certificate_request_context=" + Trace.hex(certificateRequestContext)
                + ", extensions=" + extensions + "]";
    }
}
