package dev.tlsref.crypto;

import java.security.SecureRandom;
import java.security.SecureRandomParameters;
import java.security.SecureRandomSpi;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * A {@link SecureRandom} that returns bytes written down in advance: <b>for tests and for
 * reproducing recorded handshakes only</b> (RFC 8448 traces, vectors that fix the randomness).
 * It is not random at all; a connection using it has no security.
 *
 * <p>The script is a queue of byte arrays. Each request for random bytes ({@link #nextBytes},
 * {@link #generateSeed}, and the {@code nextInt}-style methods, which draw 4 or 8 bytes through
 * {@code nextBytes}) takes the next array, which must have exactly the requested length. A
 * length mismatch or an exhausted script throws {@link IllegalStateException}, so a test fails
 * at the first draw that differs from the recording. Seeds passed to {@code setSeed} are ignored.
 */
public final class ScriptedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final Script script;

    /** A random that will return {@code draws}, in order, one per request. */
    public ScriptedRandom(byte[]... draws) {
        this(List.of(draws));
    }

    /** A random that will return {@code draws}, in order, one per request. */
    public ScriptedRandom(List<byte[]> draws) {
        this(new Script(draws));
    }

    private ScriptedRandom(Script script) {
        super(script, null);
        this.script = script;
    }

    /** How many scripted draws have not been taken yet. */
    public int remaining() {
        synchronized (this) {
            return script.draws.size();
        }
    }

    @Override
    public String getAlgorithm() {
        return "scripted";
    }

    @Override
    public String toString() {
        return "ScriptedRandom(" + remaining() + " draws left)";
    }

    /** Every SecureRandom request ends here; SecureRandom synchronises the calls. */
    private static final class Script extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;

        private final Deque<byte[]> draws = new ArrayDeque<>();
        private int taken;

        Script(List<byte[]> draws) {
            for (byte[] draw : draws) {
                this.draws.add(draw.clone());
            }
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // Scripted output does not depend on seeds.
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            byte[] draw = draws.poll();
            if (draw == null) {
                throw new IllegalStateException("ScriptedRandom exhausted: draw " + (taken + 1) + " asked for "
                        + bytes.length + " bytes but only " + taken + " draws were scripted");
            }
            if (draw.length != bytes.length) {
                throw new IllegalStateException("ScriptedRandom draw " + (taken + 1) + " asked for " + bytes.length
                        + " bytes but the script has " + draw.length + ": " + HexFormat.of().formatHex(draw));
            }
            taken++;
            System.arraycopy(draw, 0, bytes, 0, bytes.length);
        }

        @Override
        protected void engineNextBytes(byte[] bytes, SecureRandomParameters params) {
            engineNextBytes(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] seed = new byte[numBytes];
            engineNextBytes(seed);
            return seed;
        }
    }
}
