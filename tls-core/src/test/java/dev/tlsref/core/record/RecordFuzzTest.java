package dev.tlsref.core.record;

import static dev.tlsref.core.record.TestRecords.bytes;
import static dev.tlsref.core.record.TestRecords.concat;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tlsref.core.ContentType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.crypto.Aead;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProviders;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Feeds 100,000 random and mutated inputs to the record reader and the handshake assembler:
 * every outcome must be records, "need more data" or a {@link TlsAlertException}, never any
 * other exception. Seeded, so a failure names an iteration that can be replayed.
 */
class RecordFuzzTest {
    private static final long SEED = 0x7157_2ecdL;
    private static final int ITERATIONS = 100_000;
    private static final int MAX_MESSAGE = 2000;

    /** One way of protecting records: a stream of valid records and a fresh matching reader. */
    private record Mode(String name, byte[] stream, Supplier<RecordReader> reader) {}

    private final Aead gcm = CryptoProviders.jca().newAead(AeadAlgorithm.AES_128_GCM, bytes(16, 1));
    private final Aead chacha = CryptoProviders.jca().newAead(AeadAlgorithm.CHACHA20_POLY1305, bytes(32, 2));
    private final byte[] iv = bytes(12, 3);
    private final byte[] salt = bytes(4, 4);

    /** One direct buffer reused for every chunk, as a network adapter would. */
    private final ByteBuffer direct = ByteBuffer.allocateDirect(1024);
    private int records;
    private int messages;
    private int alerts;

