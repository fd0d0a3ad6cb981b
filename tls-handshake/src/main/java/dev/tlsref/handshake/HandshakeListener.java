package dev.tlsref.handshake;

import dev.tlsref.core.message.HandshakeMessage;

/**
 * Watches a handshake as it runs: every handshake message sent and received with its decoded
 * fields, every secret derived, and the outcome. Used for tracing ({@code tlsref demo}),
 * SSLKEYLOGFILE output and tests. Every method has an empty default; a listener must not
 * throw.
 */
public interface HandshakeListener {

    /** A listener that ignores everything. */
    HandshakeListener NONE = new HandshakeListener() {};

    /** Which side this connection is. */
    enum Side { CLIENT, SERVER }

    /** A handshake message this side sent. */
    default void messageSent(HandshakeMessage message, byte[] encoded) {}

    /** A handshake message this side received, after it was decoded and before it is processed. */
    default void messageReceived(HandshakeMessage message, byte[] encoded) {}

    /**
     * A secret was derived. {@code label} is the NSS key log label (e.g.
     * {@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}, {@code CLIENT_RANDOM} for the TLS 1.2 master
     * secret); {@code clientRandom} identifies the connection.
     */
    default void secretDerived(String label, byte[] clientRandom, byte[] secret) {}

    /**
     * A step of the handshake happened that no single message shows: e.g. "server
     * certificate chain validated to CN=Test CA", "CertificateVerify signature verified
     * (rsa_pss_rsae_sha256)", "server Finished verified".
     */
    default void note(String step) {}

    /** The handshake completed with these parameters. */
    default void handshakeComplete(NegotiatedParameters parameters) {}
}
