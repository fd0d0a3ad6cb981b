package dev.tlsref.handshake.tls13;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.message.DecodeContext;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.HandshakeMessages;
import dev.tlsref.core.message.Tls13Certificate;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.security.cert.X509Certificate;

/** RFC 8448 trace access and small helpers for the server handshake tests. */
final class Tls13ServerTestSupport {
    static final HexFormat HEX = HexFormat.of();

    private Tls13ServerTestSupport() {}

    static JsonNode load(String name) {
        try (InputStream in = Tls13ServerTestSupport.class.getResourceAsStream("/rfc8448/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException("no field " + field);
        }
        return HEX.parseHex(value.asText());
    }

    static byte[] message(JsonNode trace, String name) {
        return hex(trace.get("handshake_messages"), name);
    }

    static HandshakeMessage decode(byte[] message) throws TlsAlertException {
        return HandshakeMessages.decode(message, DecodeContext.tls13(HashAlgorithm.SHA256));
    }

    /** The records of the trace whose description starts with {@code prefix}, in order. */
    static List<byte[]> records(JsonNode trace, String sender, String prefix) {
        List<byte[]> found = new ArrayList<>();
        for (JsonNode record : trace.get("records")) {
            if (record.get("sender").asText().equals(sender) && record.get("description").asText().startsWith(prefix)) {
                found.add(HEX.parseHex(record.get("record").asText()));
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no " + sender + " record " + prefix);
        }
        return found;
    }

    static byte[] record(JsonNode trace, String sender, String prefix) {
        return records(trace, sender, prefix).get(0);
    }

    /** RFC 8448 §2: the server's RSA key. */
    static RSAPrivateCrtKey serverRsaKey() {
        JsonNode k = load("simple-1rtt.json").get("server_rsa_private_key");
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                    big(k, "modulus"), big(k, "public_exponent"), big(k, "private_exponent"), big(k, "prime1"),
                    big(k, "prime2"), big(k, "exponent1"), big(k, "exponent2"), big(k, "coefficient")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger big(JsonNode k, String field) {
        return new BigInteger(1, hex(k, field));
    }

    /** The certificates of an encoded TLS 1.3 Certificate message. */
    static List<X509Certificate> certificates(byte[] certificateMessage) throws TlsAlertException {
        Tls13Certificate certificate = (Tls13Certificate) decode(certificateMessage);
        List<X509Certificate> chain = new ArrayList<>();
        for (Tls13Certificate.Entry entry : certificate.entries()) {
            chain.add(TestPki.parse(entry.certData()));
        }
        return chain;
    }

    /**
     * The salt of an RSASSA-PSS signature with SHA-256 and MGF1-SHA-256 (RFC 8017 §9.1.2):
     * EM = s^e mod n = maskedDB || H || 0xbc; DB = maskedDB xor MGF1(H); the salt ends DB.
     */
    static byte[] pssSalt(RSAPublicKey key, byte[] signature) throws GeneralSecurityException {
        int modBits = key.getModulus().bitLength();
        int emLen = (modBits - 1 + 7) / 8;
        byte[] m = new BigInteger(1, signature).modPow(key.getPublicExponent(), key.getModulus()).toByteArray();
        byte[] em = new byte[emLen];
        int copy = Math.min(m.length, emLen);
        System.arraycopy(m, m.length - copy, em, emLen - copy, copy);
        int hLen = 32;
        byte[] maskedDb = Arrays.copyOf(em, emLen - hLen - 1);
        byte[] h = Arrays.copyOfRange(em, emLen - hLen - 1, emLen - 1);
        byte[] mask = mgf1(h, maskedDb.length);
        byte[] db = new byte[maskedDb.length];
        for (int i = 0; i < db.length; i++) {
            db[i] = (byte) (maskedDb[i] ^ mask[i]);
        }
        return Arrays.copyOfRange(db, db.length - hLen, db.length);
    }

    private static byte[] mgf1(byte[] seed, int length) throws GeneralSecurityException {
        byte[] out = new byte[length];
        int at = 0;
        for (int counter = 0; at < length; counter++) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(seed);
            sha.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8),
                    (byte) counter});
            byte[] block = sha.digest();
            int n = Math.min(block.length, length - at);
            System.arraycopy(block, 0, out, at, n);
            at += n;
        }
        return out;
    }

    /** Collects secrets and notes. */
    static final class Recorder implements HandshakeListener {
        final Map<String, byte[]> secrets = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
        final List<HandshakeMessage> received = new ArrayList<>();

        @Override
        public void secretDerived(String label, byte[] clientRandom, byte[] secret) {
            secrets.put(label, secret.clone());
        }

        @Override
        public void note(String step) {
            notes.add(step);
        }

        @Override
        public void messageReceived(HandshakeMessage message, byte[] encoded) {
            received.add(message);
        }
    }
}
