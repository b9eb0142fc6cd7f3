import datetime as dt

import pytest

from hawal.sources import load_sources

GOOD_MD = """---
title: Dam levels rise after rain
date: 2026-11-23T09:00:00+03:00
source: Hawal
tags: [water]
---
DUHOK (Hawal) — Water levels at the Duhok dam rose this week, engineers said on Monday.

Farmers welcomed the news.
"""


def load(config):
    return load_sources(config.content_dir, config.root, config.language_codes, config.timezone)


def errors(config):
    return sorted(str(e) for e in load(config).errors)


def test_markdown_source_with_front_matter(make_project):
    config = make_project({"2026/11/23/dam.md": GOOD_MD})
    [a] = load(config).articles
    assert (a.lang, a.slug, a.date, a.title) == ("en", "dam", dt.date(2026, 11, 23), "Dam levels rise after rain")
    assert a.published.utcoffset() == dt.timedelta(hours=3)
    assert a.dateline.place == "DUHOK" and a.dateline.agency == "Hawal"
    assert a.body.startswith("Water levels")          # the dateline is metadata, not body text
    assert a.tags == ("water",)


def test_wire_copy_takes_dateline_date_and_derived_title(make_project):
    wire = ("KIRKUK (Hawal) — Police in Kirkuk reopened the main road to Erbil on Tuesday after a week of repairs.\n"
            "Drivers said the queues were long.\n")
    config = make_project({"2026/11/24/road.txt": wire})
    [a] = load(config).articles
    assert a.kind == "wire" and a.date == dt.date(2026, 11, 24)
    assert a.dateline.place == "KIRKUK" and a.source == "Hawal"
    assert a.title.startswith("Police in Kirkuk reopened the main road")
    assert "\n\n" in a.body                            # one paragraph per line


def test_wire_copy_with_explicit_title_line(make_project):
    wire = "Road to Erbil reopens\nKIRKUK (Hawal) — Police reopened the road on Tuesday.\nQueues were long.\n"
    config = make_project({"2026/11/24/road.txt": wire})
    [a] = load(config).articles
    assert a.title == "Road to Erbil reopens"


def test_wire_copy_in_sorani_is_detected_and_normalized(make_project):
    wire = "هەولێر (هەواڵ) — پۆليس ڕێگاكەی كردەوە و هاتوچۆ دەستی پێكردەوە لە ناوچەكە.\n"
    config = make_project({"2026/11/24/rega.txt": wire})
    [a] = load(config).articles
    assert a.lang == "ckb"
    assert "ي" not in a.body and "ك" not in a.body and "ک" in a.body


@pytest.mark.parametrize("files, expected", [
    ({"2026/11/23/a.md": "---\ntitle: [unclosed\ndate: 2026-11-23\n---\nBody text here for the article.\n"},
     "content/2026/11/23/a.md:2: bad YAML in front matter"),
    ({"misc/a.md": "---\ntitle: No date anywhere\n---\nThe body of an article without any date at all.\n"},
     "content/misc/a.md:1: no date"),
    ({"x/a.md": "---\ntitle: Bad\ndate: 2026-02-30\n---\nThe body of an article with an impossible date.\n"},
     "content/x/a.md:3: impossible date"),
    ({"2026/02/30/a.txt": "ERBIL (Hawal) — An article in an impossible folder date.\n"},
     "content/2026/02/30/a.txt:1: impossible date"),
    ({"2026/11/23/a.md": "---\ntitle: French\nlang: fr\n---\nUn article en français.\n"},
     "content/2026/11/23/a.md:3: unknown language 'fr'"),
    ({"2026/11/23/a.md": "---\ntitle: Empty\n---\n\n   \n"}, "content/2026/11/23/a.md:4: empty body"),
    ({"2026/11/23/a.md": b"---\ntitle: Bytes\n---\nGood line\nbad \xff\xfe byte\n"},
     "content/2026/11/23/a.md:5: not UTF-8 text"),
    ({"2026/11/23/a.md": "---\ntitle: Bad slug\nslug: ../../etc\n---\nAn article whose slug climbs out.\n"},
     "content/2026/11/23/a.md:3: slug '../../etc' must not contain"),
    ({"2026/11/23/a.md": "---\ntitle: Bad slug\nslug: a/b\n---\nAn article whose slug has a slash.\n"},
     "content/2026/11/23/a.md:3: slug 'a/b' must not contain"),
    ({"2026/11/23/a.md": "Erbil talks هەولێر وتووێژ Baghdad بەغدا meeting کۆبوونەوە\n"},
     "content/2026/11/23/a.md:1: language not clear"),
    ({"2026/11/23/a.txt": "Just a line of text without any dateline at all.\n"},
     "content/2026/11/23/a.txt:1: wire copy must open with a dateline"),
    ({"2026/11/23/a.md": "---\ntitle: Typo\ndat: 2026-11-23\n---\nAn article with a misspelt key.\n"},
     "content/2026/11/23/a.md:3: unknown front matter key 'dat'"),
])
def test_bad_sources_are_reported_with_path_and_line(make_project, files, expected):
    config = make_project(files)
    [message] = errors(config)
    assert message.startswith(expected), message


def test_same_slug_on_same_day_is_an_error(make_project):
    config = make_project({
        "2026/11/23/dam.md": GOOD_MD,
        "2026/11/23/other.md": GOOD_MD.replace("tags: [water]", "tags: [water]\nslug: dam"),
    })
    [message] = errors(config)
    assert "slug 'dam' on 2026-11-23 is already used by content/2026/11/23/dam.md" in message


def test_all_bad_sources_are_reported_at_once(make_project):
    config = make_project({
        "2026/11/23/good.md": GOOD_MD,
        "2026/11/23/a.md": "---\ntitle: French\nlang: fr\n---\nUn article.\n",
        "2026/11/23/b.md": "---\ntitle: Empty\n---\n",
        "2026/11/23/c.txt": "No dateline here at all in this file.\n",
    })
    result = load(config)
    assert len(result.articles) == 1 and len(result.errors) == 3


def test_editor_translation_files_attach_to_their_article(make_project):
    config = make_project({
        "2026/11/23/dam.md": GOOD_MD,
        "2026/11/23/dam.ar.md": "---\ntitle: ارتفاع منسوب السد\n---\nارتفع منسوب المياه في سد دهوك هذا الأسبوع.\n",
    })
    [a] = load(config).articles
    assert a.editor_translation("ar").title == "ارتفاع منسوب السد"
    assert a.editor_translation("ckb") is None


def test_front_matter_language_wins_over_detection(make_project):
    config = make_project({"2026/11/23/a.md": "---\ntitle: T\nlang: ar\n---\nThis body is English but tagged.\n"})
    [a] = load(config).articles
    assert a.lang == "ar"


def test_hidden_and_underscore_files_and_folders_are_skipped(make_project):
    config = make_project({
        "2026/11/23/dam.md": GOOD_MD,
        "_drafts/2026/11/23/unfinished.md": "---\ntitle: [broken\n---\nnot YAML\n",
        "2026/11/23/_notes.md": "---\ntitle: [broken\n---\n",
        ".git/2026/11/23/objects.md": "junk",
        "2026/11/23/.dam.md.swp": "junk",
    })
    result = load(config)
    assert [a.path for a in result.articles] == ["content/2026/11/23/dam.md"] and not result.errors
