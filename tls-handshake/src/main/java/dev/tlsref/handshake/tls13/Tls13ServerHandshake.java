package dev.tlsref.handshake.tls13;

import static dev.tlsref.core.AlertDescription.CERTIFICATE_REQUIRED;
import static dev.tlsref.core.AlertDescription.DECRYPT_ERROR;
import static dev.tlsref.core.AlertDescription.HANDSHAKE_FAILURE;
import static dev.tlsref.core.AlertDescription.ILLEGAL_PARAMETER;
import static dev.tlsref.core.AlertDescription.INTERNAL_ERROR;
import static dev.tlsref.core.AlertDescription.MISSING_EXTENSION;
import static dev.tlsref.core.AlertDescription.NO_APPLICATION_PROTOCOL;
import static dev.tlsref.core.AlertDescription.UNEXPECTED_MESSAGE;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.PskKeyExchangeMode;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.Alpn;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.KeyShareEntry;
import dev.tlsref.core.extension.KeyShareHelloRetryRequest;
import dev.tlsref.core.extension.KeyShareServerHello;
import dev.tlsref.core.extension.PreSharedKeyClientHello;
import dev.tlsref.core.extension.PreSharedKeyServerHello;
import dev.tlsref.core.extension.RecordSizeLimit;
import dev.tlsref.core.extension.ServerNameAck;
import dev.tlsref.core.extension.ServerNameList;
import dev.tlsref.core.extension.SignatureAlgorithms;
import dev.tlsref.core.extension.SignatureAlgorithmsCert;
import dev.tlsref.core.extension.SupportedGroups;
import dev.tlsref.core.extension.SupportedVersionsServerHello;
import dev.tlsref.core.message.CertificateVerify;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.DecodeContext;
import dev.tlsref.core.message.EncryptedExtensions;
import dev.tlsref.core.message.Finished;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.HandshakeMessages;
import dev.tlsref.core.message.KeyUpdate;
import dev.tlsref.core.message.ServerHello;
import dev.tlsref.core.message.Tls13Certificate;
import dev.tlsref.core.message.Tls13CertificateRequest;
import dev.tlsref.core.message.Tls13NewSessionTicket;
import dev.tlsref.core.record.ChangeCipherSpecPolicy;
import dev.tlsref.core.record.RecordProtection;
import dev.tlsref.crypto.CryptoException;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.KeyShare;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.cert.CertificateChainDecoder;
import dev.tlsref.handshake.cert.CertificateChainValidator;
import dev.tlsref.handshake.cert.CertificateKeyScheme;
import dev.tlsref.handshake.cert.CertificateSelector;
import dev.tlsref.handshake.engine.Handshake;
import dev.tlsref.handshake.engine.HandshakeChannel;
import dev.tlsref.handshake.engine.Transcript;
import dev.tlsref.handshake.session.TicketCodec;
import dev.tlsref.handshake.session.TicketState;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server side of a TLS 1.3 handshake (RFC 8446 §2, §4, §7):
 * <pre>
 *        Client                                               Server
 *
 *        ClientHello              --------&gt;     processClientHello
 *                                 &lt;--------     [HelloRetryRequest] (no share for our group)
 *        [ClientHello]            --------&gt;     processSecondClientHello
 *                                               sendServerHello (+ change_cipher_spec in compat mode)
 *                                               deriveHandshakeKeys
 *                                               sendEncryptedExtensions
 *                                               [sendCertificateRequest]      (client auth)
 *                                               [sendCertificate]             (not when resuming)
 *                                               [sendCertificateVerify]
 *                                               sendServerFinished
 *                                 &lt;--------     deriveApplicationKeys
 *        [Certificate]            --------&gt;     processClientCertificate
 *        [CertificateVerify]      --------&gt;     processClientCertificateVerify
 *        Finished                 --------&gt;     processClientFinished
 *                                 &lt;--------     [sendNewSessionTicket]
 *        KeyUpdate                &lt;-------&gt;     processKeyUpdate / updateKeys
 * </pre>
 * Each awaited message is a {@link ServerState}. Negotiation is by server preference: the
 * first of our TLS 1.3 suites the client offers; the first of our groups the client supports
 * (a HelloRetryRequest if the client sent no share for it, even when it sent one for a group
 * we rank lower); the first of our ALPN protocols the client offers.
 *
 * <p>Not supported: 0-RTT. early_data is never accepted (EncryptedExtensions never carries
 * it, tickets never allow it). RFC 8446 §4.2.10 lets a server ignore a client's early_data
 * offer only if it then skips the undecryptable 0-RTT records; the record layer does not skip
 * them, so such a client's first early record ends the connection with bad_record_mac.
 * Clients only send early data on a ticket that allowed it, which tlsref never issues.
 * No cookie in HelloRetryRequest (stateless retry is not implemented), no post-handshake
 * client authentication.
 */
