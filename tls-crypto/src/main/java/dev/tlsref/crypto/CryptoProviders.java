package dev.tlsref.crypto;

import dev.tlsref.crypto.bc.BcCryptoProvider;
import dev.tlsref.crypto.jca.JcaCryptoProvider;

/** The crypto providers tlsref ships. */
public final class CryptoProviders {
    private static final CryptoProvider JCA = new JcaCryptoProvider();
    private static final CryptoProvider BC = new BcCryptoProvider();

    private CryptoProviders() {}

    /** The JDK's own providers (SunJCE, SunEC, SunRsaSign) through the JCA. */
    public static CryptoProvider jca() {
        return JCA;
    }

    /** BouncyCastle's lightweight API, pure Java, independent of the JCA provider list. */
    public static CryptoProvider bc() {
        return BC;
    }
}
