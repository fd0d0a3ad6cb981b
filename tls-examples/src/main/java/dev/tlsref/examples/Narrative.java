package dev.tlsref.examples;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.extension.Alpn;
import dev.tlsref.core.extension.CertificateAuthorities;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.KeyShareClientHello;
import dev.tlsref.core.extension.KeyShareEntry;
import dev.tlsref.core.extension.KeyShareHelloRetryRequest;
import dev.tlsref.core.extension.KeyShareServerHello;
import dev.tlsref.core.extension.PreSharedKeyClientHello;
import dev.tlsref.core.extension.PreSharedKeyServerHello;
import dev.tlsref.core.extension.PskKeyExchangeModes;
import dev.tlsref.core.extension.ServerNameList;
import dev.tlsref.core.extension.SignatureAlgorithms;
import dev.tlsref.core.extension.SupportedGroups;
import dev.tlsref.core.extension.SupportedVersionsClientHello;
import dev.tlsref.core.extension.SupportedVersionsServerHello;
import dev.tlsref.core.message.CertificateVerify;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.DheClientKeyExchange;
import dev.tlsref.core.message.DheServerKeyExchange;
import dev.tlsref.core.message.EcdheClientKeyExchange;
import dev.tlsref.core.message.EcdheServerKeyExchange;
import dev.tlsref.core.message.EncryptedExtensions;
import dev.tlsref.core.message.EndOfEarlyData;
import dev.tlsref.core.message.Finished;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.HelloRequest;
import dev.tlsref.core.message.KeyUpdate;
import dev.tlsref.core.message.RsaClientKeyExchange;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.core.message.ServerHelloDone;
import dev.tlsref.core.message.Tls12Certificate;
import dev.tlsref.core.message.Tls12CertificateRequest;
import dev.tlsref.core.message.Tls12NewSessionTicket;
import dev.tlsref.core.message.Tls13Certificate;
import dev.tlsref.core.message.Tls13CertificateRequest;
import dev.tlsref.core.message.Tls13NewSessionTicket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tells the story of a handshake, one block per message in wire order: what the message is
 * for, the real values in it, and where TLS 1.3 differs from the classic TLS 1.2 flow. Used
 * by {@code tlsref demo} and by {@code --trace}; it takes decoded messages
 * ({@link HandshakeMessage}) so it can be tested on recorded handshakes (RFC 8448) without a
 * live connection.
 *
 * <p>It keeps its own copy of the transcript so that each Finished block can show the
 * transcript hash it covers (RFC 8446 §4.4.4, RFC 5246 §7.4.9), including the
 * HelloRetryRequest substitution of RFC 8446 §4.4.1. One instance per connection; not
 * thread-safe.
 */
public final class Narrative {

    /** Which way a message travels. */
    public enum Direction {
        CLIENT_TO_SERVER("client -> server"),
        SERVER_TO_CLIENT("server -> client");

        private final String arrow;

        Direction(String arrow) {
            this.arrow = arrow;
        }

        /** "client -> server" or "server -> client". */
        public String arrow() {
            return arrow;
        }
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final int LABEL_WIDTH = 18;
    private static final int TEXT_WIDTH = 92;
    private static final String INDENT = "      ";

    private final Style style;
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    private int step;
    private ProtocolVersion version;
    private CipherSuite suite;
    private boolean handshakeDone;
    private int finishedSeen;

    /** A narrative in this style. */
    public Narrative(Style style) {
        this.style = style;
    }

    /** The version the ServerHello chose, once seen. */
    public ProtocolVersion version() {
        return version;
    }

    /** The block for one handshake message, ending with a newline. */
    public String message(Direction direction, HandshakeMessage message, byte[] encoded) {
        Block b = describe(direction, message, encoded);
        return b.render();
    }

    /** A line for a step no message shows (a signature verified, a chain validated). */
    public String note(String who, String text) {
        return INDENT + style.good("* " + who + ": " + text) + "\n";
    }

    /** A line for a derived secret, labelled as such. */
    public String secret(String label, byte[] secret) {
        return INDENT + style.secret(pad("secret derived") + label + " = " + abbreviate(secret)) + "\n";
    }

