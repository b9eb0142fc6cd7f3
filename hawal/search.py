"""Search stage: a search page per language and a Pagefind index built from folded text.

Readers type Sorani and Arabic on different keyboards (ي or ی, ك or ک, ە or ه‌, ة), with or
without diacritics and tatweel, and with Western, Arabic-Indic or Persian digits. Pagefind
matches words as written, so the index is built from text folded with
`hawal.language.fold_for_search`, and static/search.js folds the query with the same rules
(tests/test_search.py runs both folds over the same input so they cannot drift apart). Titles
and the opening words shown in results are the real text, carried as Pagefind metadata; Pagefind
indexes metadata too, so dates and languages travel as filters, which it does not index.

Pagefind (`pip install 'pagefind[extended]'`) ships its indexer as a binary. The index is
sharded: one bundle per language and month of the article's date (pagefind/ckb/2026-11/), so that
an edit re-indexes one month, not the whole site. Each shard is cached by the digest of what its
records are made of and rebuilt only when that changes, by running the binary over a throw-away
folder of one small HTML file per article page. The search page lists its language's shards
newest first; static/search.js imports the newest one's pagefind.js and merges the others into it
(Pagefind's mergeIndex). (The package's async PagefindIndex service is
not used: it polls the binary's answers every 0.1 s, one record per answer, so 3,000 records took
over five minutes; its get_files() can stall on a 2 MiB pipe limit and a crashed binary leaves it
waiting forever. The command line gives the same bundle, an exit status and an error message.) Without the package the site still builds and
the search pages say that search is unavailable; a binary that is there but cannot run fails the
build with a message that says so.

The search page loads the bundle with a module import, which browsers allow only over http(s):
search works when the site is served (from any sub-path), not when opened from disk.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import os
import pickle
import re
import subprocess
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import Iterator, Sequence

from .assemble import ArticlePage, SitePlan
from .pages import search_pages
from .language import fold_for_search
from .digests import code_digest, digest
from .errors import HawalError
from .scratch import remove_stale, scratch_prefix
from .render import OutputFile, PageJob, SiteRenderer, ready
from .translate.stage import ArticleVersion

BUNDLE_DIR = "pagefind"
INSTALL_HINT = "pip install 'pagefind[extended]>=1.1,<2'"
INDEX_TIMEOUT_S = 900
SUMMARY_WORDS = 40
# Pagefind's ready-made UIs: search.js talks to pagefind.js directly, so they are not published.
UNUSED_BUNDLE_FILES = re.compile(r"^(pagefind-ui|pagefind-modular-ui|pagefind-component-ui|pagefind-highlight)\.")
# What the page runs (script, its worker, WebAssembly): needed only in the shard the page imports.
SHARD_RUNTIME = re.compile(r"^(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$")
MAX_PARALLEL_RUNS = 4
SCRATCH_MIN_FREE = 512 * 2**20
# Bump when the records or the way they are written change, to drop cached bundles.
RECORD_FORMAT = "4"
DATE_FORMAT = "medium"                # dates in search results, as article cards write them

_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre|tr|td|th|dd|dt|figcaption|ul|ol|table)>|<br\s*/?>|<hr\s*/?>", re.I)
_TAG = re.compile(r"<[^>]*>")


class SearchIndexError(HawalError, RuntimeError):
    """Pagefind is installed but could not build the index; the message says why."""


@dataclass(frozen=True)
class SearchRecord:
    """One article page as the search index of its language holds it."""

    url: str                 # site path of the page, "ckb/2026/11/23/slug/index.html"
    lang: str                # language of the index: the page's language
    text_lang: str           # language the text really is in (the original's where untranslated)
    title: str
    text: str                # title then body as plain text, whitespace collapsed to single spaces
    summary: str             # the body's first words, shown under the title in results
    date: str                # ISO date
    date_label: str          # the date as pages of `lang` write it

    @cached_property
    def content(self) -> str:
        """What Pagefind indexes: the text folded for matching (kept with a cached record)."""
        return fold_for_search(self.text)


def plain_text(html_text: str) -> str:
    """Visible text of an HTML fragment, one space between words and blocks."""
    text = _TAG.sub("", _BLOCK_END.sub(" ", html_text))
    return " ".join(html.unescape(text).split())


@dataclass(frozen=True)
class RecordSource:
    """What the search record of one article page is made of; its digest (`ContentKeys`) keys the
    record in the shard cache, so the record and its key come from the same values."""

    url: str                 # site path of the page's file
    lang: str                # the page's language (its index)
    version: ArticleVersion  # title, body and the language the text is in
    date: dt.date
    date_style: tuple[str, str, str]      # how pages of `lang` write the date: language, format, digits


def record_source(page: ArticlePage, renderer: SiteRenderer) -> RecordSource:
    lang_config = renderer.config.language(page.lang)
    return RecordSource(page.path + "index.html", page.lang, page.version, page.date,
                        (page.lang, DATE_FORMAT, lang_config.digits))


def record_of(source: RecordSource, renderer: SiteRenderer) -> SearchRecord:
    """The search record made from its source alone."""
    version = source.version
    body = plain_text(str(renderer.body_html(version)))
    title = " ".join(version.title.split())
    return SearchRecord(
        url=source.url, lang=source.lang, text_lang=version.text_lang, title=title,
        text=f"{title} {body}".strip(), summary=" ".join(body.split()[:SUMMARY_WORDS]),
        date=source.date.isoformat(), date_label=renderer.format_date(source.date, source.date_style[0], DATE_FORMAT),
    )


def page_record(page: ArticlePage, renderer: SiteRenderer) -> SearchRecord:
    """The search record of one article page (its version's text, in the page's index)."""
    return record_of(record_source(page, renderer), renderer)


def search_records(plan: SitePlan, renderer: SiteRenderer) -> list[SearchRecord]:
    """Every article page of every language, newest first within a language."""
    return [page_record(page, renderer) for lang in plan.languages for page in plan.sites[lang].articles]


def pagefind_executable() -> Path | None:
    """The Pagefind binary of the installed `pagefind` package, or None without the package.

    PAGEFIND_BINARY_PATH, when set, names another binary (Pagefind's own convention)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    found = get_executable()
    if found is None:
        raise SearchIndexError(f"search: the pagefind package is installed without its binary; {INSTALL_HINT}")
    return found


def search_unavailable_reason() -> str | None:
    """Why this build has no search (the package is not installed), or None when it has."""
    try:
        import pagefind  # noqa: F401
    except ImportError:
        return f"search: Pagefind is not installed, so the site has no search index; {INSTALL_HINT}"
    return None


def record_html(record: SearchRecord) -> str:
    """The page Pagefind indexes for one record: folded text as the body, real text as metadata.

    Pagefind also indexes metadata, which is harmless for the title and summary (their words are
    in the body too and a folded query only matches them where folding changes nothing); dates
    and the text's language are filters, which are returned with results but never matched."""
    def tag(kind: str, name: str, value: str) -> str:
        return f'<meta data-pagefind-{kind}="{name}[content]" content="{html.escape(value)}">'
    return (
        f'<!doctype html><html lang="{html.escape(record.lang)}"><head><meta charset="utf-8"><title></title>'
        + tag("meta", "title", record.title) + tag("meta", "summary", record.summary)
        + tag("filter", "text_lang", record.text_lang) + tag("filter", "date", record.date)
        + tag("filter", "date_label", record.date_label)
        + f'</head><body><p data-pagefind-body>{html.escape(record.content)}</p></body></html>'
    )


def _run(command: list[str], cwd: Path, what: str) -> str:
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=INDEX_TIMEOUT_S,
                              env={k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")})
    except subprocess.TimeoutExpired:
        raise SearchIndexError(f"search: Pagefind ({command[0]}) did not finish {what} in {INDEX_TIMEOUT_S}s") from None
    except OSError as exc:
        raise SearchIndexError(f"search: the Pagefind binary {command[0]} cannot run ({exc.strerror or exc}); "
                               f"reinstall it: {INSTALL_HINT}") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise SearchIndexError(f"search: Pagefind ({command[0]}) failed {what} with exit status {done.returncode}"
                               + (f": {detail[-1]}" if detail else ""))
    return done.stdout


def pagefind_version(executable: Path) -> str:
    """`pagefind x.y.z` as the binary reports it (also proves that it runs on this machine)."""
    with tempfile.TemporaryDirectory(prefix=scratch_prefix("hawal-search")) as tmp:
        return _run([str(executable), "--version"], Path(tmp), "to start").strip()



@dataclass(frozen=True, eq=False)          # identity: hashing would walk every page
class Shard:
    """The article pages of one language dated in one month: one Pagefind bundle of their own."""

    lang: str
    month: str                            # "2026-11", from the article's date
    pages: tuple[ArticlePage, ...]

    @property
    def path(self) -> str:
        """Site path of the shard's bundle folder, "pagefind/ckb/2026-11/"."""
        return f"{BUNDLE_DIR}/{self.lang}/{self.month}/"

    @property
    def name(self) -> str:
        return f"{self.lang}-{self.month}"


def search_shards(plan: SitePlan) -> dict[str, list[Shard]]:
    """The shards of every language, newest month first (a language without articles has none)."""
    shards: dict[str, list[Shard]] = {}
    for lang in plan.languages:
        months: dict[str, list[ArticlePage]] = {}
        for page in plan.sites[lang].articles:
            months.setdefault(f"{page.date.year:04d}-{page.date.month:02d}", []).append(page)
        shards[lang] = [Shard(lang, month, tuple(months[month])) for month in sorted(months, reverse=True)]
    return shards


def page_inputs(shard: Shard, renderer: SiteRenderer) -> list[str]:
    """The digest of what each page's record is made of (`RecordSource`), without making the
    record (the slow part is the Markdown)."""
    return [renderer.keys.of(record_source(page, renderer)) for page in shard.pages]


def shard_digest(shard: Shard, inputs: Sequence[str], version: str) -> str:
    """The cache key of a shard's bundle: its records' inputs, hawal's code and Pagefind's version."""
    return digest(RECORD_FORMAT, code_digest(), version, shard.lang, shard.month, tuple(inputs))


@lru_cache(maxsize=1)
def _scratch_dir() -> str | None:
    # Hundreds of small files written, indexed and deleted: in memory where Linux offers it.
    # Containers often give /dev/shm only 64 MiB: use it only with room to spare.
    for folder in ("/dev/shm", tempfile.gettempdir()):
        remove_stale(folder, "hawal-search")        # left by builds that were killed
    try:
        free = os.statvfs("/dev/shm")
    except OSError:
        return None
    room = free.f_bavail * free.f_frsize
    return "/dev/shm" if room >= SCRATCH_MIN_FREE and os.access("/dev/shm", os.W_OK | os.X_OK) else None


def build_bundle(records: Sequence[SearchRecord], executable: Path) -> list[OutputFile]:
    """Run Pagefind over the records; its bundle as files with paths relative to the bundle folder."""
    with tempfile.TemporaryDirectory(prefix=scratch_prefix("hawal-search"), dir=_scratch_dir()) as tmp:
        work = Path(tmp)
        pages, bundle = work / "pages", work / "bundle"
        for record in records:
            # Pagefind stores the file's path below --site as the result URL: the page's site path.
            path = pages / record.url
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(record_html(record), encoding="utf-8")
        pages.mkdir(parents=True, exist_ok=True)
        # cwd is the empty work folder so that no pagefind.yml of the user's is picked up.
        _run([str(executable), "--site", str(pages), "--output-path", str(bundle), "--keep-index-url", "--quiet"],
             work, "indexing")
        return _bundle_files(bundle)


def _bundle_files(bundle: Path) -> list[OutputFile]:
    files = []
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        rel = path.relative_to(bundle).as_posix()
        if UNUSED_BUNDLE_FILES.match(rel):
            continue
        data = path.read_bytes()
        if rel == "pagefind-entry.json":
            # Pagefind lists languages in hash-map order; sorted, the same input gives the same bytes.
            data = json.dumps(json.loads(data), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        files.append(OutputFile(rel, data))
    return files


class ShardCache:
    """Each shard's bundle from the last build, filed under the shard's name with the digest it was
    built from. Two files a shard: a small index (key, each file's path and content digest) read
    every build, and the data (file bytes, and the records to reuse for unchanged pages) read
    only when a file has to be written or the shard re-indexed. Shards that are gone are dropped,
    so the cache stays the size of the index."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def _paths(self, shard: Shard) -> tuple[Path, Path]:
        assert self.folder is not None
        return self.folder / f"{shard.name}.index", self.folder / f"{shard.name}.pickle"

    def fresh(self, shard: Shard, key: str) -> list[tuple[str, str]] | None:
        """(path, content digest) of each file of the shard's bundle if it was built from `key`."""
        if self.folder is None:
            return None
        index_path, data_path = self._paths(shard)
        try:
            with index_path.open("rb") as fh:
                index = pickle.load(fh)
            if index["key"] == key and data_path.stat().st_size == index["size"]:
                return list(index["files"])
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, TypeError, ValueError):
            pass          # no cache, or an unreadable one: index afresh
        return None

    def data(self, shard: Shard) -> dict | None:
        """{"key", "files": [(path, bytes)], "records": {str: SearchRecord}}, or None."""
        if self.folder is None:
            return None
        try:
            with self._paths(shard)[1].open("rb") as fh:
                data = pickle.load(fh)
            return data if isinstance(data, dict) and {"key", "files", "records"} <= data.keys() else None
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, TypeError, ValueError, ImportError):
            return None

    def put(self, shard: Shard, key: str, files: list[OutputFile], records: dict[str, SearchRecord]) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        index_path, data_path = self._paths(shard)
        # The data first, then the index that vouches for it: a build killed between the two
        # leaves an index that does not match (size or key), which means "index afresh".
        tmp = data_path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump({"key": key, "files": [(f.path, f.data) for f in files], "records": records}, fh,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, data_path)
        index = {"key": key, "size": data_path.stat().st_size, "files": [(f.path, ready(f).key) for f in files]}
        tmp = index_path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, index_path)

    def keep_only(self, shards: Sequence[Shard]) -> None:
        if self.folder is None or not self.folder.is_dir():
            return
        live = {name for shard in shards for name in (f"{shard.name}.index", f"{shard.name}.pickle")}
        for path in self.folder.iterdir():
            if path.name not in live:
                path.unlink(missing_ok=True)


