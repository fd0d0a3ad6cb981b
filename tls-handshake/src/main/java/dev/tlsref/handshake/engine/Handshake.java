package dev.tlsref.handshake.engine;

import dev.tlsref.core.TlsAlertException;

/**
 * One side of one protocol version's handshake, driven by its connection: {@link #start} once,
 * then every complete handshake message received, in order, including post-handshake ones
 * (TLS 1.3 NewSessionTicket and KeyUpdate).
 */
public interface Handshake {

    /** Begins: a client sends its ClientHello; a server waits. */
    void start() throws TlsAlertException;

    /**
     * Processes one complete handshake message, its 4-byte header included.
     *
     * @throws TlsAlertException with the alert to send, if the message breaks the protocol
     */
    void handleMessage(byte[] message) throws TlsAlertException;

    /** A change_cipher_spec record arrived that the record layer delivered (TLS 1.2 only). */
    default void handleChangeCipherSpec() throws TlsAlertException {
        throw new TlsAlertException(dev.tlsref.core.AlertDescription.UNEXPECTED_MESSAGE,
                "change_cipher_spec is not expected now");
    }

    /**
     * {@code length} bytes of application data arrived before the handshake completed: 0-RTT
     * data, acceptable only to a TLS 1.3 server that accepted early data and is waiting for
     * EndOfEarlyData (RFC 8446 §4.2.10); by default unexpected_message.
     */
    default void handleEarlyData(int length) throws TlsAlertException {
        throw new TlsAlertException(dev.tlsref.core.AlertDescription.UNEXPECTED_MESSAGE,
                "application data received before the handshake completed");
    }

    /** True if 0-RTT data was offered and accepted in this handshake (RFC 8446 §4.2.10). */
    default boolean earlyDataAccepted() {
        return false;
    }

    /** True once the handshake is complete. */
    boolean isComplete();

    /**
     * Updates our write keys, and asks the peer to update theirs if {@code requestPeer}
     * (TLS 1.3 KeyUpdate, RFC 8446 §4.6.3).
     *
     * @throws IllegalStateException if the handshake is not complete or the version has no key update
     */
    void updateKeys(boolean requestPeer) throws TlsAlertException;

    /**
     * Keying material exported from the session (RFC 8446 §7.5, RFC 5705).
     *
     * @throws IllegalStateException if the handshake is not complete
     */
    byte[] exportKeyingMaterial(String label, byte[] context, int length);
}
