package dev.tlsref.examples.programs;

import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Session resumption: the second connection skips the certificate and the signature by
 * resuming the first session (a TLS 1.3 PSK from a NewSessionTicket, or a TLS 1.2 ticket).
 * The key point: both connections use the same {@link TlsConfig} objects, which hold the
 * client's ticket store and the server's ticket keys.
 */
public final class Resumption {
    private Resumption() {}

    /** Two connections to an in-process server; the summaries of both, first then second. */
    public static List<NegotiatedParameters> twoConnections(CertifiedKey serverKey, X509Certificate trusted)
            throws IOException {
        TlsConfig serverConfig = TlsConfig.builder().certifiedKey(serverKey).build();
        TlsConfig clientConfig = TlsConfig.builder().trustAnchors(List.of(trusted)).build();
        List<NegotiatedParameters> out = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 2, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket s = listener.accept(); TlsSocket tls = TlsSocket.server(s, serverConfig)) {
                        s.setSoTimeout(10_000);
                        tls.getOutputStream().write("hi".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        System.err.println("server: " + e.getMessage());
                    }
                }
            });
            server.start();
            for (int i = 0; i < 2; i++) {
                try (TlsSocket tls = TlsSocket.connect("localhost", listener.getLocalPort(), clientConfig)) {
                    // Read the greeting: in TLS 1.3 the ticket arrives after the handshake, with it.
                    tls.getInputStream().readNBytes(2);
                    out.add(tls.parameters());
                }
            }
            try {
                server.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return out;
    }
}
