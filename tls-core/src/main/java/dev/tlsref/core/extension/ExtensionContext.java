package dev.tlsref.core.extension;

/**
 * The message an extension block belongs to. Some extensions have a different form per
 * message (key_share: RFC 8446 §4.2.8; supported_versions: §4.2.1; pre_shared_key: §4.2.11).
 */
public enum ExtensionContext {
    CLIENT_HELLO,
    SERVER_HELLO,
    HELLO_RETRY_REQUEST,
    ENCRYPTED_EXTENSIONS,
    CERTIFICATE_ENTRY,
    CERTIFICATE_REQUEST,
    NEW_SESSION_TICKET
}
