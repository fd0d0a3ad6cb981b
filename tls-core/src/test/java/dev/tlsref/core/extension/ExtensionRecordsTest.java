package dev.tlsref.core.extension;

import static dev.tlsref.core.extension.ExtensionVectors.encodeData;
import static dev.tlsref.core.extension.ExtensionVectors.hex;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.ExtensionType;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.core.PskKeyExchangeMode;
import dev.tlsref.core.SignatureScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Building extensions in code: validation, immutability, and readable traces. */
class ExtensionRecordsTest {

    @Test
    void tracesReadWell() {
        KeyShareEntry x25519 = new KeyShareEntry(NamedGroup.X25519, new byte[32]);
        assertThat(KeyShareClientHello.of(x25519).toString(), is("key_share[x25519(32 bytes)]"));
        assertThat(new KeyShareServerHello(x25519).toString(), is("key_share[x25519(32 bytes)]"));
        assertThat(new KeyShareHelloRetryRequest(NamedGroup.SECP256R1).toString(),
                is("key_share[selected_group=secp256r1]"));
        assertThat(ServerNameList.ofHostName("example.com").toString(), is("server_name[example.com]"));
        assertThat(new ServerNameAck().toString(), is("server_name(ack)"));
        assertThat(SupportedGroups.of(NamedGroup.X25519, new NamedGroup(0x2a2a)).toString(),
                is("supported_groups[x25519, grease(0x2a2a)]"));
        assertThat(SignatureAlgorithms.of(SignatureScheme.ED25519, SignatureScheme.RSA_PSS_RSAE_SHA256).toString(),
                is("signature_algorithms[ed25519, rsa_pss_rsae_sha256]"));
        assertThat(SupportedVersionsClientHello.of(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_2).toString(),
                is("supported_versions[TLSv1.3, TLSv1.2]"));
        assertThat(new SupportedVersionsServerHello(ProtocolVersion.TLS1_3).toString(),
                is("supported_versions[TLSv1.3]"));
        assertThat(Alpn.of("h2", "http/1.1").toString(),
                is("application_layer_protocol_negotiation[h2, http/1.1]"));
        assertThat(PskKeyExchangeModes.of(PskKeyExchangeMode.PSK_DHE_KE).toString(),
                is("psk_key_exchange_modes[psk_dhe_ke]"));
        assertThat(new RecordSizeLimit(16385).toString(), is("record_size_limit[16385]"));
        assertThat(new MaxEarlyDataSize(1024).toString(), is("early_data[max_early_data_size=1024]"));
        assertThat(new EarlyData().toString(), is("early_data"));
        assertThat(new PreSharedKeyServerHello(0).toString(), is("pre_shared_key[selected_identity=0]"));
        assertThat(EcPointFormats.uncompressed().toString(), is("ec_point_formats[uncompressed]"));
        assertThat(Padding.zeros(5).toString(), is("padding(5 bytes)"));
        assertThat(StatusRequest.ocsp().toString(),
                is("status_request[ocsp, 0 responder ids, 0 bytes of extensions]"));
        PreSharedKeyClientHello psk = new PreSharedKeyClientHello(
                List.of(new PskIdentity(new byte[4], 7)), List.of(new byte[32]));
        assertThat(psk.toString(), is("pre_shared_key[identity(4 bytes, age=7)] binders[32 bytes]"));
    }

    @Test
    void builtExtensionsEncodeToTheWireForm() {
        assertThat(hex(encodeData(ServerNameList.ofHostName("example.com"))), is("000e00000b6578616d706c652e636f6d"));
        assertThat(hex(encodeData(SupportedVersionsClientHello.of(ProtocolVersion.TLS1_3))), is("020304"));
        assertThat(hex(encodeData(Alpn.of("h2"))), is("0003026832"));
        assertThat(hex(encodeData(EcPointFormats.uncompressed())), is("0100"));
        assertThat(hex(encodeData(StatusRequest.ocsp())), is("0100000000"));
        assertThat(hex(encodeData(new CertificateStatus(new byte[] {1}))), is("0100000101"));
        assertThat(hex(encodeData(Padding.zeros(3))), is("000000"));
        assertThat(hex(encodeData(new MaxEarlyDataSize(0xffffffffL))), is("ffffffff"));
    }

