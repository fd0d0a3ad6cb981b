package dev.tlsref.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.core.ProtocolVersion;
import dev.tlsref.handshake.TlsConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The command line of DESIGN.md, parsed without running anything. */
class CommandLineTest {

    private static Object parse(String... args) {
        ParseResult result = Main.commandLine().parseArgs(args);
        return result.subcommand().commandSpec().userObject();
    }

    private static String run(int expectedStatus, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        assertThat(out + "" + err, status, is(expectedStatus));
        return out + "" + err;
    }

    @Test
    void clientTakesEveryOptionOfTheDesign() {
        ClientCommand c = (ClientCommand) parse("client", "example.com:443", "--servername", "www.example.com",
                "--cafile", "ca.pem", "--cert", "c.pem", "--key", "k.pem", "--tls", "1.3",
                "--suites", "TLS_AES_128_GCM_SHA256,TLS_CHACHA20_POLY1305_SHA256", "--groups", "x25519,secp256r1",
                "--alpn", "h2,http/1.1", "--get", "/index.html", "--resume", "--keylog", "keys.log", "--trace");
        assertThat(c.target, is("example.com:443"));
        assertThat(c.serverName, is("www.example.com"));
        assertThat(c.trust.cafile, is(Path.of("ca.pem")));
        assertThat(c.cert, is(Path.of("c.pem")));
        assertThat(c.key, is(Path.of("k.pem")));
        assertThat(c.get, is("/index.html"));
        assertThat(c.resume, is(true));
        assertThat(c.tls.tls, is("1.3"));
        assertThat(c.tls.suites, contains("TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256"));
        assertThat(c.tls.groups, contains("x25519", "secp256r1"));
        assertThat(c.tls.alpn, contains("h2", "http/1.1"));
        assertThat(c.tls.keylog, is(Path.of("keys.log")));
        assertThat(c.tls.trace, is(true));
    }

    @Test
    void serverTakesEveryOptionOfTheDesign() {
        ServerCommand s = (ServerCommand) parse("server", "--host", "0.0.0.0", "--port", "9443", "--cert", "c.pem",
                "--key", "k.pem", "--tls", "1.2", "--suites", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "--groups", "ffdhe2048", "--alpn", "http/1.1", "--verify-client", "--cafile", "ca.pem", "--www",
                "--once", "--keylog", "k.log", "--trace", "--enable-rsa-kx");
        assertThat(s.host, is("0.0.0.0"));
        assertThat(s.port, is(9443));
        assertThat(s.verifyClient, is(true));
        assertThat(s.cafile, is(Path.of("ca.pem")));
        assertThat(s.mode.www, is(true));
        assertThat(s.once, is(true));
        assertThat(s.rsaKeyExchange, is(true));
        assertThat(s.tls.tls, is("1.2"));
    }

    @Test
    void serverDefaultsToLoopbackPort8443() {
        ServerCommand s = (ServerCommand) parse("server");
        assertThat(s.host, is("127.0.0.1"));
        assertThat(s.port, is(8443));
        assertThat(s.cert, nullValue());
    }

    @Test
    void demoTakesItsVariants() {
        DemoCommand d = (DemoCommand) parse("demo", "--tls", "1.2", "--mutual", "--rsa-kx", "--hrr", "--resume");
        assertThat(d.tls, is("1.2"));
        assertThat(d.mutual && d.rsaKeyExchange && d.helloRetry && d.resume, is(true));
    }

    @Test
    void wwwAndEchoExcludeEachOther() {
        assertThat(run(2, "server", "--www", "--echo"), containsString("mutually exclusive"));
    }

    @Test
    void cafileAndInsecureExcludeEachOther() {
        assertThat(run(2, "client", "h:1", "--cafile", "x", "--insecure"), containsString("mutually exclusive"));
    }

    @Test
    void everySubcommandHasHelp() {
        assertThat(run(0, "--help"), containsString("demo"));
        assertThat(run(0, "demo", "--help"), containsString("--mutual"));
        assertThat(run(0, "server", "--help"), containsString("--verify-client"));
        assertThat(run(0, "client", "--help"), containsString("--insecure"));
    }

