package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.KeyShare;
import dev.tlsref.crypto.internal.AbstractKeyShare;
import dev.tlsref.crypto.internal.FixedLengthInteger;
import dev.tlsref.crypto.internal.XdhSharedSecret;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Objects;
import javax.crypto.KeyAgreement;

/**
 * X25519 and X448 (RFC 7748) on the JDK's {@code XDH} KeyPairGenerator, KeyFactory and
 * KeyAgreement (SunEC). TLS carries the raw little-endian u-coordinate (RFC 8446 §4.2.8.2);
 * the JCA speaks in {@link BigInteger}s, so this class converts at the edge.
 */
final class JcaXdhKeyExchange implements KeyExchange {
    private final KeyExchangeAlgorithm algorithm;
    private final NamedParameterSpec curve;
    /** The field prime: RFC 7748 §4.1 (2^255 - 19) and §4.2 (2^448 - 2^224 - 1). */
    private final BigInteger p;
    /** The base point's u-coordinate (RFC 7748 §4.1, §4.2): the public key is X(k, base). */
    private final BigInteger baseU;
    /** Bits of the u-coordinate that count (RFC 7748 §5): 255 for X25519, 448 for X448. */
    private final int bits;
    private final int length;

    private JcaXdhKeyExchange(
            KeyExchangeAlgorithm algorithm, NamedParameterSpec curve, BigInteger p, int baseU, int bits) {
        this.algorithm = algorithm;
        this.curve = curve;
        this.p = p;
        this.baseU = BigInteger.valueOf(baseU);
        this.bits = bits;
        this.length = algorithm.initiatorShareLength();
    }

    static JcaXdhKeyExchange x25519() {
        BigInteger p = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
        return new JcaXdhKeyExchange(KeyExchangeAlgorithm.X25519, NamedParameterSpec.X25519, p, 9, 255);
    }

    static JcaXdhKeyExchange x448() {
        BigInteger p = BigInteger.TWO.pow(448).subtract(BigInteger.TWO.pow(224)).subtract(BigInteger.ONE);
        return new JcaXdhKeyExchange(KeyExchangeAlgorithm.X448, NamedParameterSpec.X448, p, 5, 448);
    }

    @Override
    public KeyExchangeAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public KeyShare generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
            generator.initialize(curve, random);
            KeyPair pair = generator.generateKeyPair();
            byte[] publicShare = encodeU(((XECPublicKey) pair.getPublic()).getU());
            return new Share(pair.getPrivate(), publicShare);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + algorithm + " keys", e);
        }
    }

    @Override
    public KeyShare fromPrivateKey(byte[] privateKey) {
        if (privateKey.length != length) {
            throw new IllegalArgumentException(
                    algorithm + " private key must be " + length + " bytes, not " + privateKey.length);
        }
        try {
            PrivateKey key = KeyFactory.getInstance("XDH")
                    .generatePrivate(new XECPrivateKeySpec(curve, privateKey.clone()));
            // RFC 7748 §6: the public key is the scalar multiple of the base point.
            byte[] publicShare = rawAgreement(key, publicKey(baseU));
            return new Share(key, publicShare);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the JDK refused the " + algorithm + " private key", e);
        }
    }

    @Override
    public Result respond(byte[] peerShare, SecureRandom random) throws InvalidKeyShareException {
        PublicKey peer = decodePeer(peerShare);
        return ((Share) generate(random)).respondTo(peer, this::agree);
    }

    /** Checks the length and turns the wire bytes into a JDK public key. */
    private PublicKey decodePeer(byte[] peerShare) throws InvalidKeyShareException {
        if (peerShare.length != length) {
            // RFC 8446 §4.2.8.2: the share is exactly the X25519/X448 public value.
            throw new InvalidKeyShareException(
                    algorithm + " share must be " + length + " bytes, not " + peerShare.length);
        }
        try {
            return publicKey(decodeU(peerShare));
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyShareException("the JDK refused the " + algorithm + " share", e);
        }
    }

    private PublicKey publicKey(BigInteger u) throws GeneralSecurityException {
        return KeyFactory.getInstance("XDH").generatePublic(new XECPublicKeySpec(curve, u));
    }

    /** The agreement, refusing the all-zero result that a low-order peer point gives. */
    private byte[] agree(PrivateKey key, PublicKey peer) throws InvalidKeyShareException {
        byte[] secret;
        try {
            secret = rawAgreement(key, peer);
        } catch (GeneralSecurityException | IllegalStateException e) {
            // SunEC reports a low-order point itself ("Point has small order").
            throw new InvalidKeyShareException(
                    algorithm + " peer share is a low-order point: shared secret is all zeros (RFC 8446 §7.4.2)", e);
        }
        if (XdhSharedSecret.isAllZero(secret)) {
            // RFC 8446 §7.4.2 (and RFC 7748 §6): abort on an all-zero shared secret.
            throw XdhSharedSecret.allZero(algorithm);
        }
        return secret;
    }

    private static byte[] rawAgreement(PrivateKey key, PublicKey peer) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("XDH");
        agreement.init(key);
        agreement.doPhase(peer, true);
        return agreement.generateSecret();
    }

    /**
     * RFC 7748 §5 decodeUCoordinate: little-endian, the unused top bit of X25519 masked off, and a
     * non-canonical value (p or more) taken modulo p, as the RFC says implementations MUST accept.
     */
    private BigInteger decodeU(byte[] share) {
        byte[] bigEndian = new byte[share.length];
        for (int i = 0; i < share.length; i++) {
            bigEndian[i] = share[share.length - 1 - i];
        }
        BigInteger u = new BigInteger(1, bigEndian);
        if (bits % 8 != 0) {
            u = u.clearBit(bits);
        }
        return u.mod(p);
    }

    /** RFC 7748 §5 encodeUCoordinate: little-endian, {@code length} bytes. */
    private byte[] encodeU(BigInteger u) {
        byte[] bigEndian = FixedLengthInteger.encode(u.mod(p), length);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = bigEndian[length - 1 - i];
        }
        return out;
    }

    /** The initiator's key pair; the JDK key object is dropped on {@link #destroy}. */
    private final class Share extends AbstractKeyShare<PrivateKey> {

        Share(PrivateKey privateKey, byte[] publicShare) {
            super(algorithm, algorithm.toString(), privateKey, publicShare);
        }

        @Override
        public byte[] agree(byte[] peerShare) throws InvalidKeyShareException {
            return JcaXdhKeyExchange.this.agree(privateKey(), decodePeer(peerShare));
        }

        @Override
        protected void wipe(PrivateKey key) {
            JcaKeyExchanges.tryDestroy(key);
        }
    }
}
