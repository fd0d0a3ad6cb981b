package dev.tlsref.handshake;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.CryptoProviders;
import dev.tlsref.handshake.session.ClientSessionCache;
import dev.tlsref.handshake.session.TicketKeys;
import dev.tlsref.handshake.session.Tls12SessionStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Everything a connection needs to know, fixed before it starts. Immutable; made by a
 * {@link Builder} whose defaults are the secure ones:
 * <ul>
 *   <li>TLS 1.3 and TLS 1.2, AEAD suites only; static RSA key exchange off;</li>
 *   <li>certificate chain and host name verification on;</li>
 *   <li>TLS 1.2 requires extended master secret (RFC 7627) and secure renegotiation
 *       indication (RFC 5746), and refuses renegotiation.</li>
 * </ul>
 * One config serves any number of connections, client or server.
 */
public final class TlsConfig {

    /** Whether and how peer certificates are checked. */
    public enum CertificateVerification {
        /** Chain to a trust anchor, host name, dates, key usage: the default. */
        VERIFY,
        /**
         * Accept any certificate chain without checking it. An attacker in the middle can read
         * and change everything. Only for tests and for talking to a known self-signed peer.
         */
        INSECURE_TRUST_ANY_CERTIFICATE
    }

    /** The TLS 1.3 suites offered by default, in preference order. */
    public static final List<CipherSuite> DEFAULT_TLS13_SUITES = List.of(
            CipherSuite.TLS_AES_128_GCM_SHA256,
            CipherSuite.TLS_AES_256_GCM_SHA384,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256);

    /** The TLS 1.2 suites offered by default: forward-secret AEAD only. */
    public static final List<CipherSuite> DEFAULT_TLS12_SUITES = List.of(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256);

    /** The groups supported by default, in preference order. */
    public static final List<NamedGroup> DEFAULT_GROUPS = List.of(
            NamedGroup.X25519,
            NamedGroup.SECP256R1,
            NamedGroup.SECP384R1,
            NamedGroup.SECP521R1,
            NamedGroup.X448,
            NamedGroup.FFDHE2048,
            NamedGroup.FFDHE3072,
            NamedGroup.FFDHE4096);

    /** The signature schemes accepted and used by default, in preference order. */
    public static final List<SignatureScheme> DEFAULT_SIGNATURE_SCHEMES = List.of(
            SignatureScheme.ECDSA_SECP256R1_SHA256,
            SignatureScheme.ECDSA_SECP384R1_SHA384,
            SignatureScheme.ECDSA_SECP521R1_SHA512,
            SignatureScheme.ED25519,
            SignatureScheme.ED448,
            SignatureScheme.RSA_PSS_RSAE_SHA256,
            SignatureScheme.RSA_PSS_RSAE_SHA384,
            SignatureScheme.RSA_PSS_RSAE_SHA512,
            SignatureScheme.RSA_PSS_PSS_SHA256,
            SignatureScheme.RSA_PSS_PSS_SHA384,
            SignatureScheme.RSA_PSS_PSS_SHA512,
            SignatureScheme.RSA_PKCS1_SHA256,
            SignatureScheme.RSA_PKCS1_SHA384,
            SignatureScheme.RSA_PKCS1_SHA512);

    private final CryptoProvider crypto;
    private final SecureRandom random;
    private final Clock clock;
    private final List<ProtocolVersion> versions;
    private final List<CipherSuite> cipherSuites;
    private final List<NamedGroup> groups;
    private final List<NamedGroup> keyShareGroups;
    private final List<SignatureScheme> signatureSchemes;
    private final List<CertifiedKey> certifiedKeys;
    private final List<X509Certificate> trustAnchors;
    private final CertificateVerification certificateVerification;
    private final ClientAuth clientAuth;
    private final List<String> alpnProtocols;
    private final int recordSizeLimit;
    private final boolean middleboxCompatibility;
    private final boolean rsaKeyExchange;
    private final boolean pskOnlyKeyExchange;
    private final boolean requireExtendedMasterSecret;
    private final boolean sessionTickets;
    private final Duration ticketLifetime;
    private final TicketKeys ticketKeys;
    private final int sessionCacheSize;
    private final ClientSessionCache clientSessionCache;
    private final int maxHandshakeMessageSize;
    private final int maxCertificateChainLength;
    private final int minDhBits;
    private final HandshakeListener listener;
    private final Tls12SessionStore tls12Sessions;
    private final Function<NamedGroup, Optional<byte[]>> ephemeralPrivateKeys;
    private final UnaryOperator<HandshakeMessage> outgoingMessageRewriter;

