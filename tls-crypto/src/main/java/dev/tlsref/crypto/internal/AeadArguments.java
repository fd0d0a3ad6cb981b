package dev.tlsref.crypto.internal;

import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.AeadTagException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The argument checks every provider's {@link dev.tlsref.crypto.Aead} makes before it touches
 * its cipher: nonce length, a present AAD, a ciphertext long enough to hold the tag, distinct
 * buffer objects, and whether two array ranges overlap.
 *
 * <p>Not part of the public API: the package is not exported by {@code dev.tlsref.crypto}.
 */
public final class AeadArguments {

    private AeadArguments() {}

    /**
     * Checks the nonce has the algorithm's length (RFC 5116 §5.1, RFC 8446 §5.3: 12 bytes) and
     * that the AAD is present.
     *
     * @throws IllegalArgumentException if the nonce has the wrong length
     */
    public static void checkNonceAndAad(AeadAlgorithm algorithm, byte[] nonce, byte[] aad) {
        if (nonce.length != algorithm.nonceLength()) {
            throw new IllegalArgumentException(
                    algorithm + " needs a " + algorithm.nonceLength() + "-byte nonce, got " + nonce.length);
        }
        Objects.requireNonNull(aad, "aad");
    }

    /**
     * The plaintext length of a ciphertext. RFC 5116 §2.2: an input shorter than the tag cannot
     * be authentic.
     *
     * @throws AeadTagException if the ciphertext is shorter than the tag
     */
    public static int plaintextLength(AeadAlgorithm algorithm, int ciphertextLength) throws AeadTagException {
        if (ciphertextLength < algorithm.tagLength()) {
            throw new AeadTagException("ciphertext shorter than the " + algorithm.tagLength() + "-byte tag");
        }
        return ciphertextLength - algorithm.tagLength();
    }

    /**
     * Refuses one buffer object as both input and output, whose shared position could not track
     * both.
     */
    public static void checkDistinct(ByteBuffer in, ByteBuffer out) {
        if (in == out) {
            throw new IllegalArgumentException(
                    "in and out must be distinct ByteBuffer objects; to work in place pass in.duplicate() as out");
        }
    }

    /** True if {@code [aOffset, aOffset+aLength)} and {@code [bOffset, bOffset+bLength)} intersect. */
    public static boolean overlap(int aOffset, int aLength, int bOffset, int bLength) {
        return aOffset < bOffset + bLength && bOffset < aOffset + aLength;
    }
}
