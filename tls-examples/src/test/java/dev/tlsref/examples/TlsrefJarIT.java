package dev.tlsref.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the packaged {@code tlsref.jar} as a separate process, against curl and
 * OpenSSL. Runs in {@code mvn verify} (failsafe), after the jar is built.
 */
class TlsrefJarIT {
    private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private Path caPem;
    private Path certPem;
    private Path keyPem;
    private Path otherCaPem;

    @BeforeEach
    void makePki() throws IOException {
        Clock clock = Clock.systemUTC();
        Certificates.Issued ca = Certificates.authority("IT CA", Certificates.KeyType.EC_P256, clock);
        Certificates.Issued leaf = Certificates.issue(ca, "localhost", Certificates.KeyType.EC_P256,
                Certificates.Role.SERVER, List.of("localhost"), List.of("127.0.0.1"), clock);
        Certificates.Issued other = Certificates.authority("Other CA", Certificates.KeyType.EC_P256, clock);
        caPem = dir.resolve("ca.pem");
        certPem = dir.resolve("cert.pem");
        keyPem = dir.resolve("key.pem");
        otherCaPem = dir.resolve("other-ca.pem");
        Pem.write(caPem, ca.certificate());
        Pem.write(certPem, leaf.certificate());
        Pem.write(keyPem, leaf.keyPair().getPrivate());
        Pem.write(otherCaPem, other.certificate());
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** A process whose stdout and stderr go to files in the temp dir. */
    private Process start(String name, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static List<String> tlsref(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("tlsref.jar", "target/tlsref.jar")));
        command.addAll(List.of(args));
        return command;
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    /** Starts {@code tlsref server --port 0 ...} and returns the port it listens on. */
    private int startServer(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("server", "--port", "0"));
        args.addAll(List.of(options));
        Process p = start("server", tlsref(args.toArray(String[]::new)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(read("server.err"));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!p.isAlive()) {
                throw new AssertionError("server exited: " + read("server.err"));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not start: " + read("server.err"));
    }

    /** Runs a command to completion; returns its exit status. */
    private int run(String name, List<String> command, String stdin) throws Exception {
        Process p = start(name, command);
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish: " + read(name + ".err"));
        }
        return p.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listens on " + port);
    }

    @Test
    void curlFetchesTheSessionPageFromServerWww() throws Exception {
        int port = startServer("--cert", certPem.toString(), "--key", keyPem.toString(), "--www");
        int status = run("curl", List.of("curl", "-sS", "--cacert", caPem.toString(),
                "https://localhost:" + port + "/hello"), "");
        assertThat(read("curl.err"), status, is(0));
        assertThat(read("curl.out"), containsString("negotiated version=TLSv1.3"));
        assertThat(read("curl.out"), containsString("GET /hello"));
        assertThat(read("server.err"), containsString("negotiated version=TLSv1.3"));
    }

    @Test
    void opensslSClientConnectsToServer() throws Exception {
        int port = startServer("--cert", certPem.toString(), "--key", keyPem.toString(), "--echo");
        int status = run("s_client", List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", "localhost", "-CAfile", caPem.toString(), "-verify_return_error"), "ping\n");
        String out = read("s_client.out");
        assertThat(out + read("s_client.err"), status, is(0));
        assertThat(out, containsString("Verify return code: 0 (ok)"));
        assertThat(out, containsString("TLSv1.3"));
    }

    @Test
    void clientGetReadsFromOpensslSServerWww() throws Exception {
        int port = freePort();
        start("s_server", List.of("openssl", "s_server", "-accept", Integer.toString(port), "-cert",
                certPem.toString(), "-key", keyPem.toString(), "-www"));
        awaitListening(port);
        int status = run("client", tlsref("client", "localhost:" + port, "--cafile", caPem.toString(), "--get", "/"),
                "");
        assertThat(read("client.err"), status, is(0));
        assertThat(read("client.out"), startsWith("HTTP/1.0 200 ok"));
        assertThat(read("client.err"), startsWith("negotiated version=TLSv1.3"));
    }

    @Test
    void clientWithWrongCafileFailsWithTheDocumentedLine() throws Exception {
        int port = startServer("--cert", certPem.toString(), "--key", keyPem.toString(), "--www");
        int status = run("client", tlsref("client", "localhost:" + port, "--cafile", otherCaPem.toString(),
                "--get", "/"), "");
        assertThat(status, not(is(0)));
        assertThat(read("client.err").trim(),
                is("unknown_ca: the server's chain does not lead to a trusted root; pass --cafile FILE or --insecure"));
    }

    @Test
    void clientSendingGarbageLeavesTheServerServingTheNextClient() throws Exception {
        int port = startServer("--www");
        try (Socket garbage = new Socket("127.0.0.1", port)) {
            garbage.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            garbage.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5});
            garbage.getInputStream().readAllBytes();
        }
        int status = run("client", tlsref("client", "127.0.0.1:" + port, "--insecure", "--get", "/"), "");
        assertThat(read("client.err"), status, is(0));
        assertThat(read("client.out"), containsString("negotiated version=TLSv1.3"));
        assertThat(read("server.err"), containsString("connection 1 from"));
    }

    @Test
    void clientResumesTheSessionOnTheSecondConnection() throws Exception {
        int port = startServer("--www");
        int status = run("client", tlsref("client", "127.0.0.1:" + port, "--insecure", "--resume", "--get", "/"), "");
        assertThat(read("client.err"), status, is(0));
        assertThat(read("client.err"), containsString("resumed=false"));
        assertThat(read("client.err"), containsString("resumed=true"));
    }

    @Test
    void demoRunsEveryStepAndExitsZero() throws Exception {
        int status = run("demo", tlsref(), "");
        String out = read("demo.out");
        assertThat(read("demo.err") + out, status, is(0));
        assertThat(out, containsString("ClientHello"));
        assertThat(out, containsString("close_notify"));
        assertThat(out, not(containsString("\u001b["))); // piped: plain text
    }
}
