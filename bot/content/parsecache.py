"""What the bot parsed from a content or catalogue file, kept so that a restart need not parse it again.

Parsing is most of start-up: the shipped library (19 YAML files) and the English catalogue (Fluent's
parser is pure Python) take about 120 ms to read and check, and loading what they produce from a
pickle takes about 10. This is Python's own answer for source files (`__pycache__`), applied to ours:

- **Where.** Beside the file, in its folder's `__pycache__/` (which git ignores), named after the
  file; under systemd, whose sandbox leaves the bot's files read-only, in the service's cache
  directory (`CacheDirectory=`, `$CACHE_DIRECTORY`); with `PYTHONPYCACHEPREFIX` set, under that
  prefix, as bytecode goes. A folder the bot cannot write to simply gets no cache. (It does not
  follow `PYTHONDONTWRITEBYTECODE`, which many containers set for bytecode alone: the bot would
  then parse its whole library at every start.) An entry has its file's read permissions, as a
  `.pyc` has its source's, so whoever may read the file may read its parse; never its write ones.
- **When it is used.** Each entry starts with a digest of the file's bytes, of the parsing code
  (the source of `bot/content/` and of the catalogue reader), of the versions of Python, PyYAML and
  Fluent, and of the name problems are reported under. Any change to any of them and the file is
  parsed again, and its entry replaced; nothing is trusted by date.
- **What is kept.** Only files that parsed without a problem. A bad file is read and reported, with
  file, line and field, on every start, as if there were no cache.
- **Faults.** An entry that cannot be read (truncated by a crash, written by another version, not a
  pickle) is parsed again; one that cannot be written is skipped, and logged at debug level. Entries
  are written to a temporary file and renamed, so processes starting at once never read half an
  entry; a temporary file left by a process killed while writing is removed by the next write of
  that entry, once it is ten minutes old.
- **Trust.** Loading a pickle runs code from it, exactly as importing a `.pyc` does: whoever can
  write the cache folder can already write the files beside it.
"""

from __future__ import annotations

import glob
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import TypeVar, cast

log = logging.getLogger(__name__)

T = TypeVar("T")

FOLDER = "__pycache__"
SUFFIX = ".parsed"
_DIGEST_BYTES = 32


@cache
def _code_digest() -> bytes | None:
    """The code whose output is kept: a change to any of it makes every entry stale. (Fluent's parser and
    syntax tree are its source files: `importlib.metadata` would take 50 ms to say its version.)"""
    import fluent.syntax
    import yaml

    package = Path(__file__).resolve().parent.parent
    fluent_syntax = Path(fluent.syntax.__file__).resolve().parent
    content = sorted((package / "content").glob("*.py"))
    if not content:
        return None  # an install of bytecode only: no way to tell the code changed, so nothing is kept
    code = (
        *content,
        package / "i18n" / "catalogue.py",
        fluent_syntax / "parser.py",
        fluent_syntax / "ast.py",
    )
    digest = hashlib.sha256(f"{sys.version_info!r} PyYAML {yaml.__version__} {yaml.__with_libyaml__}".encode())
    for path in code:
        try:
            source = path.read_bytes()
        except OSError:
            return None  # the same: nothing is kept, every file is parsed
        digest.update(path.name.encode())
        digest.update(source)
    return digest.digest()


CACHE_DIRECTORY_ENV = "CACHE_DIRECTORY"  # set by systemd for a unit with CacheDirectory=


def entry_path(path: Path, environ: Mapping[str, str] = os.environ) -> Path:
    """Where the parse of `path` is kept: beside it, or under systemd's cache directory for the service
    (its files are read-only there), in a tree mirroring the file's absolute path."""
    cache = environ.get(CACHE_DIRECTORY_ENV, "").split(":")[0]
    if cache:
        return _mirrored(Path(cache) / "parsed", path)
    if sys.pycache_prefix:
        return _mirrored(Path(sys.pycache_prefix), path)
    return path.parent / FOLDER / f"{path.name}{SUFFIX}"


def _mirrored(root: Path, path: Path) -> Path:
    absolute = path.resolve()
    return root / absolute.parent.relative_to(absolute.anchor) / f"{absolute.name}{SUFFIX}"


def key(raw: bytes, name: str) -> bytes | None:
    """What an entry must start with to stand for `raw` parsed, with problems reported under `name`;
    None when the parsing code's sources cannot be read (then nothing is cached)."""
    code = _code_digest()
    if code is None:
        return None
    digest = hashlib.sha256(code)
    digest.update(name.encode())
    digest.update(b"\0")
    digest.update(raw)
    return digest.digest()


def parsed(path: Path, raw: bytes, name: str, parse: Callable[[], T], *, keep: Callable[[T], bool] = bool) -> T:
    """`parse()` of the file at `path` (whose bytes are `raw`), from its cache entry when that is current.

    `parse` may raise (a file with problems); nothing is kept then, nor when `keep(result)` is false."""
    wanted = key(raw, name)
    if wanted is None:
        return parse()
    where = entry_path(path)
    found = _read(where, wanted)
    if found is not None:
        return cast(T, found)  # an entry holds what `parse` returned for these bytes
    result = parse()
    if keep(result):
        _write(where, wanted, result, path)
    return result


def _read(where: Path, wanted: bytes) -> object | None:
    try:
        with open(where, "rb") as entry:
            if entry.read(_DIGEST_BYTES) != wanted:
                return None
            value: object = pickle.load(entry)
            return value
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign entry: parse again, and replace it
        log.debug("Ignoring the cache entry %s: %r", where, exc)
        return None


STALE_TEMPORARY_S = 600.0  # a temporary entry this old was left by a process killed while writing it


def _write(where: Path, wanted: bytes, value: object, source: Path | None = None) -> None:
    """Keep `value` at `where`, readable by whoever may read `source`."""
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        prefix = f".{where.name}."
        handle, temporary = tempfile.mkstemp(dir=where.parent, prefix=prefix)
        try:
            with os.fdopen(handle, "wb") as out:
                if source is not None:
                    _share(out.fileno(), source)
                out.write(wanted)
                out.write(data)
            os.replace(temporary, where)
        except BaseException:
            os.unlink(temporary)
            raise
        _remove_stale_temporaries(where, prefix)
    except Exception as exc:  # a read-only folder, a full disk: the bot works without its cache
        log.debug("Could not keep the cache entry %s: %r", where, exc)


def _share(handle: int, source: Path) -> None:
    """The source's read permissions, never its write ones: whoever may edit a content file gets
    no code run by it, and a pickle they could edit would run theirs (fchmod is not masked by the
    umask, as a .pyc's mode is). A file system without modes keeps the entry its owner's only."""
    try:
        os.fchmod(handle, (source.stat().st_mode & 0o444) | 0o600)
    except OSError as exc:
        log.debug("Could not give the cache entry of %s its permissions: %r", source, exc)


def _remove_stale_temporaries(where: Path, prefix: str) -> None:
    """Temporary files of this entry that a killed process left, judged by the file system's own
    clock (the entry just written is its present): one still being written is minutes younger."""
    written = where.stat().st_mtime
    for left in where.parent.glob(f"{glob.escape(prefix)}*"):
        try:
            if written - left.stat().st_mtime > STALE_TEMPORARY_S:
                left.unlink()
        except OSError:
            pass  # gone already, or not ours to remove
