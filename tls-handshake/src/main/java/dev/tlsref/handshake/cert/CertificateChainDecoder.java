package dev.tlsref.handshake.cert;

import static dev.tlsref.core.AlertDescription.BAD_CERTIFICATE;
import static dev.tlsref.core.AlertDescription.DECODE_ERROR;
import static dev.tlsref.core.AlertDescription.INTERNAL_ERROR;

import dev.tlsref.core.TlsAlertException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the {@code cert_data} entries of a Certificate message (RFC 8446 §4.4.2, RFC 5246
 * §7.4.2) into {@link X509Certificate}s, refusing an over-long chain before parsing any of it.
 *
 * <p>Alerts:
 * <ul>
 *   <li>more than {@code maxChainLength} entries: {@code bad_certificate};
 *   <li>an entry that is not one DER certificate: {@code bad_certificate}, as OpenSSL sends when
 *       {@code d2i_X509} fails (RFC 8446 §6.2: "a certificate was corrupt");
 *   <li>a well-formed certificate followed by extra bytes inside its {@code cert_data}:
 *       {@code decode_error}, as OpenSSL sends for a length mismatch: the TLS framing, not the
 *       certificate, is wrong.
 * </ul>
 * The JDK's certificate factory also accepts PEM and BER; this decoder accepts only one DER
 * SEQUENCE spanning the whole entry.
 */
public final class CertificateChainDecoder {
    private final int maxChainLength;

    /**
     * @param maxChainLength the most certificates a peer may send, leaf included (at least 1)
     */
    public CertificateChainDecoder(int maxChainLength) {
        if (maxChainLength < 1) {
            throw new IllegalArgumentException("maxChainLength must be at least 1: " + maxChainLength);
        }
        this.maxChainLength = maxChainLength;
    }

    /** The configured maximum number of certificates. */
    public int maxChainLength() {
        return maxChainLength;
    }

    /**
     * Checks that a peer's chain of {@code count} certificates is within the limit; call this as
     * soon as the count is known, before decoding any entry.
     */
    public void checkLength(int count) throws TlsAlertException {
        if (count > maxChainLength) {
            throw new TlsAlertException(BAD_CERTIFICATE, "peer sent " + count
                    + " certificates, more than the configured maximum of " + maxChainLength);
        }
    }

    /**
     * Decodes a chain, leaf first, in the order received.
     *
     * @param entries the DER {@code cert_data} of each CertificateEntry (may be empty: the
     *     validator decides what an empty chain means)
     */
    public List<X509Certificate> decode(List<byte[]> entries) throws TlsAlertException {
        checkLength(entries.size());
        CertificateFactory factory = certificateFactory();
        List<X509Certificate> chain = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            chain.add(decodeOne(factory, entries.get(i), i));
        }
        return List.copyOf(chain);
    }

    /** Decodes one DER certificate; {@code index} (0 = leaf) only names it in the reason. */
    public X509Certificate decode(byte[] der, int index) throws TlsAlertException {
        return decodeOne(certificateFactory(), der, index);
    }

    private static X509Certificate decodeOne(CertificateFactory factory, byte[] der, int index)
            throws TlsAlertException {
        String which = index == 0 ? "leaf certificate" : "certificate " + index;
        DerReader reader = new DerReader(der);
        try {
            reader.read(DerReader.SEQUENCE);
        } catch (DerReader.MalformedDerException e) {
            throw new TlsAlertException(BAD_CERTIFICATE, which + " is not DER: " + e.getMessage());
        }
        if (reader.hasRemaining()) {
            throw new TlsAlertException(DECODE_ERROR, which + " is followed by "
                    + (der.length - reader.position()) + " extra bytes inside its cert_data");
        }
        try {
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            // The JDK parser reports malformed input as CertificateException, and has been known to
            // let unchecked exceptions escape on hostile input; both mean the same to the peer.
            throw new TlsAlertException(BAD_CERTIFICATE, which + " cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static CertificateFactory certificateFactory() throws TlsAlertException {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new TlsAlertException(INTERNAL_ERROR, "the JDK has no X.509 certificate factory", e);
        }
    }
}
