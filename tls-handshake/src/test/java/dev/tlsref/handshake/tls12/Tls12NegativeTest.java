package dev.tlsref.handshake.tls12;

import static dev.tlsref.core.AlertDescription.BAD_RECORD_MAC;
import static dev.tlsref.core.AlertDescription.DECRYPT_ERROR;
import static dev.tlsref.core.AlertDescription.HANDSHAKE_FAILURE;
import static dev.tlsref.core.AlertDescription.ILLEGAL_PARAMETER;
import static dev.tlsref.core.AlertDescription.INSUFFICIENT_SECURITY;
import static dev.tlsref.core.AlertDescription.PROTOCOL_VERSION;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.ExtendedMasterSecret;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.RenegotiationInfo;
import dev.tlsref.core.extension.SupportedVersionsClientHello;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.DheServerKeyExchange;
import dev.tlsref.core.message.EcdheServerKeyExchange;
import dev.tlsref.core.message.Finished;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.RsaClientKeyExchange;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.core.record.ChangeCipherSpecPolicy;
import dev.tlsref.core.record.RecordProtection;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsConnection;
import dev.tlsref.handshake.engine.HandshakeChannel;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each alert of the TLS 1.2 handshake, provoked by a corrupted or crafted peer message. */
class Tls12NegativeTest {
    private static final Tls12TestPeers PEERS = new Tls12TestPeers();
    private static final CipherSuite ECDSA_SUITE = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;

    /** Runs the handshake; returns the failure of the side that detected the problem. */
    private static TlsAlertException failure(TlsConnection client, TlsConnection server, boolean serverDetects) {
        assertThrows(TlsAlertException.class, () -> Tls12TestPeers.pump(client, server));
        return (serverDetects ? server : client).failure().orElseThrow();
    }

    private static TlsConnection client(TlsConfig.Builder builder) {
        return TlsConnection.client(builder.build(), Tls12TestPeers.HOST);
    }

    // ---- Finished (RFC 5246 §7.4.9) ----

    private static final UnaryOperator<HandshakeMessage> CORRUPT_FINISHED = m -> {
        if (m instanceof Finished finished) {
            byte[] data = finished.verifyData();
            data[0] ^= 1;
            return new Finished(data);
        }
        return m;
    };

    @Test
    void serverRefusesAWrongClientFinished() {
        TlsConnection client = client(PEERS.client(ECDSA_SUITE).outgoingMessageRewriterForTesting(CORRUPT_FINISHED));
        TlsConnection server = TlsConnection.server(PEERS.server().build());
        TlsAlertException e = failure(client, server, true);
        assertThat(e.alert(), equalTo(DECRYPT_ERROR));
        assertThat(e.getMessage(), containsString("client Finished"));
    }

    @Test
    void clientRefusesAWrongServerFinished() {
        TlsConnection client = client(PEERS.client(ECDSA_SUITE));
        TlsConnection server = TlsConnection.server(PEERS.server().outgoingMessageRewriterForTesting(CORRUPT_FINISHED).build());
        TlsAlertException e = failure(client, server, false);
        assertThat(e.alert(), equalTo(DECRYPT_ERROR));
        assertThat(e.getMessage(), containsString("server Finished"));
    }

    // ---- ServerKeyExchange (RFC 5246 §7.4.3, RFC 8422 §5.4, RFC 7919) ----

    @Test
    void clientRefusesABadServerKeyExchangeSignature() {
        TlsConnection client = client(PEERS.client(ECDSA_SUITE));
        TlsConnection server = TlsConnection.server(PEERS.server().outgoingMessageRewriterForTesting(m -> {
            if (m instanceof EcdheServerKeyExchange ske) {
                byte[] key = ske.publicKey();
                key[key.length - 1] ^= 1; // the signed params no longer match the signature
                return new EcdheServerKeyExchange(ske.group(), key, ske.signatureAlgorithm(), ske.signature());
            }
            return m;
        }).build());
        TlsAlertException e = failure(client, server, false);
        assertThat(e.alert(), equalTo(DECRYPT_ERROR));
        assertThat(e.getMessage(), containsString("ServerKeyExchange signature does not verify"));
    }

