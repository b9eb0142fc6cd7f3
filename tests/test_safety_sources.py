"""Hostile and careless sources: what is refused, what is cleaned, and that `check` sees it all.

Each class of problem has several cases; every failure must be one `path:line: message` line per
problem, and what `check` passes, `build` builds.
"""
from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest
import yaml

from hawal.cli import main
from hawal.pipeline import BuildFailed, BuildOptions, run_build
from hawal.sources import load_sources

GOOD = """---
title: Council approves the water budget
date: 2026-11-23
lang: en
---
ERBIL (Hawal) — The provincial council approved the water budget on Monday after a long debate.
"""
SECRET = "TOP-SECRET-LINE-FROM-OUTSIDE-CONTENT"


def load(config):
    return load_sources(config.content_dir, config.root, config.language_codes, config.timezone)


def errors_of(config) -> list[str]:
    return sorted(str(e) for e in load(config).errors)


def only_error(config) -> str:
    errors = errors_of(config)
    assert len(errors) == 1, errors
    return errors[0]


def article(front: str, body: str = "ERBIL (Hawal) — The council met on Monday to agree on the budget.") -> str:
    return f"---\n{front}\n---\n{body}\n"


# -- 1. only regular files inside content/ ---------------------------------------------------------------

@pytest.fixture
def outside(tmp_path) -> Path:
    folder = tmp_path / "outside"
    (folder / "2026/11/23").mkdir(parents=True)
    secret = article("title: Secret\ndate: 2026-11-23\nlang: en", f"ERBIL (Hawal) — {SECRET} the council said on Monday.")
    (folder / "secret.md").write_text(secret)
    (folder / "2026/11/23/secret.md").write_text(secret)
    return folder


def _symlink_file(config, outside):
    os.symlink(outside / "secret.md", config.content_dir / "2026/11/23/linked.md")
    return "content/2026/11/23/linked.md"


def _symlink_folder(config, outside):
    os.symlink(outside / "2026", config.content_dir / "2025")
    return "content/2025"


def _symlinked_subfolder(config, outside):
    # content/2026/11/24 is a link to a folder outside whose files are plain .md files
    os.symlink(outside / "2026/11/23", config.content_dir / "2026/11/24")
    return "content/2026/11/24"


def _dangling(config, outside):
    os.symlink(outside / "missing.md", config.content_dir / "2026/11/23/gone.md")
    return "content/2026/11/23/gone.md"


def _loop(config, outside):
    os.symlink("loop-b.md", config.content_dir / "2026/11/23/loop-a.md")
    os.symlink("loop-a.md", config.content_dir / "2026/11/23/loop-b.md")
    return "content/2026/11/23/loop-"


def _folder_loop(config, outside):
    os.symlink(".", config.content_dir / "2026/11/23/again")
    return "content/2026/11/23/again"


def _link_to_etc_passwd(config, outside):
    os.symlink("/etc/passwd", config.content_dir / "2026/11/23/passwd.txt")
    return "content/2026/11/23/passwd.txt"


def _fifo(config, outside):
    os.mkfifo(config.content_dir / "2026/11/23/pipe.md")
    return "content/2026/11/23/pipe.md"


def _socket(config, outside):
    path = config.content_dir / "2026/11/23/sock.md"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    s.close()
    return "content/2026/11/23/sock.md"


def _inside_link(config, outside):
    os.symlink("story.md", config.content_dir / "2026/11/23/alias.md")
    return "content/2026/11/23/alias.md"


@pytest.mark.parametrize("make", [_symlink_file, _symlink_folder, _symlinked_subfolder, _dangling, _loop,
                                  _folder_loop, _link_to_etc_passwd, _fifo, _socket, _inside_link])
def test_anything_but_a_regular_file_inside_content_is_reported_not_read(make_project, outside, make):
    config = make_project({"2026/11/23/story.md": GOOD})
    where = make(config, outside)
    result = load(config)
    assert [a.path for a in result.articles] == ["content/2026/11/23/story.md"]
    assert result.errors and all(str(e).startswith(where) and e.line == 1 for e in result.errors), result.errors
    with pytest.raises(BuildFailed):
        run_build(config)
    assert not config.output_dir.exists()


