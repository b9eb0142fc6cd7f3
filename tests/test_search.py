"""Search: the Pagefind shards built from folded text, the search pages, and the browser-side fold.

The shards are searched for real with Pagefind's own pagefind.js under node (where node is
installed), loaded and merged by static/search.js's loadIndex and the query folded by it as the
browser does; the page itself in Chromium is tests/test_browser.py's job.
"""
from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import REPO, write_project
from hawal.assemble import assemble_site
from hawal.language import fold_for_search
from hawal.pipeline import load_stage
from hawal.progress import Progress
from hawal.render import SiteRenderer
from hawal.search import SHARD_RUNTIME, SearchIndexError, plain_text, search_files, search_records
from hawal.segment import segment_articles
from hawal.translate import translate_articles

NODE = shutil.which("node")
SEARCH_JS = REPO / "static" / "search.js"
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed: the browser-side code cannot be run")
needs_pagefind = pytest.mark.skipif(
    __import__("importlib").util.find_spec("pagefind") is None,
    reason="pagefind is not installed: pip install 'pagefind[extended]>=1.1,<2'")

# Written in standard Sorani orthography: ک, ی, ە and Eastern Arabic digits.
CKB = """---
title: هەولێر و کوردستان لە زستاندا
date: 2026-11-23T10:00:00+03:00
---
شاری هەولێر پایتەختی هەرێمی کوردستانە — و بەفر لە ساڵی ٢٠٢٦ زووتر باری.

ئەو ڕێگایانەی بۆ گوندەکان دەچن داخران.
"""
# Arabic with its own letters (ي ك ة), diacritics and a tatweel.
AR = """---
title: الكهرباء في البصرة
date: 2026-11-23T09:00:00+03:00
---
أعلنت وزارةُ الكهربـــاء خطةً جديدة لمدينة البصرة في عام ٢٠٢٦.
"""
EN = """---
title: Water talks resume in Baghdad
date: 2026-11-22
---
Negotiators from Erbil and Baghdad resumed talks on water sharing on Monday.
"""
ARTICLES = {"2026/11/23/hewler-snow.md": CKB, "2026/11/23/basra-power.md": AR, "2026/11/22/water-talks.md": EN}
CKB_ARTICLE = "ckb/2026/11/23/hewler-snow/index.html"
AR_ARTICLE = "ar/2026/11/23/basra-power/index.html"

# (as typed, as written): each pair must fold to the same text, in Python and in the browser.
VARIANT_PAIRS = [
    ("كوردستان", "کوردستان"),              # Arabic kaf / keheh
    ("هه\u200cولێر", "هەولێر"),            # heh + ZWNJ typed for ae
    ("ههولير", "هەولێر"),                  # typed without ێ, which an Arabic keyboard lacks
    ("ئهو", "ئەو"),
    ("مدرسة", "مدرسه"),                    # teh marbuta
    ("وزارةُ", "وزاره"),                   # diacritic
    ("عَرَبِيٌّ", "عربی"),
    ("الكهربـــاء", "الکهرباء"),            # tatweel
    ("إربيل", "اربیل"), ("أربيل", "اربیل"), ("آب", "اب"),
    ("مستشفى", "مستشفی"),                  # alef maksura
    ("٢٠٢٦", "2026"), ("۲۰۲۶", "2026"),     # Arabic-Indic and Persian digits
    ("Straße", "STRASSE"), ("Café", "cafe"), ("ΟΔΟΣ", "οδος"),
    # Kurmanji typed without ê î û ç ş (or in capitals, or with a combining circumflex)
    ("Hewler", "Hewlêr"), ("HEWLÊR", "hewler"), ("Hewle\u0302r", "Hewlêr"), ("cand", "Çand"),
    ("Sex", "Şêx"), ("kerkuk", "Kerkûk"), ("Amedi", "Amêdî"), ("xizmetguzari", "Xizmetguzarî"),
]


def _plan(config):
    loaded = load_stage(config)
    assert not loaded.errors
    segmented = segment_articles(loaded.articles)
    outcome = translate_articles(segmented, config.language_codes, config.translation, Progress(quiet=True))
    return assemble_site(config.language_codes, outcome.versions, segmented)


