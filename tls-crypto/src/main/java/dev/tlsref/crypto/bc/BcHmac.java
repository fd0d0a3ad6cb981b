package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.Hmac;
import java.util.Objects;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** An {@link Hmac} on BouncyCastle's {@link HMac} over {@link BcHash#newDigest}. */
final class BcHmac implements Hmac {
    private final HashAlgorithm algorithm;
    private final HMac mac;

    BcHmac(HashAlgorithm algorithm, byte[] key) {
        this.algorithm = algorithm;
        this.mac = new HMac(BcHash.newDigest(algorithm));
        this.mac.init(new KeyParameter(key)); // KeyParameter copies the key
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        mac.update(data, offset, length);
    }

    @Override
    public byte[] doFinal() {
        byte[] out = new byte[algorithm.length()];
        mac.doFinal(out, 0); // HMac.doFinal resets to the keyed initial state
        return out;
    }
}
