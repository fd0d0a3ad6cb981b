package dev.tlsref.examples;

import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import dev.tlsref.handshake.TlsSocketException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tlsref client HOST:PORT}: connects, prints the one-line summary to stderr, then
 * either sends one HTTP GET ({@code --get}) or copies stdin to the server and the server's
 * bytes to stdout. On failure it prints one line naming the alert and the likely fix, and
 * exits with status 1.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = "A TLS client: connect to HOST:PORT, then send stdin (or one HTTP GET) and print the answer.")
public final class ClientCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "The server to connect to.")
    String target;

    @Option(names = "--servername", paramLabel = "N",
            description = "The name to send as SNI and check the certificate against (default: HOST).")
    String serverName;

    @ArgGroup(exclusive = true)
    Trust trust = new Trust();

    /** --cafile and --insecure exclude each other. */
    static final class Trust {
        @Option(names = "--cafile", paramLabel = "F", description = "PEM trust anchors for the server's chain.")
        Path cafile;

        @Option(names = "--insecure",
                description = "Accept any server certificate (an attacker in the middle can read everything).")
        boolean insecure;
    }

    @Option(names = "--cert", paramLabel = "F", description = "PEM client certificate chain, for mutual TLS.")
    Path cert;

    @Option(names = "--key", paramLabel = "F", description = "PEM private key for --cert.")
    Path key;

    @Option(names = "--get", paramLabel = "PATH", description = "Send one HTTP/1.1 GET for PATH and print the response.")
    String get;

    @Option(names = "--resume", description = "Connect twice; the second connection resumes the first session.")
    boolean resume;

    @Option(names = "--idle", defaultValue = "2",
            description = "After stdin ends, wait this many seconds for more from the server (default ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Mixin
    TlsOptions tls = new TlsOptions();

    private static final byte[] END_OF_INPUT = new byte[0];

    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;

    /** A client on the process's standard streams. */
    public ClientCommand() {
        this(System.in, System.out, System.err);
    }

    /** A client on these streams (for tests). */
    public ClientCommand(InputStream stdin, PrintStream out, PrintStream err) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        HostPort hostPort = HostPort.parse(target);
        String name = serverName != null ? serverName : hostPort.host();
        Optional<KeyLogFile> keyLog = tls.openKeyLog(System.getenv());
        try {
            TlsConfig config = config(keyLog);
            int connections = resume ? 2 : 1;
            for (int i = 0; i < connections; i++) {
                boolean last = i == connections - 1;
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(hostPort.host(), hostPort.port()), 10_000);
                    TlsSocket tlsSocket = TlsSocket.client(socket, config, name);
                    handshake(tlsSocket);
                    if (last) {
                        talk(tlsSocket, hostPort.host(), socket);
                    } else {
                        awaitTicket(tlsSocket, hostPort.host(), socket);
                    }
                    tlsSocket.close();
                }
            }
            return 0;
        } catch (TlsSocketException e) {
            err.println(AlertHints.describe(e, AlertHints.Role.CLIENT));
            return 1;
        } catch (IOException e) {
            err.println("connection to " + target + " failed: " + e.getMessage());
            return 1;
        } finally {
            if (keyLog.isPresent()) {
                keyLog.get().close();
            }
        }
    }

    private void handshake(TlsSocket tlsSocket) throws IOException {
        tlsSocket.handshake();
        err.println(tlsSocket.parameters().summary());
        err.flush();
    }

    /**
     * A TLS 1.3 server sends its NewSessionTicket after the handshake (RFC 8446 §4.6.1), so
     * before reconnecting, read a little: the whole response with --get, else until a short
     * timeout. The engine files the ticket as it goes by.
     */
    private void awaitTicket(TlsSocket tlsSocket, String host, Socket socket) throws IOException {
        if (get != null) {
            tlsSocket.getOutputStream().write(HttpExchange.getRequest(host, get));
            tlsSocket.getInputStream().readAllBytes();
            return;
        }
        socket.setSoTimeout(500);
        try {
            tlsSocket.getInputStream().read(new byte[16384]);
        } catch (SocketTimeoutException expected) {
            // No application data: the ticket, if any, has been read.
        }
    }

    private TlsConfig config(Optional<KeyLogFile> keyLog) throws IOException {
        TlsConfig.Builder b = TlsConfig.builder();
        tls.apply(b, false);
        if (trust.insecure) {
            b.certificateVerification(TlsConfig.CertificateVerification.INSECURE_TRUST_ANY_CERTIFICATE);
        } else if (trust.cafile != null) {
            b.trustAnchors(Pem.readCertificates(trust.cafile));
        }
        if (cert != null) {
            if (key == null) {
                throw new IllegalArgumentException("--cert needs --key");
            }
            b.certifiedKey(new CertifiedKey(Pem.readCertificates(cert), Pem.readPrivateKey(key)));
        }
        Optional<HandshakeListener> trace = tls.trace
                ? Optional.of(new NarrativeListener(HandshakeListener.Side.CLIENT, new Narrative(Style.forConsole()),
                        text -> {
                            err.print(text);
                            err.flush();
                        }))
                : Optional.empty();
        b.listener(TlsOptions.listener(keyLog, trace));
        return b.build();
    }

    private void talk(TlsSocket tlsSocket, String host, Socket socket) throws IOException {
        if (get != null) {
            tlsSocket.getOutputStream().write(HttpExchange.getRequest(host, get));
            copy(tlsSocket.getInputStream(), out);
            return;
        }
        // TlsSocket is not thread-safe: one thread reads stdin into a queue, and this thread
        // does every TLS read and write.
        BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try {
                int n;
                while ((n = stdin.read(buffer)) > 0) {
                    chunks.add(Arrays.copyOf(buffer, n));
                }
            } catch (IOException ignored) {
                // Treated as the end of stdin.
            }
            chunks.add(END_OF_INPUT);
        }, "tlsref-stdin");
        reader.setDaemon(true);
        reader.start();
        InputStream in = tlsSocket.getInputStream();
        OutputStream toServer = tlsSocket.getOutputStream();
        byte[] buffer = new byte[16384];
        boolean stdinDone = false;
        while (true) {
            byte[] chunk;
            while ((chunk = chunks.poll()) != null) {
                if (chunk == END_OF_INPUT) {
                    stdinDone = true;
                } else {
                    toServer.write(chunk);
                }
            }
            // After stdin ends, give the server a moment to answer, then hang up.
            socket.setSoTimeout(stdinDone ? idleSeconds * 1000 : 100);
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                if (stdinDone) {
                    break;
                }
                continue;
            }
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            out.flush();
        }
        out.flush();
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
        out.flush();
    }

    /** HOST:PORT, with [v6]:PORT for IPv6 literals. */
    record HostPort(String host, int port) {
        static HostPort parse(String s) {
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                throw new IllegalArgumentException("expected HOST:PORT, got " + s);
            }
            String host = s.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in " + s);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range in " + s);
            }
            return new HostPort(host, port);
        }
    }
}
