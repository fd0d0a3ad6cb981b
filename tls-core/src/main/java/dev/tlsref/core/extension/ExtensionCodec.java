package dev.tlsref.core.extension;

import static dev.tlsref.core.extension.ExtensionContext.CERTIFICATE_ENTRY;
import static dev.tlsref.core.extension.ExtensionContext.CERTIFICATE_REQUEST;
import static dev.tlsref.core.extension.ExtensionContext.CLIENT_HELLO;
import static dev.tlsref.core.extension.ExtensionContext.ENCRYPTED_EXTENSIONS;
import static dev.tlsref.core.extension.ExtensionContext.HELLO_RETRY_REQUEST;
import static dev.tlsref.core.extension.ExtensionContext.NEW_SESSION_TICKET;
import static dev.tlsref.core.extension.ExtensionContext.SERVER_HELLO;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.codec.TlsReader;
import java.util.Map;

/**
 * Turns one extension's type and data into its typed form for a given message.
 *
 * <p>The table below says which form an extension takes in which message. It follows the
 * table of RFC 8446 §4.2 for TLS 1.3 and adds the TLS 1.2 ServerHello uses of RFC 5246's
 * extensions ({@link ExtensionContext#SERVER_HELLO} stands for both versions' ServerHello).
 * Where an extension has several forms (key_share, supported_versions, pre_shared_key,
 * early_data, server_name, status_request, session_ticket), the context picks one.
 *
 * <p>An extension that tlsref does not know, or knows only in other messages (e.g.
 * key_share in a CertificateRequest), is kept as an {@link UnknownExtension}, byte for byte.
 * Rejecting a misplaced extension ({@code illegal_parameter} or {@code unsupported_extension},
 * RFC 8446 §4.2) is the handshake layer's job: only it knows which extensions were offered.
 *
 * <p>The codec checks the grammar: the vector floors and ceilings of the RFCs, and that every
 * byte of {@code extension_data} is consumed. Any violation is a {@code decode_error}. It checks
 * meaning only where an RFC ties an alert to the extension itself: a record_size_limit below
 * 64 ({@code illegal_parameter}, RFC 8449 §4) and two server names of one type
 * ({@code illegal_parameter}, RFC 6066 §3). Everything else (a key share of the wrong size for
 * its group, binders that do not match the identities, a selected version never offered) is
 * for the handshake layer.
 */
final class ExtensionCodec {
    private ExtensionCodec() {}

    /** Reads one form of an extension's data; the caller checks that all of it was read. */
    @FunctionalInterface
    private interface Decoder {
        Extension decode(TlsReader data) throws TlsAlertException;
    }