def test_a_file_swapped_for_a_link_after_listing_is_not_read(make_project, outside, monkeypatch):
    from hawal import sources
    config = make_project({"2026/11/23/story.md": GOOD, "2026/11/23/late.md": GOOD.replace("water", "gas")})
    real = sources.walk_tree

    def walk_then_swap(*args, **kwargs):
        listing = real(*args, **kwargs)
        late = config.content_dir / "2026/11/23/late.md"
        late.unlink()
        os.symlink(outside / "secret.md", late)
        return listing

    monkeypatch.setattr(sources, "walk_tree", walk_then_swap)
    result = load(config)
    assert [str(e) for e in result.errors] == [
        "content/2026/11/23/late.md:1: is a symbolic link; links are not followed; not read (sources must be "
        "regular files inside the content folder)"]
    assert all(SECRET not in a.body for a in result.articles)


def test_a_folder_swapped_for_a_link_after_listing_is_not_entered(make_project, outside, monkeypatch):
    from hawal import sources
    config = make_project({"2026/11/23/story.md": GOOD})
    real = sources.walk_tree

    def walk_then_swap(*args, **kwargs):
        listing = real(*args, **kwargs)
        day = config.content_dir / "2026/11/23"
        day.rename(config.root / "moved")
        os.symlink(outside / "2026/11/23", day)
        (outside / "2026/11/23/story.md").write_text((outside / "secret.md").read_text())
        return listing

    monkeypatch.setattr(sources, "walk_tree", walk_then_swap)
    result = load(config)
    assert not result.articles and "a folder on the way is a link" in str(result.errors[0])


def test_content_folder_itself_may_be_a_link(tmp_path, make_project):
    real = tmp_path / "newsroom-content"
    (real / "2026/11/23").mkdir(parents=True)
    (real / "2026/11/23/story.md").write_text(GOOD)
    config = make_project({})
    config.content_dir.rmdir()
    os.symlink(real, config.content_dir)
    assert [a.slug for a in load(config).articles] == ["story"]


def test_a_source_over_the_size_limit_is_refused_without_reading_it(make_project):
    from hawal import limits
    body = "ERBIL (Hawal) — " + ("The council met. " * (limits.MAX_SOURCE_BYTES // 17 + 10))
    config = make_project({"2026/11/23/huge.md": article("title: Huge\nlang: en", body)})
    assert f"larger than {limits.MAX_SOURCE_BYTES // 1024} KiB" in only_error(config)


def test_static_folder_links_are_refused_by_check_and_build(make_project, tmp_path):
    config = make_project({"2026/11/23/story.md": GOOD})
    static = tmp_path / "static"
    static.mkdir()
    (static / "site.css").write_text("body{}")
    os.symlink("/etc/passwd", static / "passwd.txt")
    data = yaml.safe_load((config.root / "config.yaml").read_text())
    data["static_dir"] = str(static)
    (config.root / "config.yaml").write_text(yaml.safe_dump(data))
    code = main(["--config", str(config.root / "config.yaml"), "check"])
    assert code == 1
    code = main(["--config", str(config.root / "config.yaml"), "build", "--quiet"])
    assert code == 1 and not config.output_dir.exists()


# -- 2. URLs: http(s) or relative ------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "javascript:alert(document.domain)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "\x01javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)",
    "file:///etc/passwd", "https://exa mple.org/", "http:alert(1)", "https:///nohost", "jAvAsCrIpT:alert(1)",
    "%6A%61vascript:alert(1)x:", "jav\u200bascript:alert(1)",
])
def test_source_url_must_be_http_or_https(make_project, url):
    config = make_project({"2026/11/23/a.md": article(f"title: T\ndate: 2026-11-23\nsource: Hawal\nsource_url: {yaml.safe_dump(url).strip().removesuffix(chr(10) + '...')}")})
    message = only_error(config)
    assert message.startswith("content/2026/11/23/a.md:5: source_url"), message


