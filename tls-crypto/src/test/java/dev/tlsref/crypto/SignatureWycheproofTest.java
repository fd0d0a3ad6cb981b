package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Wycheproof signature-verification vector that a TLS signature scheme meets, on both
 * providers: a "valid" signature must verify, an "invalid" one must not, and each test states
 * its policy for "acceptable" ones. The counts are asserted, so a vector cannot go missing.
 *
 * <p>ECDSA uses the DER files only: TLS carries ECDSA signatures DER-encoded (RFC 8446 §4.2.3),
 * so the {@code *_p1363_*} files (raw r||s) test an encoding TLS never uses and are not copied.
 */
class SignatureWycheproofTest {

    /** What one run over a file found. */
    private record Tally(String provider, String file, int vectors, int valid, int invalid, int acceptable,
            List<String> wrong) {
        @Override
        public String toString() {
            return provider + " " + file + ": " + vectors + " vectors (valid " + valid + ", invalid " + invalid
                    + ", acceptable " + acceptable + "), " + wrong.size() + " wrong";
        }
    }

    /** Reads the public key of a test group. */
    @FunctionalInterface
    private interface KeyReader {
        PublicKey read(JsonNode group, Wycheproof.Case c) throws GeneralSecurityException;
    }

    /** The result each case must have: valid verifies, invalid does not, acceptable by policy. */
    private static Predicate<Wycheproof.Case> validOnly() {
        return Wycheproof.Case::isValid;
    }

    private static Tally run(CryptoProvider provider, String file, SignatureAlgorithm algorithm, KeyReader keys,
            Predicate<Wycheproof.Case> mustVerify) throws GeneralSecurityException {
        Map<JsonNode, PublicKey> keyOfGroup = new IdentityHashMap<>();
        int vectors = 0;
        int valid = 0;
        int invalid = 0;
        int acceptable = 0;
        List<String> wrong = new ArrayList<>();
        for (Wycheproof.Case c : Wycheproof.cases(file)) {
            JsonNode group = c.group();
            if (!keyOfGroup.containsKey(group)) {
                checkGroupHash(algorithm, group, file, wrong);
                keyOfGroup.put(group, keys.read(group, c));
            }
            vectors++;
            switch (c.result()) {
                case "valid" -> valid++;
                case "invalid" -> invalid++;
                default -> acceptable++;
            }
            boolean verified = provider.verify(algorithm, keyOfGroup.get(group), c.bytes("msg"), c.bytes("sig"));
            if (verified != mustVerify.test(c)) {
                wrong.add(c + " " + c.test().path("flags") + ": verify gave " + verified);
            }
        }
        Tally tally = new Tally(provider.name(), file, vectors, valid, invalid, acceptable, wrong);
        System.out.println("Wycheproof " + algorithm + " " + tally);
        return tally;
    }

    /** The file's hash (and MGF1 hash for PSS) must be the scheme's. */
    private static void checkGroupHash(SignatureAlgorithm algorithm, JsonNode group, String file, List<String> wrong) {
        for (String field : List.of("sha", "mgfSha")) {
            if (group.has(field) && !group.get(field).asText().equals(algorithm.hashName())) {
                wrong.add(file + ": group " + field + " " + group.get(field).asText() + " is not " + algorithm);
            }
        }
    }

    private static void assertCounts(Tally tally, int vectors, int valid, int invalid, int acceptable) {
        assertThat(tally.toString(), tally.wrong(), empty());
        assertThat(tally.toString(), tally.vectors(), is(vectors));
        assertThat(tally.toString(), tally.valid(), is(valid));
        assertThat(tally.toString(), tally.invalid(), is(invalid));
        assertThat(tally.toString(), tally.acceptable(), is(acceptable));
    }

    private static KeyReader derKey(String keyAlgorithm) {
        return (group, c) -> c.groupPublicKey("publicKeyDer", keyAlgorithm);
    }

    /** The same RSA public key, labelled id-RSASSA-PSS as rsa_pss_pss_* requires. */
    private static KeyReader pssKey() {
        return (group, c) -> {
            RSAPublicKey rsa = (RSAPublicKey) c.groupPublicKey("publicKeyDer", "RSA");
            return KeyFactory.getInstance("RSASSA-PSS")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        };
    }

    // ECDSA, DER signatures (RFC 8446 §4.2.3). No "acceptable" cases in these files.

