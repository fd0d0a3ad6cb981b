package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.codec.TlsWriter;

/**
 * A handshake message (RFC 8446 §4, RFC 5246 §7.4): one immutable type per message and form.
 *
 * <p>On the wire a message is {@code msg_type} (uint8), a uint24 length and the body
 * (RFC 8446 §4, struct {@code Handshake}). {@link #encode()} gives those bytes, which are
 * also what goes into the transcript hash. Each type decodes its body with a static
 * {@code decode} that consumes every byte; {@link HandshakeMessages#decode} picks the type.
 */
public sealed interface HandshakeMessage
        permits ClientHello, ServerHello, EncryptedExtensions, Tls13Certificate, Tls12Certificate,
                Tls13CertificateRequest, Tls12CertificateRequest, CertificateVerify, Finished,
                Tls13NewSessionTicket, Tls12NewSessionTicket, KeyUpdate, EndOfEarlyData, HelloRequest,
                ServerHelloDone, ServerKeyExchange, ClientKeyExchange {

    /** The {@code msg_type} of this message. */
    HandshakeType type();

    /** Writes the body: everything after the 4-byte header. */
    void encodeBody(TlsWriter out);

    /** The body alone, without the header. */
    default byte[] body() {
        TlsWriter out = new TlsWriter();
        encodeBody(out);
        return out.toByteArray();
    }

    /** The whole message: {@code msg_type}, uint24 length, body (RFC 8446 §4). */
    default byte[] encode() {
        TlsWriter out = new TlsWriter();
        out.writeUint8(type().code());
        out.writeVector24(this::encodeBody);
        return out.toByteArray();
    }
}
