package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.KeyShare;
import dev.tlsref.crypto.internal.AbstractKeyShare;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMExtractor;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPublicKeyParameters;

/**
 * ML-KEM-768 (FIPS 203) on BouncyCastle's {@code org.bouncycastle.pqc.crypto.mlkem}: the
 * initiator's share is the encapsulation key, the responder's the ciphertext. A private key is
 * the 64-byte seed {@code d || z} of ML-KEM.KeyGen_internal (FIPS 203 §6.1).
 */
final class BcMlKemKeyExchange implements KeyExchange {
    /** FIPS 203 §8, Table 2 and 3: sizes for k = 3. */
    static final int SEED_LENGTH = 64;
    static final int ENCAPSULATION_KEY_LENGTH = 1184;
    static final int CIPHERTEXT_LENGTH = 1088;
    /** FIPS 203 §2.4: the modulus q. */
    private static final int Q = 3329;
    /** The encoded vector t of the encapsulation key: 384·k bytes, then the 32-byte seed rho. */
    private static final int ENCODED_T_LENGTH = 384 * 3;

    private static final MLKEMParameters PARAMETERS = MLKEMParameters.ml_kem_768;

    @Override
    public KeyExchangeAlgorithm algorithm() {
        return KeyExchangeAlgorithm.MLKEM768;
    }

    /** ML-KEM.KeyGen (FIPS 203 §7.1): draws d and z, 32 bytes each, from {@code random}. */
    @Override
    public KeyShare generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] seed = new byte[SEED_LENGTH];
        random.nextBytes(seed);
        try {
            return fromPrivateKey(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    @Override
    public KeyShare fromPrivateKey(byte[] privateKey) {
        if (privateKey.length != SEED_LENGTH) {
            throw new IllegalArgumentException(
                    "ML-KEM-768 private key must be the " + SEED_LENGTH + "-byte seed d || z, not " + privateKey.length + " bytes");
        }
        // BouncyCastle copies d and z out of the array and expands the key (FIPS 203 §6.1).
        return new Share(new MLKEMPrivateKeyParameters(PARAMETERS, privateKey));
    }

    /** ML-KEM.Encaps (FIPS 203 §7.2): draws the 32-byte message m from {@code random}. */
    @Override
    public Result respond(byte[] peerShare, SecureRandom random) throws InvalidKeyShareException {
        Objects.requireNonNull(random, "random");
        MLKEMPublicKeyParameters encapsulationKey = decodeEncapsulationKey(peerShare);
        SecretWithEncapsulation encapsulation = new MLKEMGenerator(random).generateEncapsulated(encapsulationKey);
        return new Result(encapsulation.getEncapsulation(), encapsulation.getSecret());
    }

    /** FIPS 203 §7.2 input checking: the type (length) check and the modulus check. */
    private static MLKEMPublicKeyParameters decodeEncapsulationKey(byte[] ek) throws InvalidKeyShareException {
        if (ek.length != ENCAPSULATION_KEY_LENGTH) {
            throw new InvalidKeyShareException(
                    "ML-KEM-768 encapsulation key must be " + ENCAPSULATION_KEY_LENGTH + " bytes, not " + ek.length);
        }
        // Modulus check: ByteEncode12(ByteDecode12(t)) == t, that is every 12-bit
        // coefficient of t (two per three bytes, little-endian) is already reduced modulo q.
        for (int i = 0; i < ENCODED_T_LENGTH; i += 3) {
            int b0 = ek[i] & 0xff;
            int b1 = ek[i + 1] & 0xff;
            int b2 = ek[i + 2] & 0xff;
            int first = b0 | (b1 & 0x0f) << 8;
            int second = b1 >>> 4 | b2 << 4;
            if (first >= Q || second >= Q) {
                throw new InvalidKeyShareException(
                        "ML-KEM-768 encapsulation key has a coefficient not less than q (FIPS 203 §7.2 modulus check)");
            }
        }
        try {
            return new MLKEMPublicKeyParameters(PARAMETERS, ek);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyShareException("BouncyCastle refused the ML-KEM-768 encapsulation key", e);
        }
    }

    /**
     * The decapsulation key. BouncyCastle keeps the seed and the expanded key in internal arrays
     * that it offers no way to overwrite; {@link #destroy} drops the reference.
     */
    private static final class Share extends AbstractKeyShare<MLKEMPrivateKeyParameters> {

        Share(MLKEMPrivateKeyParameters privateKey) {
            super(KeyExchangeAlgorithm.MLKEM768, "ML-KEM-768", privateKey, privateKey.getPublicKey());
        }

        /**
         * ML-KEM.Decaps (FIPS 203 §7.3). Only the length is checkable: a wrong ciphertext of the
         * right length yields the implicit-rejection secret, and TLS then fails at Finished.
         */
        @Override
        public byte[] agree(byte[] peerShare) throws InvalidKeyShareException {
            MLKEMPrivateKeyParameters privateKey = privateKey();
            if (peerShare.length != CIPHERTEXT_LENGTH) {
                // FIPS 203 §7.3 input checking, ciphertext type check.
                throw new InvalidKeyShareException(
                        "ML-KEM-768 ciphertext must be " + CIPHERTEXT_LENGTH + " bytes, not " + peerShare.length);
            }
            return new MLKEMExtractor(privateKey).extractSecret(peerShare);
        }
    }
}
