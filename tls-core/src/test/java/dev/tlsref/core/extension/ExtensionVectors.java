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
import dev.tlsref.core.codec.TlsWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Hand-built valid encodings of every extension form, shared by the codec and fuzz tests. */
final class ExtensionVectors {
    private ExtensionVectors() {}

    /** One valid {@code extension_data} and the form it must decode to. */
    record Vector(ExtensionContext context, ExtensionType type, String dataHex, Class<? extends Extension> form,
            boolean prefixesAreValid) {

        byte[] data() {
            return HexFormat.of().parseHex(dataHex);
        }

        @Override
        public String toString() {
            return type.name() + " in " + context + " (" + dataHex.length() / 2 + " bytes)";
        }
    }

    static final String X25519_SHARE = "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c";
    static final String BINDER_32 = "3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d";

    static final List<Vector> ALL = List.of(
            v(CLIENT_HELLO, ExtensionType.SERVER_NAME, "000e00000b6578616d706c652e636f6d", ServerNameList.class),
            v(CLIENT_HELLO, ExtensionType.SERVER_NAME, "001300000b6578616d706c652e636f6d050002abcd",
                    ServerNameList.class),
            v(SERVER_HELLO, ExtensionType.SERVER_NAME, "", ServerNameAck.class),
            v(ENCRYPTED_EXTENSIONS, ExtensionType.SERVER_NAME, "", ServerNameAck.class),
            v(CLIENT_HELLO, ExtensionType.STATUS_REQUEST, "0100000000", StatusRequest.class),
            v(CLIENT_HELLO, ExtensionType.STATUS_REQUEST, "01000500030102030002" + "3000", StatusRequest.class),
            v(SERVER_HELLO, ExtensionType.STATUS_REQUEST, "", EmptyStatusRequest.class),
            v(CERTIFICATE_REQUEST, ExtensionType.STATUS_REQUEST, "", EmptyStatusRequest.class),
            v(CERTIFICATE_ENTRY, ExtensionType.STATUS_REQUEST, "01000003aabbcc", CertificateStatus.class),
            v(CLIENT_HELLO, ExtensionType.SUPPORTED_GROUPS, "0004001d0017", SupportedGroups.class),
            v(CLIENT_HELLO, ExtensionType.SUPPORTED_GROUPS, "00060a0a001d11ec", SupportedGroups.class),
            v(ENCRYPTED_EXTENSIONS, ExtensionType.SUPPORTED_GROUPS, "0002001d", SupportedGroups.class),
            v(CLIENT_HELLO, ExtensionType.EC_POINT_FORMATS, "03000102", EcPointFormats.class),
            v(SERVER_HELLO, ExtensionType.EC_POINT_FORMATS, "0100", EcPointFormats.class),
            v(CLIENT_HELLO, ExtensionType.SIGNATURE_ALGORITHMS, "000404030804", SignatureAlgorithms.class),
            v(CERTIFICATE_REQUEST, ExtensionType.SIGNATURE_ALGORITHMS, "00020807", SignatureAlgorithms.class),
            v(CLIENT_HELLO, ExtensionType.SIGNATURE_ALGORITHMS_CERT, "000404030401", SignatureAlgorithmsCert.class),
            v(CERTIFICATE_REQUEST, ExtensionType.SIGNATURE_ALGORITHMS_CERT, "00020807",
                    SignatureAlgorithmsCert.class),
            v(CLIENT_HELLO, ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, "000c02683208687474702f312e31",
                    Alpn.class),
            v(SERVER_HELLO, ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, "0003026832", Alpn.class),
            v(ENCRYPTED_EXTENSIONS, ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, "000302ff00", Alpn.class),
            new Vector(CLIENT_HELLO, ExtensionType.PADDING, "000000", Padding.class, true),
            new Vector(CLIENT_HELLO, ExtensionType.PADDING, "", Padding.class, true),
            v(CLIENT_HELLO, ExtensionType.EXTENDED_MASTER_SECRET, "", ExtendedMasterSecret.class),
            v(SERVER_HELLO, ExtensionType.EXTENDED_MASTER_SECRET, "", ExtendedMasterSecret.class),
            v(CLIENT_HELLO, ExtensionType.RECORD_SIZE_LIMIT, "4001", RecordSizeLimit.class),
            v(SERVER_HELLO, ExtensionType.RECORD_SIZE_LIMIT, "0040", RecordSizeLimit.class),
            v(ENCRYPTED_EXTENSIONS, ExtensionType.RECORD_SIZE_LIMIT, "ffff", RecordSizeLimit.class),
            new Vector(CLIENT_HELLO, ExtensionType.SESSION_TICKET, "", SessionTicket.class, true),
            new Vector(CLIENT_HELLO, ExtensionType.SESSION_TICKET, "0102030405", SessionTicket.class, true),
            v(SERVER_HELLO, ExtensionType.SESSION_TICKET, "", SessionTicket.class),
            v(CLIENT_HELLO, ExtensionType.PRE_SHARED_KEY, "000a" + "000401020304" + "00000064" + "0021" + "20"
                    + BINDER_32, PreSharedKeyClientHello.class),
            v(CLIENT_HELLO, ExtensionType.PRE_SHARED_KEY, "0010" + "000101" + "00000000" + "0003aabbcc" + "ffffffff"
                    + "0052" + "20" + BINDER_32 + "30" + BINDER_32 + BINDER_32.substring(0, 32),
                    PreSharedKeyClientHello.class),
            v(SERVER_HELLO, ExtensionType.PRE_SHARED_KEY, "0000", PreSharedKeyServerHello.class),
            v(CLIENT_HELLO, ExtensionType.EARLY_DATA, "", EarlyData.class),
            v(ENCRYPTED_EXTENSIONS, ExtensionType.EARLY_DATA, "", EarlyData.class),
            v(NEW_SESSION_TICKET, ExtensionType.EARLY_DATA, "00004000", MaxEarlyDataSize.class),
            v(CLIENT_HELLO, ExtensionType.SUPPORTED_VERSIONS, "060a0a03040303", SupportedVersionsClientHello.class),
            v(SERVER_HELLO, ExtensionType.SUPPORTED_VERSIONS, "0304", SupportedVersionsServerHello.class),
            v(HELLO_RETRY_REQUEST, ExtensionType.SUPPORTED_VERSIONS, "0304", SupportedVersionsServerHello.class),
            v(CLIENT_HELLO, ExtensionType.COOKIE, "0003aabbcc", Cookie.class),
            v(HELLO_RETRY_REQUEST, ExtensionType.COOKIE, "0001ff", Cookie.class),
            v(CLIENT_HELLO, ExtensionType.PSK_KEY_EXCHANGE_MODES, "0101", PskKeyExchangeModes.class),
            v(CLIENT_HELLO, ExtensionType.PSK_KEY_EXCHANGE_MODES, "0301000b", PskKeyExchangeModes.class),
            v(CLIENT_HELLO, ExtensionType.CERTIFICATE_AUTHORITIES, "00050003300100", CertificateAuthorities.class),
            v(CERTIFICATE_REQUEST, ExtensionType.CERTIFICATE_AUTHORITIES, "000700013000023100",
                    CertificateAuthorities.class),
            v(CLIENT_HELLO, ExtensionType.POST_HANDSHAKE_AUTH, "", PostHandshakeAuth.class),
            v(CLIENT_HELLO, ExtensionType.KEY_SHARE, "0024001d0020" + X25519_SHARE, KeyShareClientHello.class),
            v(CLIENT_HELLO, ExtensionType.KEY_SHARE, "0000", KeyShareClientHello.class),
            v(CLIENT_HELLO, ExtensionType.KEY_SHARE, "002e0a0a000100" + "001d0020" + X25519_SHARE + "0017000104",
                    KeyShareClientHello.class),
            v(SERVER_HELLO, ExtensionType.KEY_SHARE, "001d0020" + X25519_SHARE, KeyShareServerHello.class),
            v(HELLO_RETRY_REQUEST, ExtensionType.KEY_SHARE, "0017", KeyShareHelloRetryRequest.class),
            v(CLIENT_HELLO, ExtensionType.RENEGOTIATION_INFO, "00", RenegotiationInfo.class),
            v(SERVER_HELLO, ExtensionType.RENEGOTIATION_INFO, "18" + "00".repeat(24), RenegotiationInfo.class),
            // Kept raw: unknown types, GREASE, known types in other messages, unknown status types.
            new Vector(CLIENT_HELLO, new ExtensionType(0x0a0a), "", UnknownExtension.class, true),
            new Vector(CLIENT_HELLO, new ExtensionType(0xfe0d), "0001020304", UnknownExtension.class, true),
            new Vector(CERTIFICATE_REQUEST, ExtensionType.KEY_SHARE, "0017", UnknownExtension.class, true),
            new Vector(HELLO_RETRY_REQUEST, ExtensionType.SERVER_NAME, "ffff", UnknownExtension.class, true),
            new Vector(CLIENT_HELLO, ExtensionType.STATUS_REQUEST, "02aabb", UnknownExtension.class, true),
            new Vector(CERTIFICATE_ENTRY, ExtensionType.STATUS_REQUEST, "07", UnknownExtension.class, true));

