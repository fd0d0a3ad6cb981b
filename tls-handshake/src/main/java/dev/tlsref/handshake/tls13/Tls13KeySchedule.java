package dev.tlsref.handshake.tls13;

import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.Hkdf;
import dev.tlsref.crypto.Hmac;

/**
 * The TLS 1.3 key schedule (RFC 8446 §7.1), one method per step of the RFC's diagram:
 * <pre>
 *             0
 *             |
 *   PSK ->  HKDF-Extract = Early Secret ---------> binder_key, client_early_traffic_secret,
 *             |                                    early_exporter_master_secret
 *       Derive-Secret(., "derived", "")
 *             |
 * (EC)DHE -> HKDF-Extract = Handshake Secret ----> {client,server}_handshake_traffic_secret
 *             |
 *       Derive-Secret(., "derived", "")
 *             |
 *   0 ->  HKDF-Extract = Master Secret ----------> {client,server}_application_traffic_secret_0,
 *                                                  exporter_master_secret,
 *                                                  resumption_master_secret
 * </pre>
 * Every method is a pure function of its arguments; the handshake keeps the secrets it needs
 * and hands each derived one to its listener. Transcript hashes are passed in, computed once
 * by the handshake's running transcript.
 */
public final class Tls13KeySchedule {
    private final HashAlgorithm hash;
    private final Hkdf hkdf;
    private final CryptoProvider crypto;

    /** A key schedule for a cipher suite's hash. */
    public Tls13KeySchedule(CryptoProvider crypto, HashAlgorithm hash) {
        this.crypto = crypto;
        this.hash = hash;
        this.hkdf = new Hkdf(crypto, hash);
    }

    /** The hash of this schedule. */
    public HashAlgorithm hash() {
        return hash;
    }

    /** Early Secret = HKDF-Extract(0, PSK), with PSK = 0 when none is in use. */
    public byte[] earlySecret(byte[] psk) {
        return hkdf.extract(zeros(), psk != null ? psk : zeros());
    }

    /** binder_key = Derive-Secret(Early Secret, "ext binder" | "res binder", "") (§4.2.11.2). */
    public byte[] binderKey(byte[] earlySecret, boolean resumption) {
        return hkdf.deriveSecret(earlySecret, resumption ? "res binder" : "ext binder", emptyHash());
    }

    /** client_early_traffic_secret = Derive-Secret(Early Secret, "c e traffic", ClientHello). */
    public byte[] clientEarlyTrafficSecret(byte[] earlySecret, byte[] clientHelloHash) {
        return hkdf.deriveSecret(earlySecret, "c e traffic", clientHelloHash);
    }

    /** early_exporter_master_secret = Derive-Secret(Early Secret, "e exp master", ClientHello). */
    public byte[] earlyExporterMasterSecret(byte[] earlySecret, byte[] clientHelloHash) {
        return hkdf.deriveSecret(earlySecret, "e exp master", clientHelloHash);
    }

    /** Handshake Secret = HKDF-Extract(Derive-Secret(Early Secret, "derived", ""), (EC)DHE). */
    public byte[] handshakeSecret(byte[] earlySecret, byte[] sharedSecret) {
        byte[] derived = hkdf.deriveSecret(earlySecret, "derived", emptyHash());
        return hkdf.extract(derived, sharedSecret != null ? sharedSecret : zeros());
    }

    /** client_handshake_traffic_secret = Derive-Secret(HS, "c hs traffic", ClientHello...ServerHello). */
    public byte[] clientHandshakeTrafficSecret(byte[] handshakeSecret, byte[] helloHash) {
        return hkdf.deriveSecret(handshakeSecret, "c hs traffic", helloHash);
    }

    /** server_handshake_traffic_secret = Derive-Secret(HS, "s hs traffic", ClientHello...ServerHello). */
    public byte[] serverHandshakeTrafficSecret(byte[] handshakeSecret, byte[] helloHash) {
        return hkdf.deriveSecret(handshakeSecret, "s hs traffic", helloHash);
    }

