package dev.tlsref.handshake.session;

import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.AeadTagException;
import dev.tlsref.crypto.CryptoProvider;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys a server seals its stateless session tickets with (RFC 8446 §4.6.1, RFC 5077 §4):
 * an AES-256-GCM key that rotates every {@code rotationInterval}, with the previous key kept
 * for one more interval so tickets sealed just before a rotation still open.
 *
 * <p>A sealed ticket is {@code key_id(4) || nonce(12) || AES-256-GCM(plaintext) || tag(16)},
 * with {@code key_id} as the additional data. The nonce is random per ticket; with at most
 * one key per interval, the 2<sup>32</sup>-tickets-per-key bound of random GCM nonces (NIST SP
 * 800-38D §8.3) is far away.
 *
 * <p>One instance is shared by every connection of a server config (and may be shared
 * between configs, or between servers behind one name, to let their tickets resume on each
 * other). Thread-safe. Keys come from this object's own {@link SecureRandom}, never from a
 * connection's (possibly scripted) randomness.
 */
public final class TicketKeys {
    /** Bytes of the key identifier at the start of each ticket. */
    static final int KEY_ID_LENGTH = 4;
    private static final AeadAlgorithm ALGORITHM = AeadAlgorithm.AES_256_GCM;
    private static final int NONCE_LENGTH = AeadAlgorithm.NONCE_LENGTH;

    private final CryptoProvider crypto;
    private final Clock clock;
    private final Duration rotationInterval;
    private final SecureRandom random;
    private Key current;
    private Key previous;

    private record Key(byte[] id, byte[] secret, Instant created) {}

    /**
     * Ticket keys with a fresh first key.
     *
     * @param crypto the provider of AES-256-GCM
     * @param clock when keys rotate
     * @param rotationInterval how long a key seals new tickets; it opens them for twice that.
     *     Choose at least the ticket lifetime so that every ticket opens while it is valid.
     * @param random where keys and nonces come from
     */
    public TicketKeys(CryptoProvider crypto, Clock clock, Duration rotationInterval, SecureRandom random) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        if (rotationInterval.isNegative() || rotationInterval.isZero()) {
            throw new IllegalArgumentException("rotation interval must be positive: " + rotationInterval);
        }
        this.rotationInterval = rotationInterval;
        this.current = newKey(clock.instant());
    }

    /** Ticket keys on the system clock with a new {@link SecureRandom}. */
    public TicketKeys(CryptoProvider crypto, Duration rotationInterval) {
        this(crypto, Clock.systemUTC(), rotationInterval, new SecureRandom());
    }

    /** How long a key seals new tickets. */
    public Duration rotationInterval() {
        return rotationInterval;
    }

    /** Seals {@code plaintext} under the current key (rotating it first if it is due). */
    public byte[] seal(byte[] plaintext) {
        Key key;
        byte[] nonce = new byte[NONCE_LENGTH];
        synchronized (this) {
            rotateIfDue();
            key = current;
            random.nextBytes(nonce);
        }
        byte[] ticket = new byte[KEY_ID_LENGTH + NONCE_LENGTH + plaintext.length + ALGORITHM.tagLength()];
        System.arraycopy(key.id, 0, ticket, 0, KEY_ID_LENGTH);
        System.arraycopy(nonce, 0, ticket, KEY_ID_LENGTH, NONCE_LENGTH);
        Aead aead = crypto.newAead(ALGORITHM, key.secret);
        aead.seal(nonce, key.id, plaintext, 0, plaintext.length, ticket, KEY_ID_LENGTH + NONCE_LENGTH);
        return ticket;
    }

    /**
     * Opens a ticket sealed by {@link #seal} under the current or previous key. Empty for a
     * ticket from an unknown or retired key, a tampered one, or anything too short.
     */
    public Optional<byte[]> open(byte[] ticket) {
        int overhead = KEY_ID_LENGTH + NONCE_LENGTH + ALGORITHM.tagLength();
        if (ticket.length < overhead) {
            return Optional.empty();
        }
        byte[] id = Arrays.copyOf(ticket, KEY_ID_LENGTH);
        byte[] nonce = Arrays.copyOfRange(ticket, KEY_ID_LENGTH, KEY_ID_LENGTH + NONCE_LENGTH);
        List<Key> candidates = new ArrayList<>(2);
        synchronized (this) {
            rotateIfDue();
            for (Key k : new Key[] {current, previous}) {
                if (k != null && MessageDigest.isEqual(k.id, id)) {
                    candidates.add(k);
                }
            }
        }
        for (Key key : candidates) {
            byte[] plaintext = new byte[ticket.length - overhead];
            try {
                crypto.newAead(ALGORITHM, key.secret).open(nonce, id, ticket, KEY_ID_LENGTH + NONCE_LENGTH,
                        ticket.length - KEY_ID_LENGTH - NONCE_LENGTH, plaintext, 0);
                return Optional.of(plaintext);
            } catch (AeadTagException e) {
                // tampered, or sealed under the other key with the same id: try the next
            }
        }
        return Optional.empty();
    }

    /** Rotates now: the current key becomes the previous one, the previous one is destroyed. */
    public synchronized void rotate() {
        Instant now = clock.instant();
        if (previous != null) {
            Arrays.fill(previous.secret, (byte) 0);
        }
        previous = current;
        current = newKey(now);
    }

    private void rotateIfDue() {
        Instant now = clock.instant();
        if (!now.isBefore(current.created.plus(rotationInterval))) {
            if (previous != null) {
                Arrays.fill(previous.secret, (byte) 0);
            }
            // A key more than two intervals old opens nothing.
            boolean currentStillUseful = now.isBefore(current.created.plus(rotationInterval.multipliedBy(2)));
            previous = currentStillUseful ? current : null;
            if (!currentStillUseful) {
                Arrays.fill(current.secret, (byte) 0);
            }
            current = newKey(now);
        }
    }

    private Key newKey(Instant now) {
        byte[] id = new byte[KEY_ID_LENGTH];
        byte[] secret = new byte[ALGORITHM.keyLength()];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new Key(id, secret, now);
    }

    @Override
    public String toString() {
        return "TicketKeys[AES-256-GCM, rotation every " + rotationInterval + "]";
    }
}
