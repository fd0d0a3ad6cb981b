package dev.tlsref.core.extension;

import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
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
        schemes = List.copyOf(schemes);
        if (schemes.size() * 2 < 2 || schemes.size() * 2 > 0xfffe) {
            throw new IllegalArgumentException("SIGNATURE_ALGORITHMS_CERT list of " + schemes.size() + " entries does not fit <2..0xfffe>");
        }
    }

    /** The extension with these values, in this order. */
    public static SignatureAlgorithmsCert of(SignatureScheme... schemes) {
        return new SignatureAlgorithmsCert(List.of(schemes));
    }

    static SignatureAlgorithmsCert decode(TlsReader in) throws TlsAlertException {
        TlsReader list = in.readVector16(2, 0xfffe);
        if (list.remaining() % 2 != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "SIGNATURE_ALGORITHMS_CERT list has an odd length of " + list.remaining() + " bytes");
        }
        List<SignatureScheme> values = new ArrayList<>(list.remaining() / 2);
        while (list.hasRemaining()) {
            values.add(new SignatureScheme(list.readUint16()));
        }
        return new SignatureAlgorithmsCert(values);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SIGNATURE_ALGORITHMS_CERT;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeVector16(list -> {
            for (SignatureScheme value : schemes) {
                list.writeUint16(value.code());
            }
        });
    }

    @Override
    public String toString() {
        return type().name() + schemes;
    }
}
