package dev.tlsref.handshake.engine;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.Hash;
import dev.tlsref.crypto.HashAlgorithm;
import java.io.ByteArrayOutputStream;

/**
 * The handshake transcript (RFC 8446 §4.4.1, RFC 5246 §7.4.9): the encoded handshake
 * messages, header included, in the order sent and received.
 *
 * <p>Until the cipher suite is known the messages are kept as bytes; {@link #useHash} then
 * hashes them once and from there on every message is hashed as it is added, so a
 * transcript hash at any point costs a copy of the running hash. The bytes themselves are
 * kept only when {@link #keepMessages} asks (TLS 1.2 CertificateVerify signs them whole).
 */
public final class Transcript {
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private ByteArrayOutputStream kept;
    private Hash hash;

    /** Adds one encoded handshake message, its 4-byte header included. */
    public void add(byte[] message) {
        add(message, 0, message.length);
    }

    /** Adds {@code message[offset, offset+length)}. */
    public void add(byte[] message, int offset, int length) {
        if (hash != null) {
            hash.update(message, offset, length);
        } else {
            pending.write(message, offset, length);
        }
        if (kept != null) {
            kept.write(message, offset, length);
        }
    }

    /** From now on hash with {@code algorithm}, starting with the messages added so far. */
    public void useHash(CryptoProvider crypto, HashAlgorithm algorithm) {
        if (hash != null) {
            throw new IllegalStateException("transcript hash already chosen");
        }
        hash = crypto.newHash(algorithm);
        byte[] soFar = pending.toByteArray();
        hash.update(soFar);
        if (kept != null && kept.size() == 0) {
            kept.write(soFar, 0, soFar.length);
        }
        pending = null;
    }

    /** Keeps every message's bytes from now on, the ones already added included. */
    public void keepMessages() {
        if (kept == null) {
            kept = new ByteArrayOutputStream();
            if (pending != null) {
                kept.write(pending.toByteArray(), 0, pending.size());
            }
        }
    }

    /** Every message added, as one byte string; needs {@link #keepMessages} first. */
    public byte[] messages() {
        if (kept == null) {
            throw new IllegalStateException("transcript messages are not kept");
        }
        return kept.toByteArray();
    }

    /** True once the hash is chosen. */
    public boolean hasHash() {
        return hash != null;
    }

    /** Transcript-Hash of the messages so far. */
    public byte[] currentHash() {
        if (hash == null) {
            throw new IllegalStateException("transcript hash not chosen yet");
        }
        return hash.copy().digest();
    }

    /**
     * RFC 8446 §4.4.1: after a HelloRetryRequest, ClientHello1 is replaced by the synthetic
     * message {@code message_hash(254) || 00 00 Hash.length || Hash(ClientHello1)}. Call with
     * only ClientHello1 added, after {@link #useHash}.
     */
    public void replaceWithMessageHash(CryptoProvider crypto) {
        byte[] clientHello1Hash = currentHash();
        HashAlgorithm algorithm = hash.algorithm();
        hash = crypto.newHash(algorithm);
        byte[] header = {(byte) HandshakeType.MESSAGE_HASH.code(), 0, 0, (byte) algorithm.length()};
        hash.update(header);
        hash.update(clientHello1Hash);
    }
}
