/**
 * tlsref crypto: the primitives TLS needs behind {@link dev.tlsref.crypto.CryptoProvider},
 * implemented on the JDK's providers and on BouncyCastle's lightweight API.
 */
module dev.tlsref.crypto {
    requires org.bouncycastle.provider;

    exports dev.tlsref.crypto;
}