    /** The block for application data. */
    public String applicationData(Direction direction, byte[] data) {
        Block b = new Block(direction, "application data", version != null && version.equals(ProtocolVersion.TLS1_3)
                ? "RFC 8446 §5.2" : "RFC 5246 §6.2.3");
        b.text(version != null && version.equals(ProtocolVersion.TLS1_3)
                ? "Encrypted with the application traffic keys; on the wire the record says application_data."
                : "Encrypted with the write key from the key block (RFC 5246 §6.3), under a fresh explicit nonce.");
        b.field("plaintext", printable(data) + " (" + data.length + " bytes)");
        return b.render();
    }

    /** The block for a close_notify alert. */
    public String closeNotify(Direction direction) {
        Block b = new Block(direction, "alert close_notify", isTls13() || version == null ? "RFC 8446 §6.1" : "RFC 5246 §7.2.1");
        b.text("Says \"I will send no more\": without it a truncation attack could pass for the end of the data.");
        return b.render();
    }

    /** A heading for a whole run, e.g. "TLS 1.3 handshake". */
    public String title(String text) {
        return "\n" + style.title(text) + "\n\n";
    }

    private Block describe(Direction d, HandshakeMessage m, byte[] encoded) {
        if (m instanceof ClientHello ch) {
            addToTranscript(encoded);
            return clientHello(d, ch);
        }
        if (m instanceof ServerHello sh) {
            Block b = sh.isHelloRetryRequest() ? helloRetryRequest(d, sh) : serverHello(d, sh);
            addToTranscript(encoded);
            return b;
        }
        if (m instanceof Finished f) {
            Block b = finished(d, f);
            addToTranscript(encoded);
            return b;
        }
        if (!(m instanceof Tls13NewSessionTicket) && !(m instanceof KeyUpdate)) {
            addToTranscript(encoded);
        }
        if (m instanceof EncryptedExtensions ee) {
            return encryptedExtensions(d, ee);
        }
        if (m instanceof Tls13CertificateRequest cr) {
            Block b = new Block(d, "CertificateRequest", "RFC 8446 §4.3.2");
            b.text("The server asks the client to authenticate too (mutual TLS); encrypted, like everything after ServerHello.");
            cr.extensions().find(SignatureAlgorithms.class)
                    .ifPresent(s -> b.field("schemes accepted", names(s.schemes(), SignatureScheme::name)));
            cr.extensions().find(CertificateAuthorities.class)
                    .ifPresent(c -> b.field("CAs accepted", c.authorities().size() + " distinguished names"));
            return b;
        }
        if (m instanceof Tls12CertificateRequest cr) {
            Block b = new Block(d, "CertificateRequest", "RFC 5246 §7.4.4");
            b.text("The server asks the client to authenticate too (mutual TLS).");
            b.field("certificate types", names(cr.certificateTypes(), Object::toString));
            b.field("schemes accepted", names(cr.supportedSignatureAlgorithms(), SignatureScheme::name));
            b.field("CAs accepted", cr.certificateAuthorities().size() + " distinguished names");
            return b;
        }
        if (m instanceof Tls13Certificate c) {
            Block b = new Block(d, "Certificate", "RFC 8446 §4.4.2");
            b.text(d == Direction.SERVER_TO_CLIENT
                    ? "The server's certificate chain, leaf first. In TLS 1.3 it is encrypted under the handshake keys,"
                            + " so an eavesdropper no longer learns who the server is from it."
                    : "The client's certificate chain, for mutual TLS (encrypted).");
            certificates(b, c.entries().stream().map(Tls13Certificate.Entry::certData).collect(Collectors.toList()));
            return b;
        }
        if (m instanceof Tls12Certificate c) {
            Block b = new Block(d, "Certificate", "RFC 5246 §7.4.2");
            b.text(d == Direction.SERVER_TO_CLIENT
                    ? "The server's certificate chain, leaf first, sent in the clear in TLS 1.2."
                    : "The client's certificate chain, for mutual TLS.");
            certificates(b, c.certificateList());
            return b;
        }
        if (m instanceof CertificateVerify cv) {
            Block b = new Block(d, "CertificateVerify", isTls13() ? "RFC 8446 §4.4.3" : "RFC 5246 §7.4.8");
            b.text(isTls13()
                    ? "A signature over the transcript hash with the certificate's private key: proves the "
                            + (d == Direction.SERVER_TO_CLIENT ? "server" : "client")
                            + " holds that key and binds it to this handshake."
                    : "The client signs the handshake messages so far with its certificate's key (mutual TLS).");
            b.field("signature scheme", cv.algorithm().name());
            b.field("signature", abbreviate(cv.signature()));
            return b;
        }
        if (m instanceof EcdheServerKeyExchange ske) {
            Block b = new Block(d, "ServerKeyExchange", "RFC 8422 §5.4");
            b.text("The server's ephemeral ECDHE public key, signed with its certificate key over both randoms."
                    + " (TLS 1.3 folds this into the ServerHello's key_share.)");
            b.field("group", ske.group().name());
            b.field("public value", abbreviate(ske.publicKey()));
            b.field("signature scheme", ske.signatureAlgorithm().name());
            b.field("signature", abbreviate(ske.signature()));
            return b;
        }
        if (m instanceof DheServerKeyExchange ske) {
            Block b = new Block(d, "ServerKeyExchange", "RFC 5246 §7.4.3");
            b.text("The server's finite-field DH parameters and public value, signed with its certificate key."
                    + " (TLS 1.3 folds this into the ServerHello's key_share.)");
            b.field("prime p", new BigInteger(1, ske.p()).bitLength() + " bits");
            b.field("generator g", new BigInteger(1, ske.g()).toString());
            b.field("public value Ys", abbreviate(ske.ys()));
            b.field("signature scheme", ske.signatureAlgorithm().name());
            b.field("signature", abbreviate(ske.signature()));
            return b;
        }
        if (m instanceof ServerHelloDone) {
            Block b = new Block(d, "ServerHelloDone", "RFC 5246 §7.4.5");
            b.text("The server's first flight is over; the client's turn. (TLS 1.3 has no such message.)");
            return b;
        }
        if (m instanceof EcdheClientKeyExchange cke) {
            Block b = new Block(d, "ClientKeyExchange", "RFC 8422 §5.7");
            b.text("The client's ephemeral ECDHE public key; both sides now compute the premaster secret."
                    + " (TLS 1.3 sends this up front, in the ClientHello's key_share.)");
            b.field("public value", abbreviate(cke.publicKey()));
            return b;
        }
        if (m instanceof DheClientKeyExchange cke) {
            Block b = new Block(d, "ClientKeyExchange", "RFC 5246 §7.4.7.2");
            b.text("The client's DH public value Yc. (TLS 1.3 sends its share in the ClientHello.)");
            b.field("public value Yc", abbreviate(cke.yc()));
            return b;
        }
        if (m instanceof RsaClientKeyExchange cke) {
            Block b = new Block(d, "ClientKeyExchange", "RFC 5246 §7.4.7.1");
            b.text("Static RSA: the client encrypts a random premaster secret to the server's certificate key."
                    + " No forward secrecy: whoever gets that key later can decrypt this session. TLS 1.3 removed it.");
            b.field("encrypted premaster", abbreviate(cke.encryptedPreMasterSecret()));
            return b;
        }
        if (m instanceof Tls13NewSessionTicket t) {
            Block b = new Block(d, "NewSessionTicket", "RFC 8446 §4.6.1");
            b.text("After the handshake, the server hands the client a ticket to resume with a PSK next time.");
            b.field("lifetime", t.ticketLifetime() + " s");
            b.field("ticket_age_add", Long.toString(t.ticketAgeAdd()));
            b.field("nonce", hex(t.ticketNonce()));
            b.field("ticket", abbreviate(t.ticket()));
            return b;
        }
        if (m instanceof Tls12NewSessionTicket t) {
            Block b = new Block(d, "NewSessionTicket", "RFC 5077 §3.3");
            b.text("A ticket the client can present to resume this session without the server keeping state.");
            b.field("lifetime hint", t.ticketLifetimeHint() + " s");
            b.field("ticket", abbreviate(t.ticket()));
            return b;
        }
        if (m instanceof KeyUpdate ku) {
            Block b = new Block(d, "KeyUpdate", "RFC 8446 §4.6.3");
            b.text("The sender switches to the next generation of its traffic keys.");
            b.field("request_update", ku.requestUpdate().toString());
            return b;
        }
        if (m instanceof EndOfEarlyData) {
            Block b = new Block(d, "EndOfEarlyData", "RFC 8446 §4.5");
            b.text("The client's 0-RTT data is over.");
            return b;
        }
        if (m instanceof HelloRequest) {
            Block b = new Block(d, "HelloRequest", "RFC 5246 §7.4.1.1");
            b.text("The server asks to renegotiate (tlsref refuses).");
            return b;
        }
        Block b = new Block(d, m.type().name(), "");
        b.field("body", abbreviate(m.body()));
        return b;
    }

