package dev.tlsref.examples.programs;

import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The smallest useful TLS client: fetch one page over HTTPS.
 * <pre>
 * java -cp tlsref.jar dev.tlsref.examples.programs.HttpsGet localhost 8443 / ca.pem
 * </pre>
 */
public final class HttpsGet {
    private HttpsGet() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: HttpsGet HOST PORT PATH CA.pem");
            System.exit(2);
        }
        List<X509Certificate> trusted = dev.tlsref.examples.Pem.readCertificates(Path.of(args[3]));
        System.out.print(get(args[0], Integer.parseInt(args[1]), args[2], trusted));
    }

    /** GETs {@code path} from {@code host:port}, trusting only {@code trustAnchors}; returns the whole response. */
    public static String get(String host, int port, String path, List<X509Certificate> trustAnchors)
            throws IOException {
        // 1. A config: the secure defaults (TLS 1.3 and 1.2, AEAD suites, certificate and host
        //    name verification on) plus the roots we trust.
        TlsConfig config = TlsConfig.builder()
                .trustAnchors(trustAnchors)
                .alpnProtocols(List.of("http/1.1"))
                .build();
        // 2. Connect: TCP, then the whole handshake. `host` is both the SNI and the name the
        //    certificate must carry; a mismatch or an untrusted chain fails here with an alert.
        try (TlsSocket tls = TlsSocket.connect(host, port, config)) {
            // 3. Application data: a plain HTTP/1.1 request, encrypted by the socket.
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
            tls.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            // 4. Read until the server's close_notify (read returns -1 then).
            return new String(tls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
