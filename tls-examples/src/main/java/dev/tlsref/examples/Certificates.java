package dev.tlsref.examples;

import dev.tlsref.handshake.CertifiedKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes X.509 certificates for the command line and the examples: the fresh self-signed
 * certificate of {@code tlsref server} without {@code --cert}, and the small CA, server and
 * client certificates of {@code tlsref demo}. Keys come from the JDK's default providers.
 */
public final class Certificates {
    private Certificates() {}

    /** The key types the examples use. */
    public enum KeyType {
        /** ECDSA on P-256 (secp256r1), signed with SHA-256. */
        EC_P256,
        /** RSA 2048, signed with SHA-256 (needed for TLS 1.2 static RSA key exchange). */
        RSA_2048
    }

    /** What a certificate is for. */
    public enum Role {
        /** A certificate authority: may sign certificates. */
        CA,
        /** A TLS server (extended key usage serverAuth). */
        SERVER,
        /** A TLS client (extended key usage clientAuth). */
        CLIENT
    }

    /**
     * A certificate with its key pair and the chain above it (the issuing CA's certificates,
     * without the root when the root is a trust anchor).
     *
     * @param certificate the certificate
     * @param keyPair its key pair
     * @param issuers the chain above it, nearest first; empty for a self-signed certificate
     */
    public record Issued(X509Certificate certificate, KeyPair keyPair, List<X509Certificate> issuers) {
        /** Copies the list. */
        public Issued {
            issuers = List.copyOf(issuers);
        }

        /** The certificate (and intermediates) with the private key, for {@code TlsConfig}. */
        public CertifiedKey certifiedKey() {
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            for (X509Certificate c : issuers) {
                if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                    chain.add(c); // intermediates only: the root is the peer's trust anchor
                }
            }
            return new CertifiedKey(chain, keyPair.getPrivate());
        }
    }

    /**
     * The certificate {@code tlsref server} makes when it has none: self-signed, EC P-256,
     * for {@code localhost} and {@code 127.0.0.1}, valid for 30 days.
     */
    public static Issued selfSignedServer(Clock clock) {
        KeyPair keys = generate(KeyType.EC_P256);
        X509Certificate cert = build(new X500Name("CN=localhost,O=tlsref self-signed"), keys, null, keys,
                Role.SERVER, List.of("localhost"), List.of("127.0.0.1"), clock, Duration.ofDays(30));
        return new Issued(cert, keys, List.of());
    }

    /** A self-signed CA certificate, valid for a year. */
    public static Issued authority(String commonName, KeyType type, Clock clock) {
        KeyPair keys = generate(type);
        X509Certificate cert = build(new X500Name("CN=" + commonName + ",O=tlsref"), keys, null, keys,
                Role.CA, List.of(), List.of(), clock, Duration.ofDays(365));
        return new Issued(cert, keys, List.of());
    }

    /**
     * A certificate signed by {@code issuer}, valid for 30 days.
     *
     * @param dnsNames subjectAltName DNS names (servers)
     * @param ipAddresses subjectAltName IP addresses (servers)
     */
    public static Issued issue(Issued issuer, String commonName, KeyType type, Role role, List<String> dnsNames,
            List<String> ipAddresses, Clock clock) {
        KeyPair keys = generate(type);
        X509Certificate cert = build(new X500Name("CN=" + commonName + ",O=tlsref"), keys, issuer.certificate(),
                issuer.keyPair(), role, dnsNames, ipAddresses, clock, Duration.ofDays(30));
        List<X509Certificate> above = new ArrayList<>();
        above.add(issuer.certificate());
        above.addAll(issuer.issuers());
        return new Issued(cert, keys, above);
    }

    /** The SHA-256 fingerprint of the DER encoding, as OpenSSL prints it ({@code AB:CD:...}). */
    public static String sha256Fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }

    /** A fresh key pair. */
    public static KeyPair generate(KeyType type) {
        try {
            if (type == KeyType.EC_P256) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + type + " keys", e);
        }
    }

    private static X509Certificate build(X500Name subject, KeyPair subjectKeys, X509Certificate issuerCert,
            KeyPair issuerKeys, Role role, List<String> dnsNames, List<String> ipAddresses, Clock clock,
            Duration lifetime) {
        Instant now = clock.instant();
        X500Name issuer = issuerCert == null
                ? subject
                : X500Name.getInstance(issuerCert.getSubjectX500Principal().getEncoded());
        BigInteger serial = new BigInteger(64, new java.security.SecureRandom()).add(BigInteger.ONE);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial,
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(lifetime)), subject,
                    subjectKeys.getPublic());
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            if (role == Role.CA) {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                int usage = KeyUsage.digitalSignature;
                if (subjectKeys.getPublic().getAlgorithm().equals("RSA")) {
                    usage |= KeyUsage.keyEncipherment; // TLS 1.2 static RSA key exchange
                }
                b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        role == Role.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            }
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
            if (!names.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            String algorithm = issuerKeys.getPrivate().getAlgorithm().toUpperCase(Locale.ROOT).startsWith("EC")
                    ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate())));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the certificate for " + subject, e);
        }
    }
}
