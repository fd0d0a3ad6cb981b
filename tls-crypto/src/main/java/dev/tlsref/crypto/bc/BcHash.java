package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.Hash;
import dev.tlsref.crypto.HashAlgorithm;
import java.util.Objects;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;

/**
 * A {@link Hash} on BouncyCastle's {@link SHA256Digest} / {@link SHA384Digest}. {@link #copy()}
 * uses their copy constructors, which duplicate the running state.
 */
final class BcHash implements Hash {
    private final HashAlgorithm algorithm;
    private final Digest digest;

    BcHash(HashAlgorithm algorithm) {
        this(algorithm, newDigest(algorithm));
    }

    private BcHash(HashAlgorithm algorithm, Digest digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    /** A fresh digest for {@code algorithm}; BcHmac uses it too. */
    static Digest newDigest(HashAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA256 -> new SHA256Digest();
            case SHA384 -> new SHA384Digest();
        };
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        digest.update(data, offset, length);
    }

    @Override
    public Hash copy() {
        Digest copy = switch (algorithm) {
            case SHA256 -> new SHA256Digest((SHA256Digest) digest);
            case SHA384 -> new SHA384Digest((SHA384Digest) digest);
        };
        return new BcHash(algorithm, copy);
    }

    @Override
    public byte[] digest() {
        byte[] out = new byte[algorithm.length()];
        digest.doFinal(out, 0); // doFinal also resets
        return out;
    }
}
