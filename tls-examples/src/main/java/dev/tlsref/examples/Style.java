package dev.tlsref.examples;

/**
 * How the narrative is rendered: ANSI colours on a terminal, plain text when the output is
 * piped or redirected. Alignment is the same in both.
 */
public enum Style {
    /** No escape codes. */
    PLAIN,
    /** ANSI colours and bold. */
    ANSI;

    private static final String RESET = "\u001b[0m";

    /** {@link #ANSI} when this process writes to a terminal ({@code System.console() != null}), else {@link #PLAIN}. */
    public static Style forConsole() {
        return System.console() != null ? ANSI : PLAIN;
    }

    /** A step heading. */
    String heading(String text) {
        return wrap("\u001b[1;36m", text);
    }

    /** A field label. */
    String label(String text) {
        return wrap("\u001b[2m", text);
    }

    /** Something verified or a fact the handshake established. */
    String good(String text) {
        return wrap("\u001b[32m", text);
    }

    /** An explanation of how TLS 1.3 differs. */
    String aside(String text) {
        return wrap("\u001b[33m", text);
    }

    /** A secret. */
    String secret(String text) {
        return wrap("\u001b[35m", text);
    }

    /** A section title. */
    String title(String text) {
        return wrap("\u001b[1;4m", text);
    }

    private String wrap(String code, String text) {
        return this == ANSI ? code + text + RESET : text;
    }
}
