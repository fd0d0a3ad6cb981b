package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.KeyShare;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The hybrid X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem), composed from {@link
 * BcMlKemKeyExchange} and {@link BcXdhKeyExchange}. For this group the ML-KEM part comes first
 * everywhere: client share {@code ek (1184) || X25519 public (32)}, server share {@code
 * ciphertext (1088) || X25519 public (32)}, shared secret {@code ML-KEM secret (32) || X25519
 * secret (32)}. A private key is the 64-byte ML-KEM seed followed by the 32-byte X25519 scalar.
 */
final class BcHybridKeyExchange implements KeyExchange {
    private static final int X25519_LENGTH = 32;
    private static final int PRIVATE_KEY_LENGTH = BcMlKemKeyExchange.SEED_LENGTH + X25519_LENGTH;

    private final KeyExchange mlKem;
    private final KeyExchange x25519;

    BcHybridKeyExchange(KeyExchange mlKem, KeyExchange x25519) {
        this.mlKem = mlKem;
        this.x25519 = x25519;
    }

    @Override
    public KeyExchangeAlgorithm algorithm() {
        return KeyExchangeAlgorithm.X25519MLKEM768;
    }

    @Override
    public KeyShare generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return new Share(mlKem.generate(random), x25519.generate(random));
    }

    @Override
    public KeyShare fromPrivateKey(byte[] privateKey) {
        if (privateKey.length != PRIVATE_KEY_LENGTH) {
            throw new IllegalArgumentException("X25519MLKEM768 private key must be " + PRIVATE_KEY_LENGTH
                    + " bytes (ML-KEM seed || X25519 scalar), not " + privateKey.length);
        }
        byte[] seed = Arrays.copyOfRange(privateKey, 0, BcMlKemKeyExchange.SEED_LENGTH);
        byte[] scalar = Arrays.copyOfRange(privateKey, BcMlKemKeyExchange.SEED_LENGTH, PRIVATE_KEY_LENGTH);
        try {
            return new Share(mlKem.fromPrivateKey(seed), x25519.fromPrivateKey(scalar));
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /** Encapsulates to the client's ML-KEM key and answers its X25519 share. */
    @Override
    public Result respond(byte[] peerShare, SecureRandom random) throws InvalidKeyShareException {
        int ekLength = BcMlKemKeyExchange.ENCAPSULATION_KEY_LENGTH;
        if (peerShare.length != ekLength + X25519_LENGTH) {
            throw new InvalidKeyShareException("X25519MLKEM768 client share must be " + (ekLength + X25519_LENGTH)
                    + " bytes (ML-KEM-768 ek || X25519), not " + peerShare.length);
        }
        Result kem = mlKem.respond(Arrays.copyOfRange(peerShare, 0, ekLength), random);
        Result ecdh = x25519.respond(Arrays.copyOfRange(peerShare, ekLength, peerShare.length), random);
        return new Result(concat(kem.publicShare(), ecdh.publicShare()), secret(kem.sharedSecret(), ecdh.sharedSecret()));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    /** ML-KEM secret || X25519 secret; the two halves are wiped once joined. */
    private static byte[] secret(byte[] kemSecret, byte[] ecdhSecret) {
        byte[] out = concat(kemSecret, ecdhSecret);
        Arrays.fill(kemSecret, (byte) 0);
        Arrays.fill(ecdhSecret, (byte) 0);
        return out;
    }

    private static final class Share implements KeyShare {
        private final KeyShare mlKem;
        private final KeyShare x25519;

        Share(KeyShare mlKem, KeyShare x25519) {
            this.mlKem = mlKem;
            this.x25519 = x25519;
        }

        @Override
        public KeyExchangeAlgorithm algorithm() {
            return KeyExchangeAlgorithm.X25519MLKEM768;
        }

        @Override
        public byte[] publicShare() {
            return concat(mlKem.publicShare(), x25519.publicShare());
        }

        @Override
        public byte[] agree(byte[] peerShare) throws InvalidKeyShareException {
            int ctLength = BcMlKemKeyExchange.CIPHERTEXT_LENGTH;
            if (peerShare.length != ctLength + X25519_LENGTH) {
                throw new InvalidKeyShareException("X25519MLKEM768 server share must be " + (ctLength + X25519_LENGTH)
                        + " bytes (ML-KEM-768 ciphertext || X25519), not " + peerShare.length);
            }
            byte[] kemSecret = mlKem.agree(Arrays.copyOfRange(peerShare, 0, ctLength));
            byte[] ecdhSecret;
            try {
                ecdhSecret = x25519.agree(Arrays.copyOfRange(peerShare, ctLength, peerShare.length));
            } catch (InvalidKeyShareException e) {
                Arrays.fill(kemSecret, (byte) 0);
                throw e;
            }
            return secret(kemSecret, ecdhSecret);
        }

        @Override
        public void destroy() {
            mlKem.destroy();
            x25519.destroy();
        }

        @Override
        public boolean isDestroyed() {
            return mlKem.isDestroyed() && x25519.isDestroyed();
        }
    }
}
