package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.Hash;
import dev.tlsref.crypto.HashAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A {@link Hash} on {@link MessageDigest} (with the default provider list, the JDK's {@code SUN}
 * provider). {@link #copy()} clones the digest's running state.
 */
final class JcaHash implements Hash {
    private final HashAlgorithm algorithm;
    private final MessageDigest digest;

    /** Wraps {@code digest}, which this hash then owns. */
    JcaHash(HashAlgorithm algorithm, MessageDigest digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    /**
     * A fresh digest like {@code prototype}, which must be in its initial state: a clone, or a
     * new instance from the same provider if the provider's digest cannot be cloned.
     */
    static MessageDigest copyOf(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance(prototype.getAlgorithm(), prototype.getProvider());
            } catch (NoSuchAlgorithmException unexpected) {
                throw new IllegalStateException(prototype.getProvider().getName() + " no longer offers "
                        + prototype.getAlgorithm(), unexpected);
            }
        }
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        digest.update(data, offset, length);
    }

    @Override
    public Hash copy() {
        try {
            return new JcaHash(algorithm, (MessageDigest) digest.clone());
        } catch (CloneNotSupportedException e) {
            // The JDK's SHA-2 digests are cloneable; a provider whose digest is not cannot serve here.
            throw new IllegalStateException(digest.getProvider().getName() + " " + algorithm.jcaName()
                    + " cannot be cloned", e);
        }
    }

    @Override
    public byte[] digest() {
        return digest.digest(); // MessageDigest.digest() also resets
    }
}
