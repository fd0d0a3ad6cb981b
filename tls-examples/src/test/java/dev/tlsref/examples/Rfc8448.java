package dev.tlsref.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** RFC 8448 §3 (simple 1-RTT handshake) from src/test/resources/rfc8448/simple-1rtt.json. */
public final class Rfc8448 {
    private static final HexFormat HEX = HexFormat.of();

    private final JsonNode root;

    private Rfc8448(JsonNode root) {
        this.root = root;
    }

    /** Loads the simple 1-RTT vectors. */
    public static Rfc8448 simple1Rtt() {
        try (InputStream in = Rfc8448.class.getResourceAsStream("/rfc8448/simple-1rtt.json")) {
            return new Rfc8448(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A handshake message, header included. */
    public byte[] message(String name) {
        return HEX.parseHex(root.path("handshake_messages").path(name).asText());
    }

    /** A secret or transcript hash from the "secrets" section. */
    public byte[] secret(String name) {
        return HEX.parseHex(root.path("secrets").path(name).asText());
    }

    /** The "records" entries. */
    public JsonNode records() {
        return root.path("records");
    }

    /** Every record one side sent, concatenated as on the wire. */
    public byte[] stream(String sender) {
        StringBuilder hex = new StringBuilder();
        for (JsonNode r : records()) {
            if (r.path("sender").asText().equals(sender)) {
                hex.append(r.path("record").asText());
            }
        }
        return HEX.parseHex(hex);
    }
}
