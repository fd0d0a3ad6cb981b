package dev.tlsref.crypto;

import java.security.GeneralSecurityException;

/** A cryptographic operation refused its input: a bad tag, a bad peer key share, a bad key. */
public class CryptoException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what was wrong. */
    public CryptoException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
