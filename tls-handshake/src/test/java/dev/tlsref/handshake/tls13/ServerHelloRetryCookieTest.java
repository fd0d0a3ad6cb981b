package dev.tlsref.handshake.tls13;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.extension.Cookie;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.KeyType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The server's HelloRetryRequest cookie (RFC 8446 §4.2.2): minted, opened, echoed, enforced. */
class ServerHelloRetryCookieTest {
    private static final TestPki PKI = new TestPki();
    private static final TestPki.Issued ROOT = PKI.root("cookie root", KeyType.EC_P256);
    private static final TestPki.Issued LEAF = PKI.leaf("localhost").dnsNames("localhost").issuedBy(ROOT).build();
    private static final byte[] KEY = new byte[32];
    private static final byte[] HASH = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
        Arrays.fill(HASH, (byte) 0x5a);
    }

    private static ServerHelloRetryCookie cookies(byte[] key) {
        return new ServerHelloRetryCookie(CryptoProviders.jca(), key);
    }

    @Test
    void opensTheCookieItMintedToWhatItBinds() {
        byte[] cookie = cookies(KEY).mint(CipherSuite.TLS_AES_256_GCM_SHA384, NamedGroup.SECP384R1, HASH);
        var contents = cookies(KEY).open(cookie).orElseThrow();
        assertThat(contents.suite(), equalTo(CipherSuite.TLS_AES_256_GCM_SHA384));
        assertThat(contents.group(), equalTo(NamedGroup.SECP384R1));
        assertThat(contents.clientHelloHash(), equalTo(HASH));
    }

    @Test
    void rejectsACookieWithAnyByteChanged() {
        byte[] cookie = cookies(KEY).mint(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.X25519, HASH);
        for (int i = 0; i < cookie.length; i++) {
            byte[] tampered = cookie.clone();
            tampered[i] ^= 0x01;
            assertThat("byte " + i, cookies(KEY).open(tampered), equalTo(Optional.empty()));
        }
    }

    @Test
    void rejectsTruncatedExtendedAndForeignCookies() {
        byte[] cookie = cookies(KEY).mint(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.X25519, HASH);
        for (int length = 0; length < cookie.length; length++) {
            assertThat(cookies(KEY).open(Arrays.copyOf(cookie, length)), equalTo(Optional.empty()));
        }
        assertThat(cookies(KEY).open(Arrays.copyOf(cookie, cookie.length + 1)), equalTo(Optional.empty()));
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThat(cookies(otherKey).open(cookie), equalTo(Optional.empty()));
    }

    // ------------------------------------------------------------ through TlsConnection

    private static TlsConfig.Builder server(Tls13ServerTestSupport.Recorder recorder) {
        return TlsConfig.builder()
                .versions(List.of(ProtocolVersion.TLS1_3))
                .groups(List.of(NamedGroup.SECP256R1, NamedGroup.X25519))
                .certifiedKey(new CertifiedKey(List.of(LEAF.certificate()), LEAF.privateKey()))
                .listener(recorder);
    }

    /** Offers x25519 first with one share: a server preferring secp256r1 asks again. */
    private static TlsConfig.Builder client(Tls13ServerTestSupport.Recorder recorder) {
        return TlsConfig.builder()
                .groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
                .keyShareGroups(List.of(NamedGroup.X25519))
                .trustAnchors(List.of(ROOT.certificate()))
                .listener(recorder);
    }

    private static <T extends HandshakeMessage> List<T> all(List<HandshakeMessage> messages, Class<T> type) {
        return messages.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void clientEchoesTheServersCookieAndTheHandshakeCompletes() {
        var serverSaw = new Tls13ServerTestSupport.Recorder();
        var clientSaw = new Tls13ServerTestSupport.Recorder();
        TlsConfig serverConfig = server(serverSaw).build();
        WirePair pair = new WirePair(client(clientSaw).build(), "localhost", serverConfig);
        assertThat(pair.run(), nullValue());
        assertThat(pair.server.isHandshakeComplete(), is(true));
        assertThat(pair.client.isHandshakeComplete(), is(true));
        assertThat(pair.server.parameters().orElseThrow().group(), equalTo(Optional.of(NamedGroup.SECP256R1)));

        ServerHello retry = all(clientSaw.received, ServerHello.class).get(0);
        assertThat(retry.isHelloRetryRequest(), is(true));
        byte[] sent = retry.extensions().find(Cookie.class).orElseThrow().cookie();
        List<ClientHello> hellos = all(serverSaw.received, ClientHello.class);
        assertThat(hellos.size(), equalTo(2));
        assertThat(hellos.get(0).extensions().find(Cookie.class), equalTo(Optional.empty()));
        assertThat(hellos.get(1).extensions().find(Cookie.class).orElseThrow().cookie(), equalTo(sent));
        var bound = cookies(serverConfig.helloRetryCookieKey()).open(sent).orElseThrow();
        assertThat(bound.group(), equalTo(NamedGroup.SECP256R1));
        assertThat(bound.suite(), equalTo(pair.server.parameters().orElseThrow().cipherSuite()));
    }

    @Test
    void eachConfigHasItsOwnKeySharedWithItsCopies() {
        TlsConfig a = TlsConfig.builder().build();
        TlsConfig b = TlsConfig.builder().build();
        assertThat(a.helloRetryCookieKey().length, equalTo(32));
        assertThat(a.helloRetryCookieKey(), not(equalTo(b.helloRetryCookieKey())));
        assertThat(a.toBuilder().build().helloRetryCookieKey(), equalTo(a.helloRetryCookieKey()));
    }

    /** Rewrites the cookie of the client's second ClientHello. */
    private static UnaryOperator<HandshakeMessage> secondHelloCookie(UnaryOperator<byte[]> change) {
        return m -> {
            if (!(m instanceof ClientHello hello) || hello.extensions().find(Cookie.class).isEmpty()) {
                return m;
            }
            List<Extension> extensions = new ArrayList<>();
            for (Extension e : hello.extensions()) {
                if (e instanceof Cookie c) {
                    byte[] changed = change.apply(c.cookie());
                    if (changed != null) {
                        extensions.add(new Cookie(changed));
                    }
                } else {
                    extensions.add(e);
                }
            }
            return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                    hello.cipherSuites(), hello.legacyCompressionMethods(), Optional.of(Extensions.of(extensions)));
        };
    }

    private static WirePair.Failure runWithSecondHelloCookie(UnaryOperator<byte[]> change) {
        TlsConfig clientConfig = client(new Tls13ServerTestSupport.Recorder())
                .outgoingMessageRewriterForTesting(secondHelloCookie(change)).build();
        WirePair.Failure failure = new WirePair(clientConfig, "localhost",
                server(new Tls13ServerTestSupport.Recorder()).build()).run();
        assertThat(failure, notNullValue());
        assertThat(failure.byClient(), is(false));
        assertThat(failure.failed().failure().isPresent(), is(true));
        return failure;
    }

    @Test
    void refusesATamperedCookieWithIllegalParameter() {
        WirePair.Failure failure = runWithSecondHelloCookie(c -> {
            byte[] t = c.clone();
            t[t.length - 1] ^= 0x40;
            return t;
        });
        assertThat(failure.exception().alert(), equalTo(AlertDescription.ILLEGAL_PARAMETER));
        assertThat(failure.lastRecordType(), equalTo(WirePair.CONTENT_ALERT));
        assertThat(failure.alertOnTheWire(), equalTo(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void refusesAnotherValidCookieOfTheSameServer() {
        // A cookie the server's own key minted, for another ClientHello: still not the one it sent.
        TlsConfig serverConfig = server(new Tls13ServerTestSupport.Recorder()).build();
        byte[] foreign = cookies(serverConfig.helloRetryCookieKey())
                .mint(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.SECP256R1, HASH);
        TlsConfig clientConfig = client(new Tls13ServerTestSupport.Recorder())
                .outgoingMessageRewriterForTesting(secondHelloCookie(c -> foreign)).build();
        WirePair.Failure failure = new WirePair(clientConfig, "localhost", serverConfig).run();
        assertThat(failure.byClient(), is(false));
        assertThat(failure.alertOnTheWire(), equalTo(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void refusesASecondClientHelloWithoutTheCookieWithMissingExtension() {
        WirePair.Failure failure = runWithSecondHelloCookie(c -> null);
        assertThat(failure.exception().alert(), equalTo(AlertDescription.MISSING_EXTENSION));
        assertThat(failure.alertOnTheWire(), equalTo(AlertDescription.MISSING_EXTENSION));
    }
}
