package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.KeyShare;
import dev.tlsref.crypto.internal.AbstractKeyShare;
import dev.tlsref.crypto.internal.XdhSharedSecret;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc7748.X448;

/**
 * X25519 and X448 (RFC 7748) on BouncyCastle's {@code org.bouncycastle.math.ec.rfc7748}
 * functions, which take and return the raw little-endian byte strings TLS carries.
 */
final class BcXdhKeyExchange implements KeyExchange {

    /** The three RFC 7748 operations, as BouncyCastle offers them for one curve. */
    private interface Curve {
        void generatePrivateKey(SecureRandom random, byte[] scalar);

        void generatePublicKey(byte[] scalar, byte[] publicKey);

        /** False if the result is all zeros. */
        boolean calculateAgreement(byte[] scalar, byte[] peer, byte[] secret);
    }

    private static final Curve CURVE25519 = new Curve() {
        @Override
        public void generatePrivateKey(SecureRandom random, byte[] scalar) {
            X25519.generatePrivateKey(random, scalar);
        }

        @Override
        public void generatePublicKey(byte[] scalar, byte[] publicKey) {
            X25519.generatePublicKey(scalar, 0, publicKey, 0);
        }

        @Override
        public boolean calculateAgreement(byte[] scalar, byte[] peer, byte[] secret) {
            return X25519.calculateAgreement(scalar, 0, peer, 0, secret, 0);
        }
    };

    private static final Curve CURVE448 = new Curve() {
        @Override
        public void generatePrivateKey(SecureRandom random, byte[] scalar) {
            X448.generatePrivateKey(random, scalar);
        }

        @Override
        public void generatePublicKey(byte[] scalar, byte[] publicKey) {
            X448.generatePublicKey(scalar, 0, publicKey, 0);
        }

        @Override
        public boolean calculateAgreement(byte[] scalar, byte[] peer, byte[] secret) {
            return X448.calculateAgreement(scalar, 0, peer, 0, secret, 0);
        }
    };

    private final KeyExchangeAlgorithm algorithm;
    private final Curve curve;
    private final int length;

    private BcXdhKeyExchange(KeyExchangeAlgorithm algorithm, Curve curve) {
        this.algorithm = algorithm;
        this.curve = curve;
        this.length = algorithm.initiatorShareLength();
    }

    static BcXdhKeyExchange x25519() {
        return new BcXdhKeyExchange(KeyExchangeAlgorithm.X25519, CURVE25519);
    }

    static BcXdhKeyExchange x448() {
        return new BcXdhKeyExchange(KeyExchangeAlgorithm.X448, CURVE448);
    }

    @Override
    public KeyExchangeAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public KeyShare generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] scalar = new byte[length];
        curve.generatePrivateKey(random, scalar);
        return new Share(scalar);
    }

    @Override
    public KeyShare fromPrivateKey(byte[] privateKey) {
        if (privateKey.length != length) {
            throw new IllegalArgumentException(
                    algorithm + " private key must be " + length + " bytes, not " + privateKey.length);
        }
        // The scalar is used as given: RFC 7748 §5 clamps it inside every multiplication.
        return new Share(privateKey.clone());
    }

    @Override
    public Result respond(byte[] peerShare, SecureRandom random) throws InvalidKeyShareException {
        checkLength(peerShare);
        Share share = (Share) generate(random);
        try {
            return new Result(share.publicShare(), share.agree(peerShare));
        } finally {
            share.destroy();
        }
    }

    /** RFC 7748 §6: the public key is the scalar times the base point. */
    private byte[] publicKey(byte[] scalar) {
        byte[] publicKey = new byte[length];
        curve.generatePublicKey(scalar, publicKey);
        return publicKey;
    }

    private void checkLength(byte[] peerShare) throws InvalidKeyShareException {
        if (peerShare.length != length) {
            // RFC 8446 §4.2.8.2: the share is exactly the X25519/X448 public value.
            throw new InvalidKeyShareException(
                    algorithm + " share must be " + length + " bytes, not " + peerShare.length);
        }
    }

    /** The initiator's scalar, which {@link #destroy} overwrites. */
    private final class Share extends AbstractKeyShare<byte[]> {

        Share(byte[] scalar) {
            super(algorithm, algorithm.toString(), scalar, publicKey(scalar));
        }

        @Override
        public byte[] agree(byte[] peerShare) throws InvalidKeyShareException {
            byte[] scalar = privateKey();
            checkLength(peerShare);
            byte[] secret = new byte[length];
            // RFC 7748 §5: BouncyCastle masks X25519's top bit and reduces non-canonical u itself.
            if (!curve.calculateAgreement(scalar, peerShare, secret) || XdhSharedSecret.isAllZero(secret)) {
                // RFC 8446 §7.4.2 (and RFC 7748 §6): abort on an all-zero shared secret.
                throw XdhSharedSecret.allZero(algorithm);
            }
            return secret;
        }

        @Override
        protected void wipe(byte[] scalar) {
            Arrays.fill(scalar, (byte) 0);
        }
    }
}
