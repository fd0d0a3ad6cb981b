package dev.tlsref.core.message;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.CipherSuite.KeyExchange;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.crypto.HashAlgorithm;
import java.util.Objects;

/**
 * What {@link HandshakeMessages#decode} must know, beyond the message type, to pick a
 * message's form:
 * <ul>
 *   <li>the negotiated version: Certificate, CertificateRequest and NewSessionTicket differ
 *       between TLS 1.3 (RFC 8446 §4.4.2, §4.3.2, §4.6.1) and TLS 1.2 (RFC 5246 §7.4.2,
 *       §7.4.4, RFC 5077 §3.3), and some messages exist in only one version;</li>
 *   <li>the key exchange of the negotiated suite: ServerKeyExchange and ClientKeyExchange
 *       carry no tag saying which kind they are (RFC 5246 §7.4.3, §7.4.7);</li>
 *   <li>the length of Finished.verify_data: {@code Hash.length} in TLS 1.3 (RFC 8446 §4.4.4),
 *       12 in TLS 1.2 (RFC 5246 §7.4.9).</li>
 * </ul>
 * ClientHello and ServerHello decode the same under every context: before a version is
 * negotiated, use any (or {@link ClientHello#decode} / {@link ServerHello#decode} directly).
 *
 * @param version {@link ProtocolVersion#TLS1_3} or {@link ProtocolVersion#TLS1_2}
 * @param keyExchange {@link KeyExchange#TLS13} with TLS 1.3, one of the others with TLS 1.2
 * @param verifyDataLength the length of Finished.verify_data
 */
public record DecodeContext(ProtocolVersion version, KeyExchange keyExchange, int verifyDataLength) {
    /** RFC 5246 §7.4.9: verify_data_length is 12 unless a suite says otherwise (none of ours does). */
    public static final int TLS12_VERIFY_DATA_LENGTH = 12;

    /** Checks the version and key exchange agree and the verify_data length is plausible. */
    public DecodeContext {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(keyExchange, "keyExchange");
        if (version.equals(ProtocolVersion.TLS1_3)) {
            if (keyExchange != KeyExchange.TLS13) {
                throw new IllegalArgumentException("TLS 1.3 has no " + keyExchange + " key exchange");
            }
        } else if (version.equals(ProtocolVersion.TLS1_2)) {
            if (keyExchange == KeyExchange.TLS13) {
                throw new IllegalArgumentException("TLS 1.2 needs a TLS 1.2 key exchange");
            }
        } else {
            throw new IllegalArgumentException("tlsref speaks TLS 1.3 and 1.2, not " + version);
        }
        if (verifyDataLength < 12 || verifyDataLength > 64) {
            throw new IllegalArgumentException("implausible verify_data length " + verifyDataLength);
        }
    }

    /** TLS 1.3 with the hash of the negotiated suite. */
    public static DecodeContext tls13(HashAlgorithm hash) {
        return new DecodeContext(ProtocolVersion.TLS1_3, KeyExchange.TLS13, hash.length());
    }

    /**
     * The context for a negotiated suite, TLS 1.3 or TLS 1.2.
     *
     * @throws IllegalArgumentException if tlsref does not implement the suite
     */
    public static DecodeContext of(CipherSuite suite) {
        if (!suite.isImplemented()) {
            throw new IllegalArgumentException(suite + " is not implemented");
        }
        return suite.isTls13() ? tls13(suite.hash()) : tls12(suite.keyExchange());
    }

    /** TLS 1.2 with this key exchange and 12-byte verify_data. */
    public static DecodeContext tls12(KeyExchange keyExchange) {
        return new DecodeContext(ProtocolVersion.TLS1_2, keyExchange, TLS12_VERIFY_DATA_LENGTH);
    }

    /** True for TLS 1.3. */
    public boolean isTls13() {
        return version.equals(ProtocolVersion.TLS1_3);
    }
}
