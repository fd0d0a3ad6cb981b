package dev.tlsref.crypto;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.crypto.internal.RsaPremasterSecret;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The TLS 1.2 server's decryption of the EncryptedPreMasterSecret (RFC 5246 §7.4.7.1): 48 bytes
 * every time, the premaster secret only when the padding, the length and the version are all
 * right, otherwise random bytes, and never an exception.
 *
 * <p>Ciphertexts with chosen plaintext encodings are made here with the public key (textbook
 * RSA, m^e mod n) using the 2048-bit key of Wycheproof {@code rsa_pkcs1_2048_test.json}.
 */
class PremasterSecretTest {
    private static final int TLS12 = 0x0303;
    private static final int K = 256;

    private static RSAPrivateCrtKey key;

    @BeforeAll
    static void readKey() throws Exception {
        key = (RSAPrivateCrtKey) Wycheproof.cases("rsa_pkcs1_2048_test.json").get(0)
                .groupPrivateKey("privateKeyPkcs8", "RSA");
    }

    /** A valid type 2 encoding 00 02 PS 00 M of a 48-byte premaster secret with version 3.3. */
    private static byte[] validEncoding(byte[] secret) {
        byte[] em = new byte[K];
        em[1] = 0x02;
        for (int i = 2; i < K - 49; i++) {
            em[i] = (byte) (1 + (i % 255));
        }
        System.arraycopy(secret, 0, em, K - 48, 48);
        return em;
    }

    private static byte[] secret(int version) {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        secret[0] = (byte) (version >> 8);
        secret[1] = (byte) version;
        return secret;
    }

    /** Textbook RSA with the public key: the ciphertext whose decryption is exactly {@code em}. */
    private static byte[] encryptRaw(byte[] em) {
        BigInteger c = new BigInteger(1, em).modPow(key.getPublicExponent(), key.getModulus());
        byte[] out = new byte[K];
        byte[] bytes = c.toByteArray();
        int copy = Math.min(bytes.length, K);
        System.arraycopy(bytes, bytes.length - copy, out, K - copy, copy);
        return out;
    }

    /** Every way the encoding can be wrong, each a change to a valid one. */
    private static Map<String, UnaryOperator<byte[]>> malformations() {
        Map<String, UnaryOperator<byte[]>> bad = new LinkedHashMap<>();
        bad.put("first byte 01", em -> set(em, 0, 1));
        bad.put("block type 01 (signature padding)", em -> set(em, 1, 1));
        bad.put("block type 00", em -> set(em, 1, 0));
        bad.put("block type ff", em -> set(em, 1, 0xff));
        bad.put("zero in first padding byte (message of 253 bytes)", em -> set(em, 2, 0));
        bad.put("zero in eighth padding byte", em -> set(em, 9, 0));
        bad.put("zero in last padding byte (message of 49 bytes)", em -> set(em, K - 50, 0));
        bad.put("no zero separator", em -> set(em, K - 49, 7));
        bad.put("zero one byte later (message of 47 bytes)", em -> set(set(em, K - 49, 7), K - 48, 0));
        bad.put("version 3.1 in the message", em -> set(em, K - 47, 1));
        bad.put("version 2.3 in the message", em -> set(em, K - 48, 2));
        return bad;
    }

