package dev.tlsref.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.SignatureAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodePointTest {

    /** RFC 8701 §2: 0x0A0A, 0x1A1A, ..., 0xFAFA. */
    private static List<Integer> greaseValues() {
        List<Integer> values = new ArrayList<>();
        for (int nibble = 0; nibble < 16; nibble++) {
            int b = (nibble << 4) | 0x0a;
            values.add((b << 8) | b);
        }
        return values;
    }

    @Test
    void greaseMatchesExactlyTheSixteenRfc8701Values() {
        List<Integer> found = new ArrayList<>();
        for (int code = 0; code <= 0xffff; code++) {
            if (Grease.isGrease(code)) {
                found.add(code);
            }
        }
        assertThat(found, is(greaseValues()));
        assertThat(found.get(0), is(0x0a0a));
        assertThat(found.get(15), is(0xfafa));
    }

    @Test
    void twoByteCodePointsNameEveryGreaseValue() {
        for (int code : greaseValues()) {
            String expected = String.format("grease(0x%04x)", code);
            assertThat(new CipherSuite(code).name(), is(expected));
            assertThat(new NamedGroup(code).name(), is(expected));
            assertThat(new SignatureScheme(code).name(), is(expected));
            assertThat(new ExtensionType(code).name(), is(expected));
            assertThat(new ProtocolVersion(code).name(), is(expected));
            assertThat(new ExtensionType(code).toString(), is(expected));
        }
    }

    @Test
    void unknownCodePointsSayUnknownWithTheirHexCode() {
        assertThat(new CipherSuite(0x1306).name(), is("unknown(0x1306)"));
        assertThat(new NamedGroup(0x0020).name(), is("unknown(0x0020)"));
        assertThat(new SignatureScheme(0x0810).name(), is("unknown(0x0810)"));
        assertThat(new ExtensionType(0xfe0d).name(), is("unknown(0xfe0d)"));
        assertThat(new ProtocolVersion(0x7f1c).name(), is("unknown(0x7f1c)"));
        assertThat(new PskKeyExchangeMode(7).name(), is("unknown(0x07)"));
        assertThat(new ContentType(24).name(), is("unknown(0x18)"));
        assertThat(new HandshakeType(3).name(), is("unknown(0x03)"));
        assertThat(new AlertDescription(255).name(), is("unknown(0xff)"));
    }

    @Test
    void knownCodePointsHaveTheirRfcNames() {
        assertThat(ContentType.HANDSHAKE.name(), is("handshake"));
        assertThat(ContentType.APPLICATION_DATA.toString(), is("application_data"));
        assertThat(ContentType.CHANGE_CIPHER_SPEC.name(), is("change_cipher_spec"));
        assertThat(ContentType.ALERT.name(), is("alert"));
        assertThat(ContentType.INVALID.name(), is("invalid"));
        assertThat(HandshakeType.CLIENT_HELLO.name(), is("client_hello"));
        assertThat(HandshakeType.ENCRYPTED_EXTENSIONS.name(), is("encrypted_extensions"));
        assertThat(HandshakeType.MESSAGE_HASH.name(), is("message_hash"));
        assertThat(HandshakeType.KEY_UPDATE.toString(), is("key_update"));
        assertThat(AlertDescription.DECODE_ERROR.name(), is("decode_error"));
        assertThat(AlertDescription.ILLEGAL_PARAMETER.toString(), is("illegal_parameter"));
        assertThat(AlertDescription.NO_APPLICATION_PROTOCOL.name(), is("no_application_protocol"));
        assertThat(ProtocolVersion.TLS1_3.name(), is("TLSv1.3"));
        assertThat(ProtocolVersion.TLS1_2.name(), is("TLSv1.2"));
        assertThat(ProtocolVersion.SSL3_0.name(), is("SSLv3"));
        assertThat(PskKeyExchangeMode.PSK_DHE_KE.name(), is("psk_dhe_ke"));
        assertThat(PskKeyExchangeMode.PSK_KE.toString(), is("psk_ke"));
        assertThat(ExtensionType.KEY_SHARE.name(), is("key_share"));
        assertThat(ExtensionType.RENEGOTIATION_INFO.name(), is("renegotiation_info"));
        assertThat(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION.name(),
                is("application_layer_protocol_negotiation"));
        assertThat(NamedGroup.X25519.name(), is("x25519"));
        assertThat(NamedGroup.X25519MLKEM768.toString(), is("X25519MLKEM768"));
        assertThat(SignatureScheme.RSA_PSS_RSAE_SHA256.name(), is("rsa_pss_rsae_sha256"));
        assertThat(SignatureScheme.ECDSA_SHA1.name(), is("ecdsa_sha1"));
        assertThat(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.name(), is("TLS_EMPTY_RENEGOTIATION_INFO_SCSV"));
        assertThat(CipherSuite.TLS_FALLBACK_SCSV.toString(), is("TLS_FALLBACK_SCSV"));
    }

    @Test
    void codePointsRejectValuesOutsideTheirField() {
        assertThrows(IllegalArgumentException.class, () -> new CipherSuite(0x10000));
        assertThrows(IllegalArgumentException.class, () -> new NamedGroup(-1));
        assertThrows(IllegalArgumentException.class, () -> new SignatureScheme(0x10000));
        assertThrows(IllegalArgumentException.class, () -> new ExtensionType(0x10000));
        assertThrows(IllegalArgumentException.class, () -> new ProtocolVersion(-1));
        assertThrows(IllegalArgumentException.class, () -> new PskKeyExchangeMode(0x100));
        assertThrows(IllegalArgumentException.class, () -> new ContentType(0x100));
        assertThrows(IllegalArgumentException.class, () -> new HandshakeType(-1));
        assertThrows(IllegalArgumentException.class, () -> new AlertDescription(0x100));
    }

    @Test
    void codePointsAreValuesComparedByCode() {
        assertThat(new NamedGroup(0x001d), is(NamedGroup.X25519));
        assertThat(new CipherSuite(0x1301), is(CipherSuite.TLS_AES_128_GCM_SHA256));
        assertThat(new ExtensionType(51).hashCode(), is(ExtensionType.KEY_SHARE.hashCode()));
    }

    @Test
    void tls13SuitesMapToTheirAeadAndHash() {
        assertSuite(CipherSuite.TLS_AES_128_GCM_SHA256, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256,
                CipherSuite.KeyExchange.TLS13, CipherSuite.Authentication.ANY);
        assertSuite(CipherSuite.TLS_AES_256_GCM_SHA384, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384,
                CipherSuite.KeyExchange.TLS13, CipherSuite.Authentication.ANY);
        assertSuite(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, AeadAlgorithm.CHACHA20_POLY1305,
                HashAlgorithm.SHA256, CipherSuite.KeyExchange.TLS13, CipherSuite.Authentication.ANY);
        assertSuite(CipherSuite.TLS_AES_128_CCM_SHA256, AeadAlgorithm.AES_128_CCM, HashAlgorithm.SHA256,
                CipherSuite.KeyExchange.TLS13, CipherSuite.Authentication.ANY);
        assertSuite(CipherSuite.TLS_AES_128_CCM_8_SHA256, AeadAlgorithm.AES_128_CCM_8, HashAlgorithm.SHA256,
                CipherSuite.KeyExchange.TLS13, CipherSuite.Authentication.ANY);
        assertThat(CipherSuite.TLS_AES_128_GCM_SHA256.isTls13(), is(true));
    }

    @Test
    void tls12SuitesMapToTheirKeyExchangeAuthenticationAeadAndHash() {
        assertSuite(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, AeadAlgorithm.AES_128_GCM,
                HashAlgorithm.SHA256, CipherSuite.KeyExchange.ECDHE, CipherSuite.Authentication.ECDSA);
        assertSuite(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, AeadAlgorithm.AES_256_GCM,
                HashAlgorithm.SHA384, CipherSuite.KeyExchange.ECDHE, CipherSuite.Authentication.ECDSA);
        assertSuite(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, AeadAlgorithm.CHACHA20_POLY1305,
                HashAlgorithm.SHA256, CipherSuite.KeyExchange.ECDHE, CipherSuite.Authentication.ECDSA);
        assertSuite(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, AeadAlgorithm.AES_128_GCM,
                HashAlgorithm.SHA256, CipherSuite.KeyExchange.ECDHE, CipherSuite.Authentication.RSA);
        assertSuite(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, AeadAlgorithm.AES_256_GCM,
                HashAlgorithm.SHA384, CipherSuite.KeyExchange.ECDHE, CipherSuite.Authentication.RSA);
        assertSuite(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, AeadAlgorithm.CHACHA20_POLY1305,
                HashAlgorithm.SHA256, CipherSuite.KeyExchange.ECDHE, CipherSuite.Authentication.RSA);
        assertSuite(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, AeadAlgorithm.AES_128_GCM,
                HashAlgorithm.SHA256, CipherSuite.KeyExchange.DHE, CipherSuite.Authentication.RSA);
        assertSuite(CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, AeadAlgorithm.AES_256_GCM,
                HashAlgorithm.SHA384, CipherSuite.KeyExchange.DHE, CipherSuite.Authentication.RSA);
        assertSuite(CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, AeadAlgorithm.CHACHA20_POLY1305,
                HashAlgorithm.SHA256, CipherSuite.KeyExchange.DHE, CipherSuite.Authentication.RSA);
        assertSuite(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, AeadAlgorithm.AES_128_GCM,
                HashAlgorithm.SHA256, CipherSuite.KeyExchange.RSA, CipherSuite.Authentication.RSA);
        assertSuite(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, AeadAlgorithm.AES_256_GCM,
                HashAlgorithm.SHA384, CipherSuite.KeyExchange.RSA, CipherSuite.Authentication.RSA);
        assertThat(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.isTls13(), is(false));
    }

    private static void assertSuite(CipherSuite suite, AeadAlgorithm aead, HashAlgorithm hash,
            CipherSuite.KeyExchange kx, CipherSuite.Authentication auth) {
        assertThat(suite.isImplemented(), is(true));
        assertThat(suite.aead(), is(aead));
        assertThat(suite.hash(), is(hash));
        assertThat(suite.keyExchange(), is(kx));
        assertThat(suite.authentication(), is(auth));
        // forName round trip
        assertThat(CipherSuite.forName(suite.name()), is(Optional.of(suite)));
    }

    @Test
    void unimplementedSuitesRefuseToDescribeThemselves() {
        for (CipherSuite suite : List.of(CipherSuite.TLS_FALLBACK_SCSV, new CipherSuite(0x0a0a),
                new CipherSuite(0x002f))) {
            assertThat(suite.isImplemented(), is(false));
            assertThat(suite.isTls13(), is(false));
            assertThrows(IllegalStateException.class, suite::aead);
            assertThrows(IllegalStateException.class, suite::hash);
            assertThrows(IllegalStateException.class, suite::keyExchange);
            assertThrows(IllegalStateException.class, suite::authentication);
        }
        assertThat(CipherSuite.forName("TLS_FALLBACK_SCSV"), is(Optional.empty()));
        assertThat(CipherSuite.forName("TLS_RSA_WITH_RC4_128_SHA"), is(Optional.empty()));
    }

    @Test
    void namedGroupsMapToKeyExchangesAndRoundTripThroughTheirNames() {
        for (NamedGroup group : List.of(NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.SECP521R1,
                NamedGroup.X25519, NamedGroup.X448, NamedGroup.FFDHE2048, NamedGroup.FFDHE3072,
                NamedGroup.FFDHE4096, NamedGroup.X25519MLKEM768)) {
            assertThat(NamedGroup.forName(group.name()), is(Optional.of(group)));
            assertThat(group.algorithm().isPresent(), is(true));
        }
        assertThat(NamedGroup.X25519.algorithm(), is(Optional.of(KeyExchangeAlgorithm.X25519)));
        assertThat(NamedGroup.X25519MLKEM768.algorithm(), is(Optional.of(KeyExchangeAlgorithm.X25519MLKEM768)));
        assertThat(NamedGroup.FFDHE2048.isFiniteField(), is(true));
        assertThat(NamedGroup.X25519.isFiniteField(), is(false));
        assertThat(new NamedGroup(0x0a0a).algorithm(), is(Optional.empty()));
        assertThat(NamedGroup.forName("secp256k1"), is(Optional.empty()));
    }

    @Test
    void signatureSchemesMapToAlgorithmsAndRoundTripThroughTheirNames() {
        for (SignatureScheme scheme : List.of(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384,
                SignatureScheme.RSA_PKCS1_SHA512, SignatureScheme.ECDSA_SECP256R1_SHA256,
                SignatureScheme.ECDSA_SECP384R1_SHA384, SignatureScheme.ECDSA_SECP521R1_SHA512,
                SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
                SignatureScheme.RSA_PSS_RSAE_SHA512, SignatureScheme.ED25519, SignatureScheme.ED448,
                SignatureScheme.RSA_PSS_PSS_SHA256, SignatureScheme.RSA_PSS_PSS_SHA384,
                SignatureScheme.RSA_PSS_PSS_SHA512)) {
            assertThat(SignatureScheme.forName(scheme.name()), is(Optional.of(scheme)));
            assertThat(scheme.algorithm().isPresent(), is(true));
        }
        assertThat(SignatureScheme.ED25519.algorithm(), is(Optional.of(SignatureAlgorithm.ED25519)));
        assertThat(SignatureScheme.RSA_PKCS1_SHA1.algorithm(), is(Optional.empty()));
        assertThat(SignatureScheme.forName("rsa_pkcs1_sha1"), is(Optional.of(SignatureScheme.RSA_PKCS1_SHA1)));
        assertThat(SignatureScheme.forName("dsa_sha256"), is(Optional.empty()));
    }

    @Test
    void alertExceptionCarriesItsAlertAndReason() {
        TlsAlertException e = new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "bad group");
        assertThat(e.alert(), is(AlertDescription.ILLEGAL_PARAMETER));
        assertThat(e.getMessage(), is("bad group"));
        assertThat(e.toString(), is("illegal_parameter: bad group"));
        Throwable cause = new IllegalStateException();
        assertThat(new TlsAlertException(AlertDescription.DECODE_ERROR, "x", cause).getCause(), is(cause));
        assertThrows(NullPointerException.class, () -> new TlsAlertException(null, "x"));
    }
}
