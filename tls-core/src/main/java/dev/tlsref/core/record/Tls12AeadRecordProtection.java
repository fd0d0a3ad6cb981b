package dev.tlsref.core.record;

import static dev.tlsref.core.record.RecordSizes.HEADER_LENGTH;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.AeadTagException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * TLS 1.2 AEAD record protection (RFC 5246 §6.2.3.3). The AAD is
 * {@code seq_num(8) || type(1) || version(2) || plaintext length(2)}. The nonce is
 * <ul>
 *   <li>for AES-GCM (RFC 5288 §3) and AES-CCM (RFC 6655 §3): the 4-byte salt from the key
 *       block || an 8-byte explicit nonce carried in front of the ciphertext; we send the
 *       sequence number as the explicit nonce, so it never repeats under one key;
 *   <li>for ChaCha20-Poly1305 (RFC 7905 §2): the 12-byte IV XOR the sequence number, with
 *       nothing carried in the record.
 * </ul>
 */
final class Tls12AeadRecordProtection extends RecordProtection {
    /** RFC 5288 §3: GCMNonce.salt, the implicit part. */
    private static final int SALT_LENGTH = 4;
    /** RFC 5288 §3: GCMNonce.nonce_explicit, carried in each record. */
    private static final int EXPLICIT_NONCE_LENGTH = 8;
    /** RFC 5246 §6.2.3.3: seq_num + type + version + length. */
    private static final int AAD_LENGTH = 13;

    private final byte[] fixedIv;
    private final boolean explicitNonce;
    private final byte[] aad = new byte[AAD_LENGTH];

    Tls12AeadRecordProtection(Aead aead, byte[] fixedIv) {
        super(aead);
        this.explicitNonce = aead.algorithm() != AeadAlgorithm.CHACHA20_POLY1305;
        this.fixedIv = explicitNonce
                ? copyIv(fixedIv, SALT_LENGTH, "the TLS 1.2 " + aead.algorithm() + " salt")
                : copyIv(fixedIv, NONCE_LENGTH, "the TLS 1.2 ChaCha20-Poly1305 write IV");
    }

    @Override
    public boolean isTls13() {
        return false;
    }

    @Override
    int maxCiphertextLength() {
        return RecordSizes.MAX_TLS12_CIPHERTEXT_LENGTH;
    }

    @Override
    int explicitNonceLength() {
        return explicitNonce ? EXPLICIT_NONCE_LENGTH : 0;
    }

    @Override
    int ciphertextLength(int contentLength, int paddingLength) {
        return explicitNonceLength() + contentLength + aead.algorithm().tagLength();
    }

    @Override
    int seal(int contentType, int recordVersion, ByteBuffer buffer, int recordStart, int contentLength,
            int paddingLength, SameMemoryViews views) throws TlsAlertException {
        long sequence = nextSequenceNumber(AlertDescription.INTERNAL_ERROR, "write");
        int length = ciphertextLength(contentLength, 0);
        putHeader(buffer, recordStart, contentType, recordVersion, length);
        makeNonce(sequence);
        if (explicitNonce) {
            buffer.put(recordStart + HEADER_LENGTH, nonce, SALT_LENGTH, EXPLICIT_NONCE_LENGTH);
        }
        makeAad(sequence, contentType, recordVersion, contentLength);
        int content = recordStart + HEADER_LENGTH + explicitNonceLength();
        aead.seal(nonce, aad, views.input(buffer, content, content + contentLength),
                views.output(buffer, content, recordStart + HEADER_LENGTH + length));
        return HEADER_LENGTH + length;
    }

    @Override
    int open(ByteBuffer buffer, int recordStart, int ciphertextLength, SameMemoryViews views, RecordView result)
            throws TlsAlertException {
        int overhead = explicitNonceLength() + aead.algorithm().tagLength();
        if (ciphertextLength < overhead) {
            throw new TlsAlertException(AlertDescription.BAD_RECORD_MAC, "protected record of "
                    + ciphertextLength + " bytes is shorter than its " + overhead + "-byte nonce and tag");
        }
        long sequence = nextSequenceNumber(AlertDescription.UNEXPECTED_MESSAGE, "read");
        int type = buffer.get(recordStart) & 0xff;
        int version = Tls13RecordProtection.readVersion(buffer, recordStart);
        if (explicitNonce) {
            // RFC 5288 §3: salt || nonce_explicit as the peer sent it
            System.arraycopy(fixedIv, 0, nonce, 0, SALT_LENGTH);
            buffer.get(recordStart + HEADER_LENGTH, nonce, SALT_LENGTH, EXPLICIT_NONCE_LENGTH);
        } else {
            xorNonce(fixedIv, sequence);
        }
        int plaintextLength = ciphertextLength - overhead;
        makeAad(sequence, type, version, plaintextLength);
        int content = recordStart + HEADER_LENGTH + explicitNonceLength();
        int end = recordStart + HEADER_LENGTH + ciphertextLength;
        int opened;
        try {
            opened = aead.open(nonce, aad, views.input(buffer, content, end), views.output(buffer, content, end));
        } catch (AeadTagException e) {
            // RFC 5246 §6.2.3.3: a failed decryption is a fatal bad_record_mac
            throw new TlsAlertException(AlertDescription.BAD_RECORD_MAC, "protected record with sequence number "
                    + Long.toUnsignedString(sequence) + " failed authentication", e);
        }
        result.set(type, version, views.window(buffer, content, content + opened));
        return opened;
    }

    @Override
    void destroy() {
        Arrays.fill(fixedIv, (byte) 0);
    }

    private void makeNonce(long sequence) {
        if (explicitNonce) {
            System.arraycopy(fixedIv, 0, nonce, 0, SALT_LENGTH);
            putLong(nonce, SALT_LENGTH, sequence);
        } else {
            xorNonce(fixedIv, sequence);
        }
    }

    /** RFC 5246 §6.2.3.3: additional_data = seq_num + TLSCompressed.type + version + length. */
    private void makeAad(long sequence, int type, int version, int plaintextLength) {
        putLong(aad, 0, sequence);
        aad[8] = (byte) type;
        aad[9] = (byte) (version >>> 8);
        aad[10] = (byte) version;
        aad[11] = (byte) (plaintextLength >>> 8);
        aad[12] = (byte) plaintextLength;
    }
}
