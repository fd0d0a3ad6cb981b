package dev.tlsref.handshake.engine;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ContentType;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.message.Alert;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.record.ChangeCipherSpecPolicy;
import dev.tlsref.core.record.HandshakeAssembler;
import dev.tlsref.core.record.RecordProtection;
import dev.tlsref.core.record.RecordReader;
import dev.tlsref.core.record.RecordView;
import dev.tlsref.core.record.RecordWriter;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.NegotiatedParameters;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The record side of a connection: frames and protects what the handshake and the application
 * send, and sorts what arrives into handshake messages, alerts and application data. Owns no
 * I/O: received bytes come in through {@link #receive}, bytes to send go out through
 * {@link #takeOutput}.
 */
public final class RecordChannel implements HandshakeChannel {

    /** Where incoming records go. */
    public interface Inbound {
        /** One complete handshake message, header included. */
        void handshakeMessage(byte[] message) throws TlsAlertException;

        /** A change_cipher_spec the record layer delivered (TLS 1.2). */
        void changeCipherSpec() throws TlsAlertException;

        /** Application data, valid only during the call. */
        void applicationData(ByteBuffer data) throws TlsAlertException;

        /** The peer sent close_notify. */
        void closeNotify();
    }

    /**
     * The first size of the output buffer: a typical handshake flight fits. The buffer grows
     * to what the records being written need and keeps its size, so bulk data reaches a steady
     * state with no allocation per record.
     */
    private static final int INITIAL_OUTPUT_CAPACITY = 2048;

    private final RecordReader reader = new RecordReader();
    private RecordWriter writer = new RecordWriter();
    private final HandshakeAssembler assembler;
    private final HandshakeListener listener;
    /** Encoded handshake messages not yet framed: {@code pendingHandshake[0, pendingHandshakeLength)}. */
    private byte[] pendingHandshake = new byte[0];
    private int pendingHandshakeLength;
    /** Records waiting to be taken: {@code output[0, position)}. */
    private ByteBuffer output = ByteBuffer.allocate(0);
    private NegotiatedParameters negotiated;

    /** A channel with the given handshake message size limit. */
    public RecordChannel(int maxHandshakeMessageSize, HandshakeListener listener) {
        this.assembler = new HandshakeAssembler(maxHandshakeMessageSize);
        this.listener = listener;
    }

    @Override
    public byte[] send(HandshakeMessage message) {
        byte[] encoded = message.encode();
        if (pendingHandshake.length - pendingHandshakeLength < encoded.length) {
            pendingHandshake = Arrays.copyOf(pendingHandshake,
                    Math.max(2 * pendingHandshake.length, pendingHandshakeLength + encoded.length));
        }
        System.arraycopy(encoded, 0, pendingHandshake, pendingHandshakeLength, encoded.length);
        pendingHandshakeLength += encoded.length;
        listener.messageSent(message, encoded);
        return encoded;
    }

    @Override
    public void sendChangeCipherSpec() throws TlsAlertException {
        flush();
        writeRecords(ContentType.CHANGE_CIPHER_SPEC, ByteBuffer.wrap(new byte[] {1}));
    }

    @Override
    public void setWriteProtection(RecordProtection protection) throws TlsAlertException {
        flush();
        writer.setProtection(protection);
    }

    @Override
    public void setReadProtection(RecordProtection protection) throws TlsAlertException {
        assembler.requireMessageBoundary("the change of read keys");
        reader.setProtection(protection);
    }

    @Override
    public void sendEarlyData(byte[] data) throws TlsAlertException {
        sendApplicationData(data, 0, data.length);
    }

    @Override
    public void clearWriteProtection() throws TlsAlertException {
        flush();
        RecordWriter plain = new RecordWriter();
        plain.setRecordVersion(ProtocolVersion.TLS1_2);
        writer = plain;
    }

    @Override
    public void skipUndecryptableRecords(long maxBytes) {
        reader.skipUndecryptableRecords(maxBytes);
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
        writer.setRecordSizeLimit(limit);
    }

    @Override
    public void setOwnRecordSizeLimit(int limit) {
        reader.setRecordSizeLimit(limit);
    }

    @Override
    public void handshakeComplete(NegotiatedParameters parameters) {
        this.negotiated = parameters;
        listener.handshakeComplete(parameters);
    }

    /** The parameters the handshake completed with, or {@code null} before. */
    public NegotiatedParameters negotiated() {
        return negotiated;
    }

    /**
     * Takes every complete record from {@code in} and hands its contents to {@code inbound};
     * a partial record is kept for the next call.
     */
    public void receive(ByteBuffer in, Inbound inbound) throws TlsAlertException {
        RecordView record;
        while ((record = reader.read(in)) != null) {
            ContentType type = record.type();
            if (type.equals(ContentType.HANDSHAKE)) {
                assembler.add(record.fragment());
                byte[] message;
                while ((message = assembler.next()) != null) {
                    inbound.handshakeMessage(message);
                }
                continue;
            }
            // RFC 8446 §5.1: handshake messages must not be interleaved with other record types.
            assembler.requireMessageBoundary("a " + type.name() + " record");
            if (type.equals(ContentType.ALERT)) {
                receiveAlert(record.fragmentBytes(), inbound);
            } else if (type.equals(ContentType.CHANGE_CIPHER_SPEC)) {
                inbound.changeCipherSpec();
            } else if (type.equals(ContentType.APPLICATION_DATA)) {
                inbound.applicationData(record.fragment());
            } else {
                throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                        "record of type " + type.name() + " is not expected");
            }
        }
    }

    /** RFC 8446 §6: close_notify ends the peer's data; user_canceled is a warning; anything else is fatal. */
    private static void receiveAlert(byte[] payload, Inbound inbound) throws TlsAlertException {
        Alert alert = Alert.decode(payload);
        AlertDescription description = alert.description();
        if (description.equals(AlertDescription.CLOSE_NOTIFY)) {
            inbound.closeNotify();
        } else if (!description.equals(AlertDescription.USER_CANCELED)) {
            throw new dev.tlsref.handshake.TlsPeerAlertException(description);
        }
    }

    /** Protects and frames application data, fragmenting it into records. */
    public void sendApplicationData(byte[] data, int offset, int length) throws TlsAlertException {
        flush();
        writeRecords(ContentType.APPLICATION_DATA, ByteBuffer.wrap(data, offset, length));
    }

    /** Sends an alert record under the current write keys (RFC 8446 §6). */
    public void sendAlert(Alert alert) throws TlsAlertException {
        flush();
        writeRecords(ContentType.ALERT, ByteBuffer.wrap(alert.encode()));
    }

    /** Frames every handshake message queued so far into records. */
    public void flush() throws TlsAlertException {
        if (pendingHandshakeLength > 0) {
            ByteBuffer messages = ByteBuffer.wrap(pendingHandshake, 0, pendingHandshakeLength);
            pendingHandshakeLength = 0;
            writeRecords(ContentType.HANDSHAKE, messages);
        }
    }

    /** True if bytes wait to be sent. */
    public boolean hasOutput() {
        return output.position() > 0;
    }

    /** Moves as many pending bytes as fit into {@code dst}; returns how many. */
    public int takeOutput(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), output.position());
        dst.put(dst.position(), output, 0, n);
        dst.position(dst.position() + n);
        output.flip().position(n);
        output.compact();
        return n;
    }

    /** Every pending byte, as a new array. */
    public byte[] takeOutput() {
        byte[] bytes = Arrays.copyOf(output.array(), output.position());
        output.clear();
        return bytes;
    }

    /** Frames all of {@code src} into records of {@code type}: one record if it is empty. */
    private void writeRecords(ContentType type, ByteBuffer src) throws TlsAlertException {
        do {
            ensureOutput(writer.maxRecordLength(type, src.remaining()));
            writer.writeRecord(type, src, output);
        } while (src.hasRemaining());
    }

    /** Makes room for {@code needed} more bytes, at least doubling when it has to grow. */
    private void ensureOutput(int needed) {
        if (output.remaining() < needed) {
            int capacity = Math.max(output.position() + needed,
                    Math.max(2 * output.capacity(), INITIAL_OUTPUT_CAPACITY));
            ByteBuffer bigger = ByteBuffer.allocate(capacity);
            output.flip();
            bigger.put(output);
            output = bigger;
        }
    }
}
