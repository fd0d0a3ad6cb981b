package dev.tlsref.core.extension;

import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.List;

/**
 * signature_algorithms (RFC 8446 §4.2.3, RFC 5246 §7.4.1.4.1): the signature schemes the
 * sender accepts in CertificateVerify (and, without {@link SignatureAlgorithmsCert}, in
 * certificates); in a ClientHello or CertificateRequest.
 * <pre>
 * struct { SignatureScheme supported_signature_algorithms&lt;2..2^16-2&gt;; } SignatureSchemeList;
 * </pre>
 *
 * @param schemes the list in wire order (preference order), unknown and GREASE values included
 */
public record SignatureAlgorithms(List<SignatureScheme> schemes) implements Extension {

    /** Checks the list fits its vector {@code <2..0xfffe>} and copies it. */
    public SignatureAlgorithms {
        schemes = SignatureSchemeList.copyOf(ExtensionType.SIGNATURE_ALGORITHMS, schemes);
    }

    /** The extension with these values, in this order. */
    public static SignatureAlgorithms of(SignatureScheme... schemes) {
        return new SignatureAlgorithms(List.of(schemes));
    }

    static SignatureAlgorithms decode(TlsReader in) throws TlsAlertException {
        return new SignatureAlgorithms(SignatureSchemeList.decode(ExtensionType.SIGNATURE_ALGORITHMS, in));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SIGNATURE_ALGORITHMS;
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
