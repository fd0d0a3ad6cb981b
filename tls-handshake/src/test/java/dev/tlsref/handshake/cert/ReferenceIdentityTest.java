package dev.tlsref.handshake.cert;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceIdentityTest {

    @Test
    void normalisesDnsNameToLowerCaseWithoutTrailingDot() {
        assertThat(ReferenceIdentity.parse("WWW.Example.COM."), is(new ReferenceIdentity.DnsName("www.example.com")));
    }

    @Test
    void parsesIpv4Literal() {
        ReferenceIdentity identity = ReferenceIdentity.parse("192.0.2.255");

        assertThat(identity, instanceOf(ReferenceIdentity.IpAddress.class));
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, (byte) 255}, ((ReferenceIdentity.IpAddress) identity).address());
    }

    @ParameterizedTest
    @CsvSource({
        "::, 00000000000000000000000000000000",
        "::1, 00000000000000000000000000000001",
        "1::, 00010000000000000000000000000000",
        "2001:db8::8:800:200c:417a, 20010db8000000000008080020 0c417a",
        "[fe80::1], fe800000000000000000000000000001",
        "::ffff:192.0.2.1, 00000000000000000000ffffc0000201",
        "1:2:3:4:5:6:7:8, 00010002000300040005000600070008",
        "1:2:3:4:5:6:1.2.3.4, 00010002000300040005000601020304",
    })
    void parsesIpv6Literals(String text, String hex) {
        ReferenceIdentity identity = ReferenceIdentity.parse(text);

        assertArrayEquals(bytes(hex.replace(" ", "")), ((ReferenceIdentity.IpAddress) identity).address());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::1", "::1%eth0",
        "1:2:3:4:5:6:7::8", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "::1.2.3", "1.2.3.4::", "[example.com]",
    })
    void rejectsMalformedIpv6Literals(String text) {
        assertThrows(IllegalArgumentException.class, () -> ReferenceIdentity.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..2.3", "1.2.3.4."})
    void rejectsMalformedOrAmbiguousIpv4Literals(String text) {
        assertThrows(IllegalArgumentException.class, () -> ReferenceIdentity.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a..b", "*.example.com", "bücher.example", "exa mple.com", "a/b"})
    void rejectsStringsThatAreNotHostNames(String text) {
        assertThrows(IllegalArgumentException.class, () -> ReferenceIdentity.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
        "00000000000000000000000000000001, ::1",
        "20010db8000000000001000000000001, 2001:db8::1:0:0:1",
        "20010db8000000010000000000000001, 2001:db8:0:1::1",
        "00010000000000000000000000000000, 1::",
        "00010002000300040005000600070008, 1:2:3:4:5:6:7:8",
        "c0000201, 192.0.2.1",
    })
    void formatsAddressesCanonically(String hex, String text) {
        assertThat(IpLiteral.format(bytes(hex)), is(text));
    }

    @Test
    void comparesIpAddressesByValue() {
        assertThat(ReferenceIdentity.parse("::1"), is(ReferenceIdentity.parse("0:0:0:0:0:0:0:1")));
    }

    private static byte[] bytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
