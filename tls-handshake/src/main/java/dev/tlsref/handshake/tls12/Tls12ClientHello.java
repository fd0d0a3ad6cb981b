package dev.tlsref.handshake.tls12;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.extension.Alpn;
import dev.tlsref.core.extension.EcPointFormats;
import dev.tlsref.core.extension.ExtendedMasterSecret;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.RenegotiationInfo;
import dev.tlsref.core.extension.ServerNameList;
import dev.tlsref.core.extension.SessionTicket;
import dev.tlsref.core.extension.SignatureAlgorithms;
import dev.tlsref.core.extension.SupportedGroups;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.session.Tls12Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a TLS 1.2-only client offers (RFC 5246 §7.4.1.2 with RFC 7627, 5746, 8422, 7919, 6066, 7301, 5077). */
final class Tls12ClientHello {
    private Tls12ClientHello() {}

    /** The TLS 1.2 suites of the config, static RSA only if enabled. */
    static List<CipherSuite> suites(TlsConfig config) {
        List<CipherSuite> suites = new ArrayList<>();
        for (CipherSuite suite : config.cipherSuites()) {
            if (!suite.isTls13() && (suite.keyExchange() != CipherSuite.KeyExchange.RSA || config.rsaKeyExchange())) {
                suites.add(suite);
            }
        }
        return suites;
    }

    /** The groups usable in TLS 1.2: elliptic curves (RFC 8422) and RFC 7919 finite-field groups. */
    static List<NamedGroup> groups(TlsConfig config) {
        return config.groups().stream().filter(g -> Tls12ServerSelection.isEcGroup(g) || g.isFiniteField()).toList();
    }

    static ClientHello build(TlsConfig config, String serverName, Optional<Tls12Session> resume) {
        byte[] random = new byte[ClientHello.RANDOM_LENGTH];
        config.random().nextBytes(random);
        byte[] sessionId = new byte[0];
        boolean withTicket = resume.isPresent() && resume.get().ticket().length > 0 && config.sessionTickets();
        if (withTicket) {
            // RFC 5077 §3.4: a fresh session ID, which the server echoes if it accepts the ticket.
            sessionId = new byte[32];
            config.random().nextBytes(sessionId);
        } else if (resume.isPresent()) {
            sessionId = resume.get().sessionId();
        }
        List<Extension> extensions = new ArrayList<>();
        if (serverName != null && isDnsName(serverName)) {
            extensions.add(ServerNameList.ofHostName(serverName)); // RFC 6066 §3: no IP literals
        }
        extensions.add(EcPointFormats.uncompressed());
        extensions.add(new SupportedGroups(groups(config)));
        extensions.add(new SignatureAlgorithms(config.signatureSchemes()));
        if (!config.alpnProtocols().isEmpty()) {
            extensions.add(new Alpn(config.alpnProtocols()));
        }
        if (config.sessionTickets()) {
            extensions.add(new SessionTicket(withTicket ? resume.get().ticket() : new byte[0]));
        }
        extensions.add(new ExtendedMasterSecret());
        extensions.add(new RenegotiationInfo(new byte[0])); // RFC 5746 §3.4
        return new ClientHello(ProtocolVersion.TLS1_2, random, sessionId, suites(config), new byte[] {0},
                Optional.of(Extensions.of(extensions)));
    }

    private static boolean isDnsName(String name) {
        return !name.isEmpty() && name.indexOf(':') < 0 && !name.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }
}
