package dev.tlsref.core.record;

import static dev.tlsref.core.record.TestRecords.HEX;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsref.core.ContentType;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record of RFC 8448 §3, decrypted and re-encrypted byte for byte. */
class Rfc8448RecordTest {
    private static JsonNode trace;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Rfc8448RecordTest.class.getResourceAsStream("/record/rfc8448/simple-1rtt.json")) {
            trace = new ObjectMapper().readTree(in);
        }
    }

    static java.util.stream.Stream<CryptoProvider> providers() {
        return TestRecords.providers();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void decryptsEveryRecordToTheRfcPayload(CryptoProvider provider) throws TlsAlertException {
        Map<String, RecordReader> readers = new HashMap<>();
        int protectedRecords = 0;
        for (JsonNode record : trace.get("records")) {
            String keys = record.get("protection").asText();
            RecordReader reader = readers.computeIfAbsent(keys, k -> reader(provider, k));
            if (record.has("sequence_number")) {
                assertThat(reader.sequenceNumber(), is(record.get("sequence_number").asLong()));
                protectedRecords++;
            }
            ByteBuffer in = ByteBuffer.wrap(hex(record, "record"));
            RecordView view = reader.read(in);
            assertThat(view.type(), is(contentType(record)));
            assertThat(HEX.formatHex(view.fragmentBytes()), is(record.get("payload").asText()));
            assertThat(in.hasRemaining(), is(false));
            assertThat(reader.read(in), is(nullValue()));
        }
        assertThat(protectedRecords, is(7));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void encryptsEveryPayloadToTheRfcRecordBytes(CryptoProvider provider) throws TlsAlertException {
        Map<String, RecordWriter> writers = new HashMap<>();
        for (JsonNode record : trace.get("records")) {
            String keys = record.get("protection").asText();
            RecordWriter writer = writers.computeIfAbsent(keys, k -> writer(provider, k));
            byte[] expected = hex(record, "record");
            if (writer.protection() == null) {
                // the ClientHello record carries 0x0301 (RFC 8446 §5.1), the ServerHello 0x0303
                int version = ((expected[1] & 0xff) << 8) | (expected[2] & 0xff);
                writer.setRecordVersion(new ProtocolVersion(version));
            }
            byte[] written = writer.write(contentType(record), hex(record, "payload"));
            assertThat(record.get("description").asText(), HEX.formatHex(written), is(HEX.formatHex(expected)));
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void reassemblesTheServerFlightIntoTheRfcMessages(CryptoProvider provider) throws TlsAlertException {
        JsonNode flight = trace.get("records").get(2);
        assertThat(flight.get("protection").asText(), is("server_handshake_write"));
        RecordReader reader = reader(provider, "server_handshake_write");
        HandshakeAssembler assembler = new HandshakeAssembler(1 << 16);
        byte[] wire = hex(flight, "record");
        // the record arrives in three TCP segments
        for (ByteBuffer chunk : List.of(ByteBuffer.wrap(wire, 0, 3), ByteBuffer.wrap(wire, 3, 400),
                ByteBuffer.wrap(wire, 403, wire.length - 403))) {
            RecordView view = reader.read(chunk);
            if (view != null) {
                assertThat(view.type(), is(ContentType.HANDSHAKE));
                assembler.add(view.fragment());
            }
        }
        List<String> messages = new ArrayList<>();
        byte[] message;
        while ((message = assembler.next()) != null) {
            messages.add(HEX.formatHex(message));
        }
        JsonNode expected = trace.get("handshake_messages");
        assertThat(messages, contains(expected.get("encrypted_extensions").asText(),
                expected.get("certificate").asText(), expected.get("certificate_verify").asText(),
                expected.get("server_finished").asText()));
        assertThat(assembler.isEmpty(), is(true));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void decryptsTheWholeTraceArrivingByteByByteThroughDirectBuffers(CryptoProvider provider) throws TlsAlertException {
        // the server's protected records, each under its key, fed one byte at a time
        Map<String, RecordReader> readers = new HashMap<>();
        for (JsonNode record : trace.get("records")) {
            if (!record.get("sender").asText().equals("server")) {
                continue;
            }
            RecordReader reader = readers.computeIfAbsent(record.get("protection").asText(), k -> reader(provider, k));
            byte[] wire = hex(record, "record");
            ByteBuffer oneByte = ByteBuffer.allocateDirect(1);
            RecordView view = null;
            for (int i = 0; i < wire.length; i++) {
                assertThat(view, is(nullValue()));
                oneByte.clear();
                oneByte.put(wire[i]).flip();
                view = reader.read(oneByte);
            }
            assertThat(view.type(), is(contentType(record)));
            assertThat(view.fragmentBytes(), equalTo(hex(record, "payload")));
        }
    }

    private static RecordReader reader(CryptoProvider provider, String keys) {
        RecordReader reader = new RecordReader();
        if (!keys.equals("plaintext")) {
            reader.setProtection(protection(provider, keys));
        }
        return reader;
    }

    private static RecordWriter writer(CryptoProvider provider, String keys) {
        RecordWriter writer = new RecordWriter();
        if (!keys.equals("plaintext")) {
            writer.setProtection(protection(provider, keys));
        }
        return writer;
    }

    private static RecordProtection protection(CryptoProvider provider, String keys) {
        JsonNode entry = trace.get("traffic_keys").get(keys);
        return RecordProtection.tls13(provider, AeadAlgorithm.AES_128_GCM, hex(entry, "key"), hex(entry, "iv"));
    }

    private static ContentType contentType(JsonNode record) {
        switch (record.get("content_type").asText()) {
            case "handshake": return ContentType.HANDSHAKE;
            case "application_data": return ContentType.APPLICATION_DATA;
            case "alert": return ContentType.ALERT;
            default: throw new IllegalArgumentException(record.get("content_type").asText());
        }
    }

    private static byte[] hex(JsonNode node, String field) {
        return HEX.parseHex(node.get(field).asText());
    }
}