    private Block clientHello(Direction d, ClientHello ch) {
        Extensions ext = ch.extensions();
        boolean offers13 = ext.find(SupportedVersionsClientHello.class).isPresent();
        Block b = new Block(d, "ClientHello", offers13 ? "RFC 8446 §4.1.2" : "RFC 5246 §7.4.1.2");
        b.text("Opens the handshake: what the client supports (versions, cipher suites, groups, signature schemes)"
                + (offers13 ? " and, for TLS 1.3, its key shares." : "."));
        b.field("legacy_version", ch.legacyVersion().name());
        ext.find(SupportedVersionsClientHello.class)
                .ifPresent(v -> b.field("versions offered", names(v.versions(), ProtocolVersion::name)));
        b.field("client random", hex(ch.random()));
        if (ch.legacySessionId().length > 0) {
            b.field("session id", abbreviate(ch.legacySessionId()));
        }
        b.field("suites offered", names(ch.cipherSuites(), CipherSuite::name));
        ext.find(ServerNameList.class).flatMap(ServerNameList::hostName).ifPresent(n -> b.field("server_name", n));
        ext.find(SupportedGroups.class).ifPresent(g -> b.field("groups", names(g.groups(), NamedGroup::name)));
        ext.find(KeyShareClientHello.class).ifPresent(ks -> {
            for (KeyShareEntry e : ks.shares()) {
                b.field("key share", e.group().name() + " " + abbreviate(e.keyExchange()));
            }
        });
        ext.find(SignatureAlgorithms.class)
                .ifPresent(s -> b.field("signature schemes", names(s.schemes(), SignatureScheme::name)));
        ext.find(Alpn.class).ifPresent(a -> b.field("alpn", String.join(", ", a.protocols())));
        ext.find(PskKeyExchangeModes.class).ifPresent(p -> b.field("psk modes", names(p.modes(), Object::toString)));
        ext.find(PreSharedKeyClientHello.class).ifPresent(p -> b.field("pre_shared_key",
                p.identities().size() + " ticket(s) offered for resumption, with binders"));
        b.field("extensions", names(ext.asList(), e -> e.type().name()));
        if (ext.find(KeyShareClientHello.class).isPresent()) {
            b.aside("TLS 1.3: the key_share already carries the client's ephemeral public key, which TLS 1.2"
                    + " sends only later in ClientKeyExchange; this saves a round trip.");
        }
        return b;
    }

