package dev.tlsref.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.handshake.NegotiatedParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpExchangeTest {
    private final NegotiatedParameters parameters = new NegotiatedParameters(ProtocolVersion.TLS1_3,
            CipherSuite.TLS_AES_128_GCM_SHA256, Optional.of(NamedGroup.X25519),
            Optional.of(SignatureScheme.ECDSA_SECP256R1_SHA256), Optional.empty(), Optional.of("localhost"),
            List.of(), false);

    @Test
    void getRequestHasHostAndConnectionClose() {
        String request = new String(HttpExchange.getRequest("example.com", "/a"), StandardCharsets.US_ASCII);
        assertThat(request, startsWith("GET /a HTTP/1.1\r\nHost: example.com\r\n"));
        assertThat(request, containsString("Connection: close\r\n\r\n"));
    }

    @Test
    void readsTheRequestLineUpToTheEmptyLine() throws IOException {
        byte[] bytes = HttpExchange.getRequest("h", "/x");
        HttpExchange.Request r = HttpExchange.readRequest(new ByteArrayInputStream(bytes));
        assertThat(r, is(new HttpExchange.Request("GET", "/x")));
    }

    @Test
    void truncatedOrMalformedRequestsAreIoErrors() {
        assertThrows(IOException.class, () -> HttpExchange.readRequest(new ByteArrayInputStream("GET / HTTP/1.1\r\n".getBytes())));
        assertThrows(IOException.class, () -> HttpExchange.readRequest(new ByteArrayInputStream("\u0016\u0003\u0001\r\n\r\n".getBytes())));
        assertThrows(IOException.class, () -> HttpExchange.readRequest(new ByteArrayInputStream(new byte[20000])));
    }

    @Test
    void sessionPageDescribesTheSession() {
        String page = new String(HttpExchange.sessionPage(new HttpExchange.Request("GET", "/<b>"), parameters),
                StandardCharsets.UTF_8);
        assertThat(page, startsWith("HTTP/1.1 200 OK\r\n"));
        assertThat(page, containsString("Content-Type: text/html"));
        assertThat(page, containsString(parameters.summary()));
        assertThat(page, containsString("Cipher    : TLS_AES_128_GCM_SHA256"));
        assertThat(page, containsString("GET /&lt;b&gt;"));
    }

    @Test
    void otherMethodsGet405() {
        String page = new String(HttpExchange.sessionPage(new HttpExchange.Request("POST", "/"), parameters),
                StandardCharsets.UTF_8);
        assertThat(page, startsWith("HTTP/1.1 405"));
    }
}
