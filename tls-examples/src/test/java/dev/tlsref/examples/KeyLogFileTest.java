package dev.tlsref.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyLogFileTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @Test
    void writesNssKeyLogLines() throws IOException {
        byte[] random = HEX.parseHex("cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7");
        byte[] secret = HEX.parseHex("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21");
        StringWriter out = new StringWriter();
        try (KeyLogFile log = new KeyLogFile(out)) {
            log.secretDerived("CLIENT_HANDSHAKE_TRAFFIC_SECRET", random, secret);
        }
        assertThat(out.toString(), is("CLIENT_HANDSHAKE_TRAFFIC_SECRET "
                + "cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7 "
                + "b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21\n"));
    }

    @Test
    void eachLineIsOnDiskBeforeTheFileIsClosed() throws IOException {
        Path file = dir.resolve("keys.log");
        try (KeyLogFile log = KeyLogFile.append(file)) {
            log.secretDerived("CLIENT_RANDOM", new byte[32], new byte[48]);
            // A capture tool reads the file while the connection is still open.
            assertThat(Files.readAllLines(file), hasSize(1));
        }
    }

    @Test
    void appendsToAnExistingFile() throws IOException {
        Path file = dir.resolve("keys.log");
        Files.writeString(file, "# earlier session\n");
        try (KeyLogFile log = KeyLogFile.append(file)) {
            log.secretDerived("SERVER_TRAFFIC_SECRET_0", new byte[32], new byte[32]);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0), is("# earlier session"));
        assertThat(lines, hasSize(2));
    }

    @Test
    void concurrentConnectionsNeverInterleaveWithinALine() throws Exception {
        Path file = dir.resolve("keys.log");
        int threads = 8;
        int perThread = 200;
        try (KeyLogFile log = KeyLogFile.append(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                byte fill = (byte) t;
                done.add(pool.submit(() -> {
                    byte[] random = new byte[32];
                    byte[] secret = new byte[48];
                    java.util.Arrays.fill(random, fill);
                    java.util.Arrays.fill(secret, fill);
                    for (int i = 0; i < perThread; i++) {
                        log.secretDerived("CLIENT_TRAFFIC_SECRET_0", random, secret);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines, hasSize(threads * perThread));
        for (String line : lines) {
            assertThat(line, matchesPattern("CLIENT_TRAFFIC_SECRET_0 (0[0-7])\\1{31} \\1{48}"));
        }
    }

    @Test
    void lineFormatIsLabelRandomSecret() {
        assertThat(List.of(KeyLogFile.line("EXPORTER_SECRET", new byte[] {1, 2}, new byte[] {(byte) 0xff}).split(" ")),
                contains("EXPORTER_SECRET", "0102", "ff"));
    }
}
