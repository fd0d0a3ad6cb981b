package dev.tlsref.crypto.internal;

import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.KeyShare;

/**
 * The lifecycle every provider's {@link KeyShare} has in common: it holds one private key of
 * the provider's own type {@code K} and its public value; {@link #destroy} wipes what it can of
 * the key and drops it, after which {@link #privateKey} refuses to hand it out.
 *
 * <p>Not part of the public API: the package is not exported by {@code dev.tlsref.crypto}.
 *
 * @param <K> the provider's private-key type
 */
public abstract class AbstractKeyShare<K> implements KeyShare {
    private final KeyExchangeAlgorithm algorithm;
    private final String name;
    private final byte[] publicShare;
    private K privateKey;

    /**
     * @param algorithm the algorithm, or {@code null} for server-chosen DH parameters
     * @param name the name used in messages, such as {@code secp256r1} or {@code DH-2048}
     * @param publicShare the public value, which this share now owns; {@code null} only if the
     *     subclass overrides {@link #publicShare}
     */
    protected AbstractKeyShare(KeyExchangeAlgorithm algorithm, String name, K privateKey, byte[] publicShare) {
        this.algorithm = algorithm;
        this.name = name;
        this.privateKey = privateKey;
        this.publicShare = publicShare;
    }

    @Override
    public final KeyExchangeAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] publicShare() {
        return publicShare.clone();
    }

    /**
     * The private key, for the provider's own key exchange (this class is not exported).
     *
     * @throws IllegalStateException if the share was destroyed
     */
    public final K privateKey() {
        if (privateKey == null) {
            throw new IllegalStateException(name + " key share was destroyed");
        }
        return privateKey;
    }

    /**
     * Wipes what the key type allows of {@code key} before the reference is dropped. The default
     * does nothing: BouncyCastle keeps scalars as immutable BigIntegers, which cannot be
     * overwritten.
     */
    protected void wipe(K key) {}

    @Override
    public final void destroy() {
        if (privateKey != null) {
            wipe(privateKey);
            privateKey = null;
        }
    }

    @Override
    public final boolean isDestroyed() {
        return privateKey == null;
    }
}
