package dev.tlsref.crypto;

import java.math.BigInteger;

/**
 * The finite-field Diffie-Hellman groups of RFC 7919 Appendix A that TLS names in
 * supported_groups: safe primes {@code p} (so {@code (p-1)/2} is prime too) with generator 2.
 *
 * <p>Each prime has the form {@code p = 2^b - 2^{b-64} + {[2^{b-130} e] + X} * 2^64 - 1}: its
 * top and bottom 64 bits are all ones and the middle is the binary expansion of Euler's number
 * {@code e}, moved up by the smallest {@code X} that makes {@code p} a safe prime. The test
 * {@code FfdheGroupsTest} recomputes that formula, the primality of {@code p} and {@code (p-1)/2}
 * and compares with BouncyCastle's copy.
 */
public final class FfdheGroups {
    private static final BigInteger GENERATOR = BigInteger.TWO;

    /** RFC 7919 Appendix A.1, ffdhe2048 (X = 560316). */
    public static final DhParameters FFDHE2048 = group(
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
            + "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
            + "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
            + "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
            + "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
            + "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
            + "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
            + "C58EF1837D1683B2C6F34A26C1B2EFFA886B423861285C97FFFFFFFFFFFFFFFF");

    /** RFC 7919 Appendix A.2, ffdhe3072 (X = 2625351). */
    public static final DhParameters FFDHE3072 = group(
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
            + "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
            + "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
            + "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
            + "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
            + "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
            + "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
            + "C58EF1837D1683B2C6F34A26C1B2EFFA886B4238611FCFDCDE355B3B6519035B"
            + "BC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C"
            + "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF"
            + "5CAE82AB9C9DF69EE86D2BC522363A0DABC521979B0DEADA1DBF9A42D5C4484E"
            + "0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B66C62E37FFFFFFFFFFFFFFFF");

    /** RFC 7919 Appendix A.3, ffdhe4096 (X = 5736041). */
    public static final DhParameters FFDHE4096 = group(
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
            + "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
            + "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
            + "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
            + "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
            + "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
            + "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
            + "C58EF1837D1683B2C6F34A26C1B2EFFA886B4238611FCFDCDE355B3B6519035B"
            + "BC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C"
            + "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF"
            + "5CAE82AB9C9DF69EE86D2BC522363A0DABC521979B0DEADA1DBF9A42D5C4484E"
            + "0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B669E1EF16E6F52C3164DF4FB"
            + "7930E9E4E58857B6AC7D5F42D69F6D187763CF1D5503400487F55BA57E31CC7A"
            + "7135C886EFB4318AED6A1E012D9E6832A907600A918130C46DC778F971AD0038"
            + "092999A333CB8B7A1A1DB93D7140003C2A4ECEA9F98D0ACC0A8291CDCEC97DCF"
            + "8EC9B55A7F88A46B4DB5A851F44182E1C68A007E5E655F6AFFFFFFFFFFFFFFFF");

    private FfdheGroups() {}

    /**
     * The parameters of a finite-field named group.
     *
     * @throws IllegalArgumentException if {@code algorithm} is not one of the FFDHE groups
     */
    public static DhParameters parameters(KeyExchangeAlgorithm algorithm) {
        switch (algorithm) {
            case FFDHE2048:
                return FFDHE2048;
            case FFDHE3072:
                return FFDHE3072;
            case FFDHE4096:
                return FFDHE4096;
            default:
                throw new IllegalArgumentException(algorithm + " is not a finite-field DH group");
        }
    }

    /**
     * The private exponent size, in bits, that RFC 7919 Appendix A suggests for peers that use a
     * short exponent (Section 5.2): about twice the group's symmetric-equivalent strength (225,
     * 275 and 325 bits for 2048, 3072 and 4096-bit groups). Because the group is a safe prime,
     * such an exponent is as strong as a full-size one against the known attacks.
     *
     * @throws IllegalArgumentException if {@code algorithm} is not one of the FFDHE groups
     */
    public static int shortExponentBits(KeyExchangeAlgorithm algorithm) {
        switch (algorithm) {
            case FFDHE2048:
                return 225;
            case FFDHE3072:
                return 275;
            case FFDHE4096:
                return 325;
            default:
                throw new IllegalArgumentException(algorithm + " is not a finite-field DH group");
        }
    }

    private static DhParameters group(String hex) {
        return new DhParameters(new BigInteger(hex, 16), GENERATOR);
    }
}