    @Test
    void constructorsRejectWhatCouldNotBeEncodedOrDecoded() {
        assertThrows(IllegalArgumentException.class, () -> new ServerNameList(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ServerNameList.ofHostName("bücher.example"));
        assertThrows(IllegalArgumentException.class, () -> ServerNameList.ofHostName(""));
        assertThrows(IllegalArgumentException.class, () -> new ServerNameList(List.of(
                new ServerNameList.Entry(0, new byte[] {1}), new ServerNameList.Entry(0, new byte[] {2}))));
        assertThrows(IllegalArgumentException.class, () -> new ServerNameList.Entry(256, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new SupportedGroups(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SignatureAlgorithms(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SupportedVersionsClientHello(List.of()));
        List<ProtocolVersion> tooMany = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            tooMany.add(ProtocolVersion.TLS1_3);
        }
        assertThrows(IllegalArgumentException.class, () -> new SupportedVersionsClientHello(tooMany));
        assertThrows(IllegalArgumentException.class, () -> new EcPointFormats(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new EcPointFormats(List.of(256)));
        assertThrows(IllegalArgumentException.class, () -> Alpn.of());
        assertThrows(IllegalArgumentException.class, () -> Alpn.of(""));
        assertThrows(IllegalArgumentException.class, () -> Alpn.of("a".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> Alpn.of("\u0100"));
        assertThrows(IllegalArgumentException.class, () -> new PskKeyExchangeModes(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new KeyShareEntry(NamedGroup.X25519, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new PskIdentity(new byte[0], 0));
        assertThrows(IllegalArgumentException.class, () -> new PskIdentity(new byte[1], -1));
        assertThrows(IllegalArgumentException.class, () -> new PskIdentity(new byte[1], 0x100000000L));
        assertThrows(IllegalArgumentException.class, () -> new PreSharedKeyClientHello(List.of(), List.of(new byte[32])));
        assertThrows(IllegalArgumentException.class,
                () -> new PreSharedKeyClientHello(List.of(new PskIdentity(new byte[1], 0)), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new PreSharedKeyClientHello(List.of(new PskIdentity(new byte[1], 0)), List.of(new byte[31])));
        assertThrows(IllegalArgumentException.class, () -> new PreSharedKeyServerHello(0x10000));
        assertThrows(IllegalArgumentException.class, () -> new MaxEarlyDataSize(-1));
        assertThrows(IllegalArgumentException.class, () -> new Cookie(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new RenegotiationInfo(new byte[256]));
        assertThrows(IllegalArgumentException.class, () -> new RecordSizeLimit(63));
        assertThrows(IllegalArgumentException.class, () -> new RecordSizeLimit(0x10000));
        assertThrows(IllegalArgumentException.class, () -> new CertificateAuthorities(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CertificateAuthorities(List.of(new byte[0])));
        assertThrows(IllegalArgumentException.class, () -> new StatusRequest(List.of(new byte[0]), new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new CertificateStatus(new byte[0]));
        assertThrows(NullPointerException.class, () -> new KeyShareServerHello(null));
        assertThrows(NullPointerException.class, () -> new SupportedVersionsServerHello(null));
    }

    @Test
    void byteArraysAreCopiedInAndOut() {
        byte[] key = {1, 2, 3};
        KeyShareEntry entry = new KeyShareEntry(NamedGroup.X25519, key);
        key[0] = 9;
        assertThat(entry.keyExchange()[0], is((byte) 1));
        entry.keyExchange()[1] = 9;
        assertThat(entry.keyExchange()[1], is((byte) 2));

        byte[] binder = new byte[32];
        List<byte[]> binders = new ArrayList<>(List.of(binder));
        PreSharedKeyClientHello psk = new PreSharedKeyClientHello(List.of(new PskIdentity(new byte[] {5}, 0)), binders);
        binder[0] = 1;
        binders.add(new byte[32]);
        assertThat(psk.binders().size(), is(1));
        assertThat(psk.binders().get(0)[0], is((byte) 0));
        psk.binders().get(0)[0] = 7;
        assertThat(psk.binders().get(0)[0], is((byte) 0));
        assertThrows(UnsupportedOperationException.class, () -> psk.binders().add(new byte[32]));

        byte[] cookie = {4};
        Cookie c = new Cookie(cookie);
        cookie[0] = 0;
        assertThat(c.cookie()[0], is((byte) 4));

        List<NamedGroup> groups = new ArrayList<>(List.of(NamedGroup.X25519));
        SupportedGroups sg = new SupportedGroups(groups);
        groups.add(NamedGroup.SECP256R1);
        assertThat(sg.groups().size(), is(1));
        assertThrows(UnsupportedOperationException.class, () -> sg.groups().add(NamedGroup.X448));

        byte[] dn = {0x30};
        CertificateAuthorities ca = new CertificateAuthorities(List.of(dn));
        dn[0] = 0;
        assertThat(ca.authorities().get(0)[0], is((byte) 0x30));
    }

    @Test
    void equalityIsByContent() {
        assertThat(new Cookie(new byte[] {1, 2}), is(new Cookie(new byte[] {1, 2})));
        assertThat(new Cookie(new byte[] {1, 2}), is(not(new Cookie(new byte[] {1, 3}))));
        assertThat(new Cookie(new byte[] {1, 2}).hashCode(), is(new Cookie(new byte[] {1, 2}).hashCode()));
        assertThat(new CertificateAuthorities(List.of(new byte[] {1})),
                is(new CertificateAuthorities(List.of(new byte[] {1}))));
        assertThat(StatusRequest.ocsp(), is(new StatusRequest(List.of(), new byte[0])));
        assertThat(new EarlyData(), is(new EarlyData()));
    }

    @Test
    void bindersLengthIsWhatTheTruncatedClientHelloLeavesOut() {
        PreSharedKeyClientHello psk = new PreSharedKeyClientHello(
                List.of(new PskIdentity(new byte[] {1}, 0), new PskIdentity(new byte[] {2}, 0)),
                List.of(new byte[32], new byte[48]));
        byte[] data = encodeData(psk);
        int identitiesPart = 2 + 2 * (2 + 1 + 4);
        assertThat(psk.bindersLength(), is(2 + 33 + 49));
        assertThat(data.length, is(identitiesPart + psk.bindersLength()));

        byte[] real = new byte[32];
        real[0] = 42;
        PreSharedKeyClientHello withReal = psk.withBinders(List.of(real, new byte[48]));
        assertThat(withReal.identities(), is(psk.identities()));
        assertThat(withReal.binders().get(0)[0], is((byte) 42));
        assertThat(withReal.bindersLength(), is(psk.bindersLength()));
    }

    @Test
    void lookupsFindWhatTheRecordsHold() {
        KeyShareEntry x25519 = new KeyShareEntry(NamedGroup.X25519, new byte[32]);
        KeyShareClientHello shares = KeyShareClientHello.of(x25519);
        assertThat(shares.find(NamedGroup.X25519), is(Optional.of(x25519)));
        assertThat(shares.find(NamedGroup.SECP256R1), is(Optional.empty()));
        assertThat(ServerNameList.ofHostName("a.example").hostName(), is(Optional.of("a.example")));
        ServerNameList unknownOnly = new ServerNameList(List.of(new ServerNameList.Entry(5, new byte[0])));
        assertThat(unknownOnly.hostName(), is(Optional.empty()));
        Extensions block = Extensions.of(shares, ServerNameList.ofHostName("a.example"));
        assertThat(block.find(KeyShareClientHello.class), is(Optional.of(shares)));
        assertThat(block.find(ExtensionType.KEY_SHARE), is(Optional.of(shares)));
    }
}
