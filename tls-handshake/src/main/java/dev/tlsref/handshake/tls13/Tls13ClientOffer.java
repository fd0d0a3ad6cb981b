package dev.tlsref.handshake.tls13;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.PskKeyExchangeMode;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.extension.Alpn;
import dev.tlsref.core.extension.Cookie;
import dev.tlsref.core.extension.EcPointFormats;
import dev.tlsref.core.extension.ExtendedMasterSecret;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.KeyShareClientHello;
import dev.tlsref.core.extension.KeyShareEntry;
import dev.tlsref.core.extension.PreSharedKeyClientHello;
import dev.tlsref.core.extension.PskIdentity;
import dev.tlsref.core.extension.PskKeyExchangeModes;
import dev.tlsref.core.extension.RecordSizeLimit;
import dev.tlsref.core.extension.RenegotiationInfo;
import dev.tlsref.core.extension.ServerNameList;
import dev.tlsref.core.extension.SignatureAlgorithms;
import dev.tlsref.core.extension.SupportedGroups;
import dev.tlsref.core.extension.SupportedVersionsClientHello;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.crypto.Hash;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyShare;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.session.ClientSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a TLS 1.3 client offers in its ClientHello (RFC 8446 §4.1.2), and the private halves
 * of it: the key shares and the PSK. Builds the first ClientHello and, after a
 * HelloRetryRequest, the second (§4.1.4); computes PSK binders (§4.2.11.2).
 *
 * <p>Once a ClientHello has gone out, {@link #sent()} is what the server's answers are
 * checked against: the suites, extensions and schemes actually on the wire (a test may
 * have substituted the message through {@link TlsConfig#rewriteOutgoing}).
 */
final class Tls13ClientOffer {
    private final TlsConfig config;
    private final Optional<String> hostName;
    private final byte[] random;
    private final byte[] sessionId;
    private final Map<NamedGroup, KeyShare> keyShares = new LinkedHashMap<>();
    private Optional<ClientSession> session;
    private Optional<byte[]> cookie = Optional.empty();
    private ClientHello sent;

    Tls13ClientOffer(TlsConfig config, Optional<String> hostName, Optional<ClientSession> session) {
        this.config = config;
        this.hostName = hostName;
        this.random = new byte[ClientHello.RANDOM_LENGTH];
        config.random().nextBytes(random);
        // RFC 8446 §D.4: in compatibility mode a non-empty legacy_session_id; else empty (§4.1.2).
        this.sessionId = new byte[config.middleboxCompatibility() ? ClientHello.MAX_SESSION_ID_LENGTH : 0];
        if (sessionId.length > 0) {
            config.random().nextBytes(sessionId);
        }
        for (NamedGroup group : config.keyShareGroups()) {
            keyShares.put(group, newKeyShare(group));
        }
        this.session = session;
    }

    /**
     * After a HelloRetryRequest (RFC 8446 §4.1.4): one share for {@code group} replaces the
     * shares sent, the cookie is echoed, and a PSK whose hash differs from the suite the
     * server chose is dropped.
     */
    void retry(Optional<NamedGroup> group, Optional<byte[]> hrrCookie, CipherSuite suite) {
        if (group.isPresent()) {
            keyShares.values().forEach(KeyShare::destroy);
            keyShares.clear();
            keyShares.put(group.get(), newKeyShare(group.get()));
        }
        cookie = hrrCookie;
        if (session.isPresent() && !session.get().cipherSuite().hash().equals(suite.hash())) {
            session = Optional.empty();
        }
    }

    /**
     * The ClientHello to send now, passed through the config's rewrite hook; if it offers a
     * PSK its binder is still a placeholder of zeros ({@link #bind} fills it in).
     */
    ClientHello build() {
        List<CipherSuite> suites = new ArrayList<>();
        config.cipherSuites().stream().filter(CipherSuite::isTls13).forEach(suites::add);
        if (offersTls12()) {
            config.cipherSuites().stream().filter(s -> !s.isTls13()).forEach(suites::add);
        }
        List<Extension> ext = new ArrayList<>();
        hostName.ifPresent(name -> ext.add(ServerNameList.ofHostName(name)));        // RFC 6066 §3
        if (offersTls12()) {
            ext.add(EcPointFormats.uncompressed());                                  // RFC 8422 §5.1.2
        }
        ext.add(new SupportedGroups(config.groups()));                               // RFC 8446 §4.2.7
        ext.add(new SignatureAlgorithms(config.signatureSchemes()));                  // §4.2.3
        if (!config.alpnProtocols().isEmpty()) {
            ext.add(new Alpn(config.alpnProtocols()));                               // RFC 7301 §3.1
        }
        if (offersTls12()) {
            ext.add(new ExtendedMasterSecret());                                     // RFC 7627 §5.1
            ext.add(new RenegotiationInfo(new byte[0]));                             // RFC 5746 §3.4
        }
        if (config.recordSizeLimit() != 0) {
            ext.add(new RecordSizeLimit(config.recordSizeLimit()));                  // RFC 8449 §4
        }
        ext.add(new SupportedVersionsClientHello(config.versions()));                 // RFC 8446 §4.2.1
        List<KeyShareEntry> shares = new ArrayList<>();
        keyShares.forEach((group, share) -> shares.add(new KeyShareEntry(group, share.publicShare())));
        ext.add(new KeyShareClientHello(shares));                                    // §4.2.8
        cookie.ifPresent(c -> ext.add(new Cookie(c)));                               // §4.2.2
        if (config.sessionTickets() || session.isPresent()) {
            // §4.2.9: needed with a PSK offer, and servers send tickets only to clients that send it.
            ext.add(config.pskOnlyKeyExchange()
                    ? PskKeyExchangeModes.of(PskKeyExchangeMode.PSK_DHE_KE, PskKeyExchangeMode.PSK_KE)
                    : PskKeyExchangeModes.of(PskKeyExchangeMode.PSK_DHE_KE));
        }
        session.ifPresent(s -> {
            // §4.2.11: pre_shared_key MUST be the last extension.
            PskIdentity identity = new PskIdentity(s.ticket(), s.obfuscatedTicketAge(config.clock().instant()));
            byte[] placeholder = new byte[s.cipherSuite().hash().length()];
            ext.add(new PreSharedKeyClientHello(List.of(identity), List.of(placeholder)));
        });
        HandshakeMessage built = config.rewriteOutgoing(new ClientHello(random, sessionId, suites, Extensions.of(ext)));
        if (!(built instanceof ClientHello hello)) {
            throw new IllegalStateException("the rewrite hook turned a ClientHello into " + built.type().name());
        }
        return hello;
    }

    /**
     * Fills in the PSK binder (RFC 8446 §4.2.11.2): HMAC over the transcript up to this
     * ClientHello without its binders list, keyed from the session's PSK, and records the
     * result as {@link #sent()}. Without a PSK offer, records {@code hello} as it is.
     *
     * @param transcriptPrefix what precedes this ClientHello in the transcript: nothing for
     *     the first, {@code message_hash || HelloRetryRequest} for the second
     */
    ClientHello bind(ClientHello hello, byte[] transcriptPrefix) {
        Optional<PreSharedKeyClientHello> psk = hello.extensions().find(PreSharedKeyClientHello.class);
        if (psk.isEmpty() || session.isEmpty()) {
            sent = hello;
            return hello;
        }
        ClientSession s = session.get();
        Tls13KeySchedule schedule = new Tls13KeySchedule(config.crypto(), s.cipherSuite().hash());
        byte[] truncated = ClientHello.truncateForBinders(hello.encode(), psk.get().bindersLength());
        Hash hash = config.crypto().newHash(s.cipherSuite().hash());
        hash.update(transcriptPrefix);
        hash.update(truncated);
        byte[] earlySecret = schedule.earlySecret(s.psk());
        byte[] binderKey = schedule.binderKey(earlySecret, true);
        byte[] finishedKey = schedule.finishedKey(binderKey);
        byte[] binder = schedule.finishedVerifyData(finishedKey, hash.digest());
        java.util.Arrays.fill(earlySecret, (byte) 0);
        java.util.Arrays.fill(binderKey, (byte) 0);
        java.util.Arrays.fill(finishedKey, (byte) 0);
        List<Extension> ext = new ArrayList<>(hello.extensions().asList());
        ext.set(ext.size() - 1, psk.get().withBinders(List.of(binder)));
        sent = new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                hello.legacyCompressionMethods(), Optional.of(Extensions.of(ext)));
        return sent;
    }

    /** The ClientHello last sent. */
    ClientHello sent() {
        return sent;
    }

    /** Our key share for {@code group}, if we sent one. */
    Optional<KeyShare> keyShare(NamedGroup group) {
        return Optional.ofNullable(keyShares.get(group));
    }

    /** True if the last ClientHello sent a key share for {@code group}. */
    boolean sentShareFor(NamedGroup group) {
        return sent.extensions().find(KeyShareClientHello.class).flatMap(k -> k.find(group)).isPresent();
    }

    /** The session offered as a PSK in the last ClientHello, if any. */
    Optional<ClientSession> session() {
        return sent != null && sent.extensions().find(PreSharedKeyClientHello.class).isPresent()
                ? session : Optional.empty();
    }

    /** True if psk_ke (PSK without (EC)DHE) was offered. */
    boolean offeredPskOnly() {
        return sent.extensions().find(PskKeyExchangeModes.class)
                .map(m -> m.modes().contains(PskKeyExchangeMode.PSK_KE)).orElse(false);
    }

    /** The groups in the last supported_groups. */
    List<NamedGroup> supportedGroups() {
        return sent.extensions().find(SupportedGroups.class).map(SupportedGroups::groups).orElse(List.of());
    }

    /** The schemes in the last signature_algorithms. */
    List<SignatureScheme> signatureSchemes() {
        return sent.extensions().find(SignatureAlgorithms.class).map(SignatureAlgorithms::schemes)
                .orElse(config.signatureSchemes());
    }

    /** The ALPN protocols offered. */
    List<String> alpnProtocols() {
        return sent.extensions().find(Alpn.class).map(Alpn::protocols).orElse(List.of());
    }

    /** True if TLS 1.2 is offered next to TLS 1.3. */
    boolean offersTls12() {
        return config.versions().contains(ProtocolVersion.TLS1_2);
    }

    /** Destroys every private key share. */
    void destroy() {
        keyShares.values().forEach(KeyShare::destroy);
        keyShares.clear();
        session.ifPresent(ClientSession::destroy);
    }

    private KeyShare newKeyShare(NamedGroup group) {
        KeyExchange kx = config.crypto().keyExchange(group.algorithm()
                .orElseThrow(() -> new IllegalArgumentException(group.name() + " is not implemented")));
        return config.ephemeralPrivateKey(group).map(kx::fromPrivateKey).orElseGet(() -> kx.generate(config.random()));
    }
}
