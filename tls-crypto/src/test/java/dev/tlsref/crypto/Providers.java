package dev.tlsref.crypto;

import java.util.stream.Stream;

/** The providers every crypto test runs against, for {@code @MethodSource}. */
final class Providers {
    private Providers() {}

    /** Both implementations: the JDK's and BouncyCastle's. */
    static Stream<CryptoProvider> both() {
        return Stream.of(CryptoProviders.jca(), CryptoProviders.bc());
    }
}