public final class Tls13ServerHandshake implements Handshake {
    /** Tickets sent after each handshake (RFC 8446 §4.6.1 allows any number; ours are reusable). */
    static final int TICKETS_PER_HANDSHAKE = 1;

    private final TlsConfig config;
    private final HandshakeChannel channel;
    private final CryptoProvider crypto;
    private final HandshakeListener listener;
    private final ServerResumption resumption;
    private final Transcript transcript = new Transcript();

    private ServerState state = new ExpectClientHello();
    private boolean complete;

    // What the first ClientHello fixed.
    private byte[] clientRandom;
    private ClientHello firstClientHello;
    private byte[] retryPriorMessages = new byte[0];
    private NamedGroup retryGroup;
    private boolean changeCipherSpecSent;

    // What was negotiated.
    private CipherSuite suite;
    private Tls13KeySchedule schedule;
    private NamedGroup group;
    private Optional<String> serverName = Optional.empty();
    private boolean serverNameAcknowledged;
    private Optional<String> alpn = Optional.empty();
    private CertifiedKey certifiedKey;
    private SignatureScheme signatureScheme;
    private ServerResumption.Accepted psk;
    private boolean certificateRequested;
    private List<X509Certificate> clientChain = List.of();

    // Secrets.
    private byte[] handshakeSecret;
    private byte[] clientHandshakeSecret;
    private byte[] serverHandshakeSecret;
    private byte[] masterSecret;
    private byte[] clientApplicationSecret;
    private byte[] serverApplicationSecret;
    private byte[] exporterMasterSecret;
    private byte[] resumptionMasterSecret;
    private int clientKeyUpdates;
    private int serverKeyUpdates;
    private int ticketsIssued;

    /** A server handshake for one connection; keys, certificates and policy come from {@code config}. */
    public Tls13ServerHandshake(TlsConfig config, HandshakeChannel channel) {
        this(config, channel, defaultTicketOpener(config));
    }

    /** Test seam: opens PSK identities with {@code ticketOpener} instead of the config's ticket keys. */
    Tls13ServerHandshake(TlsConfig config, HandshakeChannel channel, Function<byte[], Optional<TicketState>> ticketOpener) {
        this.config = config;
        this.channel = channel;
        this.crypto = config.crypto();
        this.listener = config.listener();
        this.resumption = new ServerResumption(config, ticketOpener);
    }

    private static Function<byte[], Optional<TicketState>> defaultTicketOpener(TlsConfig config) {
        if (!config.sessionTickets()) {
            return identity -> Optional.empty();
        }
        TicketCodec codec = new TicketCodec(config.ticketKeys());
        return codec::open;
    }

    @Override
    public void start() {
        // RFC 8446 §5.1: every record a server writes carries 0x0303.
        channel.setRecordVersion(ProtocolVersion.TLS1_2);
    }

