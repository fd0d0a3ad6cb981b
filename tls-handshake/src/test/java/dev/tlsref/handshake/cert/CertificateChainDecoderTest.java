package dev.tlsref.handshake.cert;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.Issued;
import dev.tlsref.handshake.testing.TestPki.KeyType;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateChainDecoderTest {
    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Decoder Root", KeyType.EC_P256);
    private final Issued leaf = pki.leaf("decoded").dnsNames("example.com").issuedBy(root).build();
    private final CertificateChainDecoder decoder = new CertificateChainDecoder(4);

    @Test
    void decodesDerCertificatesInTheOrderReceived() throws TlsAlertException {
        List<X509Certificate> chain = decoder.decode(List.of(der(leaf), der(root)));

        assertThat(chain, contains(leaf.certificate(), root.certificate()));
    }

    @Test
    void decodesAnEmptyListToAnEmptyChain() throws TlsAlertException {
        assertThat(decoder.decode(List.of()), is(empty()));
    }

    @Test
    void rejectsGarbageWithBadCertificate() {
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> decoder.decode(List.of("hello, world".getBytes(StandardCharsets.US_ASCII))));

        assertThat(e.alert(), is(AlertDescription.BAD_CERTIFICATE));
        assertThat(e.getMessage(), containsString("leaf certificate"));
    }

    @Test
    void rejectsAnEmptyEntryWithBadCertificate() {
        assertThat(alert(List.of(new byte[0])), is(AlertDescription.BAD_CERTIFICATE));
    }

    @Test
    void rejectsASequenceThatIsNotACertificateWithBadCertificate() {
        assertThat(alert(List.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05})), is(AlertDescription.BAD_CERTIFICATE));
    }

    @Test
    void rejectsTruncatedCertificateWithBadCertificate() {
        byte[] full = der(leaf);

        assertThat(alert(List.of(Arrays.copyOf(full, full.length - 1))), is(AlertDescription.BAD_CERTIFICATE));
    }

    @Test
    void rejectsPemEvenThoughTheJdkWouldAcceptItWithBadCertificate() {
        byte[] pem = TestPki.pem(leaf.certificate()).getBytes(StandardCharsets.US_ASCII);

        assertThat(alert(List.of(pem)), is(AlertDescription.BAD_CERTIFICATE));
    }

    @Test
    void rejectsIndefiniteLengthEncodingWithBadCertificate() {
        byte[] full = der(leaf);
        int headerLength = 2 + (full[1] & 0x7f); // 0x30 0x82 hi lo
        byte[] indefinite = new byte[full.length - headerLength + 4];
        indefinite[0] = 0x30;
        indefinite[1] = (byte) 0x80;
        System.arraycopy(full, headerLength, indefinite, 2, full.length - headerLength);

        assertThat(alert(List.of(indefinite)), is(AlertDescription.BAD_CERTIFICATE));
    }

    @Test
    void rejectsCertificateFollowedByExtraBytesWithDecodeError() {
        byte[] full = der(leaf);
        byte[] padded = Arrays.copyOf(full, full.length + 2);

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> decoder.decode(List.of(der(root), padded)));
        assertThat(e.alert(), is(AlertDescription.DECODE_ERROR));
        assertThat(e.getMessage(), containsString("certificate 1 is followed by 2 extra bytes"));
    }

    @Test
    void refusesMoreCertificatesThanTheMaximumBeforeParsingAny() {
        List<byte[]> garbage = Collections.nCopies(5, new byte[] {1, 2, 3});

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> decoder.decode(garbage));
        assertThat(e.alert(), is(AlertDescription.BAD_CERTIFICATE));
        assertThat(e.getMessage(), containsString("5 certificates, more than the configured maximum of 4"));
    }

    @Test
    void checksACountAloneAgainstTheMaximum() throws TlsAlertException {
        decoder.checkLength(4);

        assertThat(assertThrows(TlsAlertException.class, () -> decoder.checkLength(5)).alert(),
                is(AlertDescription.BAD_CERTIFICATE));
    }

    @Test
    void rejectsAMaximumBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new CertificateChainDecoder(0));
    }

    @Test
    void answersEveryCorruptionWithAnAlertAndNothingElse() {
        byte[] original = der(leaf);
        Random random = new Random(42);
        List<byte[]> corrupted = new ArrayList<>();
        for (int i = 0; i < original.length; i++) {
            corrupted.add(TestPki.flipByte(original, i, 1 << random.nextInt(8)));
            corrupted.add(TestPki.flipByte(original, i, 0xff));
        }
        for (int cut = 0; cut < original.length; cut += 7) {
            corrupted.add(Arrays.copyOf(original, cut));
        }
        for (byte[] input : corrupted) {
            try {
                decoder.decode(List.of(input));
            } catch (TlsAlertException e) {
                assertThat(e.alert(), anyOf(is(AlertDescription.BAD_CERTIFICATE), is(AlertDescription.DECODE_ERROR)));
            }
        }
    }

    private AlertDescription alert(List<byte[]> entries) {
        return assertThrows(TlsAlertException.class, () -> decoder.decode(entries)).alert();
    }

    private static byte[] der(Issued issued) {
        try {
            return issued.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new AssertionError(e);
        }
    }
}
