package dev.tlsref.handshake.cert;

import static dev.tlsref.core.SignatureScheme.ECDSA_SECP256R1_SHA256;
import static dev.tlsref.core.SignatureScheme.ECDSA_SECP384R1_SHA384;
import static dev.tlsref.core.SignatureScheme.ECDSA_SECP521R1_SHA512;
import static dev.tlsref.core.SignatureScheme.ECDSA_SHA1;
import static dev.tlsref.core.SignatureScheme.ED25519;
import static dev.tlsref.core.SignatureScheme.ED448;
import static dev.tlsref.core.SignatureScheme.RSA_PKCS1_SHA1;
import static dev.tlsref.core.SignatureScheme.RSA_PKCS1_SHA256;
import static dev.tlsref.core.SignatureScheme.RSA_PKCS1_SHA384;
import static dev.tlsref.core.SignatureScheme.RSA_PKCS1_SHA512;
import static dev.tlsref.core.SignatureScheme.RSA_PSS_PSS_SHA256;
import static dev.tlsref.core.SignatureScheme.RSA_PSS_PSS_SHA384;
import static dev.tlsref.core.SignatureScheme.RSA_PSS_PSS_SHA512;
import static dev.tlsref.core.SignatureScheme.RSA_PSS_RSAE_SHA256;
import static dev.tlsref.core.SignatureScheme.RSA_PSS_RSAE_SHA384;
import static dev.tlsref.core.SignatureScheme.RSA_PSS_RSAE_SHA512;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.KeyType;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateKeySchemeTest {
    private static final ProtocolVersion TLS13 = ProtocolVersion.TLS1_3;
    private static final ProtocolVersion TLS12 = ProtocolVersion.TLS1_2;

    /** Every named scheme, plus an unknown code point and a GREASE value. */
    private static final List<SignatureScheme> ALL_SCHEMES = List.of(
            RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512,
            ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512,
            RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512,
            ED25519, ED448,
            RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512,
            RSA_PKCS1_SHA1, ECDSA_SHA1, new SignatureScheme(0x0420), new SignatureScheme(0x1a1a));

    private final TestPki pki = new TestPki();
    private final Map<KeyType, PublicKey> keys = new EnumMap<>(KeyType.class);

    private PublicKey key(KeyType type) {
        return keys.computeIfAbsent(type, t -> pki.keyPair(t).getPublic());
    }

    private List<SignatureScheme> permitted(PublicKey key, ProtocolVersion version) {
        List<SignatureScheme> permitted = new ArrayList<>();
        for (SignatureScheme scheme : ALL_SCHEMES) {
            if (CertificateKeyScheme.permits(key, scheme, version)) {
                permitted.add(scheme);
            }
        }
        return permitted;
    }

    // --- the compatibility table: every scheme against every key type, in each version ---

    static Stream<Arguments> tls13Table() {
        return Stream.of(
                Arguments.of(KeyType.EC_P256, List.of(ECDSA_SECP256R1_SHA256)),
                Arguments.of(KeyType.EC_P384, List.of(ECDSA_SECP384R1_SHA384)),
                Arguments.of(KeyType.EC_P521, List.of(ECDSA_SECP521R1_SHA512)),
                Arguments.of(KeyType.RSA_2048, List.of(RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512)),
                Arguments.of(KeyType.RSA_PSS_2048, List.of(RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512)),
                Arguments.of(KeyType.ED25519, List.of(ED25519)),
                Arguments.of(KeyType.ED448, List.of(ED448)));
    }

    @ParameterizedTest(name = "TLS 1.3 {0} key signs with exactly {1}")
    @MethodSource("tls13Table")
    void inTls13EachKeyTypeSignsWithExactlyItsSchemes(KeyType type, List<SignatureScheme> expected) {
        assertThat(permitted(key(type), TLS13), containsInAnyOrder(expected.toArray()));
    }

    static Stream<Arguments> tls12Table() {
        List<SignatureScheme> anyEcdsa = List.of(ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512);
        return Stream.of(
                Arguments.of(KeyType.EC_P256, anyEcdsa),
                Arguments.of(KeyType.EC_P384, anyEcdsa),
                Arguments.of(KeyType.EC_P521, anyEcdsa),
                Arguments.of(KeyType.RSA_2048, List.of(RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512,
                        RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512)),
                Arguments.of(KeyType.RSA_PSS_2048, List.of(RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512)),
                Arguments.of(KeyType.ED25519, List.of(ED25519)),
                Arguments.of(KeyType.ED448, List.of(ED448)));
    }

    @ParameterizedTest(name = "TLS 1.2 {0} key signs with exactly {1}")
    @MethodSource("tls12Table")
    void inTls12EachKeyTypeSignsWithExactlyItsSchemes(KeyType type, List<SignatureScheme> expected) {
        assertThat(permitted(key(type), TLS12), containsInAnyOrder(expected.toArray()));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void neverPermitsSha1UnknownOrGreaseSchemes(KeyType type) {
        for (ProtocolVersion version : List.of(TLS12, TLS13)) {
            for (SignatureScheme scheme : List.of(RSA_PKCS1_SHA1, ECDSA_SHA1, new SignatureScheme(0x0420), new SignatureScheme(0x1a1a))) {
                assertThat(scheme + " " + version, CertificateKeyScheme.permits(key(type), scheme, version), is(false));
            }
        }
    }

    @Test
    void neverPermitsRsaPkcs1ForCertificateVerifyInTls13() {
        for (SignatureScheme pkcs1 : List.of(RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512)) {
            assertThat(CertificateKeyScheme.permits(key(KeyType.RSA_2048), pkcs1, TLS13), is(false));
            assertThat(CertificateKeyScheme.permits(key(KeyType.RSA_2048), pkcs1, TLS12), is(true));
        }
    }

    @Test
    void excludesPssWithSha512ForA1024BitModulusTooSmallForItsSalt() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        PublicKey small = generator.generateKeyPair().getPublic();

        assertThat(permitted(small, TLS13), containsInAnyOrder(RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384));
    }

    @Test
    void restrictsPssKeyWithParametersToTheirHash() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSASSA-PSS");
        PSSParameterSpec sha384 = new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1);
        generator.initialize(new RSAKeyGenParameterSpec(1024, RSAKeyGenParameterSpec.F4, sha384));
        PublicKey restricted = generator.generateKeyPair().getPublic();

        assertThat(permitted(restricted, TLS13), containsInAnyOrder(RSA_PSS_PSS_SHA384));
    }

    // --- key type detection ---

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void recognisesEveryTestKeyType(KeyType type) {
        CertificateKeyType expected = Map.of(
                KeyType.EC_P256, CertificateKeyType.EC_SECP256R1,
                KeyType.EC_P384, CertificateKeyType.EC_SECP384R1,
                KeyType.EC_P521, CertificateKeyType.EC_SECP521R1,
                KeyType.RSA_2048, CertificateKeyType.RSA,
                KeyType.RSA_PSS_2048, CertificateKeyType.RSA_PSS,
                KeyType.ED25519, CertificateKeyType.ED25519,
                KeyType.ED448, CertificateKeyType.ED448).get(type);

        assertThat(CertificateKeyType.of(key(type)), equalTo(Optional.of(expected)));
    }

    @Test
    void recognisesBouncyCastleKeysToo() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec("secp384r1"));

        assertThat(CertificateKeyType.of(generator.generateKeyPair().getPublic()),
                equalTo(Optional.of(CertificateKeyType.EC_SECP384R1)));
    }

    @Test
    void givesNoTypeToKeysOnOtherCurvesOrOfOtherAlgorithms() throws Exception {
        KeyPairGenerator brainpool = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        brainpool.initialize(new ECGenParameterSpec("brainpoolP256r1"));
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        PublicKey brainpoolKey = brainpool.generateKeyPair().getPublic();
        PublicKey dsaKey = dsa.generateKeyPair().getPublic();

        assertThat(CertificateKeyType.of(brainpoolKey), equalTo(Optional.empty()));
        assertThat(CertificateKeyType.of(dsaKey), equalTo(Optional.empty()));
        assertThat(permitted(brainpoolKey, TLS12), is(empty()));
        assertThat(permitted(dsaKey, TLS12), is(empty()));
    }

    // --- choosing a scheme ---

    @Test
    void choosesOurMostPreferredSchemeThatThePeerOffersAndTheKeyPermits() throws TlsAlertException {
        List<SignatureScheme> ours = List.of(ECDSA_SECP256R1_SHA256, RSA_PKCS1_SHA256, RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384);
        List<SignatureScheme> peer = List.of(RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA256, RSA_PKCS1_SHA256);

        assertThat(CertificateKeyScheme.choose(key(KeyType.RSA_2048), TLS12, peer, ours), is(RSA_PKCS1_SHA256));
        assertThat(CertificateKeyScheme.choose(key(KeyType.RSA_2048), TLS13, peer, ours), is(RSA_PSS_RSAE_SHA256));
    }

    @Test
    void choosesAnyHashEcdsaSchemeForAP384KeyOnlyInTls12() throws TlsAlertException {
        List<SignatureScheme> ours = List.of(ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384);
        List<SignatureScheme> peer = List.of(new SignatureScheme(0x0a0a), ECDSA_SECP256R1_SHA256);

        assertThat(CertificateKeyScheme.choose(key(KeyType.EC_P384), TLS12, peer, ours), is(ECDSA_SECP256R1_SHA256));
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> CertificateKeyScheme.choose(key(KeyType.EC_P384), TLS13, peer, ours));
        assertThat(e.alert(), is(AlertDescription.HANDSHAKE_FAILURE));
        assertThat(e.getMessage(), containsString("EC secp384r1"));
    }

    @Test
    void failsWithHandshakeFailureWhenThePeerOffersNothingTheKeyCanUse() {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> CertificateKeyScheme.choose(
                key(KeyType.ED25519), TLS13, List.of(ECDSA_SECP256R1_SHA256, RSA_PSS_RSAE_SHA256), List.of(ED25519, ED448)));

        assertThat(e.alert(), is(AlertDescription.HANDSHAKE_FAILURE));
    }

    @Test
    void failsWithHandshakeFailureWhenWeDoNotEnableTheOnlyCommonScheme() {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> CertificateKeyScheme.choose(
                key(KeyType.ED448), TLS13, List.of(ED448), List.of(ED25519)));

        assertThat(e.alert(), is(AlertDescription.HANDSHAKE_FAILURE));
    }

    @Test
    void rejectsVersionsOtherThanTls12And13() {
        assertThrows(IllegalArgumentException.class,
                () -> CertificateKeyScheme.permits(key(KeyType.EC_P256), ECDSA_SECP256R1_SHA256, ProtocolVersion.TLS1_1));
    }

    // --- checking the peer's scheme ---

    @Test
    void acceptsPeerSchemeThatWeOfferedAndItsKeyPermits() throws TlsAlertException {
        CertificateKeyScheme.checkPeerScheme(key(KeyType.EC_P256), TLS13, ECDSA_SECP256R1_SHA256,
                List.of(ED25519, ECDSA_SECP256R1_SHA256));
    }

    @Test
    void rejectsPeerSchemeWeDidNotOfferWithIllegalParameter() {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> CertificateKeyScheme.checkPeerScheme(
                key(KeyType.RSA_2048), TLS13, RSA_PSS_RSAE_SHA512, List.of(RSA_PSS_RSAE_SHA256)));

        assertThat(e.alert(), is(AlertDescription.ILLEGAL_PARAMETER));
        assertThat(e.getMessage(), containsString("did not offer"));
    }

    @Test
    void rejectsPeerRsaPkcs1SignatureInTls13WithIllegalParameter() {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> CertificateKeyScheme.checkPeerScheme(
                key(KeyType.RSA_2048), TLS13, RSA_PKCS1_SHA256, List.of(RSA_PKCS1_SHA256)));

        assertThat(e.alert(), is(AlertDescription.ILLEGAL_PARAMETER));
        assertThat(e.getMessage(), containsString("RFC 8446 §4.4.3"));
    }

    @Test
    void rejectsPeerSchemeForAnotherCurveInTls13ButNotInTls12() throws TlsAlertException {
        List<SignatureScheme> offered = List.of(ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384);

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> CertificateKeyScheme.checkPeerScheme(
                key(KeyType.EC_P256), TLS13, ECDSA_SECP384R1_SHA384, offered));
        assertThat(e.alert(), is(AlertDescription.ILLEGAL_PARAMETER));
        CertificateKeyScheme.checkPeerScheme(key(KeyType.EC_P256), TLS12, ECDSA_SECP384R1_SHA384, offered);
    }

    @Test
    void rejectsPeerSchemeOfTheWrongKeyFamilyWithIllegalParameter() {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> CertificateKeyScheme.checkPeerScheme(
                key(KeyType.RSA_PSS_2048), TLS12, RSA_PSS_RSAE_SHA256, List.of(RSA_PSS_RSAE_SHA256)));

        assertThat(e.alert(), is(AlertDescription.ILLEGAL_PARAMETER));
    }
}
