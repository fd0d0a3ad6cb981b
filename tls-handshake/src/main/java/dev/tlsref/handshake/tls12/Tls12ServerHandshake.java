package dev.tlsref.handshake.tls12;

import static dev.tlsref.core.AlertDescription.DECRYPT_ERROR;
import static dev.tlsref.core.AlertDescription.HANDSHAKE_FAILURE;
import static dev.tlsref.core.AlertDescription.ILLEGAL_PARAMETER;
import static dev.tlsref.core.AlertDescription.INTERNAL_ERROR;
import static dev.tlsref.core.AlertDescription.NO_APPLICATION_PROTOCOL;
import static dev.tlsref.core.AlertDescription.NO_RENEGOTIATION;
import static dev.tlsref.core.AlertDescription.PROTOCOL_VERSION;
import static dev.tlsref.core.AlertDescription.UNEXPECTED_MESSAGE;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.Alpn;
import dev.tlsref.core.extension.EcPointFormats;
import dev.tlsref.core.extension.ExtendedMasterSecret;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.RenegotiationInfo;
import dev.tlsref.core.extension.ServerNameAck;
import dev.tlsref.core.extension.ServerNameList;
import dev.tlsref.core.extension.SessionTicket;
import dev.tlsref.core.extension.SupportedVersionsClientHello;
import dev.tlsref.core.message.CertificateVerify;
import dev.tlsref.core.message.ClientCertificateType;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.ClientKeyExchange;
import dev.tlsref.core.message.DecodeContext;
import dev.tlsref.core.message.DheClientKeyExchange;
import dev.tlsref.core.message.DheServerKeyExchange;
import dev.tlsref.core.message.EcdheClientKeyExchange;
import dev.tlsref.core.message.EcdheServerKeyExchange;
import dev.tlsref.core.message.Finished;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.HandshakeMessages;
import dev.tlsref.core.message.RsaClientKeyExchange;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.core.message.ServerHelloDone;
import dev.tlsref.core.message.ServerKeyExchange;
import dev.tlsref.core.message.Tls12Certificate;
import dev.tlsref.core.message.Tls12CertificateRequest;
import dev.tlsref.core.message.Tls12NewSessionTicket;
import dev.tlsref.core.record.ChangeCipherSpecPolicy;
import dev.tlsref.crypto.CryptoException;
import dev.tlsref.crypto.FfdheGroups;
import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyShare;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.cert.CertificateChainDecoder;
import dev.tlsref.handshake.cert.CertificateChainValidator;
import dev.tlsref.handshake.cert.CertificateKeyScheme;
import dev.tlsref.handshake.cert.ValidatedChain;
import dev.tlsref.handshake.engine.Handshake;
import dev.tlsref.handshake.engine.HandshakeChannel;
import dev.tlsref.handshake.engine.Transcript;
import dev.tlsref.handshake.session.Tls12Session;
import dev.tlsref.handshake.session.Tls12SessionStore;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The server side of a TLS 1.2 handshake (RFC 5246 §7.3), with the modern extensions tlsref
 * requires or supports: extended master secret (RFC 7627), renegotiation indication (RFC
 * 5746), ECDHE (RFC 8422), RFC 7919 DHE groups, session tickets (RFC 5077).
 * <pre>
 * Full handshake                               Abbreviated handshake (session ID or ticket)
 *   ClientHello          --&gt;                     ClientHello          --&gt;
 *                        &lt;--  ServerHello                           &lt;--  ServerHello
 *                              Certificate                                [NewSessionTicket]
 *                              ServerKeyExchange*                         [ChangeCipherSpec]
 *                              CertificateRequest*                        Finished
 *                              ServerHelloDone        [ChangeCipherSpec]
 *   Certificate*                                      Finished             --&gt;
 *   ClientKeyExchange
 *   CertificateVerify*
 *   [ChangeCipherSpec]
 *   Finished             --&gt;
 *                        &lt;--  [NewSessionTicket]
 *                              [ChangeCipherSpec]
 *                              Finished
 * </pre>
 * ServerKeyExchange is absent for static RSA key exchange. Renegotiation is refused: a
 * ClientHello after the handshake is answered with a fatal no_renegotiation alert (RFC 5746
 * §4.4 allows a warning; fatal is simpler and leaves no half-state).
 */