    @Test
    void clientRefusesAServerKeyExchangeSignedWithASchemeNotOffered() {
        TlsConnection client = client(PEERS.client(ECDSA_SUITE).signatureSchemes(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256)));
        TlsConnection server = TlsConnection.server(PEERS.server().outgoingMessageRewriterForTesting(m -> {
            if (m instanceof EcdheServerKeyExchange ske) {
                return new EcdheServerKeyExchange(ske.group(), ske.publicKey(), SignatureScheme.ECDSA_SECP384R1_SHA384,
                        ske.signature());
            }
            return m;
        }).build());
        assertThat(failure(client, server, false).alert(), equalTo(ILLEGAL_PARAMETER));
    }

    @Test
    void clientRefusesAGroupItDidNotOffer() {
        TlsConnection client = client(PEERS.client(ECDSA_SUITE).groups(List.of(dev.tlsref.core.NamedGroup.X25519)));
        TlsConnection server = TlsConnection.server(PEERS.server().outgoingMessageRewriterForTesting(m -> {
            if (m instanceof EcdheServerKeyExchange ske) {
                return new EcdheServerKeyExchange(dev.tlsref.core.NamedGroup.SECP256R1, new byte[65], ske.signatureAlgorithm(),
                        ske.signature());
            }
            return m;
        }).build());
        assertThat(failure(client, server, false).alert(), equalTo(ILLEGAL_PARAMETER));
    }

    @Test
    void clientRefusesADhPrimeOf1024Bits() {
        BigInteger smallPrime = BigInteger.probablePrime(1024, new SecureRandom());
        TlsConnection client = client(PEERS.client(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256));
        TlsConnection server = TlsConnection.server(PEERS.server().outgoingMessageRewriterForTesting(m -> {
            if (m instanceof DheServerKeyExchange ske) {
                return new DheServerKeyExchange(Tls12ServerHandshake.stripLeadingZeros(smallPrime.toByteArray()),
                        new byte[] {2}, new byte[] {5}, ske.signatureAlgorithm(), ske.signature());
            }
            return m;
        }).build());
        TlsAlertException e = failure(client, server, false);
        assertThat(e.alert(), equalTo(INSUFFICIENT_SECURITY));
        assertThat(e.getMessage(), containsString("1024 bits"));
    }

    // ---- RSA key exchange (RFC 5246 §7.4.7.1): one alert, at one point, for every bad padding ----

    static Stream<String> badPremasters() {
        return Stream.of("random", "wrongVersion", "shortSecret", "longSecret", "wrongBlockType", "noSeparator",
                "truncatedCiphertext", "empty");
    }

    private static byte[] badPremaster(String kind) throws Exception {
        RSAPublicKey key = (RSAPublicKey) PEERS.rsaLeaf.certificate().getPublicKey();
        int k = (key.getModulus().bitLength() + 7) / 8;
        SecureRandom random = new SecureRandom();
        byte[] secret48 = new byte[48];
        random.nextBytes(secret48);
        secret48[0] = 3;
        secret48[1] = 3;
        switch (kind) {
            case "random": {
                byte[] c = new byte[k];
                random.nextBytes(c);
                c[0] = 0;
                return c;
            }
            case "wrongVersion":
                secret48[1] = 1;
                return pkcs1(key, secret48);
            case "shortSecret":
                return pkcs1(key, Arrays.copyOf(secret48, 47));
            case "longSecret":
                return pkcs1(key, Arrays.copyOf(secret48, 49));
            case "wrongBlockType":
                return raw(key, block(k, 1, secret48, true));
            case "noSeparator":
                return raw(key, block(k, 2, secret48, false));
            case "truncatedCiphertext":
                return Arrays.copyOf(pkcs1(key, secret48), k - 1);
            case "empty":
                return new byte[0];
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    private static byte[] pkcs1(RSAPublicKey key, byte[] message) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(message);
    }

    /** 00 || type || nonzero padding || [00] || message, with a chosen block type and separator. */
    private static byte[] block(int k, int type, byte[] message, boolean separator) {
        byte[] em = new byte[k];
        em[1] = (byte) type;
        for (int i = 2; i < k - message.length; i++) {
            em[i] = (byte) 0xff;
        }
        if (separator) {
            em[k - message.length - 1] = 0;
        }
        System.arraycopy(message, 0, em, k - message.length, message.length);
        return em;
    }

    private static byte[] raw(RSAPublicKey key, byte[] em) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(em);
    }

    @ParameterizedTest
    @MethodSource("badPremasters")
    void serverAnswersEveryMalformedRsaPremasterAlikeAtTheClientFinished(String kind) throws Exception {
        byte[] bad = badPremaster(kind);
        List<String> serverSteps = new ArrayList<>();
        TlsConnection client = client(PEERS.client(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)
                .outgoingMessageRewriterForTesting(m -> m instanceof RsaClientKeyExchange ? new RsaClientKeyExchange(bad) : m));
        TlsConnection server = TlsConnection.server(PEERS.server().listener(new dev.tlsref.handshake.HandshakeListener() {
            @Override
            public void note(String step) {
                serverSteps.add(step);
            }
        }).build());
        TlsAlertException e = failure(client, server, true);
        // The server derived keys from a random premaster secret and failed only when the
        // client's Finished record did not decrypt: the same alert and reason for every kind.
        assertThat(e.alert(), equalTo(BAD_RECORD_MAC));
        assertThat(serverSteps.contains("master secret derived") || serverSteps.contains(
                "extended master secret derived (RFC 7627)"), is(true));
        assertThat(e.getMessage(), equalTo(referenceRsaFailure().getMessage()));
    }

    /** The failure for a well-formed premaster encrypted to the right key whose Finished is under other keys. */
    private static TlsAlertException referenceRsaFailure() throws Exception {
        byte[] bad = badPremaster("random");
        TlsConnection client = client(PEERS.client(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)
                .outgoingMessageRewriterForTesting(m -> m instanceof RsaClientKeyExchange ? new RsaClientKeyExchange(bad) : m));
        TlsConnection server = TlsConnection.server(PEERS.server().build());
        return failure(client, server, true);
    }

    // ---- Extended master secret (RFC 7627) ----

    private static UnaryOperator<HandshakeMessage> removeExtension(Class<? extends Extension> kind) {
        return m -> {
            if (m instanceof ClientHello hello) {
                return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                        hello.legacyCompressionMethods(), Optional.of(without(hello.extensions(), kind)));
            }
            if (m instanceof ServerHello hello) {
                return new ServerHello(hello.random(), hello.legacySessionIdEcho(), hello.cipherSuite(),
                        without(hello.extensions(), kind));
            }
            return m;
        };
    }

    private static Extensions without(Extensions extensions, Class<? extends Extension> kind) {
        return Extensions.of(extensions.asList().stream().filter(e -> !kind.isInstance(e)).toList());
    }

    @Test
    void serverRefusesAClientWithoutExtendedMasterSecret() {
        TlsConnection client = client(PEERS.client(ECDSA_SUITE).requireExtendedMasterSecret(false)
                .outgoingMessageRewriterForTesting(removeExtension(ExtendedMasterSecret.class)));
        TlsConnection server = TlsConnection.server(PEERS.server().build());
        TlsAlertException e = failure(client, server, true);
        assertThat(e.alert(), equalTo(HANDSHAKE_FAILURE));
        assertThat(e.getMessage(), equalTo("client does not support extended master secret (RFC 7627)"));
    }

    @Test
    void clientRefusesAServerWithoutExtendedMasterSecret() {
        TlsConnection client = client(PEERS.client(ECDSA_SUITE));
        TlsConnection server = TlsConnection.server(PEERS.server()
                .outgoingMessageRewriterForTesting(removeExtension(ExtendedMasterSecret.class)).build());
        TlsAlertException e = failure(client, server, false);
        assertThat(e.alert(), equalTo(HANDSHAKE_FAILURE));
        assertThat(e.getMessage(), containsString("extended master secret"));
    }

    @Test
    void withoutExtendedMasterSecretBothSidesMayAgreeWhenAllowed() throws Exception {
        TlsConnection client = client(PEERS.client(ECDSA_SUITE).requireExtendedMasterSecret(false)
                .outgoingMessageRewriterForTesting(removeExtension(ExtendedMasterSecret.class)));
        TlsConnection server = TlsConnection.server(PEERS.server().requireExtendedMasterSecret(false).build());
        Tls12TestPeers.pump(client, server);
        Tls12HandshakeTest.exchangesData(client, server);
    }

    // ---- Renegotiation indication (RFC 5746) ----

    @Test
    void clientRefusesAServerWithoutRenegotiationInfo() {
        TlsConnection client = client(PEERS.client(ECDSA_SUITE));
        TlsConnection server = TlsConnection.server(PEERS.server()
                .outgoingMessageRewriterForTesting(removeExtension(RenegotiationInfo.class)).build());
        assertThat(failure(client, server, false).alert(), equalTo(HANDSHAKE_FAILURE));
    }

    @Test
    void serverRefusesANonEmptyRenegotiationInfoInAnInitialHello() {
        TlsConnection client = client(PEERS.client(ECDSA_SUITE).outgoingMessageRewriterForTesting(m -> {
            if (m instanceof ClientHello hello) {
                List<Extension> extensions = new ArrayList<>(without(hello.extensions(), RenegotiationInfo.class).asList());
                extensions.add(new RenegotiationInfo(new byte[12]));
                return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                        hello.legacyCompressionMethods(), Optional.of(Extensions.of(extensions)));
            }
            return m;
        }));
        TlsConnection server = TlsConnection.server(PEERS.server().build());
        TlsAlertException e = failure(client, server, true);
        assertThat(e.alert(), equalTo(HANDSHAKE_FAILURE));
        assertThat(e.getMessage(), containsString("RFC 5746"));
    }

    // ---- Versions and suites (RFC 8996, DESIGN.md) ----

    static Stream<Integer> oldVersions() {
        return Stream.of(0x0300, 0x0301, 0x0302);
    }

    @ParameterizedTest
    @MethodSource("oldVersions")
    void serverRefusesClientsOfOldVersionsWithProtocolVersion(int version) {
        ClientHello hello = new ClientHello(new ProtocolVersion(version), new byte[32], new byte[0],
                List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256), new byte[] {0}, Optional.empty());
        TlsAlertException e = serverFailureFor(hello);
        assertThat(e.alert(), equalTo(PROTOCOL_VERSION));
        assertThat(e.getMessage(), containsString("RFC 8996"));
    }

    @Test
    void serverRefusesAClientThatOffersOnlyOldVersionsInSupportedVersions() {
        ClientHello hello = new ClientHello(ProtocolVersion.TLS1_2, new byte[32], new byte[0], List.of(ECDSA_SUITE),
                new byte[] {0}, Optional.of(Extensions.of(
                        SupportedVersionsClientHello.of(ProtocolVersion.TLS1_1, ProtocolVersion.TLS1_0))));
        assertThat(serverFailureFor(hello).alert(), equalTo(PROTOCOL_VERSION));
    }

    @Test
    void serverRefusesAClientOfferingOnlyNonAeadSuites() {
        // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_RC4_128_SHA
        ClientHello hello = new ClientHello(ProtocolVersion.TLS1_2, new byte[32], new byte[0],
                List.of(new CipherSuite(0xc013), new CipherSuite(0x002f), new CipherSuite(0x0005)), new byte[] {0},
                Optional.of(Extensions.of(new ExtendedMasterSecret())));
        TlsAlertException e = serverFailureFor(hello);
        assertThat(e.alert(), equalTo(HANDSHAKE_FAILURE));
        assertThat(e.getMessage(), containsString("non-AEAD suites are refused"));
    }

    private static TlsAlertException serverFailureFor(ClientHello hello) {
        byte[] message = hello.encode();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {22, 3, 1, (byte) (message.length >> 8), (byte) message.length});
        record.writeBytes(message);
        TlsConnection server = TlsConnection.server(PEERS.server().build());
        assertThrows(TlsAlertException.class, () -> server.receive(java.nio.ByteBuffer.wrap(record.toByteArray())));
        return server.failure().orElseThrow();
    }

    // ---- Downgrade protection (RFC 8446 §4.1.3) ----

    @Test
    void tls13CapableClientRefusesTheDowngradeSentinel() throws Exception {
        TlsConfig config = PEERS.client(ECDSA_SUITE).versions(List.of(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_2))
                .build();
        ClientHello hello = Tls12ClientHandshake.buildClientHello(config, Tls12TestPeers.HOST, Optional.empty());
        Tls12ClientHandshake handshake = new Tls12ClientHandshake(config, Tls12TestPeers.HOST, new NullChannel(), hello,
                hello.encode());
        byte[] random = ServerHello.DowngradeSentinel.TLS12.applyTo(new byte[32]);
        ServerHello serverHello = new ServerHello(random, new byte[0], ECDSA_SUITE,
                Extensions.of(new RenegotiationInfo(new byte[0]), new ExtendedMasterSecret()));
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> handshake.handleMessage(serverHello.encode()));
        assertThat(e.alert(), equalTo(ILLEGAL_PARAMETER));
        assertThat(e.getMessage(), containsString("downgrade"));
    }

    @Test
    void tls12OnlyClientAcceptsTheSentinelOfATls13Server() throws Exception {
        TlsConfig config = PEERS.client(ECDSA_SUITE).build();
        ClientHello hello = Tls12ClientHandshake.buildClientHello(config, Tls12TestPeers.HOST, Optional.empty());
        Tls12ClientHandshake handshake = new Tls12ClientHandshake(config, Tls12TestPeers.HOST, new NullChannel(), hello,
                hello.encode());
        byte[] random = ServerHello.DowngradeSentinel.TLS12.applyTo(new byte[32]);
        handshake.handleMessage(new ServerHello(random, new byte[0], ECDSA_SUITE,
                Extensions.of(new RenegotiationInfo(new byte[0]), new ExtendedMasterSecret())).encode());
        assertThat(handshake.isComplete(), is(false));
    }

    @Test
    void clientIgnoresHelloRequest() throws Exception {
        TlsConfig config = PEERS.client(ECDSA_SUITE).build();
        ClientHello hello = Tls12ClientHandshake.buildClientHello(config, Tls12TestPeers.HOST, Optional.empty());
        Tls12ClientHandshake handshake = new Tls12ClientHandshake(config, Tls12TestPeers.HOST, new NullChannel(), hello,
                hello.encode());
        // RFC 5246 §7.4.1.1, RFC 5746 §4.2: a HelloRequest is ignored; the handshake goes on.
        handshake.handleMessage(new dev.tlsref.core.message.HelloRequest().encode());
        handshake.handleMessage(new ServerHello(new byte[32], new byte[0], ECDSA_SUITE,
                Extensions.of(new RenegotiationInfo(new byte[0]), new ExtendedMasterSecret())).encode());
        assertThat(handshake.isComplete(), is(false));
    }

    /** A channel that encodes and forgets. */
    private static final class NullChannel implements HandshakeChannel {
        @Override
        public byte[] send(HandshakeMessage message) {
            return message.encode();
        }

        @Override
        public void sendChangeCipherSpec() {}

        @Override
        public void setWriteProtection(RecordProtection protection) {}

        @Override
        public void setReadProtection(RecordProtection protection) {}

        @Override
        public void setChangeCipherSpecPolicy(ChangeCipherSpecPolicy policy) {}

        @Override
        public void setRecordVersion(ProtocolVersion version) {}

        @Override
        public void setPeerRecordSizeLimit(int limit) {}

        @Override
        public void setOwnRecordSizeLimit(int limit) {}

        @Override
        public void handshakeComplete(NegotiatedParameters parameters) {}
    }

}
