package dev.tlsref.bench.primitives;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * ML-KEM-768 and the hybrid X25519MLKEM768 on the bc provider (the JDK 17 has no ML-KEM):
 * key generation, encapsulation ({@code respond}) and decapsulation ({@code agree}).
 */
public class KemBenchmark extends KeyExchangeWork {

    @Param({"bc"})
    public String provider;

    @Param({"MLKEM768", "X25519MLKEM768"})
    public String algorithm;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        prepare(provider, algorithm);
    }
}
