package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * CertificateVerify (RFC 8446 §4.4.3; the same wire form as TLS 1.2's digitally-signed
 * CertificateVerify, RFC 5246 §7.4.8 and §4.7).
 * <pre>
 * struct {
 *     SignatureScheme algorithm;
 *     opaque signature&lt;0..2^16-1&gt;;
 * } CertificateVerify;
 * </pre>
 *
 * @param algorithm the signature scheme
 * @param signature the signature
 */
public record CertificateVerify(SignatureScheme algorithm, byte[] signature) implements HandshakeMessage {

    /** Checks the bounds and copies the signature. */
    public CertificateVerify {
        Objects.requireNonNull(algorithm, "algorithm");
        signature = Fields.copy(signature, 0, 0xffff, "signature");
    }

    /**
     * Decodes a CertificateVerify body.
     *
     * @throws TlsAlertException decode_error if malformed
     */
    public static CertificateVerify decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        SignatureScheme algorithm = new SignatureScheme(in.readUint16());
        byte[] signature = in.readOpaque16(0, 0xffff);
        in.expectEnd("CertificateVerify");
        return new CertificateVerify(algorithm, signature);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeUint16(algorithm.code());
        out.writeOpaque16(signature);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateVerify other && algorithm.equals(other.algorithm)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "CertificateVerify[algorithm=" + algorithm + ", signature=" + Trace.hex(signature) + "]";
    }
}
