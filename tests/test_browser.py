"""The built example site in headless Chromium, as a reader gets it.

One build of content/ in all four languages (configured `languages: [ckb, kmr, ar, en]`) and one
Debian Chromium (driven by Playwright for Python) for the whole module, served by hawal's preview
server on 127.0.0.1. Checks: text direction, the language switcher, that no request leaves
localhost, no console errors, axe-core accessibility, the Nu HTML checker, search with
Arabic-keyboard input and Kurmanji typed without diacritics, the root page's choice by browser
language, and screenshots under test-output/screenshots/.

Set-up on Debian/Ubuntu: tools/setup-test-deps.sh (Chromium, Java, axe-core, vnu-jar). Where
Chromium cannot be had these tests skip; in CI (CI=true) they fail instead.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import REPO, write_project
from hawal import langs
from hawal.pipeline import run_build
from hawal.serve import BuildState, PreviewServer

# pytest runs with --disable-socket: the preview server may bind, and connections go to 127.0.0.1
# only. (pytest-socket lets `enable_socket` override `allow_hosts`, so only the stricter mark.)
pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium phones home at start, which a closed network
# refuses and which would count as a request leaving localhost.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
AXE_JS = REPO / "node_modules/axe-core/axe.min.js"
VNU_JAR = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"
SETUP_HINT = "run tools/setup-test-deps.sh"
SCREENSHOTS = REPO / "test-output/screenshots"

LANGS = ("ckb", "kmr", "ar", "en")           # the site's languages, in its order (ckb is x-default)
DIRECTION = {spec.code: spec.direction for spec in langs.registered()}
WIDTHS = (360, 1280)
LOCAL_HOST = "127.0.0.1"
NOT_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1[:/])")

# A ckb source article (content/2026/11/23/duhok-measles-vaccination.md) says «کوتانی» (vaccination)
# and «تەندروستی» (health); on an Arabic keyboard a reader types ك for ک, ي for ی and ه for ە.
# A kmr one (content/2026/11/20/hewler-book-fair.md) says "Pêşangeha" and "weşanxaneyan"; on a
# keyboard without Kurdish letters a reader types them without ê and ş.
SEARCHES = [
    ("ckb", "2026/11/23/duhok-measles-vaccination", "کوتانی", "كوتاني"),
    ("ckb", "2026/11/23/duhok-measles-vaccination", "تەندروستی", "تهندروستي"),
    ("kmr", "2026/11/20/hewler-book-fair", "Pêşangeha", "pesangeha"),
    ("kmr", "2026/11/20/hewler-book-fair", "weşanxaneyan", "WESANXANEYAN"),
]


def missing(reason: str):
    """Skip where a tool cannot be had; in CI a missing tool is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run)")
    pytest.skip(reason)


# --- the built example site -------------------------------------------------------------------

@dataclass(frozen=True)
class Site:
    root: Path                       # the site folder on disk
    url: str                         # where the preview server serves it, ends with "/"
    paths: dict[tuple[str, str], str] = field(default_factory=dict)   # (kind, lang) -> URL path

    def page_url(self, kind: str, lang: str) -> str:
        return urljoin(self.url, self.paths[kind, lang])

    def file(self, kind: str, lang: str) -> Path:
        path = self.root / self.paths[kind, lang].lstrip("/")
        return path / "index.html" if path.suffix != ".html" else path


