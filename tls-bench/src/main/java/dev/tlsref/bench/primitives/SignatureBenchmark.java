package dev.tlsref.bench.primitives;

import dev.tlsref.crypto.CryptoException;
import dev.tlsref.crypto.CryptoProvider;
import dev.tlsref.crypto.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing and verification on each provider over a CertificateVerify-sized message (the
 * 130-byte content of RFC 8446 §4.4.3 with SHA-256). Keys are made once per trial by the JDK.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SignatureBenchmark {

    @Param({"jca", "bc"})
    public String provider;

    @Param({"ECDSA_SECP256R1_SHA256", "RSA_PSS_RSAE_SHA256", "ED25519"})
    public String algorithm;

    private final SecureRandom random = new SecureRandom();
    private final byte[] message = new byte[130];
    private CryptoProvider crypto;
    private SignatureAlgorithm alg;
    private KeyPair keys;
    private byte[] signature;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        crypto = Providers.byName(provider);
        alg = SignatureAlgorithm.valueOf(algorithm);
        random.nextBytes(message);
        keys = keyPair(alg);
        signature = crypto.sign(alg, keys.getPrivate(), message, random);
    }

    @Benchmark
    public byte[] sign() throws CryptoException {
        return crypto.sign(alg, keys.getPrivate(), message, random);
    }

    @Benchmark
    public boolean verify() {
        return crypto.verify(alg, keys.getPublic(), message, signature);
    }

    private static KeyPair keyPair(SignatureAlgorithm alg) throws GeneralSecurityException {
        switch (alg) {
            case ECDSA_SECP256R1_SHA256: {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                return g.generateKeyPair();
            }
            case RSA_PSS_RSAE_SHA256: {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                return g.generateKeyPair();
            }
            case ED25519:
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            default:
                throw new IllegalArgumentException("no key recipe for " + alg);
        }
    }
}
