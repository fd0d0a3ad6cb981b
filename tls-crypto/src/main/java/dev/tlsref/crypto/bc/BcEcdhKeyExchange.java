package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.KeyShare;
import dev.tlsref.crypto.internal.AbstractKeyShare;
import dev.tlsref.crypto.internal.EcPointEncoding;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDH on P-256, P-384 and P-521 with BouncyCastle's {@link ECDHBasicAgreement} over the
 * special-form curve implementations of {@link CustomNamedCurves}. Shares are uncompressed
 * X9.62 points, validated before use.
 */
final class BcEcdhKeyExchange implements KeyExchange {
    private final KeyExchangeAlgorithm algorithm;
    private final ECDomainParameters domain;
    private final EcPointEncoding encoding;
    private final int scalarLength;

    BcEcdhKeyExchange(KeyExchangeAlgorithm algorithm) {
        this.algorithm = algorithm;
        X9ECParameters curve = CustomNamedCurves.getByName(curveName(algorithm));
        this.domain = new ECDomainParameters(curve);
        this.encoding = new EcPointEncoding(algorithm, curve.getCurve().getField().getCharacteristic());
        this.scalarLength = (curve.getN().bitLength() + 7) / 8;
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

    @Override
    public KeyExchangeAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public KeyShare generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new Share((ECPrivateKeyParameters) pair.getPrivate(),
                ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false));
    }

    @Override
    public KeyShare fromPrivateKey(byte[] privateKey) {
        if (privateKey.length != scalarLength) {
            throw new IllegalArgumentException(algorithm + " private key must be " + scalarLength
                    + " bytes, not " + privateKey.length);
        }
        BigInteger d = new BigInteger(1, privateKey);
        if (d.signum() == 0 || d.compareTo(domain.getN()) >= 0) {
            throw new IllegalArgumentException(algorithm + " private key must lie in [1, n-1]");
        }
        ECPoint q = new FixedPointCombMultiplier().multiply(domain.getG(), d).normalize();
        return new Share(new ECPrivateKeyParameters(d, domain), q.getEncoded(false));
    }

    @Override
    public Result respond(byte[] peerShare, SecureRandom random) throws InvalidKeyShareException {
        ECPublicKeyParameters peer = decodePeer(peerShare);
        return ((Share) generate(random)).respondTo(peer, this::agree);
    }

    /**
     * Decodes and validates a peer's point (RFC 8446 §4.2.8.2, which defers to NIST SP 800-56A
     * §5.6.2.3.4 partial validation; RFC 8422 §5.11 for TLS 1.2).
     */
    private ECPublicKeyParameters decodePeer(byte[] share) throws InvalidKeyShareException {
        // Form, length and SP 800-56A §5.6.2.3.4 step 2 (coordinates in [0, p-1]).
        encoding.decode(share);
        ECCurve curve = domain.getCurve();
        ECPoint point;
        try {
            // decodePoint checks the curve equation itself and throws IllegalArgumentException.
            point = curve.decodePoint(share);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyShareException(algorithm + " point is not on the curve", e);
        }
        // Steps 1 and 3: not the point at infinity, and on the curve. The cofactor is 1, so
        // every curve point has prime order n.
        if (point.isInfinity() || !point.isValid()) {
            throw new InvalidKeyShareException(algorithm + " point is not on the curve");
        }
        return new ECPublicKeyParameters(point, domain);
    }

    /** RFC 8446 §7.4.2: the shared secret is the x-coordinate, as many bytes as the field. */
    private byte[] agree(ECPrivateKeyParameters key, ECPublicKeyParameters peer) throws InvalidKeyShareException {
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(key);
        try {
            return BigIntegers.asUnsignedByteArray(encoding.fieldLength(), agreement.calculateAgreement(peer));
        } catch (IllegalStateException e) {
            throw new InvalidKeyShareException(algorithm + " agreement gave the point at infinity", e);
        }
    }

    /**
     * The initiator's key pair. BouncyCastle keeps the scalar as an immutable BigInteger, which
     * cannot be overwritten; {@link #destroy} drops the reference.
     */
    private final class Share extends AbstractKeyShare<ECPrivateKeyParameters> {

        Share(ECPrivateKeyParameters privateKey, byte[] publicShare) {
            super(algorithm, algorithm.toString(), privateKey, publicShare);
        }

        @Override
        public byte[] agree(byte[] peerShare) throws InvalidKeyShareException {
            return BcEcdhKeyExchange.this.agree(privateKey(), decodePeer(peerShare));
        }
    }
}
