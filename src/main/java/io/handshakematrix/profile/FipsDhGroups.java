package io.handshakematrix.profile;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.params.DHParameters;

/**
 * The DH groups a FIPS-mode RHEL 8/9/10 stack accepts (docs/stacks.md policy table: "named groups only (ffdhe/modp
 * 2048-8192)"): NIST SP 800-56A rev3 Appendix D, i.e. RFC 3526 groups 14-18 and the RFC 7919 ffdhe groups, each with
 * g = 2. Red Hat's RHEL 8.3 release notes ("OpenSSL in FIPS mode accepts only specific D-H parameters"): "groups
 * 14, 15, 16, 17, and 18 defined in RFC 3526 and ... groups defined in RFC 7919"; a manually generated group
 * (openssl dhparam) is none of them.
 */
public final class FipsDhGroups {
    private static final List<DHParameters> RFC3526 = List.of(DHStandardGroups.rfc3526_2048,
            DHStandardGroups.rfc3526_3072, DHStandardGroups.rfc3526_4096, DHStandardGroups.rfc3526_6144,
            DHStandardGroups.rfc3526_8192);
    private static final Set<BigInteger> PRIMES = Stream.concat(RFC3526.stream(), Stream.of(
            DHStandardGroups.rfc7919_ffdhe2048, DHStandardGroups.rfc7919_ffdhe3072, DHStandardGroups.rfc7919_ffdhe4096,
            DHStandardGroups.rfc7919_ffdhe6144, DHStandardGroups.rfc7919_ffdhe8192))
            .map(DHParameters::getP).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private FipsDhGroups() {}

    /** The RFC 3526 group of {@code bits} bits (g = 2), or null when there is none of that size. */
    public static DHParameters sameSize(int bits) {
        for (DHParameters d : RFC3526) {
            if (d.getP().bitLength() == bits) {
                return d;
            }
        }
        return null;
    }

    /** Whether (p, g) is one of the approved named groups. */
    public static boolean approved(BigInteger p, BigInteger g) {
        return PRIMES.contains(p) && BigInteger.TWO.equals(g);
    }
}