    private Block helloRetryRequest(Direction d, ServerHello hrr) {
        Block b = new Block(d, "HelloRetryRequest", "RFC 8446 §4.1.4");
        b.text("The server can use none of the offered key shares: it names a group and asks the client to send"
                + " a new ClientHello with a share for it. Costs one extra round trip.");
        b.field("suite chosen", hrr.cipherSuite().name());
        hrr.extensions().find(KeyShareHelloRetryRequest.class)
                .ifPresent(k -> b.field("group requested", k.selectedGroup().name()));
        b.aside("The transcript now replaces the first ClientHello by its hash (message_hash, RFC 8446 §4.4.1).");
        suite = hrr.cipherSuite();
        version = ProtocolVersion.TLS1_3;
        replaceTranscriptWithMessageHash();
        return b;
    }

    private Block serverHello(Direction d, ServerHello sh) {
        Extensions ext = sh.extensions();
        version = ext.find(SupportedVersionsServerHello.class)
                .map(SupportedVersionsServerHello::selectedVersion)
                .orElse(sh.legacyVersion());
        suite = sh.cipherSuite();
        Block b = new Block(d, "ServerHello", isTls13() ? "RFC 8446 §4.1.3" : "RFC 5246 §7.4.1.3");
        b.text("The server's choices: version, cipher suite"
                + (isTls13() ? " and key share. From here both sides can compute the handshake secret." : "."));
        b.field("version chosen", version.name()
                + (isTls13() ? " (in supported_versions; legacy_version says " + sh.legacyVersion().name() + ")" : ""));
        b.field("server random", hex(sh.random()));
        b.field("suite chosen", suite.name());
        ext.find(KeyShareServerHello.class).ifPresent(k ->
                b.field("key share", k.serverShare().group().name() + " " + abbreviate(k.serverShare().keyExchange())));
        ext.find(PreSharedKeyServerHello.class).ifPresent(p ->
                b.field("pre_shared_key", "accepts ticket #" + p.selectedIdentity() + ": the session is resumed"));
        ext.find(Alpn.class).ifPresent(a -> b.field("alpn", String.join(", ", a.protocols())));
        if (!isTls13() && sh.legacySessionIdEcho().length > 0) {
            b.field("session id", abbreviate(sh.legacySessionIdEcho()));
        }
        sh.downgradeSentinel().ifPresent(s -> b.field("downgrade sentinel", s.name()
                + " (a TLS 1.3 server negotiated a lower version)"));
        if (!ext.isEmpty()) {
            b.field("extensions", names(ext.asList(), e -> e.type().name()));
        }
        if (isTls13()) {
            b.aside("TLS 1.3: this key_share replaces TLS 1.2's ServerKeyExchange, and everything after this"
                    + " message is encrypted (EncryptedExtensions, Certificate, CertificateVerify, Finished)."
                    + " There is no ChangeCipherSpec and no ServerHelloDone.");
        }
        return b;
    }

