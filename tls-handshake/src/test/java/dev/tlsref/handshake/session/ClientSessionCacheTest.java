package dev.tlsref.handshake.session;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.tlsref.core.CipherSuite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientSessionCacheTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static ClientSession session(String server, int ticket) {
        return session(server, ticket, T0);
    }

    private static ClientSession session(String server, int ticket, Instant received) {
        return new ClientSession(server, CipherSuite.TLS_AES_128_GCM_SHA256, new byte[32], new byte[] {(byte) ticket},
                Duration.ofHours(1), 0xfffffff0L, received, Optional.empty(), List.of());
    }

    @Test
    void givesEachTicketOnceNewestFirst() {
        ClientSessionCache cache = new ClientSessionCache(10);
        cache.put(session("a.test", 1));
        cache.put(session("a.test", 2));
        assertThat(cache.take("a.test", T0).orElseThrow().ticket()[0], equalTo((byte) 2));
        assertThat(cache.take("A.TEST", T0).orElseThrow().ticket()[0], equalTo((byte) 1));
        assertThat(cache.take("a.test", T0), equalTo(Optional.empty()));
        assertThat(cache.size(), equalTo(0));
    }

    @Test
    void keepsSessionsApartByServerName() {
        ClientSessionCache cache = new ClientSessionCache(10);
        cache.put(session("a.test", 1));
        assertThat(cache.take("b.test", T0), equalTo(Optional.empty()));
        assertThat(cache.size(), equalTo(1));
    }

    @Test
    void dropsExpiredSessions() {
        ClientSessionCache cache = new ClientSessionCache(10);
        cache.put(session("a.test", 1));
        assertThat(cache.take("a.test", T0.plus(Duration.ofHours(1))), equalTo(Optional.empty()));
        assertThat(cache.size(), equalTo(0));
    }

    @Test
    void evictsFromTheLeastRecentlyUsedServer() {
        ClientSessionCache cache = new ClientSessionCache(2);
        cache.put(session("a.test", 1));
        cache.put(session("b.test", 2));
        cache.put(session("c.test", 3));
        assertThat(cache.size(), equalTo(2));
        assertThat(cache.take("a.test", T0), equalTo(Optional.empty()));
        assertThat(cache.take("c.test", T0).isPresent(), is(true));
    }

    @Test
    void keepsNothingWithCapacityZero() {
        ClientSessionCache cache = new ClientSessionCache(0);
        cache.put(session("a.test", 1));
        assertThat(cache.size(), equalTo(0));
    }

    @Test
    void obfuscatesTheTicketAgeModulo2To32() {
        ClientSession s = session("a.test", 1);
        // RFC 8446 §4.2.11.1: (age in ms + ticket_age_add) mod 2^32.
        assertThat(s.obfuscatedTicketAge(T0.plusMillis(100)), equalTo((100 + 0xfffffff0L) & 0xffffffffL));
        assertThat(s.obfuscatedTicketAge(T0.plusMillis(100)), equalTo(84L));
    }

    @Test
    void handsEachSessionToOneTakerUnderContention() throws Exception {
        ClientSessionCache cache = new ClientSessionCache(1000);
        for (int i = 0; i < 500; i++) {
            cache.put(session("a.test", i));
        }
        AtomicInteger taken = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                while (cache.take("a.test", T0).isPresent()) {
                    taken.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS), is(true));
        assertThat(taken.get(), equalTo(500));
    }
}