@pytest.mark.parametrize("link, line", [
    ("[a](javascript:alert(1))", 8),
    ("[a]( javascript:alert(1) )", 8),
    ("[a](<javascript:alert(1)>)", 8),
    ("![a](javascript:alert(1))", 8),
    ("Intro.\n\n[a][ref]\n\n[ref]: javascript:alert(1)", 12),
    ('<a href="javascript:alert(1)">a</a>', 8),
    ('<a href="&#106;avascript:alert(1)">a</a>', 8),
    ('<a href="java&#x09;script:alert(1)">a</a>', 8),
    ("<a href='vbscript:msgbox(1)'>a</a>", 8),
    ('<a href=javascript:alert(1)>a</a>', 8),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', 8),
    ('<img srcset="ok.png 1x, javascript:alert(1) 2x">', 8),
    ('<form action="javascript:alert(1)"><button formaction="javascript:x">b</button></form>', 8),
    ('<div markdown="1">\n[a](javascript:alert(1))\n</div>', 9),
    ('[a](data:text/html,<script>alert(1)</script>)', 8),
    ("[a](file:///etc/passwd)", 8),
])
def test_every_url_in_a_body_is_checked_with_its_line(make_project, link, line):
    body = f"ERBIL (Hawal) — The council met on Monday.\n\n{link}\n"
    config = make_project({"2026/11/23/a.md": article("title: T\ndate: 2026-11-23\nlang: en", body)})
    errors = errors_of(config)
    assert errors and all(e.startswith(f"content/2026/11/23/a.md:{line}: ") for e in errors), errors


@pytest.mark.parametrize("link", ["[a](https://example.org/x?y=1#z)", "[a](/en/2026/)", "[a](../other/)",
                                  "[a](#part)", "<https://example.org>", "[a](mailto:desk@example.org)",
                                  "[a](//example.org/x)"])
def test_web_and_relative_links_are_fine(make_project, link):
    body = f"ERBIL (Hawal) — The council met on Monday.\n\n{link}\n"
    config = make_project({"2026/11/23/a.md": article("title: T\ndate: 2026-11-23\nlang: en", body)})
    assert errors_of(config) == []


def test_urls_in_newsroom_translations_are_checked(make_project):
    config = make_project({
        "2026/11/23/a.md": article("title: T\ndate: 2026-11-23\nlang: en"),
        "2026/11/23/a.ar.md": "---\ntitle: عنوان\n---\nاجتمع المجلس يوم الاثنين [هنا](javascript:alert(1)).\n",
    })
    assert only_error(config).startswith("content/2026/11/23/a.ar.md:4: link 'javascript:alert(1)'")


# -- 4. what check passes, build builds -------------------------------------------------------------------

