package dev.tlsref.handshake.cert;

import dev.tlsref.handshake.testing.TestPki;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void builds() {
        TestPki pki = new TestPki();
        for (TestPki.KeyType t : TestPki.KeyType.values()) {
            TestPki.Issued root = pki.root("root " + t, t);
            TestPki.Issued leaf = pki.leaf("leaf").keyType(t).dnsNames("a.example").ipAddresses("::1").issuedBy(root).build();
            System.out.println(t + " " + leaf.certificate().getPublicKey().getAlgorithm() + " " + leaf.certificate().getSigAlgName() + " " + leaf.certificate().getPublicKey().getClass());
        }
    }
}
