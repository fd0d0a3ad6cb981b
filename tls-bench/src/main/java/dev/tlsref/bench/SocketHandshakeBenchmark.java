package dev.tlsref.bench;

import dev.tlsref.bench.scenario.Implementation;
import dev.tlsref.bench.scenario.Scenario;
import dev.tlsref.bench.scenario.Suite;
import dev.tlsref.bench.scenario.TlsStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full TLS 1.3 handshakes (x25519, ECDSA P-256, TLS_AES_128_GCM_SHA256) over loopback TCP with
 * {@code clients} concurrent clients: tlsref's TlsSocket, or SSLSocket for SunJSSE and BCJSSE.
 * A server thread pool ({@value #SERVER_THREADS} threads) handshakes, writes one byte and waits
 * for the client to close; each client handshakes, reads that byte and closes. One operation
 * is one round of {@code clients} connections in parallel: handshakes/s is
 * {@code score * clients} (Report prints it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Djdk.tls.namedGroups=x25519"})
public class SocketHandshakeBenchmark {
    private static final int SERVER_THREADS = 8;

    @Param({"tlsref", "jsse", "bcjsse"})
    public String implementation;

    @Param({"1", "2", "8"})
    public int clients;

    private TlsStack stack;
    private ServerSocket listener;
    private InetSocketAddress address;
    private ExecutorService acceptor;
    private ExecutorService servers;
    private ExecutorService clientPool;
    private final AtomicReference<Throwable> serverFailure = new AtomicReference<>();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        stack = TlsStack.open(Implementation.byName(implementation), Scenario.full(Suite.TLS_AES_128_GCM_SHA256));
        listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        servers = Executors.newFixedThreadPool(SERVER_THREADS);
        clientPool = Executors.newFixedThreadPool(clients);
        acceptor = Executors.newSingleThreadExecutor();
        acceptor.execute(this::acceptLoop);
    }

    /** {@code clients} full handshakes over loopback, in parallel. */
    @Benchmark
    public int handshakes() throws Exception {
        List<Future<?>> running = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            running.add(clientPool.submit(() -> {
                Socket socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(address);
                stack.runClient(socket);
                return null;
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("client failed", e.getCause());
            }
        }
        Throwable failed = serverFailure.get();
        if (failed != null) {
            throw new IllegalStateException("server failed", failed);
        }
        return clients;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        listener.close();
        for (ExecutorService pool : List.of(acceptor, clientPool, servers)) {
            pool.shutdownNow();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a thread pool did not stop");
            }
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket accepted = listener.accept();
                accepted.setTcpNoDelay(true);
                servers.execute(() -> serve(accepted));
            } catch (SocketException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                serverFailure.compareAndSet(null, e);
                return;
            }
        }
    }

    private void serve(Socket accepted) {
        try {
            stack.runServer(accepted);
        } catch (IOException | RuntimeException e) {
            serverFailure.compareAndSet(null, e);
        }
    }
}
