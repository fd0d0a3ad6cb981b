package dev.tlsref.handshake.tls12;

import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.Tls12Prf;
import java.util.Arrays;

/**
 * The TLS 1.2 key derivation, one method per RFC step:
 * <pre>
 * premaster secret --PRF "master secret" (client_random + server_random)--------> master secret  (RFC 5246 §8.1)
 * premaster secret --PRF "extended master secret" (session_hash)---------------> master secret  (RFC 7627 §4)
 * master secret --PRF "key expansion" (server_random + client_random)--> key block              (RFC 5246 §6.3)
 *     client_write_key, server_write_key, client_write_IV, server_write_IV
 * master secret --PRF "client finished" / "server finished" (Hash(handshake_messages))
 *     --> verify_data[12]                                                                       (RFC 5246 §7.4.9)
 * </pre>
 * The key block has no MAC keys: every suite tlsref implements is AEAD. The write IV is the
 * 4-byte implicit salt for AES-GCM (RFC 5288 §3) and the 12-byte IV for ChaCha20-Poly1305
 * (RFC 7905 §2). Every method is a pure function of its arguments.
 */
public final class Tls12KeySchedule {
    /** RFC 5246 §8.1: the master secret is always 48 bytes. */
    public static final int MASTER_SECRET_LENGTH = 48;
    /** RFC 5246 §7.4.9: verify_data_length is 12 for every suite tlsref implements. */
    public static final int VERIFY_DATA_LENGTH = 12;
    /** RFC 5288 §3: the implicit part of the AES-GCM nonce. */
    static final int GCM_SALT_LENGTH = 4;

    private final Tls12Prf prf;

    /** The schedule of a suite whose PRF hash is {@code hash}. */
    public Tls12KeySchedule(CryptoProvider crypto, HashAlgorithm hash) {
        this.prf = new Tls12Prf(crypto, hash);
    }

    /** The keys of one connection, in key block order (RFC 5246 §6.3). */
    public record KeyBlock(byte[] clientWriteKey, byte[] serverWriteKey, byte[] clientWriteIv, byte[] serverWriteIv) {
        /** Overwrites every key and IV. */
        public void destroy() {
            Arrays.fill(clientWriteKey, (byte) 0);
            Arrays.fill(serverWriteKey, (byte) 0);
            Arrays.fill(clientWriteIv, (byte) 0);
            Arrays.fill(serverWriteIv, (byte) 0);
        }
    }

    /** RFC 5246 §8.1: {@code PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47]}. */
    public byte[] masterSecret(byte[] premasterSecret, byte[] clientRandom, byte[] serverRandom) {
        return prf.compute(premasterSecret, "master secret", concat(clientRandom, serverRandom), MASTER_SECRET_LENGTH);
    }

    /**
     * RFC 7627 §4: {@code PRF(pre_master_secret, "extended master secret", session_hash)[0..47]},
     * where session_hash is the transcript hash up to and including ClientKeyExchange.
     */
    public byte[] extendedMasterSecret(byte[] premasterSecret, byte[] sessionHash) {
        return prf.compute(premasterSecret, "extended master secret", sessionHash, MASTER_SECRET_LENGTH);
    }

    /**
     * RFC 5246 §6.3: {@code key_block = PRF(master_secret, "key expansion", server_random +
     * client_random)}, cut into the write keys and IVs of {@code aead}.
     */
    public KeyBlock keyBlock(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom, AeadAlgorithm aead) {
        int keyLength = aead.keyLength();
        int ivLength = fixedIvLength(aead);
        byte[] block = prf.compute(masterSecret, "key expansion", concat(serverRandom, clientRandom),
                2 * keyLength + 2 * ivLength);
        try {
            int at = 0;
            byte[] clientKey = Arrays.copyOfRange(block, at, at += keyLength);
            byte[] serverKey = Arrays.copyOfRange(block, at, at += keyLength);
            byte[] clientIv = Arrays.copyOfRange(block, at, at += ivLength);
            byte[] serverIv = Arrays.copyOfRange(block, at, at + ivLength);
            return new KeyBlock(clientKey, serverKey, clientIv, serverIv);
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }

    /** RFC 5246 §7.4.9: {@code PRF(master_secret, "client finished", Hash(handshake_messages))[0..11]}. */
    public byte[] clientFinished(byte[] masterSecret, byte[] transcriptHash) {
        return prf.compute(masterSecret, "client finished", transcriptHash, VERIFY_DATA_LENGTH);
    }

    /** RFC 5246 §7.4.9: {@code PRF(master_secret, "server finished", Hash(handshake_messages))[0..11]}. */
    public byte[] serverFinished(byte[] masterSecret, byte[] transcriptHash) {
        return prf.compute(masterSecret, "server finished", transcriptHash, VERIFY_DATA_LENGTH);
    }

    /**
     * RFC 5705 §4: {@code PRF(master_secret, label, client_random + server_random [+ uint16
     * context_length + context])}; no context is different from an empty one.
     */
    public byte[] exportKeyingMaterial(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom,
            String label, byte[] context, int length) {
        byte[] seed = concat(clientRandom, serverRandom);
        if (context != null) {
            if (context.length > 0xffff) {
                throw new IllegalArgumentException("exporter context longer than 65535 bytes");
            }
            seed = concat(seed, new byte[] {(byte) (context.length >> 8), (byte) context.length});
            seed = concat(seed, context);
        }
        return prf.compute(masterSecret, label, seed, length);
    }

    /** The length of the key block's write IV for {@code aead}: 4 for AES-GCM, 12 for ChaCha20-Poly1305. */
    static int fixedIvLength(AeadAlgorithm aead) {
        return aead == AeadAlgorithm.CHACHA20_POLY1305 ? AeadAlgorithm.NONCE_LENGTH : GCM_SALT_LENGTH;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