    private static byte[] set(byte[] em, int index, int value) {
        byte[] copy = em.clone();
        copy[index] = (byte) value;
        return copy;
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void validPremasterSecretComesBackExactly(CryptoProvider provider) {
        byte[] secret = secret(TLS12);
        byte[] result = provider.rsaDecryptPremasterSecret(key, encryptRaw(validEncoding(secret)), TLS12,
                new SecureRandom());
        assertThat(result, is(secret));
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void everyMalformedEncodingGivesFreshRandomBytes(CryptoProvider provider) {
        byte[] secret = secret(TLS12);
        for (Map.Entry<String, UnaryOperator<byte[]>> bad : malformations().entrySet()) {
            byte[] em = bad.getValue().apply(validEncoding(secret));
            assertRandom(provider, encryptRaw(em), TLS12, secret, bad.getKey());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void clientVersionOtherThanTheMessagesGivesRandomBytes(CryptoProvider provider) {
        byte[] secret = secret(TLS12);
        byte[] encrypted = encryptRaw(validEncoding(secret));
        assertRandom(provider, encrypted, 0x0302, secret, "client_version 3.2");
        assertRandom(provider, encrypted, 0x0403, secret, "client_version 4.3");
    }

    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void ciphertextOfTheWrongLengthOrRangeGivesRandomBytes(CryptoProvider provider) {
        byte[] secret = secret(TLS12);
        byte[] good = encryptRaw(validEncoding(secret));
        byte[] modulus = bigEndian(key.getModulus());
        byte[] prepended = new byte[K + 1];
        System.arraycopy(good, 0, prepended, 1, K);
        assertRandom(provider, new byte[0], TLS12, secret, "empty");
        assertRandom(provider, Arrays.copyOf(good, K - 1), TLS12, secret, "truncated");
        assertRandom(provider, Arrays.copyOf(good, K + 1), TLS12, secret, "one byte appended");
        assertRandom(provider, prepended, TLS12, secret, "zero byte prepended");
        assertRandom(provider, modulus, TLS12, secret, "c = n");
        assertRandom(provider, new byte[K], TLS12, secret, "c = 0");
        byte[] allOnes = new byte[K];
        Arrays.fill(allOnes, (byte) 0xff);
        assertRandom(provider, allOnes, TLS12, secret, "c > n");
    }

    private static byte[] bigEndian(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return Arrays.copyOfRange(bytes, bytes.length - K, bytes.length);
    }

    /** 48 bytes, not the secret, and different on a second call: the fallback is fresh each time. */
    private static void assertRandom(CryptoProvider provider, byte[] encrypted, int version, byte[] secret,
            String what) {
        byte[] first = provider.rsaDecryptPremasterSecret(key, encrypted, version, new SecureRandom());
        byte[] second = provider.rsaDecryptPremasterSecret(key, encrypted, version, new SecureRandom());
        assertThat(provider.name() + " " + what, first.length, is(48));
        assertThat(provider.name() + " " + what, second.length, is(48));
        assertThat(provider.name() + " " + what, first, not(secret));
        assertThat(provider.name() + " " + what, second, not(first));
    }

    /**
     * Wycheproof {@code rsa_pkcs1_2048_test.json}, all 67 vectors. None of its valid messages is
     * 48 bytes long (lengths 0 to 245), so for a TLS server every one of them, valid or
     * invalid, is a bad EncryptedPreMasterSecret and must give fresh random bytes. For the
     * 4-byte messages the client version is taken from the message itself, so only the
     * length can make them fail.
     */
    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void everyWycheproofCiphertextGivesRandomBytes(CryptoProvider provider) throws Exception {
        int valid = 0;
        int invalid = 0;
        for (Wycheproof.Case c : Wycheproof.cases("rsa_pkcs1_2048_test.json")) {
            byte[] msg = c.bytes("msg");
            assertThat(c.toString(), msg.length == 48, is(false));
            int version = msg.length >= 2 ? ((msg[0] & 0xff) << 8) | (msg[1] & 0xff) : TLS12;
            RSAPrivateCrtKey groupKey = (RSAPrivateCrtKey) c.groupPrivateKey("privateKeyPkcs8", "RSA");
            byte[] first = provider.rsaDecryptPremasterSecret(groupKey, c.bytes("ct"), version, new SecureRandom());
            byte[] second = provider.rsaDecryptPremasterSecret(groupKey, c.bytes("ct"), version, new SecureRandom());
            assertThat(c.toString(), first.length, is(48));
            assertThat(c.toString(), second, not(first));
            if (c.isValid()) {
                valid++;
            } else {
                invalid++;
            }
        }
        System.out.println("Wycheproof " + provider.name() + " rsa_pkcs1_2048_test.json: " + (valid + invalid)
                + " vectors (valid " + valid + ", invalid " + invalid + "), all answered with 48 random bytes");
        assertThat(valid, is(42));
        assertThat(invalid, is(25));
    }

    /**
     * The same key encrypts a real 48-byte premaster secret with each provider; it comes back
     * exactly, and not at all with a different client version.
     */
    @ParameterizedTest
    @MethodSource("dev.tlsref.crypto.Providers#both")
    void wycheproofKeyDecryptsA48ByteSecretOnlyForItsVersion(CryptoProvider provider) throws Exception {
        byte[] secret = secret(TLS12);
        for (CryptoProvider encryptor : Providers.both().toList()) {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            byte[] encrypted = encryptor.rsaEncrypt(publicKey, secret, new SecureRandom());
            assertThat(provider.rsaDecryptPremasterSecret(key, encrypted, TLS12, new SecureRandom()), is(secret));
            assertRandom(provider, encrypted, 0x0301, secret, "version 3.1 asked, 3.3 sent");
        }
    }

    // The constant-time selection on its own, with a known fallback.

    @Test
    void selectReturnsTheSecretForAValidEncoding() {
        byte[] secret = secret(TLS12);
        byte[] fallback = new byte[48];
        assertThat(RsaPremasterSecret.select(validEncoding(secret), TLS12, fallback), is(secret));
    }

    @Test
    void selectReturnsExactlyTheFallbackForEveryMalformation() {
        byte[] secret = secret(TLS12);
        byte[] fallback = secret(0x0a0b);
        int checked = 0;
        for (Map.Entry<String, UnaryOperator<byte[]>> bad : malformations().entrySet()) {
            byte[] em = bad.getValue().apply(validEncoding(secret));
            assertThat(bad.getKey(), RsaPremasterSecret.select(em, TLS12, fallback), is(fallback));
            checked++;
        }
        assertThat(RsaPremasterSecret.select(validEncoding(secret), 0x0302, fallback), is(fallback));
        assertThat(checked, is(11));
    }

    @Test
    void selectChecksEveryPaddingPosition() {
        byte[] secret = secret(TLS12);
        byte[] fallback = secret(0x0a0b);
        for (int i = 2; i < K - 49; i++) {
            assertThat("zero at " + i, RsaPremasterSecret.select(set(validEncoding(secret), i, 0), TLS12, fallback),
                    is(fallback));
        }
    }

    @Test
    void selectRefusesLengthsItCannotCheck() {
        assertThrows(IllegalArgumentException.class,
                () -> RsaPremasterSecret.select(new byte[58], TLS12, new byte[48]));
        assertThrows(IllegalArgumentException.class,
                () -> RsaPremasterSecret.select(new byte[K], TLS12, new byte[47]));
    }
}
