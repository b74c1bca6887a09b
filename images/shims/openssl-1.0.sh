#!/bin/sh
# hm-shim for OpenSSL 1.0.x (RHEL 6.10's 1.0.1e, RHEL 7.7's 1.0.2k): shim protocol v1, see images/README.md.
# The 1.0.x command line differs from 1.1.1's: s_server takes only "-accept PORT" (no address: it binds every
# interface of its network namespace, so run these images on a user-defined Docker network, not the host's),
# has no -naccept (it serves until killed) and 1.0.1 has no -rev; s_client has no -max_protocol (only
# -no_tls1_2/-no_tls1_1), and neither knows @SECLEVEL or -no_tls1_3 (no TLS 1.3 exists in 1.0.x).
# Receiver: s_server in its echo mode with "GNIP" waiting on stdin (sent once the connection is up; a line
# starting with P, Q, R or S would be an s_server command), killed
# after its first connection closed. Sender: s_client reading its ping from a file.
. /usr/local/lib/hm/common.sh
read_settings "$@"

work=$(mktemp -d "$HM/cell.XXXXXX") || shim_error "cannot make a work directory in $HM"
tool=
feeder=
trap 'kill $tool $feeder 2>/dev/null; rm -rf "$work"' EXIT
trap 'exit 143' TERM INT
watchdog() { ( sleep $(( $(timeout_s) * 2 )); kill "$1" 2>/dev/null ) >/dev/null 2>&1 & }

if [ "$ROLE" = receiver ]; then
  [ -n "$SUITES" ] || shim_error "a receiver needs --suites"
  [ "$PORT" != 0 ] || shim_error "s_server needs a port chosen by the harness (--port 0 is not supported)"
  set -- -accept "$PORT" -cert "$HM/cert.pem" -key "$HM/key.pem" -cipher "$SUITES"
  [ -n "$DH" ] && set -- "$@" -dhparam "$DH"
  # stdin stays open (s_server ends its connection on stdin EOF) and holds the answer to the ping (what -rev would answer).
  mkfifo "$work/in" || shim_error "cannot make a fifo in $work"
  ( printf 'GNIP\n'; exec sleep $(( $(timeout_s) * 2 )) ) >"$work/in" &
  feeder=$!
  openssl s_server "$@" <"$work/in" >"$work/out" 2>"$work/err" &
  tool=$!
  if ! await_line "$work/out" '^ACCEPT' "$tool"; then
    why=$(tr '\n' ' ' < "$work/err")
    case $why in *"Address already in use"*|*"in use"*) shim_error "port in use: $why" ;; esac
    shim_error "s_server did not start: $why"
  fi
  printf '{"event":"listening","port":%s}\n' "$PORT"
  # No -naccept in 1.0.x: its first connection is over when it says so (or failed).
  n=0 limit=$(( $(timeout_s) * 100 ))
  until cat "$work/out" "$work/err" 2>/dev/null | grep -q -e '^CONNECTION CLOSED' -e '^ERROR'; do
    kill -0 "$tool" 2>/dev/null || break
    n=$((n + 1)); [ $n -le $limit ] || break
    sleep 0.02
  done
  sleep 0.05  # the error lines follow ERROR
  kill "$tool" "$feeder" 2>/dev/null; tool=
  # 1.0.x prints "CIPHER is X" (the stand-in's OpenSSL 3.0 does not); the echoed ping proves completion.
  suite=$(sed -n -e 's/^CIPHER is //p' "$work/out" | head -n1)
  proto= bits= rc=1
  grep -q '^PING' "$work/out" && ! grep -q '^ERROR' "$work/out" "$work/err" && rc=0
else
  set -- -connect "$HOST:$PORT" -servername localhost
  case $PROTOCOL in
    TLSv1.2) ;;
    TLSv1.1) set -- "$@" -no_tls1_2 ;;
    TLSv1) set -- "$@" -no_tls1_2 -no_tls1_1 ;;
    *) unsupported "OpenSSL 1.0.x offers TLSv1, TLSv1.1 and TLSv1.2 only, not $PROTOCOL" ;;
  esac
  [ -n "$SUITES" ] && set -- "$@" -cipher "$SUITES"
  openssl s_client "$@" <"$HM/ping" >"$work/out" 2>"$work/err" &
  tool=$!
  watchdog "$tool"
  wait "$tool"; rc=$?; tool=
  suite=$(sed -n 's/^ *Cipher *: //p' "$work/out" | head -n1)
  proto=$(sed -n 's/^ *Protocol *: //p' "$work/out" | head -n1)
  bits=$(sed -n 's/^Server Temp Key: DH, \([0-9]*\) bits.*/\1/p' "$work/out" | head -n1)
fi
case $suite in 0000|"(NONE)") suite= ;; esac
completed=false
[ "$rc" = 0 ] && { [ -n "$suite" ] || [ "$ROLE" = receiver ]; } && completed=true
openssl_errors "$work/out" "$work/err" | done_answer "$completed" "$proto" "$suite" "$bits"
[ "$completed" = true ]
