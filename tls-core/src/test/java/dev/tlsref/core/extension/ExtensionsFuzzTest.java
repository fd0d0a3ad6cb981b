package dev.tlsref.core.extension;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import dev.tlsref.core.codec.TlsWriter;
import dev.tlsref.core.extension.ExtensionVectors.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated extension blocks through {@link Extensions#decode} in every context: the
 * outcome is an Extensions that re-encodes to exactly the bytes it consumed, or a
 * TlsAlertException; never any other exception.
 */
class ExtensionsFuzzTest {
    private static final int CASES = 120_000;
    private static final ExtensionContext[] CONTEXTS = ExtensionContext.values();

    @Test
    void decodingHostileBlocksOnlyEverFailsWithAnAlert() throws InterruptedException {
        // On a thread of its own the stack is shallow, so the many alert exceptions are cheap to build.
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                fuzz();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "extension-fuzz");
        worker.start();
        worker.join();
        if (failure[0] instanceof Error error) {
            throw error;
        }
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
    }

    private static void fuzz() {
        Random random = new Random(0x7e57_1e55L);
        List<byte[]> seeds = seeds();
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = i % 10 == 0 ? randomBlock(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
            for (ExtensionContext context : CONTEXTS) {
                TlsReader in = TlsReader.of(input);
                try {
                    Extensions extensions = Extensions.decode(in, context);
                    int consumed = input.length - in.remaining();
                    TlsWriter out = new TlsWriter();
                    extensions.encode(out);
                    if (!Arrays.equals(out.toByteArray(), Arrays.copyOf(input, consumed))) {
                        throw new AssertionError("re-encoding differs in " + context + " for "
                                + HexFormat.of().formatHex(input));
                    }
                    extensions.toString();
                    decoded++;
                } catch (TlsAlertException expected) {
                    rejected++;
                } catch (RuntimeException e) {
                    throw new AssertionError("unexpected " + e + " in " + context + " for "
                            + HexFormat.of().formatHex(input), e);
                }
            }
        }
        // Both outcomes must be well exercised for the test to mean anything.
        assertThat(decoded, greaterThan(CASES / 10));
        assertThat(rejected, greaterThan(CASES));
        assertThat(decoded + rejected, is(CASES * CONTEXTS.length));
    }

    /** Valid blocks: each vector alone, and every context's vectors together. */
    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (Vector v : ExtensionVectors.ALL) {
            seeds.add(ExtensionVectors.block(v.type(), v.data()));
        }
        for (ExtensionContext context : CONTEXTS) {
            List<Vector> vectors = ExtensionVectors.in(context);
            TlsWriter out = new TlsWriter();
            List<ExtensionType> seen = new ArrayList<>();
            out.writeVector16(b -> {
                for (Vector v : vectors) {
                    if (!seen.contains(v.type())) {
                        seen.add(v.type());
                        b.writeUint16(v.type().code());
                        b.writeOpaque16(v.data());
                    }
                }
            });
            seeds.add(out.toByteArray());
        }
        return seeds;
    }

    /** A block of random extensions with consistent lengths and random data. */
    private static byte[] randomBlock(Random random) {
        int count = random.nextInt(5);
        TlsWriter out = new TlsWriter();
        out.writeVector16(b -> {
            for (int i = 0; i < count; i++) {
                ExtensionVectors.Vector like = ExtensionVectors.ALL.get(random.nextInt(ExtensionVectors.ALL.size()));
                b.writeUint16(random.nextInt(4) == 0 ? random.nextInt(0x10000) : like.type().code());
                byte[] data = new byte[random.nextInt(40)];
                random.nextBytes(data);
                b.writeOpaque16(data);
            }
        });
        return out.toByteArray();
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            switch (random.nextInt(7)) {
                case 0: // bit flip
                    if (b.length > 0) {
                        b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    break;
                case 1: // random byte
                    if (b.length > 0) {
                        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    }
                    break;
                case 2: // nudge a would-be length field (one or two bytes) by a little
                    if (b.length > 1) {
                        int at = random.nextInt(b.length - 1);
                        int value = (((b[at] & 0xff) << 8) | (b[at + 1] & 0xff)) + random.nextInt(7) - 3;
                        b[at] = (byte) (value >>> 8);
                        b[at + 1] = (byte) value;
                    }
                    break;
                case 3: // truncate
                    b = Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
                    break;
                case 4: // insert random bytes
                    b = insert(b, random.nextInt(b.length + 1), randomBytes(random, 1 + random.nextInt(4)));
                    break;
                case 5: // delete a byte
                    if (b.length > 0) {
                        int at = random.nextInt(b.length);
                        byte[] shorter = new byte[b.length - 1];
                        System.arraycopy(b, 0, shorter, 0, at);
                        System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                        b = shorter;
                    }
                    break;
                default: // append trailing garbage
                    b = insert(b, b.length, randomBytes(random, 1 + random.nextInt(4)));
                    break;
            }
        }
        return b;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] insert(byte[] b, int at, byte[] extra) {
        byte[] longer = new byte[b.length + extra.length];
        System.arraycopy(b, 0, longer, 0, at);
        System.arraycopy(extra, 0, longer, at, extra.length);
        System.arraycopy(b, at, longer, at + extra.length, b.length - at);
        return longer;
    }
}
