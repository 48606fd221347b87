// helpstation-harness-touch: a real multi-touch screen for the boot test, made with uinput inside
// the kiosk VM (test-harness layer only; the production image has none of it).
//
//   helpstation-harness-touch WIDTH HEIGHT FIFO
// creates a direct-touch device (INPUT_PROP_DIRECT, type-B multi-touch slots) whose axes span
// WIDTH x HEIGHT, so libinput maps one axis unit to one screen pixel, then reads commands from FIFO:
//   tap X Y                 finger down at (X, Y), 80 ms, up
//   swipe X1 Y1 X2 Y2 MS    finger down at (X1, Y1), moved to (X2, Y2) over MS ms, up
//   hold X Y MS             finger down at (X, Y) for MS ms, up
// Each command's completion is written as "done" to FIFO.done (the test waits for it).
// The events go kernel -> libinput -> cage -> Xwayland -> GLFW -> the viewer, as a finger's do.
#include <errno.h>
#include <fcntl.h>
#include <linux/uinput.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int fd;
static int tracking = 1;

static void die(const char *what) { perror(what); exit(1); }

static void emit(int type, int code, int value) {
    struct input_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type; ev.code = code; ev.value = value;
    if (write(fd, &ev, sizeof ev) != (ssize_t)sizeof ev) die("write event");
}
static void syn(void) { emit(EV_SYN, SYN_REPORT, 0); }
static void sleep_ms(int ms) {
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}
static void down(int x, int y) {
    emit(EV_ABS, ABS_MT_SLOT, 0);
    emit(EV_ABS, ABS_MT_TRACKING_ID, tracking++);
    emit(EV_ABS, ABS_MT_POSITION_X, x); emit(EV_ABS, ABS_MT_POSITION_Y, y);
    emit(EV_KEY, BTN_TOUCH, 1);
    emit(EV_ABS, ABS_X, x); emit(EV_ABS, ABS_Y, y);
    syn();
}
static void move(int x, int y) {
    emit(EV_ABS, ABS_MT_SLOT, 0);
    emit(EV_ABS, ABS_MT_POSITION_X, x); emit(EV_ABS, ABS_MT_POSITION_Y, y);
    emit(EV_ABS, ABS_X, x); emit(EV_ABS, ABS_Y, y);
    syn();
}
static void up(void) {
    emit(EV_ABS, ABS_MT_SLOT, 0);
    emit(EV_ABS, ABS_MT_TRACKING_ID, -1);
    emit(EV_KEY, BTN_TOUCH, 0);
    syn();
}

static void axis(int code, int max) {
    struct uinput_abs_setup abs;
    memset(&abs, 0, sizeof abs);
    abs.code = code;
    abs.absinfo.maximum = max;
    abs.absinfo.resolution = 4; // units per mm: libinput wants a size for a touch screen
    if (ioctl(fd, UI_ABS_SETUP, &abs) < 0) die("UI_ABS_SETUP");
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s WIDTH HEIGHT FIFO\n", argv[0]); return 2; }
    int w = atoi(argv[1]), h = atoi(argv[2]);
    fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK);
    if (fd < 0) die("/dev/uinput");
    ioctl(fd, UI_SET_EVBIT, EV_KEY); ioctl(fd, UI_SET_KEYBIT, BTN_TOUCH);
    ioctl(fd, UI_SET_EVBIT, EV_ABS);
    ioctl(fd, UI_SET_ABSBIT, ABS_X); ioctl(fd, UI_SET_ABSBIT, ABS_Y);
    ioctl(fd, UI_SET_ABSBIT, ABS_MT_SLOT); ioctl(fd, UI_SET_ABSBIT, ABS_MT_TRACKING_ID);
    ioctl(fd, UI_SET_ABSBIT, ABS_MT_POSITION_X); ioctl(fd, UI_SET_ABSBIT, ABS_MT_POSITION_Y);
    ioctl(fd, UI_SET_PROPBIT, INPUT_PROP_DIRECT);
    axis(ABS_X, w - 1); axis(ABS_Y, h - 1);
    axis(ABS_MT_POSITION_X, w - 1); axis(ABS_MT_POSITION_Y, h - 1);
    struct uinput_abs_setup slots;
    memset(&slots, 0, sizeof slots);
    slots.code = ABS_MT_SLOT; slots.absinfo.maximum = 9;
    if (ioctl(fd, UI_ABS_SETUP, &slots) < 0) die("UI_ABS_SETUP slot");
    struct uinput_abs_setup ids;
    memset(&ids, 0, sizeof ids);
    ids.code = ABS_MT_TRACKING_ID; ids.absinfo.maximum = 65535;
    if (ioctl(fd, UI_ABS_SETUP, &ids) < 0) die("UI_ABS_SETUP tracking id");
    struct uinput_setup setup;
    memset(&setup, 0, sizeof setup);
    setup.id.bustype = BUS_USB; setup.id.vendor = 0x1d6b; setup.id.product = 0x0104;
    snprintf(setup.name, sizeof setup.name, "Help Station test touch screen");
    if (ioctl(fd, UI_DEV_SETUP, &setup) < 0) die("UI_DEV_SETUP");
    if (ioctl(fd, UI_DEV_CREATE) < 0) die("UI_DEV_CREATE");
    fprintf(stderr, "touch screen %dx%d created, commands from %s\n", w, h, argv[3]);

    char done_path[4096];
    snprintf(done_path, sizeof done_path, "%s.done", argv[3]);
    mkfifo(argv[3], 0600);
    mkfifo(done_path, 0600);
    for (;;) {
        FILE *in = fopen(argv[3], "r");
        if (!in) die("open fifo");
        char line[256];
        while (fgets(line, sizeof line, in)) {
            int x1, y1, x2, y2, ms;
            if (sscanf(line, "tap %d %d", &x1, &y1) == 2) {
                down(x1, y1); sleep_ms(80); up();
            } else if (sscanf(line, "swipe %d %d %d %d %d", &x1, &y1, &x2, &y2, &ms) == 5) {
                int steps = ms / 16 > 2 ? ms / 16 : 2;
                down(x1, y1);
                for (int i = 1; i <= steps; i++) {
                    sleep_ms(ms / steps);
                    move(x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps);
                }
                up();
            } else if (sscanf(line, "hold %d %d %d", &x1, &y1, &ms) == 3) {
                down(x1, y1); sleep_ms(ms); up();
            } else {
                fprintf(stderr, "unknown command: %s", line);
            }
            FILE *done = fopen(done_path, "w");
            if (done) { fputs("done\n", done); fclose(done); }
        }
        fclose(in);
    }
}