def latest_day(lang_dir: Path) -> Path:
    days = sorted(p.parent for p in lang_dir.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/index.html"))
    assert days, f"no briefing pages under {lang_dir}"
    return days[-1]


def sample_paths(site: Path) -> dict[tuple[str, str], str]:
    """URL paths of one page of each kind per language, found in the build output."""
    en_day = latest_day(site / "en")
    day = en_day.relative_to(site / "en").as_posix()
    article = sorted(p.parent.name for p in en_day.glob("*/index.html"))[0]
    tag = sorted(p.parent.name for p in (site / "en/tags").glob("*/index.html"))[0]
    paths: dict[tuple[str, str], str] = {("root", "-"): "/", ("404", "-"): "/404.html"}
    for lang in LANGS:
        paths.update({
            ("home", lang): f"/{lang}/",
            ("briefing", lang): f"/{lang}/{day}/",
            ("article", lang): f"/{lang}/{day}/{article}/",
            ("archive", lang): f"/{lang}/archive/",
            ("tags", lang): f"/{lang}/tags/",
            ("tag", lang): f"/{lang}/tags/{tag}/",
        })
    for (kind, lang), path in paths.items():
        target = site / path.lstrip("/")
        assert (target if target.suffix == ".html" else target / "index.html").is_file(), (kind, lang, path)
    return paths


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("browser-site")
    shutil.copytree(REPO / "content", root / "content")
    config = write_project(root, {}, languages=list(LANGS))
    report = run_build(config)
    assert report.ok, report.errors
    state = BuildState()
    state.publish(None)
    server = PreviewServer(config.output_dir, state, host=LOCAL_HOST, port=0).start()
    try:
        yield Site(config.output_dir, server.url, sample_paths(config.output_dir))
    finally:
        server.stop()


# --- the browser --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        missing(f"Debian chromium not installed ({CHROMIUM} missing): {SETUP_HINT}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright for Python not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Tab:
    """A page in a fresh browser context that records what a reader would not see."""

    page: object
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def goto(self, url: str) -> None:
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.ok, (url, response and response.status)

    def assert_clean(self) -> None:
        assert not self.outside_requests, f"requests left localhost: {self.outside_requests}"
        assert not self.console_errors, f"console errors: {self.console_errors}"


@pytest.fixture
def open_tab(browser):
    """open_tab(width=1280) -> Tab; every request that is not for 127.0.0.1 is recorded and aborted."""
    contexts = []

    def open_(width: int = 1280) -> Tab:
        context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        tab = Tab(page)

        def record(request):
            url = urlsplit(request.url)
            if url.scheme not in ("data", "blob", "about") and url.hostname != LOCAL_HOST:
                tab.outside_requests.append(request.url)

        # Requests for other hosts are recorded, and aborted so that none goes out; requests for
        # the local server are not routed through Python at all, which keeps pages fast.
        page.on("request", record)
        context.route(NOT_LOCAL, lambda route: route.abort())
        page.on("console", lambda msg: msg.type == "error" and tab.console_errors.append(
            f"{msg.text} @ {msg.location.get('url')}"))
        page.on("pageerror", lambda error: tab.console_errors.append(f"pageerror: {error}"))
        return tab

    yield open_
    for context in contexts:
        context.close()


# --- direction and language switcher ----------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_pages_are_laid_out_in_the_language_direction(site, open_tab, lang):
    """The page runs in its language's direction; text marked as another language (an article
    shown untranslated, a quote) runs in that language's direction."""
    tab = open_tab()
    for kind in ("home", "briefing", "article", "archive", "tags"):
        tab.goto(site.page_url(kind, lang))
        found = tab.page.evaluate("""() => ({
            html: getComputedStyle(document.documentElement).direction,
            main: getComputedStyle(document.querySelector('main')).direction,
            marked: [...document.querySelectorAll('body [lang]')].map(el => [
                el.lang, getComputedStyle(el).direction, el.outerHTML.slice(0, 80)]),
        })""")
        assert (found["html"], found["main"]) == (DIRECTION[lang], DIRECTION[lang]), (kind, lang, found)
        wrong = [(code, direction, snippet) for code, direction, snippet in found["marked"]
                 if code in DIRECTION and direction != DIRECTION[code]]
        assert not wrong, (kind, lang, wrong)
    tab.assert_clean()


def same_page(path: str) -> str:
    """/en/x/index.html and /en/x/ are the same page."""
    return path[: -len("index.html")] if path.endswith("/index.html") else path


# a round trip en -> ar -> ckb -> kmr -> en; each hop also checks the link back
@pytest.mark.parametrize("source,target", [("en", "ar"), ("ar", "ckb"), ("ckb", "kmr"), ("kmr", "en")])
def test_language_switcher_lands_on_the_same_article(site, open_tab, source, target):
    tab = open_tab()
    tab.goto(site.page_url("article", source))
    with tab.page.expect_navigation():
        tab.page.click(f'.language-switcher a[hreflang="{target}"]')
    assert same_page(urlsplit(tab.page.url).path) == site.paths["article", target]
    assert tab.page.evaluate("document.documentElement.lang") == target
    # and back: the target's switcher points at the page we came from
    back = tab.page.get_attribute(f'.language-switcher a[hreflang="{source}"]', "href")
    assert same_page(urlsplit(urljoin(tab.page.url, back)).path) == site.paths["article", source]
    tab.assert_clean()


# --- nothing leaves localhost, nothing breaks --------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_pages_request_nothing_outside_localhost_and_log_no_errors(site, open_tab, lang):
    tab = open_tab()
    kinds = ["home", "briefing", "article", "archive", "tags", "tag"]
    urls = [site.page_url(kind, lang) for kind in kinds]
    if lang == LANGS[0]:
        urls += [site.page_url("root", "-"), site.page_url("404", "-")]
    for url in urls:
        tab.goto(url)
        # scroll to the end so anything loaded lazily is requested too, and let it load
        tab.page.evaluate("""async () => {
            window.scrollTo(0, document.body.scrollHeight);
            await document.fonts.ready;
            await Promise.all([...document.images].filter(i => !i.complete)
                .map(i => new Promise(done => { i.onload = i.onerror = done; })));
        }""")
    tab.assert_clean()


def test_outside_request_is_caught(site, open_tab):
    """The guard itself: a page that asks for another host is recorded."""
    tab = open_tab()
    tab.goto(site.page_url("home", "en"))
    tab.page.evaluate("""() => new Promise(done => {
        const img = new Image(); img.onload = img.onerror = done; img.src = 'https://example.org/x.png';
    })""")
    assert tab.outside_requests == ["https://example.org/x.png"]


# --- accessibility (axe-core) -----------------------------------------------------------------

@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE_JS.is_file():
        missing(f"axe-core not installed ({AXE_JS.relative_to(REPO)} missing): {SETUP_HINT}")
    return AXE_JS


def serious_axe_violations(page, axe_script: Path) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now."""
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary),
        }));
    }""")
    return [v for v in violations if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["home", "briefing", "article", "archive"])
