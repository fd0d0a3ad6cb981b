package dev.tlsref.handshake.tls12;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.record.RecordProtection;
import dev.tlsref.crypto.CryptoProvider;
import java.util.Arrays;

/**
 * The secrets of one TLS 1.2 connection once its master secret is known: the key block split
 * into the two directions' record protections, and Finished and exporter values. Owned by
 * one handshake; {@link #destroy} overwrites everything.
 */
final class Tls12Secrets {
    private final CryptoProvider crypto;
    private final CipherSuite suite;
    private final Tls12KeySchedule schedule;
    private final byte[] masterSecret;
    private final byte[] clientRandom;
    private final byte[] serverRandom;
    private final Tls12KeySchedule.KeyBlock keyBlock;

    Tls12Secrets(CryptoProvider crypto, CipherSuite suite, byte[] masterSecret, byte[] clientRandom, byte[] serverRandom) {
        this.crypto = crypto;
        this.suite = suite;
        this.schedule = new Tls12KeySchedule(crypto, suite.hash());
        this.masterSecret = masterSecret.clone();
        this.clientRandom = clientRandom.clone();
        this.serverRandom = serverRandom.clone();
        this.keyBlock = schedule.keyBlock(masterSecret, clientRandom, serverRandom, suite.aead());
    }

    byte[] masterSecret() {
        return masterSecret.clone();
    }

    /** What protects the records the client writes (RFC 5246 §6.3: client_write_key, client_write_IV). */
    RecordProtection clientWriteProtection() {
        return RecordProtection.tls12(crypto, suite.aead(), keyBlock.clientWriteKey(), keyBlock.clientWriteIv());
    }

    /** What protects the records the server writes. */
    RecordProtection serverWriteProtection() {
        return RecordProtection.tls12(crypto, suite.aead(), keyBlock.serverWriteKey(), keyBlock.serverWriteIv());
    }

    byte[] clientFinished(byte[] transcriptHash) {
        return schedule.clientFinished(masterSecret, transcriptHash);
    }

    byte[] serverFinished(byte[] transcriptHash) {
        return schedule.serverFinished(masterSecret, transcriptHash);
    }

    byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        return schedule.exportKeyingMaterial(masterSecret, clientRandom, serverRandom, label, context, length);
    }

    void destroy() {
        Arrays.fill(masterSecret, (byte) 0);
        keyBlock.destroy();
    }
}
