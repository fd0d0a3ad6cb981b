package dev.tlsref.bench.scenario;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.ProtocolVersion;

/** The cipher suites the scenarios use, with their IANA names (which JSSE and BCJSSE use too). */
public enum Suite {
    TLS_AES_128_GCM_SHA256(CipherSuite.TLS_AES_128_GCM_SHA256, ProtocolVersion.TLS1_3),
    TLS_AES_256_GCM_SHA384(CipherSuite.TLS_AES_256_GCM_SHA384, ProtocolVersion.TLS1_3),
    TLS_CHACHA20_POLY1305_SHA256(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, ProtocolVersion.TLS1_3),
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            ProtocolVersion.TLS1_2);

    private final CipherSuite tlsref;
    private final ProtocolVersion version;

    Suite(CipherSuite tlsref, ProtocolVersion version) {
        this.tlsref = tlsref;
        this.version = version;
    }

    /** tlsref's code point. */
    public CipherSuite tlsref() {
        return tlsref;
    }

    /** The protocol version the suite belongs to. */
    public ProtocolVersion version() {
        return version;
    }

    /** The JSSE protocol name of that version ({@code TLSv1.3} or {@code TLSv1.2}). */
    public String jsseProtocol() {
        return version.equals(ProtocolVersion.TLS1_3) ? "TLSv1.3" : "TLSv1.2";
    }
}
