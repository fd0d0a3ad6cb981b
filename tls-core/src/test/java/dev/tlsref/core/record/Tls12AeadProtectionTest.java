package dev.tlsref.core.record;

import static dev.tlsref.core.record.TestRecords.HEX;
import static dev.tlsref.core.record.TestRecords.bytes;
import static dev.tlsref.core.record.TestRecords.concat;
import static dev.tlsref.core.record.TestRecords.readAll;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.ContentType;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.core.record.TestRecords.Delivered;
import dev.tlsref.crypto.AeadAlgorithm;
import dev.tlsref.crypto.CryptoProvider;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** TLS 1.2 AEAD records: RFC 5288 (AES-GCM) and RFC 7905 (ChaCha20-Poly1305). */
class Tls12AeadProtectionTest {
    private static final byte[] GCM_KEY = bytes(16, 0x40);
    private static final byte[] SALT = HEX.parseHex("a1b2c3d4");
    private static final byte[] CHACHA_KEY = bytes(32, 0x50);
    private static final byte[] CHACHA_IV = HEX.parseHex("0102030405060708090a0b0c");

    static Stream<CryptoProvider> providers() {
        return TestRecords.providers();
    }

    private static RecordProtection gcm(CryptoProvider provider) {
        return RecordProtection.tls12(provider, AeadAlgorithm.AES_128_GCM, GCM_KEY, SALT);
    }

