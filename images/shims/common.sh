# Shim protocol v1 (images/README.md), the parts every shell wrapper shares: reading the settings, writing
# the one JSON answer line, exit codes. Sourced by each tool's wrapper (/usr/local/lib/hm/common.sh).
# POSIX sh + sed only: a minbase image has no jq, python or perl.
SHIM_VERSION=1
HM=/tmp/hm                         # the container's work directory: certificate, key, ping, DH files
ROLE= HOST=127.0.0.1 PORT= PROTOCOL=TLSv1.2 SUITES= DH= MIN_DH_BITS=0 TIMEOUT_MS=10000
EXTRA_KEYS=""                      # stack settings (stacks.yaml) the wrapper declared it takes

# JSON string of $1: backslash and quote escaped, control characters dropped.
json_str() {
  printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' | tr -d '\000-\037')"
}

# JSON array of the lines on stdin.
json_lines() {
  sep=""
  printf '['
  while IFS= read -r line; do
    printf '%s%s' "$sep" "$(json_str "$line")"
    sep=","
  done
  printf ']'
}

# The reserved answer: this stack cannot take the setting. The harness makes the cell `skipped` with the reason.
unsupported() {
  printf '{"event":"unsupported","reason":%s}\n' "$(json_str "$1")"
  exit 89
}

# The shim itself could not do its job (not a stack verdict): the cell is `error`.
shim_error() {
  printf '{"event":"error","reason":%s}\n' "$(json_str "$1")"
  exit 3
}

# done answer: $1 completed (true|false), $2 protocol, $3 suite, $4 dh bits (or empty), stdin: the error lines.
done_answer() {
  p=null; s=null; b=null
  # protocol and suite only of a completed handshake (s_client prints its session block after a failure too)
  [ "$1" = true ] && [ -n "$2" ] && p=$(json_str "$2")
  [ "$1" = true ] && [ -n "$3" ] && s=$(json_str "$3")
  [ -n "$4" ] && b=$4
  printf '{"event":"done","completed":%s,"protocol":%s,"suite":%s,"dh_bits":%s,"errors":%s}\n' \
    "$1" "$p" "$s" "$b" "$(json_lines)"
}

# The container's idle main process: the certificate every receiver serves, the sender's ping, then a
# readiness line the engine waits for (the certificate must exist before the first exec'd receiver).
idle() {
  mkdir -p "$HM" && cd "$HM" || exit 3
  openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 30 -keyout key.pem -out cert.pem \
    >/dev/null 2>&1 || shim_error "openssl req could not make the receiver certificate"
  printf 'PING\n' > ping
  printf '{"event":"ready","shim":%s}\n' "$SHIM_VERSION"
  exec sleep infinity
}

# Reads --name value pairs; a setting the wrapper does not know is `unsupported` (BoGo's "not implemented").
read_settings() {
  { [ $# -eq 0 ] || [ "$1" = --idle ]; } && idle
  while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || shim_error "setting $1 has no value"
    case $1 in
      --role) ROLE=$2 ;;
      --host) HOST=$2 ;;
      --port) PORT=$2 ;;
      --protocol) PROTOCOL=$2 ;;
      --suites) SUITES=$2 ;;
      --dh) DH=$2 ;;
      --min-dh-bits) MIN_DH_BITS=$2 ;;
      --timeout-ms) TIMEOUT_MS=$2 ;;
      *)
        key=${1#--}
        case " $EXTRA_KEYS " in
          *" $key "*) eval "X_$(printf '%s' "$key" | tr '-' '_')=\$2" ;;
          *) unsupported "this stack's shim does not take setting $1" ;;
        esac ;;
    esac
    shift 2
  done
  case $ROLE in sender|receiver) ;; *) shim_error "--role must be sender or receiver, not '$ROLE'" ;; esac
  case $PORT in ''|*[!0-9]*) shim_error "--port must be a number, not '$PORT'" ;; esac
  case $HOST in 127.0.0.1|localhost) ;; *) unsupported "this shim listens and connects on 127.0.0.1 only, not $HOST" ;; esac
  [ "$MIN_DH_BITS" = 0 ] || unsupported "this stack has no MinimumDHBits setting"
}

# Seconds for the tools' own waits, rounded up.
timeout_s() { echo $(( (TIMEOUT_MS + 999) / 1000 )); }

# Whether process $1 still runs: an ended child nobody waited for yet is a zombie, which kill -0 still finds.
running() {
  [ -r "/proc/$1/stat" ] || return 1
  [ "$(sed 's/.*) //' "/proc/$1/stat" | cut -c1)" != Z ]
}

# Waits until file $1 has a line matching $2 or process $3 ended; 0 if the line came.
await_line() {
  n=0 limit=$(( $(timeout_s) * 50 ))
  while ! grep -q "$2" "$1" 2>/dev/null; do
    running "$3" || { grep -q "$2" "$1" 2>/dev/null; return; }
    n=$((n + 1)); [ $n -le $limit ] || return 1
    sleep 0.02
  done
}

# OpenSSL error-queue lines with the thread id in front removed (1.0.x/1.1.1 "140...:error:...",
# 3.0 "40C7...:error:..."), as docs/stacks.md and the profiles quote them.
openssl_errors() {
  sed -n -e 's/^\(error:.*\)$/\1/p' -e 's/^[0-9A-Fa-f]*:\(error:.*\)$/\1/p' "$@" | sed -e 's/[[:space:]]*$//'
}
