package dev.tlsref.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsref.core.CipherSuite.KeyExchange;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.crypto.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The messages the tests decode: RFC 8448's, captured ClientHellos, and TLS 1.2 samples built here. */
final class TestVectors {
    static final String[] RFC8448_TRACES = {"simple-1rtt", "resumed-0rtt", "hrr", "client-auth", "compat-mode"};
    static final String[] CAPTURES = {
        "openssl-3.0-tls1_3-client-hello", "openssl-3.0-tls1_2-client-hello", "jdk-17-client-hello"};

    /** Every RFC 8448 trace uses TLS_AES_128_GCM_SHA256. */
    static final DecodeContext RFC8448_CONTEXT = DecodeContext.tls13(HashAlgorithm.SHA256);

    /** A whole encoded message (header included), where it came from, and the context to decode it in. */
    record Sample(String name, byte[] message, DecodeContext context) {
        HandshakeType type() {
            return new HandshakeType(message[0] & 0xff);
        }

        byte[] body() {
            return Arrays.copyOfRange(message, 4, message.length);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private TestVectors() {}

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The {@code handshake_messages} of one RFC 8448 trace, by name, in file order. */
    static Map<String, byte[]> rfc8448(String trace) {
        try (InputStream in = resource("/message/rfc8448/" + trace + ".json")) {
            JsonNode messages = new ObjectMapper().readTree(in).get("handshake_messages");
            Map<String, byte[]> result = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : messages.properties()) {
                result.put(e.getKey(), hex(e.getValue().asText()));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every complete message of every RFC 8448 trace (not the truncated ClientHello). */
    static List<Sample> rfc8448Messages() {
        List<Sample> samples = new ArrayList<>();
        for (String trace : RFC8448_TRACES) {
            rfc8448(trace).forEach((name, message) -> {
                if (!name.equals("client_hello_truncated_for_binder")) {
                    samples.add(new Sample(trace + "/" + name, message, RFC8448_CONTEXT));
                }
            });
        }
        return samples;
    }

    /** A captured ClientHello (the handshake record's payload: one whole message). */
    static byte[] captured(String name) {
        try (InputStream in = resource("/message/captured/" + name + ".hex")) {
            return hex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Sample> capturedMessages() {
        List<Sample> samples = new ArrayList<>();
        for (String name : CAPTURES) {
            samples.add(new Sample("captured/" + name, captured(name), RFC8448_CONTEXT));
        }
        return samples;
    }

    /** One valid message of each TLS 1.2 form, with some non-trivial content. */
    static List<Sample> tls12Messages() {
        byte[] cert = Arrays.copyOfRange(rfc8448("simple-1rtt").get("certificate"), 11, 443);
        byte[] point = new byte[65];
        Arrays.fill(point, (byte) 0x42);
        point[0] = 4;
        byte[] signature = new byte[72];
        Arrays.fill(signature, (byte) 0x30);
        DecodeContext ecdhe = DecodeContext.tls12(KeyExchange.ECDHE);
        DecodeContext dhe = DecodeContext.tls12(KeyExchange.DHE);
        DecodeContext rsa = DecodeContext.tls12(KeyExchange.RSA);
        List<Sample> samples = new ArrayList<>();
        samples.add(sample("tls12/certificate", new Tls12Certificate(List.of(cert, new byte[] {0x30, 0x00})), ecdhe));
        samples.add(sample("tls12/empty-certificate", new Tls12Certificate(List.of()), ecdhe));
        samples.add(sample("tls12/certificate_request", new Tls12CertificateRequest(
                List.of(ClientCertificateType.ECDSA_SIGN, ClientCertificateType.RSA_SIGN),
                List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256),
                List.of(hex("3011310f300d06035504030c06636c69656e74"), hex("3000"))), ecdhe));
        samples.add(sample("tls12/new_session_ticket", new Tls12NewSessionTicket(7200, hex("0102030405060708")), ecdhe));
        samples.add(sample("tls12/ecdhe_server_key_exchange",
                new EcdheServerKeyExchange(NamedGroup.SECP256R1, point, SignatureScheme.ECDSA_SECP256R1_SHA256, signature),
                ecdhe));
        samples.add(sample("tls12/dhe_server_key_exchange", new DheServerKeyExchange(
                hex("ffffffffffffffffadf85458a2bb4a9a"), hex("02"), hex("1234567890abcdef"),
                SignatureScheme.RSA_PSS_RSAE_SHA256, signature), dhe));
        samples.add(sample("tls12/ecdhe_client_key_exchange", new EcdheClientKeyExchange(point), ecdhe));
        samples.add(sample("tls12/dhe_client_key_exchange", new DheClientKeyExchange(hex("0badc0de")), dhe));
        samples.add(sample("tls12/rsa_client_key_exchange", new RsaClientKeyExchange(signature), rsa));
        samples.add(sample("tls12/certificate_verify",
                new CertificateVerify(SignatureScheme.ECDSA_SECP256R1_SHA256, signature), ecdhe));
        samples.add(sample("tls12/finished", new Finished(hex("000102030405060708090a0b")), ecdhe));
        samples.add(sample("tls12/hello_request", new HelloRequest(), ecdhe));
        samples.add(sample("tls12/server_hello_done", new ServerHelloDone(), ecdhe));
        return samples;
    }

    /** TLS 1.3 messages the RFC 8448 traces lack. */
    static List<Sample> extraTls13Messages() {
        return List.of(
                sample("tls13/key_update", new KeyUpdate(KeyUpdate.Request.UPDATE_REQUESTED), RFC8448_CONTEXT),
                sample("tls13/finished_sha384", new Finished(new byte[48]), DecodeContext.tls13(HashAlgorithm.SHA384)));
    }

    /** Everything above. */
    static List<Sample> allMessages() {
        List<Sample> all = new ArrayList<>(rfc8448Messages());
        all.addAll(capturedMessages());
        all.addAll(tls12Messages());
        all.addAll(extraTls13Messages());
        return all;
    }

    private static Sample sample(String name, HandshakeMessage message, DecodeContext context) {
        return new Sample(name, message.encode(), context);
    }

    private static InputStream resource(String path) {
        InputStream in = TestVectors.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return in;
    }
}
