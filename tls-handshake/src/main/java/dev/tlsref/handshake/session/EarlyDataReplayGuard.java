package dev.tlsref.handshake.session;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TLS 1.3 server's defence against replayed 0-RTT data (RFC 8446 §8.2, "ClientHello
 * recording"): the PSK binder of every ClientHello whose early data was accepted is kept for a
 * freshness window, and a ClientHello that shows a binder already kept gets no 0-RTT (it may
 * still resume, with 1-RTT data only). A binder is unique per ClientHello (it is an HMAC over
 * the ClientHello's random and key shares), so a match means a replay.
 *
 * <p>ClientHellos outside the window never get this far: the server only resumes a ticket
 * whose client-reported age is close to the age it sees (§8.3), so once an entry is older
 * than the window a replay of its ClientHello fails that check instead. The register is
 * bounded: when it is full, 0-RTT is refused (fail closed, §8.2) until entries expire.
 *
 * <p>One guard serves every connection of a server config (and every config made from it
 * with {@code toBuilder}); it is thread-safe. Servers sharing ticket keys across machines
 * need a shared register instead; this one protects a single process only (§8: "the server
 * MUST ensure that any instance of it ... would accept 0-RTT for the same 0-RTT handshake at
 * most once" across a cluster is the deployer's part).
 */
public final class EarlyDataReplayGuard {
    /** How long a binder is remembered: twice the ticket-age tolerance of the server (10 s each way). */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(20);
    /** How many binders are remembered at most. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final long windowMillis;
    private final int capacity;
    /** Binder to the time it was first seen; insertion order is time order. */
    private final Map<ByteBuffer, Long> seen = new LinkedHashMap<>();

    /** A guard with the default window and capacity. */
    public EarlyDataReplayGuard() {
        this(DEFAULT_WINDOW, DEFAULT_CAPACITY);
    }

    /**
     * A guard remembering at most {@code capacity} binders, each for {@code window}.
     *
     * @param window at least the span over which the server's ticket-age check lets a
     *     replayed ClientHello pass
     */
    public EarlyDataReplayGuard(Duration window, int capacity) {
        if (window.isNegative() || window.isZero() || capacity < 1) {
            throw new IllegalArgumentException("window must be positive and capacity at least 1");
        }
        this.windowMillis = window.toMillis();
        this.capacity = capacity;
    }

    /**
     * Records {@code binder}, seen at {@code nowMillis}; true if it was not seen within the
     * window (the early data may be accepted), false for a replay or when the register is full.
     */
    public synchronized boolean firstUse(byte[] binder, long nowMillis) {
        expire(nowMillis);
        ByteBuffer key = ByteBuffer.wrap(binder.clone());
        if (seen.containsKey(key) || seen.size() >= capacity) {
            return false;
        }
        seen.put(key, nowMillis);
        return true;
    }

    /** How many binders are remembered now. */
    public synchronized int size() {
        return seen.size();
    }

    private void expire(long nowMillis) {
        Iterator<Long> times = seen.values().iterator();
        while (times.hasNext()) {
            long at = times.next();
            if (nowMillis - at < windowMillis) {
                break;
            }
            times.remove();
        }
    }
}
