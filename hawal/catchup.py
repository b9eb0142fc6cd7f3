"""The search index brought up to date after the pages (`serve`).

Pagefind takes longer to index an edited month than the rest of an edit-one rebuild takes. With
`BuildOptions.search_later`, a build swaps its pages in with the shards being re-indexed still
holding the live site's bundle (last build's search), and hands over a `SearchCatchUp`: once
Pagefind is done, it takes the build lock, and, if no other build has changed the site since,
swaps in the same site with the new bundles (a second atomic swap, made of hard links but for
the bundles), then records the build (marker and no-change fingerprint). Until then the build
is not recorded, so a build that starts meanwhile runs in full, and a process that stops
before the catch-up leaves a site the next build brings up to date.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Callable

from . import fingerprint
from .output import BuildLock, TreeManifests, write_build_marker, write_site

if TYPE_CHECKING:
    from .config import Config
    from .render import SiteRenderer
    from .search import SearchIndex, Shard


@dataclass
class SearchCatchUp:
    """What a build whose pages were swapped in before its search index still has to do."""

    config: Config
    search: SearchIndex
    renderer: SiteRenderer
    shards: list[Shard]                     # the shards still being indexed
    manifests: TreeManifests
    site_keys: dict[str, str]               # the site the build swapped in: path → key
    save_caches: Callable[[], None] = lambda: None   # the build and body caches, saved at the end
    report: dict = field(default_factory=dict)   # the build's report (asdict), recorded when done
    inputs: object = None                   # the build's fingerprint (None: not recorded)
    seconds: float = 0.0                    # how long the catch-up took, Pagefind included

    @property
    def months(self) -> str:
        return ", ".join(f"{shard.lang} {shard.month}" for shard in self.shards)

    def run(self) -> bool:
        """Wait for Pagefind, then swap in the site with the new bundles; False when another
        build changed the site meanwhile (it brings the search up to date itself).
        Raises SearchIndexError (Pagefind failed) or OSError (the disk refused)."""
        from .render import PageJob
        from .search import live_file

        started = time.perf_counter()
        try:
            bundles = self.search.bundle_jobs()
        finally:
            self.search.close()
        state_dir = self.config.root / ".hawal"
        site_dir = self.config.output_dir.resolve()
        lock = BuildLock(state_dir)
        lock.acquire(wait=True, purpose="search index")
        try:
            self.renderer.close()
            if self.manifests.read(site_dir) != self.site_keys:
                return False
            prefixes = tuple(shard.path for shard in self.shards)
            jobs = [PageJob(path, key, partial(live_file, site_dir, path))
                    for path, key in self.site_keys.items() if not path.startswith(prefixes)]
            jobs += [job for job in bundles if job.path.startswith(prefixes)]
            written = write_site(jobs, self.config.output_dir, self.manifests)
            write_build_marker(state_dir, self.config.output_dir, written.files)
            self.save_caches()
            if self.inputs is not None:
                report = dict(self.report, files=written.files)
                made_of = fingerprint.with_translation_memory(self.inputs, self.config)
                fingerprint.remember(state_dir, site_dir, made_of, report)
            return True
        finally:
            lock.release()
            self.seconds = time.perf_counter() - started
