#!/usr/bin/env bash
# Runs the hostile suite again as an unprivileged user: the kiosk runs as an ordinary account, and
# root hides what an ordinary user meets (RLIMIT_NPROC is not enforced for root, and root may read
# and write everything Landlock does not forbid).
#   run-unprivileged.sh HOSTILE_TESTS HELPSTATION HELPSTATION_PROBE PLUGIN_DIR
# As root: copies everything into a world-readable temporary folder (a clone under a 0700 home is
# out of reach of another uid) and runs it as `nobody` with setpriv. As any other user: that user
# is already unprivileged, and the suite runs as it is.
set -euo pipefail
tests=$1 viewer=$2 probe=$3 plugins=$4

if [ "$(id -u)" != 0 ]; then
  echo "hostile suite as $(id -un) (uid $(id -u)): already unprivileged"
  exec "$tests"
fi

user=nobody
uid=$(id -u "$user")
work=$(mktemp -d /tmp/helpstation-unprivileged-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/plugins"
cp "$tests" "$viewer" "$probe" "$work/bin/"
cp "$plugins"/*.so "$work/plugins/"
chmod -R a+rX "$work"
# The kiosk refuses plugins others may write: the files stay root's, which the rule accepts.
echo "hostile suite as $user (uid $uid) from $work"
exec setpriv --reuid="$uid" --regid="$(id -g "$user")" --clear-groups --inh-caps=-all \
  env -i PATH=/usr/bin:/bin HOME="$work" \
  HS_HOSTILE_VIEWER="$work/bin/$(basename "$viewer")" \
  HS_HOSTILE_PROBE="$work/bin/$(basename "$probe")" \
  HS_HOSTILE_PLUGINS="$work/plugins" \
  "$work/bin/$(basename "$tests")"
