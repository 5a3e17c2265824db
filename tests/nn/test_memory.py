"""keep_freed_memory: set where glibc is, a no-op elsewhere; release_freed_memory hands the
kept pages back."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from nndesk.nn import keep_freed_memory, memory


def test_keep_freed_memory_is_set_exactly_where_malloc_is_glibc():
    glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert keep_freed_memory() is glibc
    assert keep_freed_memory(mmap_mb=32, trim_mb=128) is glibc      # again: same answer
    assert memory.kept() == ((32, 128) if glibc else None)          # the step's worker copies it


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


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
                    reason="malloc_trim is glibc's")
def test_release_freed_memory_gives_the_kept_pages_back():
    """96 MB of small arrays freed under one still alive after them: malloc keeps those
    pages (the window's threads leave such heaps behind); released, the process shrinks."""
    code = ("import numpy as np\n"
            "from nndesk.nn import keep_freed_memory, release_freed_memory\n"
            "def rss():\n"
            "    with open('/proc/self/status') as f:\n"
            "        return next(int(l.split()[1]) for l in f if l.startswith('VmRSS')) // 1024\n"
            "keep_freed_memory()\n"
            "blocks = [np.ones(1 << 14, np.float32) for _ in range(1536)]\n"
            "last = np.ones(1 << 14, np.float32)\n"
            "del blocks\n"
            "before = rss()\n"
            "print(release_freed_memory(), before - rss())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out[0] == "True" and int(out[1]) >= 64, out
