package dev.tlsref.handshake.session;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.AeadTagException;
import dev.tlsref.crypto.CryptoProvider;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where TLS 1.2 sessions are kept between connections, for both sides of one config:
 * <ul>
 *   <li>a server's bounded cache of sessions by session ID (RFC 5246 §7.4.1.2), least
 *       recently used out first;</li>
 *   <li>a server's ticket key: tickets (RFC 5077 §4) are the session state sealed with
 *       AES-256-GCM under a key that never leaves this object, {@code nonce(12) ||
 *       ciphertext || tag}; a ticket that does not open is simply not resumed;</li>
 *   <li>a client's bounded cache of sessions by server (host name and port, or whatever
 *       key the caller uses).</li>
 * </ul>
 * Thread-safe. The ticket key and nonces come from this object's own {@link SecureRandom},
 * never from a connection's (possibly scripted) randomness.
 */
public final class Tls12SessionStore {
    private static final AeadAlgorithm TICKET_AEAD = AeadAlgorithm.AES_256_GCM;
    private static final int NONCE_LENGTH = AeadAlgorithm.NONCE_LENGTH;
    /** RFC 5077 §4 recommends a key name; one key per store makes it unnecessary. */
    private static final byte[] TICKET_AAD = "tlsref TLS 1.2 ticket v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final int capacity;
    private final CryptoProvider crypto;
    private final SecureRandom random = new SecureRandom();
    private final byte[] ticketKey = new byte[TICKET_AEAD.keyLength()];
    private final Map<String, Tls12Session> serverSessions;
    private final Map<String, Tls12Session> clientSessions;

    /** A store holding at most {@code capacity} sessions on each side. */
    public Tls12SessionStore(int capacity, CryptoProvider crypto) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
        this.crypto = crypto;
        random.nextBytes(ticketKey);
        this.serverSessions = lru(capacity);
        this.clientSessions = lru(capacity);
    }

    private static Map<String, Tls12Session> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tls12Session> eldest) {
                if (size() > capacity) {
                    eldest.getValue().destroy();
                    return true;
                }
                return false;
            }
        };
    }

    /** The most sessions kept on each side. */
    public int capacity() {
        return capacity;
    }

    /** Server: keeps a session under its session ID. */
    public synchronized void putServerSession(Tls12Session session) {
        if (capacity > 0 && session.sessionId().length > 0) {
            serverSessions.put(HexFormat.of().formatHex(session.sessionId()), session);
        }
    }

    /** Server: the session with this ID, if still cached. */
    public synchronized Optional<Tls12Session> serverSession(byte[] sessionId) {
        return Optional.ofNullable(serverSessions.get(HexFormat.of().formatHex(sessionId)));
    }

    /** Server: forgets a session (RFC 5246 §7.2.2: a session ended by a fatal alert must not be resumed). */
    public synchronized void removeServerSession(byte[] sessionId) {
        serverSessions.remove(HexFormat.of().formatHex(sessionId));
    }

    /** How many sessions the server side holds. */
    public synchronized int serverSessionCount() {
        return serverSessions.size();
    }

    /** Client: keeps the session to resume with {@code server}. */
    public synchronized void putClientSession(String server, Tls12Session session) {
        if (capacity > 0) {
            clientSessions.put(server, session);
        }
    }

    /** Client: the session to resume with {@code server}, if any. */
    public synchronized Optional<Tls12Session> clientSession(String server) {
        return Optional.ofNullable(clientSessions.get(server));
    }

    /** Client: forgets the session for {@code server}. */
    public synchronized void removeClientSession(String server) {
        clientSessions.remove(server);
    }

    /** Server: the ticket carrying {@code session} (its ID and ticket fields are not sealed). */
    public byte[] sealTicket(Tls12Session session) {
        byte[] plaintext = encode(session);
        byte[] nonce = new byte[NONCE_LENGTH];
        synchronized (this) {
            random.nextBytes(nonce);
        }
        Aead aead = crypto.newAead(TICKET_AEAD, ticketKey);
        byte[] out = new byte[NONCE_LENGTH + plaintext.length + TICKET_AEAD.tagLength()];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        aead.seal(nonce, TICKET_AAD, plaintext, 0, plaintext.length, out, NONCE_LENGTH);
        java.util.Arrays.fill(plaintext, (byte) 0);
        return out;
    }

    /** Server: the session inside a ticket, or empty if it does not open or decode. */
    public Optional<Tls12Session> openTicket(byte[] ticket) {
        if (ticket.length < NONCE_LENGTH + TICKET_AEAD.tagLength()) {
            return Optional.empty();
        }
        byte[] nonce = java.util.Arrays.copyOf(ticket, NONCE_LENGTH);
        byte[] plaintext = new byte[ticket.length - NONCE_LENGTH - TICKET_AEAD.tagLength()];
        try {
            crypto.newAead(TICKET_AEAD, ticketKey).open(nonce, TICKET_AAD, ticket, NONCE_LENGTH,
                    ticket.length - NONCE_LENGTH, plaintext, 0);
            return decode(plaintext);
        } catch (AeadTagException e) {
            return Optional.empty();
        } finally {
            java.util.Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** suite(2) ems(1) master_secret<1..255> created_ms(8) server_name<0..2^16-1> certs<0..2^24-1>. */
    private static byte[] encode(Tls12Session session) {
        TlsWriter out = new TlsWriter();
        out.writeUint16(session.cipherSuite().code());
        out.writeUint8(session.extendedMasterSecret() ? 1 : 0);
        out.writeOpaque8(session.masterSecret());
        long created = session.created().toEpochMilli();
        out.writeUint32(created >>> 32).writeUint32(created & 0xffffffffL);
        out.writeOpaque16(session.serverName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeVector24(list -> {
            for (X509Certificate certificate : session.peerCertificates()) {
                try {
                    list.writeOpaque24(certificate.getEncoded());
                } catch (CertificateEncodingException e) {
                    throw new IllegalStateException("a validated certificate does not encode", e);
                }
            }
        });
        return out.toByteArray();
    }

    private static Optional<Tls12Session> decode(byte[] plaintext) {
        try {
            TlsReader in = TlsReader.of(plaintext);
            CipherSuite suite = new CipherSuite(in.readUint16());
            boolean ems = in.readUint8() == 1;
            byte[] master = in.readOpaque8(1, 0xff);
            long created = (in.readUint32() << 32) | in.readUint32();
            String serverName = new String(in.readOpaque16(0, 0xffff), java.nio.charset.StandardCharsets.UTF_8);
            TlsReader certs = in.readVector24(0, 0xffffff);
            List<X509Certificate> chain = new ArrayList<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (certs.hasRemaining()) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(certs.readOpaque24(1, 0xffffff))));
            }
            in.expectEnd("ticket");
            return Optional.of(new Tls12Session(new byte[0], new byte[0], suite, master, ems, chain, serverName,
                    Instant.ofEpochMilli(created)));
        } catch (TlsAlertException | CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
