package dev.tlsref.handshake.engine;

import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.record.ChangeCipherSpecPolicy;
import dev.tlsref.core.record.RecordProtection;
import dev.tlsref.handshake.NegotiatedParameters;

/**
 * What a handshake state machine may ask of its connection: send messages, change keys,
 * report completion. The connection owns the record layer and all I/O; the handshake owns
 * the protocol logic, the transcript and the secrets.
 *
 * <p>Messages sent are coalesced: consecutive handshake messages under the same write keys go
 * out in as few records as fit (as RFC 8448's server flight does), and are flushed when the
 * write keys change or when the connection finishes processing the current input.
 */
public interface HandshakeChannel {

    /**
     * Encodes {@code message}, queues it under the current write keys and reports it to the
     * listener.
     *
     * @return the encoded message with its 4-byte header, for the transcript
     */
    byte[] send(HandshakeMessage message) throws TlsAlertException;

    /** Queues an unprotected change_cipher_spec record (RFC 8446 §D.4, RFC 5246 §7.1). */
    void sendChangeCipherSpec() throws TlsAlertException;

    /** Flushes what is queued, then protects every later record with {@code protection}. */
    void setWriteProtection(RecordProtection protection) throws TlsAlertException;

    /**
     * Protects every later received record with {@code protection}.
     *
     * @throws TlsAlertException unexpected_message if a handshake message is partly received:
     *     a message must not span a key change (RFC 8446 §5.1)
     */
    void setReadProtection(RecordProtection protection) throws TlsAlertException;

    /** What received change_cipher_spec records mean from now on. */
    void setChangeCipherSpecPolicy(ChangeCipherSpecPolicy policy);

    /** The record version written in record headers (0x0301 for a first ClientHello, then 0x0303). */
    void setRecordVersion(ProtocolVersion version);

    /** The peer's record_size_limit (RFC 8449): records we send get at most this much. */
    void setPeerRecordSizeLimit(int limit);

    /** Our own announced record_size_limit, enforced on protected records we receive. */
    void setOwnRecordSizeLimit(int limit);

    /**
     * Sends 0-RTT application data under the current write keys, which must be the client's
     * early traffic keys (RFC 8446 §2.3, §4.2.10), right after the ClientHello.
     */
    void sendEarlyData(byte[] data) throws TlsAlertException;

    /**
     * Flushes what is queued, then sends later records unprotected again: for a client whose
     * 0-RTT data a HelloRetryRequest refused, as its second ClientHello is plaintext (RFC 8446
     * §4.1.2, §4.2.10).
     */
    void clearWriteProtection() throws TlsAlertException;

    /**
     * For a server that rejects the client's 0-RTT data: skip received records that fail to
     * deprotect, up to {@code maxBytes}, until one deprotects (RFC 8446 §4.2.10); see
     * {@link dev.tlsref.core.record.RecordReader#skipUndecryptableRecords}.
     */
    void skipUndecryptableRecords(long maxBytes);

    /** The handshake is complete: application data may flow. */
    void handshakeComplete(NegotiatedParameters parameters);
}