    @Override
    public void handleMessage(byte[] message) throws TlsAlertException {
        DecodeContext context = DecodeContext.tls13(suite != null ? suite.hash() : HashAlgorithm.SHA256);
        HandshakeMessage decoded = HandshakeMessages.decode(message, context);
        listener.messageReceived(decoded, message);
        state = state.handle(decoded, message);
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    // ---------------------------------------------------------------- states

    /** The message the server waits for, and what it does with it. */
    private sealed interface ServerState permits ExpectClientHello, ExpectSecondClientHello, ExpectClientCertificate,
            ExpectClientCertificateVerify, ExpectClientFinished, Connected {
        ServerState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException;
    }

    private final class ExpectClientHello implements ServerState {
        @Override
        public ServerState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException {
            return processClientHello(expect(message, ClientHello.class, "ClientHello"), encoded);
        }
    }

    private final class ExpectSecondClientHello implements ServerState {
        @Override
        public ServerState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException {
            return processSecondClientHello(expect(message, ClientHello.class, "second ClientHello"), encoded);
        }
    }

    private final class ExpectClientCertificate implements ServerState {
        @Override
        public ServerState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException {
            return processClientCertificate(expect(message, Tls13Certificate.class, "client Certificate"), encoded);
        }
    }

    private final class ExpectClientCertificateVerify implements ServerState {
        @Override
        public ServerState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException {
            return processClientCertificateVerify(
                    expect(message, CertificateVerify.class, "client CertificateVerify"), encoded);
        }
    }

    private final class ExpectClientFinished implements ServerState {
        @Override
        public ServerState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException {
            return processClientFinished(expect(message, Finished.class, "client Finished"), encoded);
        }
    }

    private final class Connected implements ServerState {
        @Override
        public ServerState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException {
            // RFC 8446 §4.6: after the handshake a client sends only KeyUpdate (no post-handshake auth offered).
            processKeyUpdate(expect(message, KeyUpdate.class, "KeyUpdate"));
            return this;
        }
    }

    private static <T extends HandshakeMessage> T expect(HandshakeMessage message, Class<T> kind, String what)
            throws TlsAlertException {
        if (!kind.isInstance(message)) {
            throw new TlsAlertException(UNEXPECTED_MESSAGE, "expected " + what + ", received "
                    + message.type().name() + " (RFC 8446 §4)");
        }
        return kind.cast(message);
    }

    // ---------------------------------------------------------------- ClientHello

    private ServerState processClientHello(ClientHello hello, byte[] encoded) throws TlsAlertException {
        clientRandom = hello.random();
        firstClientHello = hello;
        // RFC 8446 §5: compatibility change_cipher_spec records may arrive from now until the client's Finished.
        channel.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DROP_TLS13_COMPATIBILITY);
        checkClientHello(hello);
        suite = chooseCipherSuite(hello);
        schedule = new Tls13KeySchedule(crypto, suite.hash());
        transcript.add(encoded);
        transcript.useHash(crypto, suite.hash());
        Negotiation plan = negotiate(hello);
        if (plan.needsRetry()) {
            return sendHelloRetryRequest(hello, plan.group());
        }
        return completeClientHello(hello, encoded, plan, false);
    }

