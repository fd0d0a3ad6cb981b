package dev.tlsref.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificatesTest {
    private final Certificates.Issued self = Certificates.selfSignedServer(Clock.systemUTC());

    private static List<String> subjectAltNames(X509Certificate c) throws Exception {
        List<String> names = new ArrayList<>();
        for (List<?> entry : c.getSubjectAlternativeNames()) {
            names.add(entry.get(0) + ":" + entry.get(1));
        }
        return names;
    }

    @Test
    void selfSignedServerCertificateNamesLocalhostAndLoopback() throws Exception {
        // GeneralName tags: 2 = dNSName, 7 = iPAddress
        assertThat(subjectAltNames(self.certificate()), containsInAnyOrder("2:localhost", "7:127.0.0.1"));
    }

    @Test
    void selfSignedServerCertificateHasAnEcP256Key() {
        assertThat(self.certificate().getPublicKey().getAlgorithm(), is("EC"));
        ECPublicKey key = (ECPublicKey) self.certificate().getPublicKey();
        assertThat(key.getParams().getCurve().getField().getFieldSize(), is(256));
        assertThat(self.certificate().getSigAlgName(), is("SHA256withECDSA"));
    }

    @Test
    void selfSignedServerCertificateIsSelfSignedAndValidNow() throws Exception {
        X509Certificate c = self.certificate();
        c.verify(c.getPublicKey());
        c.checkValidity();
        assertThat(c.getSubjectX500Principal(), equalTo(c.getIssuerX500Principal()));
        assertThat(c.getExtendedKeyUsage(), hasItem("1.3.6.1.5.5.7.3.1")); // serverAuth
        assertThat(c.getBasicConstraints(), is(-1));                       // not a CA
        assertThat(self.issuers(), empty());
    }

    @Test
    void fingerprintIsSha256OfTheDerInOpenSslForm() throws Exception {
        String fingerprint = Certificates.sha256Fingerprint(self.certificate());
        assertThat(fingerprint, matchesPattern("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(self.certificate().getEncoded());
        assertThat(fingerprint.replace(":", ""), is(HexFormat.of().withUpperCase().formatHex(digest)));
    }

    @Test
    void issuedCertificateChainsToItsAuthority() throws Exception {
        Clock clock = Clock.systemUTC();
        Certificates.Issued ca = Certificates.authority("Test CA", Certificates.KeyType.RSA_2048, clock);
        Certificates.Issued client = Certificates.issue(ca, "client", Certificates.KeyType.EC_P256,
                Certificates.Role.CLIENT, List.of(), List.of(), clock);
        client.certificate().verify(ca.certificate().getPublicKey());
        assertThat(ca.certificate().getBasicConstraints(), is(Integer.MAX_VALUE));
        assertThat(client.certificate().getExtendedKeyUsage(), hasItem("1.3.6.1.5.5.7.3.2")); // clientAuth
        // The certified key sends the leaf only: the self-signed root is the peer's trust anchor.
        assertThat(client.certifiedKey().chain(), equalTo(List.of(client.certificate())));
        assertThat(client.certificate().getNotAfter().toInstant().isAfter(Instant.now()), is(true));
    }
}