    private static Vector v(ExtensionContext context, ExtensionType type, String dataHex,
            Class<? extends Extension> form) {
        return new Vector(context, type, dataHex, form, false);
    }

    /** The vectors for one message. */
    static List<Vector> in(ExtensionContext context) {
        List<Vector> vectors = new ArrayList<>();
        for (Vector v : ALL) {
            if (v.context() == context) {
                vectors.add(v);
            }
        }
        return vectors;
    }

    /** An extension block with one extension of this type and data. */
    static byte[] block(ExtensionType type, byte[] data) {
        TlsWriter out = new TlsWriter();
        out.writeVector16(b -> {
            b.writeUint16(type.code());
            b.writeOpaque16(data);
        });
        return out.toByteArray();
    }

    /** Decodes one extension through a whole block. */
    static Extension decodeOne(ExtensionContext context, ExtensionType type, byte[] data) throws TlsAlertException {
        TlsReader in = TlsReader.of(block(type, data));
        Extensions extensions = Extensions.decode(in, context);
        in.expectEnd("test block");
        return extensions.asList().get(0);
    }

    /** The extension_data the extension encodes to. */
    static byte[] encodeData(Extension extension) {
        TlsWriter out = new TlsWriter();
        extension.encodeData(out);
        return out.toByteArray();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
