package dev.tlsref.handshake.tls13;

import static dev.tlsref.core.AlertDescription.BAD_CERTIFICATE;
import static dev.tlsref.core.AlertDescription.DECODE_ERROR;
import static dev.tlsref.core.AlertDescription.DECRYPT_ERROR;
import static dev.tlsref.core.AlertDescription.ILLEGAL_PARAMETER;
import static dev.tlsref.core.AlertDescription.INTERNAL_ERROR;
import static dev.tlsref.core.AlertDescription.MISSING_EXTENSION;
import static dev.tlsref.core.AlertDescription.UNSUPPORTED_EXTENSION;

import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.SignatureScheme;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.SignatureAlgorithms;
import dev.tlsref.core.message.CertificateVerify;
import dev.tlsref.core.message.HandshakeMessage;
import dev.tlsref.core.message.Tls13Certificate;
import dev.tlsref.core.message.Tls13CertificateRequest;
import dev.tlsref.crypto.CryptoException;
import dev.tlsref.crypto.SignatureAlgorithm;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.TlsConfig.CertificateVerification;
import dev.tlsref.handshake.cert.CertificateChainDecoder;
import dev.tlsref.handshake.cert.CertificateChainValidator;
import dev.tlsref.handshake.cert.CertificateKeyScheme;
import dev.tlsref.handshake.cert.HostnameVerifier;
import dev.tlsref.handshake.cert.KeyUsageRequirement;
import dev.tlsref.handshake.cert.ReferenceIdentity;
import dev.tlsref.handshake.cert.ValidatedChain;
import dev.tlsref.handshake.engine.HandshakeChannel;
import dev.tlsref.handshake.engine.Transcript;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The certificate side of the TLS 1.3 client handshake (RFC 8446 §4.3.2, §4.4.2, §4.4.3): it
 * checks the server's CertificateRequest, Certificate (chain and host name, RFC 5280 /
 * RFC 9525) and CertificateVerify, and answers a CertificateRequest with the client's
 * Certificate and CertificateVerify. {@link Tls13ClientHandshake} decides when each step runs;
 * this class shares its transcript and channel.
 */
final class Tls13ClientAuthentication {
    private final TlsConfig config;
    private final Optional<ReferenceIdentity> serverIdentity;
    private final Transcript transcript;
    private final HandshakeChannel channel;
    private final HandshakeListener listener;

    private Tls13CertificateRequest certificateRequest;
    private List<X509Certificate> serverChain = List.of();
    private Optional<SignatureScheme> serverScheme = Optional.empty();

    Tls13ClientAuthentication(TlsConfig config, Optional<ReferenceIdentity> serverIdentity, Transcript transcript,
            HandshakeChannel channel) {
        this.config = config;
        this.serverIdentity = serverIdentity;
        this.transcript = transcript;
        this.channel = channel;
        this.listener = config.listener();
    }

    /** True once the server sent a CertificateRequest (RFC 8446 §4.3.2). */
    boolean certificateRequested() {
        return certificateRequest != null;
    }

    /** The server's certificate chain, leaf first; empty until its Certificate arrived. */
    List<X509Certificate> serverChain() {
        return serverChain;
    }

    /** The scheme of the server's verified CertificateVerify, if there was one. */
    Optional<SignatureScheme> serverScheme() {
        return serverScheme;
    }

