#!/usr/bin/env python3
"""Records the first TLS record a real client sends, as hex (the twins' real ClientHello bytes).

Usage: capture.py OUT.hex "HEADER LINE" -- CLIENT COMMAND ... ({port} in the command is replaced by the port).
Listens on 127.0.0.1 only, on a free port, accepts one connection, reads one record, hangs up, and writes
the header line (as '# ' comments) and the record's hex, 60 digits a line, as the other files here are written.
"""
import socket, subprocess, sys

out, header, cmd = sys.argv[1], sys.argv[2], sys.argv[4:]
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1); srv.settimeout(20)
port = srv.getsockname()[1]
cmd = [c.replace("{port}", str(port)) for c in cmd]
client = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
conn, _ = srv.accept(); conn.settimeout(20)
def read(n):
    b = b""
    while len(b) < n:
        c = conn.recv(n - len(b))
        if not c: raise SystemExit("client closed early")
        b += c
    return b
head = read(5); rec = head + read(int.from_bytes(head[3:5], "big"))
conn.close(); srv.close(); client.kill(); client.wait()
h = rec.hex()
with open(out, "w") as f:
    for line in header.splitlines(): f.write("# " + line + "\n")
    f.write("#   " + " ".join(cmd) + "\n")
    for i in range(0, len(h), 60): f.write(h[i:i + 60] + "\n")
print(out, len(rec), "bytes")
