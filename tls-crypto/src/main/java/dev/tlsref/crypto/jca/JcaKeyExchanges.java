package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.DhParameters;
import dev.tlsref.crypto.FfdheGroups;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import java.util.Objects;
import javax.security.auth.DestroyFailedException;
import javax.security.auth.Destroyable;

/**
 * The key exchanges of the {@code jca} provider, on the JDK's SunEC (X25519, X448, ECDH) and
 * SunJCE (finite-field DH) providers. JDK 17 has no ML-KEM, so neither ML-KEM-768 nor the
 * X25519MLKEM768 hybrid is offered here.
 */
final class JcaKeyExchanges {

    boolean supports(KeyExchangeAlgorithm algorithm) {
        switch (Objects.requireNonNull(algorithm, "algorithm")) {
            case MLKEM768:
            case X25519MLKEM768:
                return false;
            default:
                return true;
        }
    }

    KeyExchange keyExchange(KeyExchangeAlgorithm algorithm) {
        switch (Objects.requireNonNull(algorithm, "algorithm")) {
            case X25519:
                return JcaXdhKeyExchange.x25519();
            case X448:
                return JcaXdhKeyExchange.x448();
            case SECP256R1:
            case SECP384R1:
            case SECP521R1:
                return new JcaEcdhKeyExchange(algorithm);
            case FFDHE2048:
            case FFDHE3072:
            case FFDHE4096:
                return new JcaFfdhKeyExchange(
                        algorithm, FfdheGroups.parameters(algorithm), FfdheGroups.shortExponentBits(algorithm));
            default:
                throw new UnsupportedOperationException("the jca provider has no " + algorithm
                        + ": JDK 17 has no ML-KEM (FIPS 203); use the bc provider");
        }
    }

    /** Server-chosen TLS 1.2 parameters: a full-size private exponent, since p's structure is unknown. */
    KeyExchange keyExchange(DhParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return new JcaFfdhKeyExchange(null, parameters, parameters.bitLength() - 1);
    }

    /** Asks a JDK key to wipe itself; most JDK keys cannot, which is not an error here. */
    static void tryDestroy(Object key) {
        if (key instanceof Destroyable) {
            try {
                ((Destroyable) key).destroy();
            } catch (DestroyFailedException e) {
                // The JDK's EC, XEC and DH keys do not implement destroy(); the reference is dropped.
            }
        }
    }
}
