/**
 * tlsref core: the TLS wire codec, every handshake message and extension, and the record
 * layer.
 */
module dev.tlsref.core {
    requires transitive dev.tlsref.crypto;

    exports dev.tlsref.core;
    exports dev.tlsref.core.codec;
    exports dev.tlsref.core.extension;
    exports dev.tlsref.core.message;
}
