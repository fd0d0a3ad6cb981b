package dev.tlsref.crypto;

/**
 * The hash functions TLS 1.2 and TLS 1.3 use for transcripts, HMAC, HKDF and the PRF.
 *
 * <p>RFC 8446 §B.4: every TLS 1.3 cipher suite names SHA-256 or SHA-384. The TLS 1.2 AEAD
 * suites of RFC 5288 and RFC 7905 use the same two for their PRF (RFC 5246 §5).
 */
public enum HashAlgorithm {
    SHA256("SHA-256", "HmacSHA256", 32, 64),
    SHA384("SHA-384", "HmacSHA384", 48, 128);

    private final String jcaName;
    private final String jcaHmacName;
    private final int length;
    private final int blockLength;

    HashAlgorithm(String jcaName, String jcaHmacName, int length, int blockLength) {
        this.jcaName = jcaName;
        this.jcaHmacName = jcaHmacName;
        this.length = length;
        this.blockLength = blockLength;
    }

    /** The standard JCA name of the hash, such as {@code SHA-256}. */
    public String jcaName() {
        return jcaName;
    }

    /** The standard JCA name of its HMAC, such as {@code HmacSHA256}. */
    public String jcaHmacName() {
        return jcaHmacName;
    }

    /** The output length in bytes ({@code Hash.length} in RFC 8446 §7.1). */
    public int length() {
        return length;
    }

    /** The internal block length in bytes. */
    public int blockLength() {
        return blockLength;
    }
}
