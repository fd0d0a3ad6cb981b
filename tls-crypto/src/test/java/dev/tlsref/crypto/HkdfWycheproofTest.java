package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of the Wycheproof HKDF-SHA-256/384 files on both providers, one dynamic test
 * each: valid ones must give {@code okm}, the invalid ones (an output size above 255 * HashLen)
 * must be refused with {@link IllegalArgumentException}. None is skipped.
 */
class HkdfWycheproofTest {

    @TestFactory
    Stream<DynamicContainer> hkdfSha256() {
        return file("hkdf_sha256_test.json", HashAlgorithm.SHA256);
    }

    @TestFactory
    Stream<DynamicContainer> hkdfSha384() {
        return file("hkdf_sha384_test.json", HashAlgorithm.SHA384);
    }

    /** SHA-256: 86 vectors (83 valid, 3 too long); SHA-384: 83 (80 valid, 3 too long). */
    @Test
    void runsEveryVector() {
        assertCounts("hkdf_sha256_test.json", 86, 83, 3);
        assertCounts("hkdf_sha384_test.json", 83, 80, 3);
    }

    private static void assertCounts(String file, int total, long valid, long invalid) {
        List<Wycheproof.Case> cases = Wycheproof.cases(file);
        assertThat(file, cases.size(), is(total));
        assertThat(file, cases.stream().filter(Wycheproof.Case::isValid).count(), is(valid));
        assertThat(file, cases.stream().filter(c -> c.isInvalid() && c.hasFlag("SizeTooLarge")).count(), is(invalid));
    }

    private static Stream<DynamicContainer> file(String file, HashAlgorithm algorithm) {
        List<Wycheproof.Case> cases = Wycheproof.cases(file);
        return Providers.both().map(provider -> DynamicContainer.dynamicContainer(provider.name() + " " + file,
                cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(provider, algorithm, c)))));
    }

    private static void check(CryptoProvider provider, HashAlgorithm algorithm, Wycheproof.Case c) {
        Hkdf hkdf = new Hkdf(provider, algorithm);
        byte[] prk = hkdf.extract(c.bytes("salt"), c.bytes("ikm"));
        int size = c.test().get("size").asInt();
        if (c.isValid()) {
            assertThat(hkdf.expand(prk, c.bytes("info"), size), is(c.bytes("okm")));
        } else if (c.isInvalid()) {
            assertThrows(IllegalArgumentException.class, () -> hkdf.expand(prk, c.bytes("info"), size));
        } else {
            throw new AssertionError("HKDF vectors are valid or invalid, got " + c.result());
        }
    }
}
