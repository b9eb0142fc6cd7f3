"""One exception hierarchy for everything hawal reports to a user, and the exit code of each kind.

Every error a command can meet is a `HawalError` (or becomes one at the command line): its `str()`
is one line that says what is wrong and where, and its `exit_code` is what the process ends with.
The command line (`hawal.cli.main`) turns them into that line and code; anything else that escapes
a command is caught there as a last resort, so no command ends in a traceback (set HAWAL_DEBUG=1
to see one).

Exit codes (sysexits.h where one fits):
    0  success
    1  the input has problems (bad sources, a failed publish target): the build/check report says which
    2  usage or configuration error (config.yaml, command-line options)
    70 internal error: a bug in hawal (EX_SOFTWARE)
    74 the disk said no: full, read-only, permission denied (EX_IOERR)
    75 another build holds the lock; try again later (EX_TEMPFAIL)
    130 interrupted
"""
from __future__ import annotations

import errno
import os

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_IO = 74
EXIT_LOCKED = 75
EXIT_INTERRUPTED = 130


class HawalError(Exception):
    """Base of every error hawal reports; `str()` is the one line to print."""

    exit_code = EXIT_PROBLEMS


class UsageError(HawalError):
    """A command was asked for something it cannot do (bad option values, missing files)."""

    exit_code = EXIT_USAGE


class ConfigurationError(HawalError):
    """A configuration file cannot be used; the message names the file, line and key."""

    exit_code = EXIT_USAGE


class InputError(HawalError):
    """Content, a model package or another input is unusable; the message names it."""

    exit_code = EXIT_PROBLEMS


class StorageError(HawalError):
    """Reading or writing a file failed (disk full, read-only, permissions); says what and where."""

    exit_code = EXIT_IO


class LockedError(HawalError):
    """Another build or publish holds the project's lock."""

    exit_code = EXIT_LOCKED


_PLAIN_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENAMETOOLONG: "file name too long",
    errno.EMFILE: "too many open files",
    errno.EIO: "input/output error",
}


def describe_os_error(exc: OSError, doing: str = "") -> str:
    """One line for a failed file operation: what was being done, where, and the system's reason."""
    reason = _PLAIN_REASONS.get(exc.errno or 0) or exc.strerror or str(exc) or type(exc).__name__
    where = exc.filename
    if where is not None:
        where = os.fsdecode(where)
        if exc.filename2 is not None:
            where = f"{where} → {os.fsdecode(exc.filename2)}"
    prefix = f"{doing}: " if doing else ""
    return f"{prefix}{where}: {reason}" if where else f"{prefix}{reason}"


def storage_error(exc: OSError, doing: str = "") -> StorageError:
    """A StorageError that says what failed, where and why (from an OSError)."""
    error = StorageError(describe_os_error(exc, doing))
    error.errno = exc.errno
    return error