def _cached_file(cache: ShardCache, shard: Shard, path: str, memo: dict) -> OutputFile:
    """A file of a shard's cached bundle, read when write_site really needs its bytes."""
    if shard not in memo:
        data = cache.data(shard)
        memo[shard] = dict(data["files"]) if data else {}
    if path not in memo[shard]:
        raise SearchIndexError(f"search: the cached index of {shard.path} went missing during the build; build again")
    return OutputFile(path, memo[shard][path])


class SearchIndex:
    """The search pages and Pagefind bundles of one build.

    Every shard's bundle comes from the cache where its records' inputs are unchanged; the others
    are indexed afresh, one Pagefind process each (start-up is a few milliseconds), a few at a
    time, in the background from the moment this object is made, so the rest of the site is
    rendered and written meanwhile. Each shard's records are made by the thread that indexes it
    (records of pages that did not change come from the cache; bodies come from the body cache,
    and the Markdown converter is locked where one has to be rendered).

    Use it as a context manager: leaving it stops what has not started yet.
    Raises SearchIndexError (from `bundle_jobs`) when Pagefind is installed but cannot build the index.
    """

    def __init__(self, plan: SitePlan, renderer: SiteRenderer, runs: int | None = None):
        """`runs`: Pagefind processes at a time (default: one per core, at most MAX_PARALLEL_RUNS)."""
        self.plan, self.renderer = plan, renderer
        self._runs = runs
        executable = pagefind_executable()
        self.shards = search_shards(plan) if executable is not None else {lang: [] for lang in plan.languages}
        cache_root = renderer.config.root / ".hawal" / "cache"
        (cache_root / "search.pickle").unlink(missing_ok=True)        # the single-bundle cache of old builds
        self._cache = ShardCache(cache_root / "search")
        self._every = [shard for lang in plan.languages for shard in self.shards[lang]]
        self._found: dict[Shard, list[PageJob]] = {}
        self._pending: list[tuple[Shard, Future]] = []
        self._pool: ThreadPoolExecutor | None = None
        if self._every:
            self._start(executable)

    def _start(self, executable: Path) -> None:
        version = pagefind_version(executable)
        memo: dict = {}
        stale = []
        for shard in self._every:
            inputs = page_inputs(shard, self.renderer)
            key = shard_digest(shard, inputs, version)
            files = self._cache.fresh(shard, key)
            if files is not None:
                self._found[shard] = [PageJob(path, file_key, partial(_cached_file, self._cache, shard, path, memo))
                                      for path, file_key in files]
                continue
            stale.append((shard, key, inputs))
        if stale:
            runs = self._runs or min(os.cpu_count() or 1, MAX_PARALLEL_RUNS)
            self._pool = ThreadPoolExecutor(max(1, min(len(stale), runs)), thread_name_prefix="pagefind")
            self._pending = [(shard, self._pool.submit(self._index, shard, key, inputs, executable))
                             for shard, key, inputs in stale]

    def _index(self, shard: Shard, key: str, inputs: list[str], executable: Path) -> list[OutputFile]:
        """One stale shard, in a thread of the pool: its records (an unchanged page's from the
        cache), its bundle, and its cache entry. Made shard by shard, the records of a big site
        are never all in memory at once."""
        old = (self._cache.data(shard) or {}).get("records", {})
        records = {}
        for page, made_of in zip(shard.pages, inputs):
            record = old.get(made_of)
            records[made_of] = record if isinstance(record, SearchRecord) else page_record(page, self.renderer)
        del old
        files = build_bundle(list(records.values()), executable)
        self._cache.put(shard, key, files, records)
        return files

    def page_jobs(self) -> Iterator[PageJob]:
        """The search page of every language."""
        for page in search_pages(self.plan, self.shards):
            yield self.renderer.job_for(page)

    def bundle_jobs(self) -> list[PageJob]:
        """Every shard's bundle under pagefind/LANG/MONTH/, as jobs keyed by content (an unchanged
        shard's bytes are read only if write_site needs them); waits for the shards being indexed.

        Only the newest shard of a language carries Pagefind's script and WebAssembly (the page
        loads it and merges the others into it); the others hold just their index."""
        for shard, future in self._pending:
            self._found[shard] = [ready(f) for f in future.result()]
        self._pending = []
        if self._every:
            self._cache.keep_only(self._every)
        jobs = []
        for lang in self.plan.languages:
            for position, shard in enumerate(self.shards[lang]):
                for job in self._found[shard]:
                    if position == 0 or not SHARD_RUNTIME.match(job.path):
                        jobs.append(PageJob(shard.path + job.path, job.key, partial(_moved, shard.path, job.make)))
        return jobs

    def pending_shards(self) -> list[Shard]:
        """The shards still being indexed."""
        return [shard for shard, _future in self._pending]

    def bundle_jobs_so_far(self, live: dict[str, str], site_dir: Path) -> list[PageJob] | None:
        """Without waiting: `bundle_jobs`, but a shard still being indexed keeps the files the
        live site has for it (`live`: its manifest, path → key), so pages can be swapped in
        before the search index catches up. None where that cannot give a working search: a
        shard being indexed that the live site lacks, or lacks the runtime of (the newest)."""
        still = []
        for shard, future in self._pending:
            if future.done():
                self._found[shard] = [ready(f) for f in future.result()]
            else:
                still.append((shard, future))
        self._pending = still
        pending = {shard for shard, _future in still}
        if not pending:
            return self.bundle_jobs()
        jobs = []
        for lang in self.plan.languages:
            for position, shard in enumerate(self.shards[lang]):
                if shard in pending:
                    prefix = shard.path
                    held = [path for path in live if path.startswith(prefix)]
                    if not held or (position == 0 and not any(SHARD_RUNTIME.match(p[len(prefix):]) for p in held)):
                        return None
                    jobs.extend(PageJob(path, live[path], partial(live_file, site_dir, path)) for path in held)
                    continue
                for job in self._found[shard]:
                    if position == 0 or not SHARD_RUNTIME.match(job.path):
                        jobs.append(PageJob(shard.path + job.path, job.key, partial(_moved, shard.path, job.make)))
        return jobs

    def keep_open(self) -> None:
        """Leaving the `with` block no longer stops the shards being indexed (`close` does)."""
        self._kept_open = True

    def known_bundle_files(self) -> int:
        """How many bundle files are known before indexing ends (those of unchanged shards)."""
        return sum(len(jobs) for jobs in self._found.values())

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "SearchIndex":
        return self

    def __exit__(self, *exc) -> None:
        if not getattr(self, "_kept_open", False):
            self.close()


def live_file(site_dir: Path, path: str) -> OutputFile:
    """A file as the live site holds it."""
    return OutputFile(path, (site_dir / path).read_bytes())


def search_jobs(plan: SitePlan, renderer: SiteRenderer) -> Iterator[PageJob]:
    """The search page of every language and, where Pagefind is installed, its shards' bundles
    (see SearchIndex). Raises SearchIndexError when Pagefind is installed but cannot build the index."""
    with SearchIndex(plan, renderer) as index:
        yield from index.page_jobs()
        yield from index.bundle_jobs()


def _moved(prefix: str, make) -> OutputFile:
    output = make()
    return OutputFile(prefix + output.path, output.data)


def search_files(plan: SitePlan, renderer: SiteRenderer) -> Iterator[OutputFile]:
    """search_jobs' files, made (every byte read)."""
    for job in search_jobs(plan, renderer):
        yield job.make()
