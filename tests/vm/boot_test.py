#!/usr/bin/python3
"""The kiosk, booted for real: builds the kiosk image from the project's .debs, boots it in QEMU
(TCG: nested KVM hangs on these machines) and drives it from outside, as a real kiosk is used.

Every check looks at real screens (QMP screendump, compared with the viewer's own --screenshot of
the same screen rendered on the host) and real processes (a root shell on the VM's second serial
port, from the image's test-harness layer). One boot runs most checks; a power cut needs a second.

  boot_test.py --source DIR --build DIR --work DIR --touch-exe FILE [--keep-screens DIR]

Steps (README "Running on a kiosk" runs the same commands):
  1. cpack -G DEB                          the project's .debs
  2. scripts/kiosk-image.sh --test-harness  production image + test harness layer
  3. boot: power on -> attract screen (time printed)
  4. a touch tap (uinput multi-touch in the guest) -> home
  5. a USB keyboard cannot leave the kiosk: Ctrl+Alt+F1..F12, Ctrl+Alt+Backspace, Alt+SysRq+B
  6. the viewer killed (SIGKILL) -> back on attract by itself
  7. the viewer frozen (SIGSTOP) -> the watchdog kills it -> back on attract
  8. a viewer that cannot start (no GL driver) -> out-of-order screen, the journal says why;
     the driver back -> the kiosk comes back by itself
  9. power cut (QMP quit) in a customer's session -> the analytics database passes
     PRAGMA integrity_check; boot again -> attract
 10. touch on a step: a swipe left -> the next step; the top-left corner held -> the admin keypad
 11. a topic package removed and installed again while the kiosk runs -> home follows, no restart
 12. portrait (HELPSTATION_ROTATION=90): the picture and the touch turn together
 13. apt purge helpstation-kiosk -> no account, no home
"""
import argparse
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import time
import zlib

SCREEN_W, SCREEN_H = 1280, 720
OVMF = "/usr/share/OVMF"  # Debian package ovmf: UEFI firmware for QEMU
T0 = time.monotonic()
FAILURES = []


def say(msg):
    print(f"[{time.monotonic() - T0:7.1f} s] {msg}", flush=True)


def fail(msg):
    say("FAIL: " + msg)
    FAILURES.append(msg)


# ---------------------------------------------------------------- pictures (no PIL: stdlib only)

def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    # P6\n<w> <h>\n255\n<rgb>
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():m.end() + w * h * 3]


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), f"{path}: PNG colour type {ctype} depth {depth}"
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    out = bytearray(w * h * 3)
    prev = bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(w):
            out[(y * w + x) * 3:(y * w + x) * 3 + 3] = line[x * bpp:x * bpp + 3]
        prev = line
    return w, h, bytes(out)


def write_png(path, w, h, rgb):
    rows = b"".join(b"\x00" + rgb[y * w * 3:(y + 1) * w * 3] for y in range(h))
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


GRID_X, GRID_Y = 32, 18


def blocks(w, h, rgb):
    """The picture as GRID_X x GRID_Y mean colours: a layout fingerprint, blind to a glyph's pixels."""
    out = []
    bw, bh = w // GRID_X, h // GRID_Y
    for gy in range(GRID_Y):
        for gx in range(GRID_X):
            s = [0, 0, 0]
            n = 0
            for y in range(gy * bh, (gy + 1) * bh, 2):
                row = (y * w + gx * bw) * 3
                for x in range(0, bw * 3, 6):
                    s[0] += rgb[row + x]; s[1] += rgb[row + x + 1]; s[2] += rgb[row + x + 2]
                    n += 1
            out.append((s[0] / n, s[1] / n, s[2] / n))
    return out


def distance(a, b):
    """The share of blocks (percent) whose mean colour differs by more than 12 (of 255) per channel:
    0 for the same screen drawn by another renderer, tens of percent for another screen."""
    differ = sum(1 for x, y in zip(a, b) if sum(abs(p - q) for p, q in zip(x, y)) / 3 > 12)
    return 100.0 * differ / len(a)


# ---------------------------------------------------------------- QEMU, QMP and the harness shell

