package dev.tlsref.crypto;

import java.nio.ByteBuffer;

/**
 * An AEAD cipher (RFC 5116) keyed once, used for many records with a fresh nonce each time.
 *
 * <p>Both forms may work in place: the output range may be the input range itself (the same
 * array and offset, or two buffers over the same memory at the same position). Sealing
 * writes {@code plaintextLength + tagLength} bytes; opening writes
 * {@code ciphertextLength - tagLength} bytes and releases nothing if the tag is wrong.
 *
 * <p>Instances are not thread-safe. A record layer keeps one per direction.
 */
public interface Aead {

    /** The algorithm and so the key, nonce and tag sizes. */
    AeadAlgorithm algorithm();

    /**
     * Encrypts and authenticates {@code in[inOffset, inOffset+inLength)} into {@code out} at
     * {@code outOffset}, followed by the tag.
     *
     * @param nonce a 12-byte nonce never used before with this key
     * @param aad the additional authenticated data, the whole array
     * @return the number of bytes written, {@code inLength + tagLength}
     */
    int seal(byte[] nonce, byte[] aad, byte[] in, int inOffset, int inLength, byte[] out, int outOffset);

    /**
     * Checks and decrypts {@code in[inOffset, inOffset+inLength)}, ciphertext then tag, into
     * {@code out} at {@code outOffset}.
     *
     * @return the number of plaintext bytes written, {@code inLength - tagLength}
     * @throws AeadTagException if the input is shorter than a tag or the tag does not verify;
     *     the output range then holds no plaintext
     */
    int open(byte[] nonce, byte[] aad, byte[] in, int inOffset, int inLength, byte[] out, int outOffset)
            throws AeadTagException;

    /**
     * Seals all of {@code in}'s remaining bytes into {@code out} at its position. Heap and
     * direct buffers both work; {@code out} may be a view of the same memory as {@code in}.
     * Advances both buffers' positions.
     *
     * @return the number of bytes written
     */
    int seal(byte[] nonce, byte[] aad, ByteBuffer in, ByteBuffer out);

    /**
     * Opens all of {@code in}'s remaining bytes (ciphertext then tag) into {@code out} at its
     * position. Advances both buffers' positions on success.
     *
     * @return the number of plaintext bytes written
     * @throws AeadTagException if the tag does not verify; nothing is released
     */
    int open(byte[] nonce, byte[] aad, ByteBuffer in, ByteBuffer out) throws AeadTagException;
}