def test_no_serious_accessibility_violations(site, open_tab, axe_script, kind, lang):
    tab = open_tab()
    tab.goto(site.page_url(kind, lang))
    serious = serious_axe_violations(tab.page, axe_script)
    assert not serious, json.dumps(serious, ensure_ascii=False, indent=1)
    tab.assert_clean()


def test_axe_check_reports_a_known_violation(open_tab, axe_script):
    """The check itself: an image without alt text and a page without lang are caught."""
    tab = open_tab()
    tab.page.set_content('<!doctype html><title>x</title><main><img src="data:image/gif;base64,'
                         'R0lGODlhAQABAAAAACw="></main>')
    found = {v["id"] for v in serious_axe_violations(tab.page, axe_script)}
    assert {"image-alt", "html-has-lang"} <= found


# --- the Nu HTML checker ----------------------------------------------------------------------

def test_built_html_passes_the_nu_validator(site, tmp_path):
    if shutil.which("java") is None:
        missing(f"java not installed (the Nu validator needs it): {SETUP_HINT}")
    if not VNU_JAR.is_file():
        missing(f"vnu-jar not installed ({VNU_JAR.relative_to(REPO)} missing): {SETUP_HINT}")
    kinds = ("home", "briefing", "article", "archive", "tags", "tag")
    files = [site.file("root", "-"), site.file("404", "-")]
    files += [site.file(kind, lang) for lang in LANGS for kind in kinds]
    # A page with a known error rides along in the same run (one JVM start): it proves that
    # errors are read back from the checker's report.
    broken = tmp_path / "broken.html"
    broken.write_text("<!doctype html><html lang=en><title>x</title><p><div>block in p</p>", encoding="utf-8")
    run = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                          *map(str, files), str(broken)], capture_output=True, text=True, timeout=300)
    report = json.loads(run.stderr or run.stdout)
    errors: dict[Path, list[str]] = {}
    for message in report["messages"]:
        if message.get("type") in ("error", "non-document-error"):
            path = Path(urlsplit(message.get("url", "")).path)
            errors.setdefault(path, []).append(f"line {message.get('lastLine')}: {message['message']}")
    assert errors.pop(broken, None), f"the checker missed the error in {broken.name}: {run.stderr[-2000:]}"
    assert not errors, "\n".join(f"{path.relative_to(site.root)}: {line}"
                                 for path, lines in errors.items() for line in lines)


# --- search -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,article,written,typed", SEARCHES,
                         ids=["ckb-kaf-yeh", "ckb-ae-yeh", "kmr-no-diacritics", "kmr-capitals"])
def test_search_finds_a_word_typed_without_its_letters(site, open_tab, lang, article, written, typed):
    """Sorani typed on an Arabic keyboard; Kurmanji typed without ê î û ç ş."""
    if not (site.root / f"{lang}/search/index.html").is_file():
        pytest.skip(f"search not built yet (no site/{lang}/search/)")
    page = (site.root / f"{lang}/{article}/index.html").read_text(encoding="utf-8")
    assert written in page and typed not in page          # only a folding search can match
    tab = open_tab()
    tab.goto(urljoin(site.url, f"/{lang}/search/"))
    hit = tab.page.locator(f'main a[href*="{article.rsplit("/", 1)[1]}"]').first
    assert hit.count() == 0, "the search page links to the article before anything was typed"
    box = tab.page.locator('main input[type="search"], main input[type="text"]').first
    box.press_sequentially(typed, delay=30)
    hit.wait_for(state="visible", timeout=10_000)
    tab.assert_clean()


