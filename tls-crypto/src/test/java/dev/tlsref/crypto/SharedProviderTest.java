package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One provider serves every connection and thread (CryptoProvider's contract): hashes, HMACs,
 * HKDF and AEADs made from it concurrently compute what they compute alone.
 */
class SharedProviderTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 300;

    /** Everything one round derives, from inputs that depend on {@code round}. */
    private static byte[] work(CryptoProvider provider, int round) throws AeadTagException {
        byte[] input = new byte[round % 200 + 1];
        Arrays.fill(input, (byte) round);
        HashAlgorithm algorithm = HashAlgorithm.values()[round % HashAlgorithm.values().length];

        Hash hash = provider.newHash(algorithm);
        hash.update(input);
        byte[] digest = hash.copy().digest();

        Hmac hmac = provider.newHmac(algorithm, digest);
        hmac.update(input);
        byte[] mac = hmac.doFinal();

        Hkdf hkdf = new Hkdf(provider, algorithm);
        byte[] secret = hkdf.deriveSecret(hkdf.extract(mac, input), "c hs traffic", digest);
        byte[] key = hkdf.expandLabel(secret, "key", new byte[0], 16);

        Aead aead = provider.newAead(AeadAlgorithm.AES_128_GCM, key);
        byte[] nonce = Arrays.copyOf(secret, AeadAlgorithm.NONCE_LENGTH);
        byte[] sealed = new byte[input.length + 16];
        aead.seal(nonce, digest, input, 0, input.length, sealed, 0);
        byte[] opened = new byte[input.length];
        provider.newAead(AeadAlgorithm.AES_128_GCM, key).open(nonce, digest, sealed, 0, sealed.length, opened, 0);
        assertThat(opened, is(input));
        return sealed;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void computesTheSameFromManyThreadsAsFromOne(CryptoProvider provider) throws Exception {
        List<byte[]> alone = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            alone.add(work(provider, round));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<byte[]>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Callable<List<byte[]>> task = () -> {
                    List<byte[]> out = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        out.add(work(provider, round));
                    }
                    return out;
                };
                results.add(pool.submit(task));
            }
            for (Future<List<byte[]>> result : results) {
                List<byte[]> together = result.get();
                for (int round = 0; round < ROUNDS; round++) {
                    assertThat("round " + round, together.get(round), is(alone.get(round)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
