package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.Hash;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.Hmac;

/** PLACEHOLDER on the crypto-base branch only: replaced by the symmetric-crypto work. */
final class JcaSymmetric {
    Hash newHash(HashAlgorithm algorithm) {
        throw new UnsupportedOperationException("placeholder");
    }

    Hmac newHmac(HashAlgorithm algorithm, byte[] key) {
        throw new UnsupportedOperationException("placeholder");
    }

    boolean supports(AeadAlgorithm algorithm) {
        return false;
    }

    Aead newAead(AeadAlgorithm algorithm, byte[] key) {
        throw new UnsupportedOperationException("placeholder");
    }
}