# --- the root page -----------------------------------------------------------------------------

@pytest.mark.parametrize("locale,lang", [("ku-TR", "kmr"), ("ckb-IQ", "ckb"), ("ar", "ar"), ("en-GB", "en")])
def test_root_page_follows_the_browser_language(site, browser, locale, lang):
    """A browser set to Kurdish says `ku` (BCP 47 and CLDR: Kurmanji); Sorani is `ckb`."""
    context = browser.new_context(locale=locale, service_workers="block")
    try:
        page = context.new_page()
        context.route(NOT_LOCAL, lambda route: route.abort())
        with page.expect_navigation(url=re.compile(f"/{lang}/")):
            page.goto(site.page_url("root", "-"))
        assert page.evaluate("document.documentElement.lang") == lang
    finally:
        context.close()


# --- screenshots --------------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_screenshots_fit_the_viewport(site, open_tab, lang, width):
    """Screenshots for people to look at; pages must not scroll sideways at phone width either."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab = open_tab(width)
    for kind in ("home", "briefing", "article"):
        tab.goto(site.page_url(kind, lang))
        tab.page.evaluate("document.fonts.ready.then(() => true)")
        tab.page.screenshot(path=str(SCREENSHOTS / f"{lang}-{kind}-{width}.png"), full_page=True)
        overflow = tab.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{lang} {kind} at {width}px scrolls sideways by {overflow}px"
    tab.assert_clean()


# --- an editor's preview: an image next to a story and a draft, as `serve` shows them --------------

PREVIEW_STORY = """---
title: Dukan reservoir at its lowest in years
lang: en
image: dukan-dam.jpg
tags: [water]
---

DUKAN (Hawal) — The reservoir behind the Dukan dam fell to a third of its capacity this week.

![Dukan dam at dawn, its spillway dry](dukan-dam.jpg)

"We have not seen the water this low in a decade," the dam's director said on Monday.
"""

PREVIEW_DRAFT = """---
title: Plan for new water tanks in Ranya
lang: en
draft: true
---

