package dev.tlsref.crypto.internal;

import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
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

    /** A provider's agreement of a private key with a peer value it has already decoded. */
    @FunctionalInterface
    public interface Agreement<K, P> {
        byte[] agree(K privateKey, P peer) throws InvalidKeyShareException;
    }

    /**
     * The responder's half with this fresh share: its public value and the agreement with
     * {@code peer}; the share is destroyed afterwards, whatever happens.
     */
    public final <P> KeyExchange.Result respondTo(P peer, Agreement<K, P> agreement)
            throws InvalidKeyShareException {
        try {
            return new KeyExchange.Result(publicShare(), agreement.agree(privateKey(), peer));
        } finally {
            destroy();
        }
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
