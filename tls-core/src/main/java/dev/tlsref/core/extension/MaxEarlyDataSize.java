package dev.tlsref.core.extension;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;

/**
 * early_data in a NewSessionTicket (RFC 8446 §4.2.10): the ticket may be used for 0-RTT data
 * of at most this many bytes.
 * <pre>
 * struct { select (Handshake.msg_type) { case new_session_ticket: uint32 max_early_data_size; ... }; } EarlyDataIndication;
 * </pre>
 *
 * @param maxEarlyDataSize the most 0-RTT application data, in bytes, a client may send
 */
public record MaxEarlyDataSize(long maxEarlyDataSize) implements Extension {

    /** Checks the value fits in a uint32. */
    public MaxEarlyDataSize {
        if (maxEarlyDataSize < 0 || maxEarlyDataSize > 0xffffffffL) {
            throw new IllegalArgumentException("max_early_data_size out of range: " + maxEarlyDataSize);
        }
    }

    static MaxEarlyDataSize decode(TlsReader in) throws TlsAlertException {
        return new MaxEarlyDataSize(in.readUint32());
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EARLY_DATA;
    }

    @Override
    public void encodeData(TlsWriter out) {
        out.writeUint32(maxEarlyDataSize);
    }

    @Override
    public String toString() {
        return type().name() + "[max_early_data_size=" + maxEarlyDataSize + "]";
    }
}
