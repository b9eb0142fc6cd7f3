"""An editor's daily workflow (issue 10): drafts, scheduled stories, files next to a story, `check`
warnings, `new` and its options, one story in several languages, and quiet output."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from PIL import Image

from conftest import REPO
from hawal.cli import main
from hawal.pipeline import BuildFailed, BuildOptions, run_build
from hawal.progress import Progress
from hawal.serve import BuildState, rebuild
from html_tools import parse

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.timezone.utc)

STORY = """---
title: Council agrees on the water budget
lang: en
source: Hawal
tags: [water]
---

KIRKUK (Hawal) — The provincial council agreed on Monday to spend more on water pipes in the city.

"We will repair the old network before the summer," the governor said after the vote.
"""


def story(title: str, extra: str = "", body: str = "The council met on Monday to agree on the budget for schools.") -> str:
    return f"---\ntitle: {title}\nlang: en\n{extra}---\n\n{body}\n"


def build(config, **options):
    return run_build(config, BuildOptions(now=NOW, **options))


def cli(config, *args):
    return subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(config.root / "config.yaml"), *args],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})


def write_image(path: Path, size=(64, 48), orientation: int | None = None, fmt: str | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, (40, 90, 160))
    if orientation:
        exif = Image.Exif()
        exif[0x0112] = orientation
        image.save(path, fmt, exif=exif)
    else:
        image.save(path, fmt)
    return path


# --- 1. drafts ------------------------------------------------------------------------------------

def test_drafts_are_left_out_of_build_and_shown_marked_by_drafts_option_and_serve(make_project):
    config = make_project({"2026/11/23/council.md": STORY,
                           "2026/11/23/secret.md": story("Unpublished plan", "draft: true\n")})
    report = build(config)
    assert report.held == {"drafts": ["content/2026/11/23/secret.md"]}
    site = config.output_dir
    assert not (site / "en/2026/11/23/secret").exists()
    assert "secret" not in (site / "en/feed.xml").read_text() and "secret" not in (site / "sitemap.xml").read_text()
    assert "Unpublished plan" not in (site / "en/2026/11/23/index.html").read_text()

    report = build(config, drafts=True)
    page = parse(site / "en/2026/11/23/secret/index.html")
    assert page.cssselect(".status__draft") and page.cssselect('meta[name=robots][content=noindex]')
    card = [c for c in parse(site / "en/2026/11/23/index.html").cssselect(".card") if "Unpublished" in c.text_content()]
    assert card and card[0].cssselect(".badge--draft")
    assert not parse(site / "en/2026/11/23/council/index.html").cssselect(".status")

    # serve shows drafts, marked
    (config.content_dir / "2026/11/23/secret.md").write_text(story("Unpublished plan v2", "draft: true\n"))
    state = BuildState()
    assert rebuild(config.root / "config.yaml", state, Progress(quiet=True)) is not None
    assert parse(site / "en/2026/11/23/secret/index.html").cssselect(".status__draft")


def test_draft_must_be_true_or_false(make_project):
    config = make_project({"2026/11/23/a.md": story("A", 'draft: "yes"\n')})
    with pytest.raises(BuildFailed) as failed:
        build(config)
    assert failed.value.report.errors == ["content/2026/11/23/a.md:4: draft must be true or false (without quotes)"]


# --- 2. scheduled stories -----------------------------------------------------------------------

def test_a_story_dated_in_the_future_waits_for_its_date(make_project, capsys):
    config = make_project({
        "2026/11/23/council.md": STORY,
        "2026/12/25/christmas.md": story("Christmas market opens", "date: 2026-12-25\n"),
        "2026/11/24/later-today.md": story("Evening session", "date: 2026-11-24T18:00:00+03:00\n"),
        "2026/11/24/this-morning.md": story("Morning session", "date: 2026-11-24T08:00:00+03:00\n"),
    })
    report = build(config)
    assert sorted(report.held["scheduled"]) == ["content/2026/11/24/later-today.md", "content/2026/12/25/christmas.md"]
    assert report.next_scheduled == "2026-11-24T18:00:00+03:00"
    site = config.output_dir
    latest = parse(site / "en/index.html")
    assert latest.cssselect("h1 time")[0].get("datetime") == "2026-11-24"        # not December
    assert not (site / "en/2026/12/25").exists() and not (site / "en/2026/11/24/later-today").exists()
    assert (site / "en/2026/11/24/this-morning/index.html").exists()

    # after its time the same build publishes it
    report = run_build(config, BuildOptions(now=dt.datetime(2026, 11, 24, 16, 0, tzinfo=dt.timezone.utc)))
    assert report.held["scheduled"] == ["content/2026/12/25/christmas.md"]
    assert (site / "en/2026/11/24/later-today/index.html").exists()

    build(config, future=True)
    page = parse(site / "en/2026/12/25/christmas/index.html")
    assert page.cssselect(".status__scheduled") and page.cssselect('meta[name=robots][content=noindex]')
    assert parse(site / "en/index.html").cssselect("h1 time")[0].get("datetime") == "2026-12-25"


def test_build_summary_says_what_was_held_back(make_project):
    config = make_project({"2026/11/23/council.md": STORY,
                           "2099/01/01/far.md": story("Far away", "date: 2099-01-01\n"),
                           "2026/11/23/secret.md": story("Secret", "draft: true\n")})
    proc = cli(config, "build")
    assert proc.returncode == 0, proc.stderr
    [line] = [l for l in proc.stderr.splitlines() if l.startswith("not published:")]
    assert "1 draft, 1 scheduled story" in line and "2099-01-01" in line and "--drafts --future" in line


# --- 3. images and files next to a story --------------------------------------------------------

IMAGE_STORY = """---
title: Dukan reservoir at its lowest in years
lang: en
image: dukan-dam.jpg
source: Hawal
---

