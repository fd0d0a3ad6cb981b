package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.Hash;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.Hmac;
import java.util.function.Supplier;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;

/**
 * Hashes, HMAC and AEADs on BouncyCastle's lightweight API: SHA-2 digests, {@code HMac}, and
 * {@code GCMBlockCipher}, {@code ChaCha20Poly1305}, {@code CCMBlockCipher} over its AES engine.
 * Every AEAD of {@link AeadAlgorithm} is supported, CCM included.
 */
final class BcSymmetric {
    Hash newHash(HashAlgorithm algorithm) {
        return new BcHash(algorithm);
    }

    Hmac newHmac(HashAlgorithm algorithm, byte[] key) {
        return new BcHmac(algorithm, key);
    }

    boolean supports(AeadAlgorithm algorithm) {
        return true;
    }

    Aead newAead(AeadAlgorithm algorithm, byte[] key) {
        if (key.length != algorithm.keyLength()) {
            throw new IllegalArgumentException(
                    algorithm + " needs a " + algorithm.keyLength() + "-byte key, got " + key.length);
        }
        return new BcAead(algorithm, key, cipherFactory(algorithm));
    }

    private static Supplier<AEADCipher> cipherFactory(AeadAlgorithm algorithm) {
        return switch (algorithm) {
            // newInstance picks BouncyCastle's fastest AES engine and GCM multiplier for this JVM.
            case AES_128_GCM, AES_256_GCM -> () -> GCMBlockCipher.newInstance(AESEngine.newInstance());
            case CHACHA20_POLY1305 -> ChaCha20Poly1305::new;
            // CCM's tag length (16 or 8 bytes) comes with each init's AEADParameters.
            case AES_128_CCM, AES_128_CCM_8 -> () -> CCMBlockCipher.newInstance(AESEngine.newInstance());
        };
    }
}
