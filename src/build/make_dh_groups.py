#!/usr/bin/env python3
"""Writes the shipped DH groups (src/main/resources/dh/*.pem) once; never run by the build.

Run from the repository root: python3 src/build/make_dh_groups.py PATH_TO_512_BIT_PEM
- 256: a safe prime found by a seeded search (seed below), since OpenSSL 3 refuses to make one.
- 512: a safe prime made by `openssl dhparam 512` (given as argument), kept as shipped.
- 768, 1024: RFC 2409 groups 1 and 2; 2048, 4096: RFC 3526 groups 14 and 16.
- 2048-dhparam: a safe prime made once by `openssl dhparam 2048`, kept as shipped (not written here): a group of
  one's own that FIPS mode refuses (only named groups), whatever its size.
- Bad groups: 256-g1 (g=1), 256-g-pm1 and 1024-g-pm1 (g=p-1), 1024-composite (the first odd
  composite above the RFC 2409 1024-bit prime), 1024-even (that prime + 1).
DhGroupsTest re-checks primality, safety and bit lengths of every file.
"""
import base64, random, re, subprocess, sys

def is_prime(n, k=40):
    if n < 2: return False
    for p in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]:
        if n % p == 0: return n == p
    d, s = n - 1, 0
    while d % 2 == 0: d //= 2; s += 1
    rnd = random.Random(12345)
    for _ in range(k):
        x = pow(rnd.randrange(2, n - 1), d, n)
        if x in (1, n - 1): continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1: break
        else: return False
    return True

def h(s): return int("".join(s.split()), 16)

def safe_prime_256(seed=20261127):
    rnd = random.Random(seed)
    while True:
        q = rnd.getrandbits(255) | (1 << 254) | 1
        p = 2 * q + 1
        if p.bit_length() == 256 and is_prime(q) and is_prime(p): return p

RFC2409_768 = h("""FFFFFFFF FFFFFFFF C90FDAA2 2168C234 C4C6628B 80DC1CD1 29024E08 8A67CC74 020BBEA6 3B139B22
 514A0879 8E3404DD EF9519B3 CD3A431B 302B0A6D F25F1437 4FE1356D 6D51C245 E485B576 625E7EC6 F44C42E9 A63A3620
 FFFFFFFF FFFFFFFF""")
RFC2409_1024 = h("""FFFFFFFF FFFFFFFF C90FDAA2 2168C234 C4C6628B 80DC1CD1 29024E08 8A67CC74 020BBEA6 3B139B22
 514A0879 8E3404DD EF9519B3 CD3A431B 302B0A6D F25F1437 4FE1356D 6D51C245 E485B576 625E7EC6 F44C42E9 A637ED6B
 0BFF5CB6 F406B7ED EE386BFB 5A899FA5 AE9F2411 7C4B1FE6 49286651 ECE65381 FFFFFFFF FFFFFFFF""")
RFC3526_2048 = h("""FFFFFFFF FFFFFFFF C90FDAA2 2168C234 C4C6628B 80DC1CD1 29024E08 8A67CC74 020BBEA6 3B139B22
 514A0879 8E3404DD EF9519B3 CD3A431B 302B0A6D F25F1437 4FE1356D 6D51C245 E485B576 625E7EC6 F44C42E9 A637ED6B
 0BFF5CB6 F406B7ED EE386BFB 5A899FA5 AE9F2411 7C4B1FE6 49286651 ECE45B3D C2007CB8 A163BF05 98DA4836 1C55D39A
 69163FA8 FD24CF5F 83655D23 DCA3AD96 1C62F356 208552BB 9ED52907 7096966D 670C354E 4ABC9804 F1746C08 CA18217C
 32905E46 2E36CE3B E39E772C 180E8603 9B2783A2 EC07A28F B5C55DF0 6F4C52C9 DE2BCBF6 95581718 3995497C EA956AE5
 15D22618 98FA0510 15728E5A 8AACAA68 FFFFFFFF FFFFFFFF""")
