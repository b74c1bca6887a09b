#!/bin/sh
# Speaks the shim protocol wrongly on purpose: ready, then "listening" as plain text, then a non-JSON answer.
if [ $# -eq 0 ] || [ "$1" = --idle ]; then echo '{"event":"ready","shim":1}'; exec sleep infinity; fi
case " $* " in
  *" receiver "*) echo 'listening on the port, trust me' ;;
  *) echo 'handshake went fine {"event":"done"' ;;
esac
