package dev.tlsref.handshake.cert;

import static dev.tlsref.core.AlertDescription.BAD_CERTIFICATE;
import static dev.tlsref.core.AlertDescription.CERTIFICATE_EXPIRED;
import static dev.tlsref.core.AlertDescription.CERTIFICATE_REVOKED;
import static dev.tlsref.core.AlertDescription.CERTIFICATE_UNKNOWN;
import static dev.tlsref.core.AlertDescription.DECODE_ERROR;
import static dev.tlsref.core.AlertDescription.INTERNAL_ERROR;
import static dev.tlsref.core.AlertDescription.UNKNOWN_CA;
import static dev.tlsref.core.AlertDescription.UNSUPPORTED_CERTIFICATE;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertPathValidatorException.Reason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Validates a peer's certificate chain against trust anchors, as RFC 8446 §4.4.2.4 and RFC 5246
 * §7.4.2 ask, with RFC 5280 §6 path validation done by the JDK's PKIX {@link CertPathValidator}.
 *
 * <p>Steps, each with its alert (RFC 8446 §6.2):
 * <ol>
 *   <li>more certificates than {@code maxChainLength}: {@code bad_certificate};
 *   <li>build a path from the leaf to a trust anchor using the received certificates in any
 *       order, ignoring extras (RFC 8446 §4.4.2); none: {@code unknown_ca};
 *   <li>each certificate on the path, trust anchor included, valid at the clock's instant
 *       (RFC 5280 §4.1.2.5, bounds inclusive), checked here first so the reason names the
 *       certificate and the dates: {@code certificate_expired} (also when not yet valid, which
 *       the RFC's "has expired or is not currently valid" covers);
 *   <li>PKIX validation of the path: a signature that does not verify, a CA certificate that
 *       is not a CA, a path length, name or policy constraint broken, a disallowed algorithm:
 *       {@code bad_certificate}; an unrecognised critical extension: {@code
 *       unsupported_certificate};
 *   <li>the leaf's key is one TLS can sign with, its extendedKeyUsage (and that of every CA on
 *       the path that has one) allows serverAuth / clientAuth, its keyUsage allows the required
 *       use: {@code unsupported_certificate}.
 * </ol>
 * Revocation is not checked: no OCSP, no CRL, no stapled OCSP response. A leaf that is itself
 * one of the trust anchors validates after the date and usage checks.
 *
 * <p>Hostname checks are separate: see {@link HostnameVerifier}.
 */
public final class CertificateChainValidator {
    private final Map<X500Principal, List<X509Certificate>> anchorsBySubject;
    private final Set<TrustAnchor> trustAnchors;
    private final Clock clock;
    private final int maxChainLength;

