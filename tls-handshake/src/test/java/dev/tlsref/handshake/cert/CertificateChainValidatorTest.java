package dev.tlsref.handshake.cert;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.Issued;
import dev.tlsref.handshake.testing.TestPki.KeyType;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateChainValidatorTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final int MAX_CHAIN = 5;

    private final TestPki pki = new TestPki(NOW);
    private final Issued root = pki.root("Test Root", KeyType.EC_P256);
    private final Issued intermediate = pki.intermediate("Test Intermediate", KeyType.EC_P256, root);
    private final Issued leaf = pki.leaf("server").dnsNames("example.com").issuedBy(intermediate).build();

    private CertificateChainValidator validatorAt(Instant now, Issued... anchors) {
        return new CertificateChainValidator(TestPki.chain(anchors), Clock.fixed(now, ZoneOffset.UTC), MAX_CHAIN);
    }

    private CertificateChainValidator validator() {
        return validatorAt(NOW, root);
    }

    private static AlertDescription serverAlert(CertificateChainValidator validator, List<X509Certificate> chain) {
        return assertThrows(TlsAlertException.class,
                () -> validator.validateServerChain(chain, KeyUsageRequirement.DIGITAL_SIGNATURE)).alert();
    }

    // --- paths that validate ---

    @Test
    void acceptsRootIntermediateLeafChain() throws TlsAlertException {
        ValidatedChain result = validator().validateServerChain(TestPki.chain(leaf, intermediate),
                KeyUsageRequirement.DIGITAL_SIGNATURE);

        assertThat(result.certificates(), contains(leaf.certificate(), intermediate.certificate(), root.certificate()));
        assertThat(result.leaf(), is(leaf.certificate()));
        assertThat(result.trustAnchor(), is(root.certificate()));
    }

    @Test
    void acceptsChainThatAlsoCarriesTheRoot() throws TlsAlertException {
        ValidatedChain result = validator().validateServerChain(TestPki.chain(leaf, intermediate, root),
                KeyUsageRequirement.DIGITAL_SIGNATURE);

        assertThat(result.certificates().size(), is(3));
    }

    @Test
    void acceptsIntermediatesInAnyOrderWithUnrelatedExtras() throws TlsAlertException {
        Issued second = pki.intermediate("Second Intermediate", KeyType.EC_P384, intermediate);
        Issued deepLeaf = pki.leaf("deep").issuedBy(second).build();
        Issued unrelated = pki.root("Unrelated Root", KeyType.ED25519);

        ValidatedChain result = validator().validateServerChain(
                TestPki.chain(deepLeaf, unrelated, intermediate, second), KeyUsageRequirement.DIGITAL_SIGNATURE);

        assertThat(result.certificates(), contains(deepLeaf.certificate(), second.certificate(),
                intermediate.certificate(), root.certificate()));
    }

    @Test
    void acceptsLeafIssuedDirectlyByTrustAnchor() throws TlsAlertException {
        Issued direct = pki.leaf("direct").issuedBy(root).build();

        assertThat(validator().validateServerChain(TestPki.chain(direct), KeyUsageRequirement.DIGITAL_SIGNATURE)
                .certificates().size(), is(2));
    }

    @Test
    void acceptsIntermediateThatIsItselfATrustAnchor() throws TlsAlertException {
        ValidatedChain result = validatorAt(NOW, intermediate)
                .validateServerChain(TestPki.chain(leaf, intermediate), KeyUsageRequirement.DIGITAL_SIGNATURE);

        assertThat(result.trustAnchor(), is(intermediate.certificate()));
    }

    @Test
    void acceptsSelfSignedLeafThatIsATrustAnchor() throws TlsAlertException {
        Issued selfSigned = pki.leaf("localhost").dnsNames("localhost").build();

        ValidatedChain result = validatorAt(NOW, selfSigned)
                .validateServerChain(TestPki.chain(selfSigned), KeyUsageRequirement.DIGITAL_SIGNATURE);

        assertThat(result.certificates(), contains(selfSigned.certificate()));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void acceptsChainsOfEveryKeyType(KeyType type) throws TlsAlertException {
        Issued typedRoot = pki.root("Root " + type, type);
        Issued typedCa = pki.intermediate("Intermediate " + type, type, typedRoot);
        Issued typedLeaf = pki.leaf("leaf " + type).keyType(type).issuedBy(typedCa).build();

        ValidatedChain result = validatorAt(NOW, typedRoot)
                .validateServerChain(TestPki.chain(typedLeaf, typedCa), KeyUsageRequirement.DIGITAL_SIGNATURE);

        assertThat(result.certificates().size(), is(3));
    }

    @Test
    void acceptsCertificateAtTheExactEndsOfItsValidity() throws TlsAlertException {
        Instant from = NOW.minus(Duration.ofHours(12));
        Instant until = NOW.plus(Duration.ofDays(10));
        Issued windowed = pki.leaf("windowed").issuedBy(root).validity(from, until).build();

        validatorAt(from, root).validateServerChain(TestPki.chain(windowed), KeyUsageRequirement.DIGITAL_SIGNATURE);
        validatorAt(until, root).validateServerChain(TestPki.chain(windowed), KeyUsageRequirement.DIGITAL_SIGNATURE);
    }

    // --- no path to a trust anchor: unknown_ca ---

    @Test
    void rejectsChainMissingItsIntermediateWithUnknownCa() {
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> validator().validateServerChain(TestPki.chain(leaf), KeyUsageRequirement.DIGITAL_SIGNATURE));

        assertThat(e.alert(), is(AlertDescription.UNKNOWN_CA));
        assertThat(e.getMessage(), containsString("Test Intermediate"));
    }

    @Test
    void rejectsChainToUntrustedRootWithUnknownCa() {
        Issued otherRoot = pki.root("Other Root", KeyType.EC_P256);
        Issued otherCa = pki.intermediate("Other Intermediate", KeyType.EC_P256, otherRoot);
        Issued otherLeaf = pki.leaf("other").issuedBy(otherCa).build();

        assertThat(serverAlert(validator(), TestPki.chain(otherLeaf, otherCa, otherRoot)), is(AlertDescription.UNKNOWN_CA));
    }

    @Test
    void rejectsChainToImpostorRootWithTheTrustedNameButAnotherKeyWithUnknownCa() {
        Issued impostor = pki.root("Test Root", KeyType.EC_P256);
        Issued impostorCa = pki.intermediate("Test Intermediate", KeyType.EC_P256, impostor);
        Issued impostorLeaf = pki.leaf("server").issuedBy(impostorCa).build();

        assertThat(serverAlert(validator(), TestPki.chain(impostorLeaf, impostorCa)), is(AlertDescription.UNKNOWN_CA));
        assertThat(serverAlert(validator(), TestPki.chain(impostorLeaf, impostorCa, impostor)), is(AlertDescription.UNKNOWN_CA));
    }

    @Test
    void rejectsUntrustedSelfSignedLeafWithUnknownCa() {
        Issued selfSigned = pki.leaf("self").build();

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> validator()
                .validateServerChain(TestPki.chain(selfSigned), KeyUsageRequirement.DIGITAL_SIGNATURE));
        assertThat(e.alert(), is(AlertDescription.UNKNOWN_CA));
        assertThat(e.getMessage(), containsString("self-signed"));
    }

    @Test
    void rejectsEverythingWhenThereAreNoTrustAnchors() {
        CertificateChainValidator noAnchors = new CertificateChainValidator(List.of(), Clock.fixed(NOW, ZoneOffset.UTC), 5);

        assertThat(serverAlert(noAnchors, TestPki.chain(leaf, intermediate, root)), is(AlertDescription.UNKNOWN_CA));
    }

    // --- dates: certificate_expired ---

    @Test
    void rejectsExpiredLeafWithCertificateExpired() {
        Issued expired = pki.leaf("expired").issuedBy(intermediate)
                .validity(NOW.minus(Duration.ofDays(30)), NOW.minusSeconds(1)).build();

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> validator()
                .validateServerChain(TestPki.chain(expired, intermediate), KeyUsageRequirement.DIGITAL_SIGNATURE));
        assertThat(e.alert(), is(AlertDescription.CERTIFICATE_EXPIRED));
        assertThat(e.getMessage(), containsString("CN=expired"));
        assertThat(e.getMessage(), containsString("expired at"));
    }

    @Test
    void rejectsNotYetValidLeafWithCertificateExpired() {
        Issued future = pki.leaf("future").issuedBy(intermediate)
                .validity(NOW.plusSeconds(1), NOW.plus(Duration.ofDays(30))).build();

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> validator()
                .validateServerChain(TestPki.chain(future, intermediate), KeyUsageRequirement.DIGITAL_SIGNATURE));
        assertThat(e.alert(), is(AlertDescription.CERTIFICATE_EXPIRED));
        assertThat(e.getMessage(), containsString("not valid before"));
    }

    @Test
    void rejectsExpiredIntermediateWithCertificateExpired() {
        Issued oldCa = pki.certificate("Old Intermediate").ca(-1).issuedBy(root)
                .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))).build();
        Issued leafOfOld = pki.leaf("leaf").issuedBy(oldCa).build();

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> validator()
                .validateServerChain(TestPki.chain(leafOfOld, oldCa), KeyUsageRequirement.DIGITAL_SIGNATURE));
        assertThat(e.alert(), is(AlertDescription.CERTIFICATE_EXPIRED));
        assertThat(e.getMessage(), containsString("Old Intermediate"));
    }

    @Test
    void rejectsChainWhoseTrustAnchorHasExpired() {
        Issued shortRoot = pki.certificate("Short Root").ca(-1).validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(10))).build();
        Issued longLeaf = pki.leaf("long-lived").issuedBy(shortRoot).build();

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> validatorAt(NOW.plus(Duration.ofDays(20)), shortRoot)
                .validateServerChain(TestPki.chain(longLeaf), KeyUsageRequirement.DIGITAL_SIGNATURE));
        assertThat(e.alert(), is(AlertDescription.CERTIFICATE_EXPIRED));
        assertThat(e.getMessage(), containsString("Short Root"));
    }

    @Test
    void rejectsExpiredSelfSignedTrustAnchorLeaf() {
        Issued selfSigned = pki.leaf("localhost").validity(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(2))).build();

        assertThat(serverAlert(validatorAt(NOW, selfSigned), TestPki.chain(selfSigned)), is(AlertDescription.CERTIFICATE_EXPIRED));
    }

    @Test
    void ignoresExpiredExtraCertificateOffThePath() throws TlsAlertException {
        Issued staleCrossSigned = pki.certificate("Test Intermediate").ca(-1).issuedBy(pki.root("Old Root", KeyType.EC_P256))
                .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))).build();

        validator().validateServerChain(TestPki.chain(leaf, staleCrossSigned, intermediate),
                KeyUsageRequirement.DIGITAL_SIGNATURE);
    }

    // --- signatures and structure: bad_certificate ---

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void rejectsLeafWithTamperedSignatureWithBadCertificate(KeyType issuerType) {
        Issued typedRoot = pki.root("Tamper Root " + issuerType, issuerType);
        Issued good = pki.leaf("tampered").issuedBy(typedRoot).build();
        X509Certificate tampered = TestPki.parse(TestPki.flipByte(encoded(good.certificate()), -1, 0x01));

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> validatorAt(NOW, typedRoot)
                .validateServerChain(List.of(tampered), KeyUsageRequirement.DIGITAL_SIGNATURE));
        assertThat(e.alert(), is(AlertDescription.BAD_CERTIFICATE));
        assertThat(e.getMessage(), containsString("CN=tampered"));
    }

    @Test
    void rejectsIntermediateWithTamperedSignatureWithBadCertificate() {
        X509Certificate tampered = TestPki.parse(TestPki.flipByte(encoded(intermediate.certificate()), -1, 0x01));

        assertThat(serverAlert(validator(), List.of(leaf.certificate(), tampered)), is(AlertDescription.BAD_CERTIFICATE));
    }

    @Test
    void rejectsChainThroughANonCaCertificateWithBadCertificate() {
        Issued notCa = pki.leaf("Not A CA").issuedBy(root).build();
        Issued leafOfNotCa = pki.leaf("victim").issuedBy(notCa).build();

        assertThat(serverAlert(validator(), TestPki.chain(leafOfNotCa, notCa)), is(AlertDescription.BAD_CERTIFICATE));
    }

    @Test
    void rejectsChainBreakingPathLengthConstraintWithBadCertificate() {
        Issued limited = pki.certificate("Limited").ca(0).issuedBy(root).build();
        Issued below = pki.intermediate("Below Limited", KeyType.EC_P256, limited);
        Issued deep = pki.leaf("deep").issuedBy(below).build();

        assertThat(serverAlert(validator(), TestPki.chain(deep, below, limited)), is(AlertDescription.BAD_CERTIFICATE));
    }

    @Test
    void rejectsChainLongerThanTheMaximumWithBadCertificate() {
        Issued a = pki.intermediate("A", KeyType.EC_P256, root);
        Issued b = pki.intermediate("B", KeyType.EC_P256, a);
        Issued c = pki.intermediate("C", KeyType.EC_P256, b);
        Issued d = pki.intermediate("D", KeyType.EC_P256, c);
        Issued e = pki.intermediate("E", KeyType.EC_P256, d);
        Issued longLeaf = pki.leaf("long").issuedBy(e).build();

        TlsAlertException thrown = assertThrows(TlsAlertException.class, () -> validator()
                .validateServerChain(TestPki.chain(longLeaf, e, d, c, b, a), KeyUsageRequirement.DIGITAL_SIGNATURE));
        assertThat(thrown.alert(), is(AlertDescription.BAD_CERTIFICATE));
        assertThat(thrown.getMessage(), containsString("maximum of 5"));
    }

    // --- unsupported certificates ---

    @Test
    void rejectsLeafWithUnknownCriticalExtensionWithUnsupportedCertificate() {
        Issued odd = pki.leaf("odd").issuedBy(root)
                .extension("1.3.6.1.4.1.55555.1", true, new byte[] {0x05, 0x00}).build();

        assertThat(serverAlert(validator(), TestPki.chain(odd)), is(AlertDescription.UNSUPPORTED_CERTIFICATE));
    }

    @Test
    void acceptsLeafWithUnknownNonCriticalExtension() throws TlsAlertException {
        Issued odd = pki.leaf("odd").issuedBy(root)
                .extension("1.3.6.1.4.1.55555.1", false, new byte[] {0x05, 0x00}).build();

        validator().validateServerChain(TestPki.chain(odd), KeyUsageRequirement.DIGITAL_SIGNATURE);
    }

    @Test
    void rejectsLeafWithKeyTlsCannotSignWithWithUnsupportedCertificate() throws Exception {
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        Issued dsaLeaf = pki.leaf("dsa").subjectKeyPair(dsa.generateKeyPair(), null).issuedBy(root).build();

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> validator()
                .validateServerChain(TestPki.chain(dsaLeaf), KeyUsageRequirement.DIGITAL_SIGNATURE));
        assertThat(e.alert(), is(AlertDescription.UNSUPPORTED_CERTIFICATE));
        assertThat(e.getMessage(), containsString("DSA"));
    }

    // --- extended key usage and key usage: unsupported_certificate ---

    @Test
    void rejectsServerLeafWhoseExtendedKeyUsageLacksServerAuth() {
        Issued clientOnly = pki.leaf("client-only").extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issuedBy(root).build();

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> validator()
                .validateServerChain(TestPki.chain(clientOnly), KeyUsageRequirement.DIGITAL_SIGNATURE));
        assertThat(e.alert(), is(AlertDescription.UNSUPPORTED_CERTIFICATE));
        assertThat(e.getMessage(), containsString("[clientAuth] without serverAuth"));
    }

    @Test
    void rejectsClientLeafWhoseExtendedKeyUsageLacksClientAuth() {
        Issued serverOnly = pki.leaf("server-only").extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).issuedBy(root).build();

        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> validator().validateClientChain(TestPki.chain(serverOnly)));
        assertThat(e.alert(), is(AlertDescription.UNSUPPORTED_CERTIFICATE));
    }

    @Test
    void acceptsLeafWithAnyExtendedKeyUsageOrNoExtendedKeyUsage() throws TlsAlertException {
        Issued any = pki.leaf("any").extendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage).issuedBy(root).build();
        Issued none = pki.leaf("none").extendedKeyUsage().issuedBy(root).build();

        validator().validateServerChain(TestPki.chain(any), KeyUsageRequirement.DIGITAL_SIGNATURE);
        validator().validateClientChain(TestPki.chain(any));
        validator().validateServerChain(TestPki.chain(none), KeyUsageRequirement.DIGITAL_SIGNATURE);
        validator().validateClientChain(TestPki.chain(none));
    }

    @Test
    void rejectsServerLeafUnderIntermediateRestrictedToClientAuth() {
        Issued clientCa = pki.certificate("Client CA").ca(-1).extendedKeyUsage(KeyPurposeId.id_kp_clientAuth)
                .issuedBy(root).build();
        Issued underClientCa = pki.leaf("server").issuedBy(clientCa).build();

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> validator()
                .validateServerChain(TestPki.chain(underClientCa, clientCa), KeyUsageRequirement.DIGITAL_SIGNATURE));
        assertThat(e.alert(), is(AlertDescription.UNSUPPORTED_CERTIFICATE));
        assertThat(e.getMessage(), containsString("Client CA"));
    }

    @Test
    void rejectsSigningLeafWhoseKeyUsageLacksDigitalSignature() {
        Issued encipherOnly = pki.leaf("rsa-kx").keyType(KeyType.RSA_2048).keyUsage(KeyUsage.keyEncipherment)
                .issuedBy(root).build();

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> validator()
                .validateServerChain(TestPki.chain(encipherOnly), KeyUsageRequirement.DIGITAL_SIGNATURE));
        assertThat(e.alert(), is(AlertDescription.UNSUPPORTED_CERTIFICATE));
        assertThat(e.getMessage(), containsString("without digitalSignature"));
    }

    @Test
    void acceptsKeyEnciphermentLeafForStaticRsaButNotSigningOnlyLeaf() throws TlsAlertException {
        Issued encipherOnly = pki.leaf("rsa-kx").keyType(KeyType.RSA_2048).keyUsage(KeyUsage.keyEncipherment)
                .issuedBy(root).build();
        Issued signOnly = pki.leaf("rsa-sign").keyType(KeyType.RSA_2048).keyUsage(KeyUsage.digitalSignature)
                .issuedBy(root).build();

        validator().validateServerChain(TestPki.chain(encipherOnly), KeyUsageRequirement.KEY_ENCIPHERMENT);
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> validator()
                .validateServerChain(TestPki.chain(signOnly), KeyUsageRequirement.KEY_ENCIPHERMENT));
        assertThat(e.alert(), is(AlertDescription.UNSUPPORTED_CERTIFICATE));
        assertThat(e.getMessage(), containsString("without keyEncipherment"));
    }

    @Test
    void acceptsLeafWithoutKeyUsageForEitherUse() throws TlsAlertException {
        Issued noUsage = pki.leaf("no-ku").keyType(KeyType.RSA_2048).noKeyUsage().issuedBy(root).build();

        validator().validateServerChain(TestPki.chain(noUsage), KeyUsageRequirement.DIGITAL_SIGNATURE);
        validator().validateServerChain(TestPki.chain(noUsage), KeyUsageRequirement.KEY_ENCIPHERMENT);
    }

    // --- empty chains ---

    @Test
    void rejectsEmptyServerChainWithDecodeError() {
        assertThat(serverAlert(validator(), List.of()), is(AlertDescription.DECODE_ERROR));
    }

    @Test
    void reportsEmptyClientChainAsNoCertificateForTheServerToDecide() throws TlsAlertException {
        assertThat(validator().validateClientChain(List.of()), equalTo(Optional.empty()));
    }

    @Test
    void acceptsClientChain() throws TlsAlertException {
        Issued client = pki.leaf("client").issuedBy(intermediate).build();

        assertThat(validator().validateClientChain(TestPki.chain(client, intermediate)).orElseThrow().leaf(),
                is(client.certificate()));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new AssertionError(e);
        }
    }
}