    private Block encryptedExtensions(Direction d, EncryptedExtensions ee) {
        Block b = new Block(d, "EncryptedExtensions", "RFC 8446 §4.3.1");
        b.text("The server's answers to extensions that do not shape the key exchange, now encrypted under the"
                + " handshake keys (TLS 1.2 sent them in the clear in ServerHello).");
        Extensions ext = ee.extensions();
        ext.find(Alpn.class).ifPresent(a -> b.field("alpn", String.join(", ", a.protocols())));
        ext.find(SupportedGroups.class).ifPresent(g -> b.field("server's groups", names(g.groups(), NamedGroup::name)));
        b.field("extensions", ext.isEmpty() ? "(none)" : names(ext.asList(), e -> e.type().name()));
        return b;
    }

    private Block finished(Direction d, Finished f) {
        String who = d == Direction.CLIENT_TO_SERVER ? "client" : "server";
        Block b = new Block(d, "Finished", isTls13() ? "RFC 8446 §4.4.4" : "RFC 5246 §7.4.9");
        b.text(isTls13()
                ? "An HMAC over the transcript hash with the " + who + "'s finished_key: proves the " + who
                        + " saw the same handshake and holds the handshake keys."
                : "A PRF over the hash of all handshake messages with the master secret, the first message under"
                        + " the new keys: proves both sides saw the same handshake.");
        if (!isTls13()) {
            b.aside("Just before it, the " + who + " sent ChangeCipherSpec (a one-byte record of its own, not a"
                    + " handshake message): from there on its records are encrypted. TLS 1.3 drops ChangeCipherSpec.");
        }
        b.field("verify_data", hex(f.verifyData()));
        transcriptHash().ifPresent(h -> b.field("covers transcript", h + " (hash of every handshake message before it)"));
        finishedSeen++;
        if (finishedSeen == 2) {
            handshakeDone = true;
        }
        return b;
    }

