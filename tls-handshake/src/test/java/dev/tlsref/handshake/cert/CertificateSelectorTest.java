package dev.tlsref.handshake.cert;

import static dev.tlsref.core.SignatureScheme.ECDSA_SECP256R1_SHA256;
import static dev.tlsref.core.SignatureScheme.ECDSA_SECP384R1_SHA384;
import static dev.tlsref.core.SignatureScheme.ED25519;
import static dev.tlsref.core.SignatureScheme.RSA_PKCS1_SHA256;
import static dev.tlsref.core.SignatureScheme.RSA_PSS_RSAE_SHA256;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.Issued;
import dev.tlsref.handshake.testing.TestPki.KeyType;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateSelectorTest {
    private static final ProtocolVersion TLS13 = ProtocolVersion.TLS1_3;
    private static final ProtocolVersion TLS12 = ProtocolVersion.TLS1_2;
    private static final List<SignatureScheme> OURS = List.of(
            ED25519, ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, RSA_PSS_RSAE_SHA256, RSA_PKCS1_SHA256);
    private static final List<SignatureScheme> BROWSER = List.of(
            ECDSA_SECP256R1_SHA256, RSA_PSS_RSAE_SHA256, RSA_PKCS1_SHA256, ECDSA_SECP384R1_SHA384);

    private final TestPki pki = new TestPki();
    private final Issued ecRoot = pki.root("EC Root", KeyType.EC_P256);
    private final Issued rsaRoot = pki.root("RSA Root", KeyType.RSA_2048);
    private final Issued alpha = pki.leaf("alpha").dnsNames("alpha.example").issuedBy(ecRoot).build();
    private final Issued beta = pki.leaf("beta").dnsNames("beta.example", "*.beta.example").issuedBy(ecRoot).build();
    private final Issued rsaBeta = pki.leaf("beta rsa").keyType(KeyType.RSA_2048).dnsNames("beta.example")
            .issuedBy(rsaRoot).build();

    private static CertificateSelector selector(Issued... leaves) {
        List<List<X509Certificate>> chains = new java.util.ArrayList<>();
        for (Issued leaf : leaves) {
            chains.add(List.of(leaf.certificate()));
        }
        return new CertificateSelector(chains, OURS);
    }

    @Test
    void picksTheChainWhoseLeafMatchesTheServerName() throws TlsAlertException {
        CertificateSelector.Selection selection = selector(alpha, beta)
                .select(Optional.of("beta.example"), TLS13, BROWSER, Optional.empty());

        assertThat(selection.index(), is(1));
        assertThat(selection.matchesServerName(), is(true));
        assertThat(selection.scheme(), is(ECDSA_SECP256R1_SHA256));
    }

    @Test
    void matchesServerNameAgainstWildcardsAndIgnoresCase() throws TlsAlertException {
        assertThat(selector(alpha, beta).select(Optional.of("WWW.Beta.Example"), TLS13, BROWSER, Optional.empty())
                .index(), is(1));
    }

    @Test
    void fallsBackToTheFirstChainWhenNoLeafMatchesTheServerName() throws TlsAlertException {
        CertificateSelector.Selection selection = selector(alpha, beta)
                .select(Optional.of("gamma.example"), TLS13, BROWSER, Optional.empty());

        assertThat(selection.index(), is(0));
        assertThat(selection.matchesServerName(), is(false));
    }

    @Test
    void usesTheFirstChainWithoutServerName() throws TlsAlertException {
        assertThat(selector(beta, alpha).select(Optional.empty(), TLS13, BROWSER, Optional.empty()).index(), is(0));
    }

    @Test
    void treatsAMalformedServerNameAsMatchingNothing() throws TlsAlertException {
        assertThat(selector(alpha, beta).select(Optional.of("beta example"), TLS13, BROWSER, Optional.empty())
                .index(), is(0));
    }

    @Test
    void skipsAMatchingChainWhoseKeyTheClientCannotVerify() throws TlsAlertException {
        Issued edBeta = pki.leaf("beta ed").keyType(KeyType.ED25519).dnsNames("beta.example").issuedBy(ecRoot).build();

        CertificateSelector.Selection selection = selector(edBeta, alpha)
                .select(Optional.of("beta.example"), TLS13, BROWSER, Optional.empty());

        assertThat(selection.index(), is(1));
        assertThat(selection.matchesServerName(), is(false));
    }

    @Test
    void picksByKeyCompatibilityWithSignatureAlgorithms() throws TlsAlertException {
        CertificateSelector selector = selector(beta, rsaBeta);

        CertificateSelector.Selection rsaOnly = selector.select(Optional.of("beta.example"), TLS13,
                List.of(RSA_PSS_RSAE_SHA256), Optional.empty());
        CertificateSelector.Selection ecdsaOnly = selector.select(Optional.of("beta.example"), TLS13,
                List.of(ECDSA_SECP256R1_SHA256), Optional.empty());

        assertThat(rsaOnly.index(), is(1));
        assertThat(rsaOnly.scheme(), is(RSA_PSS_RSAE_SHA256));
        assertThat(ecdsaOnly.index(), is(0));
    }

    @Test
    void picksRsaPkcs1OnlyInTls12() throws TlsAlertException {
        CertificateSelector selector = selector(rsaBeta);

        assertThat(selector.select(Optional.empty(), TLS12, List.of(RSA_PKCS1_SHA256), Optional.empty()).scheme(),
                is(RSA_PKCS1_SHA256));
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> selector.select(Optional.empty(), TLS13, List.of(RSA_PKCS1_SHA256), Optional.empty()));
        assertThat(e.alert(), is(AlertDescription.HANDSHAKE_FAILURE));
    }

    @Test
    void failsWithHandshakeFailureWhenNoChainFitsTheClientsAlgorithms() {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> selector(alpha, beta)
                .select(Optional.of("alpha.example"), TLS13, List.of(ED25519), Optional.empty()));

        assertThat(e.alert(), is(AlertDescription.HANDSHAKE_FAILURE));
    }

    @Test
    void prefersTheChainSignedWithAnAlgorithmInSignatureAlgorithmsCert() throws TlsAlertException {
        Issued ecSignedByRsa = pki.leaf("beta via rsa").dnsNames("beta.example").issuedBy(rsaRoot).build();
        CertificateSelector selector = selector(ecSignedByRsa, beta);

        CertificateSelector.Selection wantsEcdsaSignatures = selector.select(Optional.of("beta.example"), TLS13,
                BROWSER, Optional.of(List.of(ECDSA_SECP256R1_SHA256)));
        CertificateSelector.Selection wantsRsaSignatures = selector.select(Optional.of("beta.example"), TLS13,
                BROWSER, Optional.of(List.of(RSA_PKCS1_SHA256)));

        assertThat(wantsEcdsaSignatures.index(), is(1));
        assertThat(wantsRsaSignatures.index(), is(0));
    }

    @Test
    void appliesSignatureAlgorithmsToTheChainWhenSignatureAlgorithmsCertIsAbsent() throws TlsAlertException {
        Issued ecSignedByRsa = pki.leaf("beta via rsa").dnsNames("beta.example").issuedBy(rsaRoot).build();

        CertificateSelector.Selection selection = selector(ecSignedByRsa, beta).select(Optional.of("beta.example"),
                TLS13, List.of(ECDSA_SECP256R1_SHA256), Optional.empty());

        assertThat(selection.index(), is(1));
    }

    @Test
    void stillSendsAChainWhoseSignaturesTheClientDidNotListWhenThereIsNoOther() throws TlsAlertException {
        CertificateSelector.Selection selection = selector(beta).select(Optional.of("beta.example"), TLS13,
                BROWSER, Optional.of(List.of(ED25519)));

        assertThat(selection.index(), is(0));
    }

    @Test
    void prefersServerNameMatchOverSignatureAlgorithmsCertMatch() throws TlsAlertException {
        Issued alphaByRsa = pki.leaf("alpha via rsa").dnsNames("alpha.example").issuedBy(rsaRoot).build();

        CertificateSelector.Selection selection = selector(beta, alphaByRsa).select(Optional.of("alpha.example"),
                TLS13, BROWSER, Optional.of(List.of(ECDSA_SECP256R1_SHA256)));

        assertThat(selection.index(), is(1));
    }

    @Test
    void ignoresTheSelfSignedRootAtTheEndOfAChainWhenMatchingSignatures() throws TlsAlertException {
        Issued ecCa = pki.intermediate("EC CA under RSA", KeyType.EC_P256, rsaRoot);
        Issued viaRsaRoot = pki.leaf("gamma").dnsNames("gamma.example").issuedBy(ecCa).build();
        Issued ecCaUnderEc = pki.intermediate("EC CA", KeyType.EC_P256, ecRoot);
        Issued viaEcRoot = pki.leaf("gamma 2").dnsNames("gamma.example").issuedBy(ecCaUnderEc).build();
        CertificateSelector selector = new CertificateSelector(List.of(
                TestPki.chain(viaRsaRoot, ecCa, rsaRoot),
                TestPki.chain(viaEcRoot, ecCaUnderEc, rsaRoot)), OURS);

        // The second chain ends in an unrelated self-signed root: its signature does not count.
        assertThat(selector.select(Optional.of("gamma.example"), TLS13, BROWSER,
                Optional.of(List.of(ECDSA_SECP256R1_SHA256))).index(), is(1));
    }

    @Test
    void refusesToBeBuiltWithoutChains() {
        assertThrows(IllegalArgumentException.class, () -> new CertificateSelector(List.of(), OURS));
        assertThrows(IllegalArgumentException.class, () -> new CertificateSelector(List.of(List.of()), OURS));
    }
}
