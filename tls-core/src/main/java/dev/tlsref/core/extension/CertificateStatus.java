package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;

/**
 * status_request in a TLS 1.3 CertificateEntry (RFC 8446 §4.4.2.1): the stapled OCSP response
 * for that certificate, in the form of RFC 6066 §8's CertificateStatus.
 * <pre>
 * struct {
 *     CertificateStatusType status_type;  // ocsp(1)
 *     select (status_type) { case ocsp: OCSPResponse; } response;
 * } CertificateStatus;
 * opaque OCSPResponse&lt;1..2^24-1&gt;;
 * </pre>
 * A status_type other than ocsp has no known layout and is kept as an
 * {@link UnknownExtension}; the handshake layer rejects a response the client did not ask for.
 * The response itself is DER and is parsed and checked by the certificate layer.
 *
 * @param ocspResponse the DER-encoded OCSPResponse (RFC 6960)
 */
public record CertificateStatus(byte[] ocspResponse) implements Extension {

    /** Checks the response is not empty and copies it. */
    public CertificateStatus {
        // A 24-bit length in a 16-bit extension: the extension's own length is the real ceiling.
        if (ocspResponse.length < 1 || ocspResponse.length > 0xffff - 4) {
            throw new IllegalArgumentException("OCSP response of " + ocspResponse.length + " bytes");
        }
        ocspResponse = ocspResponse.clone();
    }

    @Override
    public byte[] ocspResponse() {
        return ocspResponse.clone();
    }

    /** A CertificateStatus, or an UnknownExtension for a status_type other than ocsp. */
    static Extension decode(TlsReader in) throws TlsAlertException {
        int statusType = in.readUint8();
        if (statusType != StatusRequest.OCSP) {
            return StatusRequest.rawWithType(ExtensionType.STATUS_REQUEST, statusType, in);
        }
        return new CertificateStatus(in.readOpaque24(1, 0xffffff));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.STATUS_REQUEST;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeUint8(StatusRequest.OCSP);
        out.writeOpaque24(ocspResponse);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateStatus other && Arrays.equals(ocspResponse, other.ocspResponse);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ocspResponse);
    }

    @Override
    public String toString() {
        return type().name() + "[ocsp response(" + ocspResponse.length + " bytes)]";
    }
}