    /** RFC 8446 §4.3.2: CertificateRequest during the handshake. */
    void processCertificateRequest(Tls13CertificateRequest request, byte[] encoded) throws TlsAlertException {
        if (request.certificateRequestContext().length != 0) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "CertificateRequest during the handshake has a non-empty"
                    + " certificate_request_context (RFC 8446 §4.3.2)");
        }
        if (request.extensions().find(SignatureAlgorithms.class).isEmpty()) {
            throw new TlsAlertException(MISSING_EXTENSION,
                    "CertificateRequest has no signature_algorithms extension (RFC 8446 §4.3.2)");
        }
        certificateRequest = request;
        transcript.add(encoded);
    }

    /** RFC 8446 §4.4.2: the server's Certificate, checked by §4.4.2.4 and RFC 5280 / RFC 9525. */
    void processServerCertificate(Tls13Certificate certificate, byte[] encoded) throws TlsAlertException {
        if (certificate.certificateRequestContext().length != 0) {
            throw new TlsAlertException(ILLEGAL_PARAMETER,
                    "server Certificate has a non-empty certificate_request_context (RFC 8446 §4.4.2)");
        }
        if (certificate.entries().isEmpty()) {
            throw new TlsAlertException(DECODE_ERROR, "server sent an empty Certificate (RFC 8446 §4.4.2.4)");
        }
        List<byte[]> der = new ArrayList<>();
        for (Tls13Certificate.Entry entry : certificate.entries()) {
            if (!entry.extensions().isEmpty()) {
                // §4.4.2: entry extensions must answer ClientHello ones; we offer none of them.
                throw new TlsAlertException(UNSUPPORTED_EXTENSION, "server CertificateEntry has extension "
                        + entry.extensions().asList().get(0).type().name() + " that the client did not offer");
            }
            der.add(entry.certData());
        }
        List<X509Certificate> chain = new CertificateChainDecoder(config.maxCertificateChainLength()).decode(der);
        if (config.certificateVerification() == CertificateVerification.VERIFY) {
            ReferenceIdentity identity = serverIdentity.orElseThrow(() -> new TlsAlertException(BAD_CERTIFICATE,
                    "cannot verify the server certificate: no server name was given to check it against"
                            + " (pass the host name, or use INSECURE_TRUST_ANY_CERTIFICATE)"));
            ValidatedChain validated = new CertificateChainValidator(config.trustAnchors(), config.clock(),
                    config.maxCertificateChainLength()).validateServerChain(chain, KeyUsageRequirement.DIGITAL_SIGNATURE);
            listener.note("server certificate chain validated to "
                    + validated.trustAnchor().getSubjectX500Principal().getName());
            HostnameVerifier.verify(chain.get(0), identity);
            listener.note("server certificate matches " + identity);
        } else {
            listener.note("server certificate NOT verified (INSECURE_TRUST_ANY_CERTIFICATE)");
        }
        serverChain = chain;
        transcript.add(encoded);
    }

    /**
     * RFC 8446 §4.4.3: the server's signature over the transcript through Certificate, with
     * one of the schemes the client offered in signature_algorithms.
     */
    void processServerCertificateVerify(CertificateVerify verify, byte[] encoded, List<SignatureScheme> offered)
            throws TlsAlertException {
        var key = serverChain.get(0).getPublicKey();
        CertificateKeyScheme.checkPeerScheme(key, ProtocolVersion.TLS1_3, verify.algorithm(), offered);
        SignatureAlgorithm algorithm = verify.algorithm().algorithm().orElseThrow(() -> new TlsAlertException(
                ILLEGAL_PARAMETER, "server signed with unsupported scheme " + verify.algorithm().name()));
        byte[] content = CertificateVerifyContent.server(transcript.currentHash());
        if (!config.crypto().verify(algorithm, key, content, verify.signature())) {
            throw new TlsAlertException(DECRYPT_ERROR, "server CertificateVerify signature ("
                    + verify.algorithm().name() + ") does not verify (RFC 8446 §4.4.3)");
        }
        listener.note("CertificateVerify signature verified (" + verify.algorithm().name() + ")");
        serverScheme = Optional.of(verify.algorithm());
        transcript.add(encoded);
    }

    /**
     * RFC 8446 §4.4.2, §4.4.3: the client's Certificate (empty if no configured key fits the
     * server's signature_algorithms; the server decides whether that is acceptable) and, with
     * a certificate, its CertificateVerify.
     */
    void sendClientCertificate() throws TlsAlertException {
        List<SignatureScheme> serverAccepts = certificateRequest.extensions().find(SignatureAlgorithms.class)
                .orElseThrow().schemes();
        CertifiedKey chosen = null;
        SignatureScheme scheme = null;
        for (CertifiedKey candidate : config.certifiedKeys()) {
            Optional<SignatureScheme> s = CertificateKeyScheme.find(candidate.leaf().getPublicKey(),
                    ProtocolVersion.TLS1_3, serverAccepts, config.signatureSchemes());
            if (s.isPresent()) {
                chosen = candidate;
                scheme = s.get();
                break;
            }
        }
        List<Tls13Certificate.Entry> entries = new ArrayList<>();
        if (chosen != null) {
            for (X509Certificate c : chosen.chain()) {
                try {
                    entries.add(new Tls13Certificate.Entry(c.getEncoded()));
                } catch (CertificateEncodingException e) {
                    throw new TlsAlertException(INTERNAL_ERROR, "cannot encode our own certificate", e);
                }
            }
        } else {
            listener.note("no client certificate fits the server's signature_algorithms: sending an empty Certificate");
        }
        send(new Tls13Certificate(certificateRequest.certificateRequestContext(), entries));
        if (chosen == null) {
            return;
        }
        byte[] content = CertificateVerifyContent.client(transcript.currentHash());
        try {
            byte[] signature = config.crypto().sign(scheme.algorithm().orElseThrow(), chosen.privateKey(), content,
                    config.random());
            send(new CertificateVerify(scheme, signature));
        } catch (CryptoException e) {
            throw new TlsAlertException(INTERNAL_ERROR, "cannot sign CertificateVerify with " + scheme.name(), e);
        }
    }

    /** Sends a handshake message (after the config's rewrite hook) and adds it to the transcript. */
    private void send(HandshakeMessage message) throws TlsAlertException {
        transcript.add(channel.send(config.rewriteOutgoing(message)));
    }
}
