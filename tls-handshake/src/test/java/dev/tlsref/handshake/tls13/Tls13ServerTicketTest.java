package dev.tlsref.handshake.tls13;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.handshake.session.TicketCodec;
import dev.tlsref.handshake.session.TicketKeys;
import dev.tlsref.handshake.session.TicketState;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server's stateless tickets: TicketKeys rotation and TicketCodec sealing. */
class Tls13ServerTicketTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final TicketKeys keys = new TicketKeys(CryptoProviders.jca(), clock, Duration.ofHours(1), new SecureRandom());

    private static TicketState state() {
        return new TicketState(CipherSuite.TLS_AES_256_GCM_SHA384, new byte[48], T0, 7200, 0xfedcba98L,
                Optional.of("h2"), Optional.of("example.com"), true, 16384);
    }

    @Test
    void opensWhatItSeals() {
        byte[] ticket = keys.seal(new byte[] {1, 2, 3});
        assertThat(keys.open(ticket).orElseThrow(), equalTo(new byte[] {1, 2, 3}));
    }

    @Test
    void refusesATamperedTicket() {
        byte[] ticket = keys.seal(new byte[] {1, 2, 3});
        for (int i = 0; i < ticket.length; i++) {
            byte[] tampered = ticket.clone();
            tampered[i] ^= 0x20;
            assertThat("byte " + i, keys.open(tampered).isPresent(), is(false));
        }
        assertThat(keys.open(new byte[10]).isPresent(), is(false));
    }

    @Test
    void refusesTicketsOfOtherKeys() {
        TicketKeys other = new TicketKeys(CryptoProviders.jca(), clock, Duration.ofHours(1), new SecureRandom());
        assertThat(keys.open(other.seal(new byte[] {1})).isPresent(), is(false));
    }

    @Test
    void opensTicketsOfThePreviousKeyForOneMoreInterval() {
        byte[] ticket = keys.seal(new byte[] {7});
        clock.now = T0.plus(Duration.ofMinutes(61));
        byte[] newer = keys.seal(new byte[] {8});
        assertThat(keys.open(ticket).isPresent(), is(true));
        clock.now = T0.plus(Duration.ofMinutes(122));
        assertThat(keys.open(ticket).isPresent(), is(false));
        assertThat(keys.open(newer).isPresent(), is(true));
        keys.rotate();
        keys.rotate();
        assertThat(keys.open(newer).isPresent(), is(false));
    }

    @Test
    void codecRoundTripsEveryField() {
        TicketCodec codec = new TicketCodec(keys);
        assertThat(codec.open(codec.seal(state())).orElseThrow(), equalTo(state()));
        TicketState bare = new TicketState(CipherSuite.TLS_AES_128_GCM_SHA256, new byte[32], T0, 0, 0,
                Optional.empty(), Optional.empty(), false, 0);
        assertThat(codec.open(codec.seal(bare)).orElseThrow(), equalTo(bare));
    }

    @Test
    void codecRefusesSealedGarbage() {
        TicketCodec codec = new TicketCodec(keys);
        assertThat(codec.open(keys.seal(new byte[] {1, 0x13, 0x01})).isPresent(), is(false));
        assertThat(codec.open(new byte[0]).isPresent(), is(false));
    }

    @Test
    void ticketsDoNotRevealThePsk() {
        byte[] psk = new byte[32];
        java.util.Arrays.fill(psk, (byte) 0x5a);
        TicketState s = new TicketState(CipherSuite.TLS_AES_128_GCM_SHA256, psk, T0, 1, 1, Optional.empty(),
                Optional.empty(), false, 0);
        String sealed = java.util.HexFormat.of().formatHex(new TicketCodec(keys).seal(s));
        assertThat(sealed.contains("5a5a5a5a5a5a5a5a"), is(false));
    }
}
