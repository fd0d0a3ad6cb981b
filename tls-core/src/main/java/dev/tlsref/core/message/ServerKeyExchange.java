package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.codec.TlsWriter;

/**
 * ServerKeyExchange in TLS 1.2 (RFC 5246 §7.4.3): the server's ephemeral key exchange
 * parameters and its signature over them. The wire form depends on the suite's key
 * exchange, which the message does not name: {@link EcdheServerKeyExchange} (RFC 8422 §5.4)
 * or {@link DheServerKeyExchange} (RFC 5246 §7.4.3). Static RSA suites send none.
 * <pre>
 * struct {
 *     ServerECDHParams or ServerDHParams params;
 *     digitally-signed struct {                       RFC 5246 §4.7
 *         opaque client_random[32];
 *         opaque server_random[32];
 *         ServerECDHParams or ServerDHParams params;
 *     } signed_params;                                 SignatureAndHashAlgorithm + opaque&lt;0..2^16-1&gt;
 * } ServerKeyExchange;
 * </pre>
 */
public sealed interface ServerKeyExchange extends HandshakeMessage
        permits EcdheServerKeyExchange, DheServerKeyExchange {

    /**
     * The encoded params exactly as on the wire. Decoding is strict, so re-encoding the
     * decoded fields reproduces the received bytes.
     */
    byte[] params();

    /** The signature scheme (SignatureAndHashAlgorithm, RFC 5246 §7.4.1.4.1). */
    SignatureScheme signatureAlgorithm();

    /** The signature over {@link #signedContent}. */
    byte[] signature();

    /** The bytes the server signs: client_random + server_random + params (RFC 5246 §7.4.3). */
    default byte[] signedContent(byte[] clientRandom, byte[] serverRandom) {
        if (clientRandom.length != 32 || serverRandom.length != 32) {
            throw new IllegalArgumentException("randoms must be 32 bytes");
        }
        byte[] params = params();
        TlsWriter out = new TlsWriter(64 + params.length);
        return out.writeBytes(clientRandom).writeBytes(serverRandom).writeBytes(params).toByteArray();
    }

    @Override
    default HandshakeType type() {
        return HandshakeType.SERVER_KEY_EXCHANGE;
    }

    @Override
    default void encodeBody(TlsWriter out) {
        out.writeBytes(params());
        out.writeUint16(signatureAlgorithm().code());
        out.writeOpaque16(signature());
    }
}
