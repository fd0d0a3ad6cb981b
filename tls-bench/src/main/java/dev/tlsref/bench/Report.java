package dev.tlsref.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Summarises a JMH JSON result file ({@code -rf json}) as the side-by-side table: for each
 * scenario, each implementation's score, the ratios tlsref/jsse and tlsref/bcjsse with their
 * errors, and bytes allocated per operation when the run used {@code -prof gc}.
 * <pre>
 * java -cp tls-bench/target/benchmarks.jar dev.tlsref.bench.Report results.json
 * </pre>
 * A ratio's error comes from the two scores' errors (JMH's 99.9% half-intervals), relative
 * errors added in quadrature. Bulk scenarios are also set against the raw AEAD baseline
 * (tlsref/raw) when the run includes {@link RawAeadBaselineBenchmark}, and the record layer
 * ({@code RecordLayerBenchmark.recordLayer}) against the raw AEAD of the same run
 * ({@code RecordLayerBenchmark.rawAead}) with the same algorithm and size.
 */
public final class Report {
    private static final String BASELINE = "RawAeadBaselineBenchmark.sealThenOpen";
    private static final String BULK = "BulkBenchmark.sealAndOpen";
    private static final String RECORD_BASELINE = "RecordLayerBenchmark.rawAead";
    private static final String RECORD = "RecordLayerBenchmark.recordLayer";

    private Report() {}

    /** Prints the table of the JSON file named by the only argument. */
    public static void main(String[] args) throws IOException {
        boolean markdown = args.length == 2 && args[0].equals("--markdown");
        if (args.length != 1 && !markdown) {
            System.err.println("usage: java -cp benchmarks.jar dev.tlsref.bench.Report [--markdown] results.json");
            System.exit(2);
        }
        List<Measurement> measurements = parse(Files.readString(Path.of(args[args.length - 1])));
        System.out.print(markdown ? markdown(measurements) : format(measurements));
    }

    /** The measurements in a JMH JSON result document. */
    static List<Measurement> parse(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isArray()) {
            throw new IOException("not a JMH JSON result: expected an array of results");
        }
        List<Measurement> out = new ArrayList<>();
        for (JsonNode r : root) {
            String name = r.path("benchmark").asText();
            String[] parts = name.split("\\.");
            String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : name;
            Map<String, String> params = new LinkedHashMap<>();
            r.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode primary = r.path("primaryMetric");
            JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
            Optional<Measurement.Value> bytes = alloc.isMissingNode() ? Optional.empty()
                    : Optional.of(new Measurement.Value(alloc.path("score").asDouble(), error(alloc)));
            out.add(new Measurement(shortName, params, primary.path("score").asDouble(), error(primary),
                    primary.path("scoreUnit").asText(), bytes));
        }
        return out;
    }

    private static double error(JsonNode metric) {
        JsonNode e = metric.path("scoreError");
        // JMH writes "NaN" (a string) when one iteration gives no interval.
        return e.isNumber() ? e.asDouble() : 0;
    }

    /** The table as plain text, one line per scenario, in the order of the file. */
    static String format(List<Measurement> measurements) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows(measurements)) {
            out.append(String.format(Locale.ROOT, "%-72s %-22s %-22s %-22s %-15s %-15s %-15s %s",
                    row.toArray()).stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The same table in Markdown. */
    static String markdown(List<Measurement> measurements) {
        StringBuilder out = new StringBuilder();
        List<List<String>> rows = rows(measurements);
        for (int i = 0; i < rows.size(); i++) {
            out.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
            if (i == 0) {
                out.append("|---".repeat(rows.get(i).size())).append("|\n");
            }
        }
        return out.toString();
    }

    private static List<List<String>> rows(List<Measurement> measurements) {
        Map<String, Map<String, Measurement>> byScenario = new LinkedHashMap<>();
        Map<String, Measurement> baselines = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            if (m.benchmark().equals(BASELINE) || m.benchmark().equals(RECORD_BASELINE)) {
                baselines.put(baselineKey(m), m);
            }
            byScenario.computeIfAbsent(m.scenario(), k -> new LinkedHashMap<>())
                    .put(m.implementation().orElse("-"), m);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("scenario", "tlsref", "jsse", "bcjsse", "tlsref/jsse", "tlsref/bcjsse", "tlsref/raw",
                "B/op tlsref / jsse / bcjsse"));
        for (Map.Entry<String, Map<String, Measurement>> e : byScenario.entrySet()) {
            Map<String, Measurement> impl = e.getValue();
            Measurement tlsref = impl.get("tlsref");
            String raw = "";
            Measurement measured = tlsref != null ? tlsref : impl.get("-");
            if (measured != null && (measured.benchmark().equals(BULK) || measured.benchmark().equals(RECORD))) {
                Measurement base = baselines.get(baselineKey(measured));
                raw = base == null ? "" : ratio(measured, base);
            }
            rows.add(List.of(e.getKey(),
                    score(impl.get("tlsref"), impl.get("-")), score(impl.get("jsse"), null),
                    score(impl.get("bcjsse"), null),
                    ratio(tlsref, impl.get("jsse")), ratio(tlsref, impl.get("bcjsse")), raw,
                    bytes(impl.get("tlsref") != null ? impl.get("tlsref") : impl.get("-")) + " / "
                            + bytes(impl.get("jsse")) + " / " + bytes(impl.get("bcjsse"))));
        }
        return rows;
    }

    /**
     * What pairs a measurement with its raw AEAD baseline: bulk with {@code RawAeadBaseline} by
     * suite and size, the record layer with {@code RecordLayer.rawAead} by algorithm and size.
     */
    private static String baselineKey(Measurement m) {
        boolean record = m.benchmark().startsWith("RecordLayerBenchmark.");
        return (record ? "record:" + m.params().get("algorithm") : "bulk:" + m.params().get("suite"))
                + "/" + m.params().get("size");
    }

    /** {@code a/b} with the error propagated from both scores; empty if either is missing. */
    static String ratio(Measurement a, Measurement b) {
        if (a == null || b == null || b.score() == 0 || a.score() == 0) {
            return "";
        }
        double r = a.score() / b.score();
        double relA = a.error() / a.score();
        double relB = b.error() / b.score();
        double err = r * Math.sqrt(relA * relA + relB * relB);
        return String.format(Locale.ROOT, "%.2f ± %.2f", r, err);
    }

    private static String score(Measurement m, Measurement fallback) {
        Measurement shown = m != null ? m : fallback;
        if (shown == null) {
            return "";
        }
        Measurement.Value v = shown.scaled();
        String pattern = Math.abs(v.value()) >= 100 ? "%.0f ± %.0f %s" : "%.2f ± %.2f %s";
        return String.format(Locale.ROOT, pattern, v.value(), v.error(), shown.scaledUnit());
    }

    private static String bytes(Measurement m) {
        if (m == null || m.bytesPerOp().isEmpty()) {
            return "-";
        }
        double b = m.bytesPerOp().get().value();
        return b >= 10_000 ? String.format(Locale.ROOT, "%.0f KB", b / 1000) : String.format(Locale.ROOT, "%.0f B", b);
    }
}
