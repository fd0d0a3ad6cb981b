package dev.tlsref.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static String resultsJson() throws IOException {
        return resource("/report/results.json");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsScoresErrorsParametersAndAllocation() throws IOException {
        List<Measurement> all = Report.parse(resultsJson());
        assertThat(all, hasSize(6));
        Measurement first = all.get(0);
        assertThat(first.benchmark(), equalTo("Tls13HandshakeBenchmark.handshake"));
        assertThat(first.params(), equalTo(Map.of("certificate", "ECDSA_P256", "implementation", "tlsref")));
        assertThat(first.score(), equalTo(1200.0));
        assertThat(first.error(), equalTo(60.0));
        assertThat(first.bytesPerOp(), equalTo(Optional.of(new Measurement.Value(50000.0, 10.0))));
        assertThat(first.scenario(), equalTo("Tls13Handshake.handshake certificate=ECDSA_P256"));
    }

    @Test
    void treatsAnErrorJmhCouldNotComputeAsZero() throws IOException {
        Measurement bc = Report.parse(resultsJson()).get(2);
        assertThat(bc.error(), equalTo(0.0));
        assertThat(bc.bytesPerOp().isPresent(), is(false));
    }

    @Test
    void propagatesBothErrorsIntoTheRatio() throws IOException {
        List<Measurement> all = Report.parse(resultsJson());
        // 1200 ± 5% over 400 ± 10%: 3 ± 3 * sqrt(0.05² + 0.10²) = 3 ± 0.335
        assertThat(Report.ratio(all.get(0), all.get(1)), equalTo("3.00 ± 0.34"));
        assertThat(Report.ratio(all.get(0), all.get(2)), equalTo("2.00 ± 0.10"));
    }

    @Test
    void printsOneLinePerScenarioWithRatiosBytesAndTheRawAeadCeiling() throws IOException {
        String table = Report.format(Report.parse(resultsJson()));
        String[] lines = table.split("\n");
        assertThat(lines.length, equalTo(5));
        String handshake = lines[1];
        assertThat(handshake, containsString("Tls13Handshake.handshake certificate=ECDSA_P256"));
        assertThat(handshake, containsString("1200 ± 60 ops/s"));
        assertThat(handshake, containsString("3.00 ± 0.34"));
        assertThat(handshake, containsString("50 KB / 344 KB / -"));
        String bulk = lines[2];
        assertThat(bulk, containsString("Bulk.sealAndOpen size=16384 suite=TLS_AES_128_GCM_SHA256"));
        assertThat("16384 B * 100000/s", bulk, containsString("1638 ± 0 MB/s"));
        assertThat("tlsref/raw", bulk, containsString("0.80 ± 0.00"));
        assertThat(bulk, containsString("0 B / - / -"));
        assertThat("8 clients * 50/s", lines[4], containsString("400 ± 40 hs/s"));
    }

    @Test
    void setsTheRecordLayerAgainstTheRawAeadOfTheSameAlgorithmAndSize() throws IOException {
        String[] lines = Report.markdown(Report.parse(resource("/report/record.json"))).split("\n");
        assertThat(lines.length, equalTo(5));
        String[] record = lines[3].split(" \\| ");
        assertThat(record[0], equalTo("| RecordLayer.recordLayer algorithm=AES_128_GCM size=16384"));
        assertThat("record/raw", record[6], equalTo("0.95 ± 0.00"));
        assertThat("no raw AEAD at 1 KiB in this run", lines[4].split(" \\| ")[6], equalTo(""));
    }

    @Test
    void printsTheSameTableInMarkdown() throws IOException {
        String[] lines = Report.markdown(Report.parse(resultsJson())).split("\n");
        assertThat(lines.length, equalTo(6));
        assertThat(lines[1], equalTo("|---|---|---|---|---|---|---|---|"));
        assertThat(lines[2], containsString("| 3.00 ± 0.34 | 2.00 ± 0.10 |"));
    }

    @Test
    void refusesADocumentThatIsNotAResultArray() {
        assertThrows(IOException.class, () -> Report.parse("{\"benchmark\": 1}"));
    }
}