    /**
     * A known JDK 17 defect, asserted rather than hidden: SunEC compares the x-coordinate of R
     * with r without first reducing it mod n (SEC 1 §4.1.4 step 7), so it refuses the valid
     * signatures whose R has n <= x < p. Wycheproof has two per curve ("k*G has a large
     * x-coordinate" and "x = n + r is the smallest possible x with a reduction"). An honest
     * signer produces one with probability below 2^-128; refusing it is an interoperability
     * fault, not a forgery. The test fails if the JDK's behaviour changes, so the list stays true.
     */
    private static Predicate<Wycheproof.Case> ecdsaPolicy(CryptoProvider provider, Set<Integer> jdkRejectsValid) {
        if (!provider.name().equals("jca")) {
            return validOnly();
        }
        return c -> c.isValid() && !jdkRejectsValid.contains(c.tcId());
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void ecdsaP256AcceptsValidAndRejectsInvalidDerSignatures(CryptoProvider provider) throws Exception {
        Tally tally = run(provider, "ecdsa_secp256r1_sha256_test.json", SignatureAlgorithm.ECDSA_SECP256R1_SHA256,
                derKey("EC"), ecdsaPolicy(provider, Set.of(350, 479)));
        assertCounts(tally, 484, 174, 310, 0);
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void ecdsaP384AcceptsValidAndRejectsInvalidDerSignatures(CryptoProvider provider) throws Exception {
        Tally tally = run(provider, "ecdsa_secp384r1_sha384_test.json", SignatureAlgorithm.ECDSA_SECP384R1_SHA384,
                derKey("EC"), ecdsaPolicy(provider, Set.of(382, 499)));
        assertCounts(tally, 504, 194, 310, 0);
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void ecdsaP521AcceptsValidAndRejectsInvalidDerSignatures(CryptoProvider provider) throws Exception {
        Tally tally = run(provider, "ecdsa_secp521r1_sha512_test.json", SignatureAlgorithm.ECDSA_SECP521R1_SHA512,
                derKey("EC"), ecdsaPolicy(provider, Set.of(419, 537)));
        assertCounts(tally, 542, 232, 310, 0);
    }

    // RSASSA-PSS, MGF1 with the same hash, salt = hash length (RFC 8446 §4.2.3).

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rsaPssRsaeSha256AcceptsValidAndRejectsInvalid(CryptoProvider provider) throws Exception {
        Tally tally = run(provider, "rsa_pss_2048_sha256_mgf1_32_test.json", SignatureAlgorithm.RSA_PSS_RSAE_SHA256,
                derKey("RSA"), validOnly());
        assertCounts(tally, 108, 63, 45, 0);
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rsaPssPssSha256AcceptsValidAndRejectsInvalidWithPssKey(CryptoProvider provider) throws Exception {
        Tally tally = run(provider, "rsa_pss_2048_sha256_mgf1_32_test.json", SignatureAlgorithm.RSA_PSS_PSS_SHA256,
                pssKey(), validOnly());
        assertCounts(tally, 108, 63, 45, 0);
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rsaPssRsaeSha384AcceptsValidAndRejectsInvalid(CryptoProvider provider) throws Exception {
        Tally tally = run(provider, "rsa_pss_2048_sha384_mgf1_48_test.json", SignatureAlgorithm.RSA_PSS_RSAE_SHA384,
                derKey("RSA"), validOnly());
        assertCounts(tally, 141, 95, 46, 0);
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rsaPssPssSha384AcceptsValidAndRejectsInvalidWithPssKey(CryptoProvider provider) throws Exception {
        Tally tally = run(provider, "rsa_pss_2048_sha384_mgf1_48_test.json", SignatureAlgorithm.RSA_PSS_PSS_SHA384,
                pssKey(), validOnly());
        assertCounts(tally, 141, 95, 46, 0);
    }

    /**
     * RFC 8446 §4.2.3: the salt must be as long as the hash. This file's signatures have an
     * empty salt, so every one, including the 61 that are valid RSASSA-PSS with sLen 0, must be
     * refused by rsa_pss_rsae_sha256. The one exception proves the point: tcId 69 ("s_len
     * changed to 32") is invalid for sLen 0 because it was made with a 32-byte salt, so it is a
     * correct TLS signature and must verify.
     */
    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rsaPssRsaeSha256RejectsEverySignatureWithEmptySalt(CryptoProvider provider) throws Exception {
        Predicate<Wycheproof.Case> saltOf32 = c -> c.test().path("comment").asText().equals("s_len changed to 32");
        assertThat(Wycheproof.cases("rsa_pss_2048_sha256_mgf1_0_test.json").stream().filter(saltOf32).count(),
                is(1L));
        Tally tally = run(provider, "rsa_pss_2048_sha256_mgf1_0_test.json", SignatureAlgorithm.RSA_PSS_RSAE_SHA256,
                derKey("RSA"), saltOf32);
        assertCounts(tally, 103, 61, 42, 0);
    }

    // RSASSA-PKCS1-v1_5 (RFC 8017 §8.2).

    /**
     * Policy for the one "acceptable" case of each file, a DigestInfo without the NULL
     * parameters (flag MissingNull): rejected. RFC 8017 §8.2.2 verifies by encoding the
     * expected DigestInfo and comparing, and RFC 8446 §4.2.3 names the exact encoding.
     */
    private static Predicate<Wycheproof.Case> pkcs1Policy() {
        return c -> c.isValid();
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rsaPkcs1Sha256AcceptsValidAndRejectsInvalidAndMissingNull(CryptoProvider provider) throws Exception {
        Tally tally = run(provider, "rsa_signature_2048_sha256_test.json", SignatureAlgorithm.RSA_PKCS1_SHA256,
                derKey("RSA"), pkcs1Policy());
        assertCounts(tally, 259, 9, 249, 1);
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void rsaPkcs1Sha384AcceptsValidAndRejectsInvalidAndMissingNull(CryptoProvider provider) throws Exception {
        Tally tally = run(provider, "rsa_signature_2048_sha384_test.json", SignatureAlgorithm.RSA_PKCS1_SHA384,
                derKey("RSA"), pkcs1Policy());
        assertCounts(tally, 258, 7, 250, 1);
    }

    // EdDSA, pure, empty context (RFC 8032 §5.1.7, §5.2.7). No "acceptable" cases.

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void ed25519AcceptsValidAndRejectsInvalid(CryptoProvider provider) throws Exception {
        Tally tally = run(provider, "ed25519_test.json", SignatureAlgorithm.ED25519, derKey("Ed25519"), validOnly());
        assertCounts(tally, 151, 88, 63, 0);
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void ed448AcceptsValidAndRejectsInvalid(CryptoProvider provider) throws Exception {
        Tally tally = run(provider, "ed448_test.json", SignatureAlgorithm.ED448, derKey("Ed448"), validOnly());
        assertCounts(tally, 87, 17, 70, 0);
    }
}
