package dev.tlsref.handshake.tls13;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.crypto.Hash;
import dev.tlsref.crypto.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every secret of RFC 8448 §3 (1-RTT), §4 (resumption) and §5 (HelloRetryRequest), on both providers. */
class Tls13KeyScheduleTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<CryptoProvider> providers() {
        return Stream.of(CryptoProviders.jca(), CryptoProviders.bc());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void reproducesEverySecretOfTheSimpleOneRttHandshake(CryptoProvider crypto) throws IOException {
        JsonNode trace = load("simple-1rtt.json");
        JsonNode s = trace.get("secrets");
        JsonNode m = trace.get("handshake_messages");
        Tls13KeySchedule schedule = new Tls13KeySchedule(crypto, HashAlgorithm.SHA256);

        byte[] early = schedule.earlySecret(null);
        assertHex(early, s, "early_secret");
        byte[] handshake = schedule.handshakeSecret(early, bytes(s, "ecdhe_shared_secret"));
        assertHex(handshake, s, "handshake_secret");

        byte[] helloHash = hash(crypto, m, "client_hello", "server_hello");
        assertHex(helloHash, s, "transcript_hash_clienthello_serverhello");
        byte[] clientHs = schedule.clientHandshakeTrafficSecret(handshake, helloHash);
        byte[] serverHs = schedule.serverHandshakeTrafficSecret(handshake, helloHash);
        assertHex(clientHs, s, "client_handshake_traffic_secret");
        assertHex(serverHs, s, "server_handshake_traffic_secret");
        assertKeys(schedule.trafficKeys(serverHs, AeadAlgorithm.AES_128_GCM), trace, "server_handshake_write");
        assertKeys(schedule.trafficKeys(clientHs, AeadAlgorithm.AES_128_GCM), trace, "client_handshake_write");

        byte[] master = schedule.masterSecret(handshake);
        assertHex(master, s, "master_secret");

        byte[] serverFinishedKey = schedule.finishedKey(serverHs);
        assertHex(serverFinishedKey, s, "server_finished_key");
        byte[] beforeServerFinished = hash(crypto, m, "client_hello", "server_hello", "encrypted_extensions",
                "certificate", "certificate_verify");
        assertHex(schedule.finishedVerifyData(serverFinishedKey, beforeServerFinished), s, "server_finished_verify_data");

        byte[] throughServerFinished = hash(crypto, m, "client_hello", "server_hello", "encrypted_extensions",
                "certificate", "certificate_verify", "server_finished");
        assertHex(throughServerFinished, s, "transcript_hash_through_server_finished");
        byte[] clientAp = schedule.clientApplicationTrafficSecret(master, throughServerFinished);
        byte[] serverAp = schedule.serverApplicationTrafficSecret(master, throughServerFinished);
        assertHex(clientAp, s, "client_application_traffic_secret_0");
        assertHex(serverAp, s, "server_application_traffic_secret_0");
        assertHex(schedule.exporterMasterSecret(master, throughServerFinished), s, "exporter_master_secret");
        assertKeys(schedule.trafficKeys(serverAp, AeadAlgorithm.AES_128_GCM), trace, "server_application_write");
        assertKeys(schedule.trafficKeys(clientAp, AeadAlgorithm.AES_128_GCM), trace, "client_application_write");

        byte[] clientFinishedKey = schedule.finishedKey(clientHs);
        assertHex(clientFinishedKey, s, "client_finished_key");
        assertHex(schedule.finishedVerifyData(clientFinishedKey, throughServerFinished), s, "client_finished_verify_data");

        byte[] throughClientFinished = hash(crypto, m, "client_hello", "server_hello", "encrypted_extensions",
                "certificate", "certificate_verify", "server_finished", "client_finished");
        byte[] resumption = schedule.resumptionMasterSecret(master, throughClientFinished);
        assertHex(resumption, s, "resumption_master_secret");
        assertHex(schedule.resumptionPsk(resumption, bytes(s, "ticket_nonce")), s, "resumption_psk");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void reproducesTheResumptionBinderAndEarlySecrets(CryptoProvider crypto) throws IOException {
        JsonNode trace = load("resumed-0rtt.json");
        JsonNode s = trace.get("secrets");
        JsonNode m = trace.get("handshake_messages");
        Tls13KeySchedule schedule = new Tls13KeySchedule(crypto, HashAlgorithm.SHA256);

        byte[] early = schedule.earlySecret(bytes(s, "psk"));
        assertHex(early, s, "early_secret");
        byte[] binderKey = schedule.binderKey(early, true);
        assertHex(binderKey, s, "binder_key");
        byte[] binderFinishedKey = schedule.finishedKey(binderKey);
        assertHex(binderFinishedKey, s, "binder_finished_key");
        byte[] truncatedHash = hash(crypto, m, "client_hello_truncated_for_binder");
        assertHex(truncatedHash, s, "binder_transcript_hash");
        assertHex(schedule.finishedVerifyData(binderFinishedKey, truncatedHash), s, "psk_binder");

        byte[] clientHelloHash = hash(crypto, m, "client_hello");
        assertHex(schedule.clientEarlyTrafficSecret(early, clientHelloHash), s, "client_early_traffic_secret");
        assertHex(schedule.earlyExporterMasterSecret(early, clientHelloHash), s, "early_exporter_master_secret");

        byte[] handshake = schedule.handshakeSecret(early, bytes(s, "ecdhe_shared_secret"));
        assertHex(handshake, s, "handshake_secret");
        assertHex(schedule.masterSecret(handshake), s, "master_secret");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void reproducesTheHelloRetryRequestTranscript(CryptoProvider crypto) throws IOException {
        JsonNode trace = load("hrr.json");
        JsonNode s = trace.get("secrets");
        JsonNode m = trace.get("handshake_messages");
        Tls13KeySchedule schedule = new Tls13KeySchedule(crypto, HashAlgorithm.SHA256);

        // RFC 8446 §4.4.1: ClientHello1 is replaced by message_hash || 00 00 20 || Hash(ClientHello1).
        Hash running = crypto.newHash(HashAlgorithm.SHA256);
        running.update(bytes(m, "client_hello_1"));
        byte[] clientHello1Hash = running.digest();
        Hash transcript = crypto.newHash(HashAlgorithm.SHA256);
        transcript.update(new byte[] {(byte) 254, 0, 0, 32});
        transcript.update(clientHello1Hash);
        for (String name : new String[] {"hello_retry_request", "client_hello_2", "server_hello"}) {
            transcript.update(bytes(m, name));
        }
        byte[] helloHash = transcript.copy().digest();
        assertHex(helloHash, s, "transcript_hash_through_serverhello");

        byte[] handshake = schedule.handshakeSecret(schedule.earlySecret(null), bytes(s, "ecdhe_shared_secret"));
        assertHex(handshake, s, "handshake_secret");
        assertHex(schedule.clientHandshakeTrafficSecret(handshake, helloHash), s, "client_handshake_traffic_secret");
        assertHex(schedule.serverHandshakeTrafficSecret(handshake, helloHash), s, "server_handshake_traffic_secret");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void nextTrafficSecretAndExporterAreDeterministicExpansions(CryptoProvider crypto) {
        Tls13KeySchedule schedule = new Tls13KeySchedule(crypto, HashAlgorithm.SHA384);
        byte[] secret = new byte[48];
        byte[] next = schedule.nextApplicationTrafficSecret(secret);
        assertThat(next.length, equalTo(48));
        assertThat(HEX.formatHex(schedule.nextApplicationTrafficSecret(secret)), equalTo(HEX.formatHex(next)));
        assertThat(schedule.exporter(secret, "EXPORTER-test", new byte[0], 20).length, equalTo(20));
    }

    private static void assertKeys(TrafficKeys keys, JsonNode trace, String name) {
        JsonNode expected = trace.get("traffic_keys").get(name);
        assertThat(name + " key", HEX.formatHex(keys.key()), equalTo(expected.get("key").asText()));
        assertThat(name + " iv", HEX.formatHex(keys.iv()), equalTo(expected.get("iv").asText()));
    }

    private static void assertHex(byte[] actual, JsonNode secrets, String name) {
        assertThat(name, HEX.formatHex(actual), equalTo(secrets.get(name).asText()));
    }

    private static byte[] bytes(JsonNode node, String name) {
        return HEX.parseHex(node.get(name).asText());
    }

    private static byte[] hash(CryptoProvider crypto, JsonNode messages, String... names) {
        Hash h = crypto.newHash(HashAlgorithm.SHA256);
        for (String name : names) {
            h.update(bytes(messages, name));
        }
        return h.digest();
    }

    static JsonNode load(String file) throws IOException {
        try (InputStream in = Tls13KeyScheduleTest.class.getResourceAsStream("/rfc8448/" + file)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