@pytest.mark.parametrize("files, expected", [
    ({"a.md": article('title: "Bad\\0title"\ndate: 2026-11-23')}, "a.md:2: title holds the control character U+0000"),
    ({"a.md": article('title: "Bell\\a"\ndate: 2026-11-23')}, "a.md:2: title holds the control character U+0007"),
    ({"a.md": article("title: T\ndate: 2026-11-23", "ERBIL (Hawal) — A body with a NUL \x00 in it.")},
     "a.md:5: control character U+0000 in the file"),
    ({"a.md": article("title: T\ndate: 2026-11-23", "ERBIL (Hawal) — Fine.\n\nA form feed \x0c here.")},
     "a.md:7: control character U+000C"),
    ({"a.md": article("title: T\ndate: 2026-11-23", "ERBIL (Hawal) — A C1 \x85 control.")}, "a.md:5: control character U+0085"),
    ({"a.md": article('title: "\\ud800"\ndate: 2026-11-23')}, "a.md:2: title holds the control character U+D800"),
    ({"a.md": article('title: ""\ndate: 2026-11-23')}, "a.md:2: title is empty"),
    ({"a.md": article('title: "   "\ndate: 2026-11-23')}, "a.md:2: title is empty"),
    ({"a.md": article('title: "\u202e\u200b"\ndate: 2026-11-23')}, "a.md:2: title is empty"),
    ({"a.md": article("date: 2026-11-23\nlang: en", "...\n\nThe council met on Monday.")}, "a.md:5: no title"),
    ({"a.md": article("title: T\ndate: 2026-11-23\nlang: en", "A" * 20_001)}, "a.md:6: paragraph of 20,001 characters"),
    ({"a.md": article("title: T\ndate: 2026-11-23\nlang: en",
                      "Intro line here.\n\n" + "".join("    " * i + "- item\n" for i in range(40)))},
     "a.md:"),
    ({"a.md": article("title: T\ndate: 2026-11-23\nlang: en", "Intro.\n\n" + "> " * 10_000 + "deep")}, "nested 10000 levels"),
    ({"a.md": article("title: T\ndate: 2026-11-23\nlang: en", "Intro.\n\n" + "- " * 5_000 + "deep")}, "nested 5000 levels"),
    ({"a.md": article("title: T\ndate: 2026-11-23\nlang: en", "Intro.\n\n" + "term\n: def\n" * 400)}, "definition-list items"),
    ({"a.md": article(f"title: T\ndate: 2026-11-23\nslug: {'a' * 300}")}, "a.md:4: slug 'aaaa"),
    ({"a.md": article(f"title: T\ndate: 2026-11-23\nslug: {'ب' * 150}")}, "is too long"),
    ({("x" * 250) + ".md": article("title: T\ndate: 2026-11-23")}, None),
])
def test_check_reports_what_would_break_the_build(make_project, files, expected):
    config = make_project({f"2026/11/23/{name}": text for name, text in files.items()})
    errors = errors_of(config)
    if expected is None:                      # a long file name gives a shortened slug, and builds
        assert errors == []
        run_build(config)
        return
    assert errors and any(expected in e for e in errors), errors
    assert all(e.startswith("content/2026/11/23/") and e.split(":")[1].isdigit() for e in errors)
    code = main(["--config", str(config.root / "config.yaml"), "check"])
    assert code == 1
    with pytest.raises(BuildFailed):
        run_build(config)
    assert not config.output_dir.exists()


def test_pathological_markdown_is_refused_quickly(make_project):
    import time
    bodies = ["[" * 50_000, "*[_" * 15_000, "![" * 20_000, "<a " * 15_000, "#\n" * 20_000, "x <http://" * 8_000]
    files = {f"2026/11/23/p{n}.md": article("title: T\ndate: 2026-11-23\nlang: en", "Intro.\n\n" + b)
             for n, b in enumerate(bodies)}
    config = make_project(files)
    start = time.process_time()
    errors = errors_of(config)
    assert time.process_time() - start < 5 * len(bodies)      # minutes before the limits
    assert {e.split(":")[0] for e in errors} == {f"content/{p}" for p in files}, errors


# -- 5. the front-matter schema ---------------------------------------------------------------------------

def test_wrong_types_are_all_reported_in_one_run(make_project):
    front = "\n".join([
        "title: [a, b]",          # 2
        "date: 2026-11-23",       # 3
        "lang: en",               # 4
        "tags: [[1, 2], null, economy]",   # 5
        'lead: "false"',          # 6
        "author: {name: x}",      # 7
        "source: 12",             # 8
        "source_url: 42",         # 9
        "slug: 2026",             # 10
        "summary: [x]",           # 11
        "translations: [ar]",     # 12
        "colour: blue",           # 13
    ])
    config = make_project({"2026/11/23/a.md": article(front)})
    errors = errors_of(config)
    lines = sorted(int(e.split(":")[1]) for e in errors)
    assert lines == [2, 5, 5, 6, 7, 8, 9, 10, 11, 12, 13], errors
    joined = "\n".join(errors)
    for fragment in ("title must be text", "tags: item 1 must be a topic name", "tags: item 2",
                     "lead must be true or false (without quotes)", "author must be text", "source must be text",
                     "source_url must be", "slug must be text", "summary must be text", "translations must be",
                     "unknown front matter key 'colour'"):
        assert fragment in joined, (fragment, errors)


