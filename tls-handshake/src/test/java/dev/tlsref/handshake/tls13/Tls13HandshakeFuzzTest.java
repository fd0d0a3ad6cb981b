package dev.tlsref.handshake.tls13;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ContentType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.core.record.RecordProtection;
import dev.tlsref.core.record.RecordWriter;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsConnection;
import dev.tlsref.handshake.TlsPeerAlertException;
import dev.tlsref.handshake.session.TicketKeys;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.KeyType;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.HexFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds 20,000 mutated handshake flights to tlsref TlsConnections, client and server: every
 * outcome must be success or a {@link TlsAlertException} whose alert is not internal_error
 * (TlsConnection turns any RuntimeException into internal_error, so internal_error means a
 * bug). Seeded and deterministic: the same outcome counts on every run.
 *
 * <p>The flights come from one recorded in-memory handshake whose both sides are
 * deterministic (seeded randoms, fixed x25519 keys, an Ed25519 server certificate), so a
 * fresh connection given the same config accepts the recorded peer flights unchanged (checked
 * first). Mutations hit: the ClientHello record, the client's CCS+Finished flight, the
 * ServerHello (re-framed), the server's encrypted EncryptedExtensions..Finished (mutated in
 * the clear and re-sealed under the recorded server handshake traffic secret, so they reach
 * the message decoders and the handshake logic), the client Finished (likewise re-sealed) and
 * the server's NewSessionTicket record.
 */
