package dev.tlsref.handshake.session;

import dev.tlsref.core.CipherSuite;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a TLS 1.3 server remembers of a session inside the ticket it issues (RFC 8446
 * §4.6.1), to resume it later without server-side state.
 *
 * @param cipherSuite the suite of the original session; a resumption must use a suite with
 *     the same hash (§4.2.11)
 * @param resumptionPsk the PSK: HKDF-Expand-Label(resumption_master_secret, "resumption",
 *     ticket_nonce, Hash.length)
 * @param created when the ticket was issued
 * @param lifetimeSeconds the ticket_lifetime promised to the client
 * @param ticketAgeAdd the ticket_age_add sent with the ticket (uint32)
 * @param alpn the application protocol of the original session
 * @param serverName the server_name of the original session
 * @param clientAuthenticated true if the client authenticated with a certificate
 * @param maxEarlyDataSize the max_early_data_size the ticket allows (RFC 8446 §4.6.1); 0: no 0-RTT
 */
public record TicketState(CipherSuite cipherSuite, byte[] resumptionPsk, Instant created, long lifetimeSeconds,
        long ticketAgeAdd, Optional<String> alpn, Optional<String> serverName, boolean clientAuthenticated,
        long maxEarlyDataSize) {

    /** Copies the PSK and checks the fields. */
    public TicketState {
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        resumptionPsk = resumptionPsk.clone();
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(alpn, "alpn");
        Objects.requireNonNull(serverName, "serverName");
        if (lifetimeSeconds < 0 || lifetimeSeconds > 0xffffffffL || ticketAgeAdd < 0 || ticketAgeAdd > 0xffffffffL
                || maxEarlyDataSize < 0 || maxEarlyDataSize > 0xffffffffL) {
            throw new IllegalArgumentException("lifetime, ticket_age_add and max_early_data_size are uint32");
        }
    }

    @Override
    public byte[] resumptionPsk() {
        return resumptionPsk.clone();
    }

    /** Overwrites the PSK. */
    public void destroy() {
        Arrays.fill(resumptionPsk, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TicketState t && cipherSuite.equals(t.cipherSuite)
                && Arrays.equals(resumptionPsk, t.resumptionPsk) && created.equals(t.created)
                && lifetimeSeconds == t.lifetimeSeconds && ticketAgeAdd == t.ticketAgeAdd && alpn.equals(t.alpn)
                && serverName.equals(t.serverName) && clientAuthenticated == t.clientAuthenticated
                && maxEarlyDataSize == t.maxEarlyDataSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cipherSuite, Arrays.hashCode(resumptionPsk), created, lifetimeSeconds, ticketAgeAdd,
                alpn, serverName, clientAuthenticated, maxEarlyDataSize);
    }

    @Override
    public String toString() {
        return "TicketState[" + cipherSuite.name() + ", psk=(" + resumptionPsk.length + " bytes), created=" + created
                + ", lifetime=" + lifetimeSeconds + "s, alpn=" + alpn.orElse("-") + ", server_name="
                + serverName.orElse("-") + ", client_authenticated=" + clientAuthenticated
                + ", max_early_data_size=" + maxEarlyDataSize + "]";
    }
}
