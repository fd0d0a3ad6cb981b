package dev.tlsref.handshake.tls13;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.handshake.CertifiedKey;
import dev.tlsref.handshake.ClientAuth;
import dev.tlsref.handshake.TlsConfig;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tlsref TLS 1.3 server against {@code openssl s_client -tls1_3} (OpenSSL 3.0): every
 * suite, group and certificate key type, client authentication, HelloRetryRequest, ticket
 * resumption and KeyUpdate, with application data checked both ways (the server echoes).
 */
class Tls13ServerOpenSslTest {
    private static final TestPki PKI = new TestPki();
    private static final TestPki.Issued ROOT = PKI.root("interop root", KeyType.EC_P256);

    @TempDir
    Path dir;
    private Tls13ServerInteropSupport server;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void startListener() throws IOException {
        server = new Tls13ServerInteropSupport();
    }

    @AfterEach
    void stopEverything() throws IOException {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        server.close();
    }

    private TlsConfig.Builder serverConfig(KeyType keyType, Tls13ServerTestSupport.Recorder recorder) {
        TestPki.Issued leaf = PKI.leaf("localhost").keyType(keyType).dnsNames("localhost").issuedBy(ROOT).build();
        return TlsConfig.builder()
                .certifiedKey(new CertifiedKey(List.of(leaf.certificate()), leaf.privateKey()))
                .listener(recorder);
    }

