package dev.tlsref.handshake.tls13;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.extension.PreSharedKeyClientHello;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.session.TicketState;
import java.util.Optional;

/**
 * A TLS 1.3 server's decision on a client's 0-RTT data (RFC 8446 §4.2.10, §8). Early data is
 * accepted only if every one of these holds, checked in this order:
 * <ol>
 *   <li>the config accepts early data ({@link TlsConfig#maxEarlyDataSize()} &gt; 0);</li>
 *   <li>a ticket is resumed and it is the client's first PSK identity (§4.2.10);</li>
 *   <li>the ticket allows early data (it was issued with max_early_data_size &gt; 0);</li>
 *   <li>the cipher suite and the ALPN protocol are those of the ticket's session (§4.2.10);</li>
 *   <li>the ticket's age is fresh: already required for resumption, within
 *       {@link ServerResumption#AGE_TOLERANCE_MILLIS} of the client's view (§8.3);</li>
 *   <li>the ClientHello is not a replay: its binder was not seen in the config's
 *       {@link dev.tlsref.handshake.session.EarlyDataReplayGuard} within its window (§8.2).
 *       Checked last, so that only ClientHellos that get 0-RTT are recorded.</li>
 * </ol>
 * Otherwise the server answers with a 1-RTT handshake and skips the early data (§4.2.10).
 */
final class ServerEarlyData {
    /**
     * How many bytes of rejected 0-RTT records a server skips when it accepts less (record
     * bodies, so tags and content types count too): OpenSSL's default max_early_data.
     */
    static final long MIN_SKIP_LIMIT = 1 << 14;

    private ServerEarlyData() {}

    /** Why the early data of {@code hello} cannot be accepted, or empty if it can (and is now recorded). */
    static Optional<String> refusal(TlsConfig config, ClientHello hello, ServerResumption.Accepted psk,
            CipherSuite suite, Optional<String> alpn) {
        if (config.maxEarlyDataSize() == 0) {
            return Optional.of("this server accepts no early data (maxEarlyDataSize 0)");
        }
        if (psk == null) {
            return Optional.of("no ticket is resumed");
        }
        if (psk.index() != 0) {
            return Optional.of("the resumed ticket is PSK identity " + psk.index() + ", not the first (RFC 8446 §4.2.10)");
        }
        TicketState ticket = psk.state();
        if (ticket.maxEarlyDataSize() == 0) {
            return Optional.of("the ticket allows no early data");
        }
        if (!ticket.cipherSuite().equals(suite)) {
            return Optional.of("the ticket's session used " + ticket.cipherSuite().name() + ", this handshake "
                    + suite.name() + " (RFC 8446 §4.2.10)");
        }
        if (!ticket.alpn().equals(alpn)) {
            return Optional.of("the ticket's session used ALPN " + ticket.alpn().orElse("(none)") + ", this handshake "
                    + alpn.orElse("(none)") + " (RFC 8446 §4.2.10)");
        }
        byte[] binder = hello.extensions().find(PreSharedKeyClientHello.class).orElseThrow().binders().get(0);
        if (!config.earlyDataReplayGuard().firstUse(binder, config.clock().millis())) {
            return Optional.of("this ClientHello was seen before, a replay (or the anti-replay register is full)"
                    + " (RFC 8446 §8.2)");
        }
        return Optional.empty();
    }

    /** RFC 8446 §4.2.10: how much 0-RTT data a server may receive before it is unexpected_message. */
    static long acceptedLimit(TlsConfig config, TicketState ticket) {
        return Math.min(config.maxEarlyDataSize(), ticket.maxEarlyDataSize());
    }

    /** RFC 8446 §4.2.10: how much rejected 0-RTT data is skipped ("up to the configured max_early_data_size"). */
    static long skipLimit(TlsConfig config) {
        return Math.max(config.maxEarlyDataSize(), MIN_SKIP_LIMIT);
    }
}
