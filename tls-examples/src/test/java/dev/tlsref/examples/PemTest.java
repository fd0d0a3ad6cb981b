package dev.tlsref.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {
    @TempDir
    Path dir;

    /** Writes a key the way `openssl genrsa` / `openssl ecparam -genkey` did: the traditional form. */
    private Path traditional(KeyPair keys, String name) throws IOException {
        Path file = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(keys.getPrivate());
        }
        return file;
    }

    @Test
    void readsPkcs8EcKey() throws IOException {
        KeyPair keys = Certificates.generate(Certificates.KeyType.EC_P256);
        Path file = dir.resolve("ec-pkcs8.pem");
        Pem.write(file, keys.getPrivate());
        assertThat(Files.readString(file), startsWith("-----BEGIN PRIVATE KEY-----"));
        PrivateKey read = Pem.readPrivateKey(file);
        assertThat(read.getEncoded(), equalTo(keys.getPrivate().getEncoded()));
    }

    @Test
    void readsTraditionalRsaPrivateKey() throws IOException {
        KeyPair keys = Certificates.generate(Certificates.KeyType.RSA_2048);
        Path file = traditional(keys, "rsa.pem");
        assertThat(Files.readString(file), startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        PrivateKey read = Pem.readPrivateKey(file);
        assertThat(read.getAlgorithm(), is("RSA"));
        assertThat(read.getEncoded(), equalTo(keys.getPrivate().getEncoded()));
    }

    @Test
    void readsTraditionalEcPrivateKey() throws IOException {
        KeyPair keys = Certificates.generate(Certificates.KeyType.EC_P256);
        // As `openssl ecparam -genkey` writes it: RFC 5915 ECPrivateKey with curve and public key.
        java.security.interfaces.ECPrivateKey jdk = (java.security.interfaces.ECPrivateKey) keys.getPrivate();
        org.bouncycastle.asn1.sec.ECPrivateKey der = new org.bouncycastle.asn1.sec.ECPrivateKey(256, jdk.getS(),
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded())
                        .getPublicKeyData(),
                org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(jdk.getEncoded())
                        .getPrivateKeyAlgorithm().getParameters());
        Path file = dir.resolve("ec.pem");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", der.getEncoded()));
        }
        assertThat(Files.readString(file), startsWith("-----BEGIN EC PRIVATE KEY-----"));
        PrivateKey read = Pem.readPrivateKey(file);
        assertThat(read.getAlgorithm(), is("EC"));
        assertThat(((java.security.interfaces.ECPrivateKey) read).getS(),
                equalTo(((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS()));
    }

    @Test
    void readsAChainInFileOrder() throws IOException {
        Clock clock = Clock.systemUTC();
        Certificates.Issued ca = Certificates.authority("Test CA", Certificates.KeyType.EC_P256, clock);
        Certificates.Issued leaf = Certificates.issue(ca, "leaf", Certificates.KeyType.EC_P256,
                Certificates.Role.SERVER, List.of("localhost"), List.of(), clock);
        Path file = dir.resolve("chain.pem");
        Pem.write(file, leaf.certificate(), ca.certificate());
        List<X509Certificate> chain = Pem.readCertificates(file);
        assertThat(chain, contains(leaf.certificate(), ca.certificate()));
    }

    @Test
    void keyAndCertificateInOneFileAreBothFound() throws IOException {
        Certificates.Issued self = Certificates.selfSignedServer(Clock.systemUTC());
        Path file = dir.resolve("both.pem");
        Pem.write(file, self.certificate(), self.keyPair().getPrivate());
        assertThat(Pem.readCertificates(file), contains(self.certificate()));
        assertThat(Pem.readPrivateKey(file).getEncoded(), equalTo(self.keyPair().getPrivate().getEncoded()));
    }

    @Test
    void fileWithoutCertificateIsAnIoErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("empty.pem");
        Files.writeString(file, "nothing here\n");
        IOException e = assertThrows(IOException.class, () -> Pem.readCertificates(file));
        assertThat(e.getMessage(), containsString("empty.pem: no CERTIFICATE block found"));
        IOException k = assertThrows(IOException.class, () -> Pem.readPrivateKey(file));
        assertThat(k.getMessage(), containsString("no PRIVATE KEY"));
    }
}
