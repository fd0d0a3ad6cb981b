package dev.tlsref.handshake;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What a completed handshake agreed on.
 *
 * @param version the protocol version
 * @param cipherSuite the cipher suite
 * @param group the key exchange group, empty for psk_ke or TLS 1.2 RSA key exchange
 * @param signatureScheme the scheme the server signed with, empty when resumed
 * @param alpn the application protocol, empty if none was agreed
 * @param serverName the server name the client asked for, empty if none
 * @param peerCertificates the peer's chain as received, empty if it sent none
 * @param resumed true if the session was resumed from a PSK, ticket or session ID
 */
public record NegotiatedParameters(
        ProtocolVersion version,
        CipherSuite cipherSuite,
        Optional<NamedGroup> group,
        Optional<SignatureScheme> signatureScheme,
        Optional<String> alpn,
        Optional<String> serverName,
        List<X509Certificate> peerCertificates,
        boolean resumed) {

    /** Copies the chain. */
    public NegotiatedParameters {
        peerCertificates = List.copyOf(peerCertificates);
    }

    /**
     * The one-line summary the tlsref command prints, e.g. {@code negotiated version=TLSv1.3
     * suite=TLS_AES_128_GCM_SHA256 group=x25519 sig=ecdsa_secp256r1_sha256 alpn=- resumed=false}.
     */
    public String summary() {
        return "negotiated version=" + version.name()
                + " suite=" + cipherSuite.name()
                + " group=" + group.map(NamedGroup::name).orElse("-")
                + " sig=" + signatureScheme.map(SignatureScheme::name).orElse("-")
                + " alpn=" + alpn.orElse("-")
                + " resumed=" + resumed;
    }
}
