package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wycheproof {@code rsa_pkcs1_2048_sig_gen_test.json}: RSASSA-PKCS1-v1_5 is deterministic, so
 * each provider must produce the file's signature byte for byte.
 *
 * <p>Skipped, counted and asserted: the SHA-1 and SHA-224 groups (8 vectors each). No TLS 1.3
 * or TLS 1.2 rsa_pkcs1_* SignatureScheme this library offers uses those hashes (RFC 8446
 * §4.2.3 lists SHA-256, SHA-384, SHA-512; rsa_pkcs1_sha1 is legacy and not supported).
 *
 * <p>Policy for "acceptable" (flag SmallPublicKey, public exponent 3, 3 vectors): signed and
 * compared like the valid ones; the exponent is the key owner's choice and signing with it is
 * still exactly defined.
 */
class RsaPkcs1SignatureGenerationTest {
    private static final String FILE = "rsa_pkcs1_2048_sig_gen_test.json";

    private static SignatureAlgorithm schemeFor(String hash) {
        return switch (hash) {
            case "SHA-256" -> SignatureAlgorithm.RSA_PKCS1_SHA256;
            case "SHA-384" -> SignatureAlgorithm.RSA_PKCS1_SHA384;
            case "SHA-512" -> SignatureAlgorithm.RSA_PKCS1_SHA512;
            default -> null;
        };
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void signsEveryTlsHashVectorToTheExactBytes(CryptoProvider provider) throws Exception {
        int signed = 0;
        int acceptable = 0;
        int skippedNoTlsScheme = 0;
        List<String> wrong = new ArrayList<>();
        for (Wycheproof.Case c : Wycheproof.cases(FILE)) {
            SignatureAlgorithm algorithm = schemeFor(c.group().get("sha").asText());
            if (algorithm == null) {
                skippedNoTlsScheme++;
                continue;
            }
            PrivateKey key = c.groupPrivateKey("privateKeyPkcs8", "RSA");
            PublicKey publicKey = c.groupPublicKey("keyDer", "RSA");
            byte[] signature = provider.sign(algorithm, key, c.bytes("msg"), new SecureRandom());
            if (!Arrays.equals(signature, c.bytes("sig"))) {
                wrong.add(c + ": different signature");
            }
            if (!provider.verify(algorithm, publicKey, c.bytes("msg"), c.bytes("sig"))) {
                wrong.add(c + ": own verify refused the file's signature");
            }
            signed++;
            if (c.result().equals("acceptable")) {
                acceptable++;
            }
        }
        System.out.println("Wycheproof " + provider.name() + " " + FILE + ": " + signed + " signed (" + acceptable
                + " acceptable/SmallPublicKey), " + skippedNoTlsScheme + " skipped (SHA-1/SHA-224: no TLS scheme), "
                + wrong.size() + " wrong");
        assertThat(wrong, empty());
        assertThat(signed, is(27));
        assertThat(acceptable, is(3));
        assertThat(skippedNoTlsScheme, is(16));
    }
}
