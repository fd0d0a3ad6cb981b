package dev.tlsref.examples;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsConnection;
import dev.tlsref.handshake.TlsPeerAlertException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tlsref demo}: runs a client and a server in this process, wired together in memory,
 * and tells the handshake as it happens — every message in order with the values in it,
 * the secrets derived, a round of application data and close_notify. By default TLS 1.3 and
 * then TLS 1.2.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a client and a server in this process and print every step of the handshake.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--tls", paramLabel = "1.2|1.3", description = "Only this version (default: 1.3, then 1.2).")
    String tls;

    @Option(names = "--mutual", description = "The server asks for a client certificate (mutual TLS).")
    boolean mutual;

    @Option(names = "--rsa-kx", description = "TLS 1.2 static RSA key exchange (no forward secrecy; implies --tls 1.2).")
    boolean rsaKeyExchange;

    @Option(names = "--hrr", description = "Make the server ask for another key share (HelloRetryRequest; TLS 1.3).")
    boolean helloRetry;

    @Option(names = "--resume", description = "Connect a second time, resuming the first session.")
    boolean resume;

    private final PrintStream out;
    private final Style style;

    /** A demo on stdout, in colour on a terminal. */
    public DemoCommand() {
        this(System.out, Style.forConsole());
    }

    /** A demo printing to {@code out} in this style (for tests). */
    public DemoCommand(PrintStream out, Style style) {
        this.out = out;
        this.style = style;
    }

    @Override
    public Integer call() {
        List<ProtocolVersion> versions = new ArrayList<>();
        if (rsaKeyExchange || "1.2".equals(tls)) {
            versions.add(ProtocolVersion.TLS1_2);
        } else if ("1.3".equals(tls) || helloRetry) {
            versions.add(ProtocolVersion.TLS1_3);
        } else if (tls == null) {
            versions.add(ProtocolVersion.TLS1_3);
            versions.add(ProtocolVersion.TLS1_2);
        } else {
            throw new IllegalArgumentException("--tls takes 1.2 or 1.3, not " + tls);
        }
        int status = 0;
        for (ProtocolVersion v : versions) {
            if (!run(v)) {
                status = 1;
            }
        }
        return status;
    }

    /** One demo run; false if it failed (the failure is printed). */
    private boolean run(ProtocolVersion version) {
        Narrative narrative = new Narrative(style);
        out.print(narrative.title((version.equals(ProtocolVersion.TLS1_3) ? "TLS 1.3" : "TLS 1.2") + " handshake"
                + (mutual ? ", mutual TLS" : "") + (rsaKeyExchange ? ", static RSA key exchange" : "")
                + (helloRetry ? ", HelloRetryRequest" : "")
                + " (client and server in this process, connected in memory)"));
        Clock clock = Clock.systemUTC();
        Certificates.Issued ca = Certificates.authority("tlsref demo CA", Certificates.KeyType.EC_P256, clock);
        Certificates.Issued serverCert = Certificates.issue(ca, "localhost",
                rsaKeyExchange ? Certificates.KeyType.RSA_2048 : Certificates.KeyType.EC_P256,
                Certificates.Role.SERVER, List.of("localhost"), List.of("127.0.0.1"), clock);
        TlsConfig.Builder server = TlsConfig.builder()
                .versions(List.of(version))
                .certifiedKey(serverCert.certifiedKey());
        TlsConfig.Builder client = TlsConfig.builder()
                .versions(List.of(version))
                .trustAnchors(List.of(ca.certificate()));
        if (mutual) {
            Certificates.Issued clientCert = Certificates.issue(ca, "demo client", Certificates.KeyType.EC_P256,
                    Certificates.Role.CLIENT, List.of(), List.of(), clock);
            server.clientAuth(ClientAuth.REQUIRED).trustAnchors(List.of(ca.certificate()));
            client.certifiedKey(clientCert.certifiedKey());
        }
        if (rsaKeyExchange) {
            List<CipherSuite> rsa = List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256);
            server.rsaKeyExchange(true).cipherSuites(rsa);
            client.rsaKeyExchange(true).cipherSuites(rsa);
        }
        if (helloRetry) {
            // The client guesses x25519 for its key share; the server takes only P-256.
            client.groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1)).keyShareGroups(List.of(NamedGroup.X25519));
            server.groups(List.of(NamedGroup.SECP256R1));
        }
        TlsConfig serverConfig = server.build();
        TlsConfig clientConfig = client.build();
        int connections = resume ? 2 : 1;
        for (int i = 0; i < connections; i++) {
            if (i == 1) {
                narrative = new Narrative(style);
                out.print(narrative.title("Second connection: resuming the session"));
            }
            if (!connect(clientConfig, serverConfig, narrative)) {
                return false;
            }
        }
        return true;
    }

    private boolean connect(TlsConfig clientConfig, TlsConfig serverConfig, Narrative narrative) {
        HandshakeListener clientListener = new NarrativeListener(HandshakeListener.Side.CLIENT, narrative, out::print);
        HandshakeListener serverListener = new NarrativeListener(HandshakeListener.Side.SERVER, narrative, out::print,
                true);
        try {
            TlsConnection client = TlsConnection.client(clientConfig.toBuilder().listener(clientListener).build(),
                    "localhost");
            TlsConnection server = TlsConnection.server(serverConfig.toBuilder().listener(serverListener).build());
            InMemoryPair pair = new InMemoryPair(client, server);
            pair.handshake();
            byte[] request = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            client.write(request);
            pair.settle();
            out.print(narrative.applicationData(Narrative.Direction.CLIENT_TO_SERVER, InMemoryPair.readAll(server)));
            byte[] response = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello\n".getBytes(StandardCharsets.US_ASCII);
            server.write(response);
            pair.settle();
            out.print(narrative.applicationData(Narrative.Direction.SERVER_TO_CLIENT, InMemoryPair.readAll(client)));
            client.close();
            pair.settle();
            out.print(narrative.closeNotify(Narrative.Direction.CLIENT_TO_SERVER));
            server.close();
            pair.settle();
            out.print(narrative.closeNotify(Narrative.Direction.SERVER_TO_CLIENT));
            out.println();
            out.println(client.parameters().orElseThrow().summary());
            return true;
        } catch (TlsAlertException e) {
            boolean byPeer = e instanceof TlsPeerAlertException;
            out.println("demo failed: " + AlertHints.describe(e.alert(), byPeer, AlertHints.Role.CLIENT)
                    + " (" + e.getMessage() + ")");
            return false;
        } catch (RuntimeException e) {
            out.println("demo failed: " + e);
            return false;
        }
    }
}
