package dev.tlsref.bench;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One JMH result: a benchmark method with one set of parameters.
 *
 * @param benchmark the benchmark's simple class name and method, e.g. {@code Tls13HandshakeBenchmark.handshake}
 * @param params every {@code @Param} value, including {@code implementation} if the benchmark has it
 * @param score the primary score
 * @param error the score's error (JMH's 99.9% half-interval); 0 when JMH could not compute one
 * @param unit the score's unit, e.g. {@code ops/s}
 * @param bytesPerOp {@code gc.alloc.rate.norm} when the run used {@code -prof gc}
 */
record Measurement(String benchmark, Map<String, String> params, double score, double error, String unit,
        Optional<Value> bytesPerOp) {

    /** A value with its error. */
    record Value(double value, double error) {}

    Measurement {
        params = new TreeMap<>(params);
    }

    /** The implementation measured, or empty for a benchmark without that parameter. */
    Optional<String> implementation() {
        return Optional.ofNullable(params.get("implementation"));
    }

    /** The scenario: benchmark and every parameter but the implementation. */
    String scenario() {
        StringBuilder s = new StringBuilder(benchmark.replace("Benchmark.", "."));
        params.forEach((k, v) -> {
            if (!k.equals("implementation")) {
                s.append(' ').append(k).append('=').append(v);
            }
        });
        return s.toString();
    }

    /**
     * The score in the unit people compare: MB/s of plaintext for benchmarks with a
     * {@code size} (one operation moves {@code size} bytes), handshakes/s for those with
     * {@code clients} (one operation is that many handshakes), else the score itself.
     */
    Value scaled() {
        double factor = 1;
        if (params.containsKey("size") && unit.equals("ops/s")) {
            factor = Integer.parseInt(params.get("size")) / 1e6;
        } else if (params.containsKey("clients") && unit.equals("ops/s")) {
            factor = Integer.parseInt(params.get("clients"));
        }
        return new Value(score * factor, error * factor);
    }

    /** The unit of {@link #scaled()}. */
    String scaledUnit() {
        if (params.containsKey("size") && unit.equals("ops/s")) {
            return "MB/s";
        }
        if (params.containsKey("clients") && unit.equals("ops/s")) {
            return "hs/s";
        }
        return unit;
    }
}
