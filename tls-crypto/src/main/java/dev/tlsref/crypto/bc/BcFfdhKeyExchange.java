package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.DhParameters;
import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.KeyShare;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.DHBasicAgreement;
import org.bouncycastle.crypto.generators.DHKeyPairGenerator;
import org.bouncycastle.crypto.params.DHKeyGenerationParameters;
import org.bouncycastle.crypto.params.DHParameters;
import org.bouncycastle.crypto.params.DHPrivateKeyParameters;
import org.bouncycastle.crypto.params.DHPublicKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * Finite-field Diffie-Hellman with BouncyCastle's {@link DHKeyPairGenerator} and {@link
 * DHBasicAgreement}, over an RFC 7919 group or parameters a TLS 1.2 server chose. Every value on
 * the wire and the shared secret are left-padded to the byte length of p (RFC 8446 §4.2.8.1,
 * §7.4.1).
 */
final class BcFfdhKeyExchange implements KeyExchange {
    private final KeyExchangeAlgorithm algorithm;
    private final DhParameters parameters;
    /** No subgroup order q: peers are checked for 1 < y < p-1 only, as on the jca provider. */
    private final DHParameters bcParameters;
    private final BigInteger pMinusOne;
    private final int length;

    /**
     * @param algorithm the named group, or {@code null} for server-chosen parameters
     * @param exponentBits the size of the private exponents {@link #generate} draws
     */
    BcFfdhKeyExchange(KeyExchangeAlgorithm algorithm, DhParameters parameters, int exponentBits) {
        this.algorithm = algorithm;
        this.parameters = parameters;
        this.bcParameters = new DHParameters(parameters.p(), parameters.g(), null, exponentBits);
        this.pMinusOne = parameters.p().subtract(BigInteger.ONE);
        this.length = parameters.byteLength();
    }

    @Override
    public KeyExchangeAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public KeyShare generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        DHKeyPairGenerator generator = new DHKeyPairGenerator();
        generator.init(new DHKeyGenerationParameters(random, bcParameters));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        BigInteger y = ((DHPublicKeyParameters) pair.getPublic()).getY();
        return new Share((DHPrivateKeyParameters) pair.getPrivate(), BigIntegers.asUnsignedByteArray(length, y));
    }

    @Override
    public KeyShare fromPrivateKey(byte[] privateKey) {
        BigInteger x = new BigInteger(1, privateKey);
        if (privateKey.length > length || x.compareTo(BigInteger.ONE) <= 0 || x.compareTo(pMinusOne) >= 0) {
            throw new IllegalArgumentException(name() + " private exponent must lie in (1, p-1)");
        }
        BigInteger y = parameters.g().modPow(x, parameters.p());
        return new Share(new DHPrivateKeyParameters(x, bcParameters), BigIntegers.asUnsignedByteArray(length, y));
    }

    @Override
    public Result respond(byte[] peerShare, SecureRandom random) throws InvalidKeyShareException {
        DHPublicKeyParameters peer = decodePeer(peerShare);
        Share share = (Share) generate(random);
        try {
            return new Result(share.publicShare(), agree(share.privateKey, peer));
        } finally {
            share.destroy();
        }
    }

    private DHPublicKeyParameters decodePeer(byte[] peerShare) throws InvalidKeyShareException {
        // RFC 8446 §4.2.8.1: a TLS 1.3 key_share is left-padded to the size of p. TLS 1.2
        // (RFC 5246 §7.4.3, §7.4.7.2) carries dh_Ys / dh_Yc as opaque<1..2^16-1>, which peers
        // often send without leading zeros, so the DhParameters form accepts 1 to |p| bytes.
        boolean lengthOk = algorithm != null
                ? peerShare.length == length
                : peerShare.length >= 1 && peerShare.length <= length;
        if (!lengthOk) {
            throw new InvalidKeyShareException(name() + " share must be " + length + " bytes, not " + peerShare.length);
        }
        BigInteger y = new BigInteger(1, peerShare);
        // RFC 8446 §4.2.8.1, RFC 7919 §5.1: peers MUST check 1 < Y < p-1.
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(pMinusOne) >= 0) {
            throw new InvalidKeyShareException(name() + " public value is outside (1, p-1)");
        }
        return new DHPublicKeyParameters(y, bcParameters);
    }

    /** The agreement, left-padded to the length of p (RFC 8446 §7.4.1). */
    private byte[] agree(DHPrivateKeyParameters key, DHPublicKeyParameters peer) throws InvalidKeyShareException {
        DHBasicAgreement agreement = new DHBasicAgreement();
        agreement.init(key);
        try {
            return BigIntegers.asUnsignedByteArray(length, agreement.calculateAgreement(peer));
        } catch (IllegalStateException | IllegalArgumentException e) {
            // BouncyCastle refuses a result of 1, which only a peer value of tiny order gives.
            throw new InvalidKeyShareException(name() + " shared secret is 1: the peer value has small order", e);
        }
    }

    private String name() {
        return algorithm != null ? algorithm.toString() : "DH-" + parameters.bitLength();
    }

    /**
     * The initiator's key pair. BouncyCastle keeps the exponent as an immutable BigInteger, which
     * cannot be overwritten; {@link #destroy} drops the reference.
     */
    private final class Share implements KeyShare {
        private DHPrivateKeyParameters privateKey;
        private final byte[] publicShare;

        Share(DHPrivateKeyParameters privateKey, byte[] publicShare) {
            this.privateKey = privateKey;
            this.publicShare = publicShare;
        }

        @Override
        public KeyExchangeAlgorithm algorithm() {
            return algorithm;
        }

        @Override
        public byte[] publicShare() {
            return publicShare.clone();
        }

        @Override
        public byte[] agree(byte[] peerShare) throws InvalidKeyShareException {
            if (privateKey == null) {
                throw new IllegalStateException(name() + " key share was destroyed");
            }
            return BcFfdhKeyExchange.this.agree(privateKey, decodePeer(peerShare));
        }

        @Override
        public void destroy() {
            privateKey = null;
        }

        @Override
        public boolean isDestroyed() {
            return privateKey == null;
        }
    }
}