public final class Tls12ServerHandshake implements Handshake {

    /** What the server waits for next. */
    private enum Expect {
        CLIENT_HELLO, CLIENT_CERTIFICATE, CLIENT_KEY_EXCHANGE, CERTIFICATE_VERIFY, CHANGE_CIPHER_SPEC, FINISHED, NOTHING
    }

    private final TlsConfig config;
    private final HandshakeChannel channel;
    private final HandshakeListener listener;
    private final Tls12SessionStore sessions;
    private final Transcript transcript = new Transcript();
    private Expect expect = Expect.CLIENT_HELLO;

    private ClientHello clientHello;
    private byte[] clientRandom;
    private byte[] serverRandom;
    private byte[] sessionId;
    private CipherSuite suite;
    private DecodeContext context;
    private Tls12ServerSelection selection;
    private KeyShare keyShare;
    private boolean extendedMasterSecret;
    private boolean issueTicket;
    private boolean resumed;
    private Optional<String> serverName = Optional.empty();
    private Optional<String> alpn = Optional.empty();
    private List<SignatureScheme> requestedSchemes = List.of();
    private List<X509Certificate> clientChain = List.of();
    private Tls12Secrets secrets;
    private NegotiatedParameters parameters;

    /** A server handshake; the connection delivers the ClientHello to {@link #handleMessage}. */
    public Tls12ServerHandshake(TlsConfig config, HandshakeChannel channel) {
        this.config = Objects.requireNonNull(config, "config");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.listener = config.listener();
        this.sessions = config.tls12Sessions();
    }

    @Override
    public void start() {
        // The server speaks second.
    }