class Tls13HandshakeFuzzTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TestPki PKI = new TestPki(NOW);
    // Fixed Ed25519 keys and a fixed clock make the certificates, and so the whole recording, repeatable.
    private static final TestPki.Issued ROOT = PKI.certificate("fuzz root").subjectKeyPair(ed25519(1), KeyType.ED25519)
            .ca(-1).build();
    private static final TestPki.Issued LEAF = PKI.leaf("localhost").subjectKeyPair(ed25519(2), KeyType.ED25519)
            .dnsNames("localhost").issuedBy(ROOT).build();
    private static final byte[] CLIENT_X25519 = filled(0x11);
    private static final byte[] SERVER_X25519 = filled(0x22);
    private static final CryptoProvider CRYPTO = CryptoProviders.jca();

    /** An Ed25519 key pair from a fixed seed (RFC 8410 encodings). */
    private static KeyPair ed25519(int seedByte) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) seedByte);
        byte[] publicKey = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(concat(HexFormat.of().parseHex("302a300506032b6570032100"),
                            publicKey))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(concat(
                            HexFormat.of().parseHex("302e020100300506032b657004220420"), seed))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        key[0] &= (byte) 0xf8;
        return key;
    }

    /** A SecureRandom that is a seeded, repeatable stream. */
    private static final class SeededRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final SplittableRandom stream;

        SeededRandom(long seed) {
            super(new byte[0]);
            stream = new SplittableRandom(seed);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            stream.nextBytes(bytes);
        }
    }

    /** Keeps the messages a side received (encoded) and the secrets it derived. */
    private static final class Tap implements HandshakeListener {
        final Map<String, byte[]> secrets = new HashMap<>();
        final List<byte[]> received = new ArrayList<>();

        @Override
        public void secretDerived(String label, byte[] clientRandom, byte[] secret) {
            secrets.put(label, secret.clone());
        }

        @Override
        public void messageReceived(HandshakeMessage message, byte[] encoded) {
            received.add(encoded.clone());
        }
    }

    private static TlsConfig clientConfig(HandshakeListener listener) {
        return TlsConfig.builder().crypto(CRYPTO).clock(CLOCK).random(new SeededRandom(1))
                .trustAnchors(List.of(ROOT.certificate()))
                .ephemeralPrivateKeysForTesting(g -> g.equals(NamedGroup.X25519)
                        ? Optional.of(CLIENT_X25519.clone()) : Optional.empty())
                .listener(listener).build();
    }

    private static TlsConfig serverConfig(HandshakeListener listener) {
        return TlsConfig.builder().crypto(CRYPTO).clock(CLOCK).random(new SeededRandom(2))
                .ticketKeys(new TicketKeys(CRYPTO, CLOCK, Duration.ofHours(2), new SeededRandom(3)))
                .certifiedKey(new CertifiedKey(List.of(LEAF.certificate()), LEAF.privateKey()))
                .ephemeralPrivateKeysForTesting(g -> g.equals(NamedGroup.X25519)
                        ? Optional.of(SERVER_X25519.clone()) : Optional.empty())
                .listener(listener).build();
    }

    /** The recorded handshake: flights and what is needed to re-seal mutated plaintext. */
    private record Recording(byte[] c1, byte[] c2, byte[] s1, byte[] s2, byte[] serverHelloRecord,
            byte[] serverHelloMessage, byte[] s1ClearPart, byte[] serverEncryptedHandshake, byte[] clientFinished,
            byte[] serverHandshakeSecret, byte[] clientHandshakeSecret, CipherSuite suite) {}

    private static Recording record() throws TlsAlertException {
        Tap clientTap = new Tap();
        Tap serverTap = new Tap();
        TlsConnection client = TlsConnection.client(clientConfig(clientTap), "localhost");
        TlsConnection server = TlsConnection.server(serverConfig(serverTap));
        client.start();
        byte[] c1 = client.takeOutput();
        server.receive(c1.clone(), 0, c1.length);
        byte[] s1 = server.takeOutput();
        client.receive(s1.clone(), 0, s1.length);
        byte[] c2 = client.takeOutput();
        server.receive(c2.clone(), 0, c2.length);
        byte[] s2 = server.takeOutput();
        client.receive(s2.clone(), 0, s2.length);
        assertThat(client.isHandshakeComplete() && server.isHandshakeComplete(), is(true));
        CipherSuite suite = client.parameters().orElseThrow().cipherSuite();

        int shLength = 5 + (((s1[3] & 0xff) << 8) | (s1[4] & 0xff));
        byte[] serverHelloRecord = Arrays.copyOf(s1, shLength);
        int ccsLength = 5 + (((s1[shLength + 3] & 0xff) << 8) | (s1[shLength + 4] & 0xff));
        assertThat(s1[shLength] & 0xff, equalTo(20));
        byte[] clearPart = Arrays.copyOf(s1, shLength + ccsLength);
        // What the client received: ServerHello, EE, Certificate, CertificateVerify, Finished, NST.
        List<byte[]> c = clientTap.received;
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        for (int i = 1; i <= 4; i++) {
            encrypted.writeBytes(c.get(i));
        }
        // What the server received: ClientHello, Finished.
        byte[] clientFinished = serverTap.received.get(serverTap.received.size() - 1);
        return new Recording(c1, c2, s1, s2, serverHelloRecord, c.get(0), clearPart, encrypted.toByteArray(),
                clientFinished, clientTap.secrets.get("SERVER_HANDSHAKE_TRAFFIC_SECRET"),
                clientTap.secrets.get("CLIENT_HANDSHAKE_TRAFFIC_SECRET"), suite);
    }

    // ---------------------------------------------------------------- mutations

    private static byte[] mutate(byte[] input, SplittableRandom r) {
        byte[] out = input.clone();
        int rounds = 1 + r.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            out = mutateOnce(out, r);
        }
        return out;
    }

    private static byte[] mutateOnce(byte[] in, SplittableRandom r) {
        int n = in.length;
        int kind = r.nextInt(n == 0 ? 1 : 9);
        if (kind == 0) {
            byte[] noise = new byte[r.nextInt(300)];
            r.nextBytes(noise);
            return noise;
        }
        int at = r.nextInt(n);
        byte[] out = in.clone();
        switch (kind) {
            case 1 -> {
                for (int flips = 1 + r.nextInt(8); flips > 0; flips--) {
                    int p = r.nextInt(n);
                    out[p] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 2 -> out[at] = (byte) new int[] {0, 0xff, 0x7f, 0x80, 1, out[at] + 1, out[at] - 1,
                    r.nextInt(256)}[r.nextInt(8)];
            case 3 -> out = Arrays.copyOf(in, at);
            case 4 -> {
                byte[] insert = new byte[1 + r.nextInt(16)];
                r.nextBytes(insert);
                out = concat(Arrays.copyOf(in, at), insert, Arrays.copyOfRange(in, at, n));
            }
            case 5 -> {
                int end = Math.min(n, at + 1 + r.nextInt(32));
                out = concat(Arrays.copyOf(in, at), Arrays.copyOfRange(in, end, n));
            }
            case 6 -> {
                int end = Math.min(n, at + 1 + r.nextInt(64));
                out = concat(Arrays.copyOf(in, end), Arrays.copyOfRange(in, at, n));
            }
            case 7 -> {
                // A length-like field: 1 to 3 bytes set to an edge value.
                int width = 1 + r.nextInt(3);
                long value = new long[] {0, 1, (1L << (8 * width)) - 1, r.nextInt(1 << (8 * width)),
                        readBe(in, at, width) + 1, readBe(in, at, width) - 1}[r.nextInt(6)];
                for (int k = 0; k < width && at + k < n; k++) {
                    out[at + k] = (byte) (value >>> (8 * (width - 1 - k)));
                }
            }
            default -> {
                int p = r.nextInt(n);
                byte t = out[at];
                out[at] = out[p];
                out[p] = t;
            }
        }
        return out;
    }

    private static long readBe(byte[] in, int at, int width) {
        long v = 0;
        for (int k = 0; k < width; k++) {
            v = (v << 8) | (at + k < in.length ? in[at + k] & 0xff : 0);
        }
        return v;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A plaintext handshake record around {@code message} (cut to fit one record). */
    private static byte[] plaintextRecord(byte[] message) {
        int length = Math.min(message.length, 16384);
        byte[] record = new byte[5 + length];
        record[0] = 22;
        record[1] = 3;
        record[2] = 3;
        record[3] = (byte) (length >>> 8);
        record[4] = (byte) length;
        System.arraycopy(message, 0, record, 5, length);
        return record;
    }

    /** {@code plaintext} as protected handshake records under a fresh writer for {@code secret}. */
    private static byte[] seal(Recording rec, byte[] secret, byte[] plaintext) throws TlsAlertException {
        if (plaintext.length == 0) {
            plaintext = new byte[] {0};
        }
        TrafficKeys keys = new Tls13KeySchedule(CRYPTO, rec.suite().hash()).trafficKeys(secret, rec.suite().aead());
        RecordWriter writer = new RecordWriter();
        writer.setProtection(RecordProtection.tls13(CRYPTO, rec.suite().aead(), keys.key(), keys.iv()));
        return writer.write(ContentType.HANDSHAKE, plaintext);
    }

    // ---------------------------------------------------------------- the run

    /** Outcome counts by kind, and the first few bugs. */
    private static final class Outcomes {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        final List<String> bugs = new ArrayList<>();
        int runs;

        /** Feeds; true if the connection completed its handshake. */
        boolean feed(Supplier<TlsConnection> fresh, byte[][] before, byte[] mutated, String target) {
            runs++;
            TlsConnection connection = fresh.get();
            String outcome;
            try {
                connection.start();
                for (byte[] b : before) {
                    byte[] copy = b.clone();
                    connection.receive(copy, 0, copy.length);
                    connection.takeOutput();
                }
                byte[] copy = mutated.clone();
                connection.receive(copy, 0, copy.length);
                outcome = connection.isHandshakeComplete() ? "completed" : "waiting for more";
            } catch (TlsPeerAlertException e) {
                outcome = "peer alert record";
            } catch (TlsAlertException e) {
                outcome = e.alert().name();
                if (e.alert().equals(AlertDescription.INTERNAL_ERROR) && bugs.size() < 10) {
                    bugs.add(target + ": " + e + (e.getCause() != null ? " <- " + e.getCause() : "")
                            + " at " + (e.getCause() != null ? Arrays.toString(Arrays.copyOf(
                                    e.getCause().getStackTrace(), Math.min(4, e.getCause().getStackTrace().length)))
                                    : ""));
                }
            } catch (RuntimeException e) {
                outcome = "escaped " + e.getClass().getSimpleName();
                if (bugs.size() < 10) {
                    bugs.add(target + ": escaped " + e);
                }
            }
            counts.merge(target + " -> " + outcome, 1, Integer::sum);
            return connection.isHandshakeComplete();
        }

        /**
         * Feeds a flight whose every mutated byte is covered by the transcript or is part of
         * the protected handshake stream: completing is allowed only if the mutation left it
         * unchanged; anything else is accepted tampering (bytes after the last message would be
         * a partial message across a key change, RFC 8446 §5.1).
         */
        void feedCovered(Supplier<TlsConnection> fresh, byte[][] before, byte[] flight, String target,
                byte[] mutatedPlaintext, byte[] original) {
            boolean completed = feed(fresh, before, flight, target);
            boolean intact = Arrays.equals(mutatedPlaintext, original);
            if (completed && !intact && bugs.size() < 10) {
                bugs.add(target + ": completed although the mutation changed covered bytes");
            }
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void mutatedFlightsNeverCauseInternalErrorOrAnEscapingException() throws Exception {
        Recording rec = record();
        Supplier<TlsConnection> server = () -> TlsConnection.server(serverConfig(HandshakeListener.NONE));
        Supplier<TlsConnection> client = () -> TlsConnection.client(clientConfig(HandshakeListener.NONE), "localhost");
        Outcomes outcomes = new Outcomes();

        // The recording replays: fresh connections accept the recorded flights unchanged.
        outcomes.feed(server, new byte[][] {rec.c1()}, rec.c2(), "replay server");
        outcomes.feed(client, new byte[][] {rec.s1()}, rec.s2(), "replay client");
        assertThat(outcomes.counts.get("replay server -> completed"), equalTo(1));
        assertThat(outcomes.counts.get("replay client -> completed"), equalTo(1));

        SplittableRandom r = new SplittableRandom(0x7153_2026L);
        byte[][] none = {};
        byte[][] afterC1 = {rec.c1()};
        byte[] ccs = {20, 3, 3, 0, 1, 1};
        for (int i = 0; i < 6000; i++) {
            outcomes.feed(server, none, mutate(rec.c1(), r), "ClientHello record");
        }
        for (int i = 0; i < 1500; i++) {
            outcomes.feed(server, afterC1, mutate(rec.c2(), r), "client CCS+Finished flight");
        }
        for (int i = 0; i < 2000; i++) {
            byte[] plaintext = mutate(rec.clientFinished(), r);
            byte[] finished = seal(rec, rec.clientHandshakeSecret(), plaintext);
            outcomes.feedCovered(server, afterC1, concat(ccs, finished), "client Finished re-sealed", plaintext,
                    rec.clientFinished());
        }
        byte[] s1Rest = Arrays.copyOfRange(rec.s1(), rec.serverHelloRecord().length, rec.s1().length);
        for (int i = 0; i < 4000; i++) {
            if (r.nextInt(4) == 0) {
                outcomes.feed(client, none, mutate(rec.s1(), r), "server flight");
            } else {
                byte[] serverHello = mutate(rec.serverHelloMessage(), r);
                byte[] flight = concat(plaintextRecord(serverHello), s1Rest);
                outcomes.feedCovered(client, none, flight, "ServerHello", serverHello, rec.serverHelloMessage());
            }
        }
        for (int i = 0; i < 5500; i++) {
            byte[] plaintext = mutate(rec.serverEncryptedHandshake(), r);
            byte[] sealed = seal(rec, rec.serverHandshakeSecret(), plaintext);
            outcomes.feedCovered(client, none, concat(rec.s1ClearPart(), sealed), "server EE..Finished re-sealed",
                    plaintext, rec.serverEncryptedHandshake());
        }
        byte[][] afterS1 = {rec.s1()};
        for (int i = 0; i < 1000; i++) {
            outcomes.feed(client, afterS1, mutate(rec.s2(), r), "NewSessionTicket record");
        }

        System.out.println("fuzz outcomes (" + outcomes.runs + " runs):");
        outcomes.counts.forEach((k, v) -> System.out.println("  " + v + "\t" + k));
        assertThat(outcomes.runs, greaterThanOrEqualTo(20_000));
        assertThat(outcomes.bugs, empty());
        // The fuzzer got past the decoders: some mutated server flights still complete or fail late.
        assertThat(outcomes.counts.keySet().stream().anyMatch(k -> k.startsWith("server EE..Finished re-sealed -> "
                + AlertDescription.DECRYPT_ERROR.name())), is(true));
    }

    @Test
    void theRecordedServerHelloIsAServerHello() throws Exception {
        Recording rec = record();
        assertThat(Tls13ServerTestSupport.decode(rec.serverHelloMessage()) instanceof ServerHello, is(true));
    }
}
