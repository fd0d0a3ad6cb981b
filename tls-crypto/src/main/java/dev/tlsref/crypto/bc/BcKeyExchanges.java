package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.DhParameters;
import dev.tlsref.crypto.FfdheGroups;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import java.util.Objects;

/**
 * The key exchanges of the {@code bc} provider, all on BouncyCastle's lightweight API: RFC 7748
 * X25519/X448, the custom (fast) NIST curves, DH, and FIPS 203 ML-KEM, which also makes the
 * X25519MLKEM768 hybrid possible.
 */
final class BcKeyExchanges {

    boolean supports(KeyExchangeAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        return true;
    }

    KeyExchange keyExchange(KeyExchangeAlgorithm algorithm) {
        switch (Objects.requireNonNull(algorithm, "algorithm")) {
            case X25519:
                return BcXdhKeyExchange.x25519();
            case X448:
                return BcXdhKeyExchange.x448();
            case SECP256R1:
            case SECP384R1:
            case SECP521R1:
                return new BcEcdhKeyExchange(algorithm);
            case FFDHE2048:
            case FFDHE3072:
            case FFDHE4096:
                return new BcFfdhKeyExchange(
                        algorithm, FfdheGroups.parameters(algorithm), FfdheGroups.shortExponentBits(algorithm));
            case MLKEM768:
                return new BcMlKemKeyExchange();
            case X25519MLKEM768:
                return new BcHybridKeyExchange(new BcMlKemKeyExchange(), BcXdhKeyExchange.x25519());
            default:
                throw new UnsupportedOperationException("the bc provider has no " + algorithm);
        }
    }

    /** Server-chosen TLS 1.2 parameters: a full-size private exponent, since p's structure is unknown. */
    KeyExchange keyExchange(DhParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return new BcFfdhKeyExchange(null, parameters, parameters.bitLength() - 1);
    }
}