class Qmp:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.settimeout(60)
        self.sock.connect(path)
        self.buf = b""
        self._read()  # greeting
        self.cmd("qmp_capabilities")

    def _read(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("QMP closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def cmd(self, name, **args):
        self.sock.sendall(json.dumps({"execute": name, "arguments": args}).encode() + b"\n")
        while True:
            msg = self._read()
            if "return" in msg:
                return msg["return"]
            if "error" in msg:
                raise RuntimeError(f"QMP {name}: {msg['error']}")

    def keys(self, *names):
        self.cmd("send-key", keys=[{"type": "qcode", "data": k} for k in names], **{"hold-time": 150})


class Shell:
    """The harness's root shell on ttyS1: one command a line, each framed with an end marker."""

    def __init__(self, path):
        self.path = path
        self.n = 0
        self.sock = None

    def connect(self, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.connect(self.path)
                self.run("true", timeout=5)
                return True
            except (OSError, TimeoutError):
                time.sleep(3)
        return False

    def run(self, command, timeout=120, check=False):
        self.n += 1
        marker = f"__HS_END_{self.n}_"
        line = f"( {command} ) </dev/null 2>&1; echo \"{marker}$?__\"\n"
        self.sock.sendall(line.encode())
        buf = b""
        end = time.monotonic() + timeout
        pat = re.compile(re.escape(marker).encode() + rb"(\d+)__")
        while True:
            m = pat.search(buf)
            if m:
                out = buf[:m.start()].decode(errors="replace")
                # output of earlier, abandoned commands may precede ours: keep what follows their markers
                out = re.split(r"__HS_END_\d+_\d+__\n?", out)[-1]
                rc = int(m.group(1))
                if check and rc != 0:
                    raise RuntimeError(f"guest command failed ({rc}): {command}\n{out}")
                return rc, out.strip()
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"guest command timed out: {command}")
            self.sock.settimeout(min(left, 5))
            try:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise ConnectionError("harness shell closed")
                buf += chunk
            except socket.timeout:
                pass


class Vm:
    """The kiosk's disk (disk.img) in a QEMU machine. firmware=True powers on as a kiosk does:
    UEFI firmware (OVMF) -> the loader on the disk's EFI partition -> its kernel; otherwise QEMU
    loads the same kernel, initrd and command line itself (-kernel: faster under TCG)."""

    def __init__(self, image_dir, work, name, firmware=False):
        self.work = work
        self.name = name
        self.qmp_path = os.path.join(work, f"{name}.qmp")
        self.shell_path = os.path.join(work, f"{name}.shell")
        self.console = os.path.join(work, f"{name}-console.log")
        for p in (self.qmp_path, self.shell_path):
            if os.path.exists(p):
                os.unlink(p)
        cmd = ["qemu-system-x86_64", "-accel", "tcg", "-machine", "q35", "-smp", "2", "-m", "2048",
               "-nic", "none", "-display", "none", "-vga", "none",
               "-device", f"virtio-vga,xres={SCREEN_W},yres={SCREEN_H}",
               "-device", "qemu-xhci", "-device", "usb-kbd",
               "-drive", f"file={os.path.join(image_dir, 'disk.img')},format=raw,if=virtio",
               "-serial", f"file:{self.console}",
               "-chardev", f"socket,id=hs,path={self.shell_path},server=on,wait=off",
               "-serial", "chardev:hs",
               "-qmp", f"unix:{self.qmp_path},server=on,wait=off"]
        if firmware:
            nvram = os.path.join(work, f"{name}-efivars.fd")  # the firmware's own variables, per machine
            shutil.copyfile(os.path.join(OVMF, "OVMF_VARS_4M.fd"), nvram)
            cmd += ["-drive", f"if=pflash,format=raw,unit=0,readonly=on,file={os.path.join(OVMF, 'OVMF_CODE_4M.fd')}",
                    "-drive", f"if=pflash,format=raw,unit=1,file={nvram}"]
        else:
            with open(os.path.join(image_dir, "cmdline")) as f:
                cmdline = f.read().strip()
            cmd += ["-kernel", os.path.join(image_dir, "vmlinuz"),
                    "-initrd", os.path.join(image_dir, "initrd.img"), "-append", cmdline]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL)
        self.started = time.monotonic()
        for _ in range(100):
            if os.path.exists(self.qmp_path):
                break
            time.sleep(0.1)
        self.qmp = Qmp(self.qmp_path)
        self.shell = Shell(self.shell_path)
        self.shots = 0

    def screen(self, save_as=None):
        path = os.path.join(self.work, f"{self.name}-screen.ppm")
        self.qmp.cmd("screendump", filename=path)
        w, h, rgb = read_ppm(path)
        if save_as:
            write_png(save_as, w, h, rgb)
        return w, h, rgb

    def power_cut(self):
        try:
            self.qmp.cmd("quit")
        except (ConnectionError, OSError):
            pass
        self.proc.wait(timeout=60)

    def stop(self):
        if self.proc.poll() is None:
            self.power_cut()


# ---------------------------------------------------------------- the test

class Screens:
    """Which screen the VM shows, from the viewer's own screenshots of the same screens."""

    def __init__(self, refs):
        self.refs = refs  # name -> fingerprint

    def classify(self, w, h, rgb):
        if (w, h) != (SCREEN_W, SCREEN_H):
            return f"other ({w}x{h})", 999
        fp = blocks(w, h, rgb)
        best = min(self.refs, key=lambda n: distance(fp, self.refs[n]))
        return best, distance(fp, self.refs[best])


# A screendump is a screen when fewer than this share of its blocks (percent) differ from the
# reference: the viewer's screens differ from each other by 27 % or more; the out-of-order screen
# is a flat colour with some lines of text.
MATCH = {"out-of-order": 40.0}
MATCH_DEFAULT = 10.0


def wait_screen(vm, screens, want, timeout, what, keep=None, quiet=False):
    """Polls screendumps until the screen is `want` (a name or a tuple of names)."""
    want = (want,) if isinstance(want, str) else want
    start = time.monotonic()
    last = None
    while time.monotonic() - start < timeout:
        try:
            w, h, rgb = vm.screen()
        except (RuntimeError, OSError) as e:
            last = str(e)
            time.sleep(3)
            continue
        name, d = screens.classify(w, h, rgb)
        last = f"{name} (difference {d:.1f})"
        if name in want and d < MATCH.get(name, MATCH_DEFAULT):
            took = time.monotonic() - start
            say(f"{what}: {name} after {took:.1f} s (difference {d:.1f})")
            if keep:
                write_png(keep, w, h, rgb)
            return took
        time.sleep(2)
    w, h, rgb = vm.screen(save_as=os.path.join(vm.work, f"failed-{what.replace(' ', '-')}.png"))
    if quiet:
        return None
    fail(f"{what}: no {'/'.join(want)} within {timeout} s; last screen: {last}")
    diagnose(vm)
    return None


# What the guest says about the kiosk when a screen did not come: CI keeps only this output.
DIAGNOSIS = ("journalctl -b --no-pager -o short-monotonic -n 40 -t helpstation-kiosk -t cage -t helpstation; "
             "echo '-- session, user manager, viewer'; loginctl list-sessions --no-legend; "
             "systemctl is-active user@$(id -u kiosk).service; "
             "systemctl --user -M kiosk@ show -p ActiveState -p SubState -p Result -p NRestarts helpstation.service; "
             "echo '-- processes'; for p in /proc/[0-9]*; do c=$(tr '\\0' ' ' <$p/cmdline 2>/dev/null); "
             "case \"$c\" in *cage*|*Xwayland*|*helpstation*|*kiosk*|*'systemd --user'*) echo \"${p#/proc/} $c\";; esac; "
             "done")  # no procps in the image
DIAGNOSED = []


def diagnose(vm):
    if len(DIAGNOSED) >= 3:  # the first failures explain the later ones
        return
    DIAGNOSED.append(1)
    try:
        rc, out = vm.shell.run(DIAGNOSIS, timeout=60)
    except (OSError, TimeoutError, ConnectionError, RuntimeError) as e:
        out = f"(the harness shell did not answer: {e})"
    say("guest state:\n    " + out.replace("\n", "\n    "))


def reference(viewer, work, name, route, replay, portrait, plugins):
    """The viewer's own screenshot of one screen and its touch targets {label: centre}, on the host."""
    w, h = (SCREEN_H, SCREEN_W) if portrait else (SCREEN_W, SCREEN_H)
    png, dump = os.path.join(work, f"reference-{name}.png"), os.path.join(work, f"reference-{name}.json")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "ref-cache"),
               XDG_STATE_HOME=os.path.join(work, "ref-state"), XDG_CONFIG_HOME=os.path.join(work, "ref-config"))
    extra = []
    if replay:
        with open(os.path.join(work, f"reference-{name}.replay"), "w") as f:
            f.write(replay)
        extra = ["--replay", f.name]
    subprocess.run(["xvfb-run", "-a", "-s", f"-screen 0 {w}x{h}x24", viewer, "--windowed", f"{w}x{h}",
                    "--plugins", plugins, "--open", route, "--screenshot", png, "--dump-ui", dump,
                    "--log-level", "warn"] + extra, check=True, env=env, stdin=subprocess.DEVNULL)
    with open(dump) as f:
        targets = {t["label"]: (int(t["x"] + t["w"] / 2), int(t["y"] + t["h"] / 2)) for t in json.load(f)["targets"]}
    return (*read_png(png), targets)


