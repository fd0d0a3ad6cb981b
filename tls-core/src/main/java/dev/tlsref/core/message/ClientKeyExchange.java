package dev.tlsref.core.message;

import dev.tlsref.core.HandshakeType;

/**
 * ClientKeyExchange in TLS 1.2 (RFC 5246 §7.4.7). Its form depends on the suite's key
 * exchange, which the message does not name:
 * <pre>
 * struct {
 *     select (KeyExchangeAlgorithm) {
 *         case rsa:        EncryptedPreMasterSecret;   opaque&lt;0..2^16-1&gt;   RFC 5246 §7.4.7.1
 *         case dhe_*:      ClientDiffieHellmanPublic;  opaque dh_Yc&lt;1..2^16-1&gt;   §7.4.7.2
 *         case ec_diffie_hellman: ClientECDiffieHellmanPublic;  opaque point&lt;1..2^8-1&gt;   RFC 8422 §5.7
 *     } exchange_keys;
 * } ClientKeyExchange;
 * </pre>
 */
public sealed interface ClientKeyExchange extends HandshakeMessage
        permits EcdheClientKeyExchange, DheClientKeyExchange, RsaClientKeyExchange {

    @Override
    default HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }
}
