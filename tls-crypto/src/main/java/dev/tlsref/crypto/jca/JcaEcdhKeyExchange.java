package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.KeyShare;
import dev.tlsref.crypto.internal.AbstractKeyShare;
import dev.tlsref.crypto.internal.FixedLengthInteger;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.KeyAgreement;

/**
 * ECDH on the NIST prime curves P-256, P-384 and P-521 with the JDK's {@code EC}
 * KeyPairGenerator and {@code ECDH} KeyAgreement (SunEC). Shares are uncompressed X9.62
 * points; the peer's point is fully validated here before the JDK sees it.
 */
final class JcaEcdhKeyExchange implements KeyExchange {
    private final KeyExchangeAlgorithm algorithm;
    private final JcaEcdhCurve curve;

    JcaEcdhKeyExchange(KeyExchangeAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.curve = new JcaEcdhCurve(algorithm, parameterSpec(curveName(algorithm)));
    }

    private static String curveName(KeyExchangeAlgorithm algorithm) {
        switch (algorithm) {
            case SECP256R1:
                return "secp256r1";
            case SECP384R1:
                return "secp384r1";
            case SECP521R1:
                return "secp521r1";
            default:
                throw new IllegalArgumentException(algorithm + " is not an ECDH group");
        }
    }

    private static ECParameterSpec parameterSpec(String name) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(name));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK does not know the curve " + name, e);
        }
    }

    @Override
    public KeyExchangeAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public KeyShare generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(curve.spec(), random);
            KeyPair pair = generator.generateKeyPair();
            return new Share(pair.getPrivate(), curve.encode(((ECPublicKey) pair.getPublic()).getW()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + algorithm + " keys", e);
        }
    }

    /**
     * A share from a big-endian scalar of exactly the order's byte length. The JCA cannot derive
     * a public key from a private one, so the point {@code d·G} is computed by {@link
     * JcaEcdhCurve#multiplyGenerator}, which is plain BigInteger arithmetic and not constant
     * time: this path is meant for reproducing recorded handshakes and test vectors.
     */
    @Override
    public KeyShare fromPrivateKey(byte[] privateKey) {
        if (privateKey.length != curve.scalarLength()) {
            throw new IllegalArgumentException(algorithm + " private key must be " + curve.scalarLength()
                    + " bytes, not " + privateKey.length);
        }
        BigInteger d = new BigInteger(1, privateKey);
        if (d.signum() == 0 || d.compareTo(curve.spec().getOrder()) >= 0) {
            throw new IllegalArgumentException(algorithm + " private key must lie in [1, n-1]");
        }
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, curve.spec()));
            return new Share(key, d);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the JDK refused the " + algorithm + " private key", e);
        }
    }

    @Override
    public Result respond(byte[] peerShare, SecureRandom random) throws InvalidKeyShareException {
        PublicKey peer = decodePeer(peerShare);
        return ((Share) generate(random)).respondTo(peer, this::agree);
    }

    private PublicKey decodePeer(byte[] peerShare) throws InvalidKeyShareException {
        ECPoint point = curve.decode(peerShare);
        try {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve.spec()));
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyShareException("the JDK refused the " + algorithm + " point", e);
        }
    }

    /** RFC 8446 §7.4.2: the shared secret is the x-coordinate, as many bytes as the field. */
    private byte[] agree(PrivateKey key, PublicKey peer) throws InvalidKeyShareException {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(key);
            agreement.doPhase(peer, true);
            byte[] secret = agreement.generateSecret();
            if (secret.length == curve.fieldLength()) {
                return secret;
            }
            byte[] fixed = FixedLengthInteger.encode(new BigInteger(1, secret), curve.fieldLength());
            Arrays.fill(secret, (byte) 0);
            return fixed;
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new InvalidKeyShareException("the JDK refused the " + algorithm + " agreement", e);
        }
    }

    /**
     * The initiator's key pair; the JDK key object is dropped on {@link #destroy}. A share made
     * by {@link #fromPrivateKey} computes its public value on first use, so that running test
     * vectors, which never ask for it, stays fast.
     */
    private final class Share extends AbstractKeyShare<PrivateKey> {
        private BigInteger scalarForPublicShare;
        private byte[] publicShare;

        Share(PrivateKey privateKey, byte[] publicShare) {
            super(algorithm, algorithm.toString(), privateKey, null);
            this.publicShare = publicShare;
        }

        Share(PrivateKey privateKey, BigInteger scalar) {
            super(algorithm, algorithm.toString(), privateKey, null);
            this.scalarForPublicShare = scalar;
        }

        @Override
        public byte[] publicShare() {
            if (publicShare == null) {
                if (scalarForPublicShare == null) {
                    throw new IllegalStateException(algorithm + " key share was destroyed");
                }
                publicShare = curve.encode(curve.multiplyGenerator(scalarForPublicShare));
                scalarForPublicShare = null;
            }
            return publicShare.clone();
        }

        @Override
        public byte[] agree(byte[] peerShare) throws InvalidKeyShareException {
            return JcaEcdhKeyExchange.this.agree(privateKey(), decodePeer(peerShare));
        }

        @Override
        protected void wipe(PrivateKey key) {
            JcaKeyExchanges.tryDestroy(key);
            scalarForPublicShare = null;
        }
    }
}
