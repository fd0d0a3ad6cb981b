package dev.tlsref.crypto.bc;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlsref.crypto.SignatureAlgorithm;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.DSAExt;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;

/**
 * {@link P256Ecdsa} signs byte for byte as RFC 6979 says, its signatures verify under the
 * JDK's SunEC and BouncyCastle's ECDSASigner, it verifies theirs, and it gives every
 * Wycheproof ECDSA P-256 vector its expected result.
 */
class P256EcdsaTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int ROUNDS = 40;

    private final SecureRandom random = new SecureRandom();
    private final Random messageSizes = new Random(6979);

    // RFC 6979 Appendix A.2.5 (ECDSA, 256 bits, prime field), private key x and the SHA-256
    // signatures of "sample" and "test" (k, r, s copied from the RFC's text).
    private static final BigInteger RFC6979_X =
            new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16);

    @Test
    void signsRfc6979SampleByteForByte() throws Exception {
        assertSignsRfc6979("sample", "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
                "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8");
    }

    @Test
    void signsRfc6979TestByteForByte() throws Exception {
        assertSignsRfc6979("test", "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367",
                "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083");
    }

    private void assertSignsRfc6979(String message, String r, String s) throws Exception {
        byte[] expected = StandardDSAEncoding.INSTANCE.encode(P256Curve.N, new BigInteger(r, 16),
                new BigInteger(s, 16));
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(RFC6979_X, P256Curve.DOMAIN);
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        assertThat(HEX.formatHex(sign(key, bytes, new SHA256Digest())), is(HEX.formatHex(expected)));
        // The same through the provider's routing, from a JDK key.
        byte[] routed = new BcSignatures().sign(SignatureAlgorithm.ECDSA_SECP256R1_SHA256, jdkPrivateKey(RFC6979_X),
                bytes, random);
        assertThat(HEX.formatHex(routed), is(HEX.formatHex(expected)));
    }

    @Test
    void sunEcAndBouncyCastleVerifyWhatItSigns() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            KeyPair keys = p256KeyPair();
            byte[] message = message();
            byte[] signature = new BcSignatures().sign(SignatureAlgorithm.ECDSA_SECP256R1_SHA256, keys.getPrivate(),
                    message, random);
            Signature sunEc = Signature.getInstance("SHA256withECDSA", "SunEC");
            sunEc.initVerify(keys.getPublic());
            sunEc.update(message);
            assertThat(sunEc.verify(signature), is(true));
            assertThat(verify(new ECDSASigner(), publicKey(keys.getPublic()), message, signature, new SHA256Digest()),
                    is(true));
        }
    }

    @Test
    void verifiesWhatSunEcAndBouncyCastleSign() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            KeyPair keys = p256KeyPair();
            byte[] message = message();
            Signature sunEc = Signature.getInstance("SHA256withECDSA", "SunEC");
            sunEc.initSign(keys.getPrivate());
            sunEc.update(message);
            byte[] bySunEc = sunEc.sign();
            ECPublicKeyParameters q = publicKey(keys.getPublic());
            assertThat(verify(p256(), q, message, bySunEc, new SHA256Digest()), is(true));
            byte[] byBc = sign(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                    privateKey(keys.getPrivate()), message, new SHA256Digest());
            assertThat(verify(p256(), q, message, byBc, new SHA256Digest()), is(true));
            message[0] ^= 1;
            assertThat(verify(p256(), q, message, bySunEc, new SHA256Digest()), is(false));
        }
    }

    @Test
    void signsTheSameAsBouncyCastleWithALongerHash() throws Exception {
        // SEC 1 §4.1.3 step 5: a SHA-384 hash is cut to its leftmost 256 bits.
        for (int i = 0; i < 10; i++) {
            KeyPair keys = p256KeyPair();
            byte[] message = message();
            ECPrivateKeyParameters d = privateKey(keys.getPrivate());
            byte[] ours = sign(d, message, new SHA384Digest());
            byte[] theirs = sign(new ECDSASigner(new HMacDSAKCalculator(new SHA384Digest())), d, message,
                    new SHA384Digest());
            assertThat(HEX.formatHex(ours), is(HEX.formatHex(theirs)));
            assertThat(verify(p256(), publicKey(keys.getPublic()), message, ours, new SHA384Digest()), is(true));
        }
    }

    @Test
    void givesEveryWycheproofVectorItsResult() throws Exception {
        JsonNode root;
        try (InputStream in = P256EcdsaTest.class.getResourceAsStream("/wycheproof/ecdsa_secp256r1_sha256_test.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int vectors = 0;
        int wrong = 0;
        StringBuilder failures = new StringBuilder();
        for (JsonNode group : root.get("testGroups")) {
            PublicKey jdkKey = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(HEX.parseHex(group.get("publicKeyDer").asText())));
            ECPublicKeyParameters q = publicKey(jdkKey);
            for (JsonNode test : group.get("tests")) {
                vectors++;
                boolean verified = verify(p256(), q, HEX.parseHex(test.get("msg").asText()),
                        HEX.parseHex(test.get("sig").asText()), new SHA256Digest());
                if (verified != test.get("result").asText().equals("valid")) {
                    wrong++;
                    failures.append(test.get("tcId").asInt()).append(' ');
                }
            }
        }
        assertThat("wrong tcIds: " + failures, wrong, is(0));
        assertThat(vectors, is(484));
    }

    @Test
    void refusesKeysOfOtherCurves() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = generator.generateKeyPair();
        assertThrows(IllegalArgumentException.class, () -> p256().init(true, privateKey(p384.getPrivate())));
        assertThrows(IllegalArgumentException.class, () -> p256().init(false, publicKey(p384.getPublic())));
        KeyPair p256 = p256KeyPair();
        assertThrows(IllegalArgumentException.class, () -> p256().init(true, publicKey(p256.getPublic())));
        assertThrows(IllegalArgumentException.class, () -> p256().init(false, privateKey(p256.getPrivate())));
    }

    @Test
    void refusesROrSOutsideOneToNMinusOne() throws Exception {
        KeyPair keys = p256KeyPair();
        byte[] hash = new byte[32];
        P256Ecdsa ecdsa = p256();
        ecdsa.init(false, publicKey(keys.getPublic()));
        BigInteger n = P256Curve.N;
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, n, n.add(BigInteger.ONE), BigInteger.ONE.negate()}) {
            assertThat(ecdsa.verifySignature(hash, bad, BigInteger.ONE), is(false));
            assertThat(ecdsa.verifySignature(hash, BigInteger.ONE, bad), is(false));
        }
    }

    private static P256Ecdsa p256() {
        return new P256Ecdsa(new HMacDSAKCalculator(new SHA256Digest()));
    }

    private static byte[] sign(ECPrivateKeyParameters key, byte[] message, Digest digest) throws Exception {
        Digest hmacDigest = digest instanceof SHA384Digest ? new SHA384Digest() : new SHA256Digest();
        return sign(new P256Ecdsa(new HMacDSAKCalculator(hmacDigest)), key, message, digest);
    }

    private static byte[] sign(DSAExt dsa, AsymmetricKeyParameter key, byte[] message, Digest digest)
            throws Exception {
        Signer signer = new DSADigestSigner(dsa, digest, StandardDSAEncoding.INSTANCE);
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private static boolean verify(DSAExt dsa, ECPublicKeyParameters key, byte[] message, byte[] signature,
            Digest digest) {
        Signer verifier = new DSADigestSigner(dsa, digest, StandardDSAEncoding.INSTANCE);
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private byte[] message() {
        byte[] message = new byte[messageSizes.nextInt(300)];
        random.nextBytes(message);
        return message;
    }

    private static KeyPair p256KeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static PrivateKey jdkPrivateKey(BigInteger s) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, spec));
    }

    private static ECPrivateKeyParameters privateKey(PrivateKey key) throws Exception {
        return (ECPrivateKeyParameters) BcKeyConverter.privateKey(key);
    }

    private static ECPublicKeyParameters publicKey(PublicKey key) throws Exception {
        return (ECPublicKeyParameters) BcKeyConverter.publicKey(key);
    }
}
