package dev.tlsref.handshake;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain and the private key of its first (end-entity) certificate: what a
 * server, or a client doing mutual TLS, authenticates with.
 *
 * @param chain the end-entity certificate first, then the intermediates in order
 * @param privateKey the private key of {@code chain.get(0)}
 */
public record CertifiedKey(List<X509Certificate> chain, PrivateKey privateKey) {

    /** Checks the chain is not empty and copies it. */
    public CertifiedKey {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certified key needs at least its end-entity certificate");
        }
    }

    /** The end-entity certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }
}
