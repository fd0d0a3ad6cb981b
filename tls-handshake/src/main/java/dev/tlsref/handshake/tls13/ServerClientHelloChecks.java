package dev.tlsref.handshake.tls13;

import static dev.tlsref.core.AlertDescription.ILLEGAL_PARAMETER;
import static dev.tlsref.core.AlertDescription.MISSING_EXTENSION;
import static dev.tlsref.core.AlertDescription.PROTOCOL_VERSION;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.extension.EarlyData;
import dev.tlsref.core.extension.Extension;
import dev.tlsref.core.extension.Extensions;
import dev.tlsref.core.extension.KeyShareClientHello;
import dev.tlsref.core.extension.KeyShareEntry;
import dev.tlsref.core.extension.PreSharedKeyClientHello;
import dev.tlsref.core.extension.PskKeyExchangeModes;
import dev.tlsref.core.extension.SupportedGroups;
import dev.tlsref.core.extension.SupportedVersionsClientHello;
import dev.tlsref.core.message.ClientHello;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.handshake.TlsConfig;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a TLS 1.3 server makes on a ClientHello before negotiating anything (RFC 8446
 * §4.1.2, §4.2, §9.2), each failing with the alert the RFC names.
 */
final class ServerClientHelloChecks {
    private ServerClientHelloChecks() {}

    /**
     * RFC 8446 §4.2.1: supported_versions alone decides the version; it must offer TLS 1.3.
     * §4.1.2: a TLS 1.3 ClientHello has legacy_version 0x0303. A server connection only gets
     * here through {@code ServerHandshakeSelector}, which hands ClientHellos without TLS 1.3 to
     * the TLS 1.2 server; the first two checks keep this handshake safe when used on its own.
     */
    static void checkVersion(ClientHello hello, TlsConfig config) throws TlsAlertException {
        Optional<SupportedVersionsClientHello> versions = hello.extensions().find(SupportedVersionsClientHello.class);
        if (versions.isEmpty() || !versions.get().versions().contains(ProtocolVersion.TLS1_3)) {
            throw new TlsAlertException(PROTOCOL_VERSION, "client offers only TLS 1.2 or lower (legacy_version "
                    + hello.legacyVersion() + ", supported_versions "
                    + versions.map(v -> v.versions().toString()).orElse("absent")
                    + "); this is the TLS 1.3 server handshake");
        }
        if (!config.versions().contains(ProtocolVersion.TLS1_3)) {
            throw new TlsAlertException(PROTOCOL_VERSION,
                    "TLS 1.3 is disabled in this server's config; the TLS 1.3 server handshake cannot run");
        }
        if (!hello.legacyVersion().equals(ProtocolVersion.TLS1_2)) {
            throw new TlsAlertException(PROTOCOL_VERSION, "TLS 1.3 ClientHello has legacy_version "
                    + hello.legacyVersion() + "; it must be 0x0303 (RFC 8446 §4.1.2)");
        }
    }