    @Test
    void everyInputGivesRecordsNeedMoreDataOrAnAlert() throws TlsAlertException {
        Mode[] modes = {
            new Mode("plaintext", stream(new RecordWriter()), RecordReader::new),
            new Mode("tls13", stream(writer(RecordProtection.tls13(gcm, iv))),
                    () -> reader(RecordProtection.tls13(gcm, iv))),
            new Mode("tls12-gcm", stream(writer(RecordProtection.tls12(gcm, salt))),
                    () -> reader(RecordProtection.tls12(gcm, salt))),
            new Mode("tls12-chacha", stream(writer(RecordProtection.tls12(chacha, iv))),
                    () -> reader(RecordProtection.tls12(chacha, iv))),
        };
        Random random = new Random(SEED);
        long started = System.nanoTime();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            // half the inputs go to the unprotected reader: header parsing is where most paths are
            Mode mode = random.nextBoolean() ? modes[0] : modes[1 + random.nextInt(modes.length - 1)];
            byte[] input = random.nextInt(10) == 0 ? randomBytes(random, random.nextInt(600)) : mutate(random, mode.stream);
            try {
                feed(random, mode.reader.get(), input);
            } catch (TlsAlertException expected) {
                alerts++;
            } catch (RuntimeException | Error e) {
                fail("iteration " + iteration + " (" + mode.name + ", seed " + SEED + ") threw " + e, e);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // the corpus must exercise both outcomes; the time bound is loose as the build machine is shared
        assertThat(records, greaterThan(ITERATIONS / 2));
        assertThat(messages, greaterThan(ITERATIONS / 10));
        assertThat(alerts, greaterThan(ITERATIONS / 10));
        assertThat(seconds, lessThanOrEqualTo(120.0));
    }

    @Test
    void randomFragmentsGiveMessagesOrAnAlert() {
        Random random = new Random(SEED + 1);
        for (int iteration = 0; iteration < 20_000; iteration++) {
            HandshakeAssembler assembler = new HandshakeAssembler(random.nextInt(300));
            try {
                for (int i = random.nextInt(8); i >= 0; i--) {
                    assembler.add(randomBytes(random, random.nextInt(200)));
                    byte[] m;
                    while ((m = assembler.next()) != null) {
                        assertThat(m.length, lessThanOrEqualTo(4 + assembler.maxMessageLength()));
                    }
                }
            } catch (TlsAlertException expected) {
                alerts++;
            } catch (RuntimeException | Error e) {
                fail("iteration " + iteration + " threw " + e, e);
            }
        }
        assertThat(alerts, greaterThan(1000));
    }

    /** Delivers the input in random chunks, through heap, direct or read-only buffers. */
    private void feed(Random random, RecordReader reader, byte[] input) throws TlsAlertException {
        ChangeCipherSpecPolicy[] policies = ChangeCipherSpecPolicy.values();
        reader.setChangeCipherSpecPolicy(policies[random.nextInt(policies.length)]);
        if (random.nextInt(4) == 0) {
            reader.setRecordSizeLimit(64 + random.nextInt(400));
        }
        HandshakeAssembler assembler = new HandshakeAssembler(MAX_MESSAGE);
        int kind = random.nextInt(3);
        for (int at = 0; at < input.length; ) {
            int n = Math.min(input.length - at, 1 + random.nextInt(random.nextBoolean() ? 8 : 700));
            ByteBuffer chunk = chunk(kind, input, at, n);
            at += n;
            RecordView view;
            while ((view = reader.read(chunk)) != null) {
                records++;
                assertThat(view.fragment().remaining(), lessThanOrEqualTo(RecordSizes.MAX_PLAINTEXT_LENGTH));
                if (view.type().equals(ContentType.HANDSHAKE)) {
                    assembler.add(view.fragment());
                    while (assembler.next() != null) {
                        messages++;
                    }
                } else {
                    assembler.requireMessageBoundary("a " + view.type() + " record");
                }
            }
        }
    }

    private ByteBuffer chunk(int kind, byte[] input, int at, int n) {
        switch (kind) {
            case 0:
                return ByteBuffer.wrap(input, at, n);
            case 1:
                direct.clear();
                direct.put(input, at, n).flip();
                return direct;
            default:
                return ByteBuffer.wrap(input, at, n).asReadOnlyBuffer();
        }
    }

    private static byte[] mutate(Random random, byte[] valid) {
        byte[] b = valid.clone();
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations && b.length > 0; i++) {
            switch (random.nextInt(7)) {
                case 0: // bit flip
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1: // random byte
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    break;
                case 2: // truncation
                    b = Arrays.copyOf(b, random.nextInt(b.length));
                    break;
                case 3: // a record length field: the first record's, or anywhere
                    int at = random.nextBoolean() ? 3 : random.nextInt(b.length);
                    if (at + 1 < b.length) {
                        b[at] = (byte) random.nextInt(256);
                        b[at + 1] = (byte) random.nextInt(256);
                    }
                    break;
                case 4: // a content type or version byte
                    b[random.nextInt(Math.min(3, b.length))] = (byte) random.nextInt(256);
                    break;
                case 5: // delete a range
                    int from = random.nextInt(b.length);
                    int to = Math.min(b.length, from + 1 + random.nextInt(20));
                    b = concat(Arrays.copyOf(b, from), Arrays.copyOfRange(b, to, b.length));
                    break;
                default: // append random bytes
                    b = concat(b, randomBytes(random, 1 + random.nextInt(40)));
                    break;
            }
        }
        return b;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** A valid stream: handshake messages (several per record, and one split), alerts, data. */
    private static byte[] stream(RecordWriter writer) throws TlsAlertException {
        byte[] twoMessages = concat(new byte[] {2, 0, 0, 5}, bytes(5, 1), new byte[] {8, 0, 0, 3}, bytes(3, 2));
        byte[] bigMessage = concat(new byte[] {11, 0, 1, 0}, bytes(256, 3));
        return concat(writer.write(ContentType.HANDSHAKE, twoMessages),
                writer.write(ContentType.HANDSHAKE, Arrays.copyOf(bigMessage, 100)),
                writer.write(ContentType.HANDSHAKE, Arrays.copyOfRange(bigMessage, 100, bigMessage.length)),
                writer.write(ContentType.APPLICATION_DATA, bytes(40, 4)),
                writer.write(ContentType.APPLICATION_DATA, new byte[0]),
                writer.write(ContentType.ALERT, new byte[] {1, 0}));
    }

    private static RecordWriter writer(RecordProtection protection) {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(protection);
        writer.setPadding(RecordPadding.toMultipleOf(32));
        return writer;
    }

    private static RecordReader reader(RecordProtection protection) {
        RecordReader reader = new RecordReader();
        reader.setProtection(protection);
        return reader;
    }
}