    private TlsConfig(Builder b) {
        this.crypto = b.crypto;
        this.random = b.random;
        this.clock = b.clock;
        this.versions = List.copyOf(b.versions);
        this.cipherSuites = List.copyOf(b.cipherSuites);
        this.groups = List.copyOf(b.groups);
        this.keyShareGroups = List.copyOf(b.keyShareGroups != null ? b.keyShareGroups : b.groups.subList(0, 1));
        this.signatureSchemes = List.copyOf(b.signatureSchemes);
        this.certifiedKeys = List.copyOf(b.certifiedKeys);
        this.trustAnchors = List.copyOf(b.trustAnchors);
        this.certificateVerification = b.certificateVerification;
        this.clientAuth = b.clientAuth;
        this.alpnProtocols = List.copyOf(b.alpnProtocols);
        this.recordSizeLimit = b.recordSizeLimit;
        this.middleboxCompatibility = b.middleboxCompatibility;
        this.rsaKeyExchange = b.rsaKeyExchange;
        this.pskOnlyKeyExchange = b.pskOnlyKeyExchange;
        this.requireExtendedMasterSecret = b.requireExtendedMasterSecret;
        this.sessionTickets = b.sessionTickets;
        this.ticketLifetime = b.ticketLifetime;
        this.ticketKeys = b.ticketKeys != null ? b.ticketKeys
                : new TicketKeys(b.crypto, b.clock, defaultRotation(b.ticketLifetime), new SecureRandom());
        this.sessionCacheSize = b.sessionCacheSize;
        this.clientSessionCache = b.clientSessionCache != null
                ? b.clientSessionCache : new ClientSessionCache(b.sessionCacheSize);
        this.maxHandshakeMessageSize = b.maxHandshakeMessageSize;
        this.maxCertificateChainLength = b.maxCertificateChainLength;
        this.minDhBits = b.minDhBits;
        this.listener = b.listener;
        this.tls12Sessions = b.tls12Sessions != null ? b.tls12Sessions
                : new Tls12SessionStore(b.sessionCacheSize, b.crypto);
        this.ephemeralPrivateKeys = b.ephemeralPrivateKeys;
        this.outgoingMessageRewriter = b.outgoingMessageRewriter;
    }

    /** A builder with the secure defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The crypto provider every primitive comes from. */
    public CryptoProvider crypto() {
        return crypto;
    }

    /** The source of randoms, nonces and ephemeral keys. */
    public SecureRandom random() {
        return random;
    }

    /** The clock certificate validity and ticket ages are checked against. */
    public Clock clock() {
        return clock;
    }

    /** The versions enabled, most preferred first. */
    public List<ProtocolVersion> versions() {
        return versions;
    }

    /** The cipher suites enabled, both versions, most preferred first. */
    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    /** The groups enabled for key exchange, most preferred first. */
    public List<NamedGroup> groups() {
        return groups;
    }

    /** The groups a TLS 1.3 client sends key shares for in its first ClientHello. */
    public List<NamedGroup> keyShareGroups() {
        return keyShareGroups;
    }

    /** The signature schemes offered and accepted, most preferred first. */
    public List<SignatureScheme> signatureSchemes() {
        return signatureSchemes;
    }

    /** The certificates this side can authenticate with (a server picks one by SNI and key type). */
    public List<CertifiedKey> certifiedKeys() {
        return certifiedKeys;
    }

    /** The trust anchors peer chains are validated against. */
    public List<X509Certificate> trustAnchors() {
        return trustAnchors;
    }

