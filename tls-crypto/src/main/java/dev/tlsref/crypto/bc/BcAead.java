package dev.tlsref.crypto.bc;

import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.AeadTagException;
import dev.tlsref.crypto.internal.AeadArguments;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * An {@link Aead} on one of BouncyCastle's lightweight {@link AEADCipher}s (GCM, ChaCha20-Poly1305
 * or CCM, chosen by {@link BcSymmetric}).
 *
 * <p>Two cipher objects, one to seal and one to open, because BouncyCastle's GCM refuses to
 * encrypt under the nonce of its previous init, even a decryption. Each is keyed on its first
 * use and afterwards re-initialised with a null key, which keeps the AES key schedule and GCM's
 * multiplication tables.
 *
 * <p>BouncyCastle writes plaintext before it has checked the tag, so {@code open} decrypts into
 * a private scratch array and copies out only after the tag verified; on failure the scratch and
 * the output range are zeroed. The lightweight API works on arrays only, so direct buffers are
 * copied through scratch arrays too. The scratch arrays grow to the largest record seen and are
 * then reused: no allocation per record here (BouncyCastle's init allocates a little).
 */
final class BcAead implements Aead {
    private static final byte[] EMPTY = new byte[0];

    private final AeadAlgorithm algorithm;
    private final KeyParameter key;
    private final AEADCipher sealer;
    private final AEADCipher opener;
    private boolean sealerKeyed;
    private boolean openerKeyed;
    private final byte[] lastSealNonce = new byte[AeadAlgorithm.NONCE_LENGTH];
    private boolean hasSealed;
    private byte[] scratchIn = EMPTY;
    private byte[] scratchOut = EMPTY;

    BcAead(AeadAlgorithm algorithm, byte[] key, Supplier<AEADCipher> cipherFactory) {
        this.algorithm = algorithm;
        this.key = new KeyParameter(key); // copies the key
        this.sealer = cipherFactory.get();
        this.opener = cipherFactory.get();
    }

    @Override
    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, byte[] in, int inOffset, int inLength, byte[] out, int outOffset) {
        AeadArguments.checkNonceAndAad(algorithm, nonce, aad);
        Objects.checkFromIndexSize(inOffset, inLength, in.length);
        Objects.checkFromIndexSize(outOffset, inLength + algorithm.tagLength(), out.length);
        if (in == out && AeadArguments.overlap(inOffset, inLength, outOffset, inLength + algorithm.tagLength())) {
            // BouncyCastle would copy the input itself, allocating; use our scratch instead.
            byte[] copy = scratchIn(inLength);
            System.arraycopy(in, inOffset, copy, 0, inLength);
            return sealArrays(nonce, aad, copy, 0, inLength, out, outOffset);
        }
        return sealArrays(nonce, aad, in, inOffset, inLength, out, outOffset);
    }

    @Override
    public int open(byte[] nonce, byte[] aad, byte[] in, int inOffset, int inLength, byte[] out, int outOffset)
            throws AeadTagException {
        AeadArguments.checkNonceAndAad(algorithm, nonce, aad);
        Objects.checkFromIndexSize(inOffset, inLength, in.length);
        int plaintextLength = AeadArguments.plaintextLength(algorithm, inLength);
        Objects.checkFromIndexSize(outOffset, plaintextLength, out.length);
        try {
            openToScratch(nonce, aad, in, inOffset, inLength);
        } catch (AeadTagException e) {
            Arrays.fill(out, outOffset, outOffset + plaintextLength, (byte) 0);
            throw e;
        }
        System.arraycopy(scratchOut, 0, out, outOffset, plaintextLength);
        return plaintextLength;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, ByteBuffer in, ByteBuffer out) {
        AeadArguments.checkNonceAndAad(algorithm, nonce, aad);
        AeadArguments.checkDistinct(in, out);
        int length = in.remaining();
        int sealedLength = length + algorithm.tagLength();
        if (out.remaining() < sealedLength) {
            throw new BufferOverflowException();
        }
        if (in.hasArray() && out.hasArray()) {
            int written = seal(nonce, aad, in.array(), in.arrayOffset() + in.position(), length,
                    out.array(), out.arrayOffset() + out.position());
            in.position(in.position() + length);
            out.position(out.position() + written);
            return written;
        }
        byte[] input = scratchIn(length);
        in.get(input, 0, length);
        byte[] output = scratchOut(sealedLength);
        int written = sealArrays(nonce, aad, input, 0, length, output, 0);
        out.put(output, 0, written);
        return written;
    }

    @Override
    public int open(byte[] nonce, byte[] aad, ByteBuffer in, ByteBuffer out) throws AeadTagException {
        AeadArguments.checkNonceAndAad(algorithm, nonce, aad);
        AeadArguments.checkDistinct(in, out);
        int length = in.remaining();
        int plaintextLength = AeadArguments.plaintextLength(algorithm, length);
        if (out.remaining() < plaintextLength) {
            throw new BufferOverflowException();
        }
        int inPosition = in.position();
        try {
            if (in.hasArray()) {
                openToScratch(nonce, aad, in.array(), in.arrayOffset() + inPosition, length);
            } else {
                byte[] input = scratchIn(length);
                in.get(inPosition, input, 0, length);
                openToScratch(nonce, aad, input, 0, length);
            }
        } catch (AeadTagException e) {
            int outPosition = out.position();
            for (int i = 0; i < plaintextLength; i++) {
                out.put(outPosition + i, (byte) 0);
            }
            throw e;
        }
        in.position(inPosition + length);
        out.put(scratchOut, 0, plaintextLength);
        return plaintextLength;
    }

    /** Seals when {@code in} and {@code out} do not overlap. */
    private int sealArrays(byte[] nonce, byte[] aad, byte[] in, int inOffset, int inLength, byte[] out,
            int outOffset) {
        refuseRepeatedSealNonce(nonce);
        sealer.init(true, parameters(sealerKeyed, nonce));
        sealerKeyed = true;
        System.arraycopy(nonce, 0, lastSealNonce, 0, nonce.length);
        hasSealed = true;
        sealer.processAADBytes(aad, 0, aad.length);
        int written = sealer.processBytes(in, inOffset, inLength, out, outOffset);
        try {
            return written + sealer.doFinal(out, outOffset + written);
        } catch (InvalidCipherTextException e) {
            // Only decryption checks a tag; encryption has nothing to refuse.
            throw new IllegalStateException(algorithm + " seal failed", e);
        }
    }

    /**
     * Decrypts and verifies into {@code scratchOut[0, inLength - tagLength)}. On a bad tag the
     * scratch is zeroed and nothing reaches the caller.
     */
    private void openToScratch(byte[] nonce, byte[] aad, byte[] in, int inOffset, int inLength)
            throws AeadTagException {
        int plaintextLength = inLength - algorithm.tagLength();
        byte[] output = scratchOut(plaintextLength);
        opener.init(false, parameters(openerKeyed, nonce));
        openerKeyed = true;
        opener.processAADBytes(aad, 0, aad.length);
        int written = opener.processBytes(in, inOffset, inLength, output, 0);
        try {
            opener.doFinal(output, written);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(output, 0, plaintextLength, (byte) 0);
            throw new AeadTagException(algorithm + " tag did not verify");
        }
    }

    /** The key on a cipher's first init only; a null key tells BouncyCastle to keep the last one. */
    private AEADParameters parameters(boolean keyed, byte[] nonce) {
        return new AEADParameters(keyed ? null : key, algorithm.tagLength() * Byte.SIZE, nonce);
    }

    /** RFC 5116 §3: a nonce MUST NOT repeat under one key; see JcaAead for why only the last. */
    private void refuseRepeatedSealNonce(byte[] nonce) {
        if (hasSealed && Arrays.equals(nonce, lastSealNonce)) {
            throw new IllegalStateException(algorithm + ": the nonce of the previous seal was used again");
        }
    }

    private byte[] scratchIn(int length) {
        if (scratchIn.length < length) {
            scratchIn = new byte[length];
        }
        return scratchIn;
    }

    private byte[] scratchOut(int length) {
        if (scratchOut.length < length) {
            scratchOut = new byte[length];
        }
        return scratchOut;
    }
}
