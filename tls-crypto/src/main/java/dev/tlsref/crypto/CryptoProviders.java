package dev.tlsref.crypto;

import dev.tlsref.crypto.bc.BcCryptoProvider;
import dev.tlsref.crypto.jca.JcaCryptoProvider;

/** The crypto providers tlsref ships. */
public final class CryptoProviders {
    private static final CryptoProvider JCA = new JcaCryptoProvider();
    private static final CryptoProvider BC = new BcCryptoProvider();
    private static final CryptoProvider PREFERRED = new PreferredCryptoProvider(JCA, BC);

    private CryptoProviders() {}

    /** The JDK's own providers (SunJCE, SunEC, SunRsaSign) through the JCA. */
    public static CryptoProvider jca() {
        return JCA;
    }

    /** BouncyCastle's lightweight API, pure Java, independent of the JCA provider list. */
    public static CryptoProvider bc() {
        return BC;
    }

    /**
     * Per primitive, the faster correct implementation of the two, as measured in tls-bench:
     * the JDK for hashing, HMAC, AES-GCM, ChaCha20-Poly1305 and RSA; BouncyCastle for the
     * elliptic curves, EdDSA, finite-field DH, ML-KEM and AES-CCM.
     */
    public static CryptoProvider preferred() {
        return PREFERRED;
    }
}