    /** Whether peer certificates are verified. */
    public CertificateVerification certificateVerification() {
        return certificateVerification;
    }

    /** Whether a server requests a client certificate. */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /** ALPN protocols (RFC 7301), most preferred first; empty to not use ALPN. */
    public List<String> alpnProtocols() {
        return alpnProtocols;
    }

    /** The record_size_limit to announce (RFC 8449), or 0 to not send the extension. */
    public int recordSizeLimit() {
        return recordSizeLimit;
    }

    /** TLS 1.3 middlebox compatibility mode (RFC 8446 §D.4): session ID echo and dummy CCS. */
    public boolean middleboxCompatibility() {
        return middleboxCompatibility;
    }

    /** True if TLS 1.2 static RSA key exchange suites may be negotiated. */
    public boolean rsaKeyExchange() {
        return rsaKeyExchange;
    }

    /** True if TLS 1.3 psk_ke (resumption without (EC)DHE, no forward secrecy) may be used. */
    public boolean pskOnlyKeyExchange() {
        return pskOnlyKeyExchange;
    }

    /** True if TLS 1.2 refuses peers without extended master secret (RFC 7627). */
    public boolean requireExtendedMasterSecret() {
        return requireExtendedMasterSecret;
    }

    /** True if a server issues session tickets and a client offers them. */
    public boolean sessionTickets() {
        return sessionTickets;
    }

    /** How long an issued ticket may be used (RFC 8446 §4.6.1: at most 7 days). */
    public Duration ticketLifetime() {
        return ticketLifetime;
    }

    /**
     * The keys a server seals its session tickets with (RFC 8446 §4.6.1). Unless the builder
     * was given some, each built config has its own, rotating every ticket lifetime (at
     * least an hour); configs made with {@link #toBuilder} share them.
     */
    public TicketKeys ticketKeys() {
        return ticketKeys;
    }

    private static Duration defaultRotation(Duration ticketLifetime) {
        return ticketLifetime.compareTo(Duration.ofHours(1)) > 0 ? ticketLifetime : Duration.ofHours(1);
    }

    /** The most sessions a server or client cache keeps. */
    public int sessionCacheSize() {
        return sessionCacheSize;
    }

    /**
     * Where a client keeps the TLS 1.3 sessions it may resume, by server name. Connections
     * made with this config (and configs made from it with {@link #toBuilder}) share it.
     */
    public ClientSessionCache clientSessionCache() {
        return clientSessionCache;
    }

    /** The largest handshake message accepted, in bytes; larger ones are refused before buffering. */
    public int maxHandshakeMessageSize() {
        return maxHandshakeMessageSize;
    }

    /** The longest certificate chain accepted from a peer. */
    public int maxCertificateChainLength() {
        return maxCertificateChainLength;
    }

    /** The smallest finite-field DH prime a TLS 1.2 client accepts, in bits. */
    public int minDhBits() {
        return minDhBits;
    }

    /** The handshake listener. */
    public HandshakeListener listener() {
        return listener;
    }

    /**
     * The TLS 1.2 sessions of this config: a server's session-ID cache and ticket key, a
     * client's sessions to resume. Shared by every connection made with this config and by
     * configs made from it with {@link #toBuilder}.
     */
    public Tls12SessionStore tls12Sessions() {
        return tls12Sessions;
    }

    /**
     * Fixed ephemeral private keys, for reproducing a recorded handshake (RFC 8448) in tests:
     * for a group, the private key to use instead of a fresh one. Empty in normal use.
     */
    public Optional<byte[]> ephemeralPrivateKey(NamedGroup group) {
        return ephemeralPrivateKeys.apply(group);
    }

