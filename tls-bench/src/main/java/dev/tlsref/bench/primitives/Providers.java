package dev.tlsref.bench.primitives;

import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.CryptoProviders;

/** Looks up a provider by the name a benchmark parameter gives. */
final class Providers {
    private Providers() {}

    static CryptoProvider byName(String name) {
        switch (name) {
            case "jca":
                return CryptoProviders.jca();
            case "bc":
                return CryptoProviders.bc();
            case "preferred":
                return CryptoProviders.preferred();
            default:
                throw new IllegalArgumentException("unknown provider " + name);
        }
    }
}
