package dev.tlsref.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/walkthrough.md names files (relative links) and methods ({@code Class#method}): every
 * one must exist, so the walkthrough breaks the build instead of rotting.
 */
class WalkthroughTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern METHOD = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)`");

    private static Path repository;
    private static Path walkthrough;
    private static String text;
    private static Map<String, List<Path>> sourcesByClass;

    @BeforeAll
    static void load() throws IOException {
        // Maven runs tests in the module directory; the repository root is its parent.
        repository = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().getParent();
        walkthrough = repository.resolve("docs/walkthrough.md");
        text = Files.readString(walkthrough, StandardCharsets.UTF_8);
        sourcesByClass = new HashMap<>();
        try (Stream<Path> files = Files.walk(repository)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/") && !p.toString().contains("/target/"))
                    .forEach(p -> sourcesByClass.computeIfAbsent(
                            p.getFileName().toString().replace(".java", ""), k -> new ArrayList<>()).add(p));
        }
    }

    @Test
    void everyRelativeLinkPointsToAFileThatExists() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")) {
                continue;
            }
            checked++;
            if (!Files.isRegularFile(walkthrough.getParent().resolve(target).normalize())) {
                missing.add(target);
            }
        }
        assertThat(checked, greaterThan(40));
        assertThat("links to missing files", missing, is(empty()));
    }

    @Test
    void everyClassAndMethodNamedExists() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        Matcher m = METHOD.matcher(text);
        while (m.find()) {
            checked++;
            String className = m.group(1);
            String method = m.group(2);
            List<Path> sources = sourcesByClass.getOrDefault(className, List.of());
            boolean found = sources.stream().anyMatch(p -> read(p).contains(method + "("));
            if (!found) {
                missing.add(className + "#" + method + (sources.isEmpty() ? " (no " + className + ".java)" : ""));
            }
        }
        assertThat(checked, greaterThan(80));
        assertThat("methods named but not found", missing, is(empty()));
    }

    @Test
    void coversBothVersionsTheKeyScheduleAndTheRecordLayer() {
        assertThat(text, containsString("## TLS 1.3 (RFC 8446)"));
        assertThat(text, containsString("## TLS 1.2 (RFC 5246)"));
        assertThat(text, containsString("## Key schedule"));
        assertThat(text, containsString("## Record layer"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