    private Path write(String name, Object pemObject) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, TestPki.pem(pemObject));
        return file;
    }

    /** Runs s_client, sends each line (a line "k"/"K" is a KeyUpdate command), waits for each echo. */
    private String sClient(List<String> extra, String... lines) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + server.port(),
                "-tls1_3", "-servername", "localhost", "-CAfile", write("root.pem", ROOT.certificate()).toString(),
                "-verify_return_error", "-verify_hostname", "localhost"));
        command.addAll(extra);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output));
        reader.setDaemon(true);
        reader.start();
        OutputStream stdin = process.getOutputStream();
        int keyUpdates = 0;
        for (String line : lines) {
            stdin.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
            stdin.flush();
            if (line.equals("k") || line.equals("K")) {
                // s_client reads stdin in chunks and takes a whole chunk as the command: wait before the next line.
                keyUpdates++;
                waitFor(output, "KEYUPDATE", keyUpdates);
            } else {
                waitFor(output, "echo:" + line, 1);
            }
        }
        stdin.close();
        assertThat("s_client exits", process.waitFor(Tls13ServerInteropSupport.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS),
                is(true));
        reader.join(2000);
        return output.toString();
    }

    private static void copy(InputStream in, StringBuffer out) {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            out.append("\n(read failed: ").append(e).append(")");
        }
    }

    private static void waitFor(StringBuffer output, String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Tls13ServerInteropSupport.TIMEOUT_MILLIS);
        while (output.toString().split(java.util.regex.Pattern.quote(text), -1).length - 1 < times) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' from s_client; output:\n" + output);
            }
            Thread.sleep(20);
        }
    }

    private Tls13ServerInteropSupport.Served exchange(TlsConfig config, List<String> clientArgs, String... lines)
            throws Exception {
        var served = server.serveOne(config);
        String output;
        try {
            output = sClient(clientArgs, lines);
        } catch (AssertionError e) {
            for (Process p : processes) {
                p.destroyForcibly();
            }
            var seen = Tls13ServerInteropSupport.await(served);
            throw new AssertionError(e.getMessage() + "\nserver saw " + seen.lines() + ", failure " + seen.failure(),
                    seen.failure());
        }
        var result = Tls13ServerInteropSupport.await(served);
        assertThat(output + "\nserver failure: " + result.failure(), result.failure(), nullValue());
        assertThat(output, containsString("Verify return code: 0 (ok)"));
        return result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void negotiatesEachSuite(String suite) throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        var result = exchange(serverConfig(KeyType.EC_P256, recorder).build(), List.of("-ciphersuites", suite),
                "hello " + suite);
        assertThat(result.parameters().cipherSuite(), equalTo(CipherSuite.forName(suite).orElseThrow()));
        assertThat(result.lines(), equalTo(List.of("hello " + suite)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x25519", "secp256r1", "secp384r1", "x448"})
    void negotiatesEachGroup(String group) throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        var result = exchange(serverConfig(KeyType.EC_P256, recorder).build(), List.of("-groups", group), "group");
        assertThat(result.parameters().group(), equalTo(NamedGroup.forName(group)));
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void authenticatesWithEachKeyType(KeyType keyType) throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        var result = exchange(serverConfig(keyType, recorder).build(), List.of(), "cert " + keyType);
        String expected = switch (keyType) {
            case EC_P256 -> "ecdsa_secp256r1_sha256";
            case RSA_2048 -> "rsa_pss_rsae_sha256";
            default -> "ed25519";
        };
        assertThat(result.parameters().signatureScheme().orElseThrow().name(), equalTo(expected));
    }

    @Test
    void verifiesAClientCertificate() throws Exception {
        TestPki.Issued clientRoot = PKI.root("client root", KeyType.EC_P256);
        TestPki.Issued client = PKI.leaf("client").keyType(KeyType.RSA_2048).issuedBy(clientRoot).build();
        var recorder = new Tls13ServerTestSupport.Recorder();
        TlsConfig config = serverConfig(KeyType.EC_P256, recorder).clientAuth(ClientAuth.REQUIRED)
                .trustAnchors(List.of(clientRoot.certificate())).build();
        var result = exchange(config, List.of("-cert", write("client.pem", client.certificate()).toString(),
                "-key", write("client.key", client.privateKey()).toString()), "mutual");
        assertThat(result.parameters().peerCertificates(), equalTo(List.of(client.certificate())));
        assertThat(recorder.notes, hasItem("client CertificateVerify signature verified (rsa_pss_rsae_sha256)"));
    }

    @Test
    void asksForAnotherShareWithHelloRetryRequest() throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        TlsConfig config = serverConfig(KeyType.EC_P256, recorder)
                .groups(List.of(NamedGroup.SECP256R1, NamedGroup.X25519)).build();
        // s_client sends a share for its first group only: x25519, which this server ranks second.
        var result = exchange(config, List.of("-groups", "x25519:secp256r1"), "retry");
        assertThat(recorder.notes, hasItem("HelloRetryRequest sent: client has no key share for secp256r1"));
        assertThat(result.parameters().group(), equalTo(Optional.of(NamedGroup.SECP256R1)));
    }

    @Test
    void resumesWithItsOwnTicket() throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        TlsConfig config = serverConfig(KeyType.EC_P256, recorder).build();
        Path session = dir.resolve("session.pem");
        var first = exchange(config, List.of("-sess_out", session.toString()), "first");
        assertThat(first.parameters().resumed(), is(false));
        var served = server.serveOne(config);
        String output = sClient(List.of("-sess_in", session.toString()), "second");
        var second = Tls13ServerInteropSupport.await(served);
        assertThat(output, containsString("Reused, TLSv1.3"));
        assertThat(second.parameters().resumed(), is(true));
        assertThat(second.parameters().signatureScheme(), equalTo(Optional.empty()));
        assertThat(second.lines(), equalTo(List.of("second")));
    }

    @Test
    void followsClientKeyUpdatesWithAndWithoutARequest() throws Exception {
        var recorder = new Tls13ServerTestSupport.Recorder();
        var result = exchange(serverConfig(KeyType.EC_P256, recorder).build(), List.of(),
                "before", "k", "after-k", "K", "after-K");
        assertThat(result.lines(), equalTo(List.of("before", "after-k", "after-K")));
        assertThat(recorder.secrets.keySet(), hasItem("CLIENT_TRAFFIC_SECRET_2"));
        assertThat(recorder.secrets.keySet(), hasItem("SERVER_TRAFFIC_SECRET_1"));
    }
}
