package dev.tlsref.handshake;

import dev.tlsref.core.TlsAlertException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Objects;

/**
 * A blocking TLS connection over a {@link Socket}: the thin adapter between a
 * {@link TlsConnection} and a stream transport. Reads and writes happen on the caller's
 * thread; timeouts are the socket's ({@link Socket#setSoTimeout}).
 * <pre>{@code
 * try (TlsSocket tls = TlsSocket.connect("example.com", 443, config)) {
 *     tls.getOutputStream().write(request);
 *     byte[] response = tls.getInputStream().readAllBytes();
 * }
 * }</pre>
 */
public final class TlsSocket implements AutoCloseable {
    private static final int READ_CHUNK = 16 * 1024 + 512;

    private final Socket socket;
    private final TlsConnection connection;
    private final InputStream rawIn;
    private final OutputStream rawOut;
    private final byte[] readBuffer = new byte[READ_CHUNK];
    private final InputStream in = new TlsInputStream();
    private final OutputStream out = new TlsOutputStream();

    private TlsSocket(Socket socket, TlsConnection connection) throws IOException {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.connection = connection;
        this.rawIn = socket.getInputStream();
        this.rawOut = socket.getOutputStream();
    }

    /** Connects to {@code host:port}, using {@code host} as the server name, and completes the handshake. */
    public static TlsSocket connect(String host, int port, TlsConfig config) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port));
            TlsSocket tls = client(socket, config, host);
            tls.handshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The client side over a connected socket; call {@link #handshake()} (or just read/write). */
    public static TlsSocket client(Socket socket, TlsConfig config, String serverName) throws IOException {
        return new TlsSocket(socket, TlsConnection.client(config, serverName));
    }

    /** The server side over an accepted socket; call {@link #handshake()} (or just read/write). */
    public static TlsSocket server(Socket socket, TlsConfig config) throws IOException {
        return new TlsSocket(socket, TlsConnection.server(config));
    }

    /** The engine, for its negotiated parameters, key updates and exporters. */
    public TlsConnection connection() {
        return connection;
    }

    /** The parameters of the completed handshake. */
    public NegotiatedParameters parameters() throws IOException {
        handshake();
        return connection.parameters().orElseThrow();
    }

    /**
     * Runs the handshake to completion, if it has not completed yet.
     *
     * @throws TlsSocketException if either side sent a fatal alert
     * @throws IOException if the transport fails or the peer closes it during the handshake
     */
    public void handshake() throws IOException {
        try {
            connection.start();
            flush();
            while (!connection.isHandshakeComplete()) {
                if (!receiveOnce()) {
                    throw new IOException("the peer closed the connection during the handshake");
                }
            }
        } catch (TlsAlertException e) {
            throw failed(e);
        }
    }

    /** Application data from the peer; -1 after its close_notify. */
    public InputStream getInputStream() {
        return in;
    }

    /** Application data to the peer. */
    public OutputStream getOutputStream() {
        return out;
    }

    /** Sends close_notify (if the handshake got that far) and closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            if (!socket.isClosed() && connection.failure().isEmpty()) {
                connection.close();
                flush();
            }
        } catch (IOException ignored) {
            // Closing anyway.
        } finally {
            socket.close();
        }
    }

    /** Reads from the socket once and feeds the engine; false at end of stream. */
    private boolean receiveOnce() throws IOException, TlsAlertException {
        int n = rawIn.read(readBuffer);
        if (n < 0) {
            return false;
        }
        try {
            connection.receive(readBuffer, 0, n);
        } finally {
            flush();
        }
        return true;
    }

    private void flush() throws IOException {
        if (connection.hasOutput()) {
            rawOut.write(connection.takeOutput());
            rawOut.flush();
        }
    }

    private TlsSocketException failed(TlsAlertException e) throws IOException {
        try {
            flush();
        } catch (IOException ignored) {
            // The alert could not be sent; the failure is reported either way.
        }
        socket.close();
        return new TlsSocketException(e);
    }

    private final class TlsInputStream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            handshake();
            try {
                while (connection.available() == 0) {
                    if (connection.isInboundClosed() || !receiveOnce()) {
                        return -1;
                    }
                }
            } catch (TlsAlertException e) {
                throw failed(e);
            }
            return connection.read(b, off, len);
        }

        @Override
        public int available() {
            return connection.available();
        }
    }

    private final class TlsOutputStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            handshake();
            try {
                connection.write(b, off, len);
            } catch (TlsAlertException e) {
                throw failed(e);
            }
            flush();
        }
    }
}
