package dev.tlsref.handshake.session;

import dev.tlsref.core.CipherSuite;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A TLS 1.2 session that can be resumed (RFC 5246 §7.3 session IDs, RFC 5077 tickets): what
 * both sides keep of a completed full handshake. Equality is identity: the master secret is
 * not compared.
 *
 * @param sessionId the session ID the server assigned, or empty
 * @param ticket the ticket the server issued (client side), or empty
 * @param cipherSuite the suite of the session; resumption must negotiate it again (RFC 5246 §7.4.1.2)
 * @param masterSecret the 48-byte master secret
 * @param extendedMasterSecret whether the master secret is the RFC 7627 extended one
 * @param peerCertificates the peer's chain as it was validated, leaf first; may be empty
 * @param serverName the server name of the original handshake, or empty
 * @param created when the full handshake completed
 */
public record Tls12Session(byte[] sessionId, byte[] ticket, CipherSuite cipherSuite, byte[] masterSecret,
        boolean extendedMasterSecret, List<X509Certificate> peerCertificates, String serverName, Instant created) {

    /** Copies the arrays and the chain. */
    public Tls12Session {
        sessionId = sessionId.clone();
        ticket = ticket.clone();
        masterSecret = masterSecret.clone();
        peerCertificates = List.copyOf(peerCertificates);
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    @Override
    public byte[] masterSecret() {
        return masterSecret.clone();
    }

    /** The same session with another ticket (a client that received a NewSessionTicket). */
    public Tls12Session withTicket(byte[] newTicket) {
        return new Tls12Session(sessionId, newTicket, cipherSuite, masterSecret, extendedMasterSecret,
                peerCertificates, serverName, created);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "Tls12Session[" + cipherSuite.name() + ", id " + sessionId.length + " bytes, ticket "
                + ticket.length + " bytes, ems=" + extendedMasterSecret + ", created " + created + "]";
    }

    /** Overwrites the master secret of this copy. */
    void destroy() {
        Arrays.fill(masterSecret, (byte) 0);
    }
}
