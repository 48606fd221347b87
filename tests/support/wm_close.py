#!/usr/bin/python3
"""Asks the X window named NAME to close, as a window manager does (its close button, Alt+F4):
a WM_DELETE_WINDOW client message. Not xdotool's windowclose, which destroys the window.
    wm_close.py NAME        exit 0 when the request was sent, 1 when no such window"""
import sys

from Xlib import X, display, protocol

d = display.Display()
name = sys.argv[1]


def find(window):
    try:
        if window.get_wm_name() == name:
            return window
        for child in window.query_tree().children:
            found = find(child)
            if found:
                return found
    except Exception:  # a window that went away while we looked
        return None
    return None


target = find(d.screen().root)
if not target:
    sys.exit(1)
protocols = d.intern_atom("WM_PROTOCOLS")
delete = d.intern_atom("WM_DELETE_WINDOW")
event = protocol.event.ClientMessage(window=target, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
target.send_event(event, event_mask=X.NoEventMask)
d.flush()
sys.exit(0)
