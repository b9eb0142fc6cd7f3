"""`serve`: build, serve the site on localhost and rebuild on every change, reloading open pages.

A broken source shows its error in the terminal and on every open page; the last good site keeps
being served, because a failed build never touches it.
"""
from __future__ import annotations

import functools
import http.server
import json
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .config import Config, ConfigError, load_config
from .output import BuildLocked
from .catchup import SearchCatchUp
from .pipeline import BuildFailed, BuildOptions, BuildReport, run_build
from .progress import Progress
from .translate.engine import EnginePool

EVENTS_PATH = "/__hawal/events"
RELOAD_SCRIPT = """<script>
(function () {
  var box;
  function show(text) {
    if (!box) {
      box = document.createElement("pre");
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset-block-end:0;inset-inline:0;margin:0;max-block-size:50vh;overflow:auto;" +
        "background:#7a0010;color:#fff;padding:1em;font:14px/1.5 monospace;z-index:99999;white-space:pre-wrap;direction:ltr;text-align:left";
      document.body.appendChild(box);
    }
    box.textContent = "hawal: the last build failed; showing the last good site.\\n\\n" + text;
  }
  var source = new EventSource("%s");
  var seen = null;
  source.onmessage = function (event) {
    var state = JSON.parse(event.data);
    if (state.error) { show(state.error); return; }
    if (seen !== null && state.generation !== seen) { location.reload(); return; }
    seen = state.generation;
    if (box) { box.remove(); box = null; }
  };
})();
</script>""" % EVENTS_PATH


@dataclass
class BuildState:
    """What the preview knows about the latest build, shared between the watcher and the server."""

    generation: int = 0
    error: str | None = None
    changed: threading.Condition = field(default_factory=threading.Condition)
    search: threading.Thread | None = None       # the search index catching up with the pages
    search_seconds: float | None = None          # how long the last catch-up took

    def wait_for_search(self, timeout: float | None = None) -> None:
        """Until the search index of the last build is in place (tests, the bench)."""
        if self.search is not None:
            self.search.join(timeout)

    def publish(self, error: str | None) -> None:
        with self.changed:
            if error is None:
                self.generation += 1
            self.error = error
            self.changed.notify_all()

    def snapshot(self) -> dict:
        return {"generation": self.generation, "error": self.error}


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder; HTML gets the live-reload script, /__hawal/events streams state."""

    state: BuildState

    def __init__(self, *args, state: BuildState, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):      # keep the terminal for build messages
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass                                   # the browser moved on mid-transfer

    def do_GET(self):
        if self.path.split("?", 1)[0] == EVENTS_PATH:
            return self._events()
        return super().do_GET()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return super().send_head()
        html = path.read_bytes()
        marker = html.rfind(b"</body>")
        script = RELOAD_SCRIPT.encode()
        html = html[:marker] + script + html[marker:] if marker >= 0 else html + script
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(html)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        import io
        return io.BytesIO(html)

    def _events(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        last = None
        try:
            while True:
                with self.state.changed:
                    snapshot = self.state.snapshot()
                    if snapshot == last:
                        self.state.changed.wait(timeout=15)
                        snapshot = self.state.snapshot()
                if snapshot != last:
                    self.wfile.write(f"data: {json.dumps(snapshot)}\n\n".encode())
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
                last = snapshot
        except (BrokenPipeError, ConnectionResetError):
            return


class PreviewServer:
    """A threaded HTTP server for the site folder of one project."""

    def __init__(self, site_dir: Path, state: BuildState, host: str = "127.0.0.1", port: int = 8000):
        site_dir.mkdir(parents=True, exist_ok=True)
        handler = functools.partial(PreviewHandler, directory=str(site_dir), state=state)
        self.httpd = http.server.ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> "PreviewServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def rebuild(config_path: Path, state: BuildState, progress: Progress,
            engines: EnginePool | None = None) -> BuildReport | None:
    """One build for the preview: errors go to the terminal and to open pages. `engines` keeps
    translation models loaded from one rebuild to the next."""
    try:
        config = load_config(config_path)
        started = time.perf_counter()
        from . import pages

        pages.LASTING.enabled = True           # page keys of unchanged articles kept between rebuilds
        # One search index at a time: the last build's catch-up finishes before the next build
        # starts (before it takes the lock, which the catch-up needs at its end).
        state.wait_for_search()
        # The preview shows drafts and scheduled stories, marked, so editors see them before readers.
        later: list[SearchCatchUp] = []
        report = run_build(config, BuildOptions(wait=True, engines=engines, drafts=True, future=True,
                                                search_later=later.append), progress)
    except ConfigError as exc:
        error = f"error: {exc}"
    except BuildFailed as exc:
        error = "\n".join(exc.report.errors) or str(exc)
    except BuildLocked as exc:
        error = str(exc)
    except Exception as exc:          # a template error, say: show it, keep serving
        error = f"{type(exc).__name__}: {exc}"
    else:
        for warning in report.warnings:
            progress.line(warning)
        if later:
            progress.line(f"pages updated in {time.perf_counter() - started:.2f}s: {report.rendered} files changed; "
                          f"search index of {later[0].months} updating in the background")
            state.search = threading.Thread(target=catch_up_search, args=(later[0], state, progress, started),
                                            daemon=True, name="hawal-search")
        else:
            progress.line(f"rebuilt in {time.perf_counter() - started:.2f}s: {report.rendered} files changed")
        state.publish(None)
        if later:
            state.search.start()
        return report
    progress.line(error)
    progress.line("build failed; still serving the last good site")
    state.publish(error)
    return None


def catch_up_search(catch_up: SearchCatchUp, state: BuildState, progress: Progress, started: float) -> None:
    """The search index after the pages (`hawal.catchup`), in the background; a failure is
    shown like a failed build's, the pages already swapped in stay."""
    from .search import SearchIndexError

    state.search_seconds = None
    try:
        done = catch_up.run()
    except (SearchIndexError, OSError) as exc:
        error = f"error: {exc}" if isinstance(exc, SearchIndexError) else f"error: search index not written: {exc}"
        progress.line(error)
        state.publish(error)
        return
    except Exception as exc:                 # keep serving; say what went wrong
        progress.line(f"search index not updated: {type(exc).__name__}: {exc}")
        return
    state.search_seconds = time.perf_counter() - started
    if done:
        progress.line(f"search updated in {state.search_seconds:.2f}s ({catch_up.months})")


