package dev.tlsref.examples;

import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import dev.tlsref.handshake.TlsSocketException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tlsref server}: a TLS server for trying clients against, like {@code openssl
 * s_server}. Accepts connections on one thread and serves each on a fixed-size pool; a
 * client that misbehaves costs only its own connection.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "A TLS server: answers HTTP GET with a page about the session (--www), echoes (--echo),"
                + " or prints what clients send.")
public final class ServerCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8443", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--cert", paramLabel = "F",
            description = "PEM certificate chain, leaf first. Without it a fresh self-signed certificate is made.")
    Path cert;

    @Option(names = "--key", paramLabel = "F", description = "PEM private key for --cert (PKCS#8, RSA or EC).")
    Path key;

    @Option(names = "--verify-client", description = "Require a client certificate that chains to --cafile.")
    boolean verifyClient;

    @Option(names = "--cafile", paramLabel = "F", description = "PEM trust anchors for client certificates.")
    Path cafile;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    /** --www and --echo exclude each other. */
    static final class Mode {
        @Option(names = "--www", description = "Answer an HTTP GET with a page describing the session.")
        boolean www;

        @Option(names = "--echo", description = "Echo every byte back.")
        boolean echo;
    }

    @Option(names = "--once", description = "Exit after the first connection.")
    boolean once;

    @Option(names = "--enable-rsa-kx", description = "Allow TLS 1.2 static RSA key exchange (no forward secrecy).")
    boolean rsaKeyExchange;

    @Option(names = "--threads", defaultValue = "16", description = "Connections served at once (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--timeout", defaultValue = "30", description = "Read timeout per connection in seconds (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Mixin
    TlsOptions tls = new TlsOptions();

    private final PrintStream out;
    private final PrintStream err;
    private final AtomicLong connections = new AtomicLong();
    private volatile ServerSocket listening;

    /** A server printing to the process's stdout and stderr. */
    public ServerCommand() {
        this(System.out, System.err);
    }

    /** A server printing to these streams (for tests). */
    public ServerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Optional<KeyLogFile> keyLog = tls.openKeyLog(System.getenv());
        try {
            TlsConfig config = config(keyLog);
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
            try (ServerSocket server = new ServerSocket(port, 64, InetAddress.getByName(host))) {
                listening = server;
                err.println("tlsref server listening on " + host + ":" + server.getLocalPort());
                err.flush();
                if (once) {
                    return serve(server.accept(), config) ? 0 : 1;
                }
                while (!server.isClosed()) {
                    Socket socket;
                    try {
                        socket = server.accept();
                    } catch (IOException e) {
                        if (server.isClosed()) {
                            break;
                        }
                        err.println("accept failed: " + e.getMessage());
                        continue;
                    }
                    pool.execute(() -> serve(socket, config));
                }
                return 0;
            } finally {
                pool.shutdown();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        } finally {
            if (keyLog.isPresent()) {
                keyLog.get().close();
            }
        }
    }

    /** The port the server listens on, once it does; -1 before. */
    public int localPort() {
        ServerSocket s = listening;
        return s == null ? -1 : s.getLocalPort();
    }

    /** Stops accepting connections. */
    public void stop() throws IOException {
        ServerSocket s = listening;
        if (s != null) {
            s.close();
        }
    }

    private TlsConfig config(Optional<KeyLogFile> keyLog) throws IOException {
        TlsConfig.Builder b = TlsConfig.builder();
        tls.apply(b, rsaKeyExchange);
        b.certifiedKey(certifiedKey());
        if (verifyClient) {
            if (cafile == null) {
                throw new IllegalArgumentException("--verify-client needs --cafile F");
            }
            b.clientAuth(ClientAuth.REQUIRED);
            b.trustAnchors(Pem.readCertificates(cafile));
        }
        b.listener(TlsOptions.listener(keyLog, Optional.empty()));
        return b.build();
    }

    private CertifiedKey certifiedKey() throws IOException {
        if (cert != null) {
            if (key == null) {
                throw new IllegalArgumentException("--cert needs --key");
            }
            return new CertifiedKey(Pem.readCertificates(cert), Pem.readPrivateKey(key));
        }
        Certificates.Issued self = Certificates.selfSignedServer(Clock.systemUTC());
        err.println("no --cert given: using a fresh self-signed certificate for localhost and 127.0.0.1");
        err.println("SHA-256 fingerprint " + Certificates.sha256Fingerprint(self.certificate()));
        err.print(Pem.encode(self.certificate()));
        return self.certifiedKey();
    }

    /** Serves one connection; never throws. True if the handshake completed. */
    private boolean serve(Socket socket, TlsConfig config) {
        long id = connections.incrementAndGet();
        String peer = socket.getRemoteSocketAddress().toString();
        StringBuilder trace = new StringBuilder();
        TlsConfig connectionConfig = config;
        if (tls.trace) {
            HandshakeListener narrative = new NarrativeListener(HandshakeListener.Side.SERVER,
                    new Narrative(Style.PLAIN), trace::append);
            List<HandshakeListener> both = new ArrayList<>(List.of(config.listener(), narrative));
            connectionConfig = config.toBuilder().listener(FanOutListener.of(both)).build();
        }
        try (socket; TlsSocket tlsSocket = TlsSocket.server(socket, connectionConfig)) {
            socket.setSoTimeout(timeoutSeconds * 1000);
            try {
                tlsSocket.handshake();
            } finally {
                flushTrace(id, trace);
            }
            NegotiatedParameters parameters = tlsSocket.parameters();
            err.println(parameters.summary());
            err.flush();
            if (mode.www) {
                answerHttp(tlsSocket, parameters);
            } else if (mode.echo) {
                echo(tlsSocket);
            } else {
                print(tlsSocket);
            }
            return true;
        } catch (TlsSocketException e) {
            err.println("connection " + id + " from " + peer + " failed: "
                    + AlertHints.describe(e, AlertHints.Role.SERVER));
        } catch (IOException | RuntimeException e) {
            err.println("connection " + id + " from " + peer + " failed: " + e);
        }
        return false;
    }

    private void flushTrace(long id, StringBuilder trace) {
        if (trace.length() > 0) {
            synchronized (err) {
                err.println("--- connection " + id + " ---");
                err.print(trace);
                err.flush();
            }
        }
    }

    private void answerHttp(TlsSocket tlsSocket, NegotiatedParameters parameters) throws IOException {
        HttpExchange.Request request = HttpExchange.readRequest(tlsSocket.getInputStream());
        byte[] response = HttpExchange.sessionPage(request, parameters);
        tlsSocket.getOutputStream().write(response);
    }

    private static void echo(TlsSocket tlsSocket) throws IOException {
        InputStream in = tlsSocket.getInputStream();
        OutputStream echo = tlsSocket.getOutputStream();
        byte[] buffer = new byte[16384];
        int n;
        while ((n = in.read(buffer)) > 0) {
            echo.write(buffer, 0, n);
        }
    }

    private void print(TlsSocket tlsSocket) throws IOException {
        InputStream in = tlsSocket.getInputStream();
        byte[] buffer = new byte[16384];
        int n;
        while ((n = in.read(buffer)) > 0) {
            synchronized (out) {
                out.write(buffer, 0, n);
                out.flush();
            }
        }
    }
}