    @Override
    public void handleMessage(byte[] message) throws TlsAlertException {
        DecodeContext decodeWith = context != null ? context : DecodeContext.tls12(CipherSuite.KeyExchange.ECDHE);
        HandshakeMessage decoded = HandshakeMessages.decode(message, decodeWith);
        listener.messageReceived(decoded, message);
        if (expect == Expect.NOTHING && decoded instanceof ClientHello) {
            // RFC 5746 §4.4 (and DESIGN.md): tlsref never renegotiates.
            throw new TlsAlertException(NO_RENEGOTIATION, "client asked to renegotiate; tlsref does not renegotiate");
        }
        if (expect == Expect.CLIENT_HELLO && decoded instanceof ClientHello hello) {
            processClientHello(hello, message);
        } else if (expect == Expect.CLIENT_CERTIFICATE && decoded instanceof Tls12Certificate certificate) {
            processClientCertificate(certificate, message);
        } else if (expect == Expect.CLIENT_KEY_EXCHANGE && decoded instanceof ClientKeyExchange exchange) {
            processClientKeyExchange(exchange, message);
        } else if (expect == Expect.CERTIFICATE_VERIFY && decoded instanceof CertificateVerify verify) {
            processCertificateVerify(verify, message);
        } else if (expect == Expect.FINISHED && decoded instanceof Finished finished) {
            processClientFinished(finished, message);
        } else {
            throw new TlsAlertException(UNEXPECTED_MESSAGE, decoded.type().name() + " received while expecting "
                    + expect.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Override
    public void handleChangeCipherSpec() throws TlsAlertException {
        if (expect != Expect.CHANGE_CIPHER_SPEC) {
            throw new TlsAlertException(UNEXPECTED_MESSAGE, "change_cipher_spec received while expecting "
                    + expect.name().toLowerCase(java.util.Locale.ROOT));
        }
        // RFC 5246 §7.1: the client's records are protected from here on.
        channel.setReadProtection(secrets.clientWriteProtection());
        channel.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.REJECT);
        expect = Expect.FINISHED;
    }

    @Override
    public boolean isComplete() {
        return parameters != null;
    }

    @Override
    public void updateKeys(boolean requestPeer) {
        throw new IllegalStateException("TLS 1.2 has no KeyUpdate");
    }

    @Override
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        if (!isComplete()) {
            throw new IllegalStateException("the handshake is not complete");
        }
        return secrets.exportKeyingMaterial(label, context, length);
    }

    // ---- ClientHello (RFC 5246 §7.4.1.2) ----

    private void processClientHello(ClientHello hello, byte[] encoded) throws TlsAlertException {
        clientHello = hello;
        clientRandom = hello.random();
        channel.setRecordVersion(ProtocolVersion.TLS1_2);
        checkVersion(hello);
        checkCompression(hello);
        checkRenegotiationInfo(hello);
        extendedMasterSecret = hello.extensions().find(ExtendedMasterSecret.class).isPresent();
        if (!extendedMasterSecret && config.requireExtendedMasterSecret()) {
            throw new TlsAlertException(HANDSHAKE_FAILURE, "client does not support extended master secret (RFC 7627)");
        }
        serverName = hello.extensions().find(ServerNameList.class).flatMap(ServerNameList::hostName);
        Optional<Tls12Session> session = findSessionToResume(hello);
        issueTicket = config.sessionTickets() && hello.extensions().find(SessionTicket.class).isPresent();
        if (session.isPresent()) {
            resumeSession(session.get(), encoded);
        } else {
            sendFullFirstFlight(encoded);
        }
    }

    /** RFC 5246 §E.1, RFC 8446 §4.2.1; RFC 8996: TLS 1.0 and 1.1 are refused. */
    private void checkVersion(ClientHello hello) throws TlsAlertException {
        if (!config.versions().contains(ProtocolVersion.TLS1_2)) {
            throw new TlsAlertException(PROTOCOL_VERSION, "TLS 1.2 is not enabled on this server");
        }
        Optional<SupportedVersionsClientHello> versions = hello.extensions().find(SupportedVersionsClientHello.class);
        boolean offers12 = versions.isPresent()
                ? versions.get().versions().contains(ProtocolVersion.TLS1_2)
                : hello.legacyVersion().code() >= ProtocolVersion.TLS1_2.code();
        if (!offers12) {
            throw new TlsAlertException(PROTOCOL_VERSION, "client offers only "
                    + versions.map(v -> v.versions().toString()).orElse(hello.legacyVersion().name() + " or older")
                    + "; tlsref requires TLS 1.2 or 1.3 (SSL 3.0, TLS 1.0 and 1.1 are refused, RFC 8996)");
        }
    }

    /** RFC 5246 §7.4.1.2: the null compression method must be offered; tlsref never compresses. */
    private static void checkCompression(ClientHello hello) throws TlsAlertException {
        byte[] methods = hello.legacyCompressionMethods();
        for (byte method : methods) {
            if (method == 0) {
                return;
            }
        }
        throw new TlsAlertException(ILLEGAL_PARAMETER, "client does not offer the null compression method (RFC 5246 §7.4.1.2)");
    }

    /**
     * RFC 5746 §3.6: an initial ClientHello's renegotiation_info must be empty. A client that
     * sends neither it nor the SCSV is still served (§4.3 allows it): tlsref never
     * renegotiates, so the attack the extension prevents cannot happen here.
     */
    private static void checkRenegotiationInfo(ClientHello hello) throws TlsAlertException {
        Optional<RenegotiationInfo> info = hello.extensions().find(RenegotiationInfo.class);
        if (info.isPresent() && info.get().renegotiatedConnection().length != 0) {
            throw new TlsAlertException(HANDSHAKE_FAILURE,
                    "renegotiation_info in an initial ClientHello is not empty (RFC 5746 §3.6)");
        }
    }

    private boolean clientSignalsRenegotiationInfo() {
        return clientHello.extensions().find(RenegotiationInfo.class).isPresent()
                || clientHello.cipherSuites().contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
    }

    // ---- Resumption (RFC 5246 §7.3, RFC 5077 §3.1, RFC 7627 §5.3) ----

    private Optional<Tls12Session> findSessionToResume(ClientHello hello) throws TlsAlertException {
        Optional<Tls12Session> candidate = Optional.empty();
        Optional<SessionTicket> ticket = hello.extensions().find(SessionTicket.class);
        if (config.sessionTickets() && ticket.isPresent() && ticket.get().ticket().length > 0) {
            candidate = sessions.openTicket(ticket.get().ticket());
            listener.note(candidate.isPresent() ? "session ticket opened" : "session ticket not accepted: full handshake");
        } else if (hello.legacySessionId().length > 0) {
            candidate = sessions.serverSession(hello.legacySessionId());
        }
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        Tls12Session session = candidate.get();
        // RFC 7627 §5.3: a session with extended master secret resumed without it: abort.
        if (session.extendedMasterSecret() && !extendedMasterSecret) {
            throw new TlsAlertException(HANDSHAKE_FAILURE,
                    "client resumes an extended-master-secret session without the extension (RFC 7627 §5.3)");
        }
        if (!session.extendedMasterSecret() && (extendedMasterSecret || config.requireExtendedMasterSecret())) {
            return Optional.empty();
        }
        boolean suiteUsable = hello.cipherSuites().contains(session.cipherSuite())
                && config.cipherSuites().contains(session.cipherSuite())
                && (session.cipherSuite().keyExchange() != CipherSuite.KeyExchange.RSA || config.rsaKeyExchange());
        boolean fresh = session.created().plus(config.ticketLifetime()).isAfter(config.clock().instant());
        // RFC 6066 §3: a session is resumed only for the name it was made for.
        boolean sameName = session.serverName().equals(serverName.orElse(""));
        boolean clientAuthSatisfied = config.clientAuth() != ClientAuth.REQUIRED || !session.peerCertificates().isEmpty();
        if (suiteUsable && fresh && sameName && clientAuthSatisfied) {
            return candidate;
        }
        listener.note("session not resumable (suite, age, server name or client authentication): full handshake");
        return Optional.empty();
    }

    /** The abbreviated handshake: ServerHello, [NewSessionTicket], ChangeCipherSpec, Finished. */
    private void resumeSession(Tls12Session session, byte[] clientHelloEncoded) throws TlsAlertException {
        resumed = true;
        suite = session.cipherSuite();
        context = DecodeContext.tls12(suite.keyExchange());
        clientChain = session.peerCertificates();
        // RFC 5077 §3.4: echo the client's session ID when accepting a ticket.
        sessionId = clientHello.legacySessionId();
        chooseAlpn();
        transcript.add(clientHelloEncoded);
        transcript.useHash(config.crypto(), suite.hash());
        sendServerHello(false);
        secrets = new Tls12Secrets(config.crypto(), suite, session.masterSecret(), clientRandom, serverRandom);
        listener.secretDerived("CLIENT_RANDOM", clientRandom, secrets.masterSecret());
        listener.note("resuming session: " + suite.name());
        if (issueTicket) {
            sendNewSessionTicket(session);
        }
        sendChangeCipherSpecAndFinished();
        channel.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DELIVER);
        expect = Expect.CHANGE_CIPHER_SPEC;
    }

