#!/bin/sh
# hm-shim for GnuTLS's gnutls-cli, a sender only: gnutls-serv has no listen-address option and would bind
# every interface, while this harness listens on 127.0.0.1 alone. Shim protocol v1, see images/README.md.
# Stack setting: --priority STRING (the GnuTLS priority string; stacks.yaml forces TLS 1.2 and removes the
# RFC 7919 groups, so that the server's own prime is used).
. /usr/local/lib/hm/common.sh
EXTRA_KEYS="priority"
X_priority=NORMAL
read_settings "$@"
[ "$ROLE" = sender ] || unsupported "gnutls-serv has no listen-address option and would bind every interface; GnuTLS runs as a sender only (127.0.0.1 only)"

work=$(mktemp -d "$HM/cell.XXXXXX") || shim_error "cannot make a work directory in $HM"
tool=
trap '[ -n "$tool" ] && kill "$tool" 2>/dev/null; rm -rf "$work"' EXIT
trap 'exit 143' TERM INT
gnutls-cli --insecure --port "$PORT" --priority "$X_priority" "$HOST" <"$HM/ping" >"$work/out" 2>"$work/err" &
tool=$!
( sleep $(( $(timeout_s) * 2 )); kill "$tool" 2>/dev/null ) >/dev/null 2>&1 &
wait "$tool"; rc=$?; tool=
completed=false
grep -q '^- Handshake was completed' "$work/out" && completed=true
# gnutls-cli prints "- Version: TLS1.2"; its suite names are not OpenSSL's, so the suite is left to the relay.
proto=$(sed -n 's/^- Version: TLS\(1\.[0-3]\)$/TLSv\1/p' "$work/out" | head -n1)
# Its own error lines are the "*** ..." lines (fatal errors, alerts received, handshake failure), in order.
cat "$work/err" "$work/out" | grep '^\*\*\* ' | grep -v -e '^\*\*\* Starting' -e 'PKI verification' \
  | sed -e 's/[[:space:]]*$//' | done_answer "$completed" "$proto" "" ""
[ "$completed" = true ]