def test_tag_items_point_at_their_own_lines(make_project):
    front = "title: T\ndate: 2026-11-23\ntags:\n  - economy\n  - [1, 2]\n  - " + "x" * 61
    errors = errors_of(make_project({"2026/11/23/a.md": article(front)}))
    assert [e.split(":")[1] for e in errors] == ["6", "7"], errors


@pytest.mark.parametrize("front, fragment", [
    ("title: " + "x" * 301, "title is 301 characters long"),
    ("title: T\nauthor: " + "x" * 201, "author is 201 characters long"),
    ("title: T\ntags: [" + ", ".join(f"t{n}" for n in range(21)) + "]", "21 tags"),
    ("title: T\nlead: yes please", "lead must be true or false"),
    ("title: T\nlead: 1", "lead must be true or false"),
    ("title: T\nlang: [en]", "lang must be one of"),
    ("title: T\ntranslations: {ar: {title: x}}", "translations.ar needs a body"),
    ("title: T\ntranslations: {ar: {body: x, extra: y}}", "unknown key 'extra'"),
    ("title: T\ntranslations: {fr: {body: x}}", "'fr' is not a language of this site"),
    ("title: T\ntranslations: {ar: {body: [x]}}", "translations.ar.body must be text"),
    ("title: T\ndate: [2026]", "date must be"),
    ("title: T\n1: x", "unknown front matter key"),
])
def test_schema_types_lengths_and_allowed_values(make_project, front, fragment):
    config = make_project({"2026/11/23/a.md": article(front + ("\ndate: 2026-11-23" if "date" not in front else ""))})
    errors = errors_of(config)
    assert any(fragment in e for e in errors), errors


def test_valid_front_matter_keeps_its_values(make_project):
    front = ("title: '  Dam levels\n  rise '\ndate: 2026-11-23\nlang: en\ntags: economy, 2026\nlead: true\n"
             "source_url: https://example.org/x\nauthor:\nsummary: |\n  Two lines\n  of summary.")
    [a] = load(make_project({"2026/11/23/a.md": article(front)})).articles
    assert a.title == "Dam levels rise" and a.tags == ("economy", "2026") and a.lead is True
    assert a.author is None and a.summary == "Two lines\nof summary." and a.source_url == "https://example.org/x"


def test_lead_given_as_a_string_does_not_make_a_lead(make_project):
    config = make_project({"2026/11/23/a.md": article('title: T\ndate: 2026-11-23\nlead: "false"')})
    assert "lead must be true or false" in only_error(config)


# -- 8. partial cases -------------------------------------------------------------------------------------

def test_bidi_and_zero_width_characters_are_removed_where_text_enters(make_project):
    rlo, zwsp, lri, pdi = "\u202e", "\u200b", "\u2066", "\u2069"
    front = f"title: Council {rlo}tegdub{zwsp} vote\ndate: 2026-11-23\nlang: en\ntags: [eco{zwsp}nomy]\nauthor: Desk{rlo}"
    body = f'ERBIL (Hawal) — "We will finish the dam by spring," the gover{zwsp}nor {lri}Ali{pdi} said on Monday.'
    [a] = load(make_project({"2026/11/23/a.md": article(front, body)})).articles
    for text in (a.title, a.body, a.author, *a.tags):
        assert not set(text) & {rlo, zwsp, lri, pdi}, text
    assert a.title == "Council tegdub vote" and a.tags == ("economy",)