    // ---- Full handshake, first flight (RFC 5246 §7.4.1.3 to §7.4.5) ----

    private void sendFullFirstFlight(byte[] clientHelloEncoded) throws TlsAlertException {
        selection = Tls12ServerSelection.choose(config, clientHello, serverName);
        suite = selection.suite();
        context = DecodeContext.tls12(suite.keyExchange());
        sessionId = new byte[32];
        config.random().nextBytes(sessionId);
        chooseAlpn();
        boolean requestCertificate = config.clientAuth() != ClientAuth.NONE;
        if (requestCertificate) {
            transcript.keepMessages(); // RFC 5246 §7.4.8: CertificateVerify signs the messages themselves
        }
        transcript.add(clientHelloEncoded);
        transcript.useHash(config.crypto(), suite.hash());
        listener.note("negotiated TLS 1.2 " + suite.name() + selection.group().map(g -> " with " + g.name()).orElse(""));
        sendServerHello(true);
        sendCertificate();
        if (suite.keyExchange() != CipherSuite.KeyExchange.RSA) {
            sendServerKeyExchange();
        }
        if (requestCertificate) {
            sendCertificateRequest();
        }
        send(new ServerHelloDone());
        expect = requestCertificate ? Expect.CLIENT_CERTIFICATE : Expect.CLIENT_KEY_EXCHANGE;
    }

    /** RFC 7301 §3.2: our first protocol that the client offers; none in common is fatal. */
    private void chooseAlpn() throws TlsAlertException {
        Optional<Alpn> offered = clientHello.extensions().find(Alpn.class);
        if (offered.isEmpty() || config.alpnProtocols().isEmpty()) {
            return;
        }
        for (String protocol : config.alpnProtocols()) {
            if (offered.get().protocols().contains(protocol)) {
                alpn = Optional.of(protocol);
                return;
            }
        }
        throw new TlsAlertException(NO_APPLICATION_PROTOCOL, "no application protocol in common: client offered "
                + offered.get().protocols() + ", we support " + config.alpnProtocols());
    }

