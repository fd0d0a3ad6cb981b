package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem): ML-KEM part first in shares and secret. */
class HybridTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final CryptoProvider BC = CryptoProviders.bc();

    /* RFC 8448 §3 X25519 values, from /work/shared/testdata/rfc8448/simple-1rtt.json ("secrets"). */
    private static final byte[] CLIENT_X25519_PRIVATE =
            HEX.parseHex("49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005");
    private static final byte[] CLIENT_X25519_PUBLIC =
            HEX.parseHex("99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c");
    private static final byte[] SERVER_X25519_PUBLIC =
            HEX.parseHex("c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f");
    private static final byte[] X25519_SHARED =
            HEX.parseHex("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d");

    @Test
    void jcaRefusesTheHybridClearly() {
        assertThat(CryptoProviders.jca().supports(KeyExchangeAlgorithm.X25519MLKEM768), is(false));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> CryptoProviders.jca().keyExchange(KeyExchangeAlgorithm.X25519MLKEM768));
        assertThat(e.getMessage(), containsString("ML-KEM"));
    }

    /**
     * A known answer composed from two independently checked parts: the first ML-KEM-768 vector
     * of mlkem_768_test.json and the RFC 8448 X25519 exchange.
     */
    @Test
    void composesMlKemAndX25519InDraftOrder() throws Exception {
        Wycheproof.Case kemVector = Wycheproof.cases("mlkem_768_test.json").stream()
                .filter(c -> c.isValid() && c.test().has("ek"))
                .findFirst()
                .orElseThrow();
        KeyShare client = BC.keyExchange(KeyExchangeAlgorithm.X25519MLKEM768)
                .fromPrivateKey(concat(kemVector.bytes("seed"), CLIENT_X25519_PRIVATE));
        assertArrayEquals(concat(kemVector.bytes("ek"), CLIENT_X25519_PUBLIC), client.publicShare());
        byte[] secret = client.agree(concat(kemVector.bytes("c"), SERVER_X25519_PUBLIC));
        assertArrayEquals(concat(kemVector.bytes("K"), X25519_SHARED), secret);
    }

    @Test
    void respondAndAgreeGiveTheSameSecret() throws Exception {
        KeyExchange hybrid = BC.keyExchange(KeyExchangeAlgorithm.X25519MLKEM768);
        KeyShare client = hybrid.generate(new SecureRandom());
        assertThat(client.publicShare().length, is(1216));
        KeyExchange.Result server = hybrid.respond(client.publicShare(), new SecureRandom());
        assertThat(server.publicShare().length, is(1120));
        assertThat(server.sharedSecret().length, is(64));
        assertArrayEquals(server.sharedSecret(), client.agree(server.publicShare()));
    }

    @Test
    void rejectsSharesOfWrongLength() {
        KeyExchange hybrid = BC.keyExchange(KeyExchangeAlgorithm.X25519MLKEM768);
        KeyShare client = hybrid.generate(new SecureRandom());
        byte[] share = client.publicShare();
        assertThrows(InvalidKeyShareException.class,
                () -> hybrid.respond(Arrays.copyOf(share, 1215), new SecureRandom()));
        assertThrows(InvalidKeyShareException.class, () -> client.agree(new byte[1119]));
        assertThrows(InvalidKeyShareException.class, () -> client.agree(new byte[1121]));
        assertThrows(IllegalArgumentException.class, () -> hybrid.fromPrivateKey(new byte[64]));
    }

    @Test
    void rejectsLowOrderX25519Part() throws Exception {
        KeyExchange hybrid = BC.keyExchange(KeyExchangeAlgorithm.X25519MLKEM768);
        KeyShare client = hybrid.generate(new SecureRandom());
        byte[] serverShare = hybrid.respond(client.publicShare(), new SecureRandom()).publicShare();
        Arrays.fill(serverShare, 1088, 1120, (byte) 0); // X25519 u = 0
        assertThrows(InvalidKeyShareException.class, () -> client.agree(serverShare));
        byte[] clientShare = client.publicShare();
        Arrays.fill(clientShare, 1184, 1216, (byte) 0);
        assertThrows(InvalidKeyShareException.class, () -> hybrid.respond(clientShare, new SecureRandom()));
    }

    @Test
    void rejectsMalformedMlKemPart() {
        KeyExchange hybrid = BC.keyExchange(KeyExchangeAlgorithm.X25519MLKEM768);
        byte[] clientShare = hybrid.generate(new SecureRandom()).publicShare();
        clientShare[0] = (byte) 0xff;
        clientShare[1] = (byte) 0xff; // first coefficient 4095 >= q
        assertThrows(InvalidKeyShareException.class, () -> hybrid.respond(clientShare, new SecureRandom()));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