    /**
     * Rewrites each outgoing handshake message before it is encoded, added to the transcript
     * and sent: the identity in normal use. Tests that replay a recorded handshake (RFC 8448)
     * use it to substitute the few messages whose content another implementation chose
     * freely (e.g. NSS's ClientHello extension order, an opaque ticket).
     */
    public HandshakeMessage rewriteOutgoing(HandshakeMessage message) {
        return outgoingMessageRewriter.apply(message);
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.crypto = crypto;
        b.random = random;
        b.clock = clock;
        b.versions = versions;
        b.cipherSuites = cipherSuites;
        b.groups = groups;
        b.keyShareGroups = keyShareGroups;
        b.signatureSchemes = signatureSchemes;
        b.certifiedKeys = certifiedKeys;
        b.trustAnchors = trustAnchors;
        b.certificateVerification = certificateVerification;
        b.clientAuth = clientAuth;
        b.alpnProtocols = alpnProtocols;
        b.recordSizeLimit = recordSizeLimit;
        b.middleboxCompatibility = middleboxCompatibility;
        b.rsaKeyExchange = rsaKeyExchange;
        b.pskOnlyKeyExchange = pskOnlyKeyExchange;
        b.requireExtendedMasterSecret = requireExtendedMasterSecret;
        b.sessionTickets = sessionTickets;
        b.ticketLifetime = ticketLifetime;
        b.ticketKeys = ticketKeys;
        b.sessionCacheSize = sessionCacheSize;
        b.clientSessionCache = clientSessionCache;
        b.maxHandshakeMessageSize = maxHandshakeMessageSize;
        b.maxCertificateChainLength = maxCertificateChainLength;
        b.minDhBits = minDhBits;
        b.listener = listener;
        b.tls12Sessions = tls12Sessions;
        b.ephemeralPrivateKeys = ephemeralPrivateKeys;
        b.outgoingMessageRewriter = outgoingMessageRewriter;
        return b;
    }

    /** Builds a {@link TlsConfig}; every setter returns the builder. */
    public static final class Builder {
        private CryptoProvider crypto = CryptoProviders.preferred();
        private SecureRandom random = new SecureRandom();
        private Clock clock = Clock.systemUTC();
        private List<ProtocolVersion> versions = List.of(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_2);
        private List<CipherSuite> cipherSuites = concat(DEFAULT_TLS13_SUITES, DEFAULT_TLS12_SUITES);
        private List<NamedGroup> groups = DEFAULT_GROUPS;
        private List<NamedGroup> keyShareGroups;
        private List<SignatureScheme> signatureSchemes = DEFAULT_SIGNATURE_SCHEMES;
        private List<CertifiedKey> certifiedKeys = List.of();
        private List<X509Certificate> trustAnchors = List.of();
        private CertificateVerification certificateVerification = CertificateVerification.VERIFY;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private List<String> alpnProtocols = List.of();
        private int recordSizeLimit;
        private boolean middleboxCompatibility = true;
        private boolean rsaKeyExchange;
        private boolean pskOnlyKeyExchange;
        private boolean requireExtendedMasterSecret = true;
        private boolean sessionTickets = true;
        private Duration ticketLifetime = Duration.ofHours(2);
        private TicketKeys ticketKeys;
        private int sessionCacheSize = 1024;
        private ClientSessionCache clientSessionCache;
        private int maxHandshakeMessageSize = 64 * 1024;
        private int maxCertificateChainLength = 10;
        private int minDhBits = 2048;
        private HandshakeListener listener = HandshakeListener.NONE;
        private Tls12SessionStore tls12Sessions;
        private Function<NamedGroup, Optional<byte[]>> ephemeralPrivateKeys = group -> Optional.empty();
        private UnaryOperator<HandshakeMessage> outgoingMessageRewriter = UnaryOperator.identity();

        private Builder() {}

        /** The crypto provider (default: {@link CryptoProviders#preferred()}). */
        public Builder crypto(CryptoProvider crypto) {
            this.crypto = Objects.requireNonNull(crypto);
            return this;
        }

        /** The randomness source (default: a new {@link SecureRandom}). */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** The clock for certificate dates and ticket ages (default: the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The enabled versions, most preferred first; only TLS 1.3 and TLS 1.2 are accepted. */
        public Builder versions(List<ProtocolVersion> versions) {
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("at least one version must be enabled");
            }
            for (ProtocolVersion v : versions) {
                if (!v.equals(ProtocolVersion.TLS1_3) && !v.equals(ProtocolVersion.TLS1_2)) {
                    throw new IllegalArgumentException(v.name() + " is not supported (RFC 8996): use TLSv1.3 or TLSv1.2");
                }
            }
            this.versions = List.copyOf(versions);
            return this;
        }