    private void sendServerHello(boolean fullHandshake) throws TlsAlertException {
        serverRandom = new byte[ServerHello.RANDOM_LENGTH];
        config.random().nextBytes(serverRandom);
        if (config.versions().contains(ProtocolVersion.TLS1_3)) {
            // RFC 8446 §4.1.3: a TLS 1.3 server negotiating TLS 1.2 marks its random.
            serverRandom = ServerHello.DowngradeSentinel.TLS12.applyTo(serverRandom);
        }
        List<Extension> extensions = new ArrayList<>();
        if (clientSignalsRenegotiationInfo()) {
            extensions.add(new RenegotiationInfo(new byte[0])); // RFC 5746 §3.6
        }
        if (extendedMasterSecret) {
            extensions.add(new ExtendedMasterSecret()); // RFC 7627 §5.1
        }
        if (fullHandshake && suite.keyExchange() == CipherSuite.KeyExchange.ECDHE
                && clientHello.extensions().find(EcPointFormats.class).isPresent()) {
            extensions.add(EcPointFormats.uncompressed()); // RFC 8422 §5.2
        }
        if (issueTicket) {
            extensions.add(new SessionTicket(new byte[0])); // RFC 5077 §3.2
        }
        alpn.ifPresent(protocol -> extensions.add(Alpn.of(protocol)));
        if (fullHandshake && serverName.isPresent()) {
            extensions.add(new ServerNameAck()); // RFC 6066 §3
        }
        send(new ServerHello(serverRandom, sessionId, suite, Extensions.of(extensions)));
    }

    private void sendCertificate() throws TlsAlertException {
        List<byte[]> chain = new ArrayList<>();
        for (X509Certificate certificate : selection.certifiedKey().chain()) {
            try {
                chain.add(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new TlsAlertException(INTERNAL_ERROR, "our certificate does not encode: " + e.getMessage(), e);
            }
        }
        send(new Tls12Certificate(chain));
    }

    /** RFC 8422 §5.4 (ECDHE), RFC 5246 §7.4.3 with RFC 7919 groups (DHE): our share, signed. */
    private void sendServerKeyExchange() throws TlsAlertException {
        var group = selection.group().orElseThrow();
        KeyExchange exchange = config.crypto().keyExchange(group.algorithm().orElseThrow());
        keyShare = config.ephemeralPrivateKey(group).map(exchange::fromPrivateKey)
                .orElseGet(() -> exchange.generate(config.random()));
        SignatureScheme scheme = selection.scheme().orElseThrow();
        ServerKeyExchange unsigned;
        if (suite.keyExchange() == CipherSuite.KeyExchange.ECDHE) {
            unsigned = new EcdheServerKeyExchange(group, keyShare.publicShare(), scheme, new byte[0]);
        } else {
            var parameters = FfdheGroups.parameters(group.algorithm().orElseThrow());
            unsigned = new DheServerKeyExchange(unsigned(parameters.p()), unsigned(parameters.g()),
                    keyShare.publicShare(), scheme, new byte[0]);
        }
        byte[] signature;
        try {
            signature = config.crypto().sign(scheme.algorithm().orElseThrow(), selection.certifiedKey().privateKey(),
                    unsigned.signedContent(clientRandom, serverRandom), config.random());
        } catch (CryptoException e) {
            throw new TlsAlertException(INTERNAL_ERROR, "cannot sign ServerKeyExchange with " + scheme.name(), e);
        }
        if (unsigned instanceof EcdheServerKeyExchange ecdhe) {
            send(new EcdheServerKeyExchange(ecdhe.group(), ecdhe.publicKey(), scheme, signature));
        } else if (unsigned instanceof DheServerKeyExchange dhe) {
            send(new DheServerKeyExchange(dhe.p(), dhe.g(), dhe.ys(), scheme, signature));
        }
    }

    /** RFC 5246 §7.4.4: ECDSA and RSA certificates, our schemes, our trust anchors' names. */
    private void sendCertificateRequest() throws TlsAlertException {
        requestedSchemes = config.signatureSchemes();
        List<byte[]> authorities = new ArrayList<>();
        for (X509Certificate anchor : config.trustAnchors()) {
            authorities.add(anchor.getSubjectX500Principal().getEncoded());
        }
        send(new Tls12CertificateRequest(List.of(ClientCertificateType.ECDSA_SIGN, ClientCertificateType.RSA_SIGN),
                requestedSchemes, authorities));
    }

    // ---- The client's flight (RFC 5246 §7.4.6 to §7.4.9) ----

    /** RFC 5246 §7.4.6: an empty list means the client has no certificate. */
    private void processClientCertificate(Tls12Certificate certificate, byte[] encoded) throws TlsAlertException {
        List<X509Certificate> chain = new CertificateChainDecoder(config.maxCertificateChainLength())
                .decode(certificate.certificateList());
        if (chain.isEmpty()) {
            if (config.clientAuth() == ClientAuth.REQUIRED) {
                throw new TlsAlertException(HANDSHAKE_FAILURE, "client sent no certificate, and one is required (RFC 5246 §7.4.6)");
            }
            listener.note("client sent no certificate");
        } else if (config.certificateVerification() == TlsConfig.CertificateVerification.VERIFY) {
            Optional<ValidatedChain> validated = new CertificateChainValidator(config.trustAnchors(), config.clock(),
                    config.maxCertificateChainLength()).validateClientChain(chain);
            validated.ifPresent(v -> listener.note("client certificate chain validated to "
                    + v.trustAnchor().getSubjectX500Principal().getName()));
        }
        clientChain = chain;
        transcript.add(encoded);
        expect = Expect.CLIENT_KEY_EXCHANGE;
    }

    private void processClientKeyExchange(ClientKeyExchange exchange, byte[] encoded) throws TlsAlertException {
        byte[] premasterSecret = premasterSecret(exchange);
        transcript.add(encoded);
        byte[] masterSecret = deriveMasterSecret(premasterSecret);
        secrets = new Tls12Secrets(config.crypto(), suite, masterSecret, clientRandom, serverRandom);
        Arrays.fill(masterSecret, (byte) 0);
        expect = clientChain.isEmpty() ? Expect.CHANGE_CIPHER_SPEC : Expect.CERTIFICATE_VERIFY;
        if (expect == Expect.CHANGE_CIPHER_SPEC) {
            channel.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DELIVER);
        }
    }

