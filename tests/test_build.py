"""End-to-end builds of small projects: the output parsed and checked."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from hawal.output import BuildLock, BuildLocked
from hawal.pipeline import BuildFailed, BuildOptions, run_build
from html_tools import pages, parse, resolve, resource_urls

REPO = Path(__file__).resolve().parent.parent

EN = """---
title: Water talks resume in Baghdad
date: 2026-11-23T10:30:00+03:00
source: Hawal
source_url: https://example.org/water
author: Lana Aziz
tags: [water, politics]
lead: true
---
BAGHDAD (Hawal) — Negotiators from Erbil and Baghdad resumed talks on water sharing on Monday.

“We will not leave without a schedule,” the Region's water minister told reporters. He added that
the U.S. and the U.N. had offered technical help.

## What comes next

- A committee meets on Nov. 30.
- [Background](https://example.org/background)
"""
EN_EARLIER = """---
title: Rain lifts dam levels in Duhok
date: 2026-11-22
tags: [water]
---
Dam engineers in Duhok said on Sunday that the reservoir had risen by two metres.
"""
CKB_WIRE = ("هەولێر (هەواڵ) — وەزارەتی کشتوکاڵ ڕایگەیاند کە وەرزی چاندن لە کاتی خۆیدا دەست پێدەکات.\n"
            "«جووتیاران دەتوانن ئامادەکاری بکەن»، وەزیر وتی.\n")
AR = """---
title: بغداد تعلن خطة جديدة للكهرباء
date: 2026-11-23T08:00:00+03:00
source: هەواڵ
tags: [energy]
---
أعلنت وزارة الكهرباء العراقية يوم الاثنين خطة جديدة لتحسين التجهيز خلال الشتاء.

وقال المتحدث باسم الوزارة إن «الخطة ستنفذ على مراحل».
"""
HOSTILE = (REPO / "tests/data/sources/html-injection/2026/11/20/unsafe-html.md").read_text(encoding="utf-8")

FILES = {
    "2026/11/23/water-talks.md": EN,
    "2026/11/22/dam-levels.md": EN_EARLIER,
    "2026/11/23/chandin.txt": CKB_WIRE,
    "2026/11/23/kahraba.md": AR,
}


@pytest.fixture
def built(make_project):
    config = make_project(FILES)
    report = run_build(config)
    return config, report, config.output_dir


def test_report_counts_pages_per_language(built):
    config, report, site = built
    assert report.ok and report.articles == 4
    # per language: latest + 2 days + 4 articles + archive index + year + month + tags index + 3 tags + search
    assert report.pages == {"root": 2, "en": 15, "ar": 15, "ckb": 15}
    assert set(report.seconds) >= {"load", "segment", "translate", "statements", "assemble", "render+write"}
    assert report.translation["missing"] > 0
    assert "en→ckb" in report.missing_pairs and "ckb→ar" in report.missing_pairs


def test_every_page_declares_language_and_direction(built):
    _, _, site = built
    for lang, direction in (("en", "ltr"), ("ar", "rtl"), ("ckb", "rtl")):
        for page in pages(site / lang):
            root = parse(page)
            assert root.get("lang") == lang and root.get("dir") == direction, page


def test_hreflang_alternates_point_both_ways_and_exist(built):
    config, _, site = built
    base = config.base_url
    for page in pages(site):
        if page.name == "404.html":
            continue
        doc = parse(page)
        own = doc.xpath('//link[@rel="canonical"]/@href')
        assert len(own) == 1 and own[0].startswith(base)
        alternates = dict(doc.xpath('//link[@rel="alternate"][@hreflang]/@hreflang') and
                          [(l.get("hreflang"), l.get("href")) for l in doc.xpath('//link[@rel="alternate"][@hreflang]')])
        if page.parent == site:
            continue
        assert set(alternates) == {"en", "ar", "ckb", "x-default"}, page
        for lang, url in alternates.items():
            target = site / url[len(base):] / "index.html"
            assert target.exists(), (page, url)
            back = parse(target).xpath('//link[@rel="alternate"][@hreflang]/@href')
            assert own[0] in back, (page, target)


def test_not_found_page_speaks_every_language(built):
    _, _, site = built
    lines = parse(site / "404.html").cssselect("h1 [lang]")
    said = {line.get("lang"): (line.get("dir"), line.text_content()) for line in lines}
    assert said == {"en": ("ltr", "Page not found"), "ar": ("rtl", "الصفحة غير موجودة"),
                    "ckb": ("rtl", "پەڕەکە نەدۆزرایەوە")}


def test_language_switcher_links_to_same_article(built):
    _, _, site = built
    page = site / "ckb/2026/11/23/water-talks/index.html"
    doc = parse(page)
    links = {a.get("hreflang"): a.get("href") for a in doc.cssselect(".language-switcher a")}
    assert resolve(site, page, links["en"]) == site / "en/2026/11/23/water-talks/index.html"
    assert resolve(site, page, links["ar"]) == site / "ar/2026/11/23/water-talks/index.html"


def test_all_relative_links_resolve_to_files(built):
    _, _, site = built
    for page in pages(site):
        if page.name == "404.html":
            continue
        for href in parse(page).xpath("//a/@href | //link[@rel='stylesheet']/@href"):
            if href.startswith(("http://", "https://", "mailto:", "#")):
                continue
            assert resolve(site, page, href).exists(), (page, href)


def test_no_page_requests_another_host(make_project):
    config = make_project({**FILES, "2026/11/20/unsafe-html.md": HOSTILE})
    run_build(config)
    for page in pages(config.output_dir):
        for url in resource_urls(parse(page)):
            assert "://" not in url and not url.startswith("//"), (page, url)
    css = (config.output_dir / "static").rglob("*.css")
    for sheet in css:
        assert "http" not in sheet.read_text()


def test_raw_html_is_sanitized(make_project):
    config = make_project({**FILES, "2026/11/20/unsafe-html.md": HOSTILE})
    run_build(config)
    for lang in ("en", "ar", "ckb"):
        body = (config.output_dir / lang / "2026/11/20/unsafe-html/index.html").read_text()
        doc = parse(config.output_dir / lang / "2026/11/20/unsafe-html/index.html")
        article = doc.cssselect(".article__body")[0]
        assert not article.xpath(".//script | .//iframe | .//img | .//*[@onclick] | .//*[@onerror] | .//*[@style]")
        for banned in ("<script", "onclick", "onmouseover", "onerror", "javascript:", "<iframe", "evil.example.com"):
            assert banned not in body, banned
        assert "Readers can borrow up to three books at a time." in article.text_content()


def test_untranslated_pages_show_original_with_notice(built):
    _, _, site = built
    doc = parse(site / "ckb/2026/11/23/water-talks/index.html")
    notice = doc.cssselect(".provenance--missing")
    # Readers get what the page is and a way to the original; editors' instructions stay in the build output.
    assert notice and "build.py" not in notice[0].text_content() and not notice[0].cssselect("code")
    [link] = notice[0].cssselect("a")
    assert link.get("href") == "../../../../../en/2026/11/23/water-talks/index.html" and link.get("hreflang") == "en"
    assert doc.cssselect("article.article")[0].get("lang") == "en"
    original = parse(site / "en/2026/11/23/water-talks/index.html")
    assert original.cssselect(".provenance--original") and not original.cssselect(".provenance--missing")


def test_briefing_orders_lead_first_then_newest(built):
    _, _, site = built
    doc = parse(site / "en/2026/11/23/index.html")
    titles = [a.text_content().strip() for a in doc.cssselect(".card__title a")]
    assert titles[0] == "Water talks resume in Baghdad"          # lead
    assert titles[1] == "بغداد تعلن خطة جديدة للكهرباء"          # 08:00 beats the wire copy's midnight
    day_nav = {a.get("rel"): a.get("href") for a in doc.cssselect(".day-nav a")}
    assert "prev" in day_nav and "next" not in day_nav
    latest = parse(site / "en/index.html")
    assert [a.text_content().strip() for a in latest.cssselect(".card__title a")] == titles


def test_dates_use_language_digits(built):
    _, _, site = built
    ar = parse(site / "ar/2026/11/23/index.html").cssselect("h1 time")[0].text_content()
    ckb = parse(site / "ckb/2026/11/23/index.html").cssselect("h1 time")[0].text_content()
    en = parse(site / "en/2026/11/23/index.html").cssselect("h1 time")[0].text_content()
    assert "٢٣" in ar and "٢٠٢٦" in ckb and "23" in en and "November" in en


def test_atom_feeds_parse_with_one_entry_per_article(built):
    config, _, site = built
    for lang in ("en", "ar", "ckb"):
        feed = feedparser.parse((site / lang / "feed.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert len(feed.entries) == 4
        assert feed.feed.language == lang if "language" in feed.feed else True
        links = {e.link for e in feed.entries}
        assert config.base_url + f"{lang}/2026/11/23/water-talks/" in links
        assert all(e.get("published") for e in feed.entries)


def test_sitemap_lists_alternates_with_x_default(built):
    config, _, site = built
    tree = etree.parse(str(site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = tree.xpath("//s:url/s:loc/text()", namespaces=ns)
    assert config.base_url + "ckb/2026/11/23/water-talks/" in locs
    for url in tree.xpath("//s:url", namespaces=ns):
        langs = url.xpath("x:link/@hreflang", namespaces=ns)
        assert sorted(langs) == ["ar", "ckb", "en", "x-default"]
    for loc in locs:
        path = loc[len(config.base_url):]
        assert (site / path / "index.html").exists(), loc


def test_sub_path_base_url_is_respected(make_project):
    config = make_project(FILES, site={"base_url": "https://news.example.org/briefing/", "timezone": "Asia/Baghdad"})
    run_build(config)
    doc = parse(config.output_dir / "en/2026/11/23/water-talks/index.html")
    assert doc.xpath('//link[@rel="canonical"]/@href') == ["https://news.example.org/briefing/en/2026/11/23/water-talks/"]
    not_found = parse(config.output_dir / "404.html")
    assert all(h.startswith("/briefing/") for h in not_found.xpath("//a/@href | //link[@rel='stylesheet']/@href"))


def test_bad_source_fails_build_and_leaves_site_untouched(make_project):
    config = make_project(FILES)
    run_build(config)
    before = {p: p.read_bytes() for p in config.output_dir.rglob("*") if p.is_file()}
    bad = config.content_dir / "2026/11/23/bad.md"
    bad.write_text("---\ntitle: Bad\nlang: fr\n---\nBonjour.\n")
    (config.content_dir / "2026/11/23/empty.md").write_text("---\ntitle: Empty\n---\n")
    with pytest.raises(BuildFailed) as failure:
        run_build(config)
    assert len(failure.value.report.errors) == 2
    after = {p: p.read_bytes() for p in config.output_dir.rglob("*") if p.is_file()}
    assert after == before


def test_skip_invalid_builds_the_rest_and_lists_skipped(make_project):
    config = make_project({**FILES, "2026/11/23/bad.md": "---\ntitle: Bad\nlang: fr\n---\nBonjour.\n"})
    report = run_build(config, BuildOptions(skip_invalid=True))
    assert report.ok and report.skipped == ["content/2026/11/23/bad.md"]
    assert report.errors and (config.output_dir / "en/2026/11/23/water-talks/index.html").exists()
    assert not (config.output_dir / "en/2026/11/23/bad").exists()


def test_failure_while_writing_leaves_previous_site(make_project):
    config = make_project(FILES)
    run_build(config)
    before = {p: p.read_bytes() for p in config.output_dir.rglob("*") if p.is_file()}
    (config.content_dir / "2026/11/22/dam-levels.md").write_text(EN_EARLIER.replace("two metres", "three metres"))
    written = []

    def explode(output):
        written.append(output.path)
        if len(written) == 10:
            raise OSError("disk full (injected)")

    with pytest.raises(BuildFailed, match="injected") as failure:
        run_build(config, BuildOptions(on_file=explode))
    assert failure.value.storage and len(failure.value.report.errors) == 1
    after = {p: p.read_bytes() for p in config.output_dir.rglob("*") if p.is_file()}
    assert after == before


def test_second_build_refuses_while_one_runs(make_project):
    config = make_project(FILES)
    with BuildLock(config.root / ".hawal").acquire():
        with pytest.raises(BuildLocked, match="another build is running"):
            run_build(config)


def test_killed_build_never_leaves_half_written_site(make_project, tmp_path):
    """SIGKILL a build that has real work to do (an edited article) at points spread over its run:
    the site is always the complete old one or the complete new one."""
    import shutil

    from test_incremental import site_bytes

    config = make_project(FILES)
    edited = config.content_dir / "2026/11/22/dam-levels.md"
    original, changed = EN_EARLIER, EN_EARLIER.replace("two metres", "seven metres")
    run_build(config)
    before = site_bytes(config.output_dir)
    after_root = tmp_path / "after"
    shutil.copytree(config.root, after_root, ignore=shutil.ignore_patterns("site", "site.next", ".hawal"))
    (after_root / "content/2026/11/22/dam-levels.md").write_text(changed)
    from hawal.config import load_config
    after_config = load_config(after_root / "config.yaml")
    run_build(after_config)
    after = site_bytes(after_config.output_dir)
    assert after != before

    command = [sys.executable, str(REPO / "build.py"), "--config", str(config.root / "config.yaml"), "build", "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    edited.write_text(changed)
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=config.root, check=True, capture_output=True)
    duration = time.perf_counter() - started          # how long an edit build takes here
    assert site_bytes(config.output_dir) == after
    outcomes = set()
    for fraction in (0.15, 0.35, 0.55, 0.7, 0.85, 0.95):
        edited.write_text(original)
        run_build(config)
        assert site_bytes(config.output_dir) == before
        edited.write_text(changed)
        proc = subprocess.Popen(command, env=env, cwd=config.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(fraction * duration)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = site_bytes(config.output_dir)
        assert now in (before, after), f"a half-written site after a kill at {fraction:.0%} of a build"
        outcomes.add("old" if now == before else "new")
    report = run_build(config)     # the next build repairs whatever a killed one left in staging
    assert report.ok and site_bytes(config.output_dir) == after
    assert "old" in outcomes        # some kills really landed before the swap


def test_report_json_written_by_cli(make_project, tmp_path):
    config = make_project(FILES)
    out = tmp_path / "report.json"
    proc = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(config.root / "config.yaml"),
                           "build", "--report", str(out)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 0, proc.stderr
    report = json.loads(out.read_text())
    assert report["sources"] == 4 and report["pages"]["ckb"] == 15
    assert {"computed", "cached", "missing"} <= set(report["translation"])
    # One summary line for missing models; the details (how to install each) only with --verbose.
    output = proc.stderr + proc.stdout
    [summary] = [line for line in output.splitlines() if "translation model" in line]
    assert "6 language pair(s)" in summary and "--verbose" in summary and "models install" not in output
    verbose = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(config.root / "config.yaml"),
                              "build", "--verbose"], capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    assert verbose.returncode == 0 and verbose.stderr.count("models install") >= 6
