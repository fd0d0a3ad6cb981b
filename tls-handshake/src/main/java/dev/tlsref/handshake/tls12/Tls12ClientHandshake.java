package dev.tlsref.handshake.tls12;

import static dev.tlsref.core.AlertDescription.DECRYPT_ERROR;
import static dev.tlsref.core.AlertDescription.HANDSHAKE_FAILURE;
import static dev.tlsref.core.AlertDescription.ILLEGAL_PARAMETER;
import static dev.tlsref.core.AlertDescription.INSUFFICIENT_SECURITY;
import static dev.tlsref.core.AlertDescription.INTERNAL_ERROR;
import static dev.tlsref.core.AlertDescription.PROTOCOL_VERSION;
import static dev.tlsref.core.AlertDescription.UNEXPECTED_MESSAGE;
import static dev.tlsref.core.AlertDescription.UNSUPPORTED_CERTIFICATE;
import static dev.tlsref.core.AlertDescription.UNSUPPORTED_EXTENSION;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.Alpn;
import dev.tlsref.core.extension.ExtendedMasterSecret;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.RenegotiationInfo;
import dev.tlsref.core.extension.SessionTicket;
import dev.tlsref.core.extension.SignatureAlgorithms;
import dev.tlsref.core.extension.SupportedGroups;
import dev.tlsref.core.extension.SupportedVersionsServerHello;
import dev.tlsref.core.message.CertificateVerify;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.DecodeContext;
import dev.tlsref.core.message.DheClientKeyExchange;
import dev.tlsref.core.message.DheServerKeyExchange;
import dev.tlsref.core.message.EcdheClientKeyExchange;
import dev.tlsref.core.message.EcdheServerKeyExchange;
import dev.tlsref.core.message.Finished;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.HandshakeMessages;
import dev.tlsref.core.message.HelloRequest;
import dev.tlsref.core.message.RsaClientKeyExchange;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.core.message.ServerHelloDone;
import dev.tlsref.core.message.ServerKeyExchange;
import dev.tlsref.core.message.Tls12Certificate;
import dev.tlsref.core.message.Tls12CertificateRequest;
import dev.tlsref.core.message.Tls12NewSessionTicket;
import dev.tlsref.core.record.ChangeCipherSpecPolicy;
import dev.tlsref.crypto.CryptoException;
import dev.tlsref.crypto.DhParameters;
import dev.tlsref.crypto.FfdheGroups;
import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.cert.CertificateChainDecoder;
import dev.tlsref.handshake.cert.CertificateChainValidator;
import dev.tlsref.handshake.cert.CertificateKeyScheme;
import dev.tlsref.handshake.cert.HostnameVerifier;
import dev.tlsref.handshake.cert.KeyUsageRequirement;
import dev.tlsref.handshake.cert.ReferenceIdentity;
import dev.tlsref.handshake.cert.ValidatedChain;
import dev.tlsref.handshake.engine.Handshake;
import dev.tlsref.handshake.engine.HandshakeChannel;
import dev.tlsref.handshake.engine.Transcript;
import dev.tlsref.handshake.session.Tls12Session;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The client side of a TLS 1.2 handshake (RFC 5246 §7.3), continuing after a ClientHello
 * that either this class sent ({@link #startFresh}, when TLS 1.3 is not enabled) or the TLS
 * 1.3 client sent offering both versions and the server chose TLS 1.2.
 * <pre>
 * Full handshake                               Abbreviated handshake
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
 * Policy: extended master secret is required unless the config allows its absence (RFC
 * 7627); the server must answer renegotiation_info, empty (RFC 5746 §3.4 lets a client
 * refuse a server that does not: tlsref does, as the config's secure default promises); a
 * HelloRequest is ignored, since tlsref never renegotiates (RFC 5746 §4.2 allows that).
 */
public final class Tls12ClientHandshake implements Handshake {

    /** What the client waits for next. */
    private enum Expect {
        SERVER_HELLO, CERTIFICATE, SERVER_KEY_EXCHANGE, CERTIFICATE_REQUEST_OR_DONE, SERVER_HELLO_DONE,
        NEW_SESSION_TICKET, CHANGE_CIPHER_SPEC, FINISHED, NOTHING
    }

    private final TlsConfig config;
    private final String serverName;
    private final HandshakeChannel channel;
    private final HandshakeListener listener;
    private ClientHello clientHello;
    private final Transcript transcript = new Transcript();
    private final Optional<Tls12Session> offeredSession;
    private final boolean sendHelloOnStart;
    private Expect expect = Expect.SERVER_HELLO;

    private byte[] serverRandom;
    private byte[] sessionId;
    private CipherSuite suite;
    private DecodeContext context;
    private boolean extendedMasterSecret;
    private boolean expectTicket;
    private boolean resumed;
    private Optional<String> alpn = Optional.empty();
    private List<X509Certificate> serverChain = List.of();
    private PublicKey serverKey;
    private ServerKeyExchange serverKeyExchange;
    private Optional<NamedGroup> group = Optional.empty();
    private Tls12CertificateRequest certificateRequest;
    private byte[] newTicket = new byte[0];
    private Tls12Secrets secrets;
    private NegotiatedParameters parameters;

    /**
     * Continues a handshake whose ClientHello was already sent (by the TLS 1.3 client, when
     * the server chose TLS 1.2). {@link #handleMessage} expects the ServerHello first.
     *
     * @param sentHello the ClientHello as sent
     * @param sentHelloEncoded its encoding, header included, as it went into the transcript
     */
    public Tls12ClientHandshake(TlsConfig config, String serverName, HandshakeChannel channel, ClientHello sentHello,
            byte[] sentHelloEncoded) {
        this(config, serverName, channel, sentHello, sentHelloEncoded, false);
    }

    private Tls12ClientHandshake(TlsConfig config, String serverName, HandshakeChannel channel, ClientHello hello,
            byte[] helloEncoded, boolean sendHelloOnStart) {
        this.config = Objects.requireNonNull(config, "config");
        this.serverName = serverName;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.listener = config.listener();
        this.clientHello = Objects.requireNonNull(hello, "sentHello");
        this.sendHelloOnStart = sendHelloOnStart;
        this.offeredSession = sessionOffered(hello);
        if (!config.certifiedKeys().isEmpty()) {
            transcript.keepMessages(); // RFC 5246 §7.4.8: our CertificateVerify signs the messages
        }
        if (helloEncoded != null) {
            transcript.add(helloEncoded);
        }
    }

    /**
     * A TLS 1.2-only client handshake: {@link #start} sends a ClientHello built by
     * {@link #buildClientHello}, offering to resume the session cached for {@code serverName}.
     */
    public static Tls12ClientHandshake startFresh(TlsConfig config, String serverName, HandshakeChannel channel) {
        Optional<Tls12Session> session = serverName == null ? Optional.empty()
                : config.tls12Sessions().clientSession(serverName);
        ClientHello hello = buildClientHello(config, serverName, session);
        return new Tls12ClientHandshake(config, serverName, channel, hello, null, true);
    }

    /**
     * A TLS 1.2-only ClientHello: the config's TLS 1.2 suites (static RSA only if enabled),
     * server_name, ec_point_formats, supported_groups, signature_algorithms, ALPN,
     * session_ticket, extended_master_secret and an empty renegotiation_info.
     *
     * @param resume a session to offer: its ticket, or else its session ID
     */
    public static ClientHello buildClientHello(TlsConfig config, String serverName, Optional<Tls12Session> resume) {
        return Tls12ClientHello.build(config, serverName, resume);
    }

    @Override
    public void start() throws TlsAlertException {
        if (sendHelloOnStart) {
            // RFC 5246 §E.1: the first ClientHello goes in a record of version 0x0301, for old servers.
            channel.setRecordVersion(ProtocolVersion.TLS1_0);
            HandshakeMessage hello = config.rewriteOutgoing(clientHello);
            if (hello instanceof ClientHello rewritten) {
                clientHello = rewritten;
            }
            transcript.add(channel.send(hello));
        }
    }

    @Override
    public void handleMessage(byte[] message) throws TlsAlertException {
        HandshakeMessage decoded = HandshakeMessages.decode(message,
                context != null ? context : DecodeContext.tls12(CipherSuite.KeyExchange.ECDHE));
        listener.messageReceived(decoded, message);
        if (decoded instanceof HelloRequest) {
            // RFC 5246 §7.4.1.1: ignored while negotiating; RFC 5746 §4.2: refusing to renegotiate.
            listener.note("HelloRequest ignored: tlsref does not renegotiate");
            return;
        }
        if (expect == Expect.SERVER_HELLO && decoded instanceof ServerHello hello) {
            processServerHello(hello, message);
        } else if (expect == Expect.CERTIFICATE && decoded instanceof Tls12Certificate certificate) {
            processServerCertificate(certificate, message);
        } else if (expect == Expect.SERVER_KEY_EXCHANGE && decoded instanceof ServerKeyExchange exchange) {
            processServerKeyExchange(exchange, message);
        } else if (expect == Expect.CERTIFICATE_REQUEST_OR_DONE && decoded instanceof Tls12CertificateRequest request) {
            certificateRequest = request;
            transcript.add(message);
            expect = Expect.SERVER_HELLO_DONE;
        } else if ((expect == Expect.CERTIFICATE_REQUEST_OR_DONE || expect == Expect.SERVER_HELLO_DONE)
                && decoded instanceof ServerHelloDone) {
            transcript.add(message);
            sendClientFlight();
        } else if (expect == Expect.NEW_SESSION_TICKET && decoded instanceof Tls12NewSessionTicket ticket) {
            newTicket = ticket.ticket();
            transcript.add(message);
            channel.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DELIVER);
            expect = Expect.CHANGE_CIPHER_SPEC;
        } else if (expect == Expect.FINISHED && decoded instanceof Finished finished) {
            processServerFinished(finished, message);
        } else {
            throw new TlsAlertException(UNEXPECTED_MESSAGE, decoded.type().name() + " received while expecting "
                    + expect.name().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public void handleChangeCipherSpec() throws TlsAlertException {
        if (expect != Expect.CHANGE_CIPHER_SPEC) {
            throw new TlsAlertException(UNEXPECTED_MESSAGE, "change_cipher_spec received while expecting "
                    + expect.name().toLowerCase(Locale.ROOT));
        }
        channel.setReadProtection(secrets.serverWriteProtection());
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

    // ---- ServerHello (RFC 5246 §7.4.1.3) ----

    private void processServerHello(ServerHello hello, byte[] encoded) throws TlsAlertException {
        channel.setRecordVersion(ProtocolVersion.TLS1_2);
        // After a TLS 1.3 client's hello the compatibility-mode CCS policy may be set: TLS 1.2 rules now.
        channel.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.REJECT);
        checkVersion(hello);
        serverRandom = hello.random();
        sessionId = hello.legacySessionIdEcho();
        suite = hello.cipherSuite();
        if (suite.isTls13() || !suite.isImplemented() || !clientHello.cipherSuites().contains(suite)) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "server selected " + suite.name()
                    + ", which is not a TLS 1.2 suite we offered (RFC 5246 §7.4.1.3)");
        }
        checkExtensionsOffered(hello);
        checkRenegotiationInfo(hello);
        extendedMasterSecret = hello.extensions().find(ExtendedMasterSecret.class).isPresent();
        expectTicket = hello.extensions().find(SessionTicket.class).isPresent();
        checkAlpn(hello);
        context = DecodeContext.tls12(suite.keyExchange());
        transcript.useHash(config.crypto(), suite.hash());
        transcript.add(encoded);
        if (isResumption(hello)) {
            resumeSession(offeredSession.get());
            return;
        }
        if (!extendedMasterSecret && config.requireExtendedMasterSecret()) {
            throw new TlsAlertException(HANDSHAKE_FAILURE, "server does not support extended master secret (RFC 7627)");
        }
        listener.note("negotiated TLS 1.2 " + suite.name());
        expect = Expect.CERTIFICATE;
    }

    /** RFC 8446 §4.1.3 and §4.2.1: the version is 1.2 here, and a 1.3-capable client checks the sentinel. */
    private void checkVersion(ServerHello hello) throws TlsAlertException {
        Optional<SupportedVersionsServerHello> selected = hello.extensions().find(SupportedVersionsServerHello.class);
        if (selected.isPresent() && !selected.get().selectedVersion().equals(ProtocolVersion.TLS1_2)) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "server selected " + selected.get().selectedVersion().name()
                    + " in a TLS 1.2 ServerHello");
        }
        if (!hello.legacyVersion().equals(ProtocolVersion.TLS1_2) || !config.versions().contains(ProtocolVersion.TLS1_2)) {
            throw new TlsAlertException(PROTOCOL_VERSION, "server selected " + hello.legacyVersion().name()
                    + "; tlsref speaks TLS 1.2 and 1.3 only" + (config.versions().contains(ProtocolVersion.TLS1_2)
                    ? "" : " and TLS 1.2 is not enabled"));
        }
        if (config.versions().contains(ProtocolVersion.TLS1_3) && hello.downgradeSentinel().isPresent()) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "server random carries the TLS 1.3 downgrade sentinel "
                    + hello.downgradeSentinel().get() + " though both sides support TLS 1.3: a downgrade attack (RFC 8446 §4.1.3)");
        }
    }

    /** RFC 5246 §7.4.1.4: the server may send only extensions the client offered. */
    private void checkExtensionsOffered(ServerHello hello) throws TlsAlertException {
        for (Extension extension : hello.extensions()) {
            if (!clientHello.extensions().contains(extension.type())) {
                throw new TlsAlertException(UNSUPPORTED_EXTENSION, "server sent " + extension.type().name()
                        + ", which the ClientHello did not offer (RFC 5246 §7.4.1.4)");
            }
        }
    }

    /** RFC 5746 §3.4: the server's renegotiation_info must be present (our policy) and empty. */
    private static void checkRenegotiationInfo(ServerHello hello) throws TlsAlertException {
        Optional<RenegotiationInfo> info = hello.extensions().find(RenegotiationInfo.class);
        if (info.isEmpty()) {
            throw new TlsAlertException(HANDSHAKE_FAILURE,
                    "server does not support secure renegotiation indication (RFC 5746); tlsref requires it");
        }
        if (info.get().renegotiatedConnection().length != 0) {
            throw new TlsAlertException(HANDSHAKE_FAILURE, "server's renegotiation_info is not empty (RFC 5746 §3.4)");
        }
    }

    /** RFC 7301 §3.1: exactly one protocol, one we offered. */
    private void checkAlpn(ServerHello hello) throws TlsAlertException {
        Optional<Alpn> selected = hello.extensions().find(Alpn.class);
        if (selected.isEmpty()) {
            return;
        }
        List<String> protocols = selected.get().protocols();
        if (protocols.size() != 1 || !config.alpnProtocols().contains(protocols.get(0))) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "server selected ALPN " + protocols
                    + ", not one protocol we offered " + config.alpnProtocols());
        }
        alpn = Optional.of(protocols.get(0));
    }

    // ---- Resumption (RFC 5246 §7.3, RFC 5077 §3.4, RFC 7627 §5.3) ----

    private Optional<Tls12Session> sessionOffered(ClientHello hello) {
        if (serverName == null) {
            return Optional.empty();
        }
        Optional<Tls12Session> cached = config.tls12Sessions().clientSession(serverName);
        if (cached.isEmpty()) {
            return Optional.empty();
        }
        byte[] offeredTicket = hello.extensions().find(SessionTicket.class).map(SessionTicket::ticket).orElse(new byte[0]);
        boolean ticketOffered = offeredTicket.length > 0 && Arrays.equals(offeredTicket, cached.get().ticket());
        boolean idOffered = hello.legacySessionId().length > 0
                && Arrays.equals(hello.legacySessionId(), cached.get().sessionId());
        return ticketOffered || idOffered ? cached : Optional.empty();
    }

    /** The server resumes when it echoes the session ID we sent (RFC 5246 §7.4.1.3, RFC 5077 §3.4). */
    private boolean isResumption(ServerHello hello) throws TlsAlertException {
        if (offeredSession.isEmpty() || sessionId.length == 0 || !Arrays.equals(sessionId, clientHello.legacySessionId())) {
            return false;
        }
        Tls12Session session = offeredSession.get();
        if (!session.cipherSuite().equals(suite)) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "server resumed the session with " + suite.name()
                    + " but it was made with " + session.cipherSuite().name() + " (RFC 5246 §7.4.1.3)");
        }
        if (session.extendedMasterSecret() != extendedMasterSecret) {
            throw new TlsAlertException(HANDSHAKE_FAILURE, "server resumed a session "
                    + (extendedMasterSecret ? "without" : "with") + " extended master secret, but its ServerHello "
                    + (extendedMasterSecret ? "has" : "lacks") + " the extension (RFC 7627 §5.3)");
        }
        return true;
    }

    private void resumeSession(Tls12Session session) {
        resumed = true;
        serverChain = session.peerCertificates();
        secrets = new Tls12Secrets(config.crypto(), suite, session.masterSecret(), clientHello.random(), serverRandom);
        listener.secretDerived("CLIENT_RANDOM", clientHello.random(), secrets.masterSecret());
        listener.note("server resumed the session: " + suite.name());
        expectServerChangeCipherSpecOrTicket();
    }

    private void expectServerChangeCipherSpecOrTicket() {
        if (expectTicket) {
            expect = Expect.NEW_SESSION_TICKET;
        } else {
            channel.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DELIVER);
            expect = Expect.CHANGE_CIPHER_SPEC;
        }
    }

    // ---- Server Certificate and ServerKeyExchange (RFC 5246 §7.4.2, §7.4.3) ----

    private void processServerCertificate(Tls12Certificate certificate, byte[] encoded) throws TlsAlertException {
        List<X509Certificate> chain = new CertificateChainDecoder(config.maxCertificateChainLength())
                .decode(certificate.certificateList());
        KeyUsageRequirement usage = suite.keyExchange() == CipherSuite.KeyExchange.RSA
                ? KeyUsageRequirement.KEY_ENCIPHERMENT : KeyUsageRequirement.DIGITAL_SIGNATURE;
        if (chain.isEmpty()) {
            throw new TlsAlertException(dev.tlsref.core.AlertDescription.DECODE_ERROR,
                    "server sent an empty certificate chain (RFC 5246 §7.4.2)");
        }
        if (config.certificateVerification() == TlsConfig.CertificateVerification.VERIFY) {
            ValidatedChain validated = new CertificateChainValidator(config.trustAnchors(), config.clock(),
                    config.maxCertificateChainLength()).validateServerChain(chain, usage);
            listener.note("server certificate chain validated to "
                    + validated.trustAnchor().getSubjectX500Principal().getName());
            if (serverName != null) {
                HostnameVerifier.verify(chain.get(0), ReferenceIdentity.parse(serverName));
                listener.note("server certificate matches " + serverName);
            }
        }
        serverChain = chain;
        serverKey = chain.get(0).getPublicKey();
        boolean fits = suite.authentication() == CipherSuite.Authentication.ECDSA
                ? serverKey instanceof ECPublicKey : serverKey instanceof RSAPublicKey;
        if (!fits) {
            throw new TlsAlertException(UNSUPPORTED_CERTIFICATE, "server certificate key ("
                    + serverKey.getAlgorithm() + ") does not fit " + suite.name());
        }
        transcript.add(encoded);
        expect = suite.keyExchange() == CipherSuite.KeyExchange.RSA
                ? Expect.CERTIFICATE_REQUEST_OR_DONE : Expect.SERVER_KEY_EXCHANGE;
    }

    private void processServerKeyExchange(ServerKeyExchange exchange, byte[] encoded) throws TlsAlertException {
        if (exchange instanceof EcdheServerKeyExchange ecdhe) {
            // RFC 8422 §5.4: a curve the client named in supported_groups.
            List<NamedGroup> offered = clientHello.extensions().find(SupportedGroups.class)
                    .map(SupportedGroups::groups).orElse(List.of());
            if (!offered.contains(ecdhe.group()) || !Tls12ServerSelection.isEcGroup(ecdhe.group())) {
                throw new TlsAlertException(ILLEGAL_PARAMETER, "server chose group " + ecdhe.group().name()
                        + ", which we did not offer (RFC 8422 §5.4)");
            }
            group = Optional.of(ecdhe.group());
        } else if (exchange instanceof DheServerKeyExchange dhe) {
            DhParameters parameters = dhParameters(dhe);
            // RFC 7919 §1 (weak groups, Logjam): refuse primes below our minimum.
            if (parameters.bitLength() < config.minDhBits()) {
                throw new TlsAlertException(INSUFFICIENT_SECURITY, "server's DH prime has " + parameters.bitLength()
                        + " bits; at least " + config.minDhBits() + " are required");
            }
            group = namedFfdheGroup(parameters);
        }
        verifyServerKeyExchangeSignature(exchange);
        serverKeyExchange = exchange;
        transcript.add(encoded);
        expect = Expect.CERTIFICATE_REQUEST_OR_DONE;
    }

    private static DhParameters dhParameters(DheServerKeyExchange dhe) throws TlsAlertException {
        try {
            return new DhParameters(new BigInteger(1, dhe.p()), new BigInteger(1, dhe.g()));
        } catch (IllegalArgumentException e) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "server's DH parameters are invalid: " + e.getMessage(), e);
        }
    }

    private static Optional<NamedGroup> namedFfdheGroup(DhParameters parameters) {
        for (NamedGroup named : List.of(NamedGroup.FFDHE2048, NamedGroup.FFDHE3072, NamedGroup.FFDHE4096)) {
            if (FfdheGroups.parameters(named.algorithm().orElseThrow()).equals(parameters)) {
                return Optional.of(named);
            }
        }
        return Optional.empty();
    }

    /** RFC 5246 §7.4.3: signed over client_random + server_random + params, with a scheme we offered. */
    private void verifyServerKeyExchangeSignature(ServerKeyExchange exchange) throws TlsAlertException {
        SignatureScheme scheme = exchange.signatureAlgorithm();
        List<SignatureScheme> offered = clientHello.extensions().find(SignatureAlgorithms.class)
                .map(SignatureAlgorithms::schemes).orElse(List.of());
        CertificateKeyScheme.checkPeerScheme(serverKey, ProtocolVersion.TLS1_2, scheme, offered);
        byte[] content = exchange.signedContent(clientHello.random(), serverRandom);
        if (!config.crypto().verify(scheme.algorithm().orElseThrow(), serverKey, content, exchange.signature())) {
            throw new TlsAlertException(DECRYPT_ERROR, "ServerKeyExchange signature does not verify (" + scheme.name() + ")");
        }
        listener.note("ServerKeyExchange signature verified (" + scheme.name() + ")");
    }

    // ---- The client's flight (RFC 5246 §7.4.6 to §7.4.9) ----

    private void sendClientFlight() throws TlsAlertException {
        Optional<ClientCredential> credential = Optional.empty();
        if (certificateRequest != null) {
            credential = chooseClientCredential();
            sendClientCertificate(credential);
        }
        byte[] premasterSecret = sendClientKeyExchange();
        deriveSecrets(premasterSecret);
        if (credential.isPresent()) {
            sendCertificateVerify(credential.get());
        }
        sendChangeCipherSpecAndFinished();
        expectServerChangeCipherSpecOrTicket();
    }

    private record ClientCredential(CertifiedKey key, SignatureScheme scheme) {}

    /** RFC 5246 §7.4.6: a certificate whose key can sign with a scheme the server asked for, else none. */
    private Optional<ClientCredential> chooseClientCredential() {
        for (CertifiedKey key : config.certifiedKeys()) {
            Optional<SignatureScheme> scheme = CertificateKeyScheme.find(key.leaf().getPublicKey(), ProtocolVersion.TLS1_2,
                    certificateRequest.supportedSignatureAlgorithms(), config.signatureSchemes());
            if (scheme.isPresent()) {
                return Optional.of(new ClientCredential(key, scheme.get()));
            }
        }
        listener.note("no client certificate fits the CertificateRequest: sending none");
        return Optional.empty();
    }

    private void sendClientCertificate(Optional<ClientCredential> credential) throws TlsAlertException {
        List<byte[]> chain = new ArrayList<>();
        if (credential.isPresent()) {
            for (X509Certificate certificate : credential.get().key().chain()) {
                try {
                    chain.add(certificate.getEncoded());
                } catch (CertificateEncodingException e) {
                    throw new TlsAlertException(INTERNAL_ERROR, "our certificate does not encode", e);
                }
            }
        }
        send(new Tls12Certificate(chain));
    }

    /** RFC 8422 §5.7, RFC 5246 §7.4.7: our share, or the RSA-encrypted premaster secret. */
    private byte[] sendClientKeyExchange() throws TlsAlertException {
        try {
            if (serverKeyExchange instanceof EcdheServerKeyExchange ecdhe) {
                KeyExchange exchange = config.crypto().keyExchange(ecdhe.group().algorithm().orElseThrow());
                KeyExchange.Result result = exchange.respond(ecdhe.publicKey(), config.random());
                send(new EcdheClientKeyExchange(result.publicShare()));
                return result.sharedSecret();
            }
            if (serverKeyExchange instanceof DheServerKeyExchange dhe) {
                DhParameters parameters = dhParameters(dhe);
                KeyExchange exchange = config.crypto().keyExchange(parameters);
                KeyExchange.Result result = exchange.respond(
                        Tls12ServerHandshake.leftPad(dhe.ys(), parameters.byteLength()), config.random());
                // dh_Yc as long as p (RFC 7919 §5.1 style), which every peer accepts.
                send(new DheClientKeyExchange(result.publicShare()));
                return Tls12ServerHandshake.stripLeadingZeros(result.sharedSecret()); // RFC 5246 §8.1.2
            }
        } catch (InvalidKeyShareException e) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "server's key exchange value is invalid: " + e.getMessage(), e);
        }
        // RFC 5246 §7.4.7.1: client_version (the version we offered, 0x0303) then 46 random bytes.
        byte[] premasterSecret = new byte[48];
        config.random().nextBytes(premasterSecret);
        premasterSecret[0] = (byte) (clientHello.legacyVersion().code() >> 8);
        premasterSecret[1] = (byte) clientHello.legacyVersion().code();
        try {
            byte[] encrypted = config.crypto().rsaEncrypt((RSAPublicKey) serverKey, premasterSecret, config.random());
            send(new RsaClientKeyExchange(encrypted));
        } catch (CryptoException e) {
            throw new TlsAlertException(INTERNAL_ERROR, "cannot encrypt the premaster secret: " + e.getMessage(), e);
        }
        return premasterSecret;
    }

    private void deriveSecrets(byte[] premasterSecret) {
        Tls12KeySchedule schedule = new Tls12KeySchedule(config.crypto(), suite.hash());
        byte[] masterSecret = extendedMasterSecret
                ? schedule.extendedMasterSecret(premasterSecret, transcript.currentHash())
                : schedule.masterSecret(premasterSecret, clientHello.random(), serverRandom);
        Arrays.fill(premasterSecret, (byte) 0);
        listener.secretDerived("CLIENT_RANDOM", clientHello.random(), masterSecret);
        listener.note(extendedMasterSecret ? "extended master secret derived (RFC 7627)" : "master secret derived");
        secrets = new Tls12Secrets(config.crypto(), suite, masterSecret, clientHello.random(), serverRandom);
        Arrays.fill(masterSecret, (byte) 0);
    }

    /** RFC 5246 §7.4.8: our signature over every handshake message so far. */
    private void sendCertificateVerify(ClientCredential credential) throws TlsAlertException {
        try {
            byte[] signature = config.crypto().sign(credential.scheme().algorithm().orElseThrow(),
                    credential.key().privateKey(), transcript.messages(), config.random());
            send(new CertificateVerify(credential.scheme(), signature));
        } catch (CryptoException e) {
            throw new TlsAlertException(INTERNAL_ERROR, "cannot sign CertificateVerify: " + e.getMessage(), e);
        }
    }

    private void sendChangeCipherSpecAndFinished() throws TlsAlertException {
        channel.sendChangeCipherSpec();
        channel.setWriteProtection(secrets.clientWriteProtection());
        send(new Finished(secrets.clientFinished(transcript.currentHash())));
    }

    /** RFC 5246 §7.4.9: constant-time comparison; decrypt_error on mismatch. */
    private void processServerFinished(Finished finished, byte[] encoded) throws TlsAlertException {
        byte[] expected = secrets.serverFinished(transcript.currentHash());
        if (!MessageDigest.isEqual(expected, finished.verifyData())) {
            throw new TlsAlertException(DECRYPT_ERROR, "server Finished verify_data is wrong");
        }
        listener.note("server Finished verified");
        transcript.add(encoded);
        if (resumed) {
            sendChangeCipherSpecAndFinished();
        }
        rememberSession();
        expect = Expect.NOTHING;
        parameters = new NegotiatedParameters(ProtocolVersion.TLS1_2, suite, group,
                Optional.ofNullable(serverKeyExchange).map(ServerKeyExchange::signatureAlgorithm), alpn,
                Optional.ofNullable(serverName), serverChain, resumed);
        channel.handshakeComplete(parameters);
    }

    /** Keeps the session for the next connection to the same server, if it can be resumed. */
    private void rememberSession() {
        if (serverName == null || (sessionId.length == 0 && newTicket.length == 0)) {
            return;
        }
        if (resumed) {
            Tls12Session old = offeredSession.orElseThrow();
            if (newTicket.length > 0) {
                config.tls12Sessions().putClientSession(serverName, old.withTicket(newTicket));
            }
            return;
        }
        config.tls12Sessions().putClientSession(serverName, new Tls12Session(sessionId, newTicket, suite,
                secrets.masterSecret(), extendedMasterSecret, serverChain, serverName, config.clock().instant()));
    }

    private void send(HandshakeMessage message) throws TlsAlertException {
        transcript.add(channel.send(config.rewriteOutgoing(message)));
    }
}
