package dev.tlsref.core.message;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;

/**
 * Decodes a handshake message of either version into its type.
 * <pre>{@code
 * HandshakeMessage m = HandshakeMessages.decode(type, body, DecodeContext.of(suite));
 * if (m instanceof ServerHello hello && hello.isHelloRetryRequest()) { ... }
 * }</pre>
 * A message type that does not exist in the context's version (ServerKeyExchange in TLS 1.3,
 * KeyUpdate in TLS 1.2, a ServerKeyExchange under static RSA), message_hash (never on the
 * wire, RFC 8446 §4.4.1) and unknown types are {@code unexpected_message} (RFC 8446 §6.2,
 * RFC 5246 §7.2.2). Whether a known message may come at this point is the state machine's
 * concern.
 */
public final class HandshakeMessages {
    private HandshakeMessages() {}

    /**
     * Decodes one message body.
     *
     * @param type the {@code msg_type} from the message header
     * @param body the bytes after the 4-byte header, all of them
     * @param context the negotiated version, key exchange and verify_data length
     * @throws TlsAlertException decode_error for a malformed body, unexpected_message for a
     *     type with no form in this context, or the specific alert a message's decode names
     */
    public static HandshakeMessage decode(HandshakeType type, byte[] body, DecodeContext context)
            throws TlsAlertException {
        boolean tls13 = context.isTls13();
        switch (type.code()) {
            case 1:
                return ClientHello.decode(body);
            case 2:
                return ServerHello.decode(body);
            case 4:
                return tls13 ? Tls13NewSessionTicket.decode(body) : Tls12NewSessionTicket.decode(body);
            case 11:
                return tls13 ? Tls13Certificate.decode(body) : Tls12Certificate.decode(body);
            case 13:
                return tls13 ? Tls13CertificateRequest.decode(body) : Tls12CertificateRequest.decode(body);
            case 15:
                return CertificateVerify.decode(body);
            case 20:
                return Finished.decode(body, context.verifyDataLength());
            default:
                return tls13 ? decodeTls13Only(type, body) : decodeTls12Only(type, body, context);
        }
    }

    /**
     * Decodes a whole message: the 4-byte header (msg_type, uint24 length) and the body,
     * which must be exactly as long as the header says.
     *
     * @throws TlsAlertException decode_error if the header and length disagree, or as
     *     {@link #decode(HandshakeType, byte[], DecodeContext)}
     */
    public static HandshakeMessage decode(byte[] message, DecodeContext context) throws TlsAlertException {
        TlsReader in = TlsReader.of(message);
        HandshakeType type = new HandshakeType(in.readUint8());
        byte[] body = in.readOpaque24(0, 0xffffff);
        in.expectEnd("handshake message " + type.name());
        return decode(type, body, context);
    }

    private static HandshakeMessage decodeTls13Only(HandshakeType type, byte[] body) throws TlsAlertException {
        switch (type.code()) {
            case 5:
                return EndOfEarlyData.decode(body);
            case 8:
                return EncryptedExtensions.decode(body);
            case 24:
                return KeyUpdate.decode(body);
            default:
                throw unexpected(type, "TLS 1.3");
        }
    }

    private static HandshakeMessage decodeTls12Only(HandshakeType type, byte[] body, DecodeContext context)
            throws TlsAlertException {
        switch (type.code()) {
            case 0:
                return HelloRequest.decode(body);
            case 14:
                return ServerHelloDone.decode(body);
            case 12:
                switch (context.keyExchange()) {
                    case ECDHE:
                        return EcdheServerKeyExchange.decode(body);
                    case DHE:
                        return DheServerKeyExchange.decode(body);
                    default:
                        // RFC 5246 §7.4.3: no ServerKeyExchange with static RSA.
                        throw unexpected(type, "TLS 1.2 with " + context.keyExchange() + " key exchange");
                }
            case 16:
                switch (context.keyExchange()) {
                    case ECDHE:
                        return EcdheClientKeyExchange.decode(body);
                    case DHE:
                        return DheClientKeyExchange.decode(body);
                    default:
                        return RsaClientKeyExchange.decode(body);
                }
            default:
                throw unexpected(type, "TLS 1.2");
        }
    }

    private static TlsAlertException unexpected(HandshakeType type, String where) {
        return new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                "handshake message " + type.name() + " does not exist in " + where);
    }
}
