package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.DhParameters;
import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.KeyShare;
import dev.tlsref.crypto.internal.AbstractKeyShare;
import dev.tlsref.crypto.internal.FfdhValues;
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
    private final FfdhValues values;

    /**
     * @param algorithm the named group, or {@code null} for server-chosen parameters
     * @param exponentBits the size of the private exponents {@link #generate} draws
     */
    BcFfdhKeyExchange(KeyExchangeAlgorithm algorithm, DhParameters parameters, int exponentBits) {
        this.algorithm = algorithm;
        this.parameters = parameters;
        this.bcParameters = new DHParameters(parameters.p(), parameters.g(), null, exponentBits);
        this.values = new FfdhValues(algorithm, parameters);
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
        return new Share((DHPrivateKeyParameters) pair.getPrivate(), values.pad(y));
    }

    @Override
    public KeyShare fromPrivateKey(byte[] privateKey) {
        BigInteger x = values.privateExponent(privateKey);
        BigInteger y = parameters.g().modPow(x, parameters.p());
        return new Share(new DHPrivateKeyParameters(x, bcParameters), values.pad(y));
    }

    @Override
    public Result respond(byte[] peerShare, SecureRandom random) throws InvalidKeyShareException {
        DHPublicKeyParameters peer = decodePeer(peerShare);
        return ((Share) generate(random)).respondTo(peer, this::agree);
    }

    private DHPublicKeyParameters decodePeer(byte[] peerShare) throws InvalidKeyShareException {
        BigInteger y = values.peerValue(peerShare);
        return new DHPublicKeyParameters(y, bcParameters);
    }

    /** The agreement, left-padded to the length of p (RFC 8446 §7.4.1). */
    private byte[] agree(DHPrivateKeyParameters key, DHPublicKeyParameters peer) throws InvalidKeyShareException {
        DHBasicAgreement agreement = new DHBasicAgreement();
        agreement.init(key);
        try {
            return values.pad(agreement.calculateAgreement(peer));
        } catch (IllegalStateException | IllegalArgumentException e) {
            // BouncyCastle refuses a result of 1, which only a peer value of tiny order gives.
            throw new InvalidKeyShareException(name() + " shared secret is 1: the peer value has small order", e);
        }
    }

    private String name() {
        return values.name();
    }

    /**
     * The initiator's key pair. BouncyCastle keeps the exponent as an immutable BigInteger, which
     * cannot be overwritten; {@link #destroy} drops the reference.
     */
    private final class Share extends AbstractKeyShare<DHPrivateKeyParameters> {

        Share(DHPrivateKeyParameters privateKey, byte[] publicShare) {
            super(algorithm, name(), privateKey, publicShare);
        }

        @Override
        public byte[] agree(byte[] peerShare) throws InvalidKeyShareException {
            return BcFfdhKeyExchange.this.agree(privateKey(), decodePeer(peerShare));
        }
    }
}
