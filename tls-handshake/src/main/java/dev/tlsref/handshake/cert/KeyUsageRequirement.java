package dev.tlsref.handshake.cert;

/**
 * What the handshake will do with the peer's leaf key, and so which keyUsage bit (RFC 5280
 * §4.2.1.3) the leaf must have when it carries a keyUsage extension.
 */
public enum KeyUsageRequirement {
    /**
     * The key signs: TLS 1.3 CertificateVerify, TLS 1.2 (EC)DHE ServerKeyExchange and client
     * CertificateVerify. Needs {@code digitalSignature}.
     */
    DIGITAL_SIGNATURE(0, "digitalSignature"),
    /** The key decrypts the premaster secret: TLS 1.2 static RSA key exchange. Needs {@code keyEncipherment}. */
    KEY_ENCIPHERMENT(2, "keyEncipherment");

    private final int bit;
    private final String bitName;

    KeyUsageRequirement(int bit, String bitName) {
        this.bit = bit;
        this.bitName = bitName;
    }

    /** The bit number in the KeyUsage BIT STRING. */
    int bit() {
        return bit;
    }

    /** The RFC 5280 name of the bit. */
    String bitName() {
        return bitName;
    }
}
