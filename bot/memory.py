"""How the process's C allocator treats large buffers, set once when the bot is imported.

glibc serves a request of more than its mmap threshold (128 KiB) with a mapping of its own, returned
to the system when freed. But each time such a block is freed, glibc raises the threshold to its size
(up to 32 MiB): from then on the bot's large, short-lived buffers (an answer's JSON, a search's
candidate lists, aiohttp's reads) are cut from the heap, the small long-lived blocks made meanwhile
land above them, and the heap can never shrink back. bench/footprint.py measured that as 0.3-1 MB of
resident memory every 10,000 interactions while the Python objects alive stayed the same (issue 14).
Setting the threshold fixes it at its default and keeps such buffers mapped, as MALLOC_MMAP_THRESHOLD_
would from the environment.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_MMAP_THRESHOLD = -3  # glibc's malloc.h
MMAP_THRESHOLD = 128 * 1024  # glibc's default, kept fixed


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
        libc.mallopt  # noqa: B018  # musl and others have none
    except (OSError, AttributeError):
        return None
    return libc


def keep_large_buffers_mapped() -> bool:
    """Fix glibc's mmap threshold; False where the allocator is not glibc's (nothing to do)."""
    libc = _libc()
    if libc is None:
        return False
    return bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
