package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Runs a Wycheproof {@code XdhComp} file (x25519_test.json, x448_test.json) against one provider
 * with the TLS policy: a vector whose listed shared secret is all zeros must be refused (RFC 8446
 * §7.4.2), invalid ones must be refused, every other one must give exactly the listed secret.
 */
final class XdhWycheproof {
    private XdhWycheproof() {}

    /** How many vectors ran, how many agreed on the listed secret, how many were refused. */
    record Counts(int total, int agreed, int refusedAllZero, int refusedInvalid) {}

    static Counts run(CryptoProvider provider, KeyExchangeAlgorithm algorithm, String file) {
        KeyExchange exchange = provider.keyExchange(algorithm);
        int total = 0;
        int agreed = 0;
        int refusedAllZero = 0;
        int refusedInvalid = 0;
        for (Wycheproof.Case c : Wycheproof.cases(file)) {
            total++;
            KeyShare share = exchange.fromPrivateKey(c.bytes("private"));
            byte[] expected = c.bytes("shared");
            if (c.isInvalid()) {
                assertThrows(InvalidKeyShareException.class, () -> share.agree(c.bytes("public")), c.toString());
                refusedInvalid++;
            } else if (isAllZero(expected)) {
                assertThrows(InvalidKeyShareException.class, () -> share.agree(c.bytes("public")), c.toString());
                refusedAllZero++;
            } else {
                try {
                    assertArrayEquals(expected, share.agree(c.bytes("public")), c.toString());
                } catch (InvalidKeyShareException e) {
                    throw new AssertionError(c + ": refused a share TLS accepts", e);
                }
                agreed++;
            }
            share.destroy();
            assertThat(share.isDestroyed(), is(true));
        }
        System.out.printf("%s %s: %d vectors, %d agreed, %d refused (all-zero secret), %d refused (invalid)%n",
                provider.name(), file, total, agreed, refusedAllZero, refusedInvalid);
        return new Counts(total, agreed, refusedAllZero, refusedInvalid);
    }

    private static boolean isAllZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
