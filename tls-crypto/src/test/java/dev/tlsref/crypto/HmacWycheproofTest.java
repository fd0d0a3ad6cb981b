package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of the Wycheproof HMAC-SHA-256/384 files on both providers, one dynamic test each.
 * Groups with a truncated tag ({@code tagSize} below the hash length) are run by comparing the
 * tag with that prefix of the full MAC, so no vector is skipped.
 */
class HmacWycheproofTest {

    @TestFactory
    Stream<DynamicContainer> hmacSha256() {
        return file("hmac_sha256_test.json", HashAlgorithm.SHA256);
    }

    @TestFactory
    Stream<DynamicContainer> hmacSha384() {
        return file("hmac_sha384_test.json", HashAlgorithm.SHA384);
    }

    /** All 174 vectors of each file run (66 valid, 108 invalid), none skipped. */
    @Test
    void runsEveryVector() {
        for (String file : List.of("hmac_sha256_test.json", "hmac_sha384_test.json")) {
            List<Wycheproof.Case> cases = Wycheproof.cases(file);
            assertThat(file, cases.size(), is(174));
            assertThat(file, cases.stream().filter(Wycheproof.Case::isValid).count(), is(66L));
            assertThat(file, cases.stream().filter(Wycheproof.Case::isInvalid).count(), is(108L));
        }
    }

    private static Stream<DynamicContainer> file(String file, HashAlgorithm algorithm) {
        List<Wycheproof.Case> cases = Wycheproof.cases(file);
        return Providers.both().map(provider -> DynamicContainer.dynamicContainer(provider.name() + " " + file,
                cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(provider, algorithm, c)))));
    }

    private static void check(CryptoProvider provider, HashAlgorithm algorithm, Wycheproof.Case c) {
        Hmac hmac = provider.newHmac(algorithm, c.bytes("key"));
        hmac.update(c.bytes("msg"));
        byte[] mac = hmac.doFinal();
        int tagLength = c.group().get("tagSize").asInt() / 8;
        byte[] prefix = Arrays.copyOf(mac, tagLength);
        boolean matches = MessageDigest.isEqual(prefix, c.bytes("tag"));
        if (c.isValid()) {
            assertThat("tag", matches, is(true));
        } else if (c.isInvalid()) {
            assertThat("a wrong tag must not match", matches, is(false));
        } else {
            throw new AssertionError("HMAC vectors are valid or invalid, got " + c.result());
        }
    }
}
