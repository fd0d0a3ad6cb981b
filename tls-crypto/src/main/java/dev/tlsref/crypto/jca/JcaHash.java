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

    JcaHash(HashAlgorithm algorithm) {
        this(algorithm, newDigest(algorithm));
    }

    private JcaHash(HashAlgorithm algorithm, MessageDigest digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    private static MessageDigest newDigest(HashAlgorithm algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.jcaName());
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must offer SHA-256; SHA-384 ships with every JDK.
            throw new IllegalStateException("this JDK has no " + algorithm.jcaName(), e);
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
