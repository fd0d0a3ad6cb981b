package dev.tlsref.bench.primitives;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * (EC)DH key exchange cost on both providers, split as a TLS 1.3 handshake splits it (see
 * {@link KeyExchangeWork}). The KEMs, which only the bc provider has on JDK 17, are in
 * {@link KemBenchmark}.
 */
public class KeyExchangeBenchmark extends KeyExchangeWork {

    @Param({"jca", "bc"})
    public String provider;

    @Param({"X25519", "SECP256R1", "SECP384R1", "X448", "FFDHE2048"})
    public String algorithm;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        prepare(provider, algorithm);
    }
}
