package dev.tlsref.handshake;

/** Whether a server asks for a client certificate (RFC 8446 §4.3.2, RFC 5246 §7.4.4). */
public enum ClientAuth {
    /** No CertificateRequest is sent. */
    NONE,
    /** A CertificateRequest is sent; a client without a certificate may continue. */
    OPTIONAL,
    /** A CertificateRequest is sent; a client without one gets {@code certificate_required}. */
    REQUIRED
}