        /** The enabled cipher suites, most preferred first; only implemented AEAD suites are accepted. */
        public Builder cipherSuites(List<CipherSuite> cipherSuites) {
            if (cipherSuites.isEmpty()) {
                throw new IllegalArgumentException("at least one cipher suite must be enabled");
            }
            for (CipherSuite s : cipherSuites) {
                if (!s.isImplemented()) {
                    throw new IllegalArgumentException(s.name() + " is not implemented");
                }
            }
            this.cipherSuites = List.copyOf(cipherSuites);
            return this;
        }

        /** The enabled groups, most preferred first. */
        public Builder groups(List<NamedGroup> groups) {
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("at least one group must be enabled");
            }
            for (NamedGroup g : groups) {
                if (g.algorithm().isEmpty()) {
                    throw new IllegalArgumentException(g.name() + " is not implemented");
                }
            }
            this.groups = List.copyOf(groups);
            return this;
        }

        /** The groups a TLS 1.3 client sends shares for (default: the first enabled group). */
        public Builder keyShareGroups(List<NamedGroup> keyShareGroups) {
            this.keyShareGroups = List.copyOf(keyShareGroups);
            return this;
        }

        /** The signature schemes, most preferred first. */
        public Builder signatureSchemes(List<SignatureScheme> signatureSchemes) {
            if (signatureSchemes.isEmpty()) {
                throw new IllegalArgumentException("at least one signature scheme must be enabled");
            }
            this.signatureSchemes = List.copyOf(signatureSchemes);
            return this;
        }

        /** The certificates and keys this side authenticates with. */
        public Builder certifiedKeys(List<CertifiedKey> certifiedKeys) {
            this.certifiedKeys = List.copyOf(certifiedKeys);
            return this;
        }

        /** One certificate chain and key to authenticate with. */
        public Builder certifiedKey(CertifiedKey certifiedKey) {
            return certifiedKeys(List.of(certifiedKey));
        }

        /** The trust anchors for peer chains. */
        public Builder trustAnchors(List<X509Certificate> trustAnchors) {
            this.trustAnchors = List.copyOf(trustAnchors);
            return this;
        }

        /** Peer certificate verification (default: {@link CertificateVerification#VERIFY}). */
        public Builder certificateVerification(CertificateVerification verification) {
            this.certificateVerification = Objects.requireNonNull(verification);
            return this;
        }

        /** Whether a server requests client certificates (default: {@link ClientAuth#NONE}). */
        public Builder clientAuth(ClientAuth clientAuth) {
            this.clientAuth = Objects.requireNonNull(clientAuth);
            return this;
        }

        /** ALPN protocol names (RFC 7301), most preferred first. */
        public Builder alpnProtocols(List<String> protocols) {
            for (String p : protocols) {
                if (p.isEmpty() || p.length() > 255) {
                    throw new IllegalArgumentException("ALPN protocol names are 1 to 255 bytes: " + p);
                }
            }
            this.alpnProtocols = List.copyOf(protocols);
            return this;
        }

        /** The record_size_limit to announce (RFC 8449 §4: 64 to 16385), or 0 for none. */
        public Builder recordSizeLimit(int limit) {
            if (limit != 0 && (limit < 64 || limit > 16385)) {
                throw new IllegalArgumentException("record_size_limit must be 64..16385, was " + limit);
            }
            this.recordSizeLimit = limit;
            return this;
        }

        /** TLS 1.3 middlebox compatibility mode (default on). */
        public Builder middleboxCompatibility(boolean enabled) {
            this.middleboxCompatibility = enabled;
            return this;
        }

        /**
         * Allows TLS 1.2 static RSA key exchange (TLS_RSA_WITH_*), which has no forward
         * secrecy. Off by default; the suites must also be in {@link #cipherSuites}.
         */
        public Builder rsaKeyExchange(boolean enabled) {
            this.rsaKeyExchange = enabled;
            return this;
        }

