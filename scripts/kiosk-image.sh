#!/usr/bin/env bash
# Builds a bootable Debian 12 kiosk disk from the project's own .debs, in layers:
#
#   1. base        Debian 12 (mmdebstrap, from Debian's archive): systemd, the kernel, and every
#                  package the project's .debs depend on. The slow part (downloads, ~1.3 GB
#                  installed), cached in $CACHE keyed by the hash of its inputs (this script and
#                  the .debs' Depends fields), so a rebuild of the project does not redo it.
#   2. production  the project's .debs installed on the base (dpkg -i: their maintainer scripts make
#                  the kiosk account and enable the kiosk session). This is what a kiosk runs.
#   3. test harness  ONLY with --test-harness DIR: adds what the boot test needs to drive the VM
#                  from outside: a root shell on the second serial port (ttyS1) and a uinput
#                  touch screen (DIR/install.sh lays them in). Never on a production image.
#
# Output in OUT:
#   disk.img     the whole kiosk disk, written as is to the kiosk's disk (README): GPT, an EFI system
#                partition (FAT, made with mtools: systemd-boot as the removable-media loader
#                EFI/BOOT/BOOTX64.EFI, so no firmware boot entry is needed; the kernel, the initrd,
#                a loader entry with no menu and no editor) and the root file system (ext4, label
#                kiosk-root, made with `mke2fs -d`). Boots on any UEFI machine (tested with OVMF).
#   vmlinuz, initrd.img, cmdline  the same kernel, initrd and command line, for qemu -kernel boots
#                (faster than going through the firmware; the boot test uses both).
#
#   bash scripts/kiosk-image.sh --debs build/debs --out build/kiosk-image [--test-harness DIR]
# Needs root (files owned by root in the image) and: mmdebstrap, e2fsprogs, dpkg, mtools,
# dosfstools, fdisk (sfdisk).
set -euo pipefail

DEBS="" OUT="" HARNESS=""
CACHE="${HELPSTATION_IMAGE_CACHE:-/var/cache/helpstation-test}"
ROOT_MB=3072 ESP_MB=256
while [ $# -gt 0 ]; do
  case "$1" in
    --debs) DEBS=$(realpath "$2"); shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --test-harness) HARNESS=$(realpath "$2"); shift 2 ;;
    --cache) CACHE="$2"; shift 2 ;;
    *) echo "usage: $0 --debs DIR --out DIR [--test-harness DIR] [--cache DIR]" >&2; exit 2 ;;
  esac
done
[ -n "$DEBS" ] && [ -n "$OUT" ] || { echo "usage: $0 --debs DIR --out DIR [--test-harness DIR]" >&2; exit 2; }
log() { printf '== kiosk-image: %s\n' "$*" >&2; }
now() { date +%s; }
t_start=$(now)

