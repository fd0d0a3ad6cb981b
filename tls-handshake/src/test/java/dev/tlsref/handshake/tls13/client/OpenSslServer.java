package dev.tlsref.handshake.tls13.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code openssl s_server} on 127.0.0.1 at a free port, with its output collected line by
 * line. Always {@link #close} it (try-with-resources): the process is destroyed.
 */
final class OpenSslServer implements AutoCloseable {
    private static final long WAIT_SECONDS = 15;

    private final Process process;
    private final int port;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private OpenSslServer(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }, "openssl-s_server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** True if the openssl command runs here. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts {@code openssl s_server -accept <free port> args...} and waits until it accepts. */
    static OpenSslServer start(Path dir, String... args) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        OpenSslServer server = new OpenSslServer(process, port);
        try {
            server.awaitLine("ACCEPT");
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    /** Waits for an output line containing {@code text}; fails after a bounded wait. */
    String awaitLine(String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        for (String s : seen) {
            if (s.contains(text)) {
                return s;
            }
        }
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(text)) {
                    return line;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new IOException("openssl s_server never printed '" + text + "'; output so far: " + seen);
    }

    /** Types a line into s_server's stdin (commands such as "K", or data for the client). */
    void type(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        in.flush();
    }

    /** Everything printed so far. */
    List<String> output() {
        lines.drainTo(seen);
        return seen;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Writes a certificate, or a private key as PKCS#8 (which every OpenSSL 3 key loader reads). */
    static Path writePem(Path dir, String name, Object certificateOrKey) throws IOException {
        if (certificateOrKey instanceof java.security.PrivateKey key) {
            String body = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
            return Files.writeString(dir.resolve(name), "-----BEGIN PRIVATE KEY-----\n" + body
                    + "\n-----END PRIVATE KEY-----\n");
        }
        return Files.writeString(dir.resolve(name), dev.tlsref.handshake.testing.TestPki.pem(certificateOrKey));
    }
}
