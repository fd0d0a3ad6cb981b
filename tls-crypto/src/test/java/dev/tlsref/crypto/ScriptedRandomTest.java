package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedRandomTest {

    @Test
    void returnsTheScriptedDrawsInOrder() {
        ScriptedRandom random = new ScriptedRandom(new byte[] {1, 2, 3}, new byte[] {4}, new byte[0]);
        assertThat(random.remaining(), is(3));
        byte[] first = new byte[3];
        random.nextBytes(first);
        assertThat(first, is(new byte[] {1, 2, 3}));
        byte[] second = new byte[1];
        random.nextBytes(second);
        assertThat(second, is(new byte[] {4}));
        random.nextBytes(new byte[0]);
        assertThat(random.remaining(), is(0));
    }

    @Test
    void failsLoudlyWhenExhausted() {
        SecureRandom random = new ScriptedRandom(List.of(new byte[] {1}));
        random.nextBytes(new byte[1]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> random.nextBytes(new byte[32]));
        assertThat(e.getMessage(), is("ScriptedRandom exhausted: draw 2 asked for 32 bytes but only 1 draws were scripted"));
    }

    @Test
    void failsLoudlyWhenADrawHasTheWrongLength() {
        SecureRandom random = new ScriptedRandom(new byte[] {(byte) 0xab, (byte) 0xcd});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> random.nextBytes(new byte[3]));
        assertThat(e.getMessage(), is("ScriptedRandom draw 1 asked for 3 bytes but the script has 2: abcd"));
    }

    @Test
    void derivedDrawsAndSeedsComeFromTheScript() {
        ScriptedRandom random = new ScriptedRandom(new byte[] {0, 0, 1, 0}, new byte[] {7, 7});
        random.setSeed(42L); // ignored
        random.setSeed(new byte[] {1}); // ignored
        assertThat(random.nextInt(), is(256));
        assertThat(random.generateSeed(2), is(new byte[] {7, 7}));
        assertThat(random.getAlgorithm(), is("scripted"));
    }

    @Test
    void keepsItsOwnCopyOfTheScript() {
        byte[] draw = {5, 6};
        ScriptedRandom random = new ScriptedRandom(draw);
        draw[0] = 0;
        byte[] out = new byte[2];
        random.nextBytes(out);
        assertThat(out, is(new byte[] {5, 6}));
    }
}
