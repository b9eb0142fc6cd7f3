"""Worker processes: the build's repetitive work (segmenting, statements, Markdown, pages) on
every core.

Workers are forked from the build process when a batch of work is ready, so they start with
everything the build has made so far (the plan, the renderer, loaded spaCy pipelines) and are
sent only small task numbers; they send back results. Pools are forked before the build starts
any thread of its own (Pagefind's runs), and are made only for batches big enough to pay for
the fork (`PARALLEL_MIN`): an edit that re-renders thirty files stays in one process. With
`jobs=1`, or where `fork` does not exist, everything runs in the build process (for debugging).
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")

PARALLEL_MIN = 200               # fewer tasks than this run in the build process itself
_COLLECT_EVERY = 200             # a worker collects young garbage this often (automatic GC is off)

_task: Callable[[int], object] | None = None      # what forked workers run: set before the fork
_done = 0


def usable_cores() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:                                  # not Linux
        return max(1, os.cpu_count() or 1)


def others_running() -> float:
    """How many other processes want a core right now: the kernel's count of runnable tasks
    (`/proc/loadavg`, less this process), or else the one-minute load average."""
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            return max(0, int(fh.read().split()[3].split("/")[0]) - 1)
    except (OSError, IndexError, ValueError):
        pass
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):                       # no load average here
        return 0.0


def default_jobs() -> int:
    """The cores this process may use that other work leaves free right now, at least one.

    A forked worker pays only where a core is idle: on a 2-core machine at load 11-19, `--jobs 2`
    took 10-40 % more CPU than `--jobs 1` for the same or a longer wall time (clean build and full
    re-render of 1,000 articles; notes/perf-render.md). The count of runnable tasks is taken now,
    not the load average, which still counts a build that ended a minute ago."""
    cores = usable_cores()
    return max(1, min(cores, int(cores - others_running() + 0.5)))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _run(n: int):
    global _done
    _done += 1
    if _done % _COLLECT_EVERY == 0:
        gc.collect(1)
    return _task(n)


class ForkedMap:
    """`task(n)` for n in range(count), in `jobs` forked processes; results in order of n.

    The pool is forked when this object is made, so `task` and all it reads must exist by then.
    Iterate to get the results; leaving the `with` block (or `close`) stops the workers.
    """

    def __init__(self, task: Callable[[int], T], count: int, jobs: int, chunk: int = 1):
        global _task
        _task = task
        self.count = count
        try:
            self._pool = multiprocessing.get_context("fork").Pool(min(jobs, max(1, count)))
        finally:
            _task = None                                   # the children have their copy
        self._results = self._pool.imap(_run, range(count), chunksize=max(1, chunk))

    def __iter__(self) -> Iterator[T]:
        return self._results

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> "ForkedMap":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def parallel(count: int, jobs: int) -> bool:
    """Whether `count` tasks are worth forking workers for."""
    return jobs > 1 and count >= PARALLEL_MIN and can_fork()


def map_in_workers(task: Callable[[int], T], count: int, jobs: int, chunk: int = 1) -> list[T]:
    """`[task(n) for n in range(count)]` on `jobs` cores: `jobs - 1` forked workers, and this
    process, which takes every `jobs`-th task itself while they work (each forked process holds
    its own copy of whatever it touches: one process fewer keeps the build's memory down).
    The caller decides whether the work is worth it (`parallel`)."""
    if jobs <= 1 or count <= 1 or not can_fork():
        return [task(n) for n in range(count)]
    theirs = [n for n in range(count) if n % jobs != 0]
    with ForkedMap(lambda i: task(theirs[i]), len(theirs), jobs - 1, chunk) as results:
        mine = {n: task(n) for n in range(0, count, jobs)}
        done = dict(zip(theirs, results))
    return [mine[n] if n in mine else done[n] for n in range(count)]


def shares(items: Sequence[T], parts: int) -> list[list[T]]:
    """`items` dealt into `parts` lists of about equal size, each keeping the items' order."""
    parts = max(1, min(parts, len(items)))
    return [list(items[n::parts]) for n in range(parts)]
