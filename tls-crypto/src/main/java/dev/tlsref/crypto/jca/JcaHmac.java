package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.Hmac;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An {@link Hmac} on {@link javax.crypto.Mac} (with the default provider list, SunJCE). */
final class JcaHmac implements Hmac {
    private final HashAlgorithm algorithm;
    private final Mac mac;

    /** Keys {@code unkeyed}, which this HMAC then owns, with {@code key}. */
    JcaHmac(HashAlgorithm algorithm, Mac unkeyed, byte[] key) {
        this.algorithm = algorithm;
        this.mac = unkeyed;
        try {
            this.mac.init(new SecretKeySpec(nonEmpty(key, algorithm), algorithm.jcaHmacName()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("this JDK cannot key " + algorithm.jcaHmacName(), e);
        }
    }

    /**
     * A fresh unkeyed Mac like {@code prototype}, which must be unkeyed itself: a clone, or a
     * new instance from the same provider if the provider's Mac cannot be cloned.
     */
    static Mac copyOf(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return Mac.getInstance(prototype.getAlgorithm(), prototype.getProvider());
            } catch (NoSuchAlgorithmException unexpected) {
                throw new IllegalStateException(prototype.getProvider().getName() + " no longer offers "
                        + prototype.getAlgorithm(), unexpected);
            }
        }
    }

    /**
     * SecretKeySpec refuses an empty key, but HMAC allows one: RFC 2104 §2 pads the key with
     * zeros to the block length, so the empty key and the all-zero block are the same key.
     */
    private static byte[] nonEmpty(byte[] key, HashAlgorithm algorithm) {
        return key.length == 0 ? new byte[algorithm.blockLength()] : key;
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        mac.update(data, offset, length);
    }

    @Override
    public byte[] doFinal() {
        return mac.doFinal(); // Mac.doFinal() resets to the keyed initial state
    }
}
