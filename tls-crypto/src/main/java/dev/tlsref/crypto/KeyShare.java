package dev.tlsref.crypto;

import javax.security.auth.Destroyable;

/** The initiator's side of a key exchange: a private key and its public value. */
public interface KeyShare extends Destroyable {

    /** The algorithm of this share, or {@code null} for server-chosen DH parameters. */
    KeyExchangeAlgorithm algorithm();

    /** The public value to send, encoded as TLS carries it. */
    byte[] publicShare();

    /**
     * Completes the exchange with the responder's value.
     *
     * @return the shared secret: for finite-field DH left-padded to the size of p (RFC 8446
     *     §7.4.1; TLS 1.2 strips the leading zeros itself, RFC 5246 §8.1.2)
     * @throws InvalidKeyShareException if the peer's value is not valid or the result is
     *     all zeros (RFC 8446 §7.4.2)
     */
    byte[] agree(byte[] peerShare) throws InvalidKeyShareException;

    /** Overwrites the private key; the share cannot be used afterwards. */
    @Override
    void destroy();

    @Override
    boolean isDestroyed();
}
