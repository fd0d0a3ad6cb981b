package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.Hash;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.Hmac;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * Hashes, HMAC and AEADs through the JCA: {@code MessageDigest}, {@code Mac} and {@code Cipher}
 * from the installed providers (on a stock JDK: SUN and SunJCE). SunJCE has no AES-CCM, so
 * the two CCM algorithms are unsupported here; the {@code bc} provider has them.
 *
 * <p>Each engine is looked up by name once, when this object is made, in the provider list as
 * it is then; later changes to {@link java.security.Security}'s list do not reach it. A look-up
 * by name walks the whole list and instantiates by reflection, which a handshake would
 * otherwise pay for dozens of times. Hashes and HMACs are then made by cloning a prototype
 * that is never updated or keyed: {@code clone()} only reads it, so the one prototype serves
 * every thread. Ciphers cannot be cloned; they are made with {@code getInstance(name, provider)}
 * from the provider found here.
 */
final class JcaSymmetric {
    private final Map<HashAlgorithm, MessageDigest> digestPrototypes = new EnumMap<>(HashAlgorithm.class);
    private final Map<HashAlgorithm, Mac> macPrototypes = new EnumMap<>(HashAlgorithm.class);
    private final Map<AeadAlgorithm, Provider> cipherProviders = new EnumMap<>(AeadAlgorithm.class);

    JcaSymmetric() {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            try {
                // The provider getInstance(name) picks, then an instance bound to it: an
                // instance from getInstance(name) alone defers choosing its provider to init.
                Provider digestProvider = MessageDigest.getInstance(algorithm.jcaName()).getProvider();
                digestPrototypes.put(algorithm, MessageDigest.getInstance(algorithm.jcaName(), digestProvider));
                Provider macProvider = Mac.getInstance(algorithm.jcaHmacName()).getProvider();
                macPrototypes.put(algorithm, Mac.getInstance(algorithm.jcaHmacName(), macProvider));
            } catch (GeneralSecurityException e) {
                // Every JDK has SHA-256, SHA-384 and their HMACs; newHash/newHmac report a lack.
            }
        }
        for (AeadAlgorithm algorithm : AeadAlgorithm.values()) {
            if (JcaAead.supports(algorithm)) {
                try {
                    cipherProviders.put(algorithm, Cipher.getInstance(JcaAead.transformation(algorithm)).getProvider());
                } catch (GeneralSecurityException e) {
                    // Every JDK 11+ has both; newAead reports a lack.
                }
            }
        }
    }

    Hash newHash(HashAlgorithm algorithm) {
        MessageDigest prototype = digestPrototypes.get(algorithm);
        if (prototype == null) {
            throw new IllegalStateException("this JDK has no " + algorithm.jcaName());
        }
        return new JcaHash(algorithm, JcaHash.copyOf(prototype));
    }

    Hmac newHmac(HashAlgorithm algorithm, byte[] key) {
        Mac prototype = macPrototypes.get(algorithm);
        if (prototype == null) {
            throw new IllegalStateException("this JDK has no " + algorithm.jcaHmacName());
        }
        return new JcaHmac(algorithm, JcaHmac.copyOf(prototype), key);
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
        Provider provider = cipherProviders.get(algorithm);
        if (provider == null) {
            throw new IllegalStateException("this JDK has no " + JcaAead.transformation(algorithm));
        }
        return new JcaAead(algorithm, key, provider);
    }
}
