package dev.tlsref.crypto;

import java.security.SecureRandom;

/**
 * One key exchange algorithm, as TLS uses it: the initiator makes a {@link KeyShare} and
 * sends its public value; the responder answers with {@link #respond}; the initiator then
 * completes with {@link KeyShare#agree}.
 *
 * <p>In TLS 1.3 the client initiates (key_share in ClientHello). In TLS 1.2 the server
 * initiates (ServerKeyExchange) and the client responds (ClientKeyExchange). For a KEM,
 * initiate is key generation, respond is encapsulation and agree is decapsulation.
 *
 * <p>Every peer value is validated before use; see {@link InvalidKeyShareException}.
 */
public interface KeyExchange {

    /** The algorithm, or {@code null} for finite-field DH over parameters a peer chose. */
    KeyExchangeAlgorithm algorithm();

    /** Starts an exchange with a fresh key pair. */
    KeyShare generate(SecureRandom random);

    /**
     * Starts an exchange from a given private key, to reproduce a recorded handshake or run a
     * test vector. The encoding is the algorithm's own: the raw scalar for X25519/X448, a
     * big-endian scalar for ECDH and finite-field DH, the 64-byte seed {@code d || z} for
     * ML-KEM-768, and the ML-KEM seed followed by the X25519 scalar for the hybrid.
     *
     * @throws IllegalArgumentException if the private key is not of that form
     */
    KeyShare fromPrivateKey(byte[] privateKey);

    /**
     * Answers the initiator's share: for (EC)DH a fresh key pair and the shared secret; for a
     * KEM an encapsulation.
     *
     * @throws InvalidKeyShareException if the peer's share is not valid for this algorithm
     */
    Result respond(byte[] peerShare, SecureRandom random) throws InvalidKeyShareException;

    /** The responder's public value to send and the shared secret to keep. */
    record Result(byte[] publicShare, byte[] sharedSecret) {}
}
