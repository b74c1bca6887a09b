#!/usr/bin/env bash
# Builds the offline stack images (handshake-matrix/debian-11, handshake-matrix/debian-12) with no registry:
# debootstrap a minbase root filesystem from the Debian mirror apt uses here, trim it, tar it, and
# `docker build` a FROM-scratch image on it. An image whose tag exists is left alone (the engine caches it
# between runs), so CI pays the ~35 s debootstrap once per machine.
# Tags: handshake-matrix/debian-11:bullseye, handshake-matrix/debian-12:bookworm (pinned by suite, never latest).
# Usage: images/build.sh [debian-11|debian-12 ...]   (default: both). Needs root, debootstrap, docker.
# Only these two bases: the image folders of images/index.txt are built FROM them by `handshake-matrix images`,
# and the rhel-* folders (CentOS vault, UBI 8/9/10 bases) need a registry, so neither script builds those here.
set -euo pipefail
cd "$(dirname "$0")"

declare -A SUITE=([debian-11]=bullseye [debian-12]=bookworm)
TAG_PREFIX=handshake-matrix

# The mirror apt already uses (deb822 "URIs:" or one-line "deb URL suite"), so no new host is contacted.
mirror() {
  local uri
  uri=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
        | grep -oE 'https?://[^ ]*/debian/?' | grep -v security | head -n1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

build_one() {
  local name=$1 suite=${SUITE[$1]:?unknown image $1 (known: ${!SUITE[*]})}
  local tag="$TAG_PREFIX/$name:$suite"
  if docker image inspect "$tag" >/dev/null 2>&1; then
    echo "image $tag exists: not rebuilt (image build time 0 s)"
    return
  fi
  local start=$SECONDS root
  root=$(mktemp -d "/tmp/hm-rootfs-$name.XXXXXX")
  debootstrap --variant=minbase --include=openssl,gnutls-bin,ca-certificates "$suite" "$root" "$(mirror)" >"$name/debootstrap.log" 2>&1 \
    || { tail -n 20 "$name/debootstrap.log" >&2; exit 1; }
  # Trim what a handshake never reads: apt caches and lists, docs, man pages, locales.
  rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
         "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/*
  tar -C "$root" -cf "$name/rootfs.tar" .
  rm -rf "$root"
  # The build time travels with the image, so a run can report it (ContainerEngine prints it).
  docker build -q --label "io.handshakematrix.build-seconds=$((SECONDS - start))" -t "$tag" "$name"
  rm -f "$name/rootfs.tar"
  echo "image $tag built in $((SECONDS - start)) s"
}

for name in "${@:-debian-11 debian-12}"; do
  for n in $name; do build_one "$n"; done
done
