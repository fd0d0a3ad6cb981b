package dev.tlsref.handshake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsref.core.CipherSuite;
import dev.tlsref.core.NamedGroup;
import dev.tlsref.crypto.CryptoProviders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TlsConfig.Builder.build() refuses groups and suites its crypto provider cannot do. */
class TlsConfigCryptoValidationTest {

    @Test
    void refusesAGroupTheJcaProviderCannotDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder()
                .crypto(CryptoProviders.jca())
                .groups(List.of(NamedGroup.X25519, NamedGroup.X25519MLKEM768))
                .build());
        assertThat(e.getMessage(), containsString("group X25519MLKEM768"));
        assertThat(e.getMessage(), containsString("jca"));
    }

    @Test
    void refusesACcmSuiteTheJcaProviderCannotDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder()
                .crypto(CryptoProviders.jca())
                .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_128_CCM_SHA256))
                .build());
        assertThat(e.getMessage(), containsString("cipher suite TLS_AES_128_CCM_SHA256"));
        assertThat(e.getMessage(), containsString("jca"));
    }

    @Test
    void refusesWhenTheProviderIsChosenAfterTheGroups() {
        // The check is in build(), so the order of the setters does not matter.
        TlsConfig.Builder builder = TlsConfig.builder().groups(List.of(NamedGroup.X25519MLKEM768))
                .crypto(CryptoProviders.jca());
        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void refusesACopyThatSwitchesToAProviderThatCannotDoItsGroups() {
        TlsConfig hybrid = TlsConfig.builder().crypto(CryptoProviders.bc())
                .groups(List.of(NamedGroup.X25519MLKEM768)).build();
        assertThrows(IllegalArgumentException.class, () -> hybrid.toBuilder().crypto(CryptoProviders.jca()).build());
    }

    @Test
    void acceptsTheHybridGroupAndCcmSuitesWithProvidersThatCanDoThem() {
        for (var crypto : List.of(CryptoProviders.bc(), CryptoProviders.preferred())) {
            TlsConfig config = TlsConfig.builder().crypto(crypto)
                    .groups(List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519))
                    .cipherSuites(List.of(CipherSuite.TLS_AES_128_CCM_SHA256, CipherSuite.TLS_AES_128_CCM_8_SHA256,
                            CipherSuite.TLS_AES_128_GCM_SHA256))
                    .build();
            assertThat(config.groups().get(0), equalTo(NamedGroup.X25519MLKEM768));
        }
    }

    @Test
    void acceptsTheDefaultsWithEveryProvider() {
        for (var crypto : List.of(CryptoProviders.jca(), CryptoProviders.bc(), CryptoProviders.preferred())) {
            TlsConfig config = TlsConfig.builder().crypto(crypto).build();
            assertThat(config.groups(), equalTo(TlsConfig.DEFAULT_GROUPS));
        }
    }
}
