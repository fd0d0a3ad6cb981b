package dev.tlsref.examples;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.handshake.HandshakeListener;
import dev.tlsref.handshake.TlsConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options {@code server} and {@code client} share: version, suites, groups, ALPN, key log
 * and trace. Lists are comma-separated IANA names, as DESIGN.md specifies.
 */
public final class TlsOptions {

    @Option(names = "--tls", paramLabel = "1.2|1.3",
            description = "Only this TLS version (default: TLS 1.3 and TLS 1.2).")
    String tls;

    @Option(names = "--suites", paramLabel = "L", split = ",",
            description = "Cipher suites, IANA names, most preferred first (e.g. TLS_AES_128_GCM_SHA256).")
    List<String> suites = new ArrayList<>();

    @Option(names = "--groups", paramLabel = "L", split = ",",
            description = "Key exchange groups, most preferred first (e.g. x25519,secp256r1,X25519MLKEM768).")
    List<String> groups = new ArrayList<>();

    @Option(names = "--alpn", paramLabel = "L", split = ",",
            description = "ALPN protocols, most preferred first (e.g. http/1.1).")
    List<String> alpn = new ArrayList<>();

    @Option(names = "--keylog", paramLabel = "F",
            description = "Append NSS key log lines (for Wireshark/tshark) to F. Default: $SSLKEYLOGFILE if set.")
    Path keylog;

    @Option(names = "--trace", description = "Print the narrative of each handshake to stderr.")
    boolean trace;

    /** The versions to enable. */
    List<ProtocolVersion> versions() {
        if (tls == null) {
            return List.of(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_2);
        }
        switch (tls) {
            case "1.3":
            case "TLSv1.3":
                return List.of(ProtocolVersion.TLS1_3);
            case "1.2":
            case "TLSv1.2":
                return List.of(ProtocolVersion.TLS1_2);
            default:
                throw new IllegalArgumentException("--tls takes 1.2 or 1.3, not " + tls);
        }
    }

    /** The suites named by --suites, or empty for the defaults. */
    List<CipherSuite> cipherSuites() {
        List<CipherSuite> out = new ArrayList<>();
        for (String name : suites) {
            out.add(CipherSuite.forName(name.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown cipher suite " + name + " (use IANA names like TLS_AES_128_GCM_SHA256)")));
        }
        return out;
    }

    /** The groups named by --groups, or empty for the defaults. */
    List<NamedGroup> namedGroups() {
        List<NamedGroup> out = new ArrayList<>();
        for (String name : groups) {
            out.add(NamedGroup.forName(name.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown group " + name + " (use IANA names like x25519, secp256r1, ffdhe2048)")));
        }
        return out;
    }

    /**
     * Applies version, suites, groups and ALPN to a builder. With --tls but no --suites the
     * default suites of that version are used.
     */
    TlsConfig.Builder apply(TlsConfig.Builder builder, boolean rsaKeyExchange) {
        List<ProtocolVersion> versions = versions();
        builder.versions(versions);
        List<CipherSuite> chosen = cipherSuites();
        if (chosen.isEmpty()) {
            chosen = new ArrayList<>();
            if (versions.contains(ProtocolVersion.TLS1_3)) {
                chosen.addAll(TlsConfig.DEFAULT_TLS13_SUITES);
            }
            if (versions.contains(ProtocolVersion.TLS1_2)) {
                chosen.addAll(TlsConfig.DEFAULT_TLS12_SUITES);
                if (rsaKeyExchange) {
                    chosen.add(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256);
                    chosen.add(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384);
                }
            }
        }
        builder.cipherSuites(chosen);
        builder.rsaKeyExchange(rsaKeyExchange);
        List<NamedGroup> g = namedGroups();
        if (!g.isEmpty()) {
            builder.groups(g);
            builder.keyShareGroups(List.of(g.get(0)));
        }
        builder.alpnProtocols(alpn);
        return builder;
    }

    /** The key log file from --keylog or SSLKEYLOGFILE, if either is set. */
    Optional<KeyLogFile> openKeyLog(Map<String, String> environment) throws IOException {
        Path file = keylog;
        if (file == null) {
            String env = environment.get("SSLKEYLOGFILE");
            if (env != null && !env.isBlank()) {
                file = Path.of(env);
            }
        }
        return file == null ? Optional.empty() : Optional.of(KeyLogFile.append(file));
    }

    /** The listener for a connection: the key log (if any) and the trace (if asked for). */
    static HandshakeListener listener(Optional<KeyLogFile> keyLog, Optional<HandshakeListener> trace) {
        List<HandshakeListener> all = new ArrayList<>();
        keyLog.ifPresent(all::add);
        trace.ifPresent(all::add);
        return FanOutListener.of(all);
    }
}