    private static RecordProtection chacha(CryptoProvider provider) {
        return RecordProtection.tls12(provider, AeadAlgorithm.CHACHA20_POLY1305, CHACHA_KEY, CHACHA_IV);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void roundTripsBetweenTwoRecordLayersWithGcmAndChaCha(CryptoProvider provider) throws TlsAlertException {
        for (boolean useGcm : new boolean[] {true, false}) {
            RecordWriter writer = new RecordWriter();
            RecordReader reader = new RecordReader();
            writer.setProtection(useGcm ? gcm(provider) : chacha(provider));
            reader.setProtection(useGcm ? gcm(provider) : chacha(provider));
            byte[] wire = concat(writer.write(ContentType.HANDSHAKE, bytes(40, 1)),
                    writer.write(ContentType.APPLICATION_DATA, bytes(20_000, 2)),
                    writer.write(ContentType.ALERT, new byte[] {1, 0}));
            assertThat(readAll(reader, wire), contains(new Delivered(ContentType.HANDSHAKE, bytes(40, 1)),
                    new Delivered(ContentType.APPLICATION_DATA, java.util.Arrays.copyOf(bytes(20_000, 2), 16384)),
                    new Delivered(ContentType.APPLICATION_DATA, java.util.Arrays.copyOfRange(bytes(20_000, 2), 16384, 20_000)),
                    new Delivered(ContentType.ALERT, new byte[] {1, 0})));
            assertThat(reader.sequenceNumber(), is(4L));
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void gcmRecordMatchesAnIndependentJavaxCryptoComputation(CryptoProvider provider) throws Exception {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(gcm(provider));
        writer.write(ContentType.APPLICATION_DATA, bytes(5, 0)); // sequence number 0
        byte[] content = bytes(33, 7);
        byte[] record = writer.write(ContentType.HANDSHAKE, content); // sequence number 1

        byte[] explicit = HEX.parseHex("0000000000000001");
        byte[] aad = HEX.parseHex("0000000000000001" + "16" + "0303" + "0021");
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(GCM_KEY, "AES"), new GCMParameterSpec(128, concat(SALT, explicit)));
        gcm.updateAAD(aad);
        byte[] sealed = gcm.doFinal(content);
        byte[] expected = concat(HEX.parseHex("160303" + "0039"), explicit, sealed);
        assertThat(HEX.formatHex(record), is(HEX.formatHex(expected)));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void chachaRecordMatchesAnIndependentJavaxCryptoComputation(CryptoProvider provider) throws Exception {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(chacha(provider));
        writer.write(ContentType.APPLICATION_DATA, bytes(5, 0));
        writer.write(ContentType.APPLICATION_DATA, bytes(5, 0));
        byte[] content = bytes(21, 3);
        byte[] record = writer.write(ContentType.APPLICATION_DATA, content); // sequence number 2

        byte[] nonce = HEX.parseHex("01020304" + "05060708090a0b0e"); // iv XOR 2
        byte[] aad = HEX.parseHex("0000000000000002" + "17" + "0303" + "0015");
        Cipher chacha = Cipher.getInstance("ChaCha20-Poly1305");
        chacha.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(CHACHA_KEY, "ChaCha20"), new IvParameterSpec(nonce));
        chacha.updateAAD(aad);
        byte[] expected = concat(HEX.parseHex("170303" + "0025"), chacha.doFinal(content));
        assertThat(HEX.formatHex(record), is(HEX.formatHex(expected)));
    }

    @Test
    void opensGcmRecordsWithWhateverExplicitNonceThePeerChose() throws TlsAlertException, GeneralSecurityException {
        byte[] explicit = HEX.parseHex("5a5a5a5a00ff00ff");
        byte[] content = bytes(12, 1);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(GCM_KEY, "AES"), new GCMParameterSpec(128, concat(SALT, explicit)));
        gcm.updateAAD(HEX.parseHex("0000000000000000" + "17" + "0303" + "000c"));
        byte[] wire = concat(HEX.parseHex("170303" + "0024"), explicit, gcm.doFinal(content));
        RecordReader reader = new RecordReader();
        reader.setProtection(gcm(dev.tlsref.crypto.CryptoProviders.jca()));
        assertThat(readAll(reader, wire), contains(new Delivered(ContentType.APPLICATION_DATA, content)));
    }

    @Test
    void authenticatesTheTypeAndSequenceNumber() throws TlsAlertException {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(gcm(dev.tlsref.crypto.CryptoProviders.jca()));
        byte[] wire = writer.write(ContentType.APPLICATION_DATA, bytes(10, 0));
        wire[0] = 22; // claim handshake
        RecordReader reader = new RecordReader();
        reader.setProtection(gcm(dev.tlsref.crypto.CryptoProviders.jca()));
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> readAll(reader, wire));
        assertThat(e.alert(), is(AlertDescription.BAD_RECORD_MAC));

        RecordWriter second = new RecordWriter();
        second.setProtection(chacha(dev.tlsref.crypto.CryptoProviders.jca()));
        second.write(ContentType.APPLICATION_DATA, bytes(10, 0));
        byte[] replayedOutOfOrder = second.write(ContentType.APPLICATION_DATA, bytes(10, 0));
        RecordReader chachaReader = new RecordReader();
        chachaReader.setProtection(chacha(dev.tlsref.crypto.CryptoProviders.jca()));
        e = assertThrows(TlsAlertException.class, () -> readAll(chachaReader, replayedOutOfOrder));
        assertThat(e.alert(), is(AlertDescription.BAD_RECORD_MAC));
    }

    @Test
    void rejectsARecordShorterThanTheExplicitNonceAndTag() {
        RecordReader reader = new RecordReader();
        reader.setProtection(gcm(dev.tlsref.crypto.CryptoProviders.jca()));
        byte[] wire = concat(HEX.parseHex("1703030017"), new byte[23]);
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> readAll(reader, ByteBuffer.wrap(wire)));
        assertThat(e.alert(), is(AlertDescription.BAD_RECORD_MAC));
        assertThat(e.getMessage(), is("protected record of 23 bytes is shorter than its 24-byte nonce and tag"));
    }

    @Test
    void rejectsAFixedIvOfTheWrongLength() {
        CryptoProvider jca = dev.tlsref.crypto.CryptoProviders.jca();
        assertThrows(IllegalArgumentException.class,
                () -> RecordProtection.tls12(jca, AeadAlgorithm.AES_128_GCM, GCM_KEY, new byte[12]));
        assertThrows(IllegalArgumentException.class,
                () -> RecordProtection.tls12(jca, AeadAlgorithm.CHACHA20_POLY1305, CHACHA_KEY, new byte[4]));
        assertThrows(IllegalArgumentException.class,
                () -> RecordProtection.tls13(jca, AeadAlgorithm.AES_128_GCM, GCM_KEY, new byte[8]));
    }
}
