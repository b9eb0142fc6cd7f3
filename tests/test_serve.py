"""The preview server: serves the site, rebuilds on change, reports a broken source on the page."""
from __future__ import annotations

import json
import threading
import time
import urllib.request

import pytest

from hawal.progress import Progress
from hawal.serve import EVENTS_PATH, BuildState, PreviewServer, rebuild, watch, watched_paths
from test_build import EN_EARLIER, FILES

pytestmark = [pytest.mark.enable_socket, pytest.mark.allow_hosts(["127.0.0.1"])]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def preview(make_project):
    config = make_project(FILES)
    config_path = config.root / "config.yaml"
    state = BuildState()
    rebuild(config_path, state, Progress(quiet=True))
    server = PreviewServer(config.output_dir, state, port=0).start()
    stop = threading.Event()
    watcher = threading.Thread(target=watch, daemon=True,
                               args=(config_path, state, Progress(quiet=True), stop, watched_paths(config, config_path)))
    watcher.start()
    time.sleep(0.3)                       # let the watcher start before the test edits files
    yield config, state, server
    stop.set()
    watcher.join(timeout=5)
    server.stop()


def test_pages_are_served_with_the_reload_script(preview):
    config, state, server = preview
    page = get(server.url + "ckb/2026/11/22/dam-levels/")
    assert '<html lang="ckb" dir="rtl">' in page and EVENTS_PATH in page
    assert state.generation == 1 and state.error is None


def test_an_edit_is_rebuilt_and_served(preview):
    config, state, server = preview
    (config.content_dir / "2026/11/22/dam-levels.md").write_text(EN_EARLIER.replace("two metres", "five metres"))
    assert wait_for(lambda: state.generation >= 2), "no rebuild after an edit"
    assert "five metres" in get(server.url + "en/2026/11/22/dam-levels/index.html")


def test_a_broken_source_keeps_the_last_good_site_and_reports_the_error(preview):
    config, state, server = preview
    (config.content_dir / "2026/11/22/broken.md").write_text("---\ntitle: Broken\nlang: fr\n---\nBonjour.\n")
    assert wait_for(lambda: state.error is not None), "the broken source was not reported"
    assert "content/2026/11/22/broken.md:3: unknown language 'fr'" in state.error
    assert "two metres" in get(server.url + "en/2026/11/22/dam-levels/index.html")
    with urllib.request.urlopen(server.url + EVENTS_PATH.lstrip("/"), timeout=10) as events:
        line = events.readline().decode()
    assert json.loads(line.removeprefix("data: "))["error"] == state.error
