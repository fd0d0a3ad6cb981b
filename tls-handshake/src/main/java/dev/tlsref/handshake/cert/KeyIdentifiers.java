package dev.tlsref.handshake.cert;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Subject and authority key identifiers (RFC 5280 §4.2.1.1, §4.2.1.2), used while building a
 * path to tell apart CAs that share a name but not a key.
 */
final class KeyIdentifiers {
    private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
    private static final int KEY_IDENTIFIER_TAG = 0x80; // [0] IMPLICIT OCTET STRING

    private KeyIdentifiers() {}

    /**
     * False only when both identifiers are present and differ; an absent or unreadable identifier
     * leaves the question to the signature check.
     */
    static boolean mayHaveIssued(X509Certificate issuer, X509Certificate subject) {
        Optional<byte[]> authorityKeyId = authorityKeyIdentifier(subject);
        Optional<byte[]> subjectKeyId = subjectKeyIdentifier(issuer);
        return authorityKeyId.isEmpty() || subjectKeyId.isEmpty()
                || Arrays.equals(authorityKeyId.get(), subjectKeyId.get());
    }

    // SubjectKeyIdentifier ::= KeyIdentifier ::= OCTET STRING
    static Optional<byte[]> subjectKeyIdentifier(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(SUBJECT_KEY_IDENTIFIER);
        if (extension == null) {
            return Optional.empty();
        }
        try {
            byte[] value = new DerReader(extension).read(DerReader.OCTET_STRING).contents();
            return Optional.of(new DerReader(value).read(DerReader.OCTET_STRING).contents());
        } catch (DerReader.MalformedDerException e) {
            return Optional.empty();
        }
    }

    // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] KeyIdentifier OPTIONAL, ... }
    static Optional<byte[]> authorityKeyIdentifier(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(AUTHORITY_KEY_IDENTIFIER);
        if (extension == null) {
            return Optional.empty();
        }
        try {
            byte[] value = new DerReader(extension).read(DerReader.OCTET_STRING).contents();
            DerReader fields = new DerReader(value).read(DerReader.SEQUENCE).reader();
            while (fields.hasRemaining()) {
                DerReader.Element field = fields.read();
                if (field.tag() == KEY_IDENTIFIER_TAG) {
                    return Optional.of(field.contents());
                }
            }
            return Optional.empty();
        } catch (DerReader.MalformedDerException e) {
            return Optional.empty();
        }
    }
}
