package dev.tlsref.crypto;

/**
 * An AEAD open failed: the tag did not verify or the input was shorter than a tag.
 * TLS turns this into a {@code bad_record_mac} alert (RFC 8446 §5.2).
 */
public final class AeadTagException extends CryptoException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what was wrong. */
    public AeadTagException(String message) {
        super(message);
    }
}