def rotate_ccw(w, h, rgb):
    """The picture turned 90 degrees counter-clockwise: how a portrait screen drawn by cage -r
    (HELPSTATION_ROTATION=90, the panel turned clockwise) lies in the landscape framebuffer."""
    out = bytearray(w * h * 3)
    for y in range(h):
        for x in range(w):
            o, i = ((w - 1 - x) * h + y) * 3, (y * w + x) * 3
            out[o:o + 3] = rgb[i:i + 3]
    return h, w, bytes(out)


def portrait_to_panel(x, y):
    """A point of the portrait picture -> the same point on the panel's own (landscape) axes."""
    return y, SCREEN_H - 1 - x


def guest(vm, command, timeout=120):
    rc, out = vm.shell.run(command, timeout=timeout)
    return rc, out


def touch(vm, command):
    """One finger gesture on the uinput touch screen (harness/touch.c): tap, swipe or hold."""
    guest(vm, f"echo '{command}' > /run/helpstation-harness-touch && cat /run/helpstation-harness-touch.done")


def tap(vm, x, y):
    touch(vm, f"tap {x} {y}")


def tap_to(vm, screens, point, want, what, keep=None):
    """Taps until the screen is `want`. Seen on these VMs: the first touches after cage starts can be
    lost between cage and Xwayland (later ones never were), so a lost first tap is reported, a
    customer's second tap must work, and a third fails the test. Returns (seconds, taps)."""
    for attempt in range(1, 4):
        tap(vm, *point)
        took = wait_screen(vm, screens, want, 60 if attempt < 3 else 180, f"{what} (tap {attempt})",
                           quiet=attempt < 3, keep=keep)
        if took is not None:
            if attempt > 2:
                fail(f"{what}: {attempt} taps were needed")
            return took, attempt
        say(f"KNOWN ISSUE: {what}: touch tap {attempt} was lost (the screen did not change)")
    return None, 3


