package io.handshakematrix.profile;

/**
 * A crypto-policies subpolicy module ({@code .pmod}): what it changes in TLS, with its source. A module that
 * changes nothing in TLS (AD-SUPPORT: Kerberos encryption types only) has every field null.
 * {@code sha1Signatures}: SHA-1 in TLS signatures turned on (SHA1) or off (NO-SHA1); null leaves the level's.
 */
public record PolicyModule(String name, String source, Boolean sha1Signatures) {
}
