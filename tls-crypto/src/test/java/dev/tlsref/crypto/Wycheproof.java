package dev.tlsref.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads Wycheproof vector files (C2SP/wycheproof, testvectors_v1, Apache-2.0) from
 * {@code src/test/resources/wycheproof}; see the README there for their source.
 */
final class Wycheproof {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private Wycheproof() {}

    /** One test case with its group, so a test sees the group's keys and parameters. */
    record Case(String file, JsonNode group, JsonNode test) {
        int tcId() {
            return test.get("tcId").asInt();
        }

        String result() {
            return test.get("result").asText();
        }

        boolean isValid() {
            return "valid".equals(result());
        }

        boolean isInvalid() {
            return "invalid".equals(result());
        }

        boolean hasFlag(String flag) {
            for (JsonNode f : test.path("flags")) {
                if (f.asText().equals(flag)) {
                    return true;
                }
            }
            return false;
        }

        /** A hex field of the test case. */
        byte[] bytes(String field) {
            return HEX.parseHex(test.get(field).asText());
        }

        /** A hex field of the group. */
        byte[] groupBytes(String field) {
            return HEX.parseHex(group.get(field).asText());
        }

        /** A DER key of the group (X.509 {@code publicKeyDer}) as a JDK public key. */
        PublicKey groupPublicKey(String field, String keyAlgorithm) throws GeneralSecurityException {
            return KeyFactory.getInstance(keyAlgorithm).generatePublic(new X509EncodedKeySpec(groupBytes(field)));
        }

        /** A PKCS#8 key of the group ({@code privateKeyPkcs8}) as a JDK private key. */
        PrivateKey groupPrivateKey(String field, String keyAlgorithm) throws GeneralSecurityException {
            return KeyFactory.getInstance(keyAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(groupBytes(field)));
        }

        @Override
        public String toString() {
            return file + " tcId " + tcId() + " (" + result() + ") " + test.path("comment").asText();
        }
    }

    /** Every test case of a file, in file order. */
    static List<Case> cases(String file) {
        JsonNode root = load(file);
        List<Case> cases = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                cases.add(new Case(file, group, test));
            }
        }
        if (cases.size() != root.get("numberOfTests").asInt()) {
            throw new IllegalStateException(file + ": read " + cases.size() + " tests, header says "
                    + root.get("numberOfTests").asInt());
        }
        return cases;
    }

    private static JsonNode load(String file) {
        try (InputStream in = Wycheproof.class.getResourceAsStream("/wycheproof/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource wycheproof/" + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
