package dev.tlsref.examples.programs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import dev.tlsref.examples.Certificates;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each example program, run once against tlsref itself on loopback. */
class ProgramsTest {
    private final Clock clock = Clock.systemUTC();
    private final Certificates.Issued ca = Certificates.authority("programs CA", Certificates.KeyType.EC_P256, clock);
    private final Certificates.Issued server = Certificates.issue(ca, "localhost", Certificates.KeyType.EC_P256,
            Certificates.Role.SERVER, List.of("localhost"), List.of("127.0.0.1"), clock);

    @Test
    void httpsGetFetchesAPage() throws Exception {
        CertifiedKey key = server.certifiedKey();
        try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = listener.accept();
                        TlsSocket tls = TlsSocket.server(s, TlsConfig.builder().certifiedKey(key).build())) {
                    s.setSoTimeout(10_000);
                    byte[] buffer = new byte[4096];
                    tls.getInputStream().read(buffer);
                    tls.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            String response = HttpsGet.get("localhost", listener.getLocalPort(), "/", List.of(ca.certificate()));
            t.join(10_000);
            assertThat(response, startsWith("HTTP/1.1 200 OK"));
            assertThat(response, containsString("ok"));
        }
    }

    @Test
    void echoServerEchoes() throws Exception {
        try (EchoServer echo = new EchoServer(server.certifiedKey())) {
            int port = echo.start(0);
            TlsConfig config = TlsConfig.builder().trustAnchors(List.of(ca.certificate())).build();
            try (TlsSocket tls = TlsSocket.connect("localhost", port, config)) {
                tls.getOutputStream().write("echo me".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(tls.getInputStream().readNBytes(7), StandardCharsets.US_ASCII), is("echo me"));
            }
        }
    }

    @Test
    void mutualTlsShowsTheClientToTheServer() throws Exception {
        assertThat(MutualTls.run(), startsWith("server saw client O=tlsref,CN=alice; negotiated version="));
    }

    @Test
    void secondConnectionIsResumed() throws Exception {
        List<NegotiatedParameters> both = Resumption.twoConnections(server.certifiedKey(), ca.certificate());
        assertThat(both, hasSize(2));
        assertThat(both.get(0).resumed(), is(false));
        assertThat(both.get(1).resumed(), is(true));
    }
}