def test_zero_width_non_joiner_stays_in_sorani(make_project):
    text = "---\ntitle: کۆبوونەوەی ئەنجومەن\u200cی شار\ndate: 2026-11-23\nlang: ckb\n---\nهەولێر (هەواڵ) — ئەنجومەنی شار دوێنێ کۆبووەوە.\n"
    [a] = load(make_project({"2026/11/23/a.md": text})).articles
    assert "\u200c" in a.title or "ە" in a.title


def test_bidi_override_in_a_slug_is_removed(make_project):
    config = make_project({"2026/11/23/a.md": article('title: T\ndate: 2026-11-23\nslug: "abc\\u202Edef"')})
    # the override is removed as the value enters; what is left is a valid slug
    [a] = load(config).articles
    assert a.slug == "abcdef"


def test_statement_speakers_never_carry_bidi_controls(make_project):
    from hawal.segment import segment_articles
    from hawal.statements import extract_statements
    body = "ERBIL (Hawal) — \"The dam will be finished by spring,\" Governor \u202eilA\u202c Ahmed said on Monday."
    [a] = load(make_project({"2026/11/23/a.md": article("title: T\ndate: 2026-11-23\nlang: en", body)})).articles
    [seg] = segment_articles([a])
    for statement in extract_statements(seg):
        assert "\u202e" not in statement.speaker and "\u202c" not in statement.speaker


def test_a_translation_file_without_its_original_is_an_error(make_project):
    config = make_project({"2026/11/23/a.md": GOOD,
                           "2026/11/23/orphan.ar.md": "---\ntitle: عنوان\n---\nاجتمع المجلس يوم الاثنين في أربيل.\n"})
    message = only_error(config)
    assert message.startswith("content/2026/11/23/orphan.ar.md:1: a newsroom translation into ar") and "orphan.md" in message


def test_a_translation_whose_original_is_a_link_is_an_orphan(make_project, outside):
    config = make_project({"2026/11/23/orphan.ar.md": "---\ntitle: عنوان\n---\nاجتمع المجلس يوم الاثنين في أربيل.\n"})
    os.symlink(outside / "secret.md", config.content_dir / "2026/11/23/orphan.md")
    errors = errors_of(config)
    assert len(errors) == 2 and any("without its original" in e for e in errors)


@pytest.mark.parametrize("front, fragment", [
    ("date: 9999-12-31", "date 9999-12-31 is not plausible"),
    ("date: 0001-01-01", "date 0001-01-01 is not plausible"),
    ("date: 2019-11-23", "2557 days from its folder 2026/11/23"),
    ("date: 2025-11-21", "367 days from its folder"),
    ("date: '9999-12-31T23:59:59-12:00'", "out of range"),
    ("date: '0001-01-01T00:00:00+14:00'", "out of range"),
])
def test_absurd_dates_are_errors(make_project, front, fragment):
    config = make_project({"2026/11/23/a.md": article("title: T\nlang: en\n" + front)})
    assert fragment in only_error(config)


def test_a_date_a_day_from_its_folder_is_fine(make_project):
    config = make_project({"2026/11/23/a.md": article("title: T\nlang: en\ndate: 2026-11-22T23:30:00+00:00")})
    assert errors_of(config) == []


def test_an_absurd_folder_year_is_an_error(make_project):
    config = make_project({"9999/01/01/a.txt": "ERBIL (Hawal) — The council met on Monday to agree on the budget.\n"})
    assert "not plausible" in only_error(config)


def test_wire_copy_shows_angle_brackets_and_entities_as_written(make_project):
    from hawal.render import markdown_to_html
    wire = ("ERBIL (Hawal) — Inflation fell to < 3% and exports rose > 5%, the bank said; AT&T and &amp; stay.\n"
            "---\n2026. A year of growth, the minister said.\n- not a list\n")
    [a] = load(make_project({"2026/11/23/w.txt": wire})).articles
    html = markdown_to_html(a.body)
    assert "\\&lt;" not in html and "\\" not in html
    assert "&lt; 3%" in html and "&gt; 5%" in html and "AT&amp;T" in html and "&amp;amp;" in html
    assert "<hr" not in html and "<li>" not in html and "<ol" not in html
