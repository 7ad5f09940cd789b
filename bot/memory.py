"""How the process manages its memory: the C allocator's large buffers, and the cyclic collector at start-up.

**Large buffers**, set once when the bot is imported.

glibc serves a request of more than its mmap threshold (128 KiB) with a mapping of its own, returned
to the system when freed. But each time such a block is freed, glibc raises the threshold to its size
(up to 32 MiB): from then on the bot's large, short-lived buffers (an answer's JSON, a search's
candidate lists, aiohttp's reads) are cut from the heap, the small long-lived blocks made meanwhile
land above them, and the heap can never shrink back. bench/footprint.py measured that as 0.3-1 MB of
resident memory every 10,000 interactions while the Python objects alive stayed the same (issue 14).
Setting the threshold fixes it at its default and keeps such buffers mapped, as MALLOC_MMAP_THRESHOLD_
would from the environment.

**The cyclic collector at start-up.** Importing discord.py and the bot and loading the library make
over a hundred thousand objects that live as long as the process; the collector walks all of them
each time its oldest generation fills, again and again while start-up adds more: 40-60 ms of
start-up for nothing. `python -m bot` pauses it first thing (`pause_collection`). Once the bot has
logged in, before it connects to the gateway, `resume_collection` freezes what start-up made (moves
it out of the collector's way: later collections walk only what answers make, which also shortens
their pauses) and resumes collecting. Reference counting frees as always meanwhile; only the cycles
start-up leaves behind stay, frozen: about 1,750 small objects, 0.4 MB, once (measured with the
shipped library).
"""

from __future__ import annotations

import ctypes
import gc
import sys

M_MMAP_THRESHOLD = -3  # glibc's malloc.h
MMAP_THRESHOLD = 128 * 1024  # glibc's default, kept fixed


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the C library the interpreter runs on (find_library would run ldconfig)
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


_paused = False


def pause_collection() -> None:
    """No cyclic garbage collection until `resume_collection` (see the module's note)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collection() -> bool:
    """Freeze what start-up made and collect cycles as usual again, if `pause_collection` stopped it;
    True if it did."""
    global _paused
    if not _paused:
        return False
    _paused = False
    gc.freeze()
    gc.enable()
    return True