    /** Master Secret = HKDF-Extract(Derive-Secret(HS, "derived", ""), 0). */
    public byte[] masterSecret(byte[] handshakeSecret) {
        byte[] derived = hkdf.deriveSecret(handshakeSecret, "derived", emptyHash());
        return hkdf.extract(derived, zeros());
    }

    /** client_application_traffic_secret_0 = Derive-Secret(MS, "c ap traffic", ClientHello...server Finished). */
    public byte[] clientApplicationTrafficSecret(byte[] masterSecret, byte[] serverFinishedHash) {
        return hkdf.deriveSecret(masterSecret, "c ap traffic", serverFinishedHash);
    }

    /** server_application_traffic_secret_0 = Derive-Secret(MS, "s ap traffic", ClientHello...server Finished). */
    public byte[] serverApplicationTrafficSecret(byte[] masterSecret, byte[] serverFinishedHash) {
        return hkdf.deriveSecret(masterSecret, "s ap traffic", serverFinishedHash);
    }

    /** exporter_master_secret = Derive-Secret(MS, "exp master", ClientHello...server Finished). */
    public byte[] exporterMasterSecret(byte[] masterSecret, byte[] serverFinishedHash) {
        return hkdf.deriveSecret(masterSecret, "exp master", serverFinishedHash);
    }

    /** resumption_master_secret = Derive-Secret(MS, "res master", ClientHello...client Finished). */
    public byte[] resumptionMasterSecret(byte[] masterSecret, byte[] clientFinishedHash) {
        return hkdf.deriveSecret(masterSecret, "res master", clientFinishedHash);
    }

    /** The PSK of a ticket: HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length) (§4.6.1). */
    public byte[] resumptionPsk(byte[] resumptionMasterSecret, byte[] ticketNonce) {
        return hkdf.expandLabel(resumptionMasterSecret, "resumption", ticketNonce, hash.length());
    }

    /** application_traffic_secret_N+1 = HKDF-Expand-Label(application_traffic_secret_N, "traffic upd", "", Hash.length) (§7.2). */
    public byte[] nextApplicationTrafficSecret(byte[] trafficSecret) {
        return hkdf.expandLabel(trafficSecret, "traffic upd", new byte[0], hash.length());
    }

    /** The write key and IV of a traffic secret (§7.3). */
    public TrafficKeys trafficKeys(byte[] trafficSecret, AeadAlgorithm aead) {
        byte[] key = hkdf.expandLabel(trafficSecret, "key", new byte[0], aead.keyLength());
        byte[] iv = hkdf.expandLabel(trafficSecret, "iv", new byte[0], aead.nonceLength());
        return new TrafficKeys(key, iv);
    }

    /** finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length) (§4.4.4). */
    public byte[] finishedKey(byte[] baseKey) {
        return hkdf.expandLabel(baseKey, "finished", new byte[0], hash.length());
    }

    /** verify_data = HMAC(finished_key, Transcript-Hash(...)) (§4.4.4), also the PSK binder (§4.2.11.2). */
    public byte[] finishedVerifyData(byte[] finishedKey, byte[] transcriptHash) {
        Hmac hmac = crypto.newHmac(hash, finishedKey);
        hmac.update(transcriptHash);
        return hmac.doFinal();
    }

    /**
     * TLS-Exporter(label, context_value, key_length) (§7.5) = HKDF-Expand-Label(
     * Derive-Secret(Secret, label, ""), "exporter", Hash(context_value), key_length).
     */
    public byte[] exporter(byte[] exporterMasterSecret, String label, byte[] context, int length) {
        byte[] secret = hkdf.deriveSecret(exporterMasterSecret, label, emptyHash());
        var h = crypto.newHash(hash);
        h.update(context);
        return hkdf.expandLabel(secret, "exporter", h.digest(), length);
    }

    private byte[] emptyHash() {
        return crypto.newHash(hash).digest();
    }

    private byte[] zeros() {
        return new byte[hash.length()];
    }
}
