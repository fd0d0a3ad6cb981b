package dev.tlsref.examples;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes the PEM files the command line takes: certificate chains
 * ({@code CERTIFICATE} blocks, leaf first) and unencrypted private keys in any of the three
 * common forms — PKCS#8 {@code PRIVATE KEY}, and the traditional OpenSSL {@code RSA PRIVATE KEY}
 * and {@code EC PRIVATE KEY}. Keys are converted with the JDK's default providers, so the
 * result works with any {@code CryptoProvider}.
 */
public final class Pem {
    private Pem() {}

    /**
     * Every certificate in a PEM file, in file order.
     *
     * @throws IOException if the file cannot be read, holds no certificate or a malformed one
     */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": malformed certificate: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException(file + ": no CERTIFICATE block found");
        }
        return List.copyOf(chain);
    }

    /**
     * The first private key in a PEM file: PKCS#8 {@code PRIVATE KEY}, {@code RSA PRIVATE KEY}
     * or {@code EC PRIVATE KEY}.
     *
     * @throws IOException if the file cannot be read, holds no key, or only an encrypted one
     */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return readPrivateKey(reader, file.toString());
        }
    }

    /** As {@link #readPrivateKey(Path)}, from a reader; {@code name} appears in error messages. */
    public static PrivateKey readPrivateKey(Reader reader, String name) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        PEMParser parser = new PEMParser(reader);
        Object object;
        while ((object = parser.readObject()) != null) {
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);           // -----BEGIN PRIVATE KEY-----
            }
            if (object instanceof PEMKeyPair pair) {
                // RSA / EC PRIVATE KEY; an EC key may omit its public point
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new IOException(name + ": the private key is encrypted; decrypt it first "
                        + "(openssl pkey -in KEY -out PLAIN)");
            }
        }
        throw new IOException(name + ": no PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block found");
    }

    /** PEM text for certificates and keys ({@code CERTIFICATE}, PKCS#8 {@code PRIVATE KEY}). */
    public static String encode(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                if (o instanceof PrivateKey key) {
                    writer.writeObject(new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", key.getEncoded()));
                } else {
                    writer.writeObject(o);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory failed", e);
        }
        return text.toString();
    }

    /** Writes {@link #encode} of the objects to a file. */
    public static void write(Path file, Object... objects) throws IOException {
        Files.writeString(file, encode(objects), StandardCharsets.US_ASCII);
    }
}
