package dev.tlsref.core.message;

import static dev.tlsref.core.message.TestVectors.hex;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tlsref.core.CipherSuite.KeyExchange;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.message.TestVectors.Sample;
import dev.tlsref.crypto.HashAlgorithm;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input through the dispatcher: random and mutated bodies, every message type, both
 * versions and every key exchange. The only acceptable outcomes are a message that re-encodes
 * to exactly the bytes given (decoding is strict) or a {@link TlsAlertException}.
 */
class MessageFuzzTest {
    private static final long SEED = 0x7115_2ef0_0d5eL;
    private static final int ITERATIONS = 100_000;

    private static final List<DecodeContext> CONTEXTS = List.of(
            DecodeContext.tls13(HashAlgorithm.SHA256),
            DecodeContext.tls13(HashAlgorithm.SHA384),
            DecodeContext.tls12(KeyExchange.ECDHE),
            DecodeContext.tls12(KeyExchange.DHE),
            DecodeContext.tls12(KeyExchange.RSA));

    /** Every type on the wire plus message_hash and a few unknown ones. */
    private static final int[] TYPES = {0, 1, 2, 4, 5, 8, 11, 12, 13, 14, 15, 16, 20, 24, 254, 3, 99, 255};

    @Test
    void randomAndMutatedBodiesGiveAMessageOrAnAlert() {
        List<Sample> seeds = TestVectors.allMessages();
        Random random = new Random(SEED);
        int decoded = 0;
        int alerts = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            Sample seed = seeds.get(random.nextInt(seeds.size()));
            HandshakeType type;
            DecodeContext context;
            byte[] body;
            if (i % 10 == 0) {
                // Pure noise of any length, any type.
                type = new HandshakeType(TYPES[random.nextInt(TYPES.length)]);
                context = CONTEXTS.get(random.nextInt(CONTEXTS.size()));
                body = new byte[random.nextInt(300)];
                random.nextBytes(body);
            } else {
                // Mostly the seed's own type and context, so mutations reach deep into the structure.
                type = random.nextInt(8) == 0 ? new HandshakeType(TYPES[random.nextInt(TYPES.length)]) : seed.type();
                context = random.nextInt(8) == 0 ? CONTEXTS.get(random.nextInt(CONTEXTS.size())) : seed.context();
                body = mutate(seed.body(), random);
            }
            if (decode(type, body, context)) {
                decoded++;
            } else {
                alerts++;
            }
        }
        assertThat(decoded + alerts, is(ITERATIONS));
        // Both outcomes must be well represented, or the mutations are too weak or too strong.
        assertThat(decoded, greaterThan(ITERATIONS / 100));
        assertThat(alerts, greaterThan(ITERATIONS / 2));
    }

    @Test
    void mutatedWholeMessagesGiveAMessageOrAnAlert() {
        List<Sample> seeds = TestVectors.allMessages();
        Random random = new Random(SEED + 1);
        int iterations = 20_000;
        int outcomes = 0;
        for (int i = 0; i < iterations; i++) {
            Sample seed = seeds.get(random.nextInt(seeds.size()));
            byte[] message = mutate(seed.message(), random);
            try {
                HandshakeMessage m = HandshakeMessages.decode(message, seed.context());
                if (!Arrays.equals(m.encode(), message)) {
                    fail("re-encoding differs for " + hex(message));
                }
            } catch (TlsAlertException expected) {
                // The documented outcome for bad input.
            } catch (RuntimeException | Error e) {
                throw new AssertionError("unexpected " + e + " for message " + hex(message), e);
            }
            outcomes++;
        }
        assertThat(outcomes, greaterThanOrEqualTo(iterations));
    }

    /** True if the body decoded (and re-encoded exactly), false if it raised an alert. */
    private static boolean decode(HandshakeType type, byte[] body, DecodeContext context) {
        try {
            HandshakeMessage message = HandshakeMessages.decode(type, body, context);
            if (!Arrays.equals(message.body(), body)) {
                fail("re-encoding of " + type + " differs for body " + hex(body));
            }
            message.toString();
            return true;
        } catch (TlsAlertException expected) {
            return false;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("unexpected " + e + " decoding " + type + " in " + context + ": " + hex(body), e);
        }
    }

    /** One to three mutations: bit flips, insertions, deletions, length tampering, truncation. */
    static byte[] mutate(byte[] original, Random random) {
        byte[] data = original.clone();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            switch (random.nextInt(7)) {
                case 0: // flip one bit
                    if (data.length > 0) {
                        data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    break;
                case 1: // insert random bytes
                    data = insert(data, random.nextInt(data.length + 1), randomBytes(random, 1 + random.nextInt(4)));
                    break;
                case 2: // delete a few bytes
                    if (data.length > 0) {
                        int at = random.nextInt(data.length);
                        int n = Math.min(data.length - at, 1 + random.nextInt(4));
                        data = delete(data, at, n);
                    }
                    break;
                case 3: // tamper with what may be a length: set a byte to an extreme or nearby value
                    if (data.length > 0) {
                        int at = random.nextInt(data.length);
                        int[] choices = {0x00, 0xff, 0x01, 0x7f, 0x80, (data[at] & 0xff) + 1, (data[at] & 0xff) - 1};
                        data[at] = (byte) choices[random.nextInt(choices.length)];
                    }
                    break;
                case 4: // tamper with a two-byte big-endian value
                    if (data.length > 1) {
                        int at = random.nextInt(data.length - 1);
                        int value = ((data[at] & 0xff) << 8 | (data[at + 1] & 0xff)) + random.nextInt(9) - 4;
                        if (random.nextInt(4) == 0) {
                            value = random.nextBoolean() ? 0xffff : 0;
                        }
                        data[at] = (byte) (value >>> 8);
                        data[at + 1] = (byte) value;
                    }
                    break;
                case 5: // truncate
                    data = Arrays.copyOf(data, random.nextInt(data.length + 1));
                    break;
                default: // overwrite a run with random bytes
                    if (data.length > 0) {
                        int at = random.nextInt(data.length);
                        int n = Math.min(data.length - at, 1 + random.nextInt(8));
                        byte[] noise = randomBytes(random, n);
                        System.arraycopy(noise, 0, data, at, n);
                    }
                    break;
            }
        }
        return data;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] insert(byte[] data, int at, byte[] extra) {
        byte[] out = new byte[data.length + extra.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(data, at, out, at + extra.length, data.length - at);
        return out;
    }

    private static byte[] delete(byte[] data, int at, int n) {
        byte[] out = new byte[data.length - n];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(data, at + n, out, at, data.length - at - n);
        return out;
    }
}
