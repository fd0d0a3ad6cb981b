package dev.tlsref.core.extension;

import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.List;

/**
 * signature_algorithms_cert (RFC 8446 §4.2.3): the signature schemes the sender accepts in
 * certificates; in a ClientHello or CertificateRequest.
 * <pre>
 * struct { SignatureScheme supported_signature_algorithms&lt;2..2^16-2&gt;; } SignatureSchemeList;
 * </pre>
 *
 * @param schemes the list in wire order (preference order), unknown and GREASE values included
 */
public record SignatureAlgorithmsCert(List<SignatureScheme> schemes) implements Extension {

    /** Checks the list fits its vector {@code <2..0xfffe>} and copies it. */
    public SignatureAlgorithmsCert {
        schemes = SignatureSchemeList.copyOf(ExtensionType.SIGNATURE_ALGORITHMS_CERT, schemes);
    }

    /** The extension with these values, in this order. */
    public static SignatureAlgorithmsCert of(SignatureScheme... schemes) {
        return new SignatureAlgorithmsCert(List.of(schemes));
    }

    static SignatureAlgorithmsCert decode(TlsReader in) throws TlsAlertException {
        return new SignatureAlgorithmsCert(SignatureSchemeList.decode(ExtensionType.SIGNATURE_ALGORITHMS_CERT, in));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SIGNATURE_ALGORITHMS_CERT;
    }

    @Override
    public void encodeData(TlsWriter out) {
        SignatureSchemeList.encode(schemes, out);
    }

    @Override
    public String toString() {
        return type().name() + schemes;
    }
}
