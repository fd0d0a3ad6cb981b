package dev.tlsref.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key log is good enough for Wireshark: tshark captures a {@code tlsref client}/{@code
 * server} exchange on loopback, then decrypts the capture with the client's {@code --keylog}
 * file and finds the HTTP request and the server's page in the clear. Runs in {@code mvn
 * verify} (failsafe) when tshark is installed ({@code .ci/run} installs it); capturing on
 * {@code lo} needs root or the capture capabilities that Debian's wireshark-common grants.
 */
class KeyLogCaptureIT {
    private static final long STEP_SECONDS = 60;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void tsharkIsInstalled() {
        assumeTrue(onPath("tshark"), "tshark is not on the PATH; .ci/run installs it");
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @ParameterizedTest(name = "TLS {0}")
    @ValueSource(strings = {"1.3", "1.2"})
    void tsharkDecryptsACapturedSessionWithTheClientsKeyLog(String version) throws Exception {
        int port = freePort();
        Path capture = dir.resolve("capture.pcapng");
        Path keyLog = dir.resolve("keylog.txt");
        String marker = "/keylog-marker-" + version.replace('.', '-');

        // -a duration: tshark stops by itself even if this JVM dies before stopping it.
        Process tshark = start("tshark", List.of("tshark", "-i", "lo", "-f", "tcp port " + port,
                "-a", "duration:300", "-w", capture.toString()));
        awaitInFile("tshark.err", "Capturing on", tshark);

        Process server = start("server", tlsref("server", "--port", Integer.toString(port), "--once", "--www",
                "--tls", version));
        awaitListening(port, server);
        Process client = start("client", tlsref("client", "127.0.0.1:" + port, "--insecure", "--tls", version,
                "--keylog", keyLog.toString(), "--get", marker));
        assertThat(read("client.err"), finish(client), is(0));
        assertThat(read("server.err"), finish(server), is(0));
        assertThat(read("client.err"), containsString("negotiated version=TLSv" + version));

        Thread.sleep(500); // let dumpcap write the last loopback packets before it stops
        stopCapture(tshark);
        assertThat(read("tshark.err"), Files.size(capture) > 0, is(true));
        String keys = Files.readString(keyLog, StandardCharsets.UTF_8);
        assertThat(keys, containsString(version.equals("1.3") ? "CLIENT_TRAFFIC_SECRET_0 " : "CLIENT_RANDOM "));

        List<String> decode = List.of("-d", "tls.port==" + port + ",http", "-Y", "http", "-T", "fields",
                "-e", "http.request.uri", "-e", "http.file_data");
        String withoutKeys = runTshark("plain", capture, decode, List.of());
        assertThat("nothing is readable without the key log", withoutKeys, not(containsString(marker)));

        String decrypted = runTshark("decrypted", capture, decode,
                List.of("-o", "tls.keylog_file:" + keyLog));
        assertThat(decrypted, containsString(marker)); // the client's request
        assertThat(decrypted, containsString("Request   : GET " + marker)); // the server's page
        assertThat(decrypted, containsString("Protocol  : TLSv" + version));
    }

    /** {@code tshark -r capture ...}; returns its stdout. */
    private String runTshark(String name, Path capture, List<String> decode, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of("tshark", "-r", capture.toString()));
        command.addAll(options);
        command.addAll(decode);
        Process p = start(name, command);
        assertThat(read(name + ".err"), finish(p), is(0));
        return read(name + ".out");
    }

    /** Stops the capture the way Ctrl-C does, so dumpcap closes the file properly. */
    private void stopCapture(Process tshark) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(tshark.pid())).start();
        processes.add(kill);
        kill.waitFor(10, TimeUnit.SECONDS);
        if (!tshark.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
            tshark.destroy();
            throw new AssertionError("tshark did not stop: " + read("tshark.err"));
        }
    }

    private Process start(String name, List<String> command) throws IOException {
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
        processes.add(p);
        return p;
    }

    private int finish(Process p) throws InterruptedException {
        if (!p.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("process did not finish in " + STEP_SECONDS + " s: " + p.info().commandLine());
        }
        return p.exitValue();
    }

    private void awaitInFile(String name, String text, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (System.nanoTime() < deadline) {
            if (read(name).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("exited before printing \"" + text + "\": " + read(name));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no \"" + text + "\" after " + STEP_SECONDS + " s: " + read(name));
    }

    private void awaitListening(int port, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (System.nanoTime() < deadline) {
            if (read("server.err").contains("listening on")) {
                return;
            }
            if (!server.isAlive()) {
                throw new AssertionError("server exited: " + read("server.err"));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not listen on " + port + ": " + read("server.err"));
    }

    private String read(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static List<String> tlsref(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("tlsref.jar", "target/tlsref.jar")));
        command.addAll(List.of(args));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
