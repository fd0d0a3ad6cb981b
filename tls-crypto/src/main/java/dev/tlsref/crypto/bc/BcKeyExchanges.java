package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.DhParameters;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;

/** PLACEHOLDER on the crypto-base branch only: replaced by the key-exchange work. */
final class BcKeyExchanges {
    boolean supports(KeyExchangeAlgorithm algorithm) {
        return false;
    }

    KeyExchange keyExchange(KeyExchangeAlgorithm algorithm) {
        throw new UnsupportedOperationException("placeholder");
    }

    KeyExchange keyExchange(DhParameters parameters) {
        throw new UnsupportedOperationException("placeholder");
    }
}
