package dev.tlsref.bench.primitives;

import dev.tlsref.crypto.InvalidKeyShareException;
import dev.tlsref.crypto.KeyExchange;
import dev.tlsref.crypto.KeyExchangeAlgorithm;
import dev.tlsref.crypto.KeyShare;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three steps of a key exchange as TLS 1.3 uses it: the client's key generation
 * ({@code generate}), the server's answer ({@code respond}: key generation and agreement,
 * or encapsulation) and the client's completion ({@code agree}, or decapsulation).
 * Subclasses choose the providers and algorithms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public abstract class KeyExchangeWork {
    private final SecureRandom random = new SecureRandom();
    private KeyExchange exchange;
    private KeyShare share;
    private byte[] responderShare;

    void prepare(String provider, String algorithm) throws InvalidKeyShareException {
        exchange = Providers.byName(provider).keyExchange(KeyExchangeAlgorithm.valueOf(algorithm));
        share = exchange.generate(random);
        responderShare = exchange.respond(share.publicShare(), random).publicShare();
    }

    /** The initiator's key generation (a TLS 1.3 client building its key_share). */
    @Benchmark
    public byte[] generate() {
        return exchange.generate(random).publicShare();
    }

    /** The responder's work (a TLS 1.3 server answering a key_share). */
    @Benchmark
    public byte[] respond() throws InvalidKeyShareException {
        return exchange.respond(share.publicShare(), random).sharedSecret();
    }

    /** The initiator's completion with the responder's share. */
    @Benchmark
    public byte[] agree() throws InvalidKeyShareException {
        return share.agree(responderShare);
    }
}
