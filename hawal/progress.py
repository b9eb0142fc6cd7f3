"""Progress reporting: rich bars on an interactive terminal, plain lines otherwise."""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Iterator, TextIO


class Progress:
    """Report the progress of long stages; one object per build."""

    def __init__(self, stream: TextIO | None = None, interactive: bool | None = None, quiet: bool = False):
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.quiet = quiet

    def line(self, message: str) -> None:
        if not self.quiet:
            print(message, file=self.stream, flush=True)

    def warn(self, message: str) -> None:
        """A warning the user must see even with --quiet (on stderr)."""
        import sys
        print(message, file=sys.stderr, flush=True)

    @contextmanager
    def task(self, description: str, total: int, unit: str = "items") -> Iterator["TaskHandle"]:
        """A unit of work with a known size; advance() it as parts finish."""
        if self.quiet or total <= 0:
            yield TaskHandle(None, None, 0, unit, self)
            return
        if self.interactive:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as RichProgress, TaskProgressColumn,
                                       TextColumn, TimeRemainingColumn)
            from rich.console import Console

            columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                       TextColumn("{task.fields[rate]}"), TimeRemainingColumn()]
            with RichProgress(*columns, console=Console(file=self.stream), transient=False) as bar:
                task_id = bar.add_task(description, total=total, rate="")
                yield TaskHandle(bar, task_id, total, unit, self)
        else:
            handle = TaskHandle(None, None, total, unit, self, description)
            yield handle
            handle.finish()


class TaskHandle:
    def __init__(self, bar, task_id, total: int, unit: str, progress: Progress, description: str = ""):
        self.bar, self.task_id, self.total, self.unit = bar, task_id, total, unit
        self.progress, self.description = progress, description
        self.done = 0
        self.started = time.perf_counter()
        self._last_line = self.started

    @property
    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def advance(self, amount: int = 1) -> None:
        self.done += amount
        if self.bar is not None:
            self.bar.update(self.task_id, advance=amount, rate=f"{self.rate:,.1f} {self.unit}/s")
        elif self.total and not self.progress.quiet:
            now = time.perf_counter()
            if now - self._last_line >= 5.0 and self.done < self.total:
                self._last_line = now
                eta = f", {format_duration((self.total - self.done) / self.rate)} left" if self.rate > 0 else ""
                self.progress.line(f"{self.description}: {self.done}/{self.total} {self.unit} ({self.rate:,.1f}/s{eta})")

    def set_total(self, total: int) -> None:
        """The size of the work, once it is known better than at the start."""
        self.total = total
        if self.bar is not None:
            self.bar.update(self.task_id, total=total)

    def finish(self) -> None:
        if self.total and not self.progress.quiet:
            elapsed = time.perf_counter() - self.started
            self.progress.line(f"{self.description}: {self.done}/{self.total} {self.unit} in {elapsed:.1f}s")


def format_duration(seconds: float) -> str:
    """A duration as a person reads it: 45s, 12m 5s, 3h 20m, 2d 4h."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m {secs}s"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours}h {minutes}m"
    days, hours = divmod(hours, 24)
    return f"{days}d {hours}h"
