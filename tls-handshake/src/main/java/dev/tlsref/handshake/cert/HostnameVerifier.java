package dev.tlsref.handshake.cert;

import static dev.tlsref.core.AlertDescription.BAD_CERTIFICATE;

import dev.tlsref.core.TlsAlertException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a server certificate is for the host the client meant (RFC 9525, which obsoletes
 * RFC 6125), the way browsers do:
 * <ul>
 *   <li>a DNS name matches only subjectAltName dNSName entries, compared case-insensitively in
 *       ASCII, a trailing dot ignored on both sides (RFC 6125 §6.4.1);
 *   <li>the subject common name is never used: RFC 9525 dropped CN-IDs, and browsers stopped
 *       reading them long before;
 *   <li>a wildcard is allowed only as the whole left-most label, followed by at least two
 *       labels; it matches exactly one non-empty label ({@code *.example.com} matches {@code
 *       a.example.com}, not {@code example.com}, not {@code a.b.example.com}); partial-label
 *       wildcards ({@code f*.example.com}, {@code xn--*}) and wildcards anywhere else never
 *       match (RFC 6125 §6.4.3, RFC 9525 §6.3). A wildcard does match an A-label ({@code
 *       xn--…}) in the host, as browsers allow;
 *   <li>an IP address matches only iPAddress entries with exactly the same bytes; an
 *       IPv4-mapped IPv6 address is not the IPv4 address.
 * </ul>
 * No public-suffix check is made ({@code *.co.uk} would match {@code a.co.uk}); CAs may not
 * issue such certificates. A mismatch is {@code bad_certificate}: TLS defines no alert for it,
 * and OpenSSL, Go and the JDK send that one.
 */
public final class HostnameVerifier {
    private HostnameVerifier() {}

    /**
     * Checks the leaf against the expected identity.
     *
     * @throws TlsAlertException {@code bad_certificate} if it does not match or its
     *     subjectAltName cannot be read
     */
    public static void verify(X509Certificate leaf, ReferenceIdentity expected) throws TlsAlertException {
        SubjectAltNames names;
        try {
            names = SubjectAltNames.of(leaf);
        } catch (DerReader.MalformedDerException e) {
            throw new TlsAlertException(BAD_CERTIFICATE, "certificate '" + leaf.getSubjectX500Principal().getName()
                    + "' has a malformed subjectAltName: " + e.getMessage());
        }
        if (matches(names, expected)) {
            return;
        }
        if (!names.present()) {
            throw new TlsAlertException(BAD_CERTIFICATE, "certificate '" + leaf.getSubjectX500Principal().getName()
                    + "' has no subjectAltName, so it names no host (the common name is not used, RFC 9525);"
                    + " expected " + expected);
        }
        throw new TlsAlertException(BAD_CERTIFICATE, "certificate is for " + names.describe()
                + ", not " + expected);
    }

    /** Whether the leaf is for this identity; false also if its subjectAltName is malformed. */
    public static boolean matches(X509Certificate leaf, ReferenceIdentity expected) {
        try {
            return matches(SubjectAltNames.of(leaf), expected);
        } catch (DerReader.MalformedDerException e) {
            return false;
        }
    }

    private static boolean matches(SubjectAltNames names, ReferenceIdentity expected) {
        if (expected instanceof ReferenceIdentity.IpAddress) {
            ReferenceIdentity.IpAddress ip = (ReferenceIdentity.IpAddress) expected;
            return names.ipAddresses().stream().anyMatch(ip::matches);
        }
        String host = ((ReferenceIdentity.DnsName) expected).name();
        return names.dnsNames().stream().anyMatch(pattern -> matchesDnsName(pattern, host));
    }

    /**
     * Whether a presented dNSName (possibly a wildcard) matches a normalised host name (lower
     * case, no trailing dot; see {@link ReferenceIdentity.DnsName}).
     */
    static boolean matchesDnsName(String presented, String host) {
        String pattern = presented.endsWith(".") ? presented.substring(0, presented.length() - 1) : presented;
        pattern = pattern.toLowerCase(Locale.ROOT);
        if (pattern.isEmpty()) {
            return false;
        }
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(host);
        }
        List<String> patternLabels = List.of(pattern.split("\\.", -1));
        // RFC 6125 §6.4.3: the wildcard must be the entire left-most label, and (as browsers
        // require) at least two labels must follow it.
        if (!patternLabels.get(0).equals("*") || patternLabels.size() < 3
                || pattern.indexOf('*', 1) >= 0 || patternLabels.contains("")) {
            return false;
        }
        List<String> hostLabels = List.of(host.split("\\.", -1));
        if (hostLabels.size() != patternLabels.size()) {
            return false; // one label for the wildcard: never zero, never several
        }
        return hostLabels.subList(1, hostLabels.size()).equals(patternLabels.subList(1, patternLabels.size()));
    }
}
