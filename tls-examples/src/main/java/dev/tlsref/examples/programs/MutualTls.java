package dev.tlsref.examples.programs;

import dev.tlsref.examples.Certificates;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Mutual TLS: the server requires a client certificate, both sides trust one CA. Prints what
 * each side learned about the other.
 */
public final class MutualTls {
    private MutualTls() {}

    public static void main(String[] args) throws Exception {
        System.out.println(run());
    }

    /** Runs one mutually authenticated connection on loopback; returns the server's view of the client. */
    public static String run() throws IOException, InterruptedException, ExecutionException {
        Clock clock = Clock.systemUTC();
        // One CA issues both certificates; each side trusts that CA alone.
        Certificates.Issued ca = Certificates.authority("mutual CA", Certificates.KeyType.EC_P256, clock);
        Certificates.Issued server = Certificates.issue(ca, "localhost", Certificates.KeyType.EC_P256,
                Certificates.Role.SERVER, List.of("localhost"), List.of("127.0.0.1"), clock);
        Certificates.Issued client = Certificates.issue(ca, "alice", Certificates.KeyType.EC_P256,
                Certificates.Role.CLIENT, List.of(), List.of(), clock);

        TlsConfig serverConfig = TlsConfig.builder()
                .certifiedKey(server.certifiedKey())
                .clientAuth(ClientAuth.REQUIRED)                 // send CertificateRequest; no cert, no session
                .trustAnchors(List.of(ca.certificate()))         // the client's chain must end here
                .build();
        TlsConfig clientConfig = TlsConfig.builder()
                .certifiedKey(client.certifiedKey())             // answered when the server asks
                .trustAnchors(List.of(ca.certificate()))
                .build();

        try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<NegotiatedParameters> serverSide = CompletableFuture.supplyAsync(() -> {
                try (Socket s = listener.accept(); TlsSocket tls = TlsSocket.server(s, serverConfig)) {
                    s.setSoTimeout(10_000);
                    NegotiatedParameters p = tls.parameters();
                    tls.getOutputStream().write('!');            // one byte so the client can finish
                    return p;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (TlsSocket tls = TlsSocket.connect("localhost", listener.getLocalPort(), clientConfig)) {
                tls.getInputStream().read();
            }
            NegotiatedParameters seen = serverSide.get();
            return "server saw client " + seen.peerCertificates().get(0).getSubjectX500Principal().getName()
                    + "; " + seen.summary();
        }
    }
}
