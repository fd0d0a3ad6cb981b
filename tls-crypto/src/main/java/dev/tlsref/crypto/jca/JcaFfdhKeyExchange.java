package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.DhParameters;
import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.KeyShare;
import dev.tlsref.crypto.internal.AbstractKeyShare;
import dev.tlsref.crypto.internal.FfdhValues;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.KeyAgreement;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPrivateKeySpec;
import javax.crypto.spec.DHPublicKeySpec;

/**
 * Finite-field Diffie-Hellman with the JDK's {@code DH} KeyPairGenerator and KeyAgreement
 * (SunJCE), over an RFC 7919 group or parameters a TLS 1.2 server chose. Every value on the
 * wire and the shared secret are left-padded to the byte length of p (RFC 8446 §4.2.8.1,
 * §7.4.1).
 */
final class JcaFfdhKeyExchange implements KeyExchange {
    private final KeyExchangeAlgorithm algorithm;
    private final DhParameters parameters;
    private final DHParameterSpec spec;
    private final FfdhValues values;

    /**
     * @param algorithm the named group, or {@code null} for server-chosen parameters
     * @param exponentBits the size of the private exponents {@link #generate} draws
     */
    JcaFfdhKeyExchange(KeyExchangeAlgorithm algorithm, DhParameters parameters, int exponentBits) {
        this.algorithm = algorithm;
        this.parameters = parameters;
        this.spec = new DHParameterSpec(parameters.p(), parameters.g(), exponentBits);
        this.values = new FfdhValues(algorithm, parameters);
    }

    @Override
    public KeyExchangeAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public KeyShare generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("DH");
            generator.initialize(spec, random);
            KeyPair pair = generator.generateKeyPair();
            BigInteger y = ((DHPublicKey) pair.getPublic()).getY();
            return new Share(pair.getPrivate(), values.pad(y));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + name() + " keys", e);
        }
    }

    @Override
    public KeyShare fromPrivateKey(byte[] privateKey) {
        BigInteger x = values.privateExponent(privateKey);
        try {
            PrivateKey key = KeyFactory.getInstance("DH")
                    .generatePrivate(new DHPrivateKeySpec(x, parameters.p(), parameters.g()));
            // y = g^x mod p is the "agreement" of x with the peer value g.
            byte[] publicShare = rawAgreement(key, publicKey(parameters.g()));
            return new Share(key, publicShare);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the JDK refused the " + name() + " private key", e);
        }
    }

    @Override
    public Result respond(byte[] peerShare, SecureRandom random) throws InvalidKeyShareException {
        PublicKey peer = decodePeer(peerShare);
        return ((Share) generate(random)).respondTo(peer, this::agree);
    }

    private PublicKey decodePeer(byte[] peerShare) throws InvalidKeyShareException {
        BigInteger y = values.peerValue(peerShare);
        try {
            return publicKey(y);
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyShareException("the JDK refused the " + name() + " public value", e);
        }
    }

    private PublicKey publicKey(BigInteger y) throws GeneralSecurityException {
        return KeyFactory.getInstance("DH").generatePublic(new DHPublicKeySpec(y, parameters.p(), parameters.g()));
    }

    private byte[] agree(PrivateKey key, PublicKey peer) throws InvalidKeyShareException {
        byte[] secret;
        try {
            secret = rawAgreement(key, peer);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new InvalidKeyShareException("the JDK refused the " + name() + " agreement", e);
        }
        if (new BigInteger(1, secret).equals(BigInteger.ONE)) {
            // Only a peer value in a tiny subgroup gives 1; never with an RFC 7919 safe prime.
            Arrays.fill(secret, (byte) 0);
            throw new InvalidKeyShareException(name() + " shared secret is 1: the peer value has small order");
        }
        return secret;
    }

    /** The agreement, left-padded to the length of p (RFC 8446 §7.4.1). */
    private byte[] rawAgreement(PrivateKey key, PublicKey peer) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("DH");
        agreement.init(key);
        agreement.doPhase(peer, true);
        byte[] secret = agreement.generateSecret();
        if (secret.length == values.length()) {
            return secret;
        }
        byte[] padded = values.pad(new BigInteger(1, secret));
        Arrays.fill(secret, (byte) 0);
        return padded;
    }

    private String name() {
        return values.name();
    }

    /** The initiator's key pair; the JDK key object is dropped on {@link #destroy}. */
    private final class Share extends AbstractKeyShare<PrivateKey> {

        Share(PrivateKey privateKey, byte[] publicShare) {
            super(algorithm, name(), privateKey, publicShare);
        }

        @Override
        public byte[] agree(byte[] peerShare) throws InvalidKeyShareException {
            return JcaFfdhKeyExchange.this.agree(privateKey(), decodePeer(peerShare));
        }

        @Override
        protected void wipe(PrivateKey key) {
            JcaKeyExchanges.tryDestroy(key);
        }
    }
}
