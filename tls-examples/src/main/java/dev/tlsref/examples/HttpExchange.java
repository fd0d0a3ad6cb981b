package dev.tlsref.examples;

import dev.tlsref.handshake.NegotiatedParameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

/**
 * The little HTTP/1.1 the examples speak: one GET request from {@code client --get}, and
 * {@code server --www}'s answer, a page describing the TLS session (like {@code openssl
 * s_server -www}). Not a web server: one request per connection, then close.
 */
public final class HttpExchange {
    /** Request heads longer than this are refused. */
    static final int MAX_REQUEST_HEAD = 16 * 1024;

    private HttpExchange() {}

    /**
     * The request line of an HTTP request.
     *
     * @param method e.g. GET
     * @param target e.g. /
     */
    public record Request(String method, String target) {}

    /** {@code GET path HTTP/1.1} with Host and {@code Connection: close}. */
    public static byte[] getRequest(String host, String path) {
        String target = path.startsWith("/") ? path : "/" + path;
        return ("GET " + target + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: tlsref\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads a request head up to the empty line.
     *
     * @throws IOException if the stream ends first, the head is too long or the request line is malformed
     */
    public static Request readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended before the end of the HTTP request head");
            }
            if (head.size() >= MAX_REQUEST_HEAD) {
                throw new IOException("HTTP request head longer than " + MAX_REQUEST_HEAD + " bytes");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")) {
            throw new IOException("malformed HTTP request line");
        }
        return new Request(requestLine[0], requestLine[1]);
    }

    /** The whole response for {@code server --www}: 200 with the page for GET, 405 otherwise. */
    public static byte[] sessionPage(Request request, NegotiatedParameters p) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return response("405 Method Not Allowed", "text/plain", "tlsref --www answers GET only\n", false);
        }
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><title>tlsref</title></head><body>\n");
        html.append("<h1>tlsref server</h1>\n<pre>\n");
        html.append(escape(p.summary())).append("\n\n");
        html.append("Protocol  : ").append(p.version().name()).append('\n');
        html.append("Cipher    : ").append(p.cipherSuite().name()).append('\n');
        html.append("Group     : ").append(p.group().map(Object::toString).orElse("-")).append('\n');
        html.append("Signature : ").append(p.signatureScheme().map(Object::toString).orElse("-")).append('\n');
        html.append("ALPN      : ").append(escape(p.alpn().orElse("-"))).append('\n');
        html.append("SNI       : ").append(escape(p.serverName().orElse("-"))).append('\n');
        html.append("Resumed   : ").append(p.resumed()).append('\n');
        html.append("Request   : ").append(escape(request.method() + " " + request.target())).append('\n');
        if (p.peerCertificates().isEmpty()) {
            html.append("Client certificate: none\n");
        } else {
            X509Certificate leaf = p.peerCertificates().get(0);
            html.append("Client certificate: ").append(escape(leaf.getSubjectX500Principal().getName())).append('\n');
        }
        html.append("</pre>\n</body></html>\n");
        return response("200 OK", "text/html; charset=utf-8", html.toString(), request.method().equals("HEAD"));
    }

    private static byte[] response(String status, String type, String body, boolean headOnly) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\n"
                + "Content-Type: " + type + "\r\n"
                + "Content-Length: " + content.length + "\r\n"
                + "Connection: close\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        if (!headOnly) {
            out.writeBytes(content);
        }
        return out.toByteArray();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
