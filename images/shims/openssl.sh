#!/bin/sh
# hm-shim for OpenSSL 1.1.1 and 3.0 (s_server / s_client): shim protocol v1, see images/README.md.
# Receiver: s_server in -rev mode (answers the sender's ping line reversed), one connection, no TLS 1.3.
# Sender: s_client reading its ping from a file, so it closes once the handshake and the ping are done.
# Stack settings: --security-level N (appended to the cipher list as @SECLEVEL=N; Debian's default is 2);
# --openssl-conf FILE (a crypto policy's generated openssl.cnf, read through OPENSSL_CONF as RHEL's
# /etc/crypto-policies/back-ends/opensslcnf.config is: its CipherString, SECLEVEL, protocols, signature algorithms
# and groups become the tool's defaults; a sender then sends no -cipher, as a host's s_client does).
. /usr/local/lib/hm/common.sh
EXTRA_KEYS="security-level openssl-conf"
X_security_level=
X_openssl_conf=
read_settings "$@"
if [ -n "$X_openssl_conf" ]; then
  [ -r "$X_openssl_conf" ] || shim_error "--openssl-conf $X_openssl_conf is not a readable file"
  OPENSSL_CONF=$X_openssl_conf
  export OPENSSL_CONF
fi

cipher_arg() { printf '%s%s' "$SUITES" "${X_security_level:+@SECLEVEL=$X_security_level}"; }
work=$(mktemp -d "$HM/cell.XXXXXX") || shim_error "cannot make a work directory in $HM"
tool=
trap '[ -n "$tool" ] && kill "$tool" 2>/dev/null; rm -rf "$work"' EXIT
trap 'exit 143' TERM INT
# The tool's own deadline, in case nobody connects or answers (the engine also kills this shim).
watchdog() { ( sleep $(( $(timeout_s) * 2 )); kill "$1" 2>/dev/null ) >/dev/null 2>&1 & }

if [ "$ROLE" = receiver ]; then
  [ -n "$SUITES" ] || shim_error "a receiver needs --suites"
  [ "$PORT" != 0 ] || shim_error "s_server needs a port chosen by the harness (--port 0 is not supported)"
  set -- -accept "$HOST:$PORT" -naccept 1 -rev -cert "$HM/cert.pem" -key "$HM/key.pem" -no_tls1_3 -cipher "$(cipher_arg)"
  # Without a group (no DHE suite enabled) no DH at all: 1.1.1's s_server would otherwise try to read DH parameters
  # from the certificate file and print a PEM error line that is no part of the handshake.
  if [ -n "$DH" ]; then set -- "$@" -dhparam "$DH"; else set -- "$@" -no_dhe; fi
  openssl s_server "$@" </dev/null >"$work/out" 2>"$work/err" &
  tool=$!
  if ! await_line "$work/out" '^ACCEPT' "$tool"; then
    why=$(tr '\n' ' ' < "$work/err")
    case $why in *"Address already in use"*) shim_error "port in use: $why" ;; esac
    # The stack itself refused its settings at start (a DH group under its security level: 'Error setting temp
    # DH parameters' and its 'dh key too small' line): the receiver's verdict, not a shim failure. It answers
    # done without listening; the harness's relay then has no receiver behind it, as a product whose server died.
    if ! running "$tool" && [ -n "$(openssl_errors "$work/err")" ]; then
      tool=
      openssl_errors "$work/err" | done_answer false "" "" ""
      exit 1
    fi
    shim_error "s_server did not start: $why"
  fi
  printf '{"event":"listening","port":%s}\n' "$PORT"
  watchdog "$tool"
  wait "$tool"; rc=$?; tool=
  suite=$(sed -n -e 's/^Ciphersuite: //p' -e 's/^CIPHER is //p' "$work/out" "$work/err" | head -n1)
  proto=$(sed -n 's/^Protocol version: //p' "$work/out" "$work/err" | head -n1)
  bits=
else
  set -- -connect "$HOST:$PORT" -servername localhost -max_protocol "$PROTOCOL"
  [ -n "$SUITES" ] && set -- "$@" -cipher "$(cipher_arg)"
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
[ "$rc" = 0 ] && [ -n "$suite" ] && completed=true
openssl_errors "$work/err" | done_answer "$completed" "$proto" "$suite" "$bits"
[ "$completed" = true ]