RANYA (Hawal) — The municipality is studying a plan for new water tanks in the town's upper districts.
"""


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory):
    """A project served as `serve` serves it: its build shows drafts, marked."""
    from PIL import Image

    from hawal.progress import Progress
    from hawal.serve import rebuild

    root = tmp_path_factory.mktemp("preview-site")
    config = write_project(root, {"2026/11/23/dukan.md": PREVIEW_STORY, "2026/11/23/ranya-tanks.md": PREVIEW_DRAFT},
                           languages=list(LANGS))
    Image.new("RGB", (320, 180), (60, 110, 150)).save(config.content_dir / "2026/11/23/dukan-dam.jpg", "JPEG")
    state = BuildState()
    assert rebuild(config.root / "config.yaml", state, Progress(quiet=True)) is not None, state.error
    server = PreviewServer(config.output_dir, state, host=LOCAL_HOST, port=0).start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.mark.parametrize("lang", LANGS)
def test_a_page_with_an_image_and_a_draft_in_the_preview(preview_site, open_tab, axe_script, lang):
    tab = open_tab(360)
    tab.goto(f"{preview_site}{lang}/2026/11/23/dukan/")
    image = tab.page.evaluate("""async () => {
        const img = document.querySelector('.article__body img');
        img.scrollIntoView();
        if (!img.complete) await new Promise(done => { img.onload = img.onerror = done; });
        const box = img.getBoundingClientRect();
        return {natural: [img.naturalWidth, img.naturalHeight], attrs: [img.width, img.height],
                declared: [img.getAttribute('width'), img.getAttribute('height')], loading: img.loading,
                alt: img.alt, fits: box.right <= window.innerWidth + 1 && box.left >= -1};
    }""")
    assert image["natural"] == [320, 180] and image["declared"] == ["320", "180"] and image["loading"] == "lazy"
    assert image["alt"] and image["fits"], image          # described, and scaled to a phone's width
    assert not serious_axe_violations(tab.page, axe_script)

    tab.goto(f"{preview_site}{lang}/2026/11/23/")
    cards = tab.page.evaluate("""() => [...document.querySelectorAll('.card')].map(card => ({
        title: card.querySelector('.card__title').textContent, draft: !!card.querySelector('.badge--draft'),
        image: card.querySelector('img') ? card.querySelector('img').naturalWidth : null}))""")
    assert sorted(c["draft"] for c in cards) == [False, True]
    assert [c["image"] for c in cards if not c["draft"]] in ([320], [0])      # lazy: maybe not loaded yet

    tab.goto(f"{preview_site}{lang}/2026/11/23/ranya-tanks/")
    assert tab.page.is_visible(".status__draft")
    assert tab.page.get_attribute('meta[name="robots"]', "content") == "noindex"
    assert not serious_axe_violations(tab.page, axe_script)
    tab.assert_clean()


# --- post-editing: a reviewed page and a guarded machine sentence ---------------------------------

@pytest.fixture(scope="module")
def postedit_site(tmp_path_factory):
    """en→ar by a mapping model, every sentence of one story then reviewed by the newsroom (a PO
    round trip); en→ckb by a random-weight model, whose sentences the guard stops."""
    import polib

    from hawal.cli import main
    from model_factory import install_test_models
    from test_postedit import FILES, REVIEWED_AR

    root = tmp_path_factory.mktemp("postedit-site")
    config = write_project(root, FILES, languages=["en", "ar", "ckb"])
    install_test_models(config.translation.models_dir, [("en", "ar")], mapping=True)
    install_test_models(config.translation.models_dir, [("en", "ckb")])
    assert run_build(config).ok
    po_path = root / "review.po"
    story = str(config.content_dir / "2026/11/23/council-budget.md")
    assert main(["--config", str(config.root / "config.yaml"), "translations", "export", "--lang", "ar",
                 "-o", str(po_path), story]) == 0
    po = polib.pofile(str(po_path))
    for entry, text in zip(po, REVIEWED_AR):
        entry.msgstr, entry.flags = text, []
    po.save(str(po_path))
    assert main(["--config", str(config.root / "config.yaml"), "translations", "import", str(po_path)]) == 0
    report = run_build(config)
    assert report.ok and report.translation["reviewed"] == 4 and report.translation["guarded"] > 0
    state = BuildState()
    state.publish(None)
    server = PreviewServer(config.output_dir, state, host=LOCAL_HOST, port=0).start()
    try:
        yield Site(config.output_dir, server.url)
    finally:
        server.stop()


def test_a_reviewed_page_and_a_guarded_machine_sentence(postedit_site, open_tab, axe_script, tmp_path):
    tab = open_tab(360)
    tab.goto(f"{postedit_site.url}ar/2026/11/23/council-budget/")
    assert tab.page.is_visible(".provenance--reviewed") and not tab.page.query_selector(".provenance--machine")
    assert tab.page.evaluate("getComputedStyle(document.querySelector('.article__body')).direction") == "rtl"
    assert not serious_axe_violations(tab.page, axe_script)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(SCREENSHOTS / "postedit-reviewed-ar-360.png"), full_page=True)
    tab.goto(f"{postedit_site.url}ar/2026/11/23/")
    badges = tab.page.evaluate("""() => [...document.querySelectorAll('.card')].map(card => [
        card.querySelector('.card__title a').getAttribute('href'),
        [...card.querySelectorAll('.badge')].map(b => b.className)])""")
    assert [b for href, b in badges if "council-budget" in href] == [["badge badge--reviewed"]]
    assert [b for href, b in badges if "water-station" in href] == [["badge"]]      # still a machine translation

    tab.goto(f"{postedit_site.url}ckb/2026/11/23/council-budget/")
    assert tab.page.is_visible(".provenance--guarded")
    shown = tab.page.evaluate("""() => [...document.querySelectorAll('.article__body .guarded')].map(s => [
        s.lang, getComputedStyle(s).direction, s.textContent])""")
    assert shown and all(lang == "en" and direction == "ltr" for lang, direction, _ in shown)
    assert shown[0][2].startswith("The provincial council approved")
    title = tab.page.evaluate("(() => { const h = document.querySelector('h1'); "
                              "return [h.lang, getComputedStyle(h).direction]; })()")
    assert title == ["en", "ltr"]
    assert not serious_axe_violations(tab.page, axe_script)
    tab.page.screenshot(path=str(SCREENSHOTS / "postedit-guarded-ckb-360.png"), full_page=True)
    tab.assert_clean()

    # Both pages are valid HTML (the marked span, the title's language).
    if shutil.which("java") is None or not VNU_JAR.is_file():
        missing(f"java or vnu-jar not installed: {SETUP_HINT}")
    files = [postedit_site.root / f"{lang}/2026/11/23/council-budget/index.html" for lang in ("ar", "ckb")]
    run = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
                         capture_output=True, text=True, timeout=300)
    report = json.loads(run.stderr or run.stdout)
    assert not [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")], report
