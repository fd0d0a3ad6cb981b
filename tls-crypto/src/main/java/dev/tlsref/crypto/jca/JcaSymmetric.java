package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.Hash;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.Hmac;

/**
 * Hashes, HMAC and AEADs through the JCA: {@code MessageDigest}, {@code Mac} and {@code Cipher}
 * from the installed providers (on a stock JDK: SUN and SunJCE). SunJCE has no AES-CCM, so
 * the two CCM algorithms are unsupported here; the {@code bc} provider has them.
 */
final class JcaSymmetric {
    Hash newHash(HashAlgorithm algorithm) {
        return new JcaHash(algorithm);
    }

    Hmac newHmac(HashAlgorithm algorithm, byte[] key) {
        return new JcaHmac(algorithm, key);
    }

    boolean supports(AeadAlgorithm algorithm) {
        return JcaAead.supports(algorithm);
    }

    Aead newAead(AeadAlgorithm algorithm, byte[] key) {
        if (!supports(algorithm)) {
            throw new UnsupportedOperationException(
                    "the jca provider does not support " + algorithm + ": SunJCE has no AES-CCM; use the bc provider");
        }
        if (key.length != algorithm.keyLength()) {
            throw new IllegalArgumentException(
                    algorithm + " needs a " + algorithm.keyLength() + "-byte key, got " + key.length);
        }
        return new JcaAead(algorithm, key);
    }
}
