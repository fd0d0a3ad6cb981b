package dev.tlsref.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The quick profile: every scenario (not the per-primitive benchmarks) for every
 * implementation with one 1 s warmup and one 1 s measurement in one fork, then the Report
 * table. It proves the benchmarks still execute; its numbers mean little.
 * <pre>
 * java -cp tls-bench/target/benchmarks.jar dev.tlsref.bench.QuickRun [results.json]
 * </pre>
 * The same as {@code java -jar benchmarks.jar -f 1 -wi 1 -w 1 -i 1 -r 1 'dev\.tlsref\.bench\.[A-Z]'}.
 */
public final class QuickRun {
    /** Benchmarks directly in dev.tlsref.bench, not in its primitives package. */
    static final String SCENARIOS = "dev\\.tlsref\\.bench\\.[A-Z].*";

    private QuickRun() {}

    /** Runs the quick profile, writing JMH's JSON to the argument (default quick-results.json). */
    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "quick-results.json");
        Options options = new OptionsBuilder()
                .include(SCENARIOS)
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(1)
                .measurementTime(TimeValue.seconds(1))
                .resultFormat(ResultFormatType.JSON)
                .result(results.toString())
                .build();
        new Runner(options).run();
        System.out.print(Report.format(Report.parse(Files.readString(results))));
    }
}
