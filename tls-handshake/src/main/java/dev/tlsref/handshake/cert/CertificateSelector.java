package dev.tlsref.handshake.cert;

import static dev.tlsref.core.AlertDescription.HANDSHAKE_FAILURE;

import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses which of a server's certificate chains to send, and the scheme to sign with
 * (RFC 8446 §4.4.2.2, RFC 5246 §7.4.2, RFC 6066 §3).
 *
 * <p>Only chains whose leaf key can sign with a scheme both sides accept are candidates (none:
 * {@code handshake_failure}). Among them, in order of preference:
 * <ol>
 *   <li>a leaf whose subjectAltName matches the client's server_name;
 *   <li>a chain whose signatures are all named in signature_algorithms_cert (or, without that
 *       extension, signature_algorithms). RFC 8446 §4.4.2.2 lets a server send a chain that
 *       does not meet this when it has nothing better, so it only breaks ties;
 *   <li>the earlier chain in the configured list: the first is the default.
 * </ol>
 * Whether a server_name that matches no chain should end the handshake with {@code
 * unrecognized_name} is the caller's policy; this class falls back to the default.
 */
public final class CertificateSelector {

    /**
     * The choice.
     *
     * @param index which of the configured chains
     * @param scheme the scheme to sign CertificateVerify (or ServerKeyExchange) with
     * @param matchesServerName whether the leaf matches the client's server_name
     */
    public record Selection(int index, SignatureScheme scheme, boolean matchesServerName) {}

    private final List<List<X509Certificate>> chains;
    private final List<SignatureScheme> enabledSchemes;

    /**
     * @param chains the server's certificate chains, each leaf first, in order of preference
     * @param enabledSchemes the schemes we sign with, best first
     */
    public CertificateSelector(List<List<X509Certificate>> chains, List<SignatureScheme> enabledSchemes) {
        List<List<X509Certificate>> copies = new ArrayList<>();
        for (List<X509Certificate> chain : chains) {
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("a certificate chain needs at least the leaf");
            }
            copies.add(List.copyOf(chain));
        }
        if (copies.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one certificate chain");
        }
        this.chains = List.copyOf(copies);
        this.enabledSchemes = List.copyOf(enabledSchemes);
    }

    /**
     * Picks a chain for this ClientHello.
     *
     * @param serverName the host_name from server_name, if the client sent one
     * @param version the negotiated version (TLS 1.2 or 1.3)
     * @param signatureAlgorithms the client's signature_algorithms
     * @param signatureAlgorithmsCert the client's signature_algorithms_cert, if sent
     * @throws TlsAlertException {@code handshake_failure} if no chain's key can sign with a
     *     scheme the client accepts
     */
    public Selection select(Optional<String> serverName, ProtocolVersion version,
            List<SignatureScheme> signatureAlgorithms, Optional<List<SignatureScheme>> signatureAlgorithmsCert)
            throws TlsAlertException {
        Optional<ReferenceIdentity> wanted = serverName.flatMap(CertificateSelector::asDnsName);
        List<SignatureScheme> certificateSchemes = signatureAlgorithmsCert.orElse(signatureAlgorithms);
        Selection best = null;
        int bestScore = -1;
        for (int i = 0; i < chains.size(); i++) {
            List<X509Certificate> chain = chains.get(i);
            X509Certificate leaf = chain.get(0);
            Optional<SignatureScheme> scheme = CertificateKeyScheme.find(leaf.getPublicKey(), version,
                    signatureAlgorithms, enabledSchemes);
            if (scheme.isEmpty()) {
                continue;
            }
            boolean nameMatches = wanted.isPresent() && HostnameVerifier.matches(leaf, wanted.get());
            boolean chainAccepted = CertificateSignatureSchemes.chainSignedWith(chain, certificateSchemes);
            int score = (nameMatches ? 2 : 0) + (chainAccepted ? 1 : 0);
            if (score > bestScore) {
                best = new Selection(i, scheme.get(), nameMatches);
                bestScore = score;
            }
        }
        if (best == null) {
            throw new TlsAlertException(HANDSHAKE_FAILURE, "none of our " + chains.size()
                    + " certificates can sign with a scheme the client offers in " + version.name()
                    + ": client offered " + signatureAlgorithms + ", we enable " + enabledSchemes);
        }
        return best;
    }

    /** The chain at this index, leaf first. */
    public List<X509Certificate> chain(int index) {
        return chains.get(index);
    }

    private static Optional<ReferenceIdentity> asDnsName(String hostName) {
        try {
            return Optional.of(new ReferenceIdentity.DnsName(hostName));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed name matches no certificate
        }
    }
}
