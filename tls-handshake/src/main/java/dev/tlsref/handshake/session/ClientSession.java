package dev.tlsref.handshake.session;

import dev.tlsref.core.CipherSuite;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TLS 1.3 session a client can resume (RFC 8446 §4.6.1, §2.2): one ticket from one
 * NewSessionTicket and the PSK derived for it. Each is used at most once (§C.4: a reused
 * ticket links connections).
 *
 * @param serverName the server name the session was made with; sessions are found by it
 * @param cipherSuite the suite of the original connection: a resumption must use one with the same hash (§4.2.11)
 * @param psk the resumption PSK, HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length)
 * @param ticket the opaque ticket, sent back as the PSK identity
 * @param lifetime the ticket_lifetime the server gave (at most 7 days)
 * @param ticketAgeAdd the ticket_age_add the server gave, added to the age to obfuscate it
 * @param receivedAt when the ticket arrived, by the config's clock
 * @param alpn the application protocol of the original connection
 * @param peerCertificates the server chain of the original connection
 * @param maxEarlyDataSize the max_early_data_size of the ticket's early_data extension (RFC 8446
 *     §4.6.1): how much 0-RTT data the server accepts with it; 0 if none
 */
public record ClientSession(String serverName, CipherSuite cipherSuite, byte[] psk, byte[] ticket, Duration lifetime,
        long ticketAgeAdd, Instant receivedAt, Optional<String> alpn, List<X509Certificate> peerCertificates,
        long maxEarlyDataSize) {

    /** Copies the arrays and list and checks the values. */
    public ClientSession {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        psk = psk.clone();
        ticket = ticket.clone();
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(alpn, "alpn");
        peerCertificates = List.copyOf(peerCertificates);
        if (ticketAgeAdd < 0 || ticketAgeAdd > 0xffffffffL || maxEarlyDataSize < 0 || maxEarlyDataSize > 0xffffffffL) {
            throw new IllegalArgumentException("ticket_age_add and max_early_data_size are uint32");
        }
    }

    @Override
    public byte[] psk() {
        return psk.clone();
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    /** True once the ticket's lifetime has passed at {@code now} (RFC 8446 §4.6.1). */
    public boolean isExpired(Instant now) {
        return !now.isBefore(receivedAt.plus(lifetime));
    }

    /**
     * obfuscated_ticket_age for a ClientHello sent at {@code now}: the ticket's age in
     * milliseconds plus ticket_age_add, modulo 2^32 (RFC 8446 §4.2.11.1).
     */
    public long obfuscatedTicketAge(Instant now) {
        long ageMillis = Math.max(0, Duration.between(receivedAt, now).toMillis());
        return (ageMillis + ticketAgeAdd) & 0xffffffffL;
    }

    /** Overwrites the PSK; call once the session has been used. */
    public void destroy() {
        Arrays.fill(psk, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientSession other && serverName.equals(other.serverName)
                && cipherSuite.equals(other.cipherSuite) && Arrays.equals(ticket, other.ticket)
                && receivedAt.equals(other.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverName, cipherSuite, Arrays.hashCode(ticket), receivedAt);
    }

    @Override
    public String toString() {
        return "ClientSession[" + serverName + ", " + cipherSuite + ", ticket=(" + ticket.length + " bytes), lifetime="
                + lifetime + ", receivedAt=" + receivedAt + ", maxEarlyDataSize=" + maxEarlyDataSize + "]";
    }
}