shopt -s nullglob
debs=("$DEBS"/helpstation_*.deb "$DEBS"/helpstation-kiosk_*.deb "$DEBS"/helpstation-topic-*.deb)
[ ${#debs[@]} -ge 3 ] || { echo "kiosk-image: no helpstation, helpstation-kiosk and topic .debs in $DEBS" >&2; exit 1; }

# 1. base: Debian packages only. The kiosk's dependencies come from the .debs' own Depends fields
# (first alternative of each, version constraints dropped; the project's own packages left out).
# systemd-boot-efi: only the boot loader's EFI binary (the `systemd-boot` package would also
# manage the ESP with per-machine-id entries, wrong for one image cloned onto many kiosks).
BASE_PACKAGES="systemd-sysv udev dbus libpam-systemd linux-image-amd64 initramfs-tools kmod e2fsprogs systemd-boot-efi"
deps=$(for d in "${debs[@]}"; do dpkg-deb -f "$d" Depends; echo; done | tr ',' '\n' |
  sed -e 's/|.*//' -e 's/(.*)//' -e 's/[[:space:]]//g' | grep -v '^helpstation' | grep . | sort -u | tr '\n' ' ')
# The base layer is exactly what this mmdebstrap call makes: its arguments are the cache key.
# Only Debian's archive (deb.debian.org: bookworm, -updates, -security), never the host's sources.
base_args=(--variant=apt --mode=root --aptopt='APT::Install-Recommends "false"'
  --include="$(echo $BASE_PACKAGES $deps | tr ' ' ',')"
  --customize-hook='echo kiosk > "$1/etc/hostname"'
  --customize-hook='printf "LABEL=kiosk-root / ext4 errors=remount-ro 0 1\n" > "$1/etc/fstab"'
  --customize-hook='rm -f "$1"/var/cache/apt/archives/*.deb'
  bookworm)
key=$(printf '%s\n' "${base_args[@]}" | sha256sum | cut -c1-16)
base="$CACHE/base-$key.tar"
mkdir -p "$CACHE"
if [ -f "$base" ]; then
  log "base layer from the cache: $base"
else
  log "base layer (mmdebstrap bookworm, not cached yet: $base)"
  t=$(now)
  tmp="$CACHE/.building-$key-$$.tar" # mmdebstrap picks the format from the name's ending
  trap 'rm -f "$tmp"' EXIT
  mmdebstrap "${base_args[@]}" "$tmp" >&2
  mv "$tmp" "$base"
  log "base layer built in $(( $(now) - t )) s"
  # Keep the three newest bases, drop the rest.
  ls -1t "$CACHE"/base-*.tar | tail -n +4 | xargs -r rm -f
fi

# 2. production: the project's .debs on the base.
rm -rf "$OUT"; mkdir -p "$OUT"
root="$OUT/rootfs"
mkdir -p "$root"
t=$(now)
tar -C "$root" --numeric-owner --xattrs -xpf "$base"
mkdir -p "$root/tmp/helpstation-debs"
cp "${debs[@]}" "$root/tmp/helpstation-debs/"
log "production layer: installing ${#debs[@]} project packages"
# The README's command (apt install ./....deb); every dependency is in the base already, so apt
# needs no network here.
chroot "$root" sh -c 'apt-get install -y -q --no-install-recommends /tmp/helpstation-debs/*.deb' >&2
rm -rf "$root/tmp/helpstation-debs"
# Anything missing (a Depends the base lacks) fails here rather than at boot.
chroot "$root" dpkg --audit >&2
chroot "$root" dpkg-query -W -f='${Status}\n' helpstation-kiosk | grep -q 'install ok installed'
# The disk's own parts of the root file system: the kernel command line (systemd's
# /etc/kernel/cmdline convention; the loader entry is made from it), the ESP mounted at /boot/efi,
# and the hook that copies a kernel or initrd that apt updates onto the ESP.
echo "root=LABEL=kiosk-root ro quiet loglevel=3 systemd.show_status=0" > "$root/etc/kernel/cmdline"
mkdir -p "$root/boot/efi"
echo "LABEL=KIOSK-ESP /boot/efi vfat umask=0077,nofail 0 2" >> "$root/etc/fstab"
hook="$(cd "$(dirname "$0")" && pwd)/kiosk-esp-update"
install -D -m 0755 "$hook" "$root/etc/kernel/postinst.d/zz-helpstation-esp"
install -D -m 0755 "$hook" "$root/etc/initramfs/post-update.d/helpstation-esp"

# 3. test harness (never in production).
if [ -n "$HARNESS" ]; then
  log "TEST HARNESS layer from $HARNESS (root shell on ttyS1, uinput touch screen)"
  DEBS="$DEBS" bash "$HARNESS/install.sh" "$root" >&2
fi

cp "$root"/boot/vmlinuz-* "$OUT/vmlinuz"
cp "$root"/boot/initrd.img-* "$OUT/initrd.img"
cp "$root/etc/kernel/cmdline" "$OUT/cmdline"

log "EFI system partition (mtools: systemd-boot, kernel, initrd, loader entry)"
esp="$OUT/esp.part"
rm -f "$esp"
mkfs.vfat -C -F 32 -n KIOSK-ESP "$esp" $((ESP_MB * 1024)) >/dev/null
# timeout 0 and editor no: the loader shows no menu, and a keyboard plugged into the kiosk cannot
# edit the kernel command line (init=/bin/sh) or reach the firmware setup.
printf 'default helpstation.conf\ntimeout 0\neditor no\nauto-entries no\nauto-firmware no\n' > "$OUT/loader.conf"
printf 'title Help Station kiosk\nlinux /vmlinuz\ninitrd /initrd.img\noptions %s\n' "$(cat "$OUT/cmdline")" > "$OUT/helpstation.conf"
mmd -i "$esp" ::/EFI ::/EFI/BOOT ::/loader ::/loader/entries
mcopy -i "$esp" "$root/usr/lib/systemd/boot/efi/systemd-bootx64.efi" ::/EFI/BOOT/BOOTX64.EFI
mcopy -i "$esp" "$OUT/loader.conf" ::/loader/loader.conf
mcopy -i "$esp" "$OUT/helpstation.conf" ::/loader/entries/helpstation.conf
mcopy -i "$esp" "$OUT/vmlinuz" ::/vmlinuz
mcopy -i "$esp" "$OUT/initrd.img" ::/initrd.img
rm -f "$OUT/loader.conf" "$OUT/helpstation.conf"

log "root file system (mke2fs -d)"
part="$OUT/root.part"
mke2fs -q -t ext4 -L kiosk-root -d "$root" "$part" "${ROOT_MB}M"
rm -rf "$root"

log "disk (GPT: ESP + root)"
disk="$OUT/disk.img"
truncate -s $(( (1 + ESP_MB + ROOT_MB + 1) * 1024 * 1024 )) "$disk"
# Partition type GUIDs: EFI system; Linux root (x86-64) from the Discoverable Partitions Spec.
sfdisk -q "$disk" <<PARTS
label: gpt
start=1MiB, size=${ESP_MB}MiB, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name=esp
start=$((1 + ESP_MB))MiB, size=${ROOT_MB}MiB, type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, name=kiosk-root
PARTS
dd if="$esp" of="$disk" bs=1M seek=1 conv=notrunc,sparse status=none
dd if="$part" of="$disk" bs=1M seek=$((1 + ESP_MB)) conv=notrunc,sparse status=none
rm -f "$esp" "$part"
# Where the root file system starts in disk.img (the boot test reads it back after a power cut).
echo $(( (1 + ESP_MB) * 1024 * 1024 )) > "$OUT/root-offset"
log "done in $(( $(now) - t_start )) s (layers 2-3 and the file system: $(( $(now) - t )) s): $OUT"
