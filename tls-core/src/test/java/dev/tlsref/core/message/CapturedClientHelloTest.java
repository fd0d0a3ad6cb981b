package dev.tlsref.core.message;

import static dev.tlsref.core.message.TestVectors.RFC8448_CONTEXT;
import static dev.tlsref.core.message.TestVectors.captured;
import static dev.tlsref.core.message.TestVectors.hex;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ClientHellos captured from OpenSSL 3.0 and the JDK 17 client decode and re-encode exactly. */
class CapturedClientHelloTest {

    @ParameterizedTest
    @ValueSource(strings = {"openssl-3.0-tls1_3-client-hello", "openssl-3.0-tls1_2-client-hello",
            "jdk-17-client-hello"})
    void decodesAndReencodesExactly(String name) throws TlsAlertException {
        byte[] message = captured(name);
        HandshakeMessage decoded = HandshakeMessages.decode(message, RFC8448_CONTEXT);
        assertThat(decoded instanceof ClientHello, is(true));
        assertThat(hex(decoded.encode()), is(hex(message)));
        ClientHello hello = (ClientHello) decoded;
        assertThat(hello.legacyVersion(), is(ProtocolVersion.TLS1_2));
        assertThat(hex(hello.legacyCompressionMethods()), is("00"));
        assertThat(hello.extensions().contains(ExtensionType.SUPPORTED_GROUPS), is(true));
    }

    @Test
    void openSslTls13HelloOffersTls13SuitesAndVersion() throws TlsAlertException {
        ClientHello hello = decode("openssl-3.0-tls1_3-client-hello");
        assertThat(hello.cipherSuites(), hasItem(CipherSuite.TLS_AES_128_GCM_SHA256));
        assertThat(hello.extensions().contains(ExtensionType.SUPPORTED_VERSIONS), is(true));
        assertThat(hello.extensions().contains(ExtensionType.KEY_SHARE), is(true));
        // Middlebox compatibility mode (RFC 8446 §D.4): a fake 32-byte session id.
        assertThat(hello.legacySessionId().length, is(32));
    }

    @Test
    void openSslTls12HelloOffersNoTls13() throws TlsAlertException {
        ClientHello hello = decode("openssl-3.0-tls1_2-client-hello");
        assertThat(hello.cipherSuites(), not(hasItem(CipherSuite.TLS_AES_128_GCM_SHA256)));
        assertThat(hello.cipherSuites(), hasItem(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384));
        assertThat(hello.cipherSuites(), hasItem(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV));
        assertThat(hello.extensions().contains(ExtensionType.SUPPORTED_VERSIONS), is(false));
        assertThat(hello.legacySessionId().length, is(0));
    }

    @Test
    void jdkHelloOffersBothVersionsWithA32ByteSessionId() throws TlsAlertException {
        ClientHello hello = decode("jdk-17-client-hello");
        assertThat(hello.legacySessionId().length, is(32));
        assertThat(hello.cipherSuites(), hasItem(CipherSuite.TLS_AES_128_GCM_SHA256));
        assertThat(hello.cipherSuites(), hasItem(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256));
        assertThat(hello.extensions().contains(ExtensionType.SUPPORTED_VERSIONS), is(true));
        assertThat(hello.extensions().contains(ExtensionType.KEY_SHARE), is(true));
        // The JDK sends no server_name for a host name without a dot, such as "localhost".
        assertThat(hello.extensions().contains(ExtensionType.SERVER_NAME), is(false));
    }

    private static ClientHello decode(String name) throws TlsAlertException {
        byte[] message = captured(name);
        return ClientHello.decode(java.util.Arrays.copyOfRange(message, 4, message.length));
    }
}
