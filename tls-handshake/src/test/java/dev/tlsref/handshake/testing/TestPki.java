package dev.tlsref.handshake.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for tests: a root CA, intermediates and leaves with the key types TLS uses,
 * subjectAltNames, validity windows, key usage and extended key usage.
 *
 * <p>One instance per test class is the intended use: it caches key pairs, so a class that
 * makes many certificates generates each key type only a few times (RSA generation is the slow
 * part). Certificates come back as the JDK's own {@link X509Certificate} objects, the same kind
 * the handshake decodes from the wire. BouncyCastle signs, through a provider instance that is
 * never registered globally.
 *
 * <pre>{@code
 * TestPki pki = new TestPki(Instant.parse("2026-01-01T00:00:00Z"));
 * TestPki.Issued root = pki.root("Test Root", TestPki.KeyType.EC_P256);
 * TestPki.Issued ca = pki.intermediate("Test Intermediate", TestPki.KeyType.EC_P256, root);
 * TestPki.Issued leaf = pki.leaf("server").dnsNames("example.com").issuedBy(ca).build();
 * List<X509Certificate> chain = TestPki.chain(leaf, ca);
 * }</pre>
 */
public final class TestPki {

    /** The key types TLS certificates carry. */
    public enum KeyType {
        EC_P256, EC_P384, EC_P521,
        /** RSA-2048 with an rsaEncryption public key. */
        RSA_2048,
        /** RSA-2048 with an id-RSASSA-PSS public key (no parameters). */
        RSA_PSS_2048,
        ED25519, ED448
    }

