package dev.tlsref.handshake.engine;

import static dev.tlsref.core.AlertDescription.PROTOCOL_VERSION;
import static dev.tlsref.core.AlertDescription.UNEXPECTED_MESSAGE;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.SupportedVersionsClientHello;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.DecodeContext;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.HandshakeMessages;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.tls12.Tls12ServerHandshake;
import dev.tlsref.handshake.tls13.Tls13ServerHandshake;
import java.util.Objects;

/**
 * A server's version negotiation (RFC 8446 §4.2.1, §D.2): the first ClientHello decides which
 * state machine runs the handshake, and from then on everything goes to it.
 * <ul>
 *   <li>the client offers TLS 1.3 in supported_versions and we enable it: {@link Tls13ServerHandshake};</li>
 *   <li>else, if we enable TLS 1.2: {@link Tls12ServerHandshake}, which checks that the client
 *       offers TLS 1.2 and marks its random with the downgrade sentinel if we enable TLS 1.3
 *       (RFC 8446 §4.1.3);</li>
 *   <li>else protocol_version.</li>
 * </ul>
 */
public final class ServerHandshakeSelector implements Handshake {
    private final TlsConfig config;
    private final HandshakeChannel channel;
    private Handshake selected;

    /** A server handshake that picks its version from the first ClientHello. */
    public ServerHandshakeSelector(TlsConfig config, HandshakeChannel channel) {
        this.config = Objects.requireNonNull(config, "config");
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public void start() {
        // The server speaks second.
    }

    @Override
    public void handleMessage(byte[] message) throws TlsAlertException {
        if (selected == null) {
            selected = select(message);
            selected.start();
        }
        selected.handleMessage(message);
    }

    private Handshake select(byte[] message) throws TlsAlertException {
        HandshakeMessage decoded = HandshakeMessages.decode(message, DecodeContext.tls12(
                dev.tlsref.core.CipherSuite.KeyExchange.ECDHE));
        if (!(decoded instanceof ClientHello hello)) {
            throw new TlsAlertException(UNEXPECTED_MESSAGE, decoded.type().name() + " received while expecting "
                    + HandshakeType.CLIENT_HELLO.name());
        }
        boolean clientOffers13 = hello.extensions().find(SupportedVersionsClientHello.class)
                .map(v -> v.versions().contains(ProtocolVersion.TLS1_3)).orElse(false);
        if (clientOffers13 && config.versions().contains(ProtocolVersion.TLS1_3)) {
            return new Tls13ServerHandshake(config, channel);
        }
        if (config.versions().contains(ProtocolVersion.TLS1_2)) {
            return new Tls12ServerHandshake(config, channel);
        }
        throw new TlsAlertException(PROTOCOL_VERSION, "client does not offer TLS 1.3, the only version enabled here"
                + " (it offers " + hello.extensions().find(SupportedVersionsClientHello.class)
                        .map(v -> v.versions().toString()).orElse(hello.legacyVersion().name()) + ")");
    }

    @Override
    public void handleChangeCipherSpec() throws TlsAlertException {
        if (selected == null) {
            throw new TlsAlertException(UNEXPECTED_MESSAGE, "change_cipher_spec before the ClientHello");
        }
        selected.handleChangeCipherSpec();
    }

    @Override
    public boolean isComplete() {
        return selected != null && selected.isComplete();
    }

    @Override
    public void updateKeys(boolean requestPeer) throws TlsAlertException {
        if (selected == null) {
            throw new IllegalStateException("the handshake is not complete");
        }
        selected.updateKeys(requestPeer);
    }

    @Override
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        if (selected == null) {
            throw new IllegalStateException("the handshake is not complete");
        }
        return selected.exportKeyingMaterial(label, context, length);
    }
}
