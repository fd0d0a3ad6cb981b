package dev.tlsref.core.extension;

import static dev.tlsref.core.extension.ExtensionContext.CERTIFICATE_ENTRY;
import static dev.tlsref.core.extension.ExtensionContext.CERTIFICATE_REQUEST;
import static dev.tlsref.core.extension.ExtensionContext.CLIENT_HELLO;
import static dev.tlsref.core.extension.ExtensionContext.ENCRYPTED_EXTENSIONS;
import static dev.tlsref.core.extension.ExtensionContext.HELLO_RETRY_REQUEST;
import static dev.tlsref.core.extension.ExtensionContext.NEW_SESSION_TICKET;
import static dev.tlsref.core.extension.ExtensionContext.SERVER_HELLO;
import static dev.tlsref.core.extension.ExtensionVectors.BINDER_32;
import static dev.tlsref.core.extension.ExtensionVectors.hex;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.TlsAlertException;
import org.junit.jupiter.api.Test;

/** The vector floors and ceilings of each extension, and the few semantic checks the codec makes. */
class ExtensionBoundsTest {

    private static Extension decode(ExtensionContext context, ExtensionType type, String dataHex)
            throws TlsAlertException {
        return ExtensionCodec.decode(type, hex(dataHex), context);
    }

    private static TlsAlertException rejects(AlertDescription alert, ExtensionContext context, ExtensionType type,
            String dataHex) {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> decode(context, type, dataHex),
                () -> type.name() + " " + dataHex);
        assertThat(e.getMessage(), e.alert(), is(alert));
        return e;
    }

    private static void decodeError(ExtensionContext context, ExtensionType type, String dataHex) {
        rejects(AlertDescription.DECODE_ERROR, context, type, dataHex);
    }

    private static String zeros(int bytes) {
        return "00".repeat(bytes);
    }

    @Test
    void emptyDataExtensionsRejectAnyData() {
        decodeError(SERVER_HELLO, ExtensionType.SERVER_NAME, "00");
        decodeError(ENCRYPTED_EXTENSIONS, ExtensionType.SERVER_NAME, "0000");
        decodeError(CLIENT_HELLO, ExtensionType.EXTENDED_MASTER_SECRET, "00");
        decodeError(SERVER_HELLO, ExtensionType.EXTENDED_MASTER_SECRET, "01");
        decodeError(CLIENT_HELLO, ExtensionType.POST_HANDSHAKE_AUTH, "00");
        decodeError(CLIENT_HELLO, ExtensionType.EARLY_DATA, "00000000");
        decodeError(ENCRYPTED_EXTENSIONS, ExtensionType.EARLY_DATA, "00");
        decodeError(SERVER_HELLO, ExtensionType.STATUS_REQUEST, "01");
        decodeError(CERTIFICATE_REQUEST, ExtensionType.STATUS_REQUEST, "0100000000");
        decodeError(SERVER_HELLO, ExtensionType.SESSION_TICKET, "aa");
    }

    @Test
    void serverNameNeedsANonEmptyListAndNonEmptyHostNames() throws TlsAlertException {
        decodeError(CLIENT_HELLO, ExtensionType.SERVER_NAME, "");
        decodeError(CLIENT_HELLO, ExtensionType.SERVER_NAME, "0000");
        decodeError(CLIENT_HELLO, ExtensionType.SERVER_NAME, "0003000000");
        // an unknown name type may be empty (its own length, RFC 6066 §3)
        assertThat(decode(CLIENT_HELLO, ExtensionType.SERVER_NAME, "0003070000"), instanceOf(ServerNameList.class));
        // one-byte host name at the floor
        ServerNameList one = (ServerNameList) decode(CLIENT_HELLO, ExtensionType.SERVER_NAME, "000400000161");
        assertThat(one.hostName().orElseThrow(), is("a"));
    }

    @Test
    void serverNameRejectsTwoNamesOfOneType() {
        TlsAlertException e = rejects(AlertDescription.ILLEGAL_PARAMETER, CLIENT_HELLO, ExtensionType.SERVER_NAME,
                "0008" + "00000161" + "00000162");
        assertThat(e.getMessage(), containsString("two names of type 0"));
    }

    @Test
    void supportedGroupsNeedsAtLeastOneGroupAndAnEvenLength() throws TlsAlertException {
        decodeError(CLIENT_HELLO, ExtensionType.SUPPORTED_GROUPS, "0000");
        decodeError(CLIENT_HELLO, ExtensionType.SUPPORTED_GROUPS, "000100");
        TlsAlertException e = rejects(AlertDescription.DECODE_ERROR, CLIENT_HELLO, ExtensionType.SUPPORTED_GROUPS,
                "0003001d00");
        assertThat(e.getMessage(), containsString("odd length"));
        SupportedGroups most = (SupportedGroups) decode(CLIENT_HELLO, ExtensionType.SUPPORTED_GROUPS,
                "fffe" + zeros(0xfffe));
        assertThat(most.groups().size(), is(0x7fff));
    }

    @Test
    void signatureAlgorithmsHasFloorTwoAndCeilingTwoToTheSixteenMinusTwo() throws TlsAlertException {
        for (ExtensionType type : new ExtensionType[] {ExtensionType.SIGNATURE_ALGORITHMS,
                ExtensionType.SIGNATURE_ALGORITHMS_CERT}) {
            decodeError(CLIENT_HELLO, type, "0000");
            decodeError(CERTIFICATE_REQUEST, type, "000104");
            decodeError(CLIENT_HELLO, type, "00030403" + "08");
            decodeError(CLIENT_HELLO, type, "ffff" + zeros(0xffff));
            assertThat(decode(CLIENT_HELLO, type, "fffe" + zeros(0xfffe)).type(), is(type));
        }
    }

    @Test
    void ecPointFormatsNeedsOneFormat() throws TlsAlertException {
        decodeError(CLIENT_HELLO, ExtensionType.EC_POINT_FORMATS, "00");
        EcPointFormats most = (EcPointFormats) decode(CLIENT_HELLO, ExtensionType.EC_POINT_FORMATS,
                "ff" + zeros(0xff));
        assertThat(most.formats().size(), is(0xff));
    }

    @Test
    void alpnNeedsANonEmptyListOfNonEmptyNames() throws TlsAlertException {
        decodeError(CLIENT_HELLO, ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, "0000");
        decodeError(CLIENT_HELLO, ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, "000100");
        decodeError(ENCRYPTED_EXTENSIONS, ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, "0002" + "0000");
        decodeError(SERVER_HELLO, ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, "0003026832" + "00");
        Alpn longest = (Alpn) decode(CLIENT_HELLO, ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION,
                "0100ff" + "61".repeat(0xff));
        assertThat(longest.protocols().get(0).length(), is(0xff));
    }

    @Test
    void supportedVersionsClientFormHasFloorTwoAndCeiling254() throws TlsAlertException {
        decodeError(CLIENT_HELLO, ExtensionType.SUPPORTED_VERSIONS, "00");
        decodeError(CLIENT_HELLO, ExtensionType.SUPPORTED_VERSIONS, "0103");
        decodeError(CLIENT_HELLO, ExtensionType.SUPPORTED_VERSIONS, "03030403");
        decodeError(CLIENT_HELLO, ExtensionType.SUPPORTED_VERSIONS, "ff" + zeros(0xff));
        SupportedVersionsClientHello most = (SupportedVersionsClientHello) decode(CLIENT_HELLO,
                ExtensionType.SUPPORTED_VERSIONS, "fe" + zeros(0xfe));
        assertThat(most.versions().size(), is(127));
        // the server form is exactly two bytes
        decodeError(SERVER_HELLO, ExtensionType.SUPPORTED_VERSIONS, "03");
        decodeError(HELLO_RETRY_REQUEST, ExtensionType.SUPPORTED_VERSIONS, "0203040303");
    }

    @Test
    void keyShareEntriesNeedANonEmptyKeyExchange() {
        decodeError(CLIENT_HELLO, ExtensionType.KEY_SHARE, "0004001d0000");
        decodeError(SERVER_HELLO, ExtensionType.KEY_SHARE, "001d0000");
        decodeError(SERVER_HELLO, ExtensionType.KEY_SHARE, "");
        decodeError(HELLO_RETRY_REQUEST, ExtensionType.KEY_SHARE, "00");
        decodeError(HELLO_RETRY_REQUEST, ExtensionType.KEY_SHARE, "001d00");
    }

    @Test
    void keyShareLeavesSemanticChecksToTheHandshake() throws TlsAlertException {
        // A 1-byte x25519 share and two shares for one group are grammatical: not the codec's business.
        KeyShareClientHello odd = (KeyShareClientHello) decode(CLIENT_HELLO, ExtensionType.KEY_SHARE,
                "000a" + "001d000101" + "001d000102");
        assertThat(odd.shares().size(), is(2));
        assertThat(odd.toString(), is("key_share[x25519(1 bytes), x25519(1 bytes)]"));
    }

    @Test
    void pskKeyExchangeModesNeedsOneMode() {
        decodeError(CLIENT_HELLO, ExtensionType.PSK_KEY_EXCHANGE_MODES, "00");
        decodeError(CLIENT_HELLO, ExtensionType.PSK_KEY_EXCHANGE_MODES, "");
    }

    @Test
    void preSharedKeyEnforcesIdentityAndBinderBounds() throws TlsAlertException {
        String identities = "0007" + "000161" + "00000000";
        String binders = "0021" + "20" + BINDER_32;
        assertThat(decode(CLIENT_HELLO, ExtensionType.PRE_SHARED_KEY, identities + binders),
                instanceOf(PreSharedKeyClientHello.class));
        // identities<7..2^16-1>
        decodeError(CLIENT_HELLO, ExtensionType.PRE_SHARED_KEY, "0000" + binders);
        decodeError(CLIENT_HELLO, ExtensionType.PRE_SHARED_KEY, "0006" + "0000" + "00000000" + binders);
        // identity<1..2^16-1>
        decodeError(CLIENT_HELLO, ExtensionType.PRE_SHARED_KEY, "0007" + "0000" + "0000000000" + binders);
        // binders<33..2^16-1>
        decodeError(CLIENT_HELLO, ExtensionType.PRE_SHARED_KEY, identities + "0000");
        decodeError(CLIENT_HELLO, ExtensionType.PRE_SHARED_KEY, identities + "0020" + "1f" + zeros(31));
        // PskBinderEntry<32..255>
        decodeError(CLIENT_HELLO, ExtensionType.PRE_SHARED_KEY, identities + "0022" + "1f" + zeros(31) + "0000");
        PreSharedKeyClientHello longest = (PreSharedKeyClientHello) decode(CLIENT_HELLO,
                ExtensionType.PRE_SHARED_KEY, identities + "0100" + "ff" + zeros(0xff));
        assertThat(longest.binders().get(0).length, is(0xff));
        // the server form is a uint16
        decodeError(SERVER_HELLO, ExtensionType.PRE_SHARED_KEY, "00");
        decodeError(SERVER_HELLO, ExtensionType.PRE_SHARED_KEY, "000000");
    }

    @Test
    void preSharedKeyLeavesBinderCountToTheHandshake() throws TlsAlertException {
        String twoIdentities = "000e" + "000161" + "00000000" + "000162" + "00000000";
        PreSharedKeyClientHello psk = (PreSharedKeyClientHello) decode(CLIENT_HELLO, ExtensionType.PRE_SHARED_KEY,
                twoIdentities + "0021" + "20" + BINDER_32);
        assertThat(psk.identities().size(), is(2));
        assertThat(psk.binders().size(), is(1));
    }

    @Test
    void maxEarlyDataSizeIsExactlyAUint32() throws TlsAlertException {
        decodeError(NEW_SESSION_TICKET, ExtensionType.EARLY_DATA, "");
        decodeError(NEW_SESSION_TICKET, ExtensionType.EARLY_DATA, "000040");
        decodeError(NEW_SESSION_TICKET, ExtensionType.EARLY_DATA, "0000400000");
        MaxEarlyDataSize max = (MaxEarlyDataSize) decode(NEW_SESSION_TICKET, ExtensionType.EARLY_DATA, "ffffffff");
        assertThat(max.maxEarlyDataSize(), is(0xffffffffL));
    }

    @Test
    void cookieMustNotBeEmpty() throws TlsAlertException {
        decodeError(HELLO_RETRY_REQUEST, ExtensionType.COOKIE, "0000");
        decodeError(CLIENT_HELLO, ExtensionType.COOKIE, "");
        Cookie big = (Cookie) decode(CLIENT_HELLO, ExtensionType.COOKIE, "fffd" + zeros(0xfffd));
        assertThat(big.cookie().length, is(0xfffd));
    }

    @Test
    void renegotiationInfoHoldsUpTo255Bytes() throws TlsAlertException {
        decodeError(CLIENT_HELLO, ExtensionType.RENEGOTIATION_INFO, "");
        decodeError(CLIENT_HELLO, ExtensionType.RENEGOTIATION_INFO, "0200");
        decodeError(CLIENT_HELLO, ExtensionType.RENEGOTIATION_INFO, "010000");
        RenegotiationInfo most = (RenegotiationInfo) decode(SERVER_HELLO, ExtensionType.RENEGOTIATION_INFO,
                "ff" + zeros(0xff));
        assertThat(most.renegotiatedConnection().length, is(0xff));
    }

    @Test
    void recordSizeLimitBelow64IsAnIllegalParameter() throws TlsAlertException {
        TlsAlertException e = rejects(AlertDescription.ILLEGAL_PARAMETER, CLIENT_HELLO,
                ExtensionType.RECORD_SIZE_LIMIT, "003f");
        assertThat(e.getMessage(), containsString("below the minimum of 64"));
        rejects(AlertDescription.ILLEGAL_PARAMETER, ENCRYPTED_EXTENSIONS, ExtensionType.RECORD_SIZE_LIMIT, "0000");
        assertThat(((RecordSizeLimit) decode(CLIENT_HELLO, ExtensionType.RECORD_SIZE_LIMIT, "0040")).limit(), is(64));
        decodeError(CLIENT_HELLO, ExtensionType.RECORD_SIZE_LIMIT, "40");
        decodeError(CLIENT_HELLO, ExtensionType.RECORD_SIZE_LIMIT, "400100");
    }

    @Test
    void statusRequestEnforcesItsVectors() throws TlsAlertException {
        decodeError(CLIENT_HELLO, ExtensionType.STATUS_REQUEST, "");
        decodeError(CLIENT_HELLO, ExtensionType.STATUS_REQUEST, "01");
        decodeError(CLIENT_HELLO, ExtensionType.STATUS_REQUEST, "010000");
        // ResponderID<1..2^16-1>
        decodeError(CLIENT_HELLO, ExtensionType.STATUS_REQUEST, "01" + "00020000" + "0000");
        // OCSPResponse<1..2^24-1>
        decodeError(CERTIFICATE_ENTRY, ExtensionType.STATUS_REQUEST, "01000000");
        decodeError(CERTIFICATE_ENTRY, ExtensionType.STATUS_REQUEST, "");
        // other status types have no known layout and are kept raw
        assertThat(decode(CLIENT_HELLO, ExtensionType.STATUS_REQUEST, "05"),
                is(new UnknownExtension(ExtensionType.STATUS_REQUEST, hex("05"))));
    }

    @Test
    void certificateAuthoritiesHasFloorThreeAndNonEmptyNames() throws TlsAlertException {
        decodeError(CLIENT_HELLO, ExtensionType.CERTIFICATE_AUTHORITIES, "0000");
        decodeError(CERTIFICATE_REQUEST, ExtensionType.CERTIFICATE_AUTHORITIES, "00020000");
        decodeError(CERTIFICATE_REQUEST, ExtensionType.CERTIFICATE_AUTHORITIES, "0003000000");
        assertThat(decode(CLIENT_HELLO, ExtensionType.CERTIFICATE_AUTHORITIES, "0003000130"),
                instanceOf(CertificateAuthorities.class));
    }

    @Test
    void paddingAcceptsAnyContent() throws TlsAlertException {
        Padding nonZero = (Padding) decode(CLIENT_HELLO, ExtensionType.PADDING, "00ff00");
        assertThat(hex(nonZero.bytes()), is("00ff00"));
        assertThat(hex(ExtensionVectors.encodeData(nonZero)), is("00ff00"));
    }

    @Test
    void reasonsNameTheExtensionAndTheMessage() {
        TlsAlertException e = rejects(AlertDescription.DECODE_ERROR, CLIENT_HELLO, ExtensionType.KEY_SHARE, "0001");
        assertThat(e.getMessage(), containsString("key_share extension in client_hello: "));
    }
}
