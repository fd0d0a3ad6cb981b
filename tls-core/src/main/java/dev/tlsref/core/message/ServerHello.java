package dev.tlsref.core.message;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import dev.tlsref.core.extension.ExtensionContext;
import dev.tlsref.core.extension.Extensions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * ServerHello, and HelloRetryRequest which shares its structure (RFC 8446 §4.1.3, §4.1.4;
 * RFC 5246 §7.4.1.3).
 * <pre>
 * struct {
 *     ProtocolVersion legacy_version = 0x0303;
 *     Random random;                                   opaque[32]
 *     opaque legacy_session_id_echo&lt;0..32&gt;;
 *     CipherSuite cipher_suite;
 *     uint8 legacy_compression_method = 0;
 *     Extension extensions&lt;6..2^16-1&gt;;                  may be absent in TLS 1.2
 * } ServerHello;
 * </pre>
 * A HelloRetryRequest is a ServerHello whose random is {@link #helloRetryRequestRandom()}
 * (§4.1.3); its extensions are decoded with {@link ExtensionContext#HELLO_RETRY_REQUEST}.
 *
 * <p>legacy_compression_method: RFC 8446 §4.1.3 says it MUST be 0, and tlsref never offers
 * compression in TLS 1.2 either, so any other value is a field "incorrectly set"
 * (§6.2): {@code illegal_parameter}. The record therefore has no compression component.
 *
 * @param legacyVersion the legacy_version field (0x0303 from TLS 1.3 servers)
 * @param random the 32-byte server random
 * @param legacySessionIdEcho the legacy_session_id_echo, 0 to 32 bytes
 * @param cipherSuite the selected suite
 * @param extensionBlock the extensions, or empty if the message has no extension block (TLS 1.2)
 */
public record ServerHello(ProtocolVersion legacyVersion, byte[] random, byte[] legacySessionIdEcho,
        CipherSuite cipherSuite, Optional<Extensions> extensionBlock) implements HandshakeMessage {

    /** RFC 8446 §4.1.3: SHA-256("HelloRetryRequest"). */
    private static final byte[] HELLO_RETRY_REQUEST_RANDOM = HexFormat.of().parseHex(
            "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    /**
     * The TLS 1.3 downgrade protection sentinels (RFC 8446 §4.1.3): a TLS 1.3 server that
     * negotiates an older version puts one in the last 8 bytes of its random, and a TLS 1.3
     * client that sees one aborts with illegal_parameter.
     */
    public enum DowngradeSentinel {
        /** "DOWNGRD" 01: the server negotiated TLS 1.2. */
        TLS12("444f574e47524401"),
        /** "DOWNGRD" 00: the server negotiated TLS 1.1 or below. */
        TLS11("444f574e47524400");

        /** The sentinel is the last 8 bytes of ServerHello.random. */
        public static final int LENGTH = 8;

        private final byte[] bytes;

        DowngradeSentinel(String hex) {
            this.bytes = HexFormat.of().parseHex(hex);
        }

        /** The 8 sentinel bytes. */
        public byte[] bytes() {
            return bytes.clone();
        }

        /** A copy of a 32-byte random with its last 8 bytes replaced by this sentinel. */
        public byte[] applyTo(byte[] random) {
            if (random.length != RANDOM_LENGTH) {
                throw new IllegalArgumentException("random must be 32 bytes, not " + random.length);
            }
            byte[] stamped = random.clone();
            System.arraycopy(bytes, 0, stamped, RANDOM_LENGTH - LENGTH, LENGTH);
            return stamped;
        }

        /** The sentinel in the last 8 bytes of {@code random}, if there is one. */
        public static Optional<DowngradeSentinel> find(byte[] random) {
            if (random.length < LENGTH) {
                return Optional.empty();
            }
            for (DowngradeSentinel s : values()) {
                if (Arrays.equals(random, random.length - LENGTH, random.length, s.bytes, 0, LENGTH)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** RFC 8446 §4.1.3: the random is 32 bytes. */
    public static final int RANDOM_LENGTH = 32;

    /** Checks every field against its bounds and copies the arrays. */
    public ServerHello {
        Objects.requireNonNull(legacyVersion, "legacyVersion");
        random = Fields.copy(random, RANDOM_LENGTH, RANDOM_LENGTH, "random");
        legacySessionIdEcho = Fields.copy(legacySessionIdEcho, 0, ClientHello.MAX_SESSION_ID_LENGTH,
                "legacy_session_id_echo");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(extensionBlock, "extensionBlock");
    }

    /** A ServerHello with legacy_version 0x0303 and an extension block (RFC 8446 §4.1.3). */
    public ServerHello(byte[] random, byte[] legacySessionIdEcho, CipherSuite cipherSuite, Extensions extensions) {
        this(ProtocolVersion.TLS1_2, random, legacySessionIdEcho, cipherSuite, Optional.of(extensions));
    }

    /** A HelloRetryRequest (RFC 8446 §4.1.4): a ServerHello with the special random. */
    public static ServerHello helloRetryRequest(byte[] legacySessionIdEcho, CipherSuite cipherSuite,
            Extensions extensions) {
        return new ServerHello(HELLO_RETRY_REQUEST_RANDOM, legacySessionIdEcho, cipherSuite, extensions);
    }

    /** The random that marks a HelloRetryRequest: SHA-256("HelloRetryRequest") (RFC 8446 §4.1.3). */
    public static byte[] helloRetryRequestRandom() {
        return HELLO_RETRY_REQUEST_RANDOM.clone();
    }

    /**
     * Decodes a ServerHello or HelloRetryRequest body.
     *
     * @throws TlsAlertException decode_error for anything malformed, illegal_parameter for a
     *     compression method other than 0 (RFC 8446 §4.1.3), or what the extension block reports
     */
    public static ServerHello decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        ProtocolVersion legacyVersion = new ProtocolVersion(in.readUint16());
        byte[] random = in.readBytes(RANDOM_LENGTH);
        byte[] sessionIdEcho = in.readOpaque8(0, ClientHello.MAX_SESSION_ID_LENGTH);
        CipherSuite suite = new CipherSuite(in.readUint16());
        int compression = in.readUint8();
        if (compression != 0) {
            // RFC 8446 §4.1.3: legacy_compression_method MUST be 0; tlsref offers no other in TLS 1.2.
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "server selected compression method " + compression + "; only null (0) is allowed");
        }
        ExtensionContext context = Arrays.equals(random, HELLO_RETRY_REQUEST_RANDOM)
                ? ExtensionContext.HELLO_RETRY_REQUEST
                : ExtensionContext.SERVER_HELLO;
        // RFC 5246 §7.4.1.3: a TLS 1.2 ServerHello may end here, without an extension block.
        Optional<Extensions> extensions = in.hasRemaining()
                ? Optional.of(Extensions.decode(in, context))
                : Optional.empty();
        in.expectEnd(context == ExtensionContext.HELLO_RETRY_REQUEST ? "HelloRetryRequest" : "ServerHello");
        return new ServerHello(legacyVersion, random, sessionIdEcho, suite, extensions);
    }

    /** True if this is a HelloRetryRequest (RFC 8446 §4.1.3). */
    public boolean isHelloRetryRequest() {
        return Arrays.equals(random, HELLO_RETRY_REQUEST_RANDOM);
    }

    /** The downgrade sentinel in the random, if any (RFC 8446 §4.1.3). */
    public Optional<DowngradeSentinel> downgradeSentinel() {
        return DowngradeSentinel.find(random);
    }

    /** The extensions; {@link Extensions#EMPTY} if the block is absent. */
    public Extensions extensions() {
        return extensionBlock.orElse(Extensions.EMPTY);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeUint16(legacyVersion.code());
        out.writeBytes(random);
        out.writeOpaque8(legacySessionIdEcho);
        out.writeUint16(cipherSuite.code());
        out.writeUint8(0); // legacy_compression_method
        extensionBlock.ifPresent(e -> e.encode(out));
    }

    @Override
    public byte[] random() {
        return random.clone();
    }

    @Override
    public byte[] legacySessionIdEcho() {
        return legacySessionIdEcho.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerHello other
                && legacyVersion.equals(other.legacyVersion)
                && Arrays.equals(random, other.random)
                && Arrays.equals(legacySessionIdEcho, other.legacySessionIdEcho)
                && cipherSuite.equals(other.cipherSuite)
                && extensionBlock.equals(other.extensionBlock);
    }

    @Override
    public int hashCode() {
        return Objects.hash(legacyVersion, Arrays.hashCode(random), Arrays.hashCode(legacySessionIdEcho),
                cipherSuite, extensionBlock);
    }

    @Override
    public String toString() {
        return (isHelloRetryRequest() ? "HelloRetryRequest" : "ServerHello")
                + "[legacy_version=" + legacyVersion
                + ", random=" + (isHelloRetryRequest() ? "(HelloRetryRequest)" : Trace.hex(random))
                + ", legacy_session_id_echo=" + Trace.hex(legacySessionIdEcho)
                + ", cipher_suite=" + cipherSuite
                + ", extensions=" + extensionBlock.map(Extensions::toString).orElse("(absent)") + "]";
    }
}
