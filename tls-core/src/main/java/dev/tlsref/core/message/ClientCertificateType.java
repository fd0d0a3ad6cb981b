package dev.tlsref.core.message;

/**
 * A certificate type in a TLS 1.2 CertificateRequest (RFC 5246 §7.4.4, RFC 8422 §5.5; IANA
 * "TLS ClientCertificateType Identifiers"). Unknown codes are kept.
 *
 * @param code the one-byte code point
 */
public record ClientCertificateType(int code) {
    public static final ClientCertificateType RSA_SIGN = new ClientCertificateType(1);
    public static final ClientCertificateType DSS_SIGN = new ClientCertificateType(2);
    public static final ClientCertificateType ECDSA_SIGN = new ClientCertificateType(64);

    /** Checks the code fits in one byte. */
    public ClientCertificateType {
        if (code < 0 || code > 0xff) {
            throw new IllegalArgumentException("client certificate type out of range: " + code);
        }
    }

    /** The RFC name, such as {@code ecdsa_sign}, or {@code unknown(0xNN)}. */
    public String name() {
        switch (code) {
            case 1: return "rsa_sign";
            case 2: return "dss_sign";
            case 3: return "rsa_fixed_dh";
            case 4: return "dss_fixed_dh";
            case 64: return "ecdsa_sign";
            case 65: return "rsa_fixed_ecdh";
            case 66: return "ecdsa_fixed_ecdh";
            default: return String.format("unknown(0x%02x)", code);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