RFC3526_4096 = h("""FFFFFFFF FFFFFFFF C90FDAA2 2168C234 C4C6628B 80DC1CD1 29024E08 8A67CC74 020BBEA6 3B139B22
 514A0879 8E3404DD EF9519B3 CD3A431B 302B0A6D F25F1437 4FE1356D 6D51C245 E485B576 625E7EC6 F44C42E9 A637ED6B
 0BFF5CB6 F406B7ED EE386BFB 5A899FA5 AE9F2411 7C4B1FE6 49286651 ECE45B3D C2007CB8 A163BF05 98DA4836 1C55D39A
 69163FA8 FD24CF5F 83655D23 DCA3AD96 1C62F356 208552BB 9ED52907 7096966D 670C354E 4ABC9804 F1746C08 CA18217C
 32905E46 2E36CE3B E39E772C 180E8603 9B2783A2 EC07A28F B5C55DF0 6F4C52C9 DE2BCBF6 95581718 3995497C EA956AE5
 15D22618 98FA0510 15728E5A 8AAAC42D AD33170D 04507A33 A85521AB DF1CBA64 ECFB8504 58DBEF0A 8AEA7157 5D060C7D
 B3970F85 A6E1E4C7 ABF5AE8C DB0933D7 1E8C94E0 4A25619D CEE3D226 1AD2EE6B F12FFA06 D98A0864 D8760273 3EC86A64
 521F2B18 177B200C BBE11757 7A615D6C 770988C0 BAD946E2 08E24FA0 74E5AB31 43DB5BFC E0FD108E 4B82D120 A9210801
 1A723C12 A787E6D7 88719A10 BDBA5B26 99C32718 6AF4E23C 1A946834 B6150BDA 2583E9CA 2AD44CE8 DBBBC2DB 04DE8EF9
 2E8EFC14 1FBECAA6 287C5947 4E6BC05D 99B2964F A090C3A2 233BA186 515BE7ED 1F612970 CEE2D7AF B81BDD76 2170481C
 D0069127 D5B05AA9 93B4EA98 8D8FDDC1 86FFB7DC 90A6C08F 4DF435C9 34063199 FFFFFFFF FFFFFFFF""")

def read_p(pem_file):
    text = subprocess.run(["openssl", "dhparam", "-in", pem_file, "-noout", "-text"],
                          capture_output=True, text=True, check=True).stdout
    block = text.split("P:")[1].split("G:")[0]
    return int(re.sub(r"[^0-9a-f]", "", block), 16)

def der_len(n):
    if n < 128: return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b

def der_int(n):
    b = n.to_bytes(n.bit_length() // 8 + 1, "big")  # leading 0x00 keeps it positive
    return b"\x02" + der_len(len(b)) + b

def pem(p, g):
    body = der_int(p) + der_int(g)
    b64 = base64.b64encode(b"\x30" + der_len(len(body)) + body).decode()
    lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
    return "-----BEGIN DH PARAMETERS-----\n" + "\n".join(lines) + "\n-----END DH PARAMETERS-----\n"

def main():
    p256, p512 = safe_prime_256(), read_p(sys.argv[1])
    for p, bits in [(p256, 256), (p512, 512), (RFC2409_768, 768), (RFC2409_1024, 1024),
                    (RFC3526_2048, 2048), (RFC3526_4096, 4096)]:
        assert p.bit_length() == bits and is_prime(p, 8) and is_prime((p - 1) // 2, 8), bits
    comp = RFC2409_1024 + 2
    while is_prime(comp, 8): comp += 2
    groups = {"256": (p256, 2), "512": (p512, 2), "768": (RFC2409_768, 2), "1024": (RFC2409_1024, 2),
              "2048": (RFC3526_2048, 2), "4096": (RFC3526_4096, 2), "256-g1": (p256, 1),
              "256-g-pm1": (p256, p256 - 1), "1024-g-pm1": (RFC2409_1024, RFC2409_1024 - 1),
              "1024-composite": (comp, 2), "1024-even": (RFC2409_1024 + 1, 2)}
    for name, (p, g) in groups.items():
        with open(f"src/main/resources/dh/dh{name}.pem", "w") as f:
            f.write(pem(p, g))

if __name__ == "__main__":
    main()
