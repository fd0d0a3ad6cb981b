package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import dev.tlsref.core.extension.ExtensionContext;
import dev.tlsref.core.extension.Extensions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Certificate in TLS 1.3 (RFC 8446 §4.4.2).
 * <pre>
 * struct {
 *     select (certificate_type) {
 *         case RawPublicKey: opaque ASN1_subjectPublicKeyInfo&lt;1..2^24-1&gt;;
 *         case X509:         opaque cert_data&lt;1..2^24-1&gt;;
 *     };
 *     Extension extensions&lt;0..2^16-1&gt;;
 * } CertificateEntry;
 *
 * struct {
 *     opaque certificate_request_context&lt;0..2^8-1&gt;;
 *     CertificateEntry certificate_list&lt;0..2^24-1&gt;;
 * } Certificate;
 * </pre>
 * The first entry is the end-entity certificate. An empty list is well formed (a client
 * without a certificate, §4.4.2.4); whether it is acceptable is the handshake's decision.
 *
 * @param certificateRequestContext empty from a server; the CertificateRequest's context from a client
 * @param entries the certificates, end-entity first
 */
public record Tls13Certificate(byte[] certificateRequestContext, List<Entry> entries) implements HandshakeMessage {

    /**
     * One CertificateEntry: a certificate (DER) and its extensions, decoded with
     * {@link ExtensionContext#CERTIFICATE_ENTRY} (status_request, signed_certificate_timestamp).
     *
     * @param certData the DER certificate (or SubjectPublicKeyInfo for raw public keys), 1 byte or more
     * @param extensions the entry's extensions
     */
    public record Entry(byte[] certData, Extensions extensions) {

        /** Checks the bounds and copies the data. */
        public Entry {
            certData = Fields.copy(certData, 1, 0xffffff, "cert_data");
            Objects.requireNonNull(extensions, "extensions");
        }

        /** An entry with no extensions. */
        public Entry(byte[] certData) {
            this(certData, Extensions.EMPTY);
        }

        @Override
        public byte[] certData() {
            return certData.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry other && Arrays.equals(certData, other.certData)
                    && extensions.equals(other.extensions);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(certData) + extensions.hashCode();
        }

        @Override
        public String toString() {
            return "CertificateEntry[cert_data=" + Trace.hex(certData) + ", extensions=" + extensions + "]";
        }
    }

    /** Checks the bounds and copies the context and list. */
    public Tls13Certificate {
        certificateRequestContext = Fields.copy(certificateRequestContext, 0, 0xff, "certificate_request_context");
        entries = List.copyOf(entries);
    }

    /**
     * Decodes a TLS 1.3 Certificate body.
     *
     * @throws TlsAlertException decode_error if malformed, or what an extension block reports
     */
    public static Tls13Certificate decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        byte[] context = in.readOpaque8(0, 0xff);
        TlsReader list = in.readVector24(0, 0xffffff);
        List<Entry> entries = new ArrayList<>();
        while (list.hasRemaining()) {
            byte[] certData = list.readOpaque24(1, 0xffffff);
            Extensions extensions = Extensions.decode(list, ExtensionContext.CERTIFICATE_ENTRY);
            entries.add(new Entry(certData, extensions));
        }
        in.expectEnd("Certificate");
        return new Tls13Certificate(context, entries);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeOpaque8(certificateRequestContext);
        out.writeVector24(list -> {
            for (Entry e : entries) {
                list.writeOpaque24(e.certData);
                e.extensions.encode(list);
            }
        });
    }

    @Override
    public byte[] certificateRequestContext() {
        return certificateRequestContext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tls13Certificate other
                && Arrays.equals(certificateRequestContext, other.certificateRequestContext)
                && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(certificateRequestContext) + entries.hashCode();
    }

    @Override
    public String toString() {
        return "Certificate[certificate_request_context=" + Trace.hex(certificateRequestContext)
                + ", certificate_list=" + entries + "]";
    }
}
