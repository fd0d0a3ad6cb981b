package dev.tlsref.examples;

import dev.tlsref.handshake.HandshakeListener;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Writes secrets in the NSS key log format that Wireshark, tshark and curl's SSLKEYLOGFILE
 * use: one line per secret, {@code LABEL <client_random hex> <secret hex>}. For TLS 1.3 the
 * labels are {@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}, {@code SERVER_HANDSHAKE_TRAFFIC_SECRET},
 * {@code CLIENT_TRAFFIC_SECRET_0}, {@code SERVER_TRAFFIC_SECRET_0}, {@code EXPORTER_SECRET};
 * for TLS 1.2 {@code CLIENT_RANDOM} with the master secret.
 *
 * <p>Anyone with this file can decrypt the recorded sessions: it is opt-in
 * ({@code --keylog F} or the {@code SSLKEYLOGFILE} environment variable) and never on by
 * default. Thread-safe: a server's connections share one file; every line is flushed at
 * once so a capture tool reading it live sees the keys in time. A listener must not throw,
 * so a write failure is kept and reported by {@link #error()}.
 */
public final class KeyLogFile implements HandshakeListener, Closeable {
    private static final HexFormat HEX = HexFormat.of();

    private final Writer out;
    private IOException error;

    /** Writes to {@code out}; closing this closes it. */
    public KeyLogFile(Writer out) {
        this.out = out;
    }

    /** Appends to {@code file}, creating it if needed. */
    public static KeyLogFile append(Path file) throws IOException {
        return new KeyLogFile(Files.newBufferedWriter(file, StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    /** One key log line, without the line end. */
    public static String line(String label, byte[] clientRandom, byte[] secret) {
        return label + " " + HEX.formatHex(clientRandom) + " " + HEX.formatHex(secret);
    }

    @Override
    public synchronized void secretDerived(String label, byte[] clientRandom, byte[] secret) {
        if (error != null) {
            return;
        }
        try {
            out.write(line(label, clientRandom, secret));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            error = e;
        }
    }

    /** The first write failure, if any. */
    public synchronized Optional<IOException> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
