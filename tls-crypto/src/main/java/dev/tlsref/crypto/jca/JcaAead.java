package dev.tlsref.crypto.jca;

import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.AeadTagException;
import dev.tlsref.crypto.internal.AeadArguments;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An {@link Aead} on {@link javax.crypto.Cipher}: {@code AES/GCM/NoPadding} or
 * {@code ChaCha20-Poly1305} from the provider that {@code Cipher.getInstance} picked when the
 * {@code jca} provider was made (SunJCE with the default provider list).
 *
 * <p>Two {@code Cipher} objects, one to seal and one to open, because SunJCE remembers the
 * last nonce of a {@code Cipher} across modes: GCM refuses to encrypt under the IV it last
 * decrypted with, ChaCha20 refuses any re-init with the same key and nonce. Each is made on its
 * first use: a record layer's keys only ever seal (write keys) or only ever open (read keys),
 * and the application keys of a short connection may never be used at all. The key is one
 * {@link SecretKeySpec} made once; each record needs a new parameter spec (the JCA offers no
 * other way to pass a nonce), nothing else is allocated here.
 *
 * <p>SunJCE decrypts only after the tag has verified (it buffers the whole ciphertext), so
 * opening in place costs SunJCE a copy. In place with the same start works directly. An output
 * range that overlaps the input at a different start is copied here first, because SunJCE's
 * ChaCha20 encrypts straight from input to output and would read bytes it already overwrote.
 * That check needs arrays: two direct buffers over the same memory must start at the same
 * position.
 *
 * <p>SunJCE's ChaCha20-Poly1305 (JDK 17) opens straight from the caller's array only if the
 * ciphertext starts at index 0; from any other offset it collects the ciphertext in a
 * {@code ByteArrayOutputStream} and copies that out again, two fresh arrays the size of the
 * record. A TLS record's ciphertext starts after its 5-byte header, so ChaCha20 ciphertext at a
 * nonzero offset is first copied to index 0 of a scratch array this object keeps.
 */
final class JcaAead implements Aead {
    private final AeadAlgorithm algorithm;
    private final SecretKeySpec key;
    private final Provider provider;
    private Cipher sealer; // made by the first seal
    private Cipher opener; // made by the first open
    private final byte[] lastSealNonce = new byte[AeadAlgorithm.NONCE_LENGTH];
    private boolean hasSealed;
    private final byte[] lastOpenNonce = new byte[AeadAlgorithm.NONCE_LENGTH];
    private boolean hasOpened;
    private byte[] scratch = new byte[0];

    /** An AEAD whose ciphers {@code provider}, which offers {@link #transformation}, will make. */
    JcaAead(AeadAlgorithm algorithm, byte[] key, Provider provider) {
        this.algorithm = algorithm;
        this.key = new SecretKeySpec(key, keyAlgorithm(algorithm)); // copies the key
        this.provider = provider;
    }

    static boolean supports(AeadAlgorithm algorithm) {
        return switch (algorithm) {
            case AES_128_GCM, AES_256_GCM, CHACHA20_POLY1305 -> true;
            // SunJCE has no AES/CCM; the JDK's TLS does not offer the CCM suites either.
            case AES_128_CCM, AES_128_CCM_8 -> false;
        };
    }

    /** The JCA transformation of a {@link #supports supported} algorithm. */
    static String transformation(AeadAlgorithm algorithm) {
        return algorithm == AeadAlgorithm.CHACHA20_POLY1305 ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding";
    }

    private static String keyAlgorithm(AeadAlgorithm algorithm) {
        return algorithm == AeadAlgorithm.CHACHA20_POLY1305 ? "ChaCha20" : "AES";
    }

