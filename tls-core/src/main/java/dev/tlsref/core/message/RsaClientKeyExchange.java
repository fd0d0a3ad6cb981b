package dev.tlsref.core.message;

import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;

/**
 * ClientKeyExchange for static RSA suites (RFC 5246 §7.4.7.1): the premaster secret
 * encrypted to the server's RSA key.
 * <pre>
 * struct {
 *     public-key-encrypted PreMasterSecret pre_master_secret;    opaque&lt;0..2^16-1&gt;
 * } EncryptedPreMasterSecret;
 * </pre>
 * A length that does not match the RSA modulus is not a decode error here: RFC 5246
 * §7.4.7.1 asks the server to treat every RSA failure alike (a random premaster secret), so
 * the handshake must see the value whatever it is.
 *
 * @param encryptedPreMasterSecret the RSA ciphertext, 0 to 65535 bytes
 */
public record RsaClientKeyExchange(byte[] encryptedPreMasterSecret) implements ClientKeyExchange {

    /** Checks the bounds and copies the value. */
    public RsaClientKeyExchange {
        encryptedPreMasterSecret = Fields.copy(encryptedPreMasterSecret, 0, 0xffff, "EncryptedPreMasterSecret");
    }

    /**
     * Decodes the body.
     *
     * @throws TlsAlertException decode_error if malformed
     */
    public static RsaClientKeyExchange decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        byte[] encryptedPreMasterSecret = in.readOpaque16(0, 0xffff);
        in.expectEnd("ClientKeyExchange");
        return new RsaClientKeyExchange(encryptedPreMasterSecret);
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeOpaque16(encryptedPreMasterSecret);
    }

    @Override
    public byte[] encryptedPreMasterSecret() {
        return encryptedPreMasterSecret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RsaClientKeyExchange other
                && Arrays.equals(encryptedPreMasterSecret, other.encryptedPreMasterSecret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encryptedPreMasterSecret);
    }

    @Override
    public String toString() {
        return "ClientKeyExchange[encrypted_pre_master_secret=" + Trace.hex(encryptedPreMasterSecret) + "]";
    }
}
