package dev.tlsref.examples.programs;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ContentType;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.core.record.ChangeCipherSpecPolicy;
import dev.tlsref.core.record.RecordProtection;
import dev.tlsref.core.record.RecordReader;
import dev.tlsref.core.record.RecordView;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.crypto.Hkdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Decrypts a recorded TLS 1.3 session from its key log, using only tls-crypto and tls-core:
 * what Wireshark does with an SSLKEYLOGFILE, in one page.
 *
 * <p>Input: the bytes each side sent (two TCP streams, as captured) and the NSS key log
 * written by {@code --keylog}. For each direction:
 * <ol>
 *   <li>records start in the clear: ClientHello from the client (its random names the
 *       connection in the key log), ServerHello from the server (it names the cipher
 *       suite);</li>
 *   <li>after the hello, records are protected with the handshake traffic keys, derived from
 *       {@code CLIENT_/SERVER_HANDSHAKE_TRAFFIC_SECRET} (RFC 8446 §7.3);</li>
 *   <li>after the side's own Finished, with the application traffic keys from
 *       {@code CLIENT_/SERVER_TRAFFIC_SECRET_0}.</li>
 * </ol>
 * Keys: {@code key = HKDF-Expand-Label(secret, "key", "", key_length)} and
 * {@code iv = HKDF-Expand-Label(secret, "iv", "", 12)} (RFC 8446 §7.3); the record layer
 * ({@link RecordReader} with {@link RecordProtection#tls13}) does the nonce, the AAD and the
 * inner content type (§5.2-5.3).
 *
 * <p>Kept short on purpose: a session with a HelloRetryRequest or a KeyUpdate is not
 * followed. Run: {@code DecryptRecordedSession KEYLOG CLIENT_TO_SERVER.bin SERVER_TO_CLIENT.bin}.
 */
public final class DecryptRecordedSession {

    /** Who sent a record. */
    public enum Sender { CLIENT, SERVER }

    /**
     * One record, decrypted.
     *
     * @param sender who sent it
     * @param type its (inner) content type
     * @param keys which keys protected it: "plaintext", "handshake" or "application"
     * @param plaintext its content
     */
    public record Record(Sender sender, ContentType type, String keys, byte[] plaintext) {
        @Override
        public String toString() {
            return sender + " " + type.name() + " (" + keys + "): " + HexFormat.of().formatHex(plaintext);
        }
    }

    private DecryptRecordedSession() {}

    public static void main(String[] args) throws IOException, TlsAlertException {
        if (args.length != 3) {
            System.err.println("usage: DecryptRecordedSession KEYLOG CLIENT_TO_SERVER.bin SERVER_TO_CLIENT.bin");
            System.exit(2);
        }
        String keyLog = Files.readString(Path.of(args[0]), StandardCharsets.US_ASCII);
        List<Record> records = decrypt(keyLog, Files.readAllBytes(Path.of(args[1])),
                Files.readAllBytes(Path.of(args[2])), CryptoProviders.preferred());
        records.forEach(System.out::println);
    }

    /**
     * Decrypts both directions of a TLS 1.3 session; each list is in the order its side sent.
     *
     * @throws TlsAlertException if a record does not decrypt (wrong keys, damaged capture)
     * @throws IllegalArgumentException if the key log lacks the connection's secrets
     */
    public static List<Record> decrypt(String keyLog, byte[] clientToServer, byte[] serverToClient,
            CryptoProvider crypto) throws TlsAlertException {
        Map<String, byte[]> secrets = new HashMap<>();
        // The server's stream says which suite; the client's ClientHello which connection.
        byte[] clientRandom = clientRandom(clientToServer);
        secrets.putAll(parseKeyLog(keyLog, clientRandom));
        CipherSuite suite = cipherSuite(serverToClient);
        List<Record> out = new ArrayList<>();
        out.addAll(decryptDirection(Sender.CLIENT, clientToServer, suite, secrets, crypto));
        out.addAll(decryptDirection(Sender.SERVER, serverToClient, suite, secrets, crypto));
        return out;
    }

    /** The key log lines of one connection: label to secret. */
    static Map<String, byte[]> parseKeyLog(String keyLog, byte[] clientRandom) {
        String random = HexFormat.of().formatHex(clientRandom);
        Map<String, byte[]> secrets = new HashMap<>();
        for (String line : keyLog.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length == 3 && !line.startsWith("#") && fields[1].equalsIgnoreCase(random)) {
                secrets.put(fields[0], HexFormat.of().parseHex(fields[2]));
            }
        }
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("the key log has no line for client random " + random);
        }
        return secrets;
    }

    private static List<Record> decryptDirection(Sender sender, byte[] stream, CipherSuite suite,
            Map<String, byte[]> secrets, CryptoProvider crypto) throws TlsAlertException {
        String side = sender == Sender.CLIENT ? "CLIENT" : "SERVER";
        RecordReader reader = new RecordReader();
        // RFC 8446 §D.4: a middlebox-compatible peer may send a dummy change_cipher_spec.
        reader.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DROP_TLS13_COMPATIBILITY);
        ByteBuffer in = ByteBuffer.wrap(stream.clone()); // decrypted in place
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        String keys = "plaintext";
        List<Record> out = new ArrayList<>();
        RecordView record;
        while ((record = reader.read(in)) != null) {
            byte[] plaintext = record.fragmentBytes();
            out.add(new Record(sender, record.type(), keys, plaintext));
            if (!record.type().equals(ContentType.HANDSHAKE)) {
                continue;
            }
            handshake.writeBytes(plaintext);
            for (int type : completeMessageTypes(handshake)) {
                if (keys.equals("plaintext") && (type == HandshakeType.CLIENT_HELLO.code()
                        || type == HandshakeType.SERVER_HELLO.code())) {
                    // After the hello, the handshake traffic keys (RFC 8446 §7.3).
                    reader.setProtection(protection(suite, secrets, side + "_HANDSHAKE_TRAFFIC_SECRET", crypto));
                    keys = "handshake";
                } else if (keys.equals("handshake") && type == HandshakeType.FINISHED.code()) {
                    // After this side's Finished, the application traffic keys.
                    reader.setProtection(protection(suite, secrets, side + "_TRAFFIC_SECRET_0", crypto));
                    keys = "application";
                }
            }
        }
        return out;
    }

    /** Takes the complete handshake messages off the front of the buffer; returns their types. */
    private static List<Integer> completeMessageTypes(ByteArrayOutputStream buffer) {
        byte[] bytes = buffer.toByteArray();
        List<Integer> types = new ArrayList<>();
        int at = 0;
        while (bytes.length - at >= 4) {
            int length = ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
            if (bytes.length - at - 4 < length) {
                break;
            }
            types.add(bytes[at] & 0xff);
            at += 4 + length;
        }
        buffer.reset();
        buffer.write(bytes, at, bytes.length - at);
        return types;
    }

    private static RecordProtection protection(CipherSuite suite, Map<String, byte[]> secrets, String label,
            CryptoProvider crypto) {
        byte[] secret = secrets.get(label);
        if (secret == null) {
            throw new IllegalArgumentException("the key log has no " + label + " for this connection");
        }
        Hkdf hkdf = new Hkdf(crypto, suite.hash());
        byte[] key = hkdf.expandLabel(secret, "key", new byte[0], suite.aead().keyLength());
        byte[] iv = hkdf.expandLabel(secret, "iv", new byte[0], 12);
        try {
            return RecordProtection.tls13(crypto, suite.aead(), key, iv);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(iv, (byte) 0);
        }
    }

    /** The random of the ClientHello in the first record of the client's stream. */
    private static byte[] clientRandom(byte[] clientToServer) {
        // record header (5) + handshake header (4) + legacy_version (2), then the 32-byte random
        if (clientToServer.length < 5 + 4 + 2 + 32 || clientToServer[0] != 22 || clientToServer[5] != 1) {
            throw new IllegalArgumentException("the client's stream does not start with a ClientHello record");
        }
        return Arrays.copyOfRange(clientToServer, 11, 43);
    }

    /** The suite chosen in the ServerHello at the start of the server's stream. */
    private static CipherSuite cipherSuite(byte[] serverToClient) throws TlsAlertException {
        RecordReader reader = new RecordReader();
        RecordView first = reader.read(ByteBuffer.wrap(serverToClient.clone()));
        if (first == null || !first.type().equals(ContentType.HANDSHAKE)) {
            throw new IllegalArgumentException("the server's stream does not start with a ServerHello record");
        }
        byte[] message = first.fragmentBytes();
        int length = ((message[1] & 0xff) << 16) | ((message[2] & 0xff) << 8) | (message[3] & 0xff);
        ServerHello hello = ServerHello.decode(Arrays.copyOfRange(message, 4, 4 + length));
        return hello.cipherSuite();
    }
}
