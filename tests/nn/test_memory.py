"""keep_freed_memory: set where glibc is, a no-op elsewhere."""

from __future__ import annotations

import platform
import subprocess
import sys

from nndesk.nn import keep_freed_memory


def test_keep_freed_memory_is_set_exactly_where_malloc_is_glibc():
    glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert keep_freed_memory() is glibc
    assert keep_freed_memory(mmap_mb=32, trim_mb=128) is glibc      # again: same answer


def test_importing_the_engine_leaves_malloc_alone():
    """mallopt is the entry points' choice (the CLI's computing commands, the window)."""
    code = ("import ctypes\n"
            "calls = []\n"
            "class Spy:\n"
            "    def __init__(self, *a, **k): pass\n"
            "    def __getattr__(self, name):\n"
            "        return lambda *a: calls.append(name) or 1\n"
            "ctypes.CDLL = Spy\n"
            "import nndesk.nn\n"
            "assert calls == [], calls\n"
            "nndesk.nn.keep_freed_memory()\n"
            "print(calls)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert out.strip() == ("['mallopt', 'mallopt']" if glibc else "[]")
