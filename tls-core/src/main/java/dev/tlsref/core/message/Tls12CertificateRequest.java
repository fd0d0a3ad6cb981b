package dev.tlsref.core.message;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CertificateRequest in TLS 1.2 (RFC 5246 §7.4.4; signature_algorithms values as
 * SignatureScheme per RFC 8446 §4.2.3).
 * <pre>
 * struct {
 *     ClientCertificateType certificate_types&lt;1..2^8-1&gt;;
 *     SignatureAndHashAlgorithm supported_signature_algorithms&lt;2..2^16-2&gt;;
 *     DistinguishedName certificate_authorities&lt;0..2^16-1&gt;;
 * } CertificateRequest;
 *
 * opaque DistinguishedName&lt;1..2^16-1&gt;;
 * </pre>
 *
 * @param certificateTypes the acceptable certificate types, at least one
 * @param supportedSignatureAlgorithms the acceptable signature schemes, at least one
 * @param certificateAuthorities DER distinguished names of acceptable CAs; may be empty
 */
public record Tls12CertificateRequest(List<ClientCertificateType> certificateTypes,
        List<SignatureScheme> supportedSignatureAlgorithms, List<byte[]> certificateAuthorities)
        implements HandshakeMessage {

    /** Checks the bounds and copies the lists. */
    public Tls12CertificateRequest {
        certificateTypes = List.copyOf(certificateTypes);
        if (certificateTypes.isEmpty() || certificateTypes.size() > 0xff) {
            throw new IllegalArgumentException("certificate_types must hold 1 to 255 types");
        }
        supportedSignatureAlgorithms = List.copyOf(supportedSignatureAlgorithms);
        if (supportedSignatureAlgorithms.isEmpty() || supportedSignatureAlgorithms.size() > 0x7fff) {
            throw new IllegalArgumentException("supported_signature_algorithms must hold 1 to 32767 schemes");
        }
        certificateAuthorities = Fields.copyAll(certificateAuthorities, 1, 0xffff, "DistinguishedName");
    }

    /**
     * Decodes a TLS 1.2 CertificateRequest body.
     *
     * @throws TlsAlertException decode_error if malformed
     */
    public static Tls12CertificateRequest decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        TlsReader types = in.readVector8(1, 0xff);
        List<ClientCertificateType> certificateTypes = new ArrayList<>();
        while (types.hasRemaining()) {
            certificateTypes.add(new ClientCertificateType(types.readUint8()));
        }
        TlsReader schemes = in.readVector16(2, 0xfffe);
        if (schemes.remaining() % 2 != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "supported_signature_algorithms length " + schemes.remaining() + " is odd");
        }
        List<SignatureScheme> signatureAlgorithms = new ArrayList<>();
        while (schemes.hasRemaining()) {
            signatureAlgorithms.add(new SignatureScheme(schemes.readUint16()));
        }
        TlsReader names = in.readVector16(0, 0xffff);
        List<byte[]> authorities = new ArrayList<>();
        while (names.hasRemaining()) {
            authorities.add(names.readOpaque16(1, 0xffff));
        }
        in.expectEnd("CertificateRequest");
        return new Tls12CertificateRequest(certificateTypes, signatureAlgorithms, authorities);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeVector8(types -> certificateTypes.forEach(t -> types.writeUint8(t.code())));
        out.writeVector16(schemes -> supportedSignatureAlgorithms.forEach(s -> schemes.writeUint16(s.code())));
        out.writeVector16(names -> certificateAuthorities.forEach(names::writeOpaque16));
    }

    /** Copies of the distinguished names. */
    @Override
    public List<byte[]> certificateAuthorities() {
        return Fields.cloneAll(certificateAuthorities);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tls12CertificateRequest other
                && certificateTypes.equals(other.certificateTypes)
                && supportedSignatureAlgorithms.equals(other.supportedSignatureAlgorithms)
                && Fields.equalAll(certificateAuthorities, other.certificateAuthorities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificateTypes, supportedSignatureAlgorithms, Fields.hashAll(certificateAuthorities));
    }

    @Override
    public String toString() {
        return "CertificateRequest[certificate_types=" + certificateTypes
                + ", supported_signature_algorithms=" + supportedSignatureAlgorithms
                + ", certificate_authorities=" + Trace.hexList(certificateAuthorities) + "]";
    }
}
