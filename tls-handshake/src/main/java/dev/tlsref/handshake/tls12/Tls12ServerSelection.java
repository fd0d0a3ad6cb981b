package dev.tlsref.handshake.tls12;

import static dev.tlsref.core.AlertDescription.HANDSHAKE_FAILURE;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.SignatureAlgorithms;
import dev.tlsref.core.extension.SupportedGroups;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.cert.CertificateKeyScheme;
import dev.tlsref.handshake.cert.HostnameVerifier;
import dev.tlsref.handshake.cert.ReferenceIdentity;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A TLS 1.2 server's choice of cipher suite, certificate, signature scheme and group for a
 * ClientHello, in the server's order of preference (RFC 5246 §7.4.1.3, RFC 8422 §5.1, RFC
 * 7919 §4).
 *
 * @param suite the suite
 * @param certifiedKey our certificate and key
 * @param scheme the scheme ServerKeyExchange is signed with; empty for static RSA
 * @param group the (EC)DHE group; empty for static RSA
 */
record Tls12ServerSelection(CipherSuite suite, CertifiedKey certifiedKey, Optional<SignatureScheme> scheme,
        Optional<NamedGroup> group) {

    /**
     * Picks the first of our suites that the client offers and that we can serve: a
     * certificate of the suite's key type, a signature scheme the client accepts (for
     * ECDHE/DHE), and a group (for ECDHE/DHE).
     *
     * @throws TlsAlertException handshake_failure if there is none
     */
    static Tls12ServerSelection choose(TlsConfig config, ClientHello hello, Optional<String> serverName)
            throws TlsAlertException {
        // RFC 5246 §7.4.1.4.1: without signature_algorithms the client accepts only SHA-1,
        // which tlsref never signs with; ECDHE and DHE are then impossible.
        List<SignatureScheme> clientSchemes = hello.extensions().find(SignatureAlgorithms.class)
                .map(SignatureAlgorithms::schemes).orElse(List.of());
        Optional<List<NamedGroup>> clientGroups = hello.extensions().find(SupportedGroups.class)
                .map(SupportedGroups::groups);
        List<String> reasons = new ArrayList<>();
        for (CipherSuite suite : config.cipherSuites()) {
            if (suite.isTls13() || !hello.cipherSuites().contains(suite)) {
                continue;
            }
            if (suite.keyExchange() == CipherSuite.KeyExchange.RSA && !config.rsaKeyExchange()) {
                continue;
            }
            Optional<NamedGroup> group = Optional.empty();
            if (suite.keyExchange() == CipherSuite.KeyExchange.ECDHE) {
                group = ecdheGroup(config, clientGroups);
            } else if (suite.keyExchange() == CipherSuite.KeyExchange.DHE) {
                group = dheGroup(config, clientGroups);
            }
            if (suite.keyExchange() != CipherSuite.KeyExchange.RSA && group.isEmpty()) {
                reasons.add(suite.name() + ": no common group");
                continue;
            }
            Optional<Tls12ServerSelection> selection = certificateFor(config, suite, group, clientSchemes, serverName);
            if (selection.isPresent()) {
                return selection.get();
            }
            reasons.add(suite.name() + ": no certificate and signature scheme for it");
        }
        List<String> offered = hello.cipherSuites().stream().map(CipherSuite::name).toList();
        boolean anyAead = hello.cipherSuites().stream().anyMatch(s -> s.isImplemented() && !s.isTls13());
        throw new TlsAlertException(HANDSHAKE_FAILURE, (anyAead ? "no TLS 1.2 cipher suite in common"
                : "client offers no TLS 1.2 AEAD cipher suite (CBC, RC4 and other non-AEAD suites are refused)")
                + ": client offered " + offered + (reasons.isEmpty() ? "" : "; " + reasons));
    }

    /** RFC 8422 §5.1: our first EC group the client lists; any of ours if it sent no supported_groups (§4). */
    private static Optional<NamedGroup> ecdheGroup(TlsConfig config, Optional<List<NamedGroup>> clientGroups) {
        for (NamedGroup group : config.groups()) {
            if (isEcGroup(group) && clientGroups.map(g -> g.contains(group)).orElse(true)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 7919 §4: if the client names FFDHE groups, one of them that we enable, or none (the
     * suite is then skipped); if it names none, ffdhe2048 (the client is an older one that
     * accepts server-chosen parameters).
     */
    private static Optional<NamedGroup> dheGroup(TlsConfig config, Optional<List<NamedGroup>> clientGroups) {
        boolean clientNamesFfdhe = clientGroups.map(g -> g.stream().anyMatch(NamedGroup::isFiniteField)).orElse(false);
        if (!clientNamesFfdhe) {
            return Optional.of(NamedGroup.FFDHE2048);
        }
        for (NamedGroup group : config.groups()) {
            if (group.isFiniteField() && clientGroups.get().contains(group)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    static boolean isEcGroup(NamedGroup group) {
        Optional<KeyExchangeAlgorithm> algorithm = group.algorithm();
        return algorithm.isPresent() && !group.isFiniteField() && !algorithm.get().isKem();
    }

    private static Optional<Tls12ServerSelection> certificateFor(TlsConfig config, CipherSuite suite,
            Optional<NamedGroup> group, List<SignatureScheme> clientSchemes, Optional<String> serverName) {
        Tls12ServerSelection fallback = null;
        for (CertifiedKey key : config.certifiedKeys()) {
            PublicKey publicKey = key.leaf().getPublicKey();
            if (!keyFits(suite, publicKey)) {
                continue;
            }
            Optional<SignatureScheme> scheme = Optional.empty();
            if (suite.keyExchange() != CipherSuite.KeyExchange.RSA) {
                scheme = CertificateKeyScheme.find(publicKey, ProtocolVersion.TLS1_2, clientSchemes,
                        config.signatureSchemes());
                if (scheme.isEmpty()) {
                    continue;
                }
            }
            Tls12ServerSelection selection = new Tls12ServerSelection(suite, key, scheme, group);
            if (serverName.isEmpty() || matches(key, serverName.get())) {
                return Optional.of(selection);
            }
            if (fallback == null) {
                fallback = selection;
            }
        }
        return Optional.ofNullable(fallback);
    }

    /** The suite names the kind of key that authenticates the server (RFC 8422 §2, RFC 5246 §7.4.2). */
    private static boolean keyFits(CipherSuite suite, PublicKey key) {
        if (suite.authentication() == CipherSuite.Authentication.ECDSA) {
            return key instanceof ECPublicKey;
        }
        // rsaEncryption keys only: an RSASSA-PSS key may neither decrypt nor sign PKCS#1 (RFC 4055).
        return key instanceof RSAPublicKey && "RSA".equals(key.getAlgorithm());
    }

    private static boolean matches(CertifiedKey key, String serverName) {
        try {
            return HostnameVerifier.matches(key.leaf(), ReferenceIdentity.parse(serverName));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
