package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;

/**
 * cookie (RFC 8446 §4.2.2): state the server sends in a HelloRetryRequest and the client
 * echoes in its second ClientHello.
 * <pre>
 * struct { opaque cookie&lt;1..2^16-1&gt;; } Cookie;
 * </pre>
 *
 * @param cookie the cookie
 */
public record Cookie(byte[] cookie) implements Extension {

    /** Checks the length and copies the bytes. */
    public Cookie {
        if (cookie.length < 1 || cookie.length > 0xffff) {
            throw new IllegalArgumentException("cookie of " + cookie.length + " bytes; must be 1..65535");
        }
        cookie = cookie.clone();
    }

    @Override
    public byte[] cookie() {
        return cookie.clone();
    }

    static Cookie decode(TlsReader in) throws TlsAlertException {
        return new Cookie(in.readOpaque16(1, 0xffff));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.COOKIE;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeOpaque16(cookie);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cookie other && Arrays.equals(cookie, other.cookie);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cookie);
    }

    @Override
    public String toString() {
        return type().name() + "(" + cookie.length + " bytes)";
    }
}
