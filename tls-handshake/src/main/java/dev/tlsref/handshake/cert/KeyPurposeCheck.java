package dev.tlsref.handshake.cert;

import static dev.tlsref.core.AlertDescription.BAD_CERTIFICATE;
import static dev.tlsref.core.AlertDescription.UNSUPPORTED_CERTIFICATE;

import dev.tlsref.core.TlsAlertException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keyUsage and extendedKeyUsage checks for TLS (RFC 5280 §4.2.1.3, §4.2.1.12; RFC 8446
 * §4.4.2.2; RFC 5246 §7.4.2). A certificate that is fine but not for this use gets
 * {@code unsupported_certificate}, as OpenSSL sends for an invalid purpose.
 */
final class KeyPurposeCheck {
    static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private static final Map<String, String> PURPOSE_NAMES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            ANY_EXTENDED_KEY_USAGE, "anyExtendedKeyUsage");

    private KeyPurposeCheck() {}

    /**
     * The leaf must allow the role's purpose if it lists purposes, and the required key usage if
     * it has a keyUsage extension.
     */
    static void checkLeaf(X509Certificate leaf, PeerRole role, KeyUsageRequirement usage)
            throws TlsAlertException {
        checkExtendedKeyUsage(leaf, role, role.label() + " certificate");
        // RFC 5280 §4.2.1.3: when keyUsage is present, the key may be used only as it says.
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= usage.bit() || !keyUsage[usage.bit()])) {
            throw new TlsAlertException(UNSUPPORTED_CERTIFICATE, role.label() + " certificate '"
                    + leaf.getSubjectX500Principal().getName() + "' has a keyUsage without "
                    + usage.bitName() + ", which this key exchange needs (RFC 5280 §4.2.1.3)");
        }
    }

    /**
     * An issuing CA that restricts its purposes must allow the role's purpose too: the
     * restriction applies to what it certifies (as Go, OpenSSL and browsers enforce).
     */
    static void checkIssuer(X509Certificate ca, PeerRole role) throws TlsAlertException {
        checkExtendedKeyUsage(ca, role, "CA certificate");
    }

    // RFC 5280 §4.2.1.12: if the extension is present, the certificate may be used only for
    // the purposes listed (anyExtendedKeyUsage allows all).
    private static void checkExtendedKeyUsage(X509Certificate certificate, PeerRole role, String what)
            throws TlsAlertException {
        List<String> purposes;
        try {
            purposes = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new TlsAlertException(BAD_CERTIFICATE, what + " '"
                    + certificate.getSubjectX500Principal().getName()
                    + "' has a malformed extendedKeyUsage extension", e);
        }
        if (purposes == null || purposes.contains(role.purposeOid()) || purposes.contains(ANY_EXTENDED_KEY_USAGE)) {
            return;
        }
        throw new TlsAlertException(UNSUPPORTED_CERTIFICATE, what + " '"
                + certificate.getSubjectX500Principal().getName() + "' has extendedKeyUsage "
                + names(purposes) + " without " + role.purposeName() + " (RFC 5280 §4.2.1.12)");
    }

    private static List<String> names(List<String> oids) {
        List<String> names = new ArrayList<>(oids.size());
        for (String oid : oids) {
            names.add(PURPOSE_NAMES.getOrDefault(oid, oid));
        }
        return names;
    }
}
