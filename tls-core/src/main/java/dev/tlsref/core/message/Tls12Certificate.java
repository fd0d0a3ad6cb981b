package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificate in TLS 1.2 (RFC 5246 §7.4.2).
 * <pre>
 * opaque ASN.1Cert&lt;1..2^24-1&gt;;
 *
 * struct {
 *     ASN.1Cert certificate_list&lt;0..2^24-1&gt;;
 * } Certificate;
 * </pre>
 * The first certificate is the sender's own. An empty list is well formed (a client without
 * a certificate, §7.4.6).
 *
 * @param certificateList the DER certificates, the sender's first
 */
public record Tls12Certificate(List<byte[]> certificateList) implements HandshakeMessage {

    /** Checks each certificate is at least one byte and copies them. */
    public Tls12Certificate {
        certificateList = Fields.copyAll(certificateList, 1, 0xffffff, "ASN.1Cert");
    }

    /**
     * Decodes a TLS 1.2 Certificate body.
     *
     * @throws TlsAlertException decode_error if malformed
     */
    public static Tls12Certificate decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        TlsReader list = in.readVector24(0, 0xffffff);
        List<byte[]> certificates = new ArrayList<>();
        while (list.hasRemaining()) {
            certificates.add(list.readOpaque24(1, 0xffffff));
        }
        in.expectEnd("Certificate");
        return new Tls12Certificate(certificates);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeVector24(list -> certificateList.forEach(list::writeOpaque24));
    }

    /** Copies of the certificates. */
    @Override
    public List<byte[]> certificateList() {
        return Fields.cloneAll(certificateList);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tls12Certificate other && Fields.equalAll(certificateList, other.certificateList);
    }

    @Override
    public int hashCode() {
        return Fields.hashAll(certificateList);
    }

    @Override
    public String toString() {
        return "Certificate[certificate_list=" + Trace.hexList(certificateList) + "]";
    }
}
