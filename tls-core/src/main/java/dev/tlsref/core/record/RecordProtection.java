package dev.tlsref.core.record;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProvider;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The keys of one direction of a connection and the sequence number of the records they
 * protect: TLS 1.3 AEAD protection (RFC 8446 §5.2) or TLS 1.2 AEAD protection (RFC 5246
 * §6.2.3.3 with RFC 5288 for AES-GCM/CCM and RFC 7905 for ChaCha20-Poly1305).
 *
 * <p>A new instance starts at sequence number 0 (RFC 8446 §5.3, RFC 5246 §6.1), so installing
 * new keys with {@link RecordReader#setProtection} or {@link RecordWriter#setProtection}
 * resets the sequence number. An instance serves exactly one reader or writer. The caller
 * keeps and zeroises the key bytes it passed; {@link RecordReader} and {@link RecordWriter}
 * zeroise the IV of a protection they replace.
 *
 * <p>A sequence number never wraps (RFC 8446 §5.3): after the record with number
 * 2<sup>64</sup>-1 the protection refuses to process any more. {@link #sequenceNumber()}
 * tells how close that is, so that the handshake layer can send a KeyUpdate in time (RFC 8446
 * §5.5 sets much lower limits for AES-GCM).
 */
public abstract sealed class RecordProtection permits Tls13RecordProtection, Tls12AeadRecordProtection {
    /** The AEAD nonce length (RFC 8446 §5.3, RFC 5288 §3, RFC 7905 §2). */
    static final int NONCE_LENGTH = AeadAlgorithm.NONCE_LENGTH;

    final Aead aead;
    /** Reused for every record: no allocation on the data path. */
    final byte[] nonce = new byte[NONCE_LENGTH];
    private long sequenceNumber;
    private boolean exhausted;
    private boolean installed;

    RecordProtection(Aead aead) {
        this.aead = Objects.requireNonNull(aead, "aead");
    }

    /**
     * TLS 1.3 record protection (RFC 8446 §5.2, §5.3) with an AEAD already keyed with the
     * traffic key.
     *
     * @param iv the 12-byte traffic IV ({@code [sender]_write_iv}); copied
     */
    public static RecordProtection tls13(Aead aead, byte[] iv) {
        return new Tls13RecordProtection(aead, iv);
    }

    /** TLS 1.3 record protection, keying a new AEAD from {@code provider}. */
    public static RecordProtection tls13(CryptoProvider provider, AeadAlgorithm algorithm, byte[] key, byte[] iv) {
        return tls13(provider.newAead(algorithm, key), iv);
    }

    /**
     * TLS 1.2 AEAD record protection with an AEAD already keyed with the write key from the key
     * block (RFC 5246 §6.3).
     *
     * @param fixedIv the write IV from the key block: for AES-GCM and AES-CCM the 4-byte
     *     salt (RFC 5288 §3, RFC 6655 §3) that precedes the 8-byte explicit nonce; for
     *     ChaCha20-Poly1305 the 12-byte IV that the sequence number is XORed into (RFC 7905
     *     §2); copied
     */
    public static RecordProtection tls12(Aead aead, byte[] fixedIv) {
        return new Tls12AeadRecordProtection(aead, fixedIv);
    }

    /** TLS 1.2 AEAD record protection, keying a new AEAD from {@code provider}. */
    public static RecordProtection tls12(CryptoProvider provider, AeadAlgorithm algorithm, byte[] key, byte[] fixedIv) {
        return tls12(provider.newAead(algorithm, key), fixedIv);
    }

    /** The AEAD algorithm. */
    public final AeadAlgorithm algorithm() {
        return aead.algorithm();
    }

    /** True for TLS 1.3 protection, false for TLS 1.2. */
    public abstract boolean isTls13();

    /**
     * The sequence number of the next record, unsigned (compare with {@link
     * Long#compareUnsigned}). It starts at 0 for every new key.
     */
    public final long sequenceNumber() {
        return sequenceNumber;
    }

    /** True once the record with sequence number 2<sup>64</sup>-1 has been processed. */
    public final boolean isExhausted() {
        return exhausted;
    }

    // ---- used by RecordReader and RecordWriter ----

    /** The largest TLSCiphertext.length a peer may send under this protection. */
    abstract int maxCiphertextLength();

    /** Bytes between the record header and the encrypted content (an explicit nonce). */
    abstract int explicitNonceLength();

    /** The TLSCiphertext.length of a record that carries {@code contentLength} bytes. */
    abstract int ciphertextLength(int contentLength, int paddingLength);

    /**
     * Seals a record in place. The content is at {@code recordStart + HEADER_LENGTH +
     * explicitNonceLength()}; writes the header, any explicit nonce, the ciphertext and the tag.
     *
     * @return the length of the whole record
     */
    abstract int seal(int contentType, int recordVersion, ByteBuffer buffer, int recordStart,
            int contentLength, int paddingLength, SameMemoryViews views) throws TlsAlertException;

    /**
     * Opens the record at {@code recordStart} in place and points {@code result} at its
     * plaintext.
     *
     * @return the decrypted length that the size limits apply to (RFC 8446 §5.4: for TLS 1.3
     *     the whole TLSInnerPlaintext; RFC 5246 §6.2.3: for TLS 1.2 the plaintext)
     */
    abstract int open(ByteBuffer buffer, int recordStart, int ciphertextLength, SameMemoryViews views,
            RecordView result) throws TlsAlertException;

    /** Zeroises the IV; the protection is unusable afterwards. */
    abstract void destroy();

    /**
     * Gives back the sequence number a record that failed to open took: only for records the
     * reader discards as rejected 0-RTT data (RFC 8446 §4.2.10), which never counted.
     */
    final void resetSequenceNumber(long sequence) {
        sequenceNumber = sequence;
        exhausted = false;
    }

    /** Takes the next sequence number, refusing to wrap (RFC 8446 §5.3). */
    final long nextSequenceNumber(AlertDescription alert, String direction) throws TlsAlertException {
        requireSequenceNumber(alert, direction);
        long current = sequenceNumber;
        if (current == -1L) {
            exhausted = true;
        } else {
            sequenceNumber = current + 1;
        }
        return current;
    }

    /** Fails if no sequence number is left (RFC 8446 §5.3: they MUST NOT wrap). */
    final void requireSequenceNumber(AlertDescription alert, String direction) throws TlsAlertException {
        if (exhausted) {
            throw new TlsAlertException(alert, "the " + direction
                    + " sequence number would wrap past 2^64-1; the keys must be updated first (RFC 8446 §5.3)");
        }
    }

    /** Claims this protection for one reader or writer. */
    final void install() {
        if (installed) {
            throw new IllegalStateException("a RecordProtection serves exactly one reader or writer");
        }
        installed = true;
    }

    /** Test hook: continue as if {@code next} records had been processed. */
    final void skipToSequenceNumberForTest(long next) {
        sequenceNumber = next;
        exhausted = false;
    }

    /** nonce = iv XOR the sequence number left-padded to 12 bytes (RFC 8446 §5.3, RFC 7905 §2). */
    final void xorNonce(byte[] iv, long sequence) {
        System.arraycopy(iv, 0, nonce, 0, NONCE_LENGTH);
        for (int i = 0; i < 8; i++) {
            nonce[NONCE_LENGTH - 1 - i] ^= (byte) (sequence >>> (8 * i));
        }
    }

    static void putLong(byte[] to, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            to[offset + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    static void putHeader(ByteBuffer buffer, int at, int type, int version, int length) {
        buffer.put(at, (byte) type);
        buffer.put(at + 1, (byte) (version >>> 8));
        buffer.put(at + 2, (byte) version);
        buffer.put(at + 3, (byte) (length >>> 8));
        buffer.put(at + 4, (byte) length);
    }

    static byte[] copyIv(byte[] iv, int expectedLength, String what) {
        if (iv.length != expectedLength) {
            throw new IllegalArgumentException(what + " must be " + expectedLength + " bytes, not " + iv.length);
        }
        return iv.clone();
    }
}