def prepare_nlp(config: Config) -> None:
    """Import the NLP stack and build each language's sentence pipeline (segmenting an edited
    article needs them; a build that finds everything cached never loads them)."""
    try:
        from .segment import sentence_pipeline
        from .statements import extract_statements  # noqa: F401  (spaCy and the statement rules' module)

        from .statements.rules import rules_for

        for lang in config.language_codes:
            sentence_pipeline(lang)
            rules_for(lang).cue_index          # the cue phrases, tokenized once
    except Exception:            # an optional head start: the build itself reports any real problem
        pass


def watched_paths(config: Config, config_path: Path) -> list[Path]:
    """What `serve` watches: sources, templates, catalogs, static files, the config, the glossary,
    the translation models' folders (installing a model rebuilds the pages it translates) and the
    translation memory's change marker (`translations import` shows reviewed corrections at once)."""
    from .translate.memory import change_marker
    from .translate.packages import models_dirs

    paths = [config.content_dir, config.templates_dir, config.locale_dir, config.static_dir, config_path]
    if config.translation.glossary is not None:
        paths.append(config.translation.glossary)
    marker = change_marker(config.translation.memory)
    if marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()                # watched from the start, so the first import counts
        except OSError:
            pass
        paths.append(marker)
    for folder in models_dirs(config.translation.models_dir):
        try:
            folder.mkdir(parents=True, exist_ok=True)      # watched from the start, so a first model counts
        except OSError:
            continue
        paths.append(folder)
    return [p for p in paths if p.exists()]


def watch(config_path: Path, state: BuildState, progress: Progress, stop: threading.Event,
          paths: Iterable[Path], engines: EnginePool | None = None) -> None:
    """Rebuild whenever a watched file changes, until `stop` is set."""
    from watchfiles import watch as watch_changes

    for changes in watch_changes(*paths, stop_event=stop, debounce=200, step=50):
        names = sorted({Path(p).name for _, p in changes})
        progress.line(f"changed: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}")
        rebuild(config_path, state, progress, engines)


def add_subcommand(subparsers) -> None:
    p = subparsers.add_parser(
        "serve", help="build, serve on localhost and rebuild on every change",
        description="Build the site, serve it on localhost and rebuild whenever content/, templates/, "
                    "config.yaml, locale/, static/, the glossary or the installed translation models change, or "
                    "when `translations import` stores reviewed corrections; open "
                    "pages reload by themselves. Drafts and scheduled stories are shown, marked.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument("--port", type=int, default=8000, help="port (default: %(default)s; 0 picks a free one)")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args) -> int:
    config_path = Path(args.config)
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        from .commands import config_error_at_line
        print(f"error: {config_error_at_line(config_path, str(exc))}", file=sys.stderr)
        return 2
    progress = Progress()
    state = BuildState()
    engines = EnginePool()
    try:                   # the port first: a busy one is said at once, not after a whole build
        server = PreviewServer(config.output_dir, state, args.host, args.port)
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.port}: {exc.strerror}"
              f"{'; choose another with --port' if args.port else ''}", file=sys.stderr)
        return 1
    rebuild(config_path, state, progress, engines)
    # While the first page is read, load what the first edit needs (spaCy and each language's
    # sentence pipeline): that edit then takes as long as any other.
    threading.Thread(target=prepare_nlp, args=(config,), daemon=True, name="hawal-nlp").start()
    server.start()
    progress.line(f"serving {config.output_dir} at {server.url} (Ctrl-C to stop)")
    stop = threading.Event()
    try:
        watch(config_path, state, progress, stop, watched_paths(config, config_path), engines)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.stop()
    return 0
