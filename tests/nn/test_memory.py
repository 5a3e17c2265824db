"""keep_freed_memory: set where glibc is, a no-op elsewhere."""

from __future__ import annotations

import platform

from nndesk.nn import keep_freed_memory


def test_keep_freed_memory_is_set_exactly_where_malloc_is_glibc():
    glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert keep_freed_memory() is glibc
    assert keep_freed_memory(mmap_mb=32, trim_mb=128) is glibc      # again: same answer
