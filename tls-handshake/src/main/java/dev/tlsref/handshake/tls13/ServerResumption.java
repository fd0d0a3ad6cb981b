package dev.tlsref.handshake.tls13;

import static dev.tlsref.core.AlertDescription.DECRYPT_ERROR;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.PskKeyExchangeMode;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.PreSharedKeyClientHello;
import dev.tlsref.core.extension.PskIdentity;
import dev.tlsref.core.extension.PskKeyExchangeModes;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.Hash;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.session.TicketState;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A TLS 1.3 server's side of resumption (RFC 8446 §2.2, §4.2.11): which offered ticket, if
 * any, to accept, and the check of its binder.
 *
 * <p>A ticket that does not open (another server's, a retired key, tampered), whose suite hash
 * differs from the negotiated suite's, that has expired, whose client-reported age is far from
 * ours, that was issued for another server_name, or that lacks the client certificate this
 * server requires, is skipped: the handshake goes on with the next identity, or a full
 * handshake (§4.2.11: the server "SHOULD" fall back rather than abort). A ticket that is chosen
 * must have a valid binder, else decrypt_error (§4.2.11.2).
 */
final class ServerResumption {
    /** RFC 8446 §8.3 suggests a window "on the order of ten seconds" for ticket ages. */
    static final long AGE_TOLERANCE_MILLIS = 10_000;

    /** A ticket the server will use, before its binder is checked. */
    record Accepted(int index, TicketState state, PskKeyExchangeMode mode) {}

    private final TlsConfig config;
    private final Function<byte[], Optional<TicketState>> opener;
    private final HandshakeListener listener;

    ServerResumption(TlsConfig config, Function<byte[], Optional<TicketState>> opener) {
        this.config = config;
        this.opener = opener;
        this.listener = config.listener();
    }

    /**
     * The first offered ticket that is usable with {@code suite}.
     *
     * @param dheAvailable true if the client and server share a group, so psk_dhe_ke is possible
     */
    Optional<Accepted> choose(ClientHello hello, CipherSuite suite, Optional<String> serverName, boolean dheAvailable) {
        Optional<PreSharedKeyClientHello> offered = hello.extensions().find(PreSharedKeyClientHello.class);
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        List<PskKeyExchangeMode> modes = hello.extensions().find(PskKeyExchangeModes.class)
                .map(PskKeyExchangeModes::modes).orElse(List.of());
        PskKeyExchangeMode mode;
        if (modes.contains(PskKeyExchangeMode.PSK_DHE_KE) && dheAvailable) {
            mode = PskKeyExchangeMode.PSK_DHE_KE;
        } else if (modes.contains(PskKeyExchangeMode.PSK_KE) && config.pskOnlyKeyExchange()) {
            mode = PskKeyExchangeMode.PSK_KE;
        } else {
            listener.note("PSK not used: no usable psk_key_exchange_mode in " + modes
                    + (config.pskOnlyKeyExchange() ? "" : " (psk_ke is disabled)"));
            return Optional.empty();
        }
        List<PskIdentity> identities = offered.get().identities();
        long now = config.clock().millis();
        for (int i = 0; i < identities.size(); i++) {
            Optional<TicketState> opened = opener.apply(identities.get(i).identity());
            if (opened.isEmpty()) {
                listener.note("PSK identity " + i + " is not a ticket of ours");
                continue;
            }
            TicketState state = opened.get();
            Optional<String> refusal = refusal(state, identities.get(i), suite, serverName, now);
            if (refusal.isPresent()) {
                listener.note("PSK identity " + i + " not used: " + refusal.get());
                state.destroy();
                continue;
            }
            return Optional.of(new Accepted(i, state, mode));
        }
        return Optional.empty();
    }

    private Optional<String> refusal(TicketState state, PskIdentity identity, CipherSuite suite,
            Optional<String> serverName, long now) {
        // RFC 8446 §4.2.11: the PSK's hash must be that of the selected suite.
        if (!state.cipherSuite().hash().equals(suite.hash())) {
            return Optional.of("ticket is for " + state.cipherSuite().name() + ", whose hash differs from "
                    + suite.name() + "'s");
        }
        long serverAge = now - state.created().toEpochMilli();
        long lifetimeMillis = Math.min(state.lifetimeSeconds(), config.ticketLifetime().getSeconds()) * 1000;
        if (serverAge > lifetimeMillis) {
            return Optional.of("ticket expired (" + serverAge + " ms old, lifetime " + lifetimeMillis + " ms)");
        }
        // RFC 8446 §4.2.11.1, §8.3: the client's view of the age, de-obfuscated; a freshness check only.
        long clientAge = (identity.obfuscatedTicketAge() - state.ticketAgeAdd()) & 0xffffffffL;
        if (serverAge < -AGE_TOLERANCE_MILLIS || Math.abs(clientAge - serverAge) > AGE_TOLERANCE_MILLIS) {
            return Optional.of("client reports ticket age " + clientAge + " ms, server sees " + serverAge + " ms");
        }
        // RFC 6066 §3 and RFC 8446 §4.6.1: a session belongs to the name it was made for.
        if (!state.serverName().equals(serverName)) {
            return Optional.of("ticket was issued for server_name " + state.serverName().orElse("(none)")
                    + ", client now asks for " + serverName.orElse("(none)"));
        }
        if (config.clientAuth() == ClientAuth.REQUIRED && !state.clientAuthenticated()) {
            return Optional.of("this server requires a client certificate and the ticket's session had none");
        }
        return Optional.empty();
    }

    /**
     * RFC 8446 §4.2.11.2: binder = HMAC(finished_key(binder_key), Transcript-Hash(messages before
     * this ClientHello + the ClientHello truncated before the binders)).
     *
     * @param priorMessages the transcript before this ClientHello as one hash input (the
     *     message_hash of ClientHello1 and the HelloRetryRequest), or empty bytes
     * @param encodedClientHello the whole ClientHello, header included
     */
    static void verifyBinder(CryptoProvider crypto, Tls13KeySchedule schedule, byte[] earlySecret,
            PreSharedKeyClientHello offered, int index, byte[] priorMessages, byte[] encodedClientHello)
            throws TlsAlertException {
        byte[] partial = ClientHello.truncateForBinders(encodedClientHello, offered.bindersLength());
        Hash hash = crypto.newHash(schedule.hash());
        hash.update(priorMessages);
        hash.update(partial);
        byte[] binderKey = schedule.binderKey(earlySecret, true);
        byte[] finishedKey = schedule.finishedKey(binderKey);
        byte[] expected = schedule.finishedVerifyData(finishedKey, hash.digest());
        byte[] received = offered.binders().get(index);
        try {
            if (!MessageDigest.isEqual(expected, received)) {
                throw new TlsAlertException(DECRYPT_ERROR,
                        "PSK binder of identity " + index + " does not verify (RFC 8446 §4.2.11.2)");
            }
        } finally {
            Arrays.fill(binderKey, (byte) 0);
            Arrays.fill(finishedKey, (byte) 0);
        }
    }
}
