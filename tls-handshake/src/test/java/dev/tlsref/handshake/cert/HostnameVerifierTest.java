package dev.tlsref.handshake.cert;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.AlertDescription;
import dev.tlsref.core.TlsAlertException;
import dev.tlsref.handshake.testing.TestPki;
import dev.tlsref.handshake.testing.TestPki.Issued;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostnameVerifierTest {
    private final TestPki pki = new TestPki();

    private X509Certificate withDnsNames(String... names) {
        return pki.leaf("host").dnsNames(names).build().certificate();
    }

    private static boolean matches(X509Certificate certificate, String host) {
        return HostnameVerifier.matches(certificate, ReferenceIdentity.parse(host));
    }

    // --- DNS names ---

    @Test
    void matchesExactDnsName() throws TlsAlertException {
        X509Certificate certificate = withDnsNames("www.example.com");

        HostnameVerifier.verify(certificate, ReferenceIdentity.parse("www.example.com"));
    }

    @Test
    void matchesAnyOfSeveralDnsNames() {
        X509Certificate certificate = withDnsNames("a.example.com", "b.example.org");

        assertThat(matches(certificate, "b.example.org"), is(true));
        assertThat(matches(certificate, "c.example.org"), is(false));
    }

    @ParameterizedTest
    @CsvSource({
        "WWW.Example.COM, www.example.com",
        "www.example.com, WWW.EXAMPLE.COM",
        "*.EXAMPLE.com, Mail.example.COM",
    })
    void comparesDnsNamesCaseInsensitively(String presented, String host) {
        assertThat(matches(withDnsNames(presented), host), is(true));
    }

    @ParameterizedTest
    @CsvSource({
        "www.example.com, www.example.com.",
        "www.example.com., www.example.com",
        "www.example.com., www.example.com.",
        "*.example.com., a.example.com",
        "*.example.com, a.example.com.",
    })
    void ignoresATrailingDotOnEitherSide(String presented, String host) {
        assertThat(matches(withDnsNames(presented), host), is(true));
    }

    @Test
    void rejectsADifferentNameWithBadCertificateNamingBoth() {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> HostnameVerifier.verify(
                withDnsNames("www.example.com"), ReferenceIdentity.parse("www.example.org")));

        assertThat(e.alert(), is(AlertDescription.BAD_CERTIFICATE));
        assertThat(e.getMessage(), containsString("DNS:www.example.com"));
        assertThat(e.getMessage(), containsString("www.example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "www.example.co", "ww.example.com", "www.example.com.au", "wwwexample.com"})
    void rejectsNamesThatOnlyResembleThePresentedOne(String host) {
        assertThat(matches(withDnsNames("www.example.com"), host), is(false));
    }

    // --- wildcards (RFC 6125 §6.4.3, as browsers apply it) ---

    @ParameterizedTest
    @ValueSource(strings = {"a.example.com", "www.example.com", "xn--bcher-kva.example.com", "a-b.example.com"})
    void wildcardMatchesExactlyOneLeftMostLabel(String host) {
        assertThat(matches(withDnsNames("*.example.com"), host), is(true));
    }

    @Test
    void wildcardDoesNotMatchTheBareParentDomain() {
        assertThat(matches(withDnsNames("*.example.com"), "example.com"), is(false));
    }

    @Test
    void wildcardDoesNotMatchMoreThanOneLabel() {
        assertThat(matches(withDnsNames("*.example.com"), "a.b.example.com"), is(false));
    }

    @Test
    void wildcardDoesNotMatchAnotherParentDomain() {
        assertThat(matches(withDnsNames("*.example.com"), "a.example.org"), is(false));
    }

    @ParameterizedTest
    @CsvSource({
        "f*.example.com, foo.example.com",
        "*o.example.com, foo.example.com",
        "f*o.example.com, foo.example.com",
        "xn--*.example.com, xn--bcher-kva.example.com",
    })
    void partialLabelWildcardNeverMatches(String presented, String host) {
        assertThat(matches(withDnsNames(presented), host), is(false));
    }

    @ParameterizedTest
    @CsvSource({
        "www.*.com, www.example.com",
        "www.example.*, www.example.com",
        "*.*.example.com, a.b.example.com",
        "**.example.com, a.example.com",
    })
    void wildcardOutsideTheLeftMostLabelNeverMatches(String presented, String host) {
        assertThat(matches(withDnsNames(presented), host), is(false));
    }

    @ParameterizedTest
    @CsvSource({
        "*.com, example.com",
        "'*', example",
        "*., example",
    })
    void wildcardNeedsAtLeastTwoLabelsAfterIt(String presented, String host) {
        assertThat(matches(withDnsNames(presented), host), is(false));
    }

    @Test
    void wildcardWithAnEmptyLabelNeverMatches() {
        assertThat(HostnameVerifier.matchesDnsName("*.example..com", "a.example..com"), is(false));
    }

    // --- the common name is not used (RFC 9525) ---

    @Test
    void rejectsCertificateWithOnlyACommonName() {
        X509Certificate cnOnly = pki.leaf("www.example.com").build().certificate();

        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> HostnameVerifier.verify(cnOnly, ReferenceIdentity.parse("www.example.com")));
        assertThat(e.alert(), is(AlertDescription.BAD_CERTIFICATE));
        assertThat(e.getMessage(), containsString("no subjectAltName"));
    }

    @Test
    void ignoresTheCommonNameWhenSubjectAltNamesExist() {
        X509Certificate certificate = pki.leaf("www.example.com").dnsNames("other.example.com").build().certificate();

        assertThat(matches(certificate, "www.example.com"), is(false));
    }

    @Test
    void ignoresOtherKindsOfSubjectAltName() {
        X509Certificate emailOnly = pki.leaf("mail").emailAddresses("www.example.com").build().certificate();

        assertThat(matches(emailOnly, "www.example.com"), is(false));
    }

    // --- IP addresses ---

    @Test
    void matchesIpv4AddressAgainstIpAddressEntry() throws TlsAlertException {
        X509Certificate certificate = pki.leaf("ip").ipAddresses("192.0.2.7").build().certificate();

        HostnameVerifier.verify(certificate, ReferenceIdentity.parse("192.0.2.7"));
        assertThat(matches(certificate, "192.0.2.8"), is(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1", "2001:DB8:0:0:0:0:0:1", "[2001:db8::1]", "2001:0db8:0000::0001"})
    void matchesIpv6AddressWrittenInAnyForm(String host) {
        X509Certificate certificate = pki.leaf("ip6").ipAddresses("2001:db8::1").build().certificate();

        assertThat(matches(certificate, host), is(true));
    }

    @Test
    void rejectsDifferentIpv6Address() {
        X509Certificate certificate = pki.leaf("ip6").ipAddresses("2001:db8::1").build().certificate();

        assertThat(matches(certificate, "2001:db8::2"), is(false));
        assertThat(matches(certificate, "::1"), is(false));
    }

    @Test
    void doesNotMatchIpv4AddressAgainstItsIpv4MappedIpv6Form() {
        X509Certificate mapped = pki.leaf("mapped").ipAddressBytes(new byte[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 7}).build().certificate();

        assertThat(matches(mapped, "192.0.2.7"), is(false));
        assertThat(matches(mapped, "::ffff:192.0.2.7"), is(true));
    }

    @Test
    void doesNotMatchIpAddressAgainstDnsNameEntryWithTheSameText() {
        X509Certificate textual = withDnsNames("192.0.2.7");

        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> HostnameVerifier.verify(textual, ReferenceIdentity.parse("192.0.2.7")));
        assertThat(e.alert(), is(AlertDescription.BAD_CERTIFICATE));
    }

    @Test
    void doesNotMatchDnsNameAgainstIpAddressEntries() {
        X509Certificate ipOnly = pki.leaf("ip").ipAddresses("127.0.0.1").build().certificate();

        assertThat(matches(ipOnly, "localhost"), is(false));
    }

    @Test
    void matchesMixedCertificateByEitherKind() {
        Issued mixed = pki.leaf("localhost").dnsNames("localhost").ipAddresses("127.0.0.1", "::1").build();

        assertThat(matches(mixed.certificate(), "localhost"), is(true));
        assertThat(matches(mixed.certificate(), "127.0.0.1"), is(true));
        assertThat(matches(mixed.certificate(), "::1"), is(true));
        assertThat(matches(mixed.certificate(), "127.0.0.2"), is(false));
    }

    @Test
    void describesIpAddressesInMismatchReason() {
        X509Certificate certificate = pki.leaf("ip6").ipAddresses("2001:db8::1", "10.0.0.1").build().certificate();

        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> HostnameVerifier.verify(certificate, ReferenceIdentity.parse("2001:db8::2")));
        assertThat(e.getMessage(), containsString("IP:2001:db8::1"));
        assertThat(e.getMessage(), containsString("IP:10.0.0.1"));
        assertThat(e.getMessage(), containsString("not 2001:db8::2"));
    }
}
