package dev.tlsref.handshake.tls13;

import dev.tlsref.core.ContentType;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.record.ChangeCipherSpecPolicy;
import dev.tlsref.core.record.HandshakeAssembler;
import dev.tlsref.core.record.RecordProtection;
import dev.tlsref.core.record.RecordReader;
import dev.tlsref.core.record.RecordView;
import dev.tlsref.core.record.RecordWriter;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.engine.Handshake;
import dev.tlsref.handshake.engine.HandshakeChannel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A test {@link HandshakeChannel} with a real record layer: the messages a handshake sends are
 * coalesced into records (one per flush, as RFC 8448's server does) with the core
 * RecordWriter, and records fed to {@link #receive} are opened with the core RecordReader and
 * handed to the handshake message by message.
 */
final class Tls13ServerTestChannel implements HandshakeChannel {
    final RecordWriter writer = new RecordWriter();
    final RecordReader reader = new RecordReader();
    final HandshakeAssembler assembler = new HandshakeAssembler(1 << 16);
    final List<byte[]> records = new ArrayList<>();
    final List<HandshakeMessage> sent = new ArrayList<>();
    final List<byte[]> applicationData = new ArrayList<>();
    final List<byte[]> alerts = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final HandshakeListener listener;
    NegotiatedParameters completed;
    int peerRecordSizeLimit;
    int ownRecordSizeLimit;
    int writeKeyChanges;
    int readKeyChanges;

    Tls13ServerTestChannel(HandshakeListener listener) {
        this.listener = listener;
    }

    @Override
    public byte[] send(HandshakeMessage message) {
        byte[] encoded = message.encode();
        pending.write(encoded, 0, encoded.length);
        sent.add(message);
        listener.messageSent(message, encoded);
        return encoded;
    }

    @Override
    public void sendChangeCipherSpec() throws TlsAlertException {
        flush();
        records.add(writer.write(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}));
    }

    @Override
    public void setWriteProtection(RecordProtection protection) throws TlsAlertException {
        flush();
        writer.setProtection(protection);
        writeKeyChanges++;
    }

    @Override
    public void setReadProtection(RecordProtection protection) throws TlsAlertException {
        assembler.requireMessageBoundary("a key change");
        reader.setProtection(protection);
        readKeyChanges++;
    }

    @Override
    public void setChangeCipherSpecPolicy(ChangeCipherSpecPolicy policy) {
        reader.setChangeCipherSpecPolicy(policy);
    }

    @Override
    public void setRecordVersion(ProtocolVersion version) {
        writer.setRecordVersion(version);
    }

    @Override
    public void setPeerRecordSizeLimit(int limit) {
        peerRecordSizeLimit = limit;
        writer.setRecordSizeLimit(limit);
    }

    @Override
    public void setOwnRecordSizeLimit(int limit) {
        ownRecordSizeLimit = limit;
        reader.setRecordSizeLimit(limit);
    }

    @Override
    public void sendEarlyData(byte[] data) {
        throw new UnsupportedOperationException("a server sends no early data");
    }

    @Override
    public void clearWriteProtection() {
        throw new UnsupportedOperationException("a server never goes back to plaintext");
    }

    @Override
    public void skipUndecryptableRecords(long maxBytes) {
        reader.skipUndecryptableRecords(maxBytes);
    }

    @Override
    public void handshakeComplete(NegotiatedParameters parameters) {
        completed = parameters;
    }

    /** Writes what is queued as handshake records. */
    void flush() throws TlsAlertException {
        if (pending.size() > 0) {
            records.add(writer.write(ContentType.HANDSHAKE, pending.toByteArray()));
            pending.reset();
        }
    }

    /** The records written since the last call (flushing first). */
    List<byte[]> takeRecords() throws TlsAlertException {
        flush();
        List<byte[]> taken = new ArrayList<>(records);
        records.clear();
        return taken;
    }

    /** Opens every record in {@code wire} and hands complete handshake messages to {@code handshake}. */
    void receive(byte[] wire, Handshake handshake) throws TlsAlertException {
        ByteBuffer in = ByteBuffer.wrap(wire.clone());
        RecordView record;
        while ((record = reader.read(in)) != null) {
            ContentType type = record.type();
            if (type.equals(ContentType.HANDSHAKE)) {
                assembler.add(record.fragmentBytes());
                byte[] message;
                while ((message = assembler.next()) != null) {
                    handshake.handleMessage(message);
                }
            } else if (type.equals(ContentType.APPLICATION_DATA)) {
                if (!handshake.isComplete()) {
                    handshake.handleEarlyData(record.fragment().remaining());
                }
                applicationData.add(record.fragmentBytes());
            } else if (type.equals(ContentType.ALERT)) {
                alerts.add(record.fragmentBytes());
            }
        }
        flush();
    }

    /** Application data under the current write keys. */
    byte[] writeApplicationData(byte[] data) throws TlsAlertException {
        flush();
        return writer.write(ContentType.APPLICATION_DATA, data);
    }
}
