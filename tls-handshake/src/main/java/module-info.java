/**
 * tlsref handshake: key schedules, the TLS 1.3 and TLS 1.2 state machines, certificate
 * validation and the public API.
 */
module dev.tlsref.handshake {
    requires transitive dev.tlsref.core;
}
