"""Can the window open here? Checked before Qt starts, so that instead of Qt's abort (exit 134,
"could not load the Qt platform plugin xcb ... Reinstalling the application may fix this
problem") the user reads one line: there is no display (and what works without one), or which
system library is missing and the command that installs it.

No Qt import here: this runs before PySide6 is loaded. Only Linux with the xcb (X11) platform
is checked; Windows, macOS, Wayland sessions and QT_QPA_PLATFORM=offscreen/vnc/... pass.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys

__all__ = ["display_problem", "XCB_LIBRARIES"]

# What Qt's xcb platform plugin loads (ldd libqxcb.so, PySide6 6.5-6.11) -> Debian/Ubuntu
# package. libxcb-cursor0 is the one a fresh system lacks most often (needed since Qt 6.5).
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0", "libdbus-1.so.3": "libdbus-1-3",
}
WITHOUT_DISPLAY = ("without one, these work: nndesk predict IMAGE, nndesk train, nndesk eval "
                   "(nndesk --help)")
NO_CHECK = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb", "minimalegl", "vkkhrdisplay"}


def _platform(env: dict) -> str:
    """The Qt platform Qt would pick: QT_QPA_PLATFORM, else wayland in a Wayland session."""
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip().lower()
    if chosen:
        return chosen
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "") == "wayland":
        return "wayland"
    return "xcb"


def _missing(libraries: dict[str, str]) -> list[str]:
    missing = []
    for soname in libraries:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(soname)
    return missing


def _connects(display: str) -> bool:
    """True when an X server answers at `display` (libxcb's own connect, then disconnect)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # reported as a missing library instead
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    conn = xcb.xcb_connect(display.encode(), None)
    try:
        return conn is not None and xcb.xcb_connection_has_error(conn) == 0
    finally:
        if conn:
            xcb.xcb_disconnect(conn)


def display_problem(env: dict | None = None,
                    libraries: dict[str, str] | None = None) -> str | None:
    """One line saying why the window cannot open here, or None when it can (or we can't tell).

    env: the environment (default os.environ); libraries: soname -> package to check.
    """
    env = dict(os.environ if env is None else env)
    if not sys.platform.startswith("linux"):
        return None
    platform = _platform(env)
    if platform in NO_CHECK:
        return None
    if platform == "wayland":
        return None if env.get("WAYLAND_DISPLAY") else (
            f"nndesk: the window needs a display, and WAYLAND_DISPLAY is not set; "
            f"{WITHOUT_DISPLAY}.")
    display = env.get("DISPLAY", "")
    if not display:
        return (f"nndesk: the window needs a display (DISPLAY is not set: over SSH use "
                f"ssh -X); {WITHOUT_DISPLAY}.")
    missing = _missing(XCB_LIBRARIES if libraries is None else libraries)
    if missing:
        packages = " ".join(dict.fromkeys(
            (XCB_LIBRARIES if libraries is None else libraries)[m] for m in missing))
        how = (f"sudo apt-get install -y {packages}" if shutil.which("apt-get")
               else f"install the packages that provide them ({packages} on Debian/Ubuntu)")
        return (f"nndesk: the window needs system libraries that are missing: "
                f"{', '.join(missing)}; install them with: {how}")
    if not _connects(display):
        return (f"nndesk: cannot connect to the display {display!r} (is the X server running, "
                f"and allowed: xhost / ssh -X?); {WITHOUT_DISPLAY}.")
    return None