    private ServerState processSecondClientHello(ClientHello hello, byte[] encoded) throws TlsAlertException {
        checkClientHello(hello);
        ServerClientHelloChecks.checkSecondClientHello(firstClientHello, hello, retryGroup);
        if (!chooseCipherSuite(hello).equals(suite)) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "second ClientHello leads to another cipher suite");
        }
        transcript.add(encoded);
        Negotiation plan = negotiate(hello);
        if (plan.needsRetry() || (plan.group() != null && !plan.group().equals(retryGroup))) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "second ClientHello does not offer a usable "
                    + retryGroup.name() + " share as the HelloRetryRequest asked (RFC 8446 §4.1.2)");
        }
        return completeClientHello(hello, encoded, plan, true);
    }

    private void checkClientHello(ClientHello hello) throws TlsAlertException {
        ServerClientHelloChecks.checkVersion(hello, config);
        ServerClientHelloChecks.checkCompression(hello);
        ServerClientHelloChecks.checkExtensions(hello);
    }

    /** RFC 8446 §4.1.1: our most preferred TLS 1.3 suite that the client offers. */
    private CipherSuite chooseCipherSuite(ClientHello hello) throws TlsAlertException {
        for (CipherSuite ours : config.cipherSuites()) {
            if (ours.isTls13() && hello.cipherSuites().contains(ours) && crypto.supports(ours.aead())) {
                return ours;
            }
        }
        throw new TlsAlertException(HANDSHAKE_FAILURE, "no TLS 1.3 cipher suite in common: client offers "
                + hello.cipherSuites() + ", we enable " + config.cipherSuites());
    }

    /**
     * What to do with a ClientHello: the group (null for psk_ke), the client's share for it
     * (null: retry), and the ticket to resume, if any.
     */
    private record Negotiation(NamedGroup group, KeyShareEntry share, ServerResumption.Accepted psk) {
        boolean needsRetry() {
            return group != null && share == null;
        }
    }

    private Negotiation negotiate(ClientHello hello) throws TlsAlertException {
        Extensions ext = hello.extensions();
        List<KeyShareEntry> shares = ServerClientHelloChecks.checkKeyShares(hello);
        serverName = ext.find(ServerNameList.class).flatMap(ServerNameList::hostName);
        Optional<NamedGroup> common = chooseGroup(ext.find(SupportedGroups.class)
                .map(SupportedGroups::groups).orElse(List.of()));
        Optional<ServerResumption.Accepted> accepted = resumption.choose(hello, suite, serverName, common.isPresent());
        boolean needsGroup = accepted.isEmpty() || accepted.get().mode().equals(PskKeyExchangeMode.PSK_DHE_KE);
        if (accepted.isEmpty()) {
            // RFC 8446 §9.2: without a PSK, certificate authentication needs these.
            if (ext.find(SignatureAlgorithms.class).isEmpty()) {
                throw new TlsAlertException(MISSING_EXTENSION,
                        "ClientHello without a usable PSK lacks signature_algorithms (RFC 8446 §9.2)");
            }
            if (ext.find(SupportedGroups.class).isEmpty()) {
                throw new TlsAlertException(MISSING_EXTENSION,
                        "ClientHello without a usable PSK lacks supported_groups and key_share (RFC 8446 §9.2)");
            }
        }
        if (!needsGroup) {
            return new Negotiation(null, null, accepted.get());
        }
        if (common.isEmpty()) {
            throw new TlsAlertException(HANDSHAKE_FAILURE, "no group in common: client supports "
                    + ext.find(SupportedGroups.class).map(SupportedGroups::groups).orElse(List.of())
                    + ", we enable " + config.groups());
        }
        KeyShareEntry share = null;
        for (KeyShareEntry s : shares) {
            if (s.group().equals(common.get())) {
                share = s;
            }
        }
        return new Negotiation(common.get(), share, accepted.orElse(null));
    }

    /** RFC 8446 §4.2.7: our most preferred group that the client supports and the provider implements. */
    private Optional<NamedGroup> chooseGroup(List<NamedGroup> clientGroups) {
        for (NamedGroup ours : config.groups()) {
            Optional<KeyExchangeAlgorithm> algorithm = ours.algorithm();
            if (clientGroups.contains(ours) && algorithm.isPresent() && crypto.supports(algorithm.get())) {
                return Optional.of(ours);
            }
        }
        return Optional.empty();
    }

    /** RFC 8446 §4.1.4: ask for a share of {@code wanted}; the transcript restarts from message_hash. */
    private ServerState sendHelloRetryRequest(ClientHello hello, NamedGroup wanted) throws TlsAlertException {
        byte[] firstHash = transcript.currentHash();
        transcript.replaceWithMessageHash(crypto);
        ServerHello retry = ServerHello.helloRetryRequest(hello.legacySessionId(), suite, Extensions.of(
                new KeyShareHelloRetryRequest(wanted),
                new SupportedVersionsServerHello(ProtocolVersion.TLS1_3)));
        byte[] retryEncoded = send(retry);
        retryGroup = wanted;
        // The binder of a PSK in the second ClientHello covers message_hash(ClientHello1) and the HRR.
        byte[] header = {(byte) HandshakeType.MESSAGE_HASH.code(), 0, 0, (byte) firstHash.length};
        retryPriorMessages = concat(header, firstHash, retryEncoded);
        listener.note("HelloRetryRequest sent: client has no key share for " + wanted.name());
        sendCompatibilityChangeCipherSpec(hello);
        return new ExpectSecondClientHello();
    }

    private ServerState completeClientHello(ClientHello hello, byte[] encoded, Negotiation plan, boolean afterRetry)
            throws TlsAlertException {
        group = plan.group();
        psk = plan.psk();
        byte[] pskBytes = psk != null ? psk.state().resumptionPsk() : null;
        byte[] earlySecret = schedule.earlySecret(pskBytes);
        if (pskBytes != null) {
            Arrays.fill(pskBytes, (byte) 0);
            psk.state().destroy();
        }
        if (psk != null) {
            ServerResumption.verifyBinder(crypto, schedule, earlySecret,
                    hello.extensions().find(PreSharedKeyClientHello.class).orElseThrow(), psk.index(),
                    retryPriorMessages, encoded);
            listener.note("PSK binder of identity " + psk.index() + " verified; resuming ("
                    + psk.mode().name() + ")");
        } else {
            chooseCertificate(hello);
        }
        alpn = chooseAlpn(hello);
        byte[] sharedSecret = sendServerHello(hello, plan.share());
        if (!afterRetry) {
            sendCompatibilityChangeCipherSpec(hello);
        }
        deriveHandshakeKeys(earlySecret, sharedSecret);
        Arrays.fill(earlySecret, (byte) 0);
        sendEncryptedExtensions(hello);
        if (psk == null) {
            if (config.clientAuth() != ClientAuth.NONE) {
                sendCertificateRequest();
            }
            sendCertificate();
            sendCertificateVerify();
        }
        sendServerFinished();
        deriveApplicationKeys();
        return certificateRequested ? new ExpectClientCertificate() : new ExpectClientFinished();
    }

    /** RFC 8446 §4.4.2.2, RFC 6066 §3: a chain for the client's name and signature_algorithms(_cert). */
    private void chooseCertificate(ClientHello hello) throws TlsAlertException {
        if (config.certifiedKeys().isEmpty()) {
            throw new TlsAlertException(HANDSHAKE_FAILURE, "this server has no certificate configured");
        }
        List<List<X509Certificate>> chains = new ArrayList<>();
        for (CertifiedKey key : config.certifiedKeys()) {
            chains.add(key.chain());
        }
        CertificateSelector selector = new CertificateSelector(chains, config.signatureSchemes());
        List<SignatureScheme> offered = hello.extensions().find(SignatureAlgorithms.class)
                .map(SignatureAlgorithms::schemes).orElse(List.of());
        Optional<List<SignatureScheme>> offeredCert = hello.extensions().find(SignatureAlgorithmsCert.class)
                .map(SignatureAlgorithmsCert::schemes);
        CertificateSelector.Selection selection = selector.select(serverName, ProtocolVersion.TLS1_3, offered,
                offeredCert);
        certifiedKey = config.certifiedKeys().get(selection.index());
        signatureScheme = selection.scheme();
        serverNameAcknowledged = serverName.isPresent() && selection.matchesServerName();
    }

    /** RFC 7301 §3.2: our most preferred protocol that the client offers; none: no_application_protocol. */
    private Optional<String> chooseAlpn(ClientHello hello) throws TlsAlertException {
        Optional<Alpn> offered = hello.extensions().find(Alpn.class);
        if (offered.isEmpty() || config.alpnProtocols().isEmpty()) {
            return Optional.empty();
        }
        for (String ours : config.alpnProtocols()) {
            if (offered.get().protocols().contains(ours)) {
                return Optional.of(ours);
            }
        }
        throw new TlsAlertException(NO_APPLICATION_PROTOCOL, "no ALPN protocol in common: client offers "
                + offered.get().protocols() + ", we support " + config.alpnProtocols() + " (RFC 7301 §3.2)");
    }

    // ---------------------------------------------------------------- server flight

    /** RFC 8446 §4.1.3; returns the (EC)DHE shared secret, or null for psk_ke. */
    private byte[] sendServerHello(ClientHello hello, KeyShareEntry clientShare) throws TlsAlertException {
        byte[] random = new byte[32];
        config.random().nextBytes(random);
        List<Extension> extensions = new ArrayList<>();
        if (psk != null) {
            // Any order is valid; this is the order of RFC 8448 §4.
            extensions.add(new PreSharedKeyServerHello(psk.index()));
        }
        byte[] sharedSecret = null;
        if (clientShare != null) {
            KeyExchange.Result result = respond(clientShare);
            sharedSecret = result.sharedSecret();
            extensions.add(new KeyShareServerHello(new KeyShareEntry(group, result.publicShare())));
        }
        extensions.add(new SupportedVersionsServerHello(ProtocolVersion.TLS1_3));
        send(new ServerHello(random, hello.legacySessionId(), suite, Extensions.of(extensions)));
        return sharedSecret;
    }

    /** RFC 8446 §4.2.8: answer the client's share; an invalid one is illegal_parameter. */
    private KeyExchange.Result respond(KeyShareEntry clientShare) throws TlsAlertException {
        KeyExchangeAlgorithm algorithm = group.algorithm().orElseThrow();
        KeyExchange exchange = crypto.keyExchange(algorithm);
        try {
            Optional<byte[]> fixed = config.ephemeralPrivateKey(group);
            if (fixed.isPresent() && !algorithm.isKem()) {
                KeyShare share = exchange.fromPrivateKey(fixed.get());
                try {
                    return new KeyExchange.Result(share.publicShare(), share.agree(clientShare.keyExchange()));
                } finally {
                    share.destroy();
                }
            }
            return exchange.respond(clientShare.keyExchange(), config.random());
        } catch (InvalidKeyShareException e) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "client's " + group.name() + " key share is invalid: "
                    + e.getMessage() + " (RFC 8446 §4.2.8)", e);
        }
    }

    /** RFC 8446 §D.4: one dummy change_cipher_spec after our first handshake message, if the client is in compat mode. */
    private void sendCompatibilityChangeCipherSpec(ClientHello hello) throws TlsAlertException {
        if (!changeCipherSpecSent && hello.legacySessionId().length > 0 && config.middleboxCompatibility()) {
            channel.sendChangeCipherSpec();
            changeCipherSpecSent = true;
        }
    }

    private void deriveHandshakeKeys(byte[] earlySecret, byte[] sharedSecret) throws TlsAlertException {
        handshakeSecret = schedule.handshakeSecret(earlySecret, sharedSecret);
        if (sharedSecret != null) {
            Arrays.fill(sharedSecret, (byte) 0);
        }
        byte[] helloHash = transcript.currentHash();
        clientHandshakeSecret = schedule.clientHandshakeTrafficSecret(handshakeSecret, helloHash);
        serverHandshakeSecret = schedule.serverHandshakeTrafficSecret(handshakeSecret, helloHash);
        listener.secretDerived("CLIENT_HANDSHAKE_TRAFFIC_SECRET", clientRandom, clientHandshakeSecret.clone());
        listener.secretDerived("SERVER_HANDSHAKE_TRAFFIC_SECRET", clientRandom, serverHandshakeSecret.clone());
        channel.setWriteProtection(protection(serverHandshakeSecret));
        channel.setReadProtection(protection(clientHandshakeSecret));
    }

    /** RFC 8446 §4.3.1, with the record_size_limit rules of RFC 8449 §4. */
    private void sendEncryptedExtensions(ClientHello hello) throws TlsAlertException {
        List<Extension> extensions = new ArrayList<>();
        if (serverNameAcknowledged) {
            extensions.add(new ServerNameAck());
        }
        alpn.ifPresent(protocol -> extensions.add(Alpn.of(protocol)));
        Optional<RecordSizeLimit> peerLimit = hello.extensions().find(RecordSizeLimit.class);
        if (peerLimit.isPresent()) {
            channel.setPeerRecordSizeLimit(peerLimit.get().limit());
            if (config.recordSizeLimit() != 0) {
                extensions.add(new RecordSizeLimit(config.recordSizeLimit()));
                channel.setOwnRecordSizeLimit(config.recordSizeLimit());
            }
        }
        send(new EncryptedExtensions(Extensions.of(extensions)));
    }

    /** RFC 8446 §4.3.2: empty context during the handshake; the schemes we accept. */
    private void sendCertificateRequest() throws TlsAlertException {
        send(new Tls13CertificateRequest(new byte[0],
                Extensions.of(new SignatureAlgorithms(config.signatureSchemes()))));
        certificateRequested = true;
    }

    /** RFC 8446 §4.4.2: our chain, leaf first, no per-certificate extensions. */
    private void sendCertificate() throws TlsAlertException {
        List<Tls13Certificate.Entry> entries = new ArrayList<>();
        for (X509Certificate certificate : certifiedKey.chain()) {
            try {
                entries.add(new Tls13Certificate.Entry(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new TlsAlertException(INTERNAL_ERROR, "cannot encode our certificate: " + e.getMessage(), e);
            }
        }
        send(new Tls13Certificate(new byte[0], entries));
    }

    /** RFC 8446 §4.4.3: sign the transcript through Certificate with the scheme chosen for our key. */
    private void sendCertificateVerify() throws TlsAlertException {
        byte[] content = CertificateVerifyContent.server(transcript.currentHash());
        byte[] signature;
        try {
            signature = crypto.sign(signatureScheme.algorithm().orElseThrow(), certifiedKey.privateKey(), content,
                    config.random());
        } catch (CryptoException e) {
            throw new TlsAlertException(INTERNAL_ERROR, "signing CertificateVerify with " + signatureScheme.name()
                    + " failed: " + e.getMessage(), e);
        }
        send(new CertificateVerify(signatureScheme, signature));
    }

    /** RFC 8446 §4.4.4. */
    private void sendServerFinished() throws TlsAlertException {
        byte[] finishedKey = schedule.finishedKey(serverHandshakeSecret);
        byte[] verifyData = schedule.finishedVerifyData(finishedKey, transcript.currentHash());
        Arrays.fill(finishedKey, (byte) 0);
        send(new Finished(verifyData));
    }

    /** RFC 8446 §7.1: the application secrets hash the transcript through the server Finished. */
    private void deriveApplicationKeys() throws TlsAlertException {
        byte[] throughServerFinished = transcript.currentHash();
        masterSecret = schedule.masterSecret(handshakeSecret);
        clientApplicationSecret = schedule.clientApplicationTrafficSecret(masterSecret, throughServerFinished);
        serverApplicationSecret = schedule.serverApplicationTrafficSecret(masterSecret, throughServerFinished);
        exporterMasterSecret = schedule.exporterMasterSecret(masterSecret, throughServerFinished);
        listener.secretDerived("CLIENT_TRAFFIC_SECRET_0", clientRandom, clientApplicationSecret.clone());
        listener.secretDerived("SERVER_TRAFFIC_SECRET_0", clientRandom, serverApplicationSecret.clone());
        listener.secretDerived("EXPORTER_SECRET", clientRandom, exporterMasterSecret.clone());
        channel.setWriteProtection(protection(serverApplicationSecret));
    }

    // ---------------------------------------------------------------- client flight

    /** RFC 8446 §4.4.2, §4.4.2.4: the client's chain, validated; empty only when client auth is optional. */
    private ServerState processClientCertificate(Tls13Certificate certificate, byte[] encoded)
            throws TlsAlertException {
        if (certificate.certificateRequestContext().length != 0) {
            throw new TlsAlertException(ILLEGAL_PARAMETER,
                    "client Certificate has a certificate_request_context we did not send (RFC 8446 §4.4.2)");
        }
        transcript.add(encoded);
        List<byte[]> entries = new ArrayList<>();
        for (Tls13Certificate.Entry entry : certificate.entries()) {
            entries.add(entry.certData());
        }
        List<X509Certificate> chain = new CertificateChainDecoder(config.maxCertificateChainLength()).decode(entries);
        if (chain.isEmpty()) {
            if (config.clientAuth() == ClientAuth.REQUIRED) {
                throw new TlsAlertException(CERTIFICATE_REQUIRED,
                        "client sent no certificate and this server requires one (RFC 8446 §4.4.2.4)");
            }
            listener.note("client sent no certificate (client authentication is optional)");
            return new ExpectClientFinished();
        }
        if (config.certificateVerification() == TlsConfig.CertificateVerification.VERIFY) {
            new CertificateChainValidator(config.trustAnchors(), config.clock(), config.maxCertificateChainLength())
                    .validateClientChain(chain);
            listener.note("client certificate chain validated for "
                    + chain.get(0).getSubjectX500Principal().getName());
        } else {
            listener.note("client certificate chain NOT validated (INSECURE_TRUST_ANY_CERTIFICATE)");
        }
        clientChain = chain;
        return new ExpectClientCertificateVerify();
    }

    /** RFC 8446 §4.4.3: the client's signature over the transcript through its Certificate. */
    private ServerState processClientCertificateVerify(CertificateVerify verify, byte[] encoded)
            throws TlsAlertException {
        PublicKey key = clientChain.get(0).getPublicKey();
        CertificateKeyScheme.checkPeerScheme(key, ProtocolVersion.TLS1_3, verify.algorithm(),
                config.signatureSchemes());
        byte[] content = CertificateVerifyContent.client(transcript.currentHash());
        if (!crypto.verify(verify.algorithm().algorithm().orElseThrow(), key, content, verify.signature())) {
            throw new TlsAlertException(DECRYPT_ERROR, "client CertificateVerify signature ("
                    + verify.algorithm().name() + ") does not verify (RFC 8446 §4.4.3)");
        }
        listener.note("client CertificateVerify signature verified (" + verify.algorithm().name() + ")");
        transcript.add(encoded);
        return new ExpectClientFinished();
    }

    /** RFC 8446 §4.4.4: verify, then switch to the client's application keys and finish. */
    private ServerState processClientFinished(Finished finished, byte[] encoded) throws TlsAlertException {
        byte[] finishedKey = schedule.finishedKey(clientHandshakeSecret);
        byte[] expected = schedule.finishedVerifyData(finishedKey, transcript.currentHash());
        Arrays.fill(finishedKey, (byte) 0);
        if (!MessageDigest.isEqual(expected, finished.verifyData())) {
            throw new TlsAlertException(DECRYPT_ERROR, "client Finished does not verify (RFC 8446 §4.4.4)");
        }
        listener.note("client Finished verified");
        transcript.add(encoded);
        resumptionMasterSecret = schedule.resumptionMasterSecret(masterSecret, transcript.currentHash());
        channel.setReadProtection(protection(clientApplicationSecret));
        channel.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.REJECT);
        destroy(handshakeSecret, clientHandshakeSecret, serverHandshakeSecret);
        complete = true;
        channel.handshakeComplete(negotiatedParameters());
        if (config.sessionTickets()) {
            for (int i = 0; i < TICKETS_PER_HANDSHAKE; i++) {
                sendNewSessionTicket();
            }
        }
        return new Connected();
    }

    private NegotiatedParameters negotiatedParameters() {
        List<X509Certificate> peer = clientChain;
        return new NegotiatedParameters(ProtocolVersion.TLS1_3, suite, Optional.ofNullable(group),
                Optional.ofNullable(signatureScheme), alpn, serverName, peer, psk != null);
    }

    // ---------------------------------------------------------------- after the handshake

    /** RFC 8446 §4.6.1: a stateless ticket sealing the resumption PSK and what resumption must match. */
    private void sendNewSessionTicket() throws TlsAlertException {
        byte[] ageAddBytes = new byte[4];
        config.random().nextBytes(ageAddBytes);
        long ageAdd = ((ageAddBytes[0] & 0xffL) << 24) | ((ageAddBytes[1] & 0xff) << 16)
                | ((ageAddBytes[2] & 0xff) << 8) | (ageAddBytes[3] & 0xff);
        byte[] nonce = {(byte) ticketsIssued++};
        long lifetime = config.ticketLifetime().getSeconds();
        byte[] ticketPsk = schedule.resumptionPsk(resumptionMasterSecret, nonce);
        TicketState ticketState = new TicketState(suite, ticketPsk, Instant.ofEpochMilli(config.clock().millis()),
                lifetime, ageAdd, alpn, serverName,
                !clientChain.isEmpty() || (psk != null && psk.state().clientAuthenticated()));
        Arrays.fill(ticketPsk, (byte) 0);
        byte[] ticket = new TicketCodec(config.ticketKeys()).seal(ticketState);
        ticketState.destroy();
        send(new Tls13NewSessionTicket(lifetime, ageAdd, nonce, ticket, Extensions.EMPTY));
    }

    /** RFC 8446 §4.6.3: the client changed its keys; answer with ours if it asks. */
    private void processKeyUpdate(KeyUpdate update) throws TlsAlertException {
        clientApplicationSecret = next(clientApplicationSecret);
        clientKeyUpdates++;
        listener.secretDerived("CLIENT_TRAFFIC_SECRET_" + clientKeyUpdates, clientRandom,
                clientApplicationSecret.clone());
        channel.setReadProtection(protection(clientApplicationSecret));
        if (update.requestUpdate() == KeyUpdate.Request.UPDATE_REQUESTED) {
            sendKeyUpdate(KeyUpdate.Request.UPDATE_NOT_REQUESTED);
        }
    }

    @Override
    public void updateKeys(boolean requestPeer) throws TlsAlertException {
        if (!complete) {
            throw new IllegalStateException("keys can be updated only after the handshake");
        }
        sendKeyUpdate(requestPeer ? KeyUpdate.Request.UPDATE_REQUESTED : KeyUpdate.Request.UPDATE_NOT_REQUESTED);
    }

    private void sendKeyUpdate(KeyUpdate.Request request) throws TlsAlertException {
        send(new KeyUpdate(request));
        serverApplicationSecret = next(serverApplicationSecret);
        serverKeyUpdates++;
        listener.secretDerived("SERVER_TRAFFIC_SECRET_" + serverKeyUpdates, clientRandom,
                serverApplicationSecret.clone());
        channel.setWriteProtection(protection(serverApplicationSecret));
    }

    @Override
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        if (!complete) {
            throw new IllegalStateException("keying material can be exported only after the handshake");
        }
        // RFC 8446 §7.5: no context and an empty context are the same in TLS 1.3.
        return schedule.exporter(exporterMasterSecret, label, context != null ? context : new byte[0], length);
    }

    // ---------------------------------------------------------------- helpers

    /** Rewrites (a test hook), sends and adds to the transcript; returns the bytes sent. */
    private byte[] send(HandshakeMessage message) throws TlsAlertException {
        byte[] encoded = channel.send(config.rewriteOutgoing(message));
        if (!(message instanceof Tls13NewSessionTicket) && !(message instanceof KeyUpdate)) {
            transcript.add(encoded);
        }
        return encoded;
    }

    private RecordProtection protection(byte[] trafficSecret) {
        TrafficKeys keys = schedule.trafficKeys(trafficSecret, suite.aead());
        try {
            return RecordProtection.tls13(crypto, suite.aead(), keys.key(), keys.iv());
        } finally {
            keys.destroy();
        }
    }

    private byte[] next(byte[] trafficSecret) {
        byte[] next = schedule.nextApplicationTrafficSecret(trafficSecret);
        Arrays.fill(trafficSecret, (byte) 0);
        return next;
    }

    private static void destroy(byte[]... secrets) {
        for (byte[] secret : secrets) {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    // Test accessors for secrets no NSS key log label names.
    byte[] resumptionMasterSecretForTesting() {
        return resumptionMasterSecret.clone();
    }

    byte[] masterSecretForTesting() {
        return masterSecret.clone();
    }
}
