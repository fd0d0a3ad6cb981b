package dev.tlsref.handshake.tls13;

import static dev.tlsref.core.AlertDescription.ILLEGAL_PARAMETER;
import static dev.tlsref.core.AlertDescription.MISSING_EXTENSION;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.Cookie;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.DecodeContext;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.HandshakeMessages;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.Hmac;
import dev.tlsref.handshake.TlsConfig;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * The cookie a server puts in its HelloRetryRequest (RFC 8446 §4.2.2): an HMAC-protected
 * blob that binds the hash of ClientHello1 and the cipher suite and group the server chose,
 * so that the server could check a second ClientHello against it without keeping state.
 * <pre>
 *   version(1) = 1 || cipher_suite(2) || group(2) || hash_length(1) || Hash(ClientHello1)
 *   || HMAC-SHA256(key, everything before)
 * </pre>
 * The key is per {@link dev.tlsref.handshake.TlsConfig} (its {@code helloRetryCookieKey()}),
 * random and never leaves the server. The tlsref server is stateful: it keeps ClientHello1
 * anyway, so it requires the second ClientHello to echo exactly the cookie it sent
 * ({@link #checkEchoed}); {@link #open} is the check a stateless server would make.
 */
final class ServerHelloRetryCookie {
    private static final int VERSION = 1;
    private static final int MAC_LENGTH = 32;

    /** What a cookie binds. */
    record Contents(CipherSuite suite, NamedGroup group, byte[] clientHelloHash) {}

    private final CryptoProvider crypto;
    private final byte[] key;

    /** Cookies under {@code key}, which this object now owns: {@link #destroy} zeroises it. */
    ServerHelloRetryCookie(CryptoProvider crypto, byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a cookie key has at least 32 bytes");
        }
        this.crypto = crypto;
        this.key = key;
    }

    /** The cookie extension for a HelloRetryRequest, under {@code config}'s key (whose copy is zeroised). */
    static Cookie extension(TlsConfig config, CipherSuite suite, NamedGroup group, byte[] clientHelloHash) {
        ServerHelloRetryCookie cookies = new ServerHelloRetryCookie(config.crypto(), config.helloRetryCookieKey());
        try {
            return new Cookie(cookies.mint(suite, group, clientHelloHash));
        } finally {
            cookies.destroy();
        }
    }

    /** Zeroises the key. */
    void destroy() {
        Arrays.fill(key, (byte) 0);
    }

    /** A cookie binding the choice made for a ClientHello whose transcript hash is {@code clientHelloHash}. */
    byte[] mint(CipherSuite suite, NamedGroup group, byte[] clientHelloHash) {
        if (clientHelloHash.length > 255) {
            throw new IllegalArgumentException("hash too long");
        }
        byte[] body = new byte[6 + clientHelloHash.length];
        body[0] = VERSION;
        body[1] = (byte) (suite.code() >>> 8);
        body[2] = (byte) suite.code();
        body[3] = (byte) (group.code() >>> 8);
        body[4] = (byte) group.code();
        body[5] = (byte) clientHelloHash.length;
        System.arraycopy(clientHelloHash, 0, body, 6, clientHelloHash.length);
        byte[] mac = mac(body);
        byte[] cookie = Arrays.copyOf(body, body.length + MAC_LENGTH);
        System.arraycopy(mac, 0, cookie, body.length, MAC_LENGTH);
        return cookie;
    }

    /** The contents of a cookie this key minted; empty if it is malformed or its MAC does not verify. */
    Optional<Contents> open(byte[] cookie) {
        if (cookie.length < 6 + MAC_LENGTH || cookie[0] != VERSION) {
            return Optional.empty();
        }
        int hashLength = cookie[5] & 0xff;
        if (cookie.length != 6 + hashLength + MAC_LENGTH) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(cookie, 6 + hashLength);
        byte[] mac = Arrays.copyOfRange(cookie, body.length, cookie.length);
        if (!MessageDigest.isEqual(mac(body), mac)) {
            return Optional.empty();
        }
        CipherSuite suite = new CipherSuite(((cookie[1] & 0xff) << 8) | (cookie[2] & 0xff));
        NamedGroup group = new NamedGroup(((cookie[3] & 0xff) << 8) | (cookie[4] & 0xff));
        return Optional.of(new Contents(suite, group, Arrays.copyOfRange(body, 6, body.length)));
    }

    /**
     * The cookie in a HelloRetryRequest as it went on the wire (after any test rewriting of
     * the outgoing message), if it has one.
     */
    static Optional<byte[]> sentIn(byte[] encodedRetry, HashAlgorithm hash) throws TlsAlertException {
        HandshakeMessage sent = HandshakeMessages.decode(encodedRetry, DecodeContext.tls13(hash));
        return ((ServerHello) sent).extensions().find(Cookie.class).map(Cookie::cookie);
    }

    /**
     * RFC 8446 §4.1.2: after a HelloRetryRequest with a cookie, the second ClientHello
     * includes a cookie extension with the same contents (§4.2.2).
     */
    static void checkEchoed(byte[] sent, ClientHello second) throws TlsAlertException {
        Optional<Cookie> echoed = second.extensions().find(Cookie.class);
        if (echoed.isEmpty()) {
            throw new TlsAlertException(MISSING_EXTENSION,
                    "second ClientHello has no cookie although the HelloRetryRequest sent one (RFC 8446 §4.1.2)");
        }
        if (!MessageDigest.isEqual(sent, echoed.get().cookie())) {
            throw new TlsAlertException(ILLEGAL_PARAMETER,
                    "second ClientHello's cookie is not the one the HelloRetryRequest sent (RFC 8446 §4.2.2)");
        }
    }

    private byte[] mac(byte[] body) {
        Hmac hmac = crypto.newHmac(HashAlgorithm.SHA256, key);
        hmac.update(body);
        return hmac.doFinal();
    }
}