    private Cipher newCipher() {
        try {
            return Cipher.getInstance(transformation(algorithm), provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(provider.getName() + " no longer offers " + transformation(algorithm), e);
        }
    }

    private AlgorithmParameterSpec parameters(byte[] nonce) {
        return algorithm == AeadAlgorithm.CHACHA20_POLY1305
                ? new IvParameterSpec(nonce)
                : new GCMParameterSpec(algorithm.tagLength() * Byte.SIZE, nonce);
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
        if (overlapsShifted(in, inOffset, inLength, out, outOffset, inLength + algorithm.tagLength())) {
            in = detach(in, inOffset, inLength);
            inOffset = 0;
        }
        startSeal(nonce, aad);
        try {
            return sealer.doFinal(in, inOffset, inLength, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " seal failed", e);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, byte[] in, int inOffset, int inLength, byte[] out, int outOffset)
            throws AeadTagException {
        AeadArguments.checkNonceAndAad(algorithm, nonce, aad);
        Objects.checkFromIndexSize(inOffset, inLength, in.length);
        int plaintextLength = AeadArguments.plaintextLength(algorithm, inLength);
        Objects.checkFromIndexSize(outOffset, plaintextLength, out.length);
        if (overlapsShifted(in, inOffset, inLength, out, outOffset, plaintextLength)
                || (algorithm == AeadAlgorithm.CHACHA20_POLY1305 && inOffset != 0)) {
            in = detach(in, inOffset, inLength); // ChaCha20: see the class comment
            inOffset = 0;
        }
        startOpen(nonce, aad);
        try {
            return opener.doFinal(in, inOffset, inLength, out, outOffset);
        } catch (AEADBadTagException e) {
            Arrays.fill(out, outOffset, outOffset + plaintextLength, (byte) 0);
            throw tagFailure();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " open failed", e);
        }
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, ByteBuffer in, ByteBuffer out) {
        AeadArguments.checkNonceAndAad(algorithm, nonce, aad);
        AeadArguments.checkDistinct(in, out);
        if (out.remaining() < in.remaining() + algorithm.tagLength()) {
            throw new BufferOverflowException();
        }
        if (in.hasArray() && out.hasArray() && !out.isReadOnly()) {
            // Heap buffers: the array path, which SunJCE runs without the copies of its
            // generic ByteBuffer path.
            int written = seal(nonce, aad, in.array(), in.arrayOffset() + in.position(), in.remaining(),
                    out.array(), out.arrayOffset() + out.position());
            in.position(in.limit());
            out.position(out.position() + written);
            return written;
        }
        startSeal(nonce, aad);
        try {
            return sealer.doFinal(detachShifted(in, out, in.remaining() + algorithm.tagLength()), out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " seal failed", e);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, ByteBuffer in, ByteBuffer out) throws AeadTagException {
        AeadArguments.checkNonceAndAad(algorithm, nonce, aad);
        AeadArguments.checkDistinct(in, out);
        int plaintextLength = AeadArguments.plaintextLength(algorithm, in.remaining());
        if (out.remaining() < plaintextLength) {
            throw new BufferOverflowException();
        }
        int inPosition = in.position();
        int outPosition = out.position();
        if (in.hasArray() && out.hasArray() && !out.isReadOnly()) {
            int written = open(nonce, aad, in.array(), in.arrayOffset() + inPosition, in.remaining(),
                    out.array(), out.arrayOffset() + outPosition);
            in.position(in.limit());
            out.position(outPosition + written);
            return written;
        }
        startOpen(nonce, aad);
        try {
            return opener.doFinal(detachShifted(in, out, plaintextLength), out);
        } catch (AEADBadTagException e) {
            in.position(inPosition);
            out.position(outPosition);
            for (int i = 0; i < plaintextLength; i++) {
                out.put(outPosition + i, (byte) 0);
            }
            throw tagFailure();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " open failed", e);
        }
    }

    /**
     * Keys the sealing cipher for one record. Sealing twice in a row under one nonce is always
     * a caller bug (RFC 5116 §3: a nonce MUST NOT repeat under one key) and would reveal the XOR
     * of two plaintexts, so it is refused here, before SunJCE refuses it less clearly. This
     * catches a sequence number that did not advance; the record layer's sequence numbers are
     * what make every nonce unique.
     */
    private void startSeal(byte[] nonce, byte[] aad) {
        if (hasSealed && Arrays.equals(nonce, lastSealNonce)) {
            throw new IllegalStateException(algorithm + ": the nonce of the previous seal was used again");
        }
        if (sealer == null) {
            sealer = newCipher();
        }
        try {
            sealer.init(Cipher.ENCRYPT_MODE, key, parameters(nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " refused its key or nonce", e);
        }
        System.arraycopy(nonce, 0, lastSealNonce, 0, nonce.length);
        hasSealed = true;
        sealer.updateAAD(aad);
    }

    /**
     * Keys the opening cipher for one record. Opening the same record twice is harmless, but
     * SunJCE's ChaCha20 refuses to be initialised twice in a row with one key and nonce even to
     * decrypt; stepping through a different nonce first keeps both JCA ciphers behaving alike.
     */
    private void startOpen(byte[] nonce, byte[] aad) {
        if (opener == null) {
            opener = newCipher();
        }
        try {
            if (hasOpened && Arrays.equals(nonce, lastOpenNonce)) {
                lastOpenNonce[0] ^= 1; // now differs from nonce
                opener.init(Cipher.DECRYPT_MODE, key, parameters(lastOpenNonce));
            }
            opener.init(Cipher.DECRYPT_MODE, key, parameters(nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " refused its key or nonce", e);
        }
        System.arraycopy(nonce, 0, lastOpenNonce, 0, nonce.length);
        hasOpened = true;
        opener.updateAAD(aad);
    }

    private static boolean overlapsShifted(byte[] in, int inOffset, int inLength, byte[] out, int outOffset,
            int outLength) {
        return in == out && inOffset != outOffset
                && AeadArguments.overlap(inOffset, inLength, outOffset, outLength);
    }

    /** A copy of {@code in[offset, offset+length)} in this instance's scratch array. */
    private byte[] detach(byte[] in, int offset, int length) {
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        System.arraycopy(in, offset, scratch, 0, length);
        return scratch;
    }

    /**
     * {@code in} itself, or if it shares an array with {@code out} at a shifted, overlapping
     * range, a buffer over a copy of its remaining bytes; {@code in} is then consumed here.
     */
    private ByteBuffer detachShifted(ByteBuffer in, ByteBuffer out, int outLength) {
        if (!in.hasArray() || !out.hasArray()) {
            return in;
        }
        int inOffset = in.arrayOffset() + in.position();
        int outOffset = out.arrayOffset() + out.position();
        int length = in.remaining();
        if (!overlapsShifted(in.array(), inOffset, length, out.array(), outOffset, outLength)) {
            return in;
        }
        byte[] copy = detach(in.array(), inOffset, length);
        in.position(in.limit());
        return ByteBuffer.wrap(copy, 0, length);
    }

    private AeadTagException tagFailure() {
        return new AeadTagException(algorithm + " tag did not verify");
    }
}
