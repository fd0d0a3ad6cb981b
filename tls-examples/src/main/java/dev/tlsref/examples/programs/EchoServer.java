package dev.tlsref.examples.programs;

import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TLS echo server: every byte a client sends comes back. One thread accepts; a small pool
 * serves the connections, each with a read timeout so an idle client cannot hold a thread.
 * <pre>
 * EchoServer server = new EchoServer(certifiedKey);
 * int port = server.start(0);     // 0: any free port
 * ...
 * server.close();
 * </pre>
 */
public final class EchoServer implements AutoCloseable {
    private final TlsConfig config;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private ServerSocket listener;

    /** An echo server authenticating with this certificate and key. */
    public EchoServer(CertifiedKey certifiedKey) {
        this.config = TlsConfig.builder().certifiedKey(certifiedKey).build();
    }

    /** Starts listening on 127.0.0.1:{@code port}; returns the port. */
    public int start(int port) throws IOException {
        listener = new ServerSocket(port, 16, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                pool.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One connection: handshake, then copy input to output until the client's close_notify. */
    private void serve(Socket socket) {
        try (socket; TlsSocket tls = TlsSocket.server(socket, config)) {
            socket.setSoTimeout(10_000);
            InputStream in = tls.getInputStream();   // the first read runs the handshake
            OutputStream out = tls.getOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // A failed client ends only its own connection.
            System.err.println("echo: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pool.shutdownNow();
    }
}
