package dev.tlsref.handshake.cert;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certification path that validated: the leaf, the intermediates used, and the trust anchor
 * it ends at. When the leaf is itself a trust anchor the list holds just that certificate.
 *
 * @param certificates leaf first, trust anchor last
 */
public record ValidatedChain(List<X509Certificate> certificates) {
    /** Copies the list; it must not be empty. */
    public ValidatedChain {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a validated chain has at least one certificate");
        }
    }

    /** The peer's own certificate, whose key signs CertificateVerify. */
    public X509Certificate leaf() {
        return certificates.get(0);
    }

    /** The trusted certificate the path ends at. */
    public X509Certificate trustAnchor() {
        return certificates.get(certificates.size() - 1);
    }
}
