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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ClientHello (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2).
 * <pre>
 * struct {
 *     ProtocolVersion legacy_version;
 *     Random random;                                   opaque[32]
 *     opaque legacy_session_id&lt;0..32&gt;;
 *     CipherSuite cipher_suites&lt;2..2^16-2&gt;;
 *     opaque legacy_compression_methods&lt;1..2^8-1&gt;;
 *     Extension extensions&lt;8..2^16-1&gt;;                  absent, or &lt;0..2^16-1&gt;, in TLS 1.2
 * } ClientHello;
 * </pre>
 * A TLS 1.2 ClientHello may end after the compression methods (RFC 5246 §7.4.1.2: "the
 * presence of extensions can be detected by determining whether there are bytes following
 * the compression_methods"); {@link #extensionBlock()} is then empty, which re-encodes
 * differently from an empty block. Whether the fields suit the negotiated version (TLS 1.3:
 * legacy_version 0x0303 and the single compression method 0, §4.1.2) is checked by the
 * handshake, which knows the version; this type only checks the syntax.
 *
 * @param legacyVersion the legacy_version field (0x0303 from TLS 1.3 clients)
 * @param random the 32-byte client random
 * @param legacySessionId the legacy_session_id, 0 to 32 bytes
 * @param cipherSuites the offered suites, in preference order, including unknown and GREASE ones
 * @param legacyCompressionMethods the compression methods, 1 to 255 bytes
 * @param extensionBlock the extensions, or empty if the message has no extension block at all
 */
public record ClientHello(ProtocolVersion legacyVersion, byte[] random, byte[] legacySessionId,
        List<CipherSuite> cipherSuites, byte[] legacyCompressionMethods, Optional<Extensions> extensionBlock)
        implements HandshakeMessage {

    /** RFC 8446 §4.1.2, RFC 5246 §7.4.1.2: the random is 32 bytes. */
    public static final int RANDOM_LENGTH = 32;
    /** RFC 8446 §4.1.2: legacy_session_id&lt;0..32&gt;. */
    public static final int MAX_SESSION_ID_LENGTH = 32;

    /** Checks every field against its bounds and copies the arrays and list. */
    public ClientHello {
        Objects.requireNonNull(legacyVersion, "legacyVersion");
        random = Fields.copy(random, RANDOM_LENGTH, RANDOM_LENGTH, "random");
        legacySessionId = Fields.copy(legacySessionId, 0, MAX_SESSION_ID_LENGTH, "legacy_session_id");
        cipherSuites = List.copyOf(cipherSuites);
        if (cipherSuites.isEmpty() || cipherSuites.size() > 0x7fff) {
            throw new IllegalArgumentException("cipher_suites must hold 1 to 32767 suites, not " + cipherSuites.size());
        }
        legacyCompressionMethods = Fields.copy(legacyCompressionMethods, 1, 0xff, "legacy_compression_methods");
        Objects.requireNonNull(extensionBlock, "extensionBlock");
    }

    /**
     * The usual ClientHello: legacy_version 0x0303, the null compression method only, and an
     * extension block (RFC 8446 §4.1.2).
     */
    public ClientHello(byte[] random, byte[] legacySessionId, List<CipherSuite> cipherSuites, Extensions extensions) {
        this(ProtocolVersion.TLS1_2, random, legacySessionId, cipherSuites, new byte[] {0}, Optional.of(extensions));
    }

    /**
     * Decodes a ClientHello body.
     *
     * @throws TlsAlertException decode_error for anything malformed (RFC 8446 §6.2), or what
     *     the extension block reports
     */
    public static ClientHello decode(byte[] body) throws TlsAlertException {
        TlsReader in = TlsReader.of(body);
        ProtocolVersion legacyVersion = new ProtocolVersion(in.readUint16());
        byte[] random = in.readBytes(RANDOM_LENGTH);
        byte[] sessionId = in.readOpaque8(0, MAX_SESSION_ID_LENGTH);
        TlsReader suites = in.readVector16(2, 0xfffe);
        if (suites.remaining() % 2 != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "cipher_suites length " + suites.remaining() + " is odd");
        }
        List<CipherSuite> cipherSuites = new ArrayList<>(suites.remaining() / 2);
        while (suites.hasRemaining()) {
            cipherSuites.add(new CipherSuite(suites.readUint16()));
        }
        byte[] compressionMethods = in.readOpaque8(1, 0xff);
        // RFC 5246 §7.4.1.2: no bytes after the compression methods means no extensions.
        Optional<Extensions> extensions = in.hasRemaining()
                ? Optional.of(Extensions.decode(in, ExtensionContext.CLIENT_HELLO))
                : Optional.empty();
        in.expectEnd("ClientHello");
        return new ClientHello(legacyVersion, random, sessionId, cipherSuites, compressionMethods, extensions);
    }

    /**
     * The ClientHello as hashed for PSK binders (RFC 8446 §4.2.11.2): the encoded message up
     * to, and not including, the binders list. pre_shared_key must be the last extension
     * (§4.2.11) and {@code binders} is the last field of its OfferedPsks, so the binders list
     * is the last thing in the message and the truncation is a plain prefix.
     *
     * @param encodedMessage the whole ClientHello, header included, as {@link #encode()} gives it
     * @param bindersLength the length of the binders list on the wire including its two-byte
     *     length prefix: {@code 2 + sum(1 + binder.length)}
     * @return a copy of the first {@code encodedMessage.length - bindersLength} bytes
     * @throws IllegalArgumentException if the message is not a ClientHello or is too short
     */
    public static byte[] truncateForBinders(byte[] encodedMessage, int bindersLength) {
        if (encodedMessage.length < 4 || encodedMessage[0] != HandshakeType.CLIENT_HELLO.code()) {
            throw new IllegalArgumentException("not an encoded ClientHello");
        }
        // The smallest binders list is 2 + 1 + 32 bytes (one SHA-256 binder), at least 3 bytes.
        if (bindersLength < 3 || bindersLength > encodedMessage.length - 4) {
            throw new IllegalArgumentException("binders length " + bindersLength + " does not fit a "
                    + encodedMessage.length + "-byte ClientHello");
        }
        return Arrays.copyOf(encodedMessage, encodedMessage.length - bindersLength);
    }

    /** The extensions; {@link Extensions#EMPTY} if the block is absent. */
    public Extensions extensions() {
        return extensionBlock.orElse(Extensions.EMPTY);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_HELLO;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeUint16(legacyVersion.code());
        out.writeBytes(random);
        out.writeOpaque8(legacySessionId);
        out.writeVector16(suites -> cipherSuites.forEach(s -> suites.writeUint16(s.code())));
        out.writeOpaque8(legacyCompressionMethods);
        extensionBlock.ifPresent(e -> e.encode(out));
    }

    @Override
    public byte[] random() {
        return random.clone();
    }

    @Override
    public byte[] legacySessionId() {
        return legacySessionId.clone();
    }

    @Override
    public byte[] legacyCompressionMethods() {
        return legacyCompressionMethods.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientHello other
                && legacyVersion.equals(other.legacyVersion)
                && Arrays.equals(random, other.random)
                && Arrays.equals(legacySessionId, other.legacySessionId)
                && cipherSuites.equals(other.cipherSuites)
                && Arrays.equals(legacyCompressionMethods, other.legacyCompressionMethods)
                && extensionBlock.equals(other.extensionBlock);
    }

    @Override
    public int hashCode() {
        return Objects.hash(legacyVersion, Arrays.hashCode(random), Arrays.hashCode(legacySessionId), cipherSuites,
                Arrays.hashCode(legacyCompressionMethods), extensionBlock);
    }

    @Override
    public String toString() {
        return "ClientHello[legacy_version=" + legacyVersion
                + ", random=" + Trace.hex(random)
                + ", legacy_session_id=" + Trace.hex(legacySessionId)
                + ", cipher_suites=" + cipherSuites
                + ", legacy_compression_methods=" + Trace.hex(legacyCompressionMethods)
                + ", extensions=" + extensionBlock.map(Extensions::toString).orElse("(absent)") + "]";
    }
}
