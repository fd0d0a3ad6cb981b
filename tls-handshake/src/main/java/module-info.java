/**
 * tlsref handshake: TLS 1.3 and TLS 1.2 key schedules and state machines, certificate
 * validation, sessions and the public connection API.
 */
module dev.tlsref.handshake {
    requires transitive dev.tlsref.core;

    exports dev.tlsref.handshake;
    exports dev.tlsref.handshake.session;
}