    /** A certificate with its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keyPair, KeyType keyType) {
        /** The private key, for signing as this certificate's subject. */
        public PrivateKey privateKey() {
            return keyPair.getPrivate();
        }
    }

    /** How many distinct keys of one type the cache hands out in turn. */
    private static final int KEYS_PER_TYPE = 4;

    private final Provider bc = new BouncyCastleProvider();
    private final Instant referenceTime;
    private final Map<KeyType, List<KeyPair>> keyCache = new EnumMap<>(KeyType.class);
    private final Map<KeyType, Integer> nextKey = new EnumMap<>(KeyType.class);
    private long serial = 1;

    /** A PKI whose default validity windows surround {@code referenceTime}. */
    public TestPki(Instant referenceTime) {
        this.referenceTime = Objects.requireNonNull(referenceTime).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A PKI whose default validity windows surround the present moment. */
    public TestPki() {
        this(Instant.now());
    }

    /** The time default validity windows are centred on. */
    public Instant referenceTime() {
        return referenceTime;
    }

    /**
     * A key pair of this type. Successive calls cycle through a few cached pairs, so that
     * certificates made one after the other have different keys, cheaply.
     */
    public synchronized KeyPair keyPair(KeyType type) {
        List<KeyPair> pool = keyCache.computeIfAbsent(type, t -> new ArrayList<>());
        int index = nextKey.getOrDefault(type, 0);
        nextKey.put(type, (index + 1) % KEYS_PER_TYPE);
        while (pool.size() <= index) {
            pool.add(generate(type));
        }
        return pool.get(index);
    }

    /** A freshly generated key pair, never handed out before. */
    public static KeyPair generate(KeyType type) {
        try {
            KeyPairGenerator generator;
            switch (type) {
                case EC_P256:
                case EC_P384:
                case EC_P521:
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec(curveName(type)));
                    break;
                case RSA_2048:
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
                    break;
                case RSA_PSS_2048:
                    generator = KeyPairGenerator.getInstance("RSASSA-PSS");
                    generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
                    break;
                case ED25519:
                    generator = KeyPairGenerator.getInstance("Ed25519");
                    break;
                case ED448:
                    generator = KeyPairGenerator.getInstance("Ed448");
                    break;
                default:
                    throw new IllegalArgumentException("unknown key type " + type);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + type + " key", e);
        }
    }

    private static String curveName(KeyType type) {
        switch (type) {
            case EC_P256: return "secp256r1";
            case EC_P384: return "secp384r1";
            case EC_P521: return "secp521r1";
            default: throw new IllegalArgumentException(type + " is not an EC key type");
        }
    }

    /** The JCA/BouncyCastle name of the signature an issuer with this key type makes. */
    public static String defaultSignatureAlgorithm(KeyType issuerKey) {
        switch (issuerKey) {
            case EC_P256: return "SHA256withECDSA";
            case EC_P384: return "SHA384withECDSA";
            case EC_P521: return "SHA512withECDSA";
            case RSA_2048: return "SHA256withRSA";
            case RSA_PSS_2048: return "SHA256withRSAandMGF1";
            case ED25519: return "Ed25519";
            case ED448: return "Ed448";
            default: throw new IllegalArgumentException("unknown key type " + issuerKey);
        }
    }

    /** A self-signed root CA valid around the reference time. */
    public Issued root(String commonName, KeyType keyType) {
        return certificate(commonName).keyType(keyType).ca(-1).build();
    }

    /** An intermediate CA issued by {@code issuer}. */
    public Issued intermediate(String commonName, KeyType keyType, Issued issuer) {
        return certificate(commonName).keyType(keyType).ca(-1).issuedBy(issuer).build();
    }

    /**
     * A leaf builder with TLS defaults: an EC P-256 key, keyUsage digitalSignature (plus
     * keyEncipherment for RSA keys), extendedKeyUsage serverAuth and clientAuth. Without
     * {@link Builder#issuedBy} the leaf is self-signed.
     */
    public Builder leaf(String commonName) {
        return certificate(commonName)
                .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth);
    }

    /** A builder with no extensions chosen yet; see {@link Builder}. */
    public Builder certificate(String commonName) {
        return new Builder(commonName);
    }

    /** The chain as a peer sends it, leaf first. */
    public static List<X509Certificate> chain(Issued... certificates) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Issued issued : certificates) {
            chain.add(issued.certificate());
        }
        return List.copyOf(chain);
    }

    /** PEM text for a certificate or a private key (PKCS#8), for peers that read files. */
    public static String pem(Object certificateOrKey) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificateOrKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private synchronized BigInteger nextSerial() {
        return BigInteger.valueOf(serial++);
    }

    /** Builds one certificate; every setter returns the builder. */
    public final class Builder {
        private final String commonName;
        private KeyType keyType = KeyType.EC_P256;
        private KeyPair keyPair;
        private Issued issuer;
        private String signatureAlgorithm;
        private Instant notBefore = referenceTime.minus(Duration.ofDays(1));
        private Instant notAfter = referenceTime.plus(Duration.ofDays(365));
        private final List<GeneralName> altNames = new ArrayList<>();
        private Integer keyUsage;
        private boolean keyUsageChosen;
        private KeyPurposeId[] extendedKeyUsage;
        private boolean ca;
        private int pathLength = -1;
        private boolean basicConstraints = true;
        private final List<Object[]> extraExtensions = new ArrayList<>();

        private Builder(String commonName) {
            this.commonName = commonName;
        }

        /** The subject's key type; a key is taken from the cache. */
        public Builder keyType(KeyType type) {
            this.keyType = type;
            return this;
        }

        /** A specific subject key pair (of any algorithm, e.g. DSA for negative tests). */
        public Builder subjectKeyPair(KeyPair pair, KeyType typeOrNull) {
            this.keyPair = pair;
            this.keyType = typeOrNull;
            return this;
        }

        /** The issuing CA; without it the certificate is self-signed. */
        public Builder issuedBy(Issued issuingCa) {
            this.issuer = issuingCa;
            return this;
        }

        /** Overrides the signature algorithm (JCA/BouncyCastle name). */
        public Builder signatureAlgorithm(String name) {
            this.signatureAlgorithm = name;
            return this;
        }

        /** The validity window, inclusive at both ends (RFC 5280 §4.1.2.5). */
        public Builder validity(Instant from, Instant until) {
            this.notBefore = from;
            this.notAfter = until;
            return this;
        }

        /** Adds dNSName subjectAltNames. */
        public Builder dnsNames(String... names) {
            for (String name : names) {
                altNames.add(new GeneralName(GeneralName.dNSName, name));
            }
            return this;
        }

        /** Adds iPAddress subjectAltNames, from IPv4 or IPv6 literals. */
        public Builder ipAddresses(String... literals) {
            for (String literal : literals) {
                altNames.add(new GeneralName(GeneralName.iPAddress, literal));
            }
            return this;
        }

        /** Adds an iPAddress subjectAltName with these exact bytes. */
        public Builder ipAddressBytes(byte[] address) {
            altNames.add(new GeneralName(GeneralName.iPAddress,
                    new org.bouncycastle.asn1.DEROctetString(address)));
            return this;
        }

        /** Adds an rfc822Name (email) subjectAltName. */
        public Builder emailAddresses(String... addresses) {
            for (String address : addresses) {
                altNames.add(new GeneralName(GeneralName.rfc822Name, address));
            }
            return this;
        }

        /** Sets keyUsage to these {@link KeyUsage} bits, e.g. {@code KeyUsage.digitalSignature}. */
        public Builder keyUsage(int bits) {
            this.keyUsage = bits;
            this.keyUsageChosen = true;
            return this;
        }

        /** Leaves out the keyUsage extension. */
        public Builder noKeyUsage() {
            this.keyUsage = null;
            this.keyUsageChosen = true;
            return this;
        }

        /** Sets extendedKeyUsage; no arguments leaves the extension out. */
        public Builder extendedKeyUsage(KeyPurposeId... purposes) {
            this.extendedKeyUsage = purposes.length == 0 ? null : purposes.clone();
            return this;
        }

        /** Makes this a CA (basicConstraints cA=TRUE, keyCertSign); {@code pathLen < 0}: none. */
        public Builder ca(int pathLen) {
            this.ca = true;
            this.pathLength = pathLen;
            return this;
        }

        /** Leaves out basicConstraints (a CA built so is rejected by RFC 5280 validation). */
        public Builder noBasicConstraints() {
            this.basicConstraints = false;
            return this;
        }

        /** Adds an arbitrary extension with a DER-encoded value. */
        public Builder extension(String oid, boolean critical, byte[] derValue) {
            extraExtensions.add(new Object[] {oid, critical, derValue.clone()});
            return this;
        }

        /** Signs and returns the certificate. */
        public Issued build() {
            KeyPair subjectKeys = keyPair != null ? keyPair : TestPki.this.keyPair(keyType);
            X500Principal subject = new X500Principal("CN=" + commonName);
            X500Principal issuerName = issuer != null ? issuer.certificate().getSubjectX500Principal() : subject;
            PrivateKey signingKey = issuer != null ? issuer.privateKey() : subjectKeys.getPrivate();
            KeyType signingType = issuer != null ? issuer.keyType() : keyType;
            String algorithm = signatureAlgorithm != null ? signatureAlgorithm
                    : defaultSignatureAlgorithm(Objects.requireNonNull(signingType,
                            "choose a signature algorithm for a key of unknown type"));
            try {
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        issuerName, nextSerial(), Date.from(notBefore), Date.from(notAfter),
                        subject, subjectKeys.getPublic());
                JcaX509ExtensionUtils extensionUtils = new JcaX509ExtensionUtils();
                builder.addExtension(Extension.subjectKeyIdentifier, false,
                        extensionUtils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
                if (issuer != null) {
                    builder.addExtension(Extension.authorityKeyIdentifier, false,
                            extensionUtils.createAuthorityKeyIdentifier(issuer.certificate().getPublicKey()));
                }
                if (basicConstraints && ca) {
                    builder.addExtension(Extension.basicConstraints, true,
                            pathLength >= 0 ? new BasicConstraints(pathLength) : new BasicConstraints(true));
                } else if (basicConstraints) {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                }
                Integer usage = keyUsageChosen ? keyUsage : defaultKeyUsage();
                if (usage != null) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
                }
                if (extendedKeyUsage != null) {
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extendedKeyUsage));
                }
                if (!altNames.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(altNames.toArray(new GeneralName[0])));
                }
                for (Object[] extra : extraExtensions) {
                    builder.addExtension(new ASN1ObjectIdentifier((String) extra[0]), (Boolean) extra[1], (byte[]) extra[2]);
                }
                ContentSigner signer = new JcaContentSignerBuilder(algorithm).setProvider(bc).build(signingKey);
                byte[] der = builder.build(signer).getEncoded();
                return new Issued(parse(der), subjectKeys, keyType);
            } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException("cannot build certificate for " + commonName, e);
            }
        }

        private Integer defaultKeyUsage() {
            if (ca) {
                return KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature;
            }
            return keyType == KeyType.RSA_2048
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                    : KeyUsage.digitalSignature;
        }
    }

    /** Parses DER with the JDK's certificate factory. */
    public static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a certificate", e);
        }
    }

    /** Bytes of an IP literal, via the JDK (literals only; never a DNS lookup). */
    public static byte[] ipBytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (IOException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** A copy of {@code der} with one byte XOR-ed with {@code mask}; negative index counts from the end. */
    public static byte[] flipByte(byte[] der, int index, int mask) {
        byte[] copy = Arrays.copyOf(der, der.length);
        int at = index < 0 ? der.length + index : index;
        copy[at] ^= (byte) mask;
        return copy;
    }
}