    /** Extension type → message → form. */
    private static final Map<ExtensionType, Map<ExtensionContext, Decoder>> FORMS = Map.ofEntries(
            // RFC 6066 §3
            Map.entry(ExtensionType.SERVER_NAME, forms(
                    CLIENT_HELLO, ServerNameList::decode,
                    SERVER_HELLO, ServerNameAck::decode,
                    ENCRYPTED_EXTENSIONS, ServerNameAck::decode)),
            // RFC 6066 §8, RFC 8446 §4.4.2.1
            Map.entry(ExtensionType.STATUS_REQUEST, forms(
                    CLIENT_HELLO, StatusRequest::decode,
                    SERVER_HELLO, EmptyStatusRequest::decode,
                    CERTIFICATE_REQUEST, EmptyStatusRequest::decode,
                    CERTIFICATE_ENTRY, CertificateStatus::decode)),
            // RFC 8446 §4.2.7
            Map.entry(ExtensionType.SUPPORTED_GROUPS, forms(
                    CLIENT_HELLO, SupportedGroups::decode,
                    ENCRYPTED_EXTENSIONS, SupportedGroups::decode)),
            // RFC 8422 §5.1.2, §5.2
            Map.entry(ExtensionType.EC_POINT_FORMATS, forms(
                    CLIENT_HELLO, EcPointFormats::decode,
                    SERVER_HELLO, EcPointFormats::decode)),
            // RFC 8446 §4.2.3
            Map.entry(ExtensionType.SIGNATURE_ALGORITHMS, forms(
                    CLIENT_HELLO, SignatureAlgorithms::decode,
                    CERTIFICATE_REQUEST, SignatureAlgorithms::decode)),
            Map.entry(ExtensionType.SIGNATURE_ALGORITHMS_CERT, forms(
                    CLIENT_HELLO, SignatureAlgorithmsCert::decode,
                    CERTIFICATE_REQUEST, SignatureAlgorithmsCert::decode)),
            // RFC 7301 §3.1
            Map.entry(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, forms(
                    CLIENT_HELLO, Alpn::decode,
                    SERVER_HELLO, Alpn::decode,
                    ENCRYPTED_EXTENSIONS, Alpn::decode)),
            // RFC 7685 §3
            Map.entry(ExtensionType.PADDING, forms(
                    CLIENT_HELLO, Padding::decode)),
            // RFC 7627 §5.1
            Map.entry(ExtensionType.EXTENDED_MASTER_SECRET, forms(
                    CLIENT_HELLO, ExtendedMasterSecret::decode,
                    SERVER_HELLO, ExtendedMasterSecret::decode)),
            // RFC 8449 §4
            Map.entry(ExtensionType.RECORD_SIZE_LIMIT, forms(
                    CLIENT_HELLO, RecordSizeLimit::decode,
                    SERVER_HELLO, RecordSizeLimit::decode,
                    ENCRYPTED_EXTENSIONS, RecordSizeLimit::decode)),
            // RFC 5077 §3.2
            Map.entry(ExtensionType.SESSION_TICKET, forms(
                    CLIENT_HELLO, SessionTicket::decode,
                    SERVER_HELLO, SessionTicket::decodeServerHello)),
            // RFC 8446 §4.2.11
            Map.entry(ExtensionType.PRE_SHARED_KEY, forms(
                    CLIENT_HELLO, PreSharedKeyClientHello::decode,
                    SERVER_HELLO, PreSharedKeyServerHello::decode)),
            // RFC 8446 §4.2.10
            Map.entry(ExtensionType.EARLY_DATA, forms(
                    CLIENT_HELLO, EarlyData::decode,
                    ENCRYPTED_EXTENSIONS, EarlyData::decode,
                    NEW_SESSION_TICKET, MaxEarlyDataSize::decode)),
            // RFC 8446 §4.2.1
            Map.entry(ExtensionType.SUPPORTED_VERSIONS, forms(
                    CLIENT_HELLO, SupportedVersionsClientHello::decode,
                    SERVER_HELLO, SupportedVersionsServerHello::decode,
                    HELLO_RETRY_REQUEST, SupportedVersionsServerHello::decode)),
            // RFC 8446 §4.2.2
            Map.entry(ExtensionType.COOKIE, forms(
                    CLIENT_HELLO, Cookie::decode,
                    HELLO_RETRY_REQUEST, Cookie::decode)),
            // RFC 8446 §4.2.9
            Map.entry(ExtensionType.PSK_KEY_EXCHANGE_MODES, forms(
                    CLIENT_HELLO, PskKeyExchangeModes::decode)),
            // RFC 8446 §4.2.4
            Map.entry(ExtensionType.CERTIFICATE_AUTHORITIES, forms(
                    CLIENT_HELLO, CertificateAuthorities::decode,
                    CERTIFICATE_REQUEST, CertificateAuthorities::decode)),
            // RFC 8446 §4.2.6
            Map.entry(ExtensionType.POST_HANDSHAKE_AUTH, forms(
                    CLIENT_HELLO, PostHandshakeAuth::decode)),
            // RFC 8446 §4.2.8
            Map.entry(ExtensionType.KEY_SHARE, forms(
                    CLIENT_HELLO, KeyShareClientHello::decode,
                    SERVER_HELLO, KeyShareServerHello::decode,
                    HELLO_RETRY_REQUEST, KeyShareHelloRetryRequest::decode)),
            // RFC 5746 §3.2
            Map.entry(ExtensionType.RENEGOTIATION_INFO, forms(
                    CLIENT_HELLO, RenegotiationInfo::decode,
                    SERVER_HELLO, RenegotiationInfo::decode)));

    /**
     * Decodes {@code extension_data} into the form the extension takes in {@code context}, or
     * keeps it raw; every byte must be consumed.
     *
     * @throws TlsAlertException decode_error if the data is malformed; illegal_parameter for
     *     the few semantic checks listed in the class comment
     */
    static Extension decode(ExtensionType type, byte[] data, ExtensionContext context) throws TlsAlertException {
        Decoder decoder = FORMS.getOrDefault(type, Map.of()).get(context);
        if (decoder == null) {
            return new UnknownExtension(type, data);
        }
        String where = type.name() + " extension in " + context.name().toLowerCase();
        try {
            TlsReader in = TlsReader.of(data);
            Extension extension = decoder.decode(in);
            in.expectEnd(type.name());
            return extension;
        } catch (TlsAlertException e) {
            throw new TlsAlertException(e.alert(), where + ": " + e.getMessage(), e);
        }
    }

    private static Map<ExtensionContext, Decoder> forms(ExtensionContext c1, Decoder d1) {
        return Map.of(c1, d1);
    }

    private static Map<ExtensionContext, Decoder> forms(ExtensionContext c1, Decoder d1,
            ExtensionContext c2, Decoder d2) {
        return Map.of(c1, d1, c2, d2);
    }

    private static Map<ExtensionContext, Decoder> forms(ExtensionContext c1, Decoder d1,
            ExtensionContext c2, Decoder d2, ExtensionContext c3, Decoder d3) {
        return Map.of(c1, d1, c2, d2, c3, d3);
    }

    private static Map<ExtensionContext, Decoder> forms(ExtensionContext c1, Decoder d1,
            ExtensionContext c2, Decoder d2, ExtensionContext c3, Decoder d3, ExtensionContext c4, Decoder d4) {
        return Map.of(c1, d1, c2, d2, c3, d3, c4, d4);
    }
}
