package dev.tlsref.core.record;

import static dev.tlsref.core.record.RecordSizes.HEADER_LENGTH;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ContentType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadTagException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * TLS 1.3 record protection (RFC 8446 §5.2–§5.4). The record is
 * {@code application_data || 0x0303 || length || AEAD(content || type || zeros)}; the AAD is
 * that 5-byte header and the nonce is the IV XOR the sequence number.
 */
final class Tls13RecordProtection extends RecordProtection {
    /** RFC 8446 §5.1: legacy_record_version of every protected record. */
    private static final int LEGACY_RECORD_VERSION = 0x0303;

    private final byte[] iv;
    /** The record header, which is the AAD (RFC 8446 §5.2); reused for every record. */
    private final byte[] header = new byte[HEADER_LENGTH];

    Tls13RecordProtection(Aead aead, byte[] iv) {
        super(aead);
        this.iv = copyIv(iv, NONCE_LENGTH, "the TLS 1.3 write IV");
    }

    @Override
    public boolean isTls13() {
        return true;
    }

    @Override
    int maxCiphertextLength() {
        return RecordSizes.MAX_TLS13_CIPHERTEXT_LENGTH;
    }

    @Override
    int explicitNonceLength() {
        return 0;
    }

    @Override
    int ciphertextLength(int contentLength, int paddingLength) {
        return contentLength + 1 + paddingLength + aead.algorithm().tagLength();
    }

    @Override
    int seal(int contentType, int recordVersion, ByteBuffer buffer, int recordStart, int contentLength,
            int paddingLength, SameMemoryViews views) throws TlsAlertException {
        long sequence = nextSequenceNumber(AlertDescription.INTERNAL_ERROR, "write");
        int content = recordStart + HEADER_LENGTH;
        // RFC 8446 §5.2: TLSInnerPlaintext = content || ContentType type || uint8 zeros[length_of_padding]
        int innerLength = contentLength + 1 + paddingLength;
        buffer.put(content + contentLength, (byte) contentType);
        for (int i = content + contentLength + 1; i < content + innerLength; i++) {
            buffer.put(i, (byte) 0);
        }
        int length = innerLength + aead.algorithm().tagLength();
        // RFC 8446 §5.2: the outer opaque_type is always application_data, version 0x0303
        putHeader(buffer, recordStart, ContentType.APPLICATION_DATA.code(), LEGACY_RECORD_VERSION, length);
        buffer.get(recordStart, header);
        xorNonce(iv, sequence);
        aead.seal(nonce, header, views.input(buffer, content, content + innerLength),
                views.output(buffer, content, content + length));
        return HEADER_LENGTH + length;
    }

    @Override
    int open(ByteBuffer buffer, int recordStart, int ciphertextLength, SameMemoryViews views, RecordView result)
            throws TlsAlertException {
        int tagLength = aead.algorithm().tagLength();
        if (ciphertextLength < tagLength) {
            throw new TlsAlertException(AlertDescription.BAD_RECORD_MAC, "protected record of "
                    + ciphertextLength + " bytes is shorter than the " + tagLength + "-byte tag");
        }
        long sequence = nextSequenceNumber(AlertDescription.UNEXPECTED_MESSAGE, "read");
        // RFC 8446 §5.2: additional_data = the record header as received
        buffer.get(recordStart, header);
        xorNonce(iv, sequence);
        int content = recordStart + HEADER_LENGTH;
        int innerLength;
        try {
            innerLength = aead.open(nonce, header, views.input(buffer, content, content + ciphertextLength),
                    views.output(buffer, content, content + ciphertextLength));
        } catch (AeadTagException e) {
            // RFC 8446 §5.2: if the decryption fails, the receiver MUST send bad_record_mac
            throw new TlsAlertException(AlertDescription.BAD_RECORD_MAC, "protected record with sequence number "
                    + Long.toUnsignedString(sequence) + " failed authentication", e);
        }
        // RFC 8446 §5.4: the type is the last non-zero byte; all zeros is unexpected_message
        int typeAt = content + innerLength - 1;
        while (typeAt >= content && buffer.get(typeAt) == 0) {
            typeAt--;
        }
        if (typeAt < content) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "protected record of "
                    + innerLength + " plaintext bytes holds only padding and no content type");
        }
        int type = buffer.get(typeAt) & 0xff;
        result.set(type, readVersion(buffer, recordStart), views.window(buffer, content, typeAt));
        return innerLength;
    }

    @Override
    void destroy() {
        Arrays.fill(iv, (byte) 0);
    }

    static int readVersion(ByteBuffer buffer, int recordStart) {
        return ((buffer.get(recordStart + 1) & 0xff) << 8) | (buffer.get(recordStart + 2) & 0xff);
    }
}