    private void certificates(Block b, List<byte[]> ders) {
        if (ders.isEmpty()) {
            b.field("certificates", "(none: no certificate to send)");
            return;
        }
        int i = 0;
        for (byte[] der : ders) {
            String prefix = ders.size() > 1 ? "[" + i + "] " : "";
            try {
                X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
                b.field(prefix + "subject", c.getSubjectX500Principal().getName());
                b.field("issuer", c.getIssuerX500Principal().getName());
                b.field("valid", c.getNotBefore().toInstant() + " .. " + c.getNotAfter().toInstant());
                b.field("key", describeKey(c.getPublicKey()));
            } catch (CertificateException | ClassCastException e) {
                b.field(prefix + "certificate", der.length + " bytes that do not parse as X.509: " + e.getMessage());
            }
            i++;
        }
    }

    /** "RSA 2048 bits", "EC 256-bit curve", "Ed25519". */
    static String describeKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + " bits";
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return "EC " + (bits == 256 ? "P-256" : bits == 384 ? "P-384" : bits == 521 ? "P-521" : bits + "-bit curve");
        }
        return key.getAlgorithm();
    }

    private boolean isTls13() {
        return version != null && version.equals(ProtocolVersion.TLS1_3);
    }

    private void addToTranscript(byte[] encoded) {
        if (!handshakeDone || !isTls13()) {
            transcript.writeBytes(encoded);
        }
    }

    /** RFC 8446 §4.4.1: after a HelloRetryRequest, ClientHello1 is replaced by message_hash. */
    private void replaceTranscriptWithMessageHash() {
        digest().ifPresent(md -> {
            byte[] hash = md.digest(transcript.toByteArray());
            transcript.reset();
            transcript.write(254);
            transcript.write(0);
            transcript.write(0);
            transcript.write(hash.length);
            transcript.writeBytes(hash);
        });
    }

    private Optional<String> transcriptHash() {
        return digest().map(md -> hex(md.digest(transcript.toByteArray())));
    }

    private Optional<MessageDigest> digest() {
        if (suite == null || !suite.isImplemented()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MessageDigest.getInstance(suite.hash().jcaName()));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    private static <T> String names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.joining(", "));
    }

    static String hex(byte[] value) {
        return value.length == 0 ? "(empty)" : HEX.formatHex(value);
    }

    /** Short values in full; long ones as their first 8 and last 4 bytes and the length. */
    static String abbreviate(byte[] value) {
        if (value.length <= 16) {
            return hex(value) + " (" + value.length + " bytes)";
        }
        return HEX.formatHex(value, 0, 8) + "..." + HEX.formatHex(value, value.length - 4, value.length)
                + " (" + value.length + " bytes)";
    }

    private static String printable(byte[] data) {
        String s = new String(data, 0, Math.min(data.length, 60), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c < 0x20 ? "." : String.valueOf(c));
        }
        return out.append(data.length > 60 ? "...\"" : "\"").toString();
    }

    private static String pad(String label) {
        return label.length() >= LABEL_WIDTH ? label + " " : label + " ".repeat(LABEL_WIDTH - label.length());
    }

    /** One step: a heading, a sentence on its purpose, aligned fields and asides. */
    private final class Block {
        private final List<String> lines = new ArrayList<>();

        Block(Direction d, String name, String rfc) {
            step++;
            if (step > 1) {
                lines.add(""); // a blank line between steps
            }
            String number = String.format("%2d", step);
            String head = number + "  " + name;
            String right = d.arrow() + (rfc.isEmpty() ? "" : "   " + rfc);
            int gap = Math.max(2, 40 - head.length());
            lines.add(style.heading(head) + " ".repeat(gap) + style.label(right));
        }

        void text(String sentence) {
            wrap(sentence).forEach(l -> lines.add(INDENT + l));
        }

        void field(String label, String value) {
            lines.add(INDENT + style.label(pad(label)) + value);
        }

        void aside(String sentence) {
            wrap(sentence).forEach(l -> lines.add(INDENT + style.aside(l)));
        }

        String render() {
            return String.join("\n", lines) + "\n";
        }

        private List<String> wrap(String text) {
            List<String> out = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > TEXT_WIDTH - INDENT.length()) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            if (line.length() > 0) {
                out.add(line.toString());
            }
            return out;
        }
    }
}