        /** Allows TLS 1.3 psk_ke resumption, which has no forward secrecy. Off by default. */
        public Builder pskOnlyKeyExchange(boolean enabled) {
            this.pskOnlyKeyExchange = enabled;
            return this;
        }

        /** Whether TLS 1.2 requires extended master secret (default true). */
        public Builder requireExtendedMasterSecret(boolean required) {
            this.requireExtendedMasterSecret = required;
            return this;
        }

        /** Whether session tickets are issued (server) and used (client). Default on. */
        public Builder sessionTickets(boolean enabled) {
            this.sessionTickets = enabled;
            return this;
        }

        /** Ticket lifetime (RFC 8446 §4.6.1: at most 7 days). */
        public Builder ticketLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("ticket lifetime must be 0..7 days");
            }
            this.ticketLifetime = lifetime;
            return this;
        }

        /**
         * The keys session tickets are sealed with (default: new keys for each built config).
         * Share one {@link TicketKeys} between configs or servers to let tickets of one resume
         * on another.
         */
        public Builder ticketKeys(TicketKeys keys) {
            this.ticketKeys = Objects.requireNonNull(keys);
            return this;
        }

        /** The most sessions a cache keeps. */
        public Builder sessionCacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("cache size must not be negative");
            }
            this.sessionCacheSize = size;
            return this;
        }

        /**
         * The client session cache (default: a new one per built config, holding
         * {@link #sessionCacheSize} sessions). Pass one cache to several configs to let their
         * connections resume each other's sessions.
         */
        public Builder clientSessionCache(ClientSessionCache cache) {
            this.clientSessionCache = Objects.requireNonNull(cache);
            return this;
        }

        /** The largest handshake message accepted (default 64 KiB). */
        public Builder maxHandshakeMessageSize(int size) {
            if (size < 1024 || size > 0xffffff) {
                throw new IllegalArgumentException("max handshake message size must be 1 KiB..16 MiB");
            }
            this.maxHandshakeMessageSize = size;
            return this;
        }

        /** The longest peer certificate chain accepted (default 10). */
        public Builder maxCertificateChainLength(int length) {
            if (length < 1) {
                throw new IllegalArgumentException("chain length must be at least 1");
            }
            this.maxCertificateChainLength = length;
            return this;
        }

        /** The smallest TLS 1.2 DHE prime a client accepts (default 2048 bits). */
        public Builder minDhBits(int bits) {
            this.minDhBits = bits;
            return this;
        }

        /**
         * The TLS 1.2 session store (default: a new one per built config, holding
         * {@link #sessionCacheSize} sessions per side).
         */
        public Builder tls12Sessions(Tls12SessionStore store) {
            this.tls12Sessions = Objects.requireNonNull(store);
            return this;
        }

        /** The handshake listener (default: none). */
        public Builder listener(HandshakeListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /**
         * Fixed ephemeral private keys per group, to reproduce recorded handshakes in tests.
         * Never set this in production: it removes forward secrecy.
         */
        public Builder ephemeralPrivateKeysForTesting(Function<NamedGroup, Optional<byte[]>> keys) {
            this.ephemeralPrivateKeys = Objects.requireNonNull(keys);
            return this;
        }

        /**
         * Rewrites outgoing handshake messages, to replay a recorded handshake in tests. Never
         * set this in production.
         */
        public Builder outgoingMessageRewriterForTesting(UnaryOperator<HandshakeMessage> rewriter) {
            this.outgoingMessageRewriter = Objects.requireNonNull(rewriter);
            return this;
        }

        /** The config. */
        public TlsConfig build() {
            if (keyShareGroups != null && !groups.containsAll(keyShareGroups)) {
                throw new IllegalArgumentException("key share groups must be enabled groups");
            }
            return new TlsConfig(this);
        }

        private static <T> List<T> concat(List<T> a, List<T> b) {
            var all = new java.util.ArrayList<T>(a);
            all.addAll(b);
            return List.copyOf(all);
        }
    }
}
