package dev.tlsref.handshake.tls13;

import static dev.tlsref.core.AlertDescription.DECODE_ERROR;
import static dev.tlsref.core.AlertDescription.DECRYPT_ERROR;
import static dev.tlsref.core.AlertDescription.ILLEGAL_PARAMETER;
import static dev.tlsref.core.AlertDescription.MISSING_EXTENSION;
import static dev.tlsref.core.AlertDescription.PROTOCOL_VERSION;
import static dev.tlsref.core.AlertDescription.UNEXPECTED_MESSAGE;
import static dev.tlsref.core.AlertDescription.UNSUPPORTED_EXTENSION;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.HandshakeType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.Alpn;
import dev.tlsref.core.extension.Cookie;
import dev.tlsref.core.extension.EarlyData;
import dev.tlsref.core.extension.MaxEarlyDataSize;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.KeyShareHelloRetryRequest;
import dev.tlsref.core.extension.KeyShareServerHello;
import dev.tlsref.core.extension.PreSharedKeyServerHello;
import dev.tlsref.core.extension.RecordSizeLimit;
import dev.tlsref.core.extension.SupportedVersionsClientHello;
import dev.tlsref.core.extension.SupportedVersionsServerHello;
import dev.tlsref.core.message.CertificateVerify;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.DecodeContext;
import dev.tlsref.core.message.EncryptedExtensions;
import dev.tlsref.core.message.EndOfEarlyData;
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
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.Hash;
import dev.tlsref.crypto.HashAlgorithm;
import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyShare;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.NegotiatedParameters;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsConfig.CertificateVerification;
import dev.tlsref.handshake.cert.ReferenceIdentity;
import dev.tlsref.handshake.engine.Handshake;
import dev.tlsref.handshake.tls12.Tls12ClientHandshake;
import dev.tlsref.handshake.engine.HandshakeChannel;
import dev.tlsref.handshake.engine.Transcript;
import dev.tlsref.handshake.session.ClientSession;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The TLS 1.3 client handshake (RFC 8446 §2, §4), sans-IO: it is handed each complete
 * handshake message and answers through its {@link HandshakeChannel}.
 * <pre>
 *        Client                                               Server
 *
 * start  ClientHello              --------&gt;
 *                                 &lt;--------      HelloRetryRequest   ExpectServerHello (at most one HRR)
 *        [ChangeCipherSpec]
 *        ClientHello              --------&gt;
 *                                                       ServerHello   ExpectServerHello
 *                                             {EncryptedExtensions}   ExpectEncryptedExtensions
 *                                             {CertificateRequest*}   ExpectCertificate (or the request)
 *                                                    {Certificate*}   ExpectCertificate
 *                                              {CertificateVerify*}   ExpectCertificateVerify
 *                                 &lt;--------              {Finished}   ExpectFinished
 *        [ChangeCipherSpec]
 *        {Certificate*}
 *        {CertificateVerify*}
 *        {Finished}               --------&gt;
 *                                 &lt;--------     [NewSessionTicket]   Connected
 *        [KeyUpdate]              &lt;-------&gt;           [KeyUpdate]   Connected
 *
 *   {} handshake traffic keys, [] application traffic keys, * only without a PSK (certificates)
 *   or when the server asks (client certificate); ChangeCipherSpec only in compatibility mode.
 * </pre>
 * Resumption (§2.2): a ticket from the config's {@link dev.tlsref.handshake.session.ClientSessionCache}
 * is offered in pre_shared_key; if the server accepts it, Certificate and CertificateVerify
 * are skipped.
 *
 * <p>0-RTT (§2.3, §4.2.10), only if the config enables {@link TlsConfig#earlyData()}, data was
 * given with {@link #offerEarlyData} and the ticket's max_early_data_size allows it: the
 * ClientHello offers early_data, and the data follows at once under client_early_traffic_secret
 * (after the compatibility change_cipher_spec, §D.4). If EncryptedExtensions accepts it, the
 * client ends it with {EndOfEarlyData} under the early keys before its Finished (§4.5);
 * otherwise (no early_data in EncryptedExtensions, ticket declined, HelloRetryRequest) the
 * data is lost and {@link #earlyDataAccepted()} says so.
 * <pre>
 *        ClientHello + early_data + pre_shared_key
 *        (Application Data*)      --------&gt;   (0-RTT, client_early_traffic_secret)
 *                                                 ServerHello ... {Finished}
 *        (EndOfEarlyData)
 *        {Finished}               --------&gt;
 * </pre>
 *
 * <p>If TLS 1.2 is enabled too and the server's ServerHello negotiates it (no
 * supported_versions, RFC 8446 §4.2.1), the downgrade sentinel is checked (§4.1.3) and a
 * {@link Tls12ClientHandshake} continues from that ServerHello with the ClientHello already sent.
 */
public final class Tls13ClientHandshake implements Handshake {
    /** RFC 8446 §4.6.1: servers MUST NOT use a ticket_lifetime over 7 days. */
    private static final long MAX_TICKET_LIFETIME_SECONDS = 604_800;
    /** RFC 8449 §4: the largest record_size_limit that means anything in TLS 1.3 (2^14 + 1). */
    private static final int MAX_RECORD_SIZE_LIMIT = (1 << 14) + 1;
    /** RFC 8446 §4.1.3: the only extensions a TLS 1.3 ServerHello carries. */
    private static final Set<ExtensionType> SERVER_HELLO_EXTENSIONS = Set.of(
            ExtensionType.SUPPORTED_VERSIONS, ExtensionType.KEY_SHARE, ExtensionType.PRE_SHARED_KEY);
    /** RFC 8446 §4.1.4: the extensions a HelloRetryRequest may carry. */
    private static final Set<ExtensionType> HELLO_RETRY_REQUEST_EXTENSIONS = Set.of(
            ExtensionType.SUPPORTED_VERSIONS, ExtensionType.KEY_SHARE, ExtensionType.COOKIE);
    /** RFC 8446 §4.2 table ("EE"), RFC 8449 §4, RFC 7301: what may be in EncryptedExtensions. */
    private static final Set<ExtensionType> ENCRYPTED_EXTENSIONS = Set.of(
            ExtensionType.SERVER_NAME, ExtensionType.SUPPORTED_GROUPS,
            ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, ExtensionType.RECORD_SIZE_LIMIT,
            ExtensionType.EARLY_DATA);

    private final TlsConfig config;
    private final Optional<String> serverName;
    private final Optional<ReferenceIdentity> serverIdentity;
    private final HandshakeChannel channel;
    private final HandshakeListener listener;
    private final Transcript transcript = new Transcript();
    /** The server's Certificate and CertificateVerify, and the client's if asked (§4.4.2, §4.4.3). */
    private final Tls13ClientAuthentication authentication;

    private ClientState state;
    /** Set when the server chose TLS 1.2: from its ServerHello on, that handshake runs instead. */
    private Tls12ClientHandshake tls12;
    private Tls13ClientOffer offer;
    private byte[] clientHello1;
    private boolean changeCipherSpecSent;
    private boolean complete;

    /** 0-RTT (RFC 8446 §2.3): the data offered, and whether it was sent and accepted. */
    private final Tls13ClientEarlyData earlyData;

    // What the server chose.
    private CipherSuite suite;
    private Tls13KeySchedule schedule;
    private DecodeContext decodeContext = DecodeContext.tls13(HashAlgorithm.SHA256);
    private Optional<NamedGroup> group = Optional.empty();
    private Optional<ClientSession> resumed = Optional.empty();
    private Optional<String> alpn = Optional.empty();

    // Secrets (RFC 8446 §7.1).
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

    /**
     * A client handshake.
     *
     * @param config the configuration; TLS 1.3 must be among its versions
     * @param serverName the host the client connects to, a DNS name or an IP literal; sent
     *     as server_name if a DNS name (RFC 6066 §3) and checked against the certificate.
     *     May be null only with {@link CertificateVerification#INSECURE_TRUST_ANY_CERTIFICATE}
     *     (otherwise the handshake fails when the certificate arrives)
     * @param channel the connection's side of the handshake
     * @throws IllegalArgumentException if TLS 1.3 is not enabled or serverName is neither a
     *     DNS name nor an IP literal
     */
    public Tls13ClientHandshake(TlsConfig config, String serverName, HandshakeChannel channel) {
        if (!config.versions().contains(ProtocolVersion.TLS1_3)) {
            throw new IllegalArgumentException("TLS 1.3 is not enabled in this config");
        }
        this.config = config;
        this.serverName = Optional.ofNullable(serverName);
        this.serverIdentity = this.serverName.map(ReferenceIdentity::parse);
        this.channel = channel;
        this.listener = config.listener();
        this.authentication = new Tls13ClientAuthentication(config, serverIdentity, transcript, channel);
        this.earlyData = new Tls13ClientEarlyData(config, channel);
    }

    /**
     * 0-RTT data to send right after the ClientHello (RFC 8446 §2.3), if the config enables
     * early data and the resumed ticket allows this much; call before {@link #start}.
     */
    public void offerEarlyData(byte[] data) {
        if (state != null) {
            throw new IllegalStateException("early data must be given before the handshake starts");
        }
        earlyData.offer(data);
    }

    /** True once the server accepted the 0-RTT data (early_data in EncryptedExtensions). */
    @Override
    public boolean earlyDataAccepted() {
        return earlyData.accepted();
    }

    // ---------------------------------------------------------------- Handshake

    @Override
    public void start() throws TlsAlertException {
        if (state != null) {
            throw new IllegalStateException("handshake already started");
        }
        Optional<ClientSession> session = takeSession();
        boolean sendEarlyData = earlyData.fits(session);
        offer = new Tls13ClientOffer(config, sniHostName(), session, sendEarlyData);
        // RFC 8446 §5.1: the first ClientHello's record may say 0x0301 for compatibility.
        channel.setRecordVersion(ProtocolVersion.TLS1_0);
        // RFC 8446 §5: from the first ClientHello until the peer's Finished, a CCS is dropped.
        channel.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.DROP_TLS13_COMPATIBILITY);
        clientHello1 = sendClientHello(new byte[0]);
        state = new ExpectServerHello(false);
        if (sendEarlyData) {
            earlyData.send(offer.session().orElseThrow(), clientHello1, offer.sent().random(),
                    this::sendCompatibilityChangeCipherSpec);
        }
    }

    @Override
    public void handleMessage(byte[] message) throws TlsAlertException {
        if (state == null) {
            throw new IllegalStateException("start() first");
        }
        if (tls12 != null) {
            tls12.handleMessage(message);
            return;
        }
        HandshakeMessage decoded = HandshakeMessages.decode(message, decodeContext);
        if (state instanceof ExpectServerHello first && !first.afterRetry && decoded instanceof ServerHello hello
                && selectsTls12(hello)) {
            continueWithTls12(hello, message);
            return;
        }
        listener.messageReceived(decoded, message);
        state = state.handle(decoded, message);
    }

    @Override
    public void handleChangeCipherSpec() throws TlsAlertException {
        if (tls12 == null) {
            Handshake.super.handleChangeCipherSpec();
        } else {
            tls12.handleChangeCipherSpec();
        }
    }

    @Override
    public boolean isComplete() {
        return tls12 != null ? tls12.isComplete() : complete;
    }

    @Override
    public void updateKeys(boolean requestPeer) throws TlsAlertException {
        if (tls12 != null) {
            tls12.updateKeys(requestPeer);
            return;
        }
        if (!complete) {
            throw new IllegalStateException("KeyUpdate before the handshake is complete");
        }
        sendKeyUpdate(requestPeer ? KeyUpdate.Request.UPDATE_REQUESTED : KeyUpdate.Request.UPDATE_NOT_REQUESTED);
    }

    @Override
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        if (tls12 != null) {
            return tls12.exportKeyingMaterial(label, context, length);
        }
        if (!complete) {
            throw new IllegalStateException("keying material is exported only after the handshake");
        }
        // RFC 8446 §7.5: in TLS 1.3 an absent context is the same as an empty one.
        return schedule.exporter(exporterMasterSecret, label, context != null ? context : new byte[0], length);
    }

    // ---------------------------------------------------------------- states

    /** What the client waits for: each state handles one message and returns the next state. */
    private sealed interface ClientState permits ExpectServerHello, ExpectEncryptedExtensions,
            ExpectCertificate, ExpectCertificateVerify, ExpectFinished, Connected {
        ClientState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException;
    }

    /** ServerHello, or (once) a HelloRetryRequest (RFC 8446 §4.1.3, §4.1.4). */
    private final class ExpectServerHello implements ClientState {
        private final boolean afterRetry;

        ExpectServerHello(boolean afterRetry) {
            this.afterRetry = afterRetry;
        }

        @Override
        public ClientState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException {
            if (!(message instanceof ServerHello hello)) {
                throw unexpected(message, "ServerHello");
            }
            if (hello.isHelloRetryRequest()) {
                if (afterRetry) {
                    // RFC 8446 §4.1.4: a second HelloRetryRequest is unexpected_message.
                    throw new TlsAlertException(UNEXPECTED_MESSAGE, "server sent a second HelloRetryRequest");
                }
                processHelloRetryRequest(hello, encoded);
                return new ExpectServerHello(true);
            }
            processServerHello(hello, encoded, afterRetry);
            return new ExpectEncryptedExtensions();
        }
    }

    /** EncryptedExtensions (RFC 8446 §4.3.1). */
    private final class ExpectEncryptedExtensions implements ClientState {
        @Override
        public ClientState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException {
            if (!(message instanceof EncryptedExtensions ee)) {
                throw unexpected(message, "EncryptedExtensions");
            }
            processEncryptedExtensions(ee, encoded);
            return resumed.isPresent() ? new ExpectFinished() : new ExpectCertificate(true);
        }
    }

    /** The server's Certificate, or first a CertificateRequest (RFC 8446 §4.3.2, §4.4.2). */
    private final class ExpectCertificate implements ClientState {
        private final boolean requestAllowed;

        ExpectCertificate(boolean requestAllowed) {
            this.requestAllowed = requestAllowed;
        }

        @Override
        public ClientState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException {
            if (requestAllowed && message instanceof Tls13CertificateRequest request) {
                authentication.processCertificateRequest(request, encoded);
                return new ExpectCertificate(false);
            }
            if (!(message instanceof Tls13Certificate certificate)) {
                throw unexpected(message, requestAllowed ? "CertificateRequest or Certificate" : "Certificate");
            }
            authentication.processServerCertificate(certificate, encoded);
            return new ExpectCertificateVerify();
        }
    }

    /** The server's CertificateVerify (RFC 8446 §4.4.3). */
    private final class ExpectCertificateVerify implements ClientState {
        @Override
        public ClientState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException {
            if (!(message instanceof CertificateVerify verify)) {
                throw unexpected(message, "CertificateVerify");
            }
            authentication.processServerCertificateVerify(verify, encoded, offer.signatureSchemes());
            return new ExpectFinished();
        }
    }

    /** The server's Finished (RFC 8446 §4.4.4); then the client's second flight. */
    private final class ExpectFinished implements ClientState {
        @Override
        public ClientState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException {
            if (!(message instanceof Finished finished)) {
                throw unexpected(message, "Finished");
            }
            processServerFinished(finished, encoded);
            deriveApplicationSecrets();
            sendClientSecondFlight();
            return new Connected();
        }
    }

    /** After the handshake: NewSessionTicket and KeyUpdate (RFC 8446 §4.6). */
    private final class Connected implements ClientState {
        @Override
        public ClientState handle(HandshakeMessage message, byte[] encoded) throws TlsAlertException {
            if (message instanceof Tls13NewSessionTicket ticket) {
                processNewSessionTicket(ticket);
            } else if (message instanceof KeyUpdate update) {
                processKeyUpdate(update);
            } else {
                // We offer no post_handshake_auth (§4.6.2), so a CertificateRequest is unexpected too.
                throw unexpected(message, "NewSessionTicket or KeyUpdate");
            }
            return this;
        }
    }

    // ---------------------------------------------------------------- ClientHello

    /** The ClientHello (RFC 8446 §4.1.2): built by the offer, bound to a PSK if any, sent. */
    private byte[] sendClientHello(byte[] transcriptPrefix) throws TlsAlertException {
        ClientHello hello = offer.bind(offer.build(), transcriptPrefix);
        byte[] encoded = channel.send(hello);
        transcript.add(encoded);
        return encoded;
    }

    /** A session for serverName from the cache, if one fits this config (RFC 8446 §4.6.1). */
    private Optional<ClientSession> takeSession() {
        if (!config.sessionTickets() || serverName.isEmpty()) {
            return Optional.empty();
        }
        Optional<ClientSession> session = config.clientSessionCache().take(serverName.get(), config.clock().instant());
        // §4.2.11: a PSK may be used only with a suite of the same hash.
        Optional<ClientSession> usable = session.filter(s -> config.cipherSuites().stream()
                .anyMatch(c -> c.isTls13() && c.hash().equals(s.cipherSuite().hash())));
        if (session.isPresent() && usable.isEmpty()) {
            session.get().destroy();
        }
        usable.ifPresent(s -> listener.note("offering a session ticket for " + s.serverName()
                + " (" + s.cipherSuite().name() + ")"));
        return usable;
    }

    /** server_name is sent only for a DNS name, never for an IP literal (RFC 6066 §3). */
    private Optional<String> sniHostName() {
        return serverIdentity.filter(id -> id instanceof ReferenceIdentity.DnsName)
                .map(id -> ((ReferenceIdentity.DnsName) id).name());
    }

    // ---------------------------------------------------------------- ServerHello

    /**
     * RFC 8446 §4.2.1: a ServerHello without supported_versions negotiates legacy_version; if
     * that is TLS 1.2 and we offered it, the TLS 1.2 client takes over (not after a
     * HelloRetryRequest, which only a TLS 1.3 server sends).
     */
    private boolean selectsTls12(ServerHello hello) {
        return !hello.isHelloRetryRequest() && hello.extensions().find(SupportedVersionsServerHello.class).isEmpty()
                && hello.legacyVersion().equals(ProtocolVersion.TLS1_2) && offer.offersTls12();
    }

    /**
     * Hands the handshake to the TLS 1.2 client with the ClientHello already sent, after the
     * downgrade check a TLS 1.3 client owes (RFC 8446 §4.1.3): a TLS 1.3 server that
     * negotiates TLS 1.2 marks its random, and seeing the mark means an attacker forced it.
     */
    private void continueWithTls12(ServerHello hello, byte[] encoded) throws TlsAlertException {
        if (hello.downgradeSentinel().isPresent()) {
            rejectOlderVersion(hello);
        }
        listener.note("server chose TLS 1.2: the TLS 1.2 client continues from its ServerHello");
        offer.destroy();
        tls12 = new Tls12ClientHandshake(config, serverName.orElse(null), channel, offer.sent(), clientHello1);
        tls12.start();
        tls12.handleMessage(encoded);
    }

    /** RFC 8446 §4.1.4: HelloRetryRequest. */
    private void processHelloRetryRequest(ServerHello hrr, byte[] encoded) throws TlsAlertException {
        Extensions ext = hrr.extensions();
        if (ext.find(SupportedVersionsServerHello.class).isEmpty()) {
            throw new TlsAlertException(MISSING_EXTENSION,
                    "HelloRetryRequest has no supported_versions extension (RFC 8446 §4.1.4)");
        }
        checkSelectedVersion(ext);
        checkCommonHelloFields(hrr, "HelloRetryRequest");
        for (Extension e : ext) {
            // §4.2: a server may send a cookie unasked in a HelloRetryRequest, nothing else.
            checkExtensionAnswer(e, "HelloRetryRequest", HELLO_RETRY_REQUEST_EXTENSIONS,
                    e.type().equals(ExtensionType.COOKIE));
        }
        Optional<NamedGroup> selected = ext.find(KeyShareHelloRetryRequest.class)
                .map(KeyShareHelloRetryRequest::selectedGroup);
        Optional<byte[]> cookie = ext.find(Cookie.class).map(Cookie::cookie);
        if (selected.isEmpty() && cookie.isEmpty()) {
            throw new TlsAlertException(ILLEGAL_PARAMETER,
                    "HelloRetryRequest would not change the ClientHello (RFC 8446 §4.1.4)");
        }
        if (selected.isPresent()) {
            NamedGroup g = selected.get();
            if (!offer.supportedGroups().contains(g) || g.algorithm().isEmpty()) {
                throw new TlsAlertException(ILLEGAL_PARAMETER,
                        "HelloRetryRequest selected group " + g.name() + " that the client does not support"
                                + " (RFC 8446 §4.2.8)");
            }
            if (offer.sentShareFor(g)) {
                throw new TlsAlertException(ILLEGAL_PARAMETER,
                        "HelloRetryRequest selected group " + g.name() + " that the client already sent a share for"
                                + " (RFC 8446 §4.2.8)");
            }
        }
        chooseSuite(hrr.cipherSuite());
        // §4.4.1: ClientHello1 is replaced by message_hash(Hash(ClientHello1)).
        transcript.useHash(config.crypto(), suite.hash());
        transcript.replaceWithMessageHash(config.crypto());
        transcript.add(encoded);
        listener.note("HelloRetryRequest: " + selected.map(g -> "server asks for a " + g.name() + " key share")
                .orElse("server sent a cookie"));

        if (earlyData.sent()) {
            // RFC 8446 §4.1.2, §4.2.10: a HelloRetryRequest rejects 0-RTT; the next ClientHello is plaintext.
            listener.note("0-RTT data rejected by the HelloRetryRequest");
            channel.clearWriteProtection();
        }
        channel.setRecordVersion(ProtocolVersion.TLS1_2);
        sendCompatibilityChangeCipherSpec();
        offer.retry(selected, cookie, suite);
        sendClientHello(concat(messageHash(clientHello1), encoded));
    }

    /** RFC 8446 §4.1.3: ServerHello. */
    private void processServerHello(ServerHello hello, byte[] encoded, boolean afterRetry) throws TlsAlertException {
        Extensions ext = hello.extensions();
        if (ext.find(SupportedVersionsServerHello.class).isEmpty()) {
            rejectOlderVersion(hello);
        }
        checkSelectedVersion(ext);
        checkCommonHelloFields(hello, "ServerHello");
        for (Extension e : ext) {
            checkExtensionAnswer(e, "ServerHello", SERVER_HELLO_EXTENSIONS, false);
        }
        if (afterRetry && !hello.cipherSuite().equals(suite)) {
            // §4.1.4: the ServerHello must repeat the HelloRetryRequest's suite.
            throw new TlsAlertException(ILLEGAL_PARAMETER, "ServerHello selected " + hello.cipherSuite().name()
                    + " but the HelloRetryRequest selected " + suite.name() + " (RFC 8446 §4.1.4)");
        }
        chooseSuite(hello.cipherSuite());
        resumed = processPreSharedKey(ext);
        byte[] sharedSecret = processKeyShare(ext);
        if (!transcript.hasHash()) {
            transcript.useHash(config.crypto(), suite.hash());
        }
        transcript.add(encoded);
        channel.setRecordVersion(ProtocolVersion.TLS1_2);
        deriveHandshakeKeys(sharedSecret);
        if (sharedSecret != null) {
            Arrays.fill(sharedSecret, (byte) 0);
        }
        offer.destroy();
    }

    /**
     * A ServerHello without supported_versions negotiates legacy_version: TLS 1.2 or older
     * (RFC 8446 §4.2.1). First the downgrade sentinel (§4.1.3), then the version itself.
     */
    private void rejectOlderVersion(ServerHello hello) throws TlsAlertException {
        if (hello.downgradeSentinel().isPresent()) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "ServerHello.random ends with the "
                    + hello.downgradeSentinel().get() + " downgrade sentinel: a TLS 1.3 server was made to negotiate"
                    + " an older version, a sign of a downgrade attack (RFC 8446 §4.1.3)");
        }
        if (hello.legacyVersion().equals(ProtocolVersion.TLS1_2) && offer.offersTls12()) {
            throw new TlsAlertException(ILLEGAL_PARAMETER,
                    "server selected TLS 1.2 after a HelloRetryRequest, which only TLS 1.3 has (RFC 8446 §4.1.4)");
        }
        throw new TlsAlertException(PROTOCOL_VERSION, "server selected " + hello.legacyVersion().name()
                + " (no supported_versions in its ServerHello); this client offered only "
                + offer.sent().extensions().find(SupportedVersionsClientHello.class)
                        .map(v -> v.versions().toString()).orElse("TLS 1.3"));
    }

    /** RFC 8446 §4.2.1: the selected version must be TLS 1.3, the one TLS 1.3 version offered. */
    private void checkSelectedVersion(Extensions ext) throws TlsAlertException {
        ProtocolVersion selected = ext.find(SupportedVersionsServerHello.class).orElseThrow().selectedVersion();
        if (!selected.equals(ProtocolVersion.TLS1_3)) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "server's supported_versions selected " + selected.name()
                    + "; only TLS 1.3 may be selected there (RFC 8446 §4.2.1)");
        }
    }

    /** legacy_version, legacy_session_id_echo and cipher_suite (RFC 8446 §4.1.3). */
    private void checkCommonHelloFields(ServerHello hello, String what) throws TlsAlertException {
        if (!hello.legacyVersion().equals(ProtocolVersion.TLS1_2)) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, what + " legacy_version is " + hello.legacyVersion().name()
                    + ", not 0x0303 (RFC 8446 §4.1.3)");
        }
        if (!Arrays.equals(hello.legacySessionIdEcho(), offer.sent().legacySessionId())) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, what + " legacy_session_id_echo does not match the"
                    + " client's legacy_session_id (RFC 8446 §4.1.3)");
        }
        CipherSuite selected = hello.cipherSuite();
        if (!selected.isTls13() || !offer.sent().cipherSuites().contains(selected) || !selected.isImplemented()) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, what + " selected cipher suite " + selected.name()
                    + " that the client did not offer for TLS 1.3 (RFC 8446 §4.1.3)");
        }
    }

    /**
     * RFC 8446 §4.2: an extension the client did not offer is unsupported_extension; one it
     * offered but that does not belong in this message is illegal_parameter.
     */
    private void checkExtensionAnswer(Extension e, String what, Set<ExtensionType> allowed, boolean unsolicitedOk)
            throws TlsAlertException {
        if (!unsolicitedOk && !offer.sent().extensions().contains(e.type())) {
            throw new TlsAlertException(UNSUPPORTED_EXTENSION, what + " has a " + e.type().name()
                    + " extension that the client did not offer (RFC 8446 §4.2)");
        }
        if (!allowed.contains(e.type())) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, e.type().name() + " extension is not allowed in "
                    + what + " (RFC 8446 §4.2)");
        }
    }

    private void chooseSuite(CipherSuite chosen) {
        if (suite == null) {
            suite = chosen;
            schedule = new Tls13KeySchedule(config.crypto(), suite.hash());
            decodeContext = DecodeContext.tls13(suite.hash());
        }
    }

    /** pre_shared_key in ServerHello (RFC 8446 §4.2.11): the server accepted our ticket. */
    private Optional<ClientSession> processPreSharedKey(Extensions ext) throws TlsAlertException {
        Optional<PreSharedKeyServerHello> psk = ext.find(PreSharedKeyServerHello.class);
        Optional<ClientSession> offered = offer.session();
        if (psk.isEmpty()) {
            offered.ifPresent(s -> listener.note("server declined the session ticket; full handshake"));
            return Optional.empty();
        }
        if (offered.isEmpty()) {
            throw new TlsAlertException(UNSUPPORTED_EXTENSION, "ServerHello has pre_shared_key but the client"
                    + " offered no PSK (RFC 8446 §4.2)");
        }
        if (psk.get().selectedIdentity() != 0) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "server selected PSK identity " + psk.get().selectedIdentity()
                    + " but the client offered only identity 0 (RFC 8446 §4.2.11)");
        }
        if (!offered.get().cipherSuite().hash().equals(suite.hash())) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "server selected " + suite.name() + " whose hash differs"
                    + " from the resumed session's " + offered.get().cipherSuite().name() + " (RFC 8446 §4.2.11)");
        }
        listener.note("server accepted the session ticket: resuming");
        return offered;
    }

    /** key_share in ServerHello (RFC 8446 §4.2.8): the (EC)DHE shared secret, or null for psk_ke. */
    private byte[] processKeyShare(Extensions ext) throws TlsAlertException {
        Optional<KeyShareServerHello> share = ext.find(KeyShareServerHello.class);
        if (share.isEmpty()) {
            if (resumed.isPresent() && offer.offeredPskOnly()) {
                listener.note("psk_ke: resumption without (EC)DHE");
                return null;
            }
            throw new TlsAlertException(MISSING_EXTENSION, "ServerHello has no key_share extension"
                    + (resumed.isPresent() ? " and the client did not offer psk_ke" : "") + " (RFC 8446 §4.2.8)");
        }
        NamedGroup selected = share.get().serverShare().group();
        Optional<KeyShare> ours = offer.keyShare(selected);
        if (ours.isEmpty() || !offer.sentShareFor(selected)) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "ServerHello key_share is for group " + selected.name()
                    + ", for which the client sent no share (RFC 8446 §4.2.8)");
        }
        try {
            byte[] secret = ours.get().agree(share.get().serverShare().keyExchange());
            group = Optional.of(selected);
            return secret;
        } catch (InvalidKeyShareException e) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "server's " + selected.name() + " key share is invalid: "
                    + e.getMessage() + " (RFC 8446 §4.2.8.1)", e);
        }
    }

    /** RFC 8446 §7.1: Handshake Secret and the handshake traffic secrets; server's keys for reading. */
    private void deriveHandshakeKeys(byte[] sharedSecret) throws TlsAlertException {
        byte[] psk = resumed.map(ClientSession::psk).orElse(null);
        byte[] earlySecret = schedule.earlySecret(psk);
        handshakeSecret = schedule.handshakeSecret(earlySecret, sharedSecret);
        byte[] helloHash = transcript.currentHash();
        clientHandshakeSecret = schedule.clientHandshakeTrafficSecret(handshakeSecret, helloHash);
        serverHandshakeSecret = schedule.serverHandshakeTrafficSecret(handshakeSecret, helloHash);
        secret("CLIENT_HANDSHAKE_TRAFFIC_SECRET", clientHandshakeSecret);
        secret("SERVER_HANDSHAKE_TRAFFIC_SECRET", serverHandshakeSecret);
        Arrays.fill(earlySecret, (byte) 0);
        if (psk != null) {
            Arrays.fill(psk, (byte) 0);
        }
        channel.setReadProtection(protection(serverHandshakeSecret));
    }

    // ---------------------------------------------------------------- server's encrypted flight

    /** RFC 8446 §4.3.1: EncryptedExtensions. */
    private void processEncryptedExtensions(EncryptedExtensions ee, byte[] encoded) throws TlsAlertException {
        for (Extension e : ee.extensions()) {
            checkExtensionAnswer(e, "EncryptedExtensions", ENCRYPTED_EXTENSIONS, false);
        }
        Optional<Alpn> selected = ee.extensions().find(Alpn.class);
        if (selected.isPresent()) {
            // RFC 7301 §3.1: exactly one protocol, one the client offered.
            List<String> names = selected.get().protocols();
            if (names.size() != 1) {
                throw new TlsAlertException(DECODE_ERROR, "server's ALPN answer names " + names.size()
                        + " protocols; it must name exactly one (RFC 7301 §3.1)");
            }
            if (!offer.alpnProtocols().contains(names.get(0))) {
                throw new TlsAlertException(ILLEGAL_PARAMETER, "server selected ALPN protocol '" + names.get(0)
                        + "' that the client did not offer (RFC 7301 §3.2)");
            }
            alpn = Optional.of(names.get(0));
        }
        earlyData.processAnswer(ee.extensions().find(EarlyData.class).isPresent(), resumed, suite);
        Optional<RecordSizeLimit> limit = ee.extensions().find(RecordSizeLimit.class);
        if (limit.isPresent()) {
            // RFC 8449 §4: both sides announced a limit, so both apply; a value above the
            // protocol's largest record (2^14 + 1 in TLS 1.3) means no further limit.
            channel.setPeerRecordSizeLimit(Math.min(limit.get().limit(), MAX_RECORD_SIZE_LIMIT));
            channel.setOwnRecordSizeLimit(config.recordSizeLimit());
        }
        transcript.add(encoded);
    }

    /** RFC 8446 §4.4.4: the server's Finished, compared in constant time. */
    private void processServerFinished(Finished finished, byte[] encoded) throws TlsAlertException {
        byte[] finishedKey = schedule.finishedKey(serverHandshakeSecret);
        byte[] expected = schedule.finishedVerifyData(finishedKey, transcript.currentHash());
        Arrays.fill(finishedKey, (byte) 0);
        if (!MessageDigest.isEqual(expected, finished.verifyData())) {
            throw new TlsAlertException(DECRYPT_ERROR, "server Finished verify_data is wrong (RFC 8446 §4.4.4)");
        }
        listener.note("server Finished verified");
        transcript.add(encoded);
    }

    /** RFC 8446 §7.1: Master Secret and what derives from ClientHello..server Finished. */
    private void deriveApplicationSecrets() throws TlsAlertException {
        masterSecret = schedule.masterSecret(handshakeSecret);
        byte[] hash = transcript.currentHash();
        clientApplicationSecret = schedule.clientApplicationTrafficSecret(masterSecret, hash);
        serverApplicationSecret = schedule.serverApplicationTrafficSecret(masterSecret, hash);
        exporterMasterSecret = schedule.exporterMasterSecret(masterSecret, hash);
        secret("CLIENT_TRAFFIC_SECRET_0", clientApplicationSecret);
        secret("SERVER_TRAFFIC_SECRET_0", serverApplicationSecret);
        secret("EXPORTER_SECRET", exporterMasterSecret);
        // RFC 8446 §5: after the server's Finished no change_cipher_spec is acceptable.
        channel.setChangeCipherSpecPolicy(ChangeCipherSpecPolicy.REJECT);
        channel.setReadProtection(protection(serverApplicationSecret));
    }

    // ---------------------------------------------------------------- client's second flight

    /** [CCS] {Certificate} {CertificateVerify} {Finished}, then application keys (RFC 8446 §2, §4.4). */
    private void sendClientSecondFlight() throws TlsAlertException {
        sendCompatibilityChangeCipherSpec();
        if (earlyData.accepted()) {
            // RFC 8446 §4.5: EndOfEarlyData ends the 0-RTT data, still under the early keys.
            send(new EndOfEarlyData());
        }
        channel.setWriteProtection(protection(clientHandshakeSecret));
        if (authentication.certificateRequested()) {
            authentication.sendClientCertificate();
        }
        sendClientFinished();
        channel.setWriteProtection(protection(clientApplicationSecret));
        resumptionMasterSecret = schedule.resumptionMasterSecret(masterSecret, transcript.currentHash());
        for (byte[] s : List.of(handshakeSecret, clientHandshakeSecret, serverHandshakeSecret, masterSecret)) {
            Arrays.fill(s, (byte) 0);
        }
        complete = true;
        channel.handshakeComplete(new NegotiatedParameters(ProtocolVersion.TLS1_3, suite, group,
                authentication.serverScheme(), alpn, serverName,
                resumed.map(ClientSession::peerCertificates).orElse(authentication.serverChain()), resumed.isPresent()));
    }

    /** RFC 8446 §D.4: one dummy change_cipher_spec before the client's second flight. */
    private void sendCompatibilityChangeCipherSpec() throws TlsAlertException {
        if (config.middleboxCompatibility() && !changeCipherSpecSent) {
            channel.sendChangeCipherSpec();
            changeCipherSpecSent = true;
        }
    }

    /** RFC 8446 §4.4.4: the client's Finished. */
    private void sendClientFinished() throws TlsAlertException {
        byte[] finishedKey = schedule.finishedKey(clientHandshakeSecret);
        byte[] verifyData = schedule.finishedVerifyData(finishedKey, transcript.currentHash());
        Arrays.fill(finishedKey, (byte) 0);
        send(new Finished(verifyData));
    }

    // ---------------------------------------------------------------- after the handshake

    /** RFC 8446 §4.6.1: keep the ticket and its PSK for a later connection. */
    private void processNewSessionTicket(Tls13NewSessionTicket ticket) throws TlsAlertException {
        if (ticket.ticketLifetime() > MAX_TICKET_LIFETIME_SECONDS) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "NewSessionTicket lifetime " + ticket.ticketLifetime()
                    + " s exceeds 7 days (RFC 8446 §4.6.1)");
        }
        if (!config.sessionTickets() || serverName.isEmpty() || ticket.ticketLifetime() == 0) {
            listener.note("session ticket not kept (" + (serverName.isEmpty() ? "no server name"
                    : ticket.ticketLifetime() == 0 ? "lifetime 0" : "session tickets disabled") + ")");
            return;
        }
        byte[] psk = schedule.resumptionPsk(resumptionMasterSecret, ticket.ticketNonce());
        List<X509Certificate> chain = resumed.map(ClientSession::peerCertificates)
                .orElse(authentication.serverChain());
        config.clientSessionCache().put(new ClientSession(serverName.get(), suite, psk, ticket.ticket(),
                Duration.ofSeconds(ticket.ticketLifetime()), ticket.ticketAgeAdd(), config.clock().instant(), alpn,
                chain, ticket.extensions().find(MaxEarlyDataSize.class).map(MaxEarlyDataSize::maxEarlyDataSize)
                        .orElse(0L)));
        Arrays.fill(psk, (byte) 0);
        listener.note("session ticket kept for " + serverName.get() + " (lifetime " + ticket.ticketLifetime() + " s)");
    }

    /** RFC 8446 §4.6.3: the server updated its keys; answer if it asks us to update ours. */
    private void processKeyUpdate(KeyUpdate update) throws TlsAlertException {
        byte[] next = schedule.nextApplicationTrafficSecret(serverApplicationSecret);
        Arrays.fill(serverApplicationSecret, (byte) 0);
        serverApplicationSecret = next;
        serverKeyUpdates++;
        secret("SERVER_TRAFFIC_SECRET_" + serverKeyUpdates, serverApplicationSecret);
        channel.setReadProtection(protection(serverApplicationSecret));
        if (update.requestUpdate() == KeyUpdate.Request.UPDATE_REQUESTED) {
            sendKeyUpdate(KeyUpdate.Request.UPDATE_NOT_REQUESTED);
        }
    }

    /** RFC 8446 §4.6.3: KeyUpdate under the old keys, then the next write keys. */
    private void sendKeyUpdate(KeyUpdate.Request request) throws TlsAlertException {
        channel.send(config.rewriteOutgoing(new KeyUpdate(request)));
        byte[] next = schedule.nextApplicationTrafficSecret(clientApplicationSecret);
        Arrays.fill(clientApplicationSecret, (byte) 0);
        clientApplicationSecret = next;
        clientKeyUpdates++;
        secret("CLIENT_TRAFFIC_SECRET_" + clientKeyUpdates, clientApplicationSecret);
        channel.setWriteProtection(protection(clientApplicationSecret));
    }

    // ---------------------------------------------------------------- helpers

    /** Sends a handshake message (after the config's rewrite hook) and adds it to the transcript. */
    private void send(HandshakeMessage message) throws TlsAlertException {
        transcript.add(channel.send(config.rewriteOutgoing(message)));
    }

    /** RFC 8446 §7.3: the record protection of a traffic secret. */
    private RecordProtection protection(byte[] trafficSecret) {
        return protection(config.crypto(), schedule, suite, trafficSecret);
    }

    /** RFC 8446 §7.3: the record protection of a traffic secret under a given suite and key schedule. */
    static RecordProtection protection(CryptoProvider crypto, Tls13KeySchedule keySchedule, CipherSuite cipherSuite,
            byte[] trafficSecret) {
        TrafficKeys keys = keySchedule.trafficKeys(trafficSecret, cipherSuite.aead());
        RecordProtection protection = RecordProtection.tls13(crypto, cipherSuite.aead(), keys.key(),
                keys.iv());
        keys.destroy();
        return protection;
    }

    private void secret(String label, byte[] value) {
        listener.secretDerived(label, offer.sent().random(), value.clone());
    }

    /** RFC 8446 §4.4.1: message_hash || 00 00 Hash.length || Hash(ClientHello1). */
    private byte[] messageHash(byte[] clientHello) {
        Hash hash = config.crypto().newHash(suite.hash());
        hash.update(clientHello);
        byte[] digest = hash.digest();
        byte[] message = new byte[4 + digest.length];
        message[0] = (byte) HandshakeType.MESSAGE_HASH.code();
        message[3] = (byte) digest.length;
        System.arraycopy(digest, 0, message, 4, digest.length);
        return message;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static TlsAlertException unexpected(HandshakeMessage message, String expected) {
        return new TlsAlertException(UNEXPECTED_MESSAGE, "client expected " + expected + " but received "
                + message.type().name());
    }
}
