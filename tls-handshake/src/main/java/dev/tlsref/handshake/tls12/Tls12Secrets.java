package dev.tlsref.handshake.tls12;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.record.RecordProtection;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.engine.Transcript;
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

    /**
     * Derives the master secret of a full handshake, the extended one over the session hash
     * (RFC 7627 §4) or else the RFC 5246 §8.1 one over the two randoms, reports it to the
     * listener and returns the secrets that follow from it. The premaster secret and the
     * intermediate master secret are overwritten.
     *
     * @param transcript the handshake so far, up to and including ClientKeyExchange
     */
    static Tls12Secrets fromPremasterSecret(CryptoProvider crypto, CipherSuite suite, byte[] premasterSecret,
            boolean extendedMasterSecret, Transcript transcript, byte[] clientRandom, byte[] serverRandom,
            HandshakeListener listener) {
        Tls12KeySchedule schedule = new Tls12KeySchedule(crypto, suite.hash());
        byte[] masterSecret = extendedMasterSecret
                ? schedule.extendedMasterSecret(premasterSecret, transcript.currentHash())
                : schedule.masterSecret(premasterSecret, clientRandom, serverRandom);
        Arrays.fill(premasterSecret, (byte) 0);
        listener.secretDerived("CLIENT_RANDOM", clientRandom, masterSecret);
        listener.note(extendedMasterSecret ? "extended master secret derived (RFC 7627)" : "master secret derived");
        Tls12Secrets secrets = new Tls12Secrets(crypto, suite, masterSecret, clientRandom, serverRandom);
        Arrays.fill(masterSecret, (byte) 0);
        return secrets;
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