    /** RFC 8422 §5.7, RFC 5246 §7.4.7.1 and §8.1.2. */
    private byte[] premasterSecret(ClientKeyExchange exchange) throws TlsAlertException {
        try {
            if (exchange instanceof EcdheClientKeyExchange ecdhe) {
                return keyShare.agree(ecdhe.publicKey());
            }
            if (exchange instanceof DheClientKeyExchange dhe) {
                // dh_Yc may come without leading zeros (RFC 5246 §7.4.7.2); Z loses its own (§8.1.2).
                int length = FfdheGroups.parameters(selection.group().orElseThrow().algorithm().orElseThrow()).byteLength();
                return stripLeadingZeros(keyShare.agree(leftPad(dhe.yc(), length)));
            }
        } catch (InvalidKeyShareException e) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "client's key exchange value is invalid: " + e.getMessage(), e);
        } finally {
            if (keyShare != null) {
                keyShare.destroy();
            }
        }
        RsaClientKeyExchange rsa = (RsaClientKeyExchange) exchange;
        // RFC 5246 §7.4.7.1: every failure (padding, length, version) yields a random
        // premaster secret from the same code path; the handshake then fails at Finished.
        return config.crypto().rsaDecryptPremasterSecret((RSAPrivateKey) selection.certifiedKey().privateKey(),
                rsa.encryptedPreMasterSecret(), clientHello.legacyVersion().code(), config.random());
    }

    private byte[] deriveMasterSecret(byte[] premasterSecret) {
        Tls12KeySchedule schedule = new Tls12KeySchedule(config.crypto(), suite.hash());
        byte[] masterSecret = extendedMasterSecret
                ? schedule.extendedMasterSecret(premasterSecret, transcript.currentHash())
                : schedule.masterSecret(premasterSecret, clientRandom, serverRandom);
        Arrays.fill(premasterSecret, (byte) 0);
        listener.secretDerived("CLIENT_RANDOM", clientRandom, masterSecret);
        listener.note(extendedMasterSecret ? "extended master secret derived (RFC 7627)" : "master secret derived");
        return masterSecret;
    }

    /** RFC 5246 §7.4.8: the client's signature over every handshake message so far. */
    private void processCertificateVerify(CertificateVerify verify, byte[] encoded) throws TlsAlertException {
        var clientKey = clientChain.get(0).getPublicKey();
        CertificateKeyScheme.checkPeerScheme(clientKey, ProtocolVersion.TLS1_2, verify.algorithm(), requestedSchemes);
        if (!config.crypto().verify(verify.algorithm().algorithm().orElseThrow(), clientKey, transcript.messages(),
                verify.signature())) {
            throw new TlsAlertException(DECRYPT_ERROR, "client CertificateVerify signature does not verify ("
                    + verify.algorithm().name() + ")");
        }
        listener.note("client CertificateVerify signature verified (" + verify.algorithm().name() + ")");
        transcript.add(encoded);
        channel.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DELIVER);
        expect = Expect.CHANGE_CIPHER_SPEC;
    }

    /** RFC 5246 §7.4.9: verify_data compared in constant time; decrypt_error on mismatch. */
    private void processClientFinished(Finished finished, byte[] encoded) throws TlsAlertException {
        byte[] expected = secrets.clientFinished(transcript.currentHash());
        if (!MessageDigest.isEqual(expected, finished.verifyData())) {
            throw new TlsAlertException(DECRYPT_ERROR, "client Finished verify_data is wrong");
        }
        listener.note("client Finished verified");
        transcript.add(encoded);
        if (!resumed) {
            Tls12Session session = newSession();
            sessions.putServerSession(session);
            if (issueTicket) {
                sendNewSessionTicket(session);
            }
            sendChangeCipherSpecAndFinished();
        }
        complete();
    }

    private Tls12Session newSession() {
        return new Tls12Session(sessionId, new byte[0], suite, secrets.masterSecret(), extendedMasterSecret,
                clientChain, serverName.orElse(""), config.clock().instant());
    }

    /** RFC 5077 §3.3: sent after the client's Finished (full) or after ServerHello (abbreviated). */
    private void sendNewSessionTicket(Tls12Session session) throws TlsAlertException {
        Tls12Session state = new Tls12Session(new byte[0], new byte[0], session.cipherSuite(), session.masterSecret(),
                session.extendedMasterSecret(), session.peerCertificates(), session.serverName(),
                resumed ? session.created() : Instant.now(config.clock()));
        Duration lifetime = config.ticketLifetime();
        send(new Tls12NewSessionTicket(lifetime.toSeconds(), sessions.sealTicket(state)));
    }

    private void sendChangeCipherSpecAndFinished() throws TlsAlertException {
        channel.sendChangeCipherSpec();
        channel.setWriteProtection(secrets.serverWriteProtection());
        send(new Finished(secrets.serverFinished(transcript.currentHash())));
    }

    private void complete() {
        expect = Expect.NOTHING;
        channel.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.REJECT);
        parameters = new NegotiatedParameters(ProtocolVersion.TLS1_2, suite,
                selection != null ? selection.group() : Optional.empty(),
                selection != null ? selection.scheme() : Optional.empty(), alpn, serverName, clientChain, resumed);
        channel.handshakeComplete(parameters);
    }

    private void send(HandshakeMessage message) throws TlsAlertException {
        transcript.add(channel.send(config.rewriteOutgoing(message)));
    }

    private static byte[] unsigned(BigInteger value) {
        return stripLeadingZeros(value.toByteArray());
    }

    /** {@code value} with zero bytes in front up to {@code length}; unchanged if it is as long or longer. */
    static byte[] leftPad(byte[] value, int length) {
        if (value.length >= length) {
            return value;
        }
        byte[] padded = new byte[length];
        System.arraycopy(value, 0, padded, length - value.length, value.length);
        return padded;
    }

    static byte[] stripLeadingZeros(byte[] value) {
        int zeros = 0;
        while (zeros < value.length - 1 && value[zeros] == 0) {
            zeros++;
        }
        return zeros == 0 ? value : Arrays.copyOfRange(value, zeros, value.length);
    }
}
