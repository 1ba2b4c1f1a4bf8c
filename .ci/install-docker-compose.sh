#!/usr/bin/env bash
# Makes Docker Compose v2 available (`docker compose`, or the standalone `docker-compose` 2.x) on a Debian
# machine, from Debian's own packages. Idempotent: does nothing when Compose v2 is already there.
# Only the CLI is installed, never a Docker engine: `docker compose config` needs none, and that is what
# runtime/src/deploy/dockerCompose.test.ts runs.
#
# Debian 12 (bookworm) has no Compose v2 package: its `docker-compose` is 1.29.2 (Python, v1) and there is
# no `docker-compose-plugin` (that name exists only in Docker's own apt repository). Debian 13 (trixie)'s
# `docker-compose` is v2 (a static Go binary whose only dependency is libc6 >= 2.34, which bookworm has),
# installed as /usr/libexec/docker/cli-plugins/docker-compose with /usr/bin/docker-compose linked to it.
# So: use the configured sources when they offer v2, otherwise fetch that one package from trixie through
# a private apt configuration (the machine's sources stay as they are), and fall back to v1 if that fails.
set -euo pipefail

SUITE="${COMPOSE_FALLBACK_SUITE:-trixie}"
# The Debian mirror this machine already uses (its main archive, not the security one).
configured_mirror() {
  grep -hE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
    grep -oE 'https?://[^ ]+/debian/?' | grep -v security | head -n 1 || true
}
MIRROR="${COMPOSE_FALLBACK_MIRROR:-$(configured_mirror)}"

compose_v2() {
  if docker compose version >/dev/null 2>&1; then
    echo "docker compose $(docker compose version --short)"
  elif command -v docker-compose >/dev/null 2>&1 && docker-compose version --short 2>/dev/null | grep -Eq '^v?2\.'; then
    echo "docker-compose $(docker-compose version --short)"
  else
    return 1
  fi
}

if found="$(compose_v2)"; then
  echo "install-docker-compose: already available: $found"
  exit 0
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo 'install-docker-compose: run as root (or install sudo)' >&2; exit 1; }
  SUDO='sudo'
fi
export DEBIAN_FRONTEND=noninteractive
apt_install() { $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }

$SUDO apt-get update -qq

# 1. The configured sources: Debian 13 and later, or Docker's repository if someone has added it.
candidate="$(apt-cache policy docker-compose 2>/dev/null | awk '/Candidate:/ { print $2 }')"
if [[ "$candidate" == 2.* ]]; then
  apt_install docker-compose
elif [ -n "$(apt-cache policy docker-compose-plugin 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" { print $2 }')" ]; then
  apt_install docker-compose-plugin
else
  # 2. Debian 12: the v2 package from the next release, through a throwaway apt configuration.
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR $SUITE main" >"$tmp/sources.list"
  private=(
    -o "Dir::Etc::SourceList=$tmp/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$tmp/lists" -o "Dir::Cache=$tmp/cache" -o APT::Sandbox::User=root
  )
  fetched=''
  if $SUDO apt-get "${private[@]}" update -qq \
    && version="$(apt-cache "${private[@]}" policy docker-compose | awk '/Candidate:/ { print $2 }')" \
    && [[ "$version" == 2.* ]] \
    && (cd "$tmp" && $SUDO apt-get "${private[@]}" download -qq "docker-compose=$version"); then
    fetched="$(ls "$tmp"/docker-compose_*.deb)"
  fi
  if [ -n "$fetched" ]; then
    # Installed with the machine's own sources, which satisfy its one dependency (libc6).
    apt_install "$fetched"
  else
    # 3. Last resort: Compose v1 from the configured sources (the test accepts `docker-compose` 1.x too).
    echo "install-docker-compose: no Compose v2 from $SUITE; installing Debian's docker-compose $candidate (v1)" >&2
    apt_install docker-compose
  fi
fi

if found="$(compose_v2)"; then
  echo "install-docker-compose: installed: $found"
elif command -v docker-compose >/dev/null 2>&1; then
  echo "install-docker-compose: installed: docker-compose $(docker-compose version --short) (v1)"
else
  echo 'install-docker-compose: Docker Compose is still missing' >&2
  exit 1
fi