    @Test
    void listsBecomeConfigValues() {
        TlsOptions o = ((ClientCommand) parse("client", "h:1", "--tls", "1.3", "--suites",
                "TLS_AES_256_GCM_SHA384", "--groups", "secp384r1,x25519", "--alpn", "http/1.1")).tls;
        TlsConfig config = o.apply(TlsConfig.builder(), false).build();
        assertThat(config.versions(), contains(ProtocolVersion.TLS1_3));
        assertThat(config.cipherSuites(), contains(CipherSuite.TLS_AES_256_GCM_SHA384));
        assertThat(config.groups(), contains(NamedGroup.SECP384R1, NamedGroup.X25519));
        assertThat(config.keyShareGroups(), contains(NamedGroup.SECP384R1));
        assertThat(config.alpnProtocols(), contains("http/1.1"));
    }

    @Test
    void tlsVersionAloneKeepsThatVersionsDefaultSuites() {
        TlsOptions o = ((ClientCommand) parse("client", "h:1", "--tls", "1.2")).tls;
        TlsConfig config = o.apply(TlsConfig.builder(), false).build();
        assertThat(config.cipherSuites(), is(TlsConfig.DEFAULT_TLS12_SUITES));
    }

    @Test
    void rsaKeyExchangeAddsTheRsaSuites() {
        TlsOptions o = ((ServerCommand) parse("server", "--tls", "1.2", "--enable-rsa-kx")).tls;
        TlsConfig config = o.apply(TlsConfig.builder(), true).build();
        assertThat(config.rsaKeyExchange(), is(true));
        assertThat(config.cipherSuites().contains(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256), is(true));
    }

    @Test
    void unknownSuiteOrGroupOrVersionIsAnErrorNamingIt() {
        TlsOptions suite = ((ClientCommand) parse("client", "h:1", "--suites", "TLS_NOPE")).tls;
        assertThat(assertThrows(IllegalArgumentException.class, () -> suite.apply(TlsConfig.builder(), false))
                .getMessage(), containsString("unknown cipher suite TLS_NOPE"));
        TlsOptions group = ((ClientCommand) parse("client", "h:1", "--groups", "curve9")).tls;
        assertThat(assertThrows(IllegalArgumentException.class, () -> group.apply(TlsConfig.builder(), false))
                .getMessage(), containsString("unknown group curve9"));
        TlsOptions version = ((ClientCommand) parse("client", "h:1", "--tls", "1.1")).tls;
        assertThat(assertThrows(IllegalArgumentException.class, () -> version.apply(TlsConfig.builder(), false))
                .getMessage(), containsString("--tls takes 1.2 or 1.3"));
    }

    @Test
    void keyLogComesFromSslKeyLogFileWhenNoOptionIsGiven(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        TlsOptions o = ((ClientCommand) parse("client", "h:1")).tls;
        Path file = dir.resolve("env.log");
        try (KeyLogFile log = o.openKeyLog(Map.of("SSLKEYLOGFILE", file.toString())).orElseThrow()) {
            log.secretDerived("CLIENT_RANDOM", new byte[32], new byte[48]);
        }
        assertThat(java.nio.file.Files.readAllLines(file).size(), is(1));
        assertThat(o.openKeyLog(Map.of()).isPresent(), is(false));
    }

    @Test
    void hostPortParsesNamesAndIpv6Literals() {
        assertThat(ClientCommand.HostPort.parse("localhost:8443"), is(new ClientCommand.HostPort("localhost", 8443)));
        assertThat(ClientCommand.HostPort.parse("[::1]:443"), is(new ClientCommand.HostPort("::1", 443)));
        assertThrows(IllegalArgumentException.class, () -> ClientCommand.HostPort.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> ClientCommand.HostPort.parse("h:70000"));
    }

    @Test
    void badHostPortGivesOneLineAndStatus2() {
        String output = run(2, "client", "no-port-here");
        assertThat(output, containsString("tlsref: expected HOST:PORT, got no-port-here"));
    }
}
