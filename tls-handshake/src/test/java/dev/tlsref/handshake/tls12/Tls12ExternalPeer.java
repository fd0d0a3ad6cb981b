package dev.tlsref.handshake.tls12;

import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import dev.tlsref.handshake.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A peer program (openssl, gnutls) run for an interop test, on 127.0.0.1, bounded in time,
 * and a tlsref server on a free port for such a program to connect to. Always close both.
 */
final class Tls12ExternalPeer implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path output;

    private Tls12ExternalPeer(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code command} with stdin from {@code input} (may be null: stdin then closed at once). */
    static Tls12ExternalPeer start(Path directory, List<String> command, String input) throws IOException {
        Path out = Files.createTempFile(directory, "peer", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        Process process = builder.start();
        Tls12ExternalPeer peer = new Tls12ExternalPeer(process, out);
        OutputStream stdin = process.getOutputStream();
        if (input != null) {
            stdin.write(input.getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
        } else {
            stdin.close();
        }
        return peer;
    }

    /** Closes stdin. */
    void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits until the output contains {@code text}. */
    void awaitOutput(String text) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!output().contains(text)) {
            if (Instant.now().isAfter(deadline) || !process.isAlive() && !output().contains(text)) {
                throw new IOException("peer did not print '" + text + "'; output:\n" + output());
            }
            Thread.sleep(20);
        }
    }

    /** Waits for the process to end; returns its exit status. */
    int awaitExit() throws InterruptedException, IOException {
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IOException("peer did not exit in time; output:\n" + output());
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A port free right now on 127.0.0.1. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** PEM files of the test PKI, for peers that read files. */
    static Map<String, Path> writePem(Path directory, Tls12TestPeers peers) throws IOException {
        Map<String, Path> files = new HashMap<>();
        write(files, directory, "ca.pem", TestPki.pem(peers.ca.certificate()));
        write(files, directory, "ec.pem", TestPki.pem(peers.ecLeaf.certificate()) + TestPki.pem(peers.ca.certificate()));
        write(files, directory, "ec.key", pkcs8(peers.ecLeaf.privateKey()));
        write(files, directory, "rsa.pem", TestPki.pem(peers.rsaLeaf.certificate()) + TestPki.pem(peers.ca.certificate()));
        write(files, directory, "rsa.key", pkcs8(peers.rsaLeaf.privateKey()));
        write(files, directory, "client.pem", TestPki.pem(peers.clientLeaf.certificate()));
        write(files, directory, "client.key", pkcs8(peers.clientLeaf.privateKey()));
        return files;
    }

    /** A PKCS#8 "PRIVATE KEY" PEM block, which every peer program reads. */
    static String pkcs8(java.security.PrivateKey key) {
        byte[] encoded = key.getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(encoded)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static void write(Map<String, Path> files, Path directory, String name, String text) throws IOException {
        Path path = directory.resolve(name);
        Files.writeString(path, text, StandardCharsets.US_ASCII);
        files.put(name, path);
    }

    /** The CLIENT_RANDOM lines of an NSS key log file: client random (hex) → master secret (hex). */
    static Map<String, String> clientRandomLines(Path keylog) throws IOException {
        Map<String, String> secrets = new HashMap<>();
        for (String line : Files.readAllLines(keylog)) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 3 && parts[0].equals("CLIENT_RANDOM")) {
                secrets.put(parts[1].toLowerCase(), parts[2].toLowerCase());
            }
        }
        return secrets;
    }

    /**
     * A tlsref server on a free port that serves {@code connections} connections one after the
     * other: handshake, then answer the first chunk of data upper-cased and close. Records each
     * connection's outcome.
     */
    static final class TlsrefServer implements AutoCloseable {
        final ServerSocket socket;
        final List<Object> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        TlsrefServer(TlsConfig config, int connections) throws IOException {
            socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                for (int i = 0; i < connections; i++) {
                    try (Socket accepted = socket.accept()) {
                        accepted.setSoTimeout((int) TIMEOUT.toMillis());
                        TlsSocket tls = TlsSocket.server(accepted, config);
                        try {
                            tls.handshake();
                            outcomes.add(tls.parameters());
                            echoUpperCase(tls.getInputStream(), tls.getOutputStream());
                        } catch (IOException e) {
                            outcomes.add(e);
                        } finally {
                            tls.close();
                        }
                    } catch (IOException | RuntimeException e) {
                        if (socket.isClosed()) {
                            return;
                        }
                        outcomes.add(e);
                    }
                }
            }, "tlsref-interop-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private static void echoUpperCase(InputStream in, OutputStream out) throws IOException {
            byte[] buffer = new byte[4096];
            int n = in.read(buffer);
            if (n > 0) {
                String text = new String(buffer, 0, n, StandardCharsets.ISO_8859_1).toUpperCase();
                out.write(text.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }

        /** Waits until {@code count} outcomes are recorded. */
        void awaitOutcomes(int count) throws InterruptedException, IOException {
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (outcomes.size() < count) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("tlsref server saw only " + outcomes + " of " + count + " connections");
                }
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                thread.join(TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
