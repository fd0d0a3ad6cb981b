package dev.tlsref.core;

import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.HashAlgorithm;
import java.util.Map;
import java.util.Optional;

/**
 * A cipher suite (IANA "TLS Cipher Suites"). The suites tlsref implements carry their AEAD,
 * hash and key exchange; any other code, including GREASE (RFC 8701), is kept as an unknown
 * suite that no one negotiates.
 *
 * @param code the two-byte code point
 */
public record CipherSuite(int code) {
    // RFC 8446 §B.4
    public static final CipherSuite TLS_AES_128_GCM_SHA256 = new CipherSuite(0x1301);
    public static final CipherSuite TLS_AES_256_GCM_SHA384 = new CipherSuite(0x1302);
    public static final CipherSuite TLS_CHACHA20_POLY1305_SHA256 = new CipherSuite(0x1303);
    public static final CipherSuite TLS_AES_128_CCM_SHA256 = new CipherSuite(0x1304);
    public static final CipherSuite TLS_AES_128_CCM_8_SHA256 = new CipherSuite(0x1305);
    // RFC 5289 and RFC 7905: ECDHE
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0xc02b);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0xc02c);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0xc02f);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0xc030);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xcca8);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xcca9);
    // RFC 5288 and RFC 7905: finite-field DHE
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0x009e);
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0x009f);
    public static final CipherSuite TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xccaa);
    // RFC 5288: static RSA key exchange (off unless enabled)
    public static final CipherSuite TLS_RSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0x009c);
    public static final CipherSuite TLS_RSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0x009d);
    // RFC 5746 §3.3: signalling value, never negotiated
    public static final CipherSuite TLS_EMPTY_RENEGOTIATION_INFO_SCSV = new CipherSuite(0x00ff);
    // RFC 7507: signalling value, never negotiated
    public static final CipherSuite TLS_FALLBACK_SCSV = new CipherSuite(0x5600);

    /** How the suite establishes its keys. */
    public enum KeyExchange {
        /** TLS 1.3: key exchange is negotiated separately (key_share, pre_shared_key). */
        TLS13,
        /** TLS 1.2 ephemeral elliptic-curve DH (RFC 8422). */
        ECDHE,
        /** TLS 1.2 ephemeral finite-field DH (RFC 5246 §7.4.3). */
        DHE,
        /** TLS 1.2 RSA-encrypted premaster secret (RFC 5246 §7.4.7.1). */
        RSA
    }

    /** The kind of certificate key that authenticates the server. */
    public enum Authentication {
        /** TLS 1.3: decided by signature_algorithms, not the suite. */
        ANY,
        ECDSA,
        RSA
    }

    /** What a suite tlsref implements is made of. */
    private record Parameters(String name, KeyExchange keyExchange, Authentication authentication,
            AeadAlgorithm aead, HashAlgorithm hash) {}

    private static final Map<Integer, Parameters> KNOWN = Map.ofEntries(
            tls13(0x1301, "TLS_AES_128_GCM_SHA256", AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
            tls13(0x1302, "TLS_AES_256_GCM_SHA384", AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
            tls13(0x1303, "TLS_CHACHA20_POLY1305_SHA256", AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
            tls13(0x1304, "TLS_AES_128_CCM_SHA256", AeadAlgorithm.AES_128_CCM, HashAlgorithm.SHA256),
            tls13(0x1305, "TLS_AES_128_CCM_8_SHA256", AeadAlgorithm.AES_128_CCM_8, HashAlgorithm.SHA256),
            tls12(0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", KeyExchange.ECDHE, Authentication.ECDSA,
                    AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
            tls12(0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", KeyExchange.ECDHE, Authentication.ECDSA,
                    AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
            tls12(0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", KeyExchange.ECDHE, Authentication.ECDSA,
                    AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
            tls12(0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", KeyExchange.ECDHE, Authentication.RSA,
                    AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
            tls12(0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", KeyExchange.ECDHE, Authentication.RSA,
                    AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
            tls12(0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", KeyExchange.ECDHE, Authentication.RSA,
                    AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
            tls12(0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", KeyExchange.DHE, Authentication.RSA,
                    AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
            tls12(0x009f, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", KeyExchange.DHE, Authentication.RSA,
                    AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
            tls12(0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", KeyExchange.DHE, Authentication.RSA,
                    AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
            tls12(0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256", KeyExchange.RSA, Authentication.RSA,
                    AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
            tls12(0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384", KeyExchange.RSA, Authentication.RSA,
                    AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384));

    private static final Map<Integer, String> SIGNALLING = Map.of(
            0x00ff, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
            0x5600, "TLS_FALLBACK_SCSV");

    /** Checks the code fits in two bytes. */
    public CipherSuite {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("cipher suite out of range: " + code);
        }
    }

    /** The suite with this IANA name, if tlsref implements it, e.g. {@code TLS_AES_128_GCM_SHA256}. */
    public static Optional<CipherSuite> forName(String name) {
        return KNOWN.entrySet().stream()
                .filter(e -> e.getValue().name().equals(name))
                .map(e -> new CipherSuite(e.getKey()))
                .findFirst();
    }

    /** True if tlsref implements this suite. */
    public boolean isImplemented() {
        return KNOWN.containsKey(code);
    }

    /** True for the TLS 1.3 suites (RFC 8446 §B.4). */
    public boolean isTls13() {
        return parameters().map(p -> p.keyExchange() == KeyExchange.TLS13).orElse(false);
    }

    /** The IANA name, or {@code unknown(0xNNNN)}. GREASE values say {@code grease(0xNNNN)}. */
    public String name() {
        Parameters p = KNOWN.get(code);
        if (p != null) {
            return p.name();
        }
        String signalling = SIGNALLING.get(code);
        if (signalling != null) {
            return signalling;
        }
        return Grease.isGrease(code) ? String.format("grease(0x%04x)", code) : String.format("unknown(0x%04x)", code);
    }

    /** The record protection algorithm. */
    public AeadAlgorithm aead() {
        return require().aead();
    }

    /** The hash of the key schedule or PRF and of the transcript. */
    public HashAlgorithm hash() {
        return require().hash();
    }

    /** The key exchange. */
    public KeyExchange keyExchange() {
        return require().keyExchange();
    }

    /** The kind of server certificate key. */
    public Authentication authentication() {
        return require().authentication();
    }

    @Override
    public String toString() {
        return name();
    }

    private Optional<Parameters> parameters() {
        return Optional.ofNullable(KNOWN.get(code));
    }

    private Parameters require() {
        Parameters p = KNOWN.get(code);
        if (p == null) {
            throw new IllegalStateException(name() + " is not implemented; check isImplemented() first");
        }
        return p;
    }

    private static Map.Entry<Integer, Parameters> tls13(int code, String name, AeadAlgorithm aead, HashAlgorithm hash) {
        return Map.entry(code, new Parameters(name, KeyExchange.TLS13, Authentication.ANY, aead, hash));
    }

    private static Map.Entry<Integer, Parameters> tls12(int code, String name, KeyExchange kx, Authentication auth,
            AeadAlgorithm aead, HashAlgorithm hash) {
        return Map.entry(code, new Parameters(name, kx, auth, aead, hash));
    }
}