DUKAN (Hawal) — The reservoir behind the Dukan dam fell to a third of its capacity this week.

![Dukan dam at dawn](dukan-dam.jpg "The dam")

The figures are in [the ministry's report](reports/dukan-2026.pdf) and on [its site](https://example.org/dukan).
"""


def test_images_and_files_next_to_a_story_are_published_once_with_size_and_alt(make_project):
    config = make_project({"2026/11/23/dukan.md": IMAGE_STORY,
                           "2026/11/23/dukan.ar.md": "---\ntitle: سد دوكان\n---\n\nانخفض الخزان إلى ثلث سعته.\n\n"
                                                     "![سد دوكان عند الفجر](dukan-dam.jpg)\n"})
    write_image(config.content_dir / "2026/11/23/dukan-dam.jpg", (64, 48), fmt="JPEG")
    (config.content_dir / "2026/11/23/reports").mkdir()
    (config.content_dir / "2026/11/23/reports/dukan-2026.pdf").write_bytes(b"%PDF-1.4\n%test\n")
    report = build(config)
    site = config.output_dir
    published = site / "files/2026/11/23/dukan-dam.jpg"
    assert published.read_bytes() == (config.content_dir / "2026/11/23/dukan-dam.jpg").read_bytes()
    assert (site / "files/2026/11/23/reports/dukan-2026.pdf").is_file()
    assert len(list(site.rglob("dukan-dam.jpg"))) == 1                  # one copy for every language
    alts = {}
    for lang in ("en", "ar", "ckb"):
        page_dir = site / lang / "2026/11/23/dukan"
        [img] = parse(page_dir / "index.html").cssselect(".article__body img")
        assert (page_dir / img.get("src")).resolve() == published.resolve()
        assert (img.get("width"), img.get("height"), img.get("loading")) == ("64", "48", "lazy")
        alts[lang] = img.get("alt")
        if lang == "ar":
            continue                        # the newsroom's Arabic text links no report
        [pdf] = parse(page_dir / "index.html").cssselect('.article__body a[href$=".pdf"]')
        assert (page_dir / pdf.get("href")).resolve() == (site / "files/2026/11/23/reports/dukan-2026.pdf").resolve()
    assert alts["en"] == "Dukan dam at dawn" and alts["ar"] == "سد دوكان عند الفجر"   # the newsroom's words
    assert alts["ckb"] == "Dukan dam at dawn"               # no model: the original, as the page says

    # the lead image on the briefing card and in the feed
    day = site / "en/2026/11/23"
    [card_img] = parse(day / "index.html").cssselect(".card img.card__image")
    assert (day / card_img.get("src")).resolve() == published.resolve() and card_img.get("alt") == "Dukan dam at dawn"
    ar_card = parse(site / "ar/2026/11/23/index.html").cssselect(".card img.card__image")[0]
    assert ar_card.get("alt") == "سد دوكان عند الفجر"
    feed = feedparser.parse((site / "en/feed.xml").read_bytes())
    [entry] = feed.entries
    [enclosure] = entry.enclosures
    assert enclosure.href == config.base_url + "files/2026/11/23/dukan-dam.jpg" and enclosure.type == "image/jpeg"
    assert 'src="https://briefing.example.org/files/2026/11/23/dukan-dam.jpg"' in entry.content[0].value
    assert report.ok


def test_a_missing_or_outside_file_is_an_error_with_its_line(make_project):
    body = ("KIRKUK (Hawal) — Text.\n\n![The dam](missing.jpg)\n\n[Passwords](../../../../../secret.pdf)\n\n"
            "![Hidden](.hidden.png)\n\n![Script](page.svg)\n")
    config = make_project({"2026/11/23/a.md": story("A", "", body),
                           "2026/11/23/b.md": story("B", "image: nowhere.jpg\n")})
    (config.root / "secret.pdf").write_bytes(b"%PDF")
    with pytest.raises(BuildFailed) as failed:
        build(config)
    errors = failed.value.report.errors
    assert errors[0] == ("content/2026/11/23/a.md:8: image 'missing.jpg' not found: there is no "
                         "content/2026/11/23/missing.jpg")
    assert errors[1].startswith("content/2026/11/23/a.md:10: file '../../../../../secret.pdf' lies outside the content")
    assert errors[2].startswith("content/2026/11/23/a.md:12: image '.hidden.png' is a hidden file")
    assert errors[3].startswith("content/2026/11/23/a.md:14: image 'page.svg': .svg cannot be published")
    assert errors[4].startswith("content/2026/11/23/b.md:4: image: 'nowhere.jpg' is not an image of the story's body")
    assert not config.output_dir.exists()


def test_a_file_that_is_not_an_image_and_a_symlink_are_refused(make_project, tmp_path):
    config = make_project({"2026/11/23/a.md": story("A", "", "Text here.\n\n![Chart](chart.png)\n\n![Photo](photo.jpg)\n")})
    (config.content_dir / "2026/11/23/chart.png").write_text("not an image")
    outside = write_image(tmp_path / "outside.jpg")
    (config.content_dir / "2026/11/23/photo.jpg").symlink_to(outside)
    with pytest.raises(BuildFailed) as failed:
        build(config)
    assert "is not an image hawal can read" in failed.value.report.errors[0]
    assert "symbolic link" in failed.value.report.errors[1]


def test_sideways_photos_get_their_upright_size(make_project):
    config = make_project({"2026/11/23/a.md": story("A", "", "Text here.\n\n![A tall photo](tall.jpg)\n")})
    write_image(config.content_dir / "2026/11/23/tall.jpg", (80, 30), orientation=6, fmt="JPEG")
    build(config)
    [img] = parse(config.output_dir / "en/2026/11/23/a/index.html").cssselect(".article__body img")
    assert (img.get("width"), img.get("height")) == ("30", "80")


def test_remote_and_raw_html_images_are_not_shown_and_remote_ones_are_warned_about(make_project):
    body = "Text here.\n\n![Tracker](https://tracker.example.com/pixel.gif)\n\n<img src=\"local.png\" alt=\"raw\">\n"
    config = make_project({"2026/11/23/a.md": story("A", "", body)})
    report = build(config)
    assert not parse(config.output_dir / "en/2026/11/23/a/index.html").cssselect(".article__body img")
    assert report.warnings == ["content/2026/11/23/a.md:8: warning: image 'https://tracker.example.com/pixel.gif' "
                               "from another site is not shown (pages load nothing from other sites, which would "
                               "see every reader); put the file next to the story and write its file name"]


def test_an_image_change_rebuilds_the_pages_that_show_it(make_project):
    config = make_project({"2026/11/23/dukan.md": IMAGE_STORY.replace(
        "The figures are in [the ministry's report](reports/dukan-2026.pdf) and", "Figures are")})
    image = write_image(config.content_dir / "2026/11/23/dukan-dam.jpg", (64, 48), fmt="JPEG")
    build(config)
    write_image(image, (120, 90), fmt="JPEG")
    os.utime(image, ns=(1, 1))
    build(config)
    site = config.output_dir
    [img] = parse(site / "ar/2026/11/23/dukan/index.html").cssselect(".article__body img")
    assert (img.get("width"), img.get("height")) == ("120", "90")
    assert (site / "files/2026/11/23/dukan-dam.jpg").read_bytes() == image.read_bytes()


# --- 4. check: warnings for what is legal but likely wrong ---------------------------------------

def test_check_warns_with_path_and_line(make_project):
    config = make_project({
        "2026/11/23/moved.md": story("Moved", "date: 2026-11-21\n"),
        "2026/11/23/wrong-lang.md": "---\ntitle: وزارة الكهرباء\nlang: ckb\n---\n\nقالت وزارة الكهرباء إن الساعات "
                                    "ستزداد في المحافظة خلال الأسبوع المقبل.\n",
        "2026/11/23/fine.md": STORY,
    })
    proc = cli(config, "check")
    assert proc.returncode == 0, proc.stderr
    warnings = [l for l in proc.stderr.splitlines() if ": warning: " in l]
    assert warnings[0].startswith("content/2026/11/23/moved.md:4: warning: date 2026-11-21 is not the folder's day "
                                  "2026-11-23")
    assert warnings[1].startswith("content/2026/11/23/wrong-lang.md:3: warning: lang: ckb (Sorani Kurdish) but the "
                                  "text reads as Arabic")
    assert len(warnings) == 2 and "2 warning(s)" in proc.stdout
    assert cli(config, "check", "--strict").returncode == 1


def test_untouched_scaffolds_are_never_published_and_do_not_break_serve(make_project, capsys):
    config = make_project({"2026/11/23/council.md": STORY})
    cfg = str(config.root / "config.yaml")
    assert main(["--config", cfg, "new", "Water talks", "--lang", "en", "--date", "2026-11-23"]) == 0
    assert main(["--config", cfg, "new", "بارانی زۆر", "--lang", "ckb", "--date", "2026-11-23", "--wire"]) == 0
    capsys.readouterr()
    state = BuildState()
    report = rebuild(config.root / "config.yaml", state, Progress(quiet=True))     # serve's build
    assert report is not None and state.error is None
    assert sorted(report.held["unfinished"]) == ["content/2026/11/23/barani-zor.txt", "content/2026/11/23/water-talks.md"]
    assert not (config.output_dir / "en/2026/11/23/water-talks").exists()
    assert not (config.output_dir / "en/2026/11/23/barani-zor").exists()
    proc = cli(config, "check")
    assert "content/2026/11/23/water-talks.md:12: warning: unfinished `new` scaffold, not published: the dateline is " \
           "still the placeholder `CITY (AGENCY)`" in proc.stderr
    assert "content/2026/11/23/barani-zor.txt:2: warning: unfinished `new` scaffold" in proc.stderr
    # once written, it is published
    path = config.content_dir / "2026/11/23/water-talks.md"
    path.write_text(path.read_text().replace("CITY (AGENCY) — ", "ERBIL (Hawal) — The talks on water went on.\n"))
    assert "held" not in json.dumps(build(config).held) and (config.output_dir / "en/2026/11/23/water-talks").exists()


# --- 5. new: tags, draft, Latin file names, $EDITOR -------------------------------------------------

def test_new_takes_tags_and_draft(make_project, capsys):
    config = make_project({})
    assert main(["--config", str(config.root / "config.yaml"), "new", "Dam levels fall", "--lang", "en",
                 "--date", "2026-11-23", "--tags", "water, energy", "--draft"]) == 0
    path = Path(capsys.readouterr().out.strip())
    text = path.read_text()
    assert "tags: [water, energy]\n" in text and "draft: true\n" in text
    path.write_text(text.replace("CITY (AGENCY) — ", "ERBIL (Hawal) — Levels fell again."))
    from hawal.sources import load_sources
    [article] = load_sources(config.content_dir, config.root, config.language_codes, config.timezone).articles
    assert article.tags == ("water", "energy") and article.draft


@pytest.mark.parametrize("lang, title, slug", [
    ("ckb", "ئاو بۆ گەڕەکەکانی هەولێر", "aw-bo-gerekekani-hewler"),
    ("ar", "وزير النفط يزور كركوك", "wzir-alnft-yzur-krkuk"),
    ("en", "Kirkuk’s council: 2027 budget", "kirkuks-council-2027-budget"),
])
def test_new_makes_a_latin_file_name_for_any_headline(make_project, capsys, lang, title, slug):
    config = make_project({})
    assert main(["--config", str(config.root / "config.yaml"), "new", title, "--lang", lang,
                 "--date", "2026-11-23"]) == 0
    out, err = capsys.readouterr()
    assert Path(out.strip()).name == f"{slug}.md"
    if lang != "en":
        assert "`slug:`" in err                      # says how to choose another URL


def test_new_says_how_to_set_a_slug_when_no_latin_name_can_be_made(make_project, capsys):
    config = make_project({})
    assert main(["--config", str(config.root / "config.yaml"), "new", "«؟»", "--lang", "ar"]) == 1
    assert "--slug" in capsys.readouterr().err


def test_new_opens_the_editor(make_project, capsys, tmp_path, monkeypatch):
    config = make_project({})
    log = tmp_path / "editor.log"
    editor = tmp_path / "fake-editor"
    editor.write_text(f"#!/bin/sh\necho \"$@\" > {log}\n")
    editor.chmod(0o755)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{editor} --wait")
    assert main(["--config", str(config.root / "config.yaml"), "new", "Dam levels", "--lang", "en", "--edit"]) == 0
    path = capsys.readouterr().out.strip()
    assert log.read_text().split() == ["--wait", path]


# --- 6. one story in several languages ----------------------------------------------------------

def test_translation_of_makes_one_story_counted_once_per_language(make_project, capsys):
    config = make_project({"2026/11/23/council.md": STORY})
    cfg = str(config.root / "config.yaml")
    original = config.content_dir / "2026/11/23/council.md"
    assert main(["--config", cfg, "new", "--translation-of", str(original), "--lang", "ar"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == config.content_dir / "2026/11/23/council.ar.md"
    scaffold = path.read_text()
    assert "Council agrees on the water budget" in scaffold          # the original, for the translator
    # an untouched translation scaffold is not used: the page says it is not translated
    report = build(config)
    assert any("council.ar.md:1: warning: newsroom translation into ar has no text yet" in w for w in report.warnings)
    ar_page = parse(config.output_dir / "ar/2026/11/23/council/index.html")
    assert ar_page.cssselect(".provenance--missing") and "Translate" not in ar_page.text_content()

    path.write_text("---\ntitle: المجلس يقر ميزانية المياه\n---\n\nكركوك (هاوار) — أقر مجلس المحافظة الاثنين زيادة الإنفاق "
                    "على أنابيب المياه.\n\n«سنصلح الشبكة القديمة قبل الصيف»، قال المحافظ بعد التصويت.\n")
    report = build(config)
    site = config.output_dir
    assert report.articles == 1
    for lang in ("en", "ar", "ckb"):
        day = parse(site / lang / "2026/11/23/index.html")
        assert len(day.cssselect(".card")) == 1
        texts = [s.text_content() for s in day.cssselect(".statement__text")]
        assert len(texts) == len(set(texts)) and len(texts) >= 1
        assert len(feedparser.parse((site / lang / "feed.xml").read_bytes()).entries) == 1
    ar = parse(site / "ar/2026/11/23/council/index.html")
    assert ar.cssselect(".provenance--newsroom") and "المجلس يقر ميزانية المياه" in ar.cssselect("h1")[0].text_content()


def test_one_story_written_twice_is_pointed_out(make_project):
    url = "source_url: https://example.org/council\n"
    config = make_project({"2026/11/23/council.md": story("Council", url),
                           "2026/11/23/majlis.md": "---\ntitle: المجلس\n" + url + "---\n\nأقر مجلس المحافظة الميزانية.\n"})
    report = build(config)
    assert len(report.warnings) == 1 and report.warnings[0].startswith(
        "content/2026/11/23/majlis.md:3: warning: same source_url as content/2026/11/23/council.md")
    assert "council.ar.md" in report.warnings[0] and "--translation-of" in report.warnings[0]


# --- 10. quiet, useful output ---------------------------------------------------------------------

@pytest.mark.allow_hosts(["127.0.0.1"])
def test_serve_checks_the_port_before_building(make_project, capsys):
    import socket

    config = make_project({"2026/11/23/council.md": STORY})
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["--config", str(config.root / "config.yaml"), "serve", "--port", str(port)])
    assert code == 1 and f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err
    assert not (config.output_dir / "index.html").exists()                # nothing was built first


def test_waiting_is_said_only_when_another_build_holds_the_lock(make_project):
    import io
    import threading

    from hawal.output import BuildLock

    config = make_project({"2026/11/23/council.md": STORY})
    quiet = io.StringIO()
    assert rebuild(config.root / "config.yaml", BuildState(), Progress(quiet, interactive=False)) is not None
    assert "waiting" not in quiet.getvalue()

    other = BuildLock(config.root / ".hawal").acquire(purpose="test build")
    threading.Timer(1.0, other.release).start()
    told = io.StringIO()
    assert rebuild(config.root / "config.yaml", BuildState(), Progress(told, interactive=False)) is not None
    assert "waiting: test build by pid" in told.getvalue()


def test_serve_watches_the_models_folder(make_project):
    from hawal.serve import watched_paths

    config = make_project({"2026/11/23/council.md": STORY})
    assert config.translation.models_dir in watched_paths(config, config.root / "config.yaml")
    assert config.translation.models_dir.is_dir()


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_serve_rebuilds_when_a_model_is_installed(make_project):
    import threading
    import time

    from hawal.serve import watch, watched_paths
    from model_factory import install_test_models

    config = make_project({"2026/11/23/council.md": STORY})
    config_path = config.root / "config.yaml"
    state = BuildState()
    rebuild(config_path, state, Progress(quiet=True))
    page = config.output_dir / "ar/2026/11/23/council/index.html"
    assert parse(page).cssselect(".provenance--missing")
    stop = threading.Event()
    watcher = threading.Thread(target=watch, daemon=True,
                               args=(config_path, state, Progress(quiet=True), stop, watched_paths(config, config_path)))
    watcher.start()
    time.sleep(0.3)
    try:
        install_test_models(config.translation.models_dir, [("en", "ar")])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not parse(page).cssselect(".provenance--machine"):
            time.sleep(0.2)
        assert parse(page).cssselect(".provenance--machine"), "no rebuild after a model was installed"
    finally:
        stop.set()
        watcher.join(timeout=10)


def test_make_site_sets_up_quietly_with_progress_and_no_resolver_banner():
    proc = subprocess.run(["make", "-n", "-B", ".venv/.installed"], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    steps = [l for l in lines if l.startswith('echo "  [')]
    assert len(steps) == 3                                            # progress, one line per step
    installs = [l for l in lines if " install " in l]
    assert all("--quiet --quiet" in l and "--disable-pip-version-check" in l for l in installs)
    # argostranslate goes in last, without its dependencies, and pip is told not to warn about them
    assert "argostranslate" in installs[-1] and "--no-deps" in installs[-1]
    assert all("--no-warn-conflicts" in l for l in installs[1:])
    recipe = (REPO / "Makefile").read_text().split("$(STAMP): pyproject.toml Makefile\n", 1)[1].split("\n\n", 1)[0]
    assert all(line.startswith("\t@") for line in recipe.splitlines())   # make does not echo the commands


# --- 11. small things -----------------------------------------------------------------------------

def test_statements_works_on_a_folder_and_never_splits_sorani_words():
    folder = REPO / "content/2026/11/21"

    def statements(*args, columns="130"):
        env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": columns}
        proc = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(REPO / "config.yaml"),
                               "statements", *args], capture_output=True, text=True, env=env, cwd=REPO)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    sources = sorted(p.name for p in folder.iterdir() if p.suffix in (".md", ".txt") and p.name.count(".") == 1)
    arrays = json.loads(statements("--json", str(folder)))
    assert len(arrays) == len(sources)                                   # every source of the folder
    words = {w.strip("«»،.:") for array in arrays for s in array for w in s["text"].split()} - {""}
    for columns in ("60", "130"):                                        # a list when narrow, a table when wide
        out = statements(str(folder), columns=columns)
        assert [n for n in sources if n in out] == sources
        shown = {w.strip("«»،.:│ ") for line in out.splitlines() for w in line.replace("│", " ").split()}
        assert words <= shown, (columns, sorted(words - shown)[:5])


def test_sorani_dates_read_the_same_on_cards_and_headings(make_project):
    config = make_project({"2026/11/23/council.md": STORY, "2026/11/22/earlier.md": story("Earlier")})
    build(config)
    day = parse(config.output_dir / "ckb/2026/11/23/index.html")
    heading = day.cssselect("h1 time")[0].text_content()
    card = day.cssselect(".card time")[0].text_content()
    previous = day.cssselect(".day-nav__previous")[0].text_content()
    assert heading == "دووشەممە، ٢٣ تشرینی دووەم ٢٠٢٦" and heading.endswith(card) and card == "٢٣ تشرینی دووەم ٢٠٢٦"
    assert previous.endswith("٢٢ تشرینی دووەم ٢٠٢٦")


def test_readme_starts_with_its_title_and_documents_every_config_key():
    import yaml

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    lines = readme.splitlines()
    assert lines[0].startswith("# hawal") and "make site" in lines[2] and "make test" in lines[3]
    assert "build.py serve" in readme and "http://127.0.0.1:8000/" in readme          # how to view the site
    table = readme.split("## Configuration reference", 1)[1].split("\n## ", 1)[0]
    documented = {row.split("|")[1].strip().strip("`") for row in table.splitlines() if row.startswith("| `")}

    def keys(data, prefix=""):
        for key, value in data.items():
            path = f"{prefix}{key}"
            if prefix == "languages.":
                path = "languages.<code>"
            if isinstance(value, dict) and key not in ("topics", "title") and prefix != "topics.":
                if key == "languages":
                    yield path
                yield from keys(value, path + ".")
            else:
                yield path

    config = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    wanted = set(keys(config)) | {"publish"}
    wanted = {k for k in wanted if k != "languages.<code>"}
    assert wanted <= documented, sorted(wanted - documented)
    from hawal.config import TranslationConfig
    import dataclasses
    assert {f"translation.{f.name}" for f in dataclasses.fields(TranslationConfig)} <= documented
    # the glossary, both forms of newsroom translation, and converting NLLB-200 for pack-nllb
    assert "terms:" in readme and "keep:" in readme
    assert "`council.ar.md`" in readme and re.search(r"translations:\n\s+ar:\n\s+title: .+\n\s+body: \|", readme)
    assert "ct2-transformers-converter --model facebook/nllb-200-distilled-600M" in readme
    assert "models pack-nllb nllb-200-600M-ct2 --langs en,ar,ckb" in readme
