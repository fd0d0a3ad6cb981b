package dev.tlsref.handshake.session;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The TLS 1.3 sessions a client keeps for resumption (RFC 8446 §2.2, §4.6.1), by server name.
 * Thread-safe: one cache is shared by every connection made with one config.
 *
 * <p>Tickets are single-use (RFC 8446 §C.4: reusing one lets an observer link connections):
 * {@link #take} removes what it returns. A server may send several tickets; the newest is
 * used first. The cache is bounded: past {@code capacity} sessions the oldest ticket of the
 * least recently used server name goes.
 */
public final class ClientSessionCache {
    private final int capacity;
    private final LinkedHashMap<String, Deque<ClientSession>> byServer = new LinkedHashMap<>(16, 0.75f, true);
    private int size;

    /** A cache holding at most {@code capacity} sessions; 0 keeps none. */
    public ClientSessionCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
    }

    /** The most sessions kept. */
    public int capacity() {
        return capacity;
    }

    /** Keeps {@code session} for a later connection to its server name. */
    public synchronized void put(ClientSession session) {
        if (capacity == 0) {
            return;
        }
        byServer.computeIfAbsent(key(session.serverName()), k -> new ArrayDeque<>()).addLast(session);
        size++;
        while (size > capacity) {
            evictOne();
        }
    }

    /**
     * Removes and returns the newest session for {@code serverName} that has not expired at
     * {@code now}; expired ones found on the way are dropped.
     */
    public synchronized Optional<ClientSession> take(String serverName, Instant now) {
        Deque<ClientSession> sessions = byServer.get(key(serverName));
        if (sessions == null) {
            return Optional.empty();
        }
        Optional<ClientSession> found = Optional.empty();
        while (!sessions.isEmpty() && found.isEmpty()) {
            ClientSession s = sessions.pollLast();
            size--;
            if (s.isExpired(now)) {
                s.destroy();
            } else {
                found = Optional.of(s);
            }
        }
        if (sessions.isEmpty()) {
            byServer.remove(key(serverName));
        }
        return found;
    }

    /** How many sessions are kept now. */
    public synchronized int size() {
        return size;
    }

    /** Forgets every session. */
    public synchronized void clear() {
        byServer.values().forEach(d -> d.forEach(ClientSession::destroy));
        byServer.clear();
        size = 0;
    }

    private void evictOne() {
        Iterator<Map.Entry<String, Deque<ClientSession>>> eldest = byServer.entrySet().iterator();
        Map.Entry<String, Deque<ClientSession>> entry = eldest.next();
        entry.getValue().pollFirst().destroy();
        size--;
        if (entry.getValue().isEmpty()) {
            eldest.remove();
        }
    }

    private static String key(String serverName) {
        return serverName.toLowerCase(Locale.ROOT);
    }

    @Override
    public synchronized String toString() {
        return "ClientSessionCache[" + size + "/" + capacity + " sessions, " + byServer.size() + " servers]";
    }
}
