package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 8448 §3: the server's CertificateVerify, an rsa_pss_rsae_sha256 signature by the RSA key
 * of RFC 8448 §2, verifies on both providers. Data: {@code rfc8448/simple-1rtt.json}.
 */
class RsaPssRfc8448Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final int RSA_PSS_RSAE_SHA256 = 0x0804; // RFC 8446 §4.2.3

    private static PublicKey serverPublicKey;
    private static PrivateKey serverPrivateKey;
    private static byte[] signedContent;
    private static byte[] signature;

    @BeforeAll
    static void readTrace() throws Exception {
        JsonNode trace;
        try (InputStream in = RsaPssRfc8448Test.class.getResourceAsStream("/rfc8448/simple-1rtt.json")) {
            trace = new ObjectMapper().readTree(in);
        }
        JsonNode key = trace.get("server_rsa_private_key");
        BigInteger n = number(key, "modulus");
        BigInteger e = number(key, "public_exponent");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        serverPublicKey = rsa.generatePublic(new RSAPublicKeySpec(n, e));
        serverPrivateKey = rsa.generatePrivate(new RSAPrivateCrtKeySpec(n, e, number(key, "private_exponent"),
                number(key, "prime1"), number(key, "prime2"), number(key, "exponent1"), number(key, "exponent2"),
                number(key, "coefficient")));

        JsonNode messages = trace.get("handshake_messages");
        // RFC 8446 §4.4.3: Transcript-Hash(ClientHello .. Certificate).
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String name : new String[] {"client_hello", "server_hello", "encrypted_extensions", "certificate"}) {
            sha256.update(HEX.parseHex(messages.get(name).asText()));
        }
        signedContent = certificateVerifyContent(sha256.digest());
        signature = certificateVerifySignature(HEX.parseHex(messages.get("certificate_verify").asText()));
    }

    private static BigInteger number(JsonNode key, String field) {
        return new BigInteger(key.get(field).asText(), 16);
    }

    /** RFC 8446 §4.4.3: 64 spaces, the context string, a zero byte, the transcript hash. */
    private static byte[] certificateVerifyContent(byte[] transcriptHash) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        byte[] spaces = new byte[64];
        Arrays.fill(spaces, (byte) 0x20);
        content.write(spaces);
        content.write("TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.US_ASCII));
        content.write(0);
        content.write(transcriptHash);
        return content.toByteArray();
    }

    /**
     * RFC 8446 §4.4.3: {@code struct { SignatureScheme algorithm; opaque signature<0..2^16-1>; }}
     * behind the 4-byte handshake header of type certificate_verify (15).
     */
    private static byte[] certificateVerifySignature(byte[] message) {
        assertThat(message[0] & 0xff, is(15));
        int bodyLength = ((message[1] & 0xff) << 16) | ((message[2] & 0xff) << 8) | (message[3] & 0xff);
        assertThat(bodyLength, is(message.length - 4));
        assertThat(((message[4] & 0xff) << 8) | (message[5] & 0xff), is(RSA_PSS_RSAE_SHA256));
        int signatureLength = ((message[6] & 0xff) << 8) | (message[7] & 0xff);
        assertThat(signatureLength, is(message.length - 8));
        return Arrays.copyOfRange(message, 8, message.length);
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void serverCertificateVerifyOfRfc8448Verifies(CryptoProvider provider) {
        assertThat(signature.length, is(128)); // a 1024-bit key
        assertThat(provider.verify(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, serverPublicKey, signedContent, signature),
                is(true));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void certificateVerifyFailsForAnotherTranscriptOrScheme(CryptoProvider provider) {
        byte[] otherTranscript = signedContent.clone();
        otherTranscript[otherTranscript.length - 1] ^= 1;
        assertThat(provider.verify(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, serverPublicKey, otherTranscript,
                signature), is(false));
        byte[] clientContext = signedContent.clone();
        clientContext[64 + "TLS 1.3, ".length()] = 'c'; // "client CertificateVerify" is a different context
        assertThat(provider.verify(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, serverPublicKey, clientContext, signature),
                is(false));
        assertThat(provider.verify(SignatureAlgorithm.RSA_PSS_RSAE_SHA384, serverPublicKey, signedContent, signature),
                is(false));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rfc8448ServerKeySignsCertificateVerifyThatBothProvidersAccept(CryptoProvider provider) throws Exception {
        byte[] own = provider.sign(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, serverPrivateKey, signedContent,
                new SecureRandom());
        assertThat(CryptoProviders.jca().verify(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, serverPublicKey,
                signedContent, own), is(true));
        assertThat(CryptoProviders.bc().verify(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, serverPublicKey,
                signedContent, own), is(true));
    }
}