    /**
     * @param trustAnchors the certificates trusted to issue peer certificates (may be empty: then
     *     nothing validates)
     * @param clock the source of "now" for validity checks
     * @param maxChainLength the most certificates a peer may send, leaf included
     */
    public CertificateChainValidator(List<X509Certificate> trustAnchors, Clock clock, int maxChainLength) {
        if (maxChainLength < 1) {
            throw new IllegalArgumentException("maxChainLength must be at least 1: " + maxChainLength);
        }
        Map<X500Principal, List<X509Certificate>> bySubject = new LinkedHashMap<>();
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate anchor : trustAnchors) {
            bySubject.computeIfAbsent(anchor.getSubjectX500Principal(), s -> new ArrayList<>()).add(anchor);
            anchors.add(new TrustAnchor(anchor, null));
        }
        bySubject.replaceAll((subject, list) -> List.copyOf(list));
        this.anchorsBySubject = Map.copyOf(bySubject);
        this.trustAnchors = Set.copyOf(anchors);
        this.clock = clock;
        this.maxChainLength = maxChainLength;
    }

    /**
     * Validates the chain a server sent. RFC 8446 §4.4.2.4: an empty server Certificate message
     * is a {@code decode_error}; tlsref treats it the same way in TLS 1.2, where a server that
     * authenticates must send a certificate (RFC 5246 §7.4.2).
     *
     * @param chain leaf first, as received
     * @param usage what the handshake does with the leaf key
     */
    public ValidatedChain validateServerChain(List<X509Certificate> chain, KeyUsageRequirement usage)
            throws TlsAlertException {
        if (chain.isEmpty()) {
            throw new TlsAlertException(DECODE_ERROR, "server sent an empty certificate chain (RFC 8446 §4.4.2.4)");
        }
        return validate(chain, PeerRole.SERVER, usage);
    }

    /**
     * Validates the chain a client sent in answer to a CertificateRequest. An empty chain means
     * the client declined to authenticate: the result is empty, and the server decides (RFC 8446
     * §4.4.2.4: continue, or abort with {@code certificate_required}; in TLS 1.2, RFC 5246
     * §7.4.6: continue, or abort with {@code handshake_failure}). Client keys always sign.
     *
     * @param chain leaf first, as received; may be empty
     */
    public Optional<ValidatedChain> validateClientChain(List<X509Certificate> chain) throws TlsAlertException {
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(validate(chain, PeerRole.CLIENT, KeyUsageRequirement.DIGITAL_SIGNATURE));
    }

    private ValidatedChain validate(List<X509Certificate> chain, PeerRole role, KeyUsageRequirement usage)
            throws TlsAlertException {
        if (chain.size() > maxChainLength) {
            throw new TlsAlertException(BAD_CERTIFICATE, role.label() + " sent " + chain.size()
                    + " certificates, more than the configured maximum of " + maxChainLength);
        }
        List<X509Certificate> path = buildPath(chain, role);
        for (X509Certificate certificate : path) {
            checkDates(certificate);
        }
        validatePkix(path, role);
        X509Certificate leaf = path.get(0);
        if (CertificateKeyType.of(leaf.getPublicKey()).isEmpty()) {
            throw new TlsAlertException(UNSUPPORTED_CERTIFICATE, role.label() + " certificate '" + name(leaf)
                    + "' has a " + CertificateKeyType.describe(leaf.getPublicKey())
                    + "; tlsref signs only with EC P-256/P-384/P-521, RSA, RSASSA-PSS, Ed25519 and Ed448 keys");
        }
        KeyPurposeCheck.checkLeaf(leaf, role, usage);
        for (X509Certificate ca : path.subList(1, path.size())) {
            KeyPurposeCheck.checkIssuer(ca, role);
        }
        return new ValidatedChain(path);
    }

    /**
     * Builds the path leaf → … → trust anchor (RFC 8446 §4.4.2: after the leaf, certificates may
     * come in any order, and some may be unneeded). At each step the issuer is a trust anchor if
     * one has the right name, otherwise a received certificate with the right name, preferring
     * one whose key verifies the signature; a signature that still fails is reported by PKIX.
     */
    private List<X509Certificate> buildPath(List<X509Certificate> chain, PeerRole role) throws TlsAlertException {
        X509Certificate leaf = chain.get(0);
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        if (isTrustAnchor(leaf)) {
            return path;
        }
        List<X509Certificate> unused = new ArrayList<>(chain.subList(1, chain.size()));
        X509Certificate current = leaf;
        while (true) {
            X500Principal issuer = current.getIssuerX500Principal();
            boolean selfIssued = issuer.equals(current.getSubjectX500Principal());
            // A root the peer sent that is not one of ours ends the search, even if it shares a
            // trust anchor's name.
            if (selfIssued && verifies(current, current)) {
                throw new TlsAlertException(UNKNOWN_CA, role.label() + " certificate chain ends at self-signed '"
                        + name(current) + "', which is not a trust anchor");
            }
            Optional<X509Certificate> anchor = pick(anchorsBySubject.getOrDefault(issuer, List.of()), current);
            if (anchor.isPresent()) {
                path.add(anchor.get());
                return path;
            }
            if (selfIssued) {
                throw new TlsAlertException(UNKNOWN_CA, role.label() + " certificate chain ends at self-issued '"
                        + name(current) + "', whose issuer is not a trust anchor");
            }
            List<X509Certificate> candidates = new ArrayList<>();
            for (X509Certificate certificate : unused) {
                if (certificate.getSubjectX500Principal().equals(issuer)) {
                    candidates.add(certificate);
                }
            }
            Optional<X509Certificate> next = pick(candidates, current);
            if (next.isEmpty()) {
                throw new TlsAlertException(UNKNOWN_CA, "no trust anchor or certificate in the "
                        + role.label() + "'s chain is the issuer '" + issuer.getName() + "' of '"
                        + name(current) + "'");
            }
            unused.remove(next.get());
            path.add(next.get());
            current = next.get();
        }
    }

    /**
     * Among the certificates named as {@code subject}'s issuer, the one whose key verifies its
     * signature, else the first whose key identifier does not contradict the subject's authority
     * key identifier (RFC 5280 §4.2.1.1: a same-named CA with another key is not the issuer).
     */
    private static Optional<X509Certificate> pick(List<X509Certificate> candidates, X509Certificate subject) {
        Optional<X509Certificate> plausible = Optional.empty();
        for (X509Certificate candidate : candidates) {
            if (!KeyIdentifiers.mayHaveIssued(candidate, subject)) {
                continue;
            }
            if (verifies(candidate, subject)) {
                return Optional.of(candidate);
            }
            if (plausible.isEmpty()) {
                plausible = Optional.of(candidate);
            }
        }
        return plausible;
    }

    private static boolean verifies(X509Certificate issuer, X509Certificate subject) {
        try {
            subject.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            // Any failure just means "not this candidate"; PKIX names the real problem later.
            return false;
        }
    }

    private boolean isTrustAnchor(X509Certificate certificate) {
        for (X509Certificate anchor : anchorsBySubject.getOrDefault(certificate.getSubjectX500Principal(), List.of())) {
            if (anchor.equals(certificate)) {
                return true;
            }
        }
        return false;
    }

    // RFC 5280 §4.1.2.5: the certificate is valid from notBefore through notAfter, inclusive.
    private void checkDates(X509Certificate certificate) throws TlsAlertException {
        Instant now = clock.instant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            throw new TlsAlertException(CERTIFICATE_EXPIRED, "certificate '" + name(certificate)
                    + "' expired at " + notAfter + " (now " + now + ")");
        }
        if (now.isBefore(notBefore)) {
            throw new TlsAlertException(CERTIFICATE_EXPIRED, "certificate '" + name(certificate)
                    + "' is not valid before " + notBefore + " (now " + now + ")");
        }
    }

    // RFC 5280 §6.1, as the JDK implements it. Revocation checking is off: see the class comment.
    private void validatePkix(List<X509Certificate> path, PeerRole role) throws TlsAlertException {
        List<X509Certificate> certificates = path.subList(0, path.size() - 1);
        if (certificates.isEmpty()) {
            return; // the leaf is a trust anchor
        }
        CertPath certPath;
        PKIXParameters parameters;
        CertPathValidator validator;
        try {
            certPath = CertificateFactory.getInstance("X.509").generateCertPath(certificates);
            parameters = new PKIXParameters(trustAnchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            validator = CertPathValidator.getInstance("PKIX");
        } catch (CertificateException | InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            throw new TlsAlertException(INTERNAL_ERROR, "cannot set up PKIX validation: " + e.getMessage(), e);
        }
        try {
            validator.validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            int index = e.getIndex();
            String which = index >= 0 && index < certificates.size()
                    ? "certificate '" + name(certificates.get(index)) + "'"
                    : role.label() + " certificate chain";
            throw new TlsAlertException(alertFor(e.getReason()), which + " failed validation: "
                    + e.getMessage(), e);
        } catch (InvalidAlgorithmParameterException e) {
            throw new TlsAlertException(INTERNAL_ERROR, "PKIX parameters rejected: " + e.getMessage(), e);
        }
    }

    /** The alert for each reason the JDK's PKIX validator gives. */
    static AlertDescription alertFor(Reason reason) {
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            return UNKNOWN_CA;
        }
        if (reason == PKIXReason.UNRECOGNIZED_CRIT_EXT) {
            return UNSUPPORTED_CERTIFICATE;
        }
        if (reason == BasicReason.EXPIRED || reason == BasicReason.NOT_YET_VALID) {
            return CERTIFICATE_EXPIRED;
        }
        if (reason == BasicReason.REVOKED) {
            return CERTIFICATE_REVOKED;
        }
        if (reason == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return CERTIFICATE_UNKNOWN;
        }
        // INVALID_SIGNATURE ("contained signatures that did not verify correctly"), NOT_CA_CERT,
        // PATH_TOO_LONG, INVALID_KEY_USAGE, INVALID_NAME, INVALID_POLICY, ALGORITHM_CONSTRAINED,
        // UNSPECIFIED: the chain itself is bad.
        return BAD_CERTIFICATE;
    }

    private static String name(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    @Override
    public String toString() {
        return "CertificateChainValidator[" + trustAnchors.size() + " trust anchors, maxChainLength="
                + maxChainLength + ", clock=" + clock + "]";
    }
}
