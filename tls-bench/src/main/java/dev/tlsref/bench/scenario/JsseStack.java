package dev.tlsref.bench.scenario;

import dev.tlsref.bench.fixture.Fixture;
import java.io.IOException;
import java.net.Socket;
import java.security.KeyStore;
import java.security.Provider;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * SunJSSE or BCJSSE: one client and one server SSLContext over the fixture (in-memory
 * KeyStores, PKIX key and trust managers of the same provider), engines and sockets limited to
 * the scenario's version and suite, the client checking the chain and the host name.
 *
 * <p>Named groups: SunJSSE on JDK 17 can only be limited by the {@code jdk.tls.namedGroups}
 * system property, which the benchmarks set to {@code x25519} for their forked JVMs (with both
 * x25519 and secp256r1 it would send two key shares). BCJSSE is limited per engine through
 * {@link BCSSLParameters#setNamedGroups}: the scenario's group first (the only key share it
 * sends), then secp256r1, without which it refuses an ECDSA P-256 certificate.
 */
final class JsseStack implements TlsStack {
    private static final char[] PASSWORD = "bench".toCharArray();
    /** Held so the level set on it stays: BCJSSE logs INFO lines for every handshake otherwise. */
    private static final Logger BCJSSE_LOG = Logger.getLogger("org.bouncycastle.jsse");

    private final Implementation implementation;
    private final Scenario scenario;
    private final SSLContext clientContext;
    private final SSLContext serverContext;
    /** Ports that key the client session cache: a new one per socket client means no resumption. */
    private final AtomicInteger nextSocketPort = new AtomicInteger(1);
    private final Wire wire = new Wire();

    JsseStack(Implementation implementation, Scenario scenario) throws Exception {
        this.implementation = implementation;
        this.scenario = scenario;
        Provider provider;
        if (implementation == Implementation.BCJSSE) {
            BCJSSE_LOG.setLevel(Level.WARNING);
            provider = new BouncyCastleJsseProvider(new BouncyCastleProvider());
        } else {
            provider = SSLContext.getInstance("TLS", "SunJSSE").getProvider();
        }
        Fixture fixture = Fixture.get();
        Fixture.Leaf leaf = fixture.leaf(scenario.certificate());

        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", leaf.privateKey(), PASSWORD,
                leaf.chain().toArray(new java.security.cert.X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX", provider);
        kmf.init(keys, PASSWORD);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", fixture.root());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", provider);
        tmf.init(trust);

        serverContext = SSLContext.getInstance("TLS", provider);
        serverContext.init(kmf.getKeyManagers(), null, null);
        clientContext = SSLContext.getInstance("TLS", provider);
        clientContext.init(null, tmf.getTrustManagers(), null);
        clientContext.getClientSessionContext().setSessionCacheSize(1024);
    }

    @Override
    public EnginePair newPair() {
        // With a peer host and port the client looks up a session to resume; without, it never does.
        SSLEngine client = scenario.resumption()
                ? clientContext.createSSLEngine(Fixture.HOST, 443)
                : clientContext.createSSLEngine();
        client.setUseClientMode(true);
        configure(client, true);
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        configure(server, false);
        return new EnginePair(client, server, wire);
    }

    @Override
    public void runClient(Socket connected) throws IOException {
        // A port of its own keys the session cache: each socket connection is a full handshake.
        try (SSLSocket tls = (SSLSocket) clientContext.getSocketFactory().createSocket(
                connected, Fixture.HOST, nextSocketPort.getAndIncrement(), true)) {
            tls.setUseClientMode(true);
            configure(tls, true);
            tls.startHandshake();
            if (tls.getInputStream().read() < 0) {
                throw new IOException("the server closed before its byte");
            }
        }
    }

    @Override
    public void runServer(Socket accepted) throws IOException {
        SSLSocket tls = (SSLSocket) serverContext.getSocketFactory().createSocket(
                accepted, null, accepted.getPort(), true);
        try {
            tls.setUseClientMode(false);
            configure(tls, false);
            tls.startHandshake();
            tls.getOutputStream().write(1);
            tls.getOutputStream().flush();
            // Wait for the client to close first, so TIME_WAIT stays on the client's ports.
            while (tls.getInputStream().read() >= 0) {
                // nothing more is expected
            }
        } finally {
            closeQuietly(tls);
        }
    }

    /** Closes a connection whose peer may already be gone: a failed close_notify changes nothing. */
    static void closeQuietly(AutoCloseable connection) {
        try {
            connection.close();
        } catch (Exception ignored) {
            // The handshake and the byte went through; the peer may have closed first.
        }
    }

    private void configure(SSLEngine engine, boolean client) {
        engine.setSSLParameters(parameters(engine.getSSLParameters(), client));
        if (engine instanceof BCSSLEngine bc) {
            BCSSLParameters p = bc.getParameters();
            p.setNamedGroups(bcNamedGroups());
            bc.setParameters(p);
        }
    }

    private void configure(SSLSocket socket, boolean client) {
        socket.setSSLParameters(parameters(socket.getSSLParameters(), client));
        if (socket instanceof BCSSLSocket bc) {
            BCSSLParameters p = bc.getParameters();
            p.setNamedGroups(bcNamedGroups());
            bc.setParameters(p);
        }
    }

    private SSLParameters parameters(SSLParameters p, boolean client) {
        p.setProtocols(new String[] {scenario.suite().jsseProtocol()});
        p.setCipherSuites(new String[] {scenario.suite().name()});
        if (client) {
            // "localhost" has no dot, so neither provider would send it as SNI by itself.
            p.setServerNames(List.of(new SNIHostName(Fixture.HOST)));
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        return p;
    }

    private String[] bcNamedGroups() {
        return new String[] {scenario.group().ianaName(), "secp256r1"};
    }

    @Override
    public String toString() {
        return implementation + " " + scenario;
    }
}
