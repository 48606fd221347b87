#!/usr/bin/env bash
# TEST HARNESS layer of the kiosk image (scripts/kiosk-image.sh --test-harness): what the boot test
# needs to drive the VM from outside, laid into the root file system ROOT. Never in production.
#   - helpstation-harness-shell.service: a root shell on the second serial port (ttyS1), one command
#     per line (tests/vm/boot_test.py frames each with an end marker);
#   - helpstation-harness-touch.service: a real multi-touch screen made with uinput
#     (helpstation-harness-touch, built by CMake from touch.c), commands on a FIFO;
#   - the topic .debs in /usr/local/lib/helpstation-harness/debs (the test removes one topic package
#     and installs it again while the kiosk runs; the VM has no network);
#   - the kernel's messages on the first serial port (console=ttyS0 added to /etc/kernel/cmdline,
#     which the disk's loader entry is made from): the test keeps them as the boot log;
#   - /etc/helpstation-test-harness: says so on the image itself.
# TOUCH_EXE (environment) is the built helpstation-harness-touch; SCREEN is WIDTHxHEIGHT; DEBS the
# folder of the project's .debs.
set -euo pipefail
root="$1"
here="$(cd "$(dirname "$0")" && pwd)"
: "${TOUCH_EXE:?TOUCH_EXE=path of helpstation-harness-touch}"
screen="${SCREEN:-1280x720}"
lib="$root/usr/local/lib/helpstation-harness"
mkdir -p "$lib"
install -m 0755 "$TOUCH_EXE" "$lib/helpstation-harness-touch"
install -m 0755 "$here/serial-shell" "$lib/serial-shell"
mkdir -p "$lib/debs"
cp "${DEBS:?DEBS=folder of the project .debs}"/helpstation-topic-*.deb "$lib/debs/"
cat > "$root/etc/systemd/system/helpstation-harness-shell.service" <<UNIT
[Unit]
Description=TEST HARNESS: root shell on ttyS1 for the boot test (not in production images)
After=systemd-remount-fs.service

[Service]
ExecStart=/usr/local/lib/helpstation-harness/serial-shell /dev/ttyS1
Restart=always
RestartSec=1

[Install]
WantedBy=multi-user.target
UNIT
cat > "$root/etc/systemd/system/helpstation-harness-touch.service" <<UNIT
[Unit]
Description=TEST HARNESS: uinput multi-touch screen for the boot test (not in production images)
Before=helpstation-kiosk.service
After=systemd-udevd.service

[Service]
ExecStartPre=/sbin/modprobe uinput
ExecStart=/usr/local/lib/helpstation-harness/helpstation-harness-touch ${screen%x*} ${screen#*x} /run/helpstation-harness-touch
Restart=always

[Install]
WantedBy=multi-user.target
UNIT
mkdir -p "$root/etc/systemd/system/multi-user.target.wants"
ln -sf /etc/systemd/system/helpstation-harness-shell.service "$root/etc/systemd/system/multi-user.target.wants/"
ln -sf /etc/systemd/system/helpstation-harness-touch.service "$root/etc/systemd/system/multi-user.target.wants/"
sed -i '1 s/$/ console=ttyS0/' "$root/etc/kernel/cmdline"
echo "TEST IMAGE: the boot test's harness is installed (root shell on ttyS1). Never deploy it." > "$root/etc/helpstation-test-harness"
