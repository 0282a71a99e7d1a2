"""Where a build writes, and how it is published so that a build killed at any moment leaves the
previous complete site (docs/decisions/011-atomic-publish.md).

A build writes into its own build/.staging-* folder, locked (flock) by the build and the engine
processes it starts for as long as any of them runs. Publishing exchanges the staged folder with
build/site (and build/docs) in one atomic step, renameat2(RENAME_EXCHANGE): build/site stays a
real folder that is at every moment the whole previous site or the whole new one. The previous
one is then in the staging folder, which the build removes. What a killed build leaves, a later
build removes: staging folders whose lock is free (every process that held it has ended).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no locks, so only old leftovers are recognised, by their age
    fcntl = None  # type: ignore[assignment]

PREFIX = ".staging-"
LEGACY = ".old-"  # what builds before the exchange left when killed (renamed away, then removed)
STALE_AGE = 600  # seconds: an unlocked leftover older than this belongs to no running build
AT_FDCWD = -100
RENAME_EXCHANGE = 2


def new_staging(out: Path) -> tuple[Path, int]:
    """A new build/.staging-* folder and the descriptor that locks it (-1 without locks). Pass
    the descriptor to long-running child processes (pass_fds) so that the folder stays theirs
    even if the build itself is killed; close it when done."""
    while True:
        staging = Path(tempfile.mkdtemp(prefix=PREFIX, dir=out))
        if fcntl is None:
            return staging, -1
        lock = os.open(staging, os.O_RDONLY)
        fcntl.flock(lock, fcntl.LOCK_EX)  # at once, unless remove_stale is looking at it right now
        with contextlib.suppress(FileNotFoundError):
            if os.stat(staging).st_ino == os.fstat(lock).st_ino:
                return staging, lock
        os.close(lock)  # remove_stale took it for a leftover in the instant before the lock: again


def remove_stale(out: Path) -> list[Path]:
    """Remove the staging folders of builds that no longer run, and old leftovers; returns them.
    Never follows a symbolic link, never touches build/site or build/docs."""
    removed = []
    for folder in sorted(out.glob(PREFIX + "*")) + sorted(out.glob(LEGACY + "*")):
        if folder.is_symlink() or not folder.is_dir():
            continue
        if fcntl is None or folder.name.startswith(LEGACY):
            if time.time() - folder.lstat().st_mtime > STALE_AGE:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
            continue
        try:
            lock = os.open(folder, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(lock)
            continue  # a build (or an engine process it started) still works in it
        try:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            os.close(lock)
    return removed


def publish(staging: Path, out: Path) -> None:
    """Put staging/docs and staging/site in place of build/docs and build/site, each in one
    atomic step; the previous ones are left in `staging`, for the caller to remove."""
    for name in ("docs", "site"):
        swap_in(staging / name, out / name)


def swap_in(new: Path, target: Path) -> None:
    """Make `new` the folder at `target`; the previous `target`, if any, ends up at `new`."""
    while not exchange(new, target):
        try:
            new.rename(target)  # the first build: nothing to replace (a rename is atomic too)
            return
        except OSError as error:
            if error.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
            # another build published in between: exchange with its site instead


def exchange(a: Path, b: Path) -> bool:
    """Swap the folders at `a` and `b` in one step; False if there is nothing at `b`.

    Where the system cannot exchange (not Linux, or a filesystem without RENAME_EXCHANGE), b is
    renamed aside and a renamed in: for that moment there is no b."""
    rename = _renameat2()
    if rename is not None:
        if rename(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
            return True
        code = ctypes.get_errno()
        if code == errno.ENOENT and a.exists():
            return False
        if code not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise OSError(code, os.strerror(code), str(b))
    aside = a.with_name(a.name + ".previous")
    try:
        b.rename(aside)
    except FileNotFoundError:
        return False
    a.rename(b)
    aside.rename(a)
    return True


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """glibc's renameat2 (Linux 3.15+, glibc 2.28+), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function
