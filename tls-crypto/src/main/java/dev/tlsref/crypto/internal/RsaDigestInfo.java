package dev.tlsref.crypto.internal;

import java.util.HexFormat;

/**
 * The DigestInfo that RSASSA-PKCS1-v1_5 signs (RFC 8017 §9.2 step 2), for the hashes of the
 * TLS rsa_pkcs1_* schemes.
 *
 * <p>Both providers verify by building this encoding and comparing it with the recovered one,
 * as RFC 8017 §8.2.2 steps 3 and 4 specify, rather than parsing what the signature holds. So
 * the one legacy variant both libraries would otherwise accept, a DigestInfo without the NULL
 * parameters, is refused; nothing is parsed from the peer.
 *
 * <p>Not part of the public API: the package is not exported by {@code dev.tlsref.crypto}.
 */
public final class RsaDigestInfo {
    private static final HexFormat HEX = HexFormat.of();

    // RFC 8017 §9.2 note 1: DER of DigestInfo up to the digest, parameters NULL.
    private static final String SHA256_PREFIX = "3031300d060960864801650304020105000420";
    private static final String SHA384_PREFIX = "3041300d060960864801650304020205000430";
    private static final String SHA512_PREFIX = "3051300d060960864801650304020305000440";

    private RsaDigestInfo() {}

    /**
     * DER {@code DigestInfo ::= SEQUENCE { digestAlgorithm AlgorithmIdentifier, digest OCTET
     * STRING }} for {@code digest}, a hash named as the JCA names it.
     *
     * @throws IllegalArgumentException for another hash or a digest of the wrong length
     */
    public static byte[] encode(String hashName, byte[] digest) {
        byte[] prefix = HEX.parseHex(prefix(hashName));
        // The prefix's last byte is the OCTET STRING length, the digest length.
        if (digest.length != prefix[prefix.length - 1]) {
            throw new IllegalArgumentException(hashName + " digest of " + digest.length + " bytes");
        }
        byte[] encoded = new byte[prefix.length + digest.length];
        System.arraycopy(prefix, 0, encoded, 0, prefix.length);
        System.arraycopy(digest, 0, encoded, prefix.length, digest.length);
        return encoded;
    }

    private static String prefix(String hashName) {
        switch (hashName) {
            case "SHA-256":
                return SHA256_PREFIX;
            case "SHA-384":
                return SHA384_PREFIX;
            case "SHA-512":
                return SHA512_PREFIX;
            default:
                throw new IllegalArgumentException("no DigestInfo for " + hashName);
        }
    }
}
