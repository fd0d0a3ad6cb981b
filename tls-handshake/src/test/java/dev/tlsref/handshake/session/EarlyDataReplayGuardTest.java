package dev.tlsref.handshake.session;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EarlyDataReplayGuardTest {
    private static final byte[] A = {1, 2, 3};
    private static final byte[] B = {4, 5, 6};

    @Test
    void acceptsABinderOnceWithinTheWindow() {
        EarlyDataReplayGuard guard = new EarlyDataReplayGuard(Duration.ofSeconds(20), 10);
        assertThat(guard.firstUse(A, 1000), is(true));
        assertThat(guard.firstUse(A.clone(), 5000), is(false));
        assertThat(guard.firstUse(B, 5000), is(true));
    }

    @Test
    void forgetsBindersOlderThanTheWindow() {
        EarlyDataReplayGuard guard = new EarlyDataReplayGuard(Duration.ofSeconds(20), 10);
        guard.firstUse(A, 1000);
        assertThat(guard.firstUse(B, 21_000), is(true));
        assertThat(guard.size(), equalTo(1));
    }

    @Test
    void refusesWhenFullUntilEntriesExpire() {
        EarlyDataReplayGuard guard = new EarlyDataReplayGuard(Duration.ofSeconds(20), 1);
        assertThat(guard.firstUse(A, 0), is(true));
        assertThat("fail closed", guard.firstUse(B, 1), is(false));
        assertThat(guard.firstUse(B, 20_000), is(true));
    }

    @Test
    void keepsItsOwnCopyOfTheBinder() {
        EarlyDataReplayGuard guard = new EarlyDataReplayGuard();
        byte[] binder = {7, 7, 7};
        guard.firstUse(binder, 0);
        binder[0] = 8;
        assertThat(guard.firstUse(new byte[] {7, 7, 7}, 1), is(false));
    }
}
