package dev.tlsref.crypto;

/**
 * A peer's key exchange value was refused: wrong length, a point not on the curve or not in
 * uncompressed form, a finite-field value outside (1, p-1), an X25519/X448 result of all
 * zeros, or a malformed ML-KEM key or ciphertext. TLS answers with {@code illegal_parameter}
 * (RFC 8446 §4.2.8) or {@code decrypt_error}.
 */
public final class InvalidKeyShareException extends CryptoException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what was wrong. */
    public InvalidKeyShareException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public InvalidKeyShareException(String message, Throwable cause) {
        super(message, cause);
    }
}
