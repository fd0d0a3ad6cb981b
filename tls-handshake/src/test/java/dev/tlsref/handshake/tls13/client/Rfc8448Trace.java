package dev.tlsref.handshake.tls13.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** One RFC 8448 trace from src/test/resources/rfc8448 (see its README.md). */
final class Rfc8448Trace {
    private static final HexFormat HEX = HexFormat.of();
    private final JsonNode root;

    private Rfc8448Trace(JsonNode root) {
        this.root = root;
    }

    static Rfc8448Trace load(String name) {
        try (InputStream in = Rfc8448Trace.class.getResourceAsStream("/rfc8448/" + name)) {
            return new Rfc8448Trace(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] message(String name) {
        return HEX.parseHex(root.get("handshake_messages").get(name).asText());
    }

    byte[] secret(String name) {
        return HEX.parseHex(root.get("secrets").get(name).asText());
    }

    /** The complete records sent by {@code sender} ("client"/"server"), in order. */
    List<byte[]> records(String sender) {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode r : root.get("records")) {
            if (r.get("sender").asText().equals(sender)) {
                out.add(HEX.parseHex(r.get("record").asText()));
            }
        }
        return out;
    }

    /** The complete record whose description starts with {@code description}. */
    byte[] record(String sender, String description) {
        for (JsonNode r : root.get("records")) {
            if (r.get("sender").asText().equals(sender) && r.get("description").asText().startsWith(description)) {
                return HEX.parseHex(r.get("record").asText());
            }
        }
        throw new IllegalArgumentException("no " + sender + " record " + description);
    }

    /** The payload (plaintext content) of that record. */
    byte[] payload(String sender, String description) {
        for (JsonNode r : root.get("records")) {
            if (r.get("sender").asText().equals(sender) && r.get("description").asText().startsWith(description)) {
                return HEX.parseHex(r.get("payload").asText());
            }
        }
        throw new IllegalArgumentException("no " + sender + " record " + description);
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }
}
