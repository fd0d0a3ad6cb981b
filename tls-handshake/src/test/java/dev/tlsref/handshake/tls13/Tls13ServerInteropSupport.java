package dev.tlsref.handshake.tls13;

import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A tlsref server on 127.0.0.1 (free port) for interop tests: accepts one connection per
 * {@link #serveOne}, completes the handshake over {@link TlsSocket}, then answers every line
 * with {@code echo:<line>} until the peer closes.
 */
final class Tls13ServerInteropSupport implements AutoCloseable {
    static final int TIMEOUT_MILLIS = 20_000;

    /** What the server saw on one connection. */
    record Served(NegotiatedParameters parameters, List<String> lines, Throwable failure) {}

    private final ServerSocket listener;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tlsref-test-server");
        t.setDaemon(true);
        return t;
    });

    Tls13ServerInteropSupport() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(TIMEOUT_MILLIS);
    }

    int port() {
        return listener.getLocalPort();
    }

    Future<Served> serveOne(TlsConfig config) {
        return executor.submit(() -> {
            NegotiatedParameters parameters = null;
            List<String> lines = new ArrayList<>();
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(TIMEOUT_MILLIS);
                try (TlsSocket tls = TlsSocket.server(socket, config)) {
                    parameters = tls.parameters();
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(tls.getInputStream(), StandardCharsets.ISO_8859_1));
                    OutputStream out = tls.getOutputStream();
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                        out.write(("echo:" + line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                }
                return new Served(parameters, lines, null);
            } catch (IOException | RuntimeException e) {
                return new Served(parameters, lines, e);
            }
        });
    }

    static Served await(Future<Served> served) throws Exception {
        return served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        executor.shutdownNow();
        listener.close();
    }
}
