package dev.tlsref.core.message;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsWriter;
import java.util.Arrays;

/**
 * Finished (RFC 8446 §4.4.4, RFC 5246 §7.4.9).
 * <pre>
 * struct {
 *     opaque verify_data[Hash.length];        TLS 1.2: verify_data[verify_data_length], 12
 * } Finished;
 * </pre>
 * The length is not on the wire: the decoder is told it. Comparing verify_data with the
 * expected value (constant time, decrypt_error on mismatch) is the handshake's job.
 *
 * @param verifyData the verify_data
 */
public record Finished(byte[] verifyData) implements HandshakeMessage {

    /** Checks the length is plausible and copies the data. */
    public Finished {
        verifyData = Fields.copy(verifyData, 12, 64, "verify_data");
    }

    /**
     * Decodes a Finished body.
     *
     * @param expectedLength Hash.length of the suite in TLS 1.3, 12 in TLS 1.2
     * @throws TlsAlertException decode_error if the body is not exactly {@code expectedLength}
     *     bytes (RFC 8446 §6.2: "the length of a message was incorrect")
     * @throws IllegalArgumentException if {@code expectedLength} is not 12 to 64 (a caller error)
     */
    public static Finished decode(byte[] body, int expectedLength) throws TlsAlertException {
        if (expectedLength < 12 || expectedLength > 64) {
            throw new IllegalArgumentException("implausible verify_data length " + expectedLength);
        }
        if (body.length != expectedLength) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "Finished of " + body.length + " bytes; verify_data is " + expectedLength + " bytes");
        }
        return new Finished(body);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.FINISHED;
    }

    @Override
    public void encodeBody(TlsWriter out) {
        out.writeBytes(verifyData);
    }

    @Override
    public byte[] verifyData() {
        return verifyData.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finished other && Arrays.equals(verifyData, other.verifyData);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(verifyData);
    }

    @Override
    public String toString() {
        return "Finished[verify_data=" + Trace.hex(verifyData) + "]";
    }
}