    /** RFC 8446 §4.1.2: legacy_compression_methods must be exactly one byte, null (0). */
    static void checkCompression(ClientHello hello) throws TlsAlertException {
        byte[] methods = hello.legacyCompressionMethods();
        if (methods.length != 1 || methods[0] != 0) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "TLS 1.3 ClientHello offers compression methods "
                    + Arrays.toString(methods) + "; it must offer exactly [0] (RFC 8446 §4.1.2)");
        }
    }

    /**
     * The extension rules that need no negotiation state: RFC 8446 §4.2.11 (pre_shared_key
     * last, as many binders as identities), §4.2.9 (pre_shared_key needs
     * psk_key_exchange_modes), §9.2 (supported_groups and key_share come together), §4.2.10
     * (early_data only with pre_shared_key).
     */
    static void checkExtensions(ClientHello hello) throws TlsAlertException {
        Extensions ext = hello.extensions();
        List<Extension> list = ext.asList();
        Optional<PreSharedKeyClientHello> psk = ext.find(PreSharedKeyClientHello.class);
        if (psk.isPresent()) {
            if (list.get(list.size() - 1).type().code() != ExtensionType.PRE_SHARED_KEY.code()) {
                throw new TlsAlertException(ILLEGAL_PARAMETER,
                        "pre_shared_key is not the last extension of the ClientHello (RFC 8446 §4.2.11)");
            }
            if (psk.get().identities().size() != psk.get().binders().size()) {
                throw new TlsAlertException(ILLEGAL_PARAMETER, "pre_shared_key offers "
                        + psk.get().identities().size() + " identities but " + psk.get().binders().size()
                        + " binders (RFC 8446 §4.2.11)");
            }
            if (ext.find(PskKeyExchangeModes.class).isEmpty()) {
                throw new TlsAlertException(MISSING_EXTENSION,
                        "ClientHello offers pre_shared_key without psk_key_exchange_modes (RFC 8446 §4.2.9)");
            }
        }
        boolean groups = ext.find(SupportedGroups.class).isPresent();
        boolean shares = ext.find(KeyShareClientHello.class).isPresent();
        if (groups != shares) {
            throw new TlsAlertException(MISSING_EXTENSION, "ClientHello has " + (groups ? "supported_groups" : "key_share")
                    + " without " + (groups ? "key_share" : "supported_groups") + " (RFC 8446 §9.2)");
        }
        if (ext.find(EarlyData.class).isPresent() && psk.isEmpty()) {
            throw new TlsAlertException(ILLEGAL_PARAMETER,
                    "ClientHello offers early_data without pre_shared_key (RFC 8446 §4.2.10)");
        }
    }

    /**
     * RFC 8446 §4.2.8: no two shares for one group, and only for groups in supported_groups
     * (both "MAY" checks, made with illegal_parameter); a share for a group we implement must
     * have that group's length (§4.2.8.1, §4.2.8.2). Shares are validated fully by the key
     * exchange of the one that is used.
     */
    static List<KeyShareEntry> checkKeyShares(ClientHello hello) throws TlsAlertException {
        Optional<KeyShareClientHello> shares = hello.extensions().find(KeyShareClientHello.class);
        if (shares.isEmpty()) {
            return List.of();
        }
        List<NamedGroup> supported = hello.extensions().find(SupportedGroups.class)
                .map(SupportedGroups::groups).orElse(List.of());
        Set<NamedGroup> seen = new HashSet<>();
        for (KeyShareEntry share : shares.get().shares()) {
            if (!seen.add(share.group())) {
                throw new TlsAlertException(ILLEGAL_PARAMETER,
                        "ClientHello has two key shares for " + share.group().name() + " (RFC 8446 §4.2.8)");
            }
            if (!supported.contains(share.group())) {
                throw new TlsAlertException(ILLEGAL_PARAMETER, "ClientHello has a key share for "
                        + share.group().name() + ", which its supported_groups does not list (RFC 8446 §4.2.8)");
            }
            Optional<KeyExchangeAlgorithm> algorithm = share.group().algorithm();
            if (algorithm.isPresent() && share.keyExchangeLength() != algorithm.get().initiatorShareLength()) {
                throw new TlsAlertException(ILLEGAL_PARAMETER, "ClientHello's " + share.group().name()
                        + " key share is " + share.keyExchangeLength() + " bytes; it must be "
                        + algorithm.get().initiatorShareLength() + " (RFC 8446 §4.2.8)");
            }
        }
        return shares.get().shares();
    }

    /**
     * RFC 8446 §4.1.2: after a HelloRetryRequest the client sends the same ClientHello except
     * for a single key share for the group asked for, no early_data, the cookie, updated PSK
     * ages and binders, and padding.
     */
    static void checkSecondClientHello(ClientHello first, ClientHello second, NamedGroup requested)
            throws TlsAlertException {
        if (!first.cipherSuites().equals(second.cipherSuites())) {
            throw new TlsAlertException(ILLEGAL_PARAMETER,
                    "second ClientHello changed cipher_suites after HelloRetryRequest (RFC 8446 §4.1.2)");
        }
        if (!Arrays.equals(first.legacySessionId(), second.legacySessionId())) {
            throw new TlsAlertException(ILLEGAL_PARAMETER,
                    "second ClientHello changed legacy_session_id after HelloRetryRequest (RFC 8446 §4.1.2)");
        }
        List<KeyShareEntry> shares = second.extensions().find(KeyShareClientHello.class)
                .map(KeyShareClientHello::shares).orElse(List.of());
        if (shares.size() != 1 || !shares.get(0).group().equals(requested)) {
            throw new TlsAlertException(ILLEGAL_PARAMETER, "second ClientHello must carry exactly one key share, for "
                    + requested.name() + " as the HelloRetryRequest asked, not " + shares + " (RFC 8446 §4.1.2)");
        }
        if (second.extensions().find(EarlyData.class).isPresent()) {
            throw new TlsAlertException(ILLEGAL_PARAMETER,
                    "second ClientHello still offers early_data after HelloRetryRequest (RFC 8446 §4.1.2)");
        }
    }
}