def viewer_pid(vm):
    rc, out = guest(vm, "systemctl --user -M kiosk@ show -p MainPID --value helpstation.service")
    return int(out) if rc == 0 and out.strip().isdigit() else 0


def wait_new_viewer(vm, old, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        pid = viewer_pid(vm)
        if pid and pid != old:
            return pid
        time.sleep(2)
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--build", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--touch-exe", required=True)
    ap.add_argument("--keep-screens", help="write the attract, home and topic screendumps here (default: --work)")
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    timings = {}

    # 1. The project's packages, as a store's IT person makes them.
    t = time.monotonic()
    debs = os.path.join(work, "debs")
    subprocess.run(["cpack", "-G", "DEB", "-B", debs, "--config",
                    os.path.join(args.build, "CPackConfig.cmake")], check=True, cwd=args.build,
                   stdout=subprocess.DEVNULL)
    timings["packages (cpack)"] = time.monotonic() - t

    # The viewer's own screenshots of the screens the test expects (host, Xvfb), at the VM's size,
    # and where their touch targets are (--dump-ui): the test touches what the viewer says is there.
    viewer = os.path.join(args.build, "bin", "helpstation")
    refs, targets = {}, {}
    plugins_all = os.path.join(work, "plugins-all")
    plugins_less = os.path.join(work, "plugins-without-" + LIVE_TOPIC)
    for deb in sorted(os.listdir(debs)):
        if deb.startswith("helpstation-topic-"):
            subprocess.run(["dpkg-deb", "-x", os.path.join(debs, deb), plugins_all], check=True)
    plugins_all = os.path.join(plugins_all, "usr", "lib", "helpstation", "plugins")
    shutil.copytree(plugins_all, plugins_less, ignore=shutil.ignore_patterns(LIVE_TOPIC + ".*"))
    step = f"{HOME_FIRST_TOPIC_ID}/fix/1/step/"
    for name, route, replay, portrait, plugins in (
            ("attract", "attract", None, False, plugins_all),
            ("home", "home", None, False, plugins_all),
            ("topic", HOME_FIRST_TOPIC_ID, None, False, plugins_all),
            ("step-1", step + "1", None, False, plugins_all),
            ("step-2", step + "2", None, False, plugins_all),
            ("admin-pin", step + "2", "longpress 20 20 3200\n", False, plugins_all),
            ("home-without-" + LIVE_TOPIC, "home", None, False, plugins_less),
            ("attract-portrait", "attract", None, True, plugins_all),
            ("home-portrait", "home", None, True, plugins_all),
            ("topic-portrait", HOME_FIRST_TOPIC_ID, None, True, plugins_all)):
        w, h, rgb, targets[name] = reference(viewer, work, name, route, replay, portrait, plugins)
        refs[name] = blocks(*rotate_ccw(w, h, rgb)) if portrait else blocks(w, h, rgb)
    # The out-of-order screen: foot's background over the whole screen.
    refs["out-of-order"] = [(0x1d, 0x35, 0x57)] * (GRID_X * GRID_Y)
    refs["black"] = [(0, 0, 0)] * (GRID_X * GRID_Y)
    screens = Screens(refs)
    say(f"reference screens: attract/home difference {distance(refs['attract'], refs['home']):.1f}")
    # Screens the test must tell apart: if they were too alike, a wrong screen would pass.
    for a, b in (("step-1", "step-2"), ("step-2", "admin-pin"), ("home", "home-without-" + LIVE_TOPIC),
                 ("home-portrait", "topic-portrait")):
        if distance(refs[a], refs[b]) < 2 * MATCH_DEFAULT:
            fail(f"reference screens {a} and {b} differ by only {distance(refs[a], refs[b]):.1f} %")

    # 2. The image: production layer + the test harness layer.
    t = time.monotonic()
    image = os.path.join(work, "image")
    env = dict(os.environ, TOUCH_EXE=args.touch_exe, SCREEN=f"{SCREEN_W}x{SCREEN_H}")
    # The image is made as root (files owned by root, chroot); a developer who is not root needs sudo.
    as_root = [] if os.geteuid() == 0 else ["sudo", "--preserve-env=TOUCH_EXE,SCREEN"]
    subprocess.run(as_root + ["bash", os.path.join(args.source, "scripts", "kiosk-image.sh"), "--debs", debs,
                    "--out", image, "--test-harness", os.path.join(args.source, "tests", "vm", "harness")],
                   check=True, env=env, stdin=subprocess.DEVNULL)
    if as_root:
        subprocess.run(["sudo", "chown", "-R", f"{os.getuid()}:{os.getgid()}", image], check=True)
    timings["kiosk image (scripts/kiosk-image.sh)"] = time.monotonic() - t

    keep = args.keep_screens or work  # the screendumps of attract, home and a topic, as PNGs
    os.makedirs(keep, exist_ok=True)
    # The first power-on goes through the firmware and the disk's own boot loader, as on a kiosk.
    vm = Vm(image, work, "boot1", firmware=True)
    try:
        # 3. Power on -> attract.
        took = wait_screen(vm, screens, "attract", 900, "power on -> attract",
                           keep=os.path.join(keep, "kiosk-vm-attract.png") if keep else None)
        timings["power on -> attract screen"] = took
        if took is None:
            raise RuntimeError("the kiosk never showed its attract screen")
        if not vm.shell.connect(300):
            raise RuntimeError("the harness shell on ttyS1 never answered")
        rc, out = guest(vm, "systemctl is-active helpstation-kiosk.service; systemctl --user -M kiosk@ is-active helpstation.service; "
                            "cat /sys/class/tty/tty0/active; cat /proc/sys/kernel/sysrq; "
                            "systemctl is-active getty@tty1.service; systemd-analyze 2>&1 | head -1")
        say("guest: " + out.replace("\n", " | "))
        lines = out.splitlines()
        if lines[:5] != ["active", "active", "tty1", "16", "inactive"]:
            fail(f"kiosk session, viewer, active console, sysrq, getty@tty1 should be active, active, tty1, 16, inactive: {lines[:5]}")
        # The disk booted as a kiosk's does: through UEFI and the loader on its EFI partition, which
        # is mounted where apt's kernel hook copies a new kernel to.
        rc, out = guest(vm, "test -d /sys/firmware/efi && echo uefi || echo no-uefi; "
                            "findmnt -n -o FSTYPE,LABEL /boot/efi; findmnt -n -o LABEL /; ls /boot/efi/EFI/BOOT")
        say("guest boot: " + out.replace("\n", " | "))
        if out.split() != ["uefi", "vfat", "KIOSK-ESP", "kiosk-root", "BOOTX64.EFI"]:
            fail(f"first boot: UEFI, the ESP on /boot/efi and the root file system expected: {out!r}")

        # 4. A real touch tap (80 ms, as a finger taps) -> home.
        took, _ = tap_to(vm, screens, (SCREEN_W // 2, SCREEN_H // 2), "home", "touch on attract -> home",
                         keep=os.path.join(keep, "kiosk-vm-home-after-tap.png") if keep else None)
        timings["touch tap -> home"] = took

        # 5. A USB keyboard cannot leave the kiosk.
        boot_id = guest(vm, "cat /proc/sys/kernel/random/boot_id")[1]
        for n in range(1, 13):
            vm.qmp.keys("ctrl", "alt", f"f{n}")
            time.sleep(0.5)
        vm.qmp.keys("ctrl", "alt", "backspace")
        vm.qmp.keys("alt", "sysrq", "b")  # would reboot at once with SysRq allowed
        vm.qmp.keys("alt", "sysrq", "e")  # SIGTERM to every process
        time.sleep(5)
        rc, out = guest(vm, "cat /sys/class/tty/tty0/active; cat /proc/sys/kernel/random/boot_id; "
                            "systemctl list-units --no-legend 'getty@*' 'autovt@*' | wc -l")
        active, now_boot, gettys = (out.splitlines() + ["", "", ""])[:3]
        if active != "tty1":
            fail(f"keyboard: the console is {active} after Ctrl+Alt+F1..F12, not tty1")
        if now_boot != boot_id:
            fail("keyboard: Alt+SysRq+B rebooted the kiosk")
        if gettys.strip() != "0":
            fail(f"keyboard: {gettys.strip()} getty units are running")
        wait_screen(vm, screens, ("home", "attract"), 120, "after Ctrl+Alt+F1..F12, Ctrl+Alt+Backspace, Alt+SysRq")
        say("keyboard: still on tty1, same boot, no getty")

        # 6. The viewer killed -> back on attract by itself.
        pid = viewer_pid(vm)
        t = time.monotonic()
        guest(vm, f"kill -KILL {pid}")
        new = wait_new_viewer(vm, pid, 120)
        if not new:
            fail("SIGKILL: no new viewer within 120 s")
        took = wait_screen(vm, screens, "attract", 300, "viewer SIGKILLed -> attract")
        timings["viewer SIGKILL -> attract"] = took and time.monotonic() - t

        # 7. The viewer frozen -> the watchdog (30 s) kills it -> attract.
        tap(vm, SCREEN_W // 2, SCREEN_H // 2)  # touches after the first are not lost
        wait_screen(vm, screens, "home", 180, "tap before the freeze -> home")
        pid = viewer_pid(vm)
        t = time.monotonic()
        guest(vm, f"kill -STOP {pid}")
        new = wait_new_viewer(vm, pid, 240)
        if not new:
            fail("SIGSTOP: the watchdog did not replace the frozen viewer within 240 s")
        took = wait_screen(vm, screens, "attract", 300, "viewer SIGSTOPped -> watchdog -> attract")
        timings["viewer SIGSTOP -> watchdog -> attract"] = took and time.monotonic() - t

        # 8. A viewer that cannot start (its GL driver gone) -> out-of-order screen, and the reason.
        t = time.monotonic()
        guest(vm, "mkdir -p /etc/systemd/user/helpstation.service.d && "
                  "printf '[Service]\\nEnvironment=LIBGL_DRIVERS_PATH=/nonexistent\\n' > "
                  "/etc/systemd/user/helpstation.service.d/zz-boot-test-no-gl.conf && "
                  "systemctl --user -M kiosk@ daemon-reload && "
                  f"kill -KILL {viewer_pid(vm)}")
        took = wait_screen(vm, screens, "out-of-order", 400, "viewer without GL -> out-of-order screen",
                           keep=os.path.join(work, "out-of-order.png"))
        timings["viewer failing at start -> out-of-order screen"] = took and time.monotonic() - t
        rc, out = guest(vm, "journalctl -b -t helpstation-kiosk --no-pager -o cat | grep 'stopped for good' | tail -1")
        if "stopped for good" not in out:
            fail(f"out-of-order: the journal does not say why: {out!r}")
        else:
            say("journal: " + out)
        guest(vm, "rm /etc/systemd/user/helpstation.service.d/zz-boot-test-no-gl.conf && "
                  "systemctl --user -M kiosk@ daemon-reload")
        t = time.monotonic()
        took = wait_screen(vm, screens, "attract", 300, "GL back -> the kiosk retries by itself -> attract")

        # 9. Power cut in a customer's session.
        tap(vm, SCREEN_W // 2, SCREEN_H // 2)
        wait_screen(vm, screens, "home", 180, "customer: tap -> home")
        rc, out = guest(vm, "ls /var/lib/helpstation-kiosk/.local/state/helpstation/")
        say("analytics files: " + out.replace("\n", " "))
        # The first topic card on home, where the reference screenshot has it: the touch must land
        # where the finger is for that topic to open.
        tap(vm, *targets["home"]["topic:" + HOME_FIRST_TOPIC_ID])
        wait_screen(vm, screens, "topic", 180, f"customer: tap on the {HOME_FIRST_TOPIC_ID} card -> that topic",
                    keep=os.path.join(keep, "kiosk-vm-topic-after-tap.png") if keep else None)
        time.sleep(3)  # the analytics writer commits at once; the power cut comes a little later
        say("power cut (QMP quit)")
        vm.power_cut()
    finally:
        vm.stop()

    # The database as the power cut left it on the disk. debugfs reads the file system without
    # replaying its journal, and what the guest wrote in the last seconds (even a file made minutes
    # ago, until ext4 checkpoints) may be only in the journal: replay it on a copy, as the next
    # boot's mount would, and let e2fsck say whether the cut left the file system consistent.
    db = os.path.join(work, "analytics-after-cut.db")
    state = "/var/lib/helpstation-kiosk/.local/state/helpstation"
    root_img = os.path.join(work, "root-after-cut.img")
    with open(os.path.join(image, "root-offset")) as f:
        offset_mib = int(f.read()) // (1024 * 1024)
    subprocess.run(["dd", f"if={os.path.join(image, 'disk.img')}", f"of={root_img}", "bs=1M",
                    f"skip={offset_mib}", "conv=sparse", "status=none"], check=True)
    fsck = subprocess.run(["e2fsck", "-fy", root_img], capture_output=True, text=True)
    say(f"power cut: e2fsck -fy on a copy of the disk -> exit {fsck.returncode}")
    if fsck.returncode >= 4:  # 0: clean, 1/2: errors corrected; 4 and up: left uncorrected
        fail(f"power cut: the file system is damaged (e2fsck exit {fsck.returncode}): {fsck.stdout[-600:]}")
    for suffix in ("", "-wal"):
        subprocess.run(["debugfs", "-R", f"dump {state}/analytics.db{suffix} {db}{suffix}", root_img],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.unlink(root_img)
    if not os.path.exists(db):
        fail("power cut: no analytics database on the disk")
    else:
        import sqlite3
        con = sqlite3.connect(db)
        check = con.execute("PRAGMA integrity_check").fetchall()
        sessions = con.execute("SELECT COUNT(DISTINCT session) FROM events").fetchone()[0]
        con.close()
        say(f"power cut: PRAGMA integrity_check -> {check[0][0]}; sessions on disk: {sessions} "
            f"(sessions started before the cut: 1; lost: {max(0, 1 - sessions)})")
        if check != [("ok",)]:
            fail(f"power cut: integrity_check says {check}")
        # The writer commits with synchronous=FULL: what it committed before the cut is on the disk.
        if sessions < 1:
            fail("power cut: the customer's session, committed seconds before the cut, was lost")

    vm = Vm(image, work, "boot2")
    try:
        took = wait_screen(vm, screens, "attract", 900, "boot after the power cut -> attract")
        timings["boot after power cut -> attract"] = took
        # The maintainer scripts: postinst run again changes nothing; purge removes the account.
        if not vm.shell.connect(300):
            raise RuntimeError("the harness shell on ttyS1 never answered (second boot)")
        centre = (SCREEN_W // 2, SCREEN_H // 2)

        # 10. Touch gestures on a step: a swipe turns the page; the admin corner hold opens the keypad.
        tap_to(vm, screens, centre, "home", "boot 2: touch on attract -> home")
        tap(vm, *targets["home"]["topic:" + HOME_FIRST_TOPIC_ID])
        wait_screen(vm, screens, "topic", 120, f"tap on the {HOME_FIRST_TOPIC_ID} card -> that topic")
        tap(vm, *targets["topic"]["fix:1"])
        wait_screen(vm, screens, "step-1", 120, "tap on fix 1 -> its first step")
        # A quick finger (250 ms) moving left across the instruction (not the picture), as a customer
        # turns a page. Under TCG the viewer draws a few frames a second, so the whole swipe arrives
        # between two frames: it turns the page only if each touch keeps its own position
        # (viewer/app/touch_screen.cpp), which GLFW's emulated pointer did not.
        x, y = targets["step-1"]["step-back"]
        touch(vm, f"swipe {SCREEN_W // 2} {y - 200} {x} {y - 200} 250")
        swiped = wait_screen(vm, screens, "step-2", 60, "swipe left (250 ms) on step 1 -> step 2",
                             keep=os.path.join(keep, "kiosk-vm-step-after-swipe.png") if keep else None)
        if swiped is None:  # failed above; the Next button lets the other checks go on
            tap(vm, *targets["step-1"]["step-next"])
            wait_screen(vm, screens, "step-2", 120, "Next step on step 1 -> step 2")
        touch(vm, "hold 20 20 3500")
        wait_screen(vm, screens, "admin-pin", 120, "3.5 s hold on the top-left corner -> the admin keypad")
        tap(vm, *targets["admin-pin"]["admin-cancel"])
        wait_screen(vm, screens, "step-2", 120, "Cancel on the admin keypad -> back on the step")
        tap(vm, *targets["step-2"]["home"])
        wait_screen(vm, screens, "home", 120, "Home on the step -> home")

        # 11. A topic package removed and installed again while the kiosk runs: home follows, no restart.
        pid = viewer_pid(vm)
        t = time.monotonic()
        rc, out = guest(vm, f"dpkg -r helpstation-topic-{LIVE_TOPIC} >/dev/null && echo removed", timeout=300)
        wait_screen(vm, screens, "home-without-" + LIVE_TOPIC, 180,
                    f"dpkg -r helpstation-topic-{LIVE_TOPIC} while the kiosk runs -> its card leaves home")
        t = time.monotonic()
        rc, out = guest(vm, f"dpkg -i /usr/local/lib/helpstation-harness/debs/helpstation-topic-{LIVE_TOPIC}_*.deb "
                            ">/dev/null && echo installed", timeout=300)
        if "installed" not in out:
            fail(f"dpkg -i helpstation-topic-{LIVE_TOPIC}: {out}")
        took = wait_screen(vm, screens, "home", 180,
                           f"dpkg -i helpstation-topic-{LIVE_TOPIC} while the kiosk runs -> its card on home")
        timings["topic .deb installed -> on home"] = took and time.monotonic() - t
        if viewer_pid(vm) != pid:
            fail("topic package: the viewer was restarted to pick it up")

        # 12. Portrait: the panel turned clockwise (HELPSTATION_ROTATION=90); the picture turns with
        # it (cage -r) and so does touch (the udev rule's libinput calibration matrix).
        rc, out = guest(vm, "sed -i 's/^HELPSTATION_ROTATION=.*/HELPSTATION_ROTATION=90/' /etc/default/helpstation-kiosk && "
                            "udevadm trigger -s input -c change && udevadm settle && "
                            "for e in /dev/input/event*; do udevadm info -q property -n $e; done | grep CALIBRATION | sort -u; "
                            "systemctl restart helpstation-kiosk.service")
        say("portrait: " + out.replace("\n", " | "))
        t = time.monotonic()
        took = wait_screen(vm, screens, "attract-portrait", 300, "HELPSTATION_ROTATION=90 -> attract in portrait")
        timings["kiosk restarted in portrait -> attract"] = took and time.monotonic() - t
        # This VM has no GPU: GL failed once this boot, and the restarted session must not try it
        # again (Mesa's kms_swrast fallback can take cage down after it started the viewer).
        rc, out = guest(vm, "journalctl -b -o cat -t helpstation-kiosk | grep -c -e 'falling back to WLR_RENDERER=pixman' "
                            "-e 'renderer: pixman, as found earlier in this boot'; "
                            "journalctl -b -o cat -t helpstation-kiosk | grep -c 'as found earlier in this boot'")
        counts = out.split()
        if len(counts) != 2 or counts[0] == "0" or counts[1] == "0":
            fail(f"portrait restart: the session tried the GL renderer again in the boot it failed in ({out!r})")
        tap_to(vm, screens, centre, "home-portrait", "portrait: touch on attract -> home")
        tap(vm, *portrait_to_panel(*targets["home-portrait"]["topic:" + HOME_FIRST_TOPIC_ID]))
        wait_screen(vm, screens, "topic-portrait", 120,
                    f"portrait: tap on the {HOME_FIRST_TOPIC_ID} card (where the finger is) -> that topic",
                    keep=os.path.join(keep, "kiosk-vm-portrait-topic.png") if keep else None)

        rc, before = guest(vm, "getent passwd kiosk; id -nG kiosk")
        postinst = ("DPKG_MAINTSCRIPT_NAME=postinst DPKG_MAINTSCRIPT_PACKAGE=helpstation-kiosk "
                    "/var/lib/dpkg/info/helpstation-kiosk.postinst configure 0.1.0 >/dev/null 2>&1")
        rc, again = guest(vm, f"{postinst} && {postinst} && getent passwd kiosk; id -nG kiosk")
        if rc != 0 or again != before:
            fail(f"postinst run twice: exit {rc}, account before {before!r}, after {again!r}")
        rc, out = guest(vm, "apt-get purge -y -q helpstation-kiosk >/tmp/purge.log 2>&1; echo purge=$?; "
                            "grep -i 'helpstation-kiosk:\\|userdel\\|deluser' /tmp/purge.log; "
                            "getent passwd kiosk || echo no-account; test -e /var/lib/helpstation-kiosk || echo no-home; "
                            "systemctl is-enabled helpstation-kiosk.service 2>&1 || true", timeout=300)
        say("purge: " + out.replace("\n", " | "))
        if "purge=0" not in out or "no-account" not in out or "no-home" not in out:
            fail(f"apt purge helpstation-kiosk: {out}")
    finally:
        vm.stop()

    lines = [f"  {k:50s} {'-' if v is None else f'{v:7.1f} s'}" for k, v in timings.items()]
    print("\ntimings:\n" + "\n".join(lines))
    # setup.sh prints this after the suite (CTest shows a passing test's output to no one).
    with open(os.path.join(work, "timings.txt"), "w") as f:
        f.write("\n".join(lines + [f"  {'checks failed':50s} {len(FAILURES)}"]) + "\n")
    if FAILURES:
        print(f"\n{len(FAILURES)} check(s) failed:")
        for f in FAILURES:
            print("  - " + f)
        return 1
    print("\nevery check passed")
    return 0


# The topic the test opens by touch (the first card on home), and the one whose package it removes
# and installs again while the kiosk runs.
HOME_FIRST_TOPIC_ID = "bluetooth-pairing"
LIVE_TOPIC = "bluetooth-pairing"  # the first card: without it every card moves (a later card's
                                  # absence changes too few of the fingerprint's blocks)

if __name__ == "__main__":
    sys.exit(main())
