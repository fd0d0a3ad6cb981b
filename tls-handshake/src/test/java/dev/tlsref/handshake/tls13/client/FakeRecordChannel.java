package dev.tlsref.handshake.tls13.client;

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
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.engine.Handshake;
import dev.tlsref.handshake.engine.HandshakeChannel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A small record layer for tests, standing in for the connection: handshake messages are
 * coalesced into records, protected with the keys the handshake installs, and kept as
 * whole records; received bytes are deprotected, reassembled and handed to the handshake.
 */
final class FakeRecordChannel implements HandshakeChannel {
    private RecordWriter writer = new RecordWriter();
    private final RecordReader reader = new RecordReader();
    private final HandshakeAssembler assembler = new HandshakeAssembler(1 << 16);
    private final ByteArrayOutputStream queued = new ByteArrayOutputStream();
    private final List<byte[]> records = new ArrayList<>();
    final List<HandshakeMessage> sent = new ArrayList<>();
    final List<byte[]> applicationData = new ArrayList<>();
    final List<ChangeCipherSpecPolicy> policies = new ArrayList<>();
    Handshake handshake;
    NegotiatedParameters negotiated;
    int peerRecordSizeLimit;
    int ownRecordSizeLimit;
    int readKeyChanges;
    int writeKeyChanges;

    @Override
    public byte[] send(HandshakeMessage message) {
        byte[] encoded = message.encode();
        queued.writeBytes(encoded);
        sent.add(message);
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
        assembler.requireMessageBoundary("a read key change");
        reader.setProtection(protection);
        readKeyChanges++;
    }

    @Override
    public void setChangeCipherSpecPolicy(ChangeCipherSpecPolicy policy) {
        reader.setChangeCipherSpecPolicy(policy);
        policies.add(policy);
    }

    @Override
    public void setRecordVersion(ProtocolVersion version) {
        writer.setRecordVersion(version);
    }

    @Override
    public void setPeerRecordSizeLimit(int limit) {
        peerRecordSizeLimit = limit;
    }

    @Override
    public void setOwnRecordSizeLimit(int limit) {
        ownRecordSizeLimit = limit;
    }

    @Override
    public void sendEarlyData(byte[] data) throws TlsAlertException {
        writeApplicationData(data);
    }

    @Override
    public void clearWriteProtection() throws TlsAlertException {
        flush();
        writer = new RecordWriter();
        writeKeyChanges++;
    }

    @Override
    public void skipUndecryptableRecords(long maxBytes) {
        reader.skipUndecryptableRecords(maxBytes);
    }

    @Override
    public void handshakeComplete(NegotiatedParameters parameters) {
        negotiated = parameters;
    }

    /** Sends application data under the current write keys. */
    void writeApplicationData(byte[] data) throws TlsAlertException {
        flush();
        records.add(writer.write(ContentType.APPLICATION_DATA, data));
    }

    /** Feeds received bytes: records are read one at a time, handshake messages handed on. */
    void receive(byte[] bytes) throws TlsAlertException {
        ByteBuffer in = ByteBuffer.wrap(bytes.clone());
        while (in.hasRemaining()) {
            RecordView record = reader.read(in);
            if (record == null) {
                break;
            }
            if (record.type().equals(ContentType.HANDSHAKE)) {
                assembler.add(record.fragmentBytes());
                for (byte[] message = assembler.next(); message != null; message = assembler.next()) {
                    handshake.handleMessage(message);
                }
            } else if (record.type().equals(ContentType.APPLICATION_DATA)) {
                applicationData.add(record.fragmentBytes());
            } else {
                throw new IllegalStateException("test channel got a " + record.type() + " record");
            }
        }
    }

    /** The records written since the last call, each whole. */
    List<byte[]> takeRecords() throws TlsAlertException {
        flush();
        List<byte[]> out = new ArrayList<>(records);
        records.clear();
        return out;
    }

    private void flush() throws TlsAlertException {
        if (queued.size() > 0) {
            records.add(writer.write(ContentType.HANDSHAKE, queued.toByteArray()));
            queued.reset();
        }
    }
}