def _write(config, files) -> None:
    """Files into a fresh site/, as the build leaves them."""
    shutil.rmtree(config.output_dir, ignore_errors=True)
    for f in files:
        path = config.output_dir / f.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f.data)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The search output of a three-article project, written into site/ as the build writes it."""
    root = tmp_path_factory.mktemp("search")
    config = write_project(root, ARTICLES)
    plan = _plan(config)
    renderer = SiteRenderer(config)
    files = list(search_files(plan, renderer)) if _has_pagefind() else []
    _write(config, files)
    return config, plan, renderer, files


def _has_pagefind() -> bool:
    try:
        import pagefind  # noqa: F401
    except ImportError:
        return False
    return True


def _fragments(site: Path) -> list[dict]:
    """Pagefind's stored records: gzip of b'pagefind_dcd' + JSON."""
    out = []
    for path in sorted((site / "pagefind").glob("*/*/fragment/*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        out.append(json.loads(data[len(b"pagefind_dcd"):]))
    return out


# --- the Python side -------------------------------------------------------------------------

def test_plain_text_drops_tags_keeps_words_of_separate_blocks_apart():
    assert plain_text("<p>One <b>bold</b>&amp;co</p><p>Two</p><ul><li>a</li><li>b</li></ul>") == "One bold&co Two a b"


def test_variant_pairs_fold_to_the_same_text():
    for typed, written in VARIANT_PAIRS:
        assert fold_for_search(typed) == fold_for_search(written), (typed, written)


def test_every_article_page_is_a_record_in_its_page_language(built):
    config, plan, renderer, _ = built
    records = search_records(plan, renderer)
    assert {(r.lang, r.url) for r in records} == {
        (lang, page.path + "index.html") for lang in plan.languages for page in plan.sites[lang].articles}
    untranslated = next(r for r in records if r.lang == "ckb" and "water-talks" in r.url)
    assert untranslated.text_lang == "en" and "Baghdad" in untranslated.text   # found on the ckb page too
    sorani = next(r for r in records if r.url == CKB_ARTICLE)
    assert sorani.title == "هەولێر و کوردستان لە زستاندا"
    assert "هەولێر" in sorani.text and "٢٠٢٦" in sorani.text
    assert "ههولیر" in sorani.content and "2026" in sorani.content and "ە" not in sorani.content
    assert "ێ" not in sorani.content
    assert sorani.summary.startswith("شاری هەولێر") and not sorani.summary.startswith(sorani.title)


@needs_pagefind
def test_every_language_has_a_shard_for_its_month(built):
    config, plan, _, files = built
    site = config.output_dir
    assert sorted(p.relative_to(site).as_posix() for p in (site / "pagefind").glob("*/*")) == [
        f"pagefind/{lang}/2026-11" for lang in sorted(plan.languages)]
    for lang in plan.languages:
        shard = site / f"pagefind/{lang}/2026-11"
        entry = json.loads((shard / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert {code: v["page_count"] for code, v in entry["languages"].items()} == {lang: len(plan.sites[lang].articles)}
        assert (shard / f"pagefind.{entry['languages'][lang]['hash']}.pf_meta").is_file()
        assert (shard / "pagefind.js").is_file() and (shard / "pagefind-worker.js").is_file()
    assert all(re.fullmatch(r"pagefind/(en|ar|ckb)/2026-11/.+|(en|ar|ckb)/search/index\.html", f.path) for f in files)
    assert not any("pagefind-ui" in f.path for f in files)      # Pagefind's own UIs are not published


@needs_pagefind
def test_index_holds_folded_text_and_shows_real_titles(built):
    config, *_ = built
    by_url = {f["url"]: f for f in _fragments(config.output_dir)}
    sorani = by_url["/" + CKB_ARTICLE]
    assert "ههولیر" in sorani["content"] and "هەولێر" not in sorani["content"]
    assert sorani["meta"]["title"] == "هەولێر و کوردستان لە زستاندا"
    assert "هەولێر" in sorani["meta"]["summary"]
    # Pagefind matches metadata too: dates and languages go in filters, which it does not match.
    assert set(sorani["meta"]) == {"title", "summary"}
    assert sorani["filters"] == {"text_lang": ["ckb"], "date": ["2026-11-23"], "date_label": ["٢٠٢٦ تشرینی دووەم ٢٣"]}
    arabic = by_url["/" + AR_ARTICLE]
    assert "وزاره" in arabic["content"] and "ـ" not in arabic["content"] and "2026" in arabic["content"]


@needs_pagefind
def test_search_page_per_language_loads_bundle_relative_to_the_page(built):
    config, plan, *_ = built
    for lang in plan.languages:
        page = f"{lang}/search/index.html"
        html = (config.output_dir / page).read_text(encoding="utf-8")
        shards = re.search(r'data-shards="([^"]+)"', html).group(1).split(" ")
        root = re.search(r'data-root="([^"]+)"', html).group(1)
        script = re.search(r'<script type="module" src="([^"]+)"', html).group(1)
        assert [urljoin("http://h/sub/" + page, shard) for shard in shards] == [
            f"http://h/sub/pagefind/{lang}/2026-11/pagefind-entry.json"]
        assert urljoin("http://h/sub/" + page, root) == "http://h/sub/index.html"
        assert urljoin("http://h/sub/" + page, script) == "http://h/sub/static/search.js"
        assert 'role="search"' in html and 'for="search-query"' in html and 'aria-live="polite"' in html


def test_search_html_and_js_request_nothing_from_elsewhere():
    for path in (REPO / "templates/search.html", SEARCH_JS):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"https?:|['\"(]//", text), f"{path.name} names an external URL"
    js = SEARCH_JS.read_text(encoding="utf-8")
    assert re.findall(r"\bimport\s*\(([^)]*)\)", js) == ["bundleUrl"]     # the bundle, resolved from the page


def test_without_pagefind_the_pages_say_search_is_unavailable(built, monkeypatch):
    _, plan, renderer, _ = built
    monkeypatch.setitem(sys.modules, "pagefind", None)          # import pagefind raises ImportError
    monkeypatch.setitem(sys.modules, "pagefind.service", None)
    files = list(search_files(plan, renderer))
    assert sorted(f.path for f in files) == sorted(f"{lang}/search/index.html" for lang in plan.languages)
    html = files[0].data.decode("utf-8")
    assert "search-unavailable" in html and "search.js" not in html and "data-search" not in html


@needs_pagefind
@pytest.mark.parametrize("script, expected", [
    ("exit 3", "exit status 3"),
    (None, "cannot run"),
])
def test_a_pagefind_binary_that_cannot_run_fails_with_a_clear_message(built, tmp_path, monkeypatch, script, expected):
    _, plan, renderer, _ = built
    binary = tmp_path / "pagefind"
    if script is None:
        binary.write_bytes(b"\x7fELF not really")            # not executable at all
    else:
        binary.write_text(f"#!/bin/sh\necho 'pagefind: broken install' >&2\n{script}\n")
        binary.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(binary))
    with pytest.raises(SearchIndexError, match=expected) as failure:
        list(search_files(plan, renderer))
    assert str(binary) in str(failure.value)


@needs_pagefind
def test_unchanged_records_reuse_the_cached_bundle(built, monkeypatch):
    import hawal.search as search
    _, plan, renderer, files = built

    def no_indexing(*args):
        raise AssertionError("indexed again although nothing changed")
    monkeypatch.setattr(search, "build_bundle", no_indexing)
    again = list(search_files(plan, renderer))
    assert [(f.path, f.data) for f in again] == [(f.path, f.data) for f in files]


@needs_pagefind
def test_changed_shards_are_indexed_in_the_background(built, monkeypatch):
    """Pagefind starts as soon as the index is made, so the build writes pages meanwhile."""
    import threading

    import hawal.search as search
    _, plan, renderer, files = built
    started = threading.Event()
    real_build_bundle = search.build_bundle

    def watched(records, executable):
        started.set()
        return real_build_bundle(records, executable)
    monkeypatch.setattr(search, "build_bundle", watched)
    monkeypatch.setattr(search.ShardCache, "fresh", lambda self, shard, key: None)     # every shard is stale
    monkeypatch.setattr(search.ShardCache, "put", lambda self, *args: None)            # and the cache kept as is
    with search.SearchIndex(plan, renderer) as index:
        assert started.wait(60), "indexing did not start before the bundles were asked for"
        bundles = index.bundle_jobs()
    made = [job.make() for job in bundles]
    built_before = [f for f in files if f.path.startswith("pagefind/")]
    assert len(made) == len(built_before)
    entries = sorted(f.path for f in made if f.path.endswith("pagefind-entry.json"))
    assert entries == sorted(f.path for f in built_before if f.path.endswith("pagefind-entry.json"))


@needs_pagefind
def test_pagefind_failing_during_a_build_fails_it_and_keeps_the_site(make_project, tmp_path, monkeypatch):
    from hawal.pipeline import BuildFailed, run_build

    config = make_project(ARTICLES)
    run_build(config)
    before = {p: p.read_bytes() for p in config.output_dir.rglob("*") if p.is_file()}
    edited = next(config.content_dir.rglob("*.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    binary = tmp_path / "pagefind"
    binary.write_text("#!/bin/sh\ncase \"$1\" in --version) echo 'pagefind 1.0';; *) echo 'disk full' >&2; exit 3;; esac\n")
    binary.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(binary))
    with pytest.raises(BuildFailed, match="exit status 3: disk full"):
        run_build(config)
    assert {p: p.read_bytes() for p in config.output_dir.rglob("*") if p.is_file()} == before
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    assert run_build(config).ok
    assert "One more line." in edited.read_text(encoding="utf-8")


# --- the browser side, run by node -------------------------------------------------------------

NODE_SEARCH = """
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
const [searchJs, lang, ...shards] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(0, "utf-8"));
const { foldForSearch, excerptParts, loadIndex } = await import(pathToFileURL(searchJs).href);
// pagefind.js fetches its files relative to itself and reads the language from <html lang>.
globalThis.fetch = async (input) => new Response(await readFile(fileURLToPath(new URL(String(input)))));
globalThis.document = { currentScript: null, querySelector: () => ({ getAttribute: () => lang }) };
const pagefind = await loadIndex(shards.map((s) => new URL(s)), "/sub/");
const out = {};
for (const [query, fold] of queries) {
  const found = await pagefind.search(fold ? foldForSearch(query) : query);
  const hits = [];
  for (const result of found.results) {
    const data = await result.data();
    hits.push({ url: data.url, title: data.meta.title,
                marked: excerptParts(data).parts.filter((p) => p.mark).map((p) => p.text) });
  }
  out[query + (fold ? "" : " (unfolded)")] = hits;
}
console.log(JSON.stringify(out));
"""


def _page_shards(site: Path, lang: str) -> list[str]:
    """The shard folders the language's search page lists, as file URLs, in the page's order."""
    page = site / lang / "search" / "index.html"
    listed = re.search(r'data-shards="([^"]*)"', page.read_text(encoding="utf-8")).group(1).split()
    return [urljoin(page.as_uri(), entry).rsplit("/", 1)[0] + "/" for entry in listed]


def _node_search(tmp_path: Path, site: Path, lang: str, queries: list[tuple[str, bool]]) -> dict:
    """Pagefind run by node over the shards the search page lists, loaded by search.js's loadIndex."""
    script = tmp_path / "search.mjs"
    script.write_text(NODE_SEARCH, encoding="utf-8")
    run = subprocess.run([NODE, str(script), str(SEARCH_JS), lang, *_page_shards(site, lang)],
                         input=json.dumps(queries), capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


@needs_node
@needs_pagefind
def test_sorani_words_typed_on_an_arabic_keyboard_are_found(built, tmp_path):
    config, *_ = built
    typed = ["كوردستان", "هه\u200cولێر", "ههولێر", "ههولير", "ئهو", "بهفر"]
    found = _node_search(tmp_path, config.output_dir, "ckb",
                         [(q, True) for q in typed + ["۲۰۲۶", "٢٠٢٦", "تشرینی", "ckb"]] + [("كوردستان", False)])
    for query in typed:
        assert [hit["url"] for hit in found[query]] == ["/sub/" + CKB_ARTICLE], (query, found[query])
        assert found[query][0]["title"] == "هەولێر و کوردستان لە زستاندا"
    # Digits in any system: both articles that mention the year (the Arabic one is untranslated here).
    for query in ("۲۰۲۶", "٢٠٢٦"):
        assert sorted(hit["url"] for hit in found[query]) == ["/sub/" + AR_ARTICLE.replace("ar/", "ckb/", 1),
                                                              "/sub/" + CKB_ARTICLE], query
    # Results show the opening words as written, the matched word marked.
    assert found["هه\u200cولێر"][0]["marked"] == ["هەولێر"]
    assert found["بهفر"][0]["marked"] == ["بەفر"]
    # Controls: the same letters unfolded match nothing, so folding is what finds the article;
    # the date and the language are not matched.
    assert found["كوردستان (unfolded)"] == [] and found["تشرینی"] == [] and found["ckb"] == []


@needs_node
@needs_pagefind
def test_arabic_words_are_found_whatever_the_spelling_variant(built, tmp_path):
    config, *_ = built
    typed = ["وزاره", "الكهرباء", "الکهربا", "وِزارة", "٢٠٢٦", "2026"]
    found = _node_search(tmp_path, config.output_dir, "ar", [(q, True) for q in typed])
    for query in typed:
        assert "/sub/" + AR_ARTICLE in [hit["url"] for hit in found[query]], query


@needs_node
@needs_pagefind
def test_untranslated_article_is_found_in_the_page_language_index(built, tmp_path):
    config, *_ = built
    found = _node_search(tmp_path, config.output_dir, "ckb", [("Baghdad", True)])
    assert [hit["url"] for hit in found["Baghdad"]] == ["/sub/ckb/2026/11/22/water-talks/index.html"]


# Characters whose properties changed between Python's Unicode and a newer one in node's ICU.
UNICODE_CHANGED = {"\U0001171E"} if unicodedata.unidata_version < "15" else set()   # Mn, then Mc in 15.0

NODE_FOLD = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const { foldForSearch } = await import(pathToFileURL(process.argv[2]).href);
const texts = JSON.parse(readFileSync(0, "utf-8"));
console.log(JSON.stringify(texts.map(foldForSearch)));
"""


def _js_fold(tmp_path: Path, texts: list[str]) -> list[str]:
    script = tmp_path / "fold.mjs"
    script.write_text(NODE_FOLD, encoding="utf-8")
    run = subprocess.run([NODE, str(script), str(SEARCH_JS)], input=json.dumps(texts),
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


@needs_node
def test_browser_fold_equals_python_fold_on_variant_pairs_and_sentences(tmp_path):
    texts = [t for pair in VARIANT_PAIRS for t in pair] + [
        CKB, AR, EN, "ΟΔΟΣ ΣΑΣ", "İstanbul ﬁnal ẞ", "كـتـاب ۱۲۳ ١٢٣ 123", "ئەوەی\u200cکە هەیە"]
    assert _js_fold(tmp_path, texts) == [fold_for_search(t) for t in texts]


@needs_node
def test_browser_fold_equals_python_fold_for_every_character(tmp_path):
    """One character at a time over all of Unicode that Python knows: the two folds cannot drift."""
    chars = [chr(cp) for cp in range(0x110000)
             if unicodedata.category(chr(cp)) not in ("Cn", "Cs", "Co") and chr(cp) not in UNICODE_CHANGED]
    js = _js_fold(tmp_path, chars)
    differ = [(f"U+{ord(c):04X}", fold_for_search(c), j) for c, j in zip(chars, js) if fold_for_search(c) != j]
    assert not differ, f"{len(differ)} characters fold differently, e.g. {differ[:10]}"


def test_a_site_without_articles_gets_search_pages_without_a_bundle(built):
    _, plan, renderer, _ = built
    empty = assemble_site(plan.languages, {}, [])
    files = list(search_files(empty, renderer))
    assert sorted(f.path for f in files) == sorted(f"{lang}/search/index.html" for lang in plan.languages)
    assert all(b"search-unavailable" in f.data for f in files)


# --- shards: one bundle per language and month, rebuilt only where its records change -----------

# Three months, one original each; every language's index holds all three (untranslated ones in
# their own language), so each language has three shards.
SEP_CKB = """---
title: قوتابخانەیەکی نوێ لە کوێستان
date: 2026-09-14
---
لە گوندی کانیسپی قوتابخانەیەکی نوێ کرایەوە و یەکەم ڕۆژی خوێندن لە ساڵی ٢٠٢٦ دەستی پێکرد.
"""
OCT_AR = """---
title: موسم الحصاد في نينوى
date: 2026-10-05
---
بدأ المزارعون في سهل نينوى حصاد القمح مبكراً هذا العام بسبب ارتفاع درجات الحرارة في ٢٠٢٦.
"""
NOV_EN = """---
title: Museum reopens in Sulaimani
date: 2026-11-02
---
The city museum reopened its doors in 2026 after two years of repairs to the old building.
"""
MONTHS = {"2026/09/14/new-school.md": SEP_CKB, "2026/10/05/harvest.md": OCT_AR, "2026/11/02/museum.md": NOV_EN}
MONTH_SLUGS = {"2026-09": "2026/09/14/new-school", "2026-10": "2026/10/05/harvest", "2026-11": "2026/11/02/museum"}


def _build_search(config, monkeypatch) -> list[set[str]]:
    """search_files as a build runs it (a fresh renderer), written to site/; returns the page
    URLs that each Pagefind indexing run was given, one set per run."""
    import hawal.search as search

    runs: list[set[str]] = []
    real_run = search._run

    def counting_run(command, cwd, what):
        if "--site" in command:
            pages = Path(command[command.index("--site") + 1])
            runs.append({p.relative_to(pages).as_posix() for p in pages.rglob("*.html")})
        return real_run(command, cwd, what)

    monkeypatch.setattr(search, "_run", counting_run)
    files = list(search_files(_plan(config), SiteRenderer(config)))
    monkeypatch.setattr(search, "_run", real_run)
    _write(config, files)
    return runs


def _shard_urls(month: str) -> set[str]:
    return {f"{lang}/{MONTH_SLUGS[month]}/index.html" for lang in ("ckb", "ar", "en")}


BRIDGE = """---
title: Bridge works in October
date: 2026-10-20
---
Engineers began repairs on the river bridge.
"""


@needs_pagefind
def test_editing_one_article_reindexes_only_its_months_shards(tmp_path, monkeypatch):
    import hawal.search as search

    config = write_project(tmp_path, {**MONTHS, "2026/10/20/bridge.md": BRIDGE})
    bridge = {f"{lang}/2026/10/20/bridge/index.html" for lang in ("ckb", "ar", "en")}
    first = _build_search(config, monkeypatch)
    by_month = {month: _shard_urls(month) for month in MONTH_SLUGS}
    by_month["2026-10"] |= bridge
    assert sorted(map(sorted, first)) == sorted(                                 # one run per shard
        sorted(url for url in urls if url.startswith(lang + "/")) for urls in by_month.values() for lang in ("ckb", "ar", "en"))
    assert _build_search(config, monkeypatch) == []                             # nothing changed
    harvest = config.content_dir / "2026/10/05/harvest.md"
    harvest.write_text(OCT_AR + "\nوقال أحد المزارعين إن المحصول جيد.\n", encoding="utf-8")
    made = []
    real_record = search.page_record
    monkeypatch.setattr(search, "page_record", lambda page, renderer: made.append(page.path) or real_record(page, renderer))
    again = _build_search(config, monkeypatch)
    assert sorted(map(sorted, again)) == sorted(
        sorted(url for url in by_month["2026-10"] if url.startswith(lang + "/")) for lang in ("ckb", "ar", "en"))
    # Only the edited article's records are made again; the bridge's come from the cache.
    assert sorted(made) == sorted(f"{lang}/2026/10/05/harvest/" for lang in ("ckb", "ar", "en"))
    fragments = [f for f in _fragments(config.output_dir) if "harvest" in f["url"]]
    assert len(fragments) == 3 and all("المحصول" in f["meta"]["summary"] for f in fragments)


@needs_pagefind
def test_a_removed_months_shard_disappears(tmp_path, monkeypatch):
    config = write_project(tmp_path, MONTHS)
    _build_search(config, monkeypatch)
    cache = config.root / ".hawal/cache/search"
    assert (config.output_dir / "pagefind/ckb/2026-09/pagefind-entry.json").is_file()
    assert (cache / "ckb-2026-09.pickle").is_file()
    (config.content_dir / "2026/09/14/new-school.md").unlink()
    assert _build_search(config, monkeypatch) == []           # the other shards are unchanged
    site = config.output_dir
    assert sorted(p.relative_to(site).as_posix() for p in (site / "pagefind").glob("*/*")) == [
        f"pagefind/{lang}/{month}" for lang in ("ar", "ckb", "en") for month in ("2026-10", "2026-11")]
    assert sorted(p.name for p in cache.iterdir()) == [
        f"{lang}-{month}.{kind}" for lang in ("ar", "ckb", "en") for month in ("2026-10", "2026-11")
        for kind in ("index", "pickle")]
    assert _page_shards(site, "ckb") == [(site / f"pagefind/ckb/{m}").as_uri() + "/" for m in ("2026-11", "2026-10")]


@pytest.fixture(scope="module")
def months_site(tmp_path_factory):
    config = write_project(tmp_path_factory.mktemp("months"), MONTHS)
    files = list(search_files(_plan(config), SiteRenderer(config))) if _has_pagefind() else []
    _write(config, files)
    return config, files


@needs_pagefind
def test_search_pages_list_shards_newest_first_and_only_the_newest_carries_pagefinds_script(months_site):
    config, files = months_site
    site = config.output_dir
    for lang in ("ckb", "ar", "en"):
        assert _page_shards(site, lang) == [(site / f"pagefind/{lang}/{m}").as_uri() + "/"
                                            for m in ("2026-11", "2026-10", "2026-09")]
    runtime = sorted(f.path for f in files if SHARD_RUNTIME.match(f.path.rsplit("/", 1)[-1]))
    assert runtime and all(re.fullmatch(r"pagefind/(ckb|ar|en)/2026-11/[^/]+", path) for path in runtime)
    assert {path.split("/")[1] for path in runtime} == {"ckb", "ar", "en"}


@needs_node
@needs_pagefind
def test_sorani_word_typed_on_an_arabic_keyboard_is_found_in_an_older_months_shard(months_site, tmp_path):
    config, _ = months_site
    typed = "قوتابخانهيهكي"                 # قوتابخانەیەکی on an Arabic keyboard: ه for ە, ي for ی, ك for ک
    assert typed not in SEP_CKB
    found = _node_search(tmp_path, config.output_dir, "ckb", [(typed, True), ("٢٠٢٦", True), ("كانيسپي", True)])
    school = "/sub/ckb/2026/09/14/new-school/index.html"
    assert [hit["url"] for hit in found[typed]] == [school]
    assert found[typed][0]["title"] == "قوتابخانەیەکی نوێ لە کوێستان"
    assert found[typed][0]["marked"] == ["قوتابخانەیەکی"]
    assert [hit["url"] for hit in found["كانيسپي"]] == [school]
    # The year is in all three articles: one result from each month's shard, merged.
    assert sorted(hit["url"] for hit in found["٢٠٢٦"]) == sorted(
        f"/sub/ckb/{slug}/index.html" for slug in MONTH_SLUGS.values())
