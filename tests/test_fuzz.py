"""Fuzz: random front matter and bodies thrown at `check` and `build` (a seeded generator, so a
failure is reproducible: HAWAL_FUZZ_SEED=<seed> reruns it; HAWAL_FUZZ_SCALE=10 runs ten times more).

Values of every type YAML can produce, control, bidi and zero-width characters, hostile URLs and
HTML, nesting, brackets and emphasis, runs of punctuation and sizes up to (and past) the limits,
links to files outside content/ and special files. Asserted:
- no command ends in a traceback or an internal error;
- every problem is reported as `path:line: message`;
- what `check` passes, `build` builds, and what it fails, `build` fails, leaving site/ untouched;
- no page, feed or search record carries a `javascript:` (or other script) URL or text from a
  file outside content/;
- every article, through every per-article stage of a build, takes under a second of CPU time
  (tests/article_timing.py; a build's search indexing by the Pagefind binary is left out).
"""
from __future__ import annotations

import gzip
import json
import os
import random
import re
import shutil
from pathlib import Path

import pytest
import yaml

from article_timing import process_source, write_source
from hawal import limits
from hawal.cli import main
from hawal.errors import EXIT_INTERNAL

SEED = int(os.environ.get("HAWAL_FUZZ_SEED", "20261201"))
SCALE = float(os.environ.get("HAWAL_FUZZ_SCALE", "1"))
ARTICLE_SECONDS = float(os.environ.get("HAWAL_FUZZ_ARTICLE_SECONDS", "1.0"))
SECRET = "OUTSIDE-CONTENT-SECRET-7f3a"
PROBLEM_LINE = re.compile(r"^[^\s:][^:]*:\d+: \S")
SCRIPT_URL = re.compile(r"^\s*(?:javascript|vbscript|data|file)\s*:", re.I)

WORDS = {
    "en": "the council approved water budget minister said on Monday dam Erbil farmers rain prices school".split(),
    "ar": "وافق المجلس على ميزانية المياه قال الوزير يوم الاثنين السد أربيل المزارعون الأمطار".split(),
    "ckb": "ئەنجومەن بودجەی ئاوی پەسەند کرد وەزیر گوتی ڕۆژی دووشەممە بەنداو هەولێر جووتیاران باران".split(),
    "kmr": "meclîsa bajêr budçeya avê pejirand wezîr got roja duşemê bendav Hewlêr cotkar baran".split(),
}
SAID = {"en": "{q},\" {who} said on Monday.", "ar": "{q}»، قال {who} يوم الاثنين.", "ckb": "{q}»، {who} گوتی.",
        "kmr": "{q}\", {who} roja duşemê got."}
OPEN = {"en": "\"", "ar": "«", "ckb": "«", "kmr": "\""}
CITY = {"en": "ERBIL (Hawal) — ", "ar": "أربيل (هەواڵ) — ", "ckb": "هەولێر (هەواڵ) — ", "kmr": "HEWLÊR (Hawal) — "}
NAMES = ["the governor", "Ali Ahmed", "المحافظ", "پارێزگار", "the\u202e minister", "Dr.\u200b Sara", "\u2066Omar\u2069"]
CONTROL = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x0c", "\ufffe"]
HIDDEN = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u2060", "\ufeff", "\u200c", "\u200d", "\u200f"]
URLS = ["https://example.org/a", "http://example.org/b?x=1#y", "/en/2026/", "../x/", "#top", "mailto:desk@example.org",
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "java\tscript:x", "jav&#97;script:x",
        "data:text/html,<script>x</script>", "vbscript:x", "file:///etc/passwd", "//example.org/c", "https://",
        "https://exa mple.org", "http://[::1", "x:y", "\x01javascript:x", "https://example.org/\u202eevil"]
RAW_HTML = ['<script>alert("x")</script>', '<p onclick="x()">p</p>', '<img src="{url}" onerror="x()">',
            '<a href="{url}">l</a>', '<iframe src="{url}"></iframe>', '<div markdown="1">\n*md* [a]({url})\n</div>',
            '<svg onload="x()"><a xlink:href="{url}">s</a></svg>', '<form action="{url}"><input></form>',
            '<a href=\'{url}\'>q</a>', "<!-- comment -->", "<style>body{{background:url({url})}}</style>"]


class Gen:
    """Random sources, from one seeded random generator."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.hostile = True

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def bad(self, p: float) -> bool:
        """True with probability p, for a choice that makes a source invalid (never in a valid one)."""
        return self.hostile and self.r.random() < p

    def pick(self, items):
        return self.r.choice(items)

    def words(self, lang: str, n: int) -> str:
        return " ".join(self.r.choice(WORDS[lang]) for _ in range(n))

    def sprinkle(self, text: str, pool, p: float) -> str:
        if not text or not self.chance(p):
            return text
        at = self.r.randrange(len(text) + 1)
        return text[:at] + self.pick(pool) + text[at:]

    def text_value(self, lang: str):
        if not self.bad(0.45):
            return self.sprinkle(self.words(lang, self.r.randint(1, 8)).capitalize(), HIDDEN, 0.3)
        if self.chance(0.3):
            return self.sprinkle(self.words(lang, 4), CONTROL, 1.0)
        return self.any_value(lang)

    def any_value(self, lang: str, depth: int = 0):
        kind = self.r.randrange(12)
        if kind == 0:
            return None
        if kind == 1:
            return self.chance(0.5)
        if kind == 2:
            return self.r.randint(-5, 10**6)
        if kind == 3:
            return self.r.random() * 100
        if kind == 4 and depth < 3:
            return [self.any_value(lang, depth + 1) for _ in range(self.r.randint(0, 3))]
        if kind == 5 and depth < 3:
            return {self.words("en", 1): self.any_value(lang, depth + 1) for _ in range(self.r.randint(0, 3))}
        if kind == 6:
            return ""
        if kind == 7:
            return "x" * self.pick([59, 60, 61, 100, 199, 200, 201, 299, 300, 301, 2001, 5000])
        if kind == 8:
            return self.pick(["false", "true", "yes", "null", "2026-11-23", "   "])
        if kind == 9:
            return self.pick(URLS)
        return self.sprinkle(self.words(lang, 3), CONTROL + HIDDEN, 0.8)

    def front_matter(self, lang: str) -> dict:
        meta: dict = {}
        if self.chance(0.85):
            meta["title"] = self.text_value(lang)
        if self.chance(0.6):
            meta["date"] = self.pick(["9999-12-31", "0001-01-01", "2019-11-23", "2026-02-30", "yesterday",
                                      "9999-12-31T23:59:59-12:00", 20261123, ["2026-11-23"]]) if self.bad(0.3) else \
                self.pick(["2026-11-23", "2026-11-22T23:30:00+03:00", "2026-11-24", None])
        if self.chance(0.7):
            meta["lang"] = self.pick(["fr", "EN", "", ["en"], 7]) if self.bad(0.2) else lang
        for key in ("source", "author", "summary", "place"):
            if self.chance(0.25):
                meta[key] = self.text_value(lang)
        if self.chance(0.35):
            good = [u for u in URLS[:6] if not u.startswith("mailto")] + ["//example.org/c"]
            meta["source_url"] = (self.pick(URLS) if self.chance(0.8) else self.any_value(lang)) if self.bad(0.5) \
                else self.pick(good)
        if self.chance(0.4):
            meta["tags"] = self.pick([[self.any_value(lang) for _ in range(3)], [f"t{n}" for n in range(21)],
                                      self.any_value(lang)]) if self.bad(0.4) else self.pick([
                [self.text_value(lang) for _ in range(self.r.randint(0, 4))],
                ", ".join(self.words(lang, 1) for _ in range(3)), [f"t{n}" for n in range(20)]])
        if self.chance(0.25):
            meta["slug"] = self.pick(["../../etc", "a/b", "x" * 101, "ب" * 120, "-", "", 2026, "\x00"]) \
                if self.bad(0.5) else self.pick(["water-cuts", "ok.slug", "abc\u202edef", "ئاو", None])
        if self.chance(0.25):
            meta["lead"] = self.pick(["false", "true", 1, 0, "yes"]) if self.bad(0.5) else self.pick([True, False, None])
        if self.chance(0.1):
            other = self.pick([c for c in WORDS if c != lang])
            meta["translations"] = self.pick([{other: {"body": f"[x]({self.pick(URLS)})"}}, {other: "text"},
                                              {"fr": {"body": "x"}}, [other]]) if self.bad(0.5) else \
                {other: {"title": self.words(other, 3), "body": self.words(other, 12)}}
        if self.bad(0.08):
            meta[self.pick(["colour", "Title", "dat", "1"])] = "x"
        if self.chance(0.05):
            meta["draft"] = self.pick(["yes", "false", 1]) if self.bad(0.5) else False
        if self.chance(0.05):
            meta["image"] = self.pick(["missing.jpg", "../../etc/passwd", "/etc/passwd", "x.svg", ["a.jpg"], ""])
        return meta

    def paragraph(self, lang: str) -> str:
        r = self.r.random()
        if r < 0.35:
            text = " ".join(self.words(lang, self.r.randint(4, 14)).capitalize() + "."
                            for _ in range(self.r.randint(1, 6)))
        elif r < 0.5:
            text = SAID[lang].format(q=OPEN[lang] + self.words(lang, self.r.randint(3, 12)), who=self.pick(NAMES))
        elif r < 0.6:
            url = self.pick(URLS) if self.bad(0.6) else self.pick(["https://example.org/a", "/en/2026/", "#top"])
            text = self.pick([f"See [the report]({url}).", f"![photo]({url})", f"<{url}>", f"[ref][r]\n\n[r]: {url}",
                              self.pick(RAW_HTML).format(url=url)])
        elif r < 0.7:
            depth = self.r.randint(1, limits.MAX_NESTING + (3 if self.hostile else -1))
            marker = self.pick(["- ", "> ", "1. ", "    - ", ": "])
            text = "Intro line.\n\n" + "\n".join(
                (("    " * d + "- ") if marker == "    - " else marker * (d + 1)) + self.words(lang, 3)
                for d in range(depth))
        elif r < 0.8:
            unit = self.pick(["[", "*[_", "![", "<a ", "#\n", "*a* _b_ ", "`a` ", "&amp; ", "[a](", "<http://", ",",
                              '!"?»«', "—", ".", "\\", "|", "**", "__", "~~", "{: #x}", "\u202e", "&#"])
            text = unit * self.r.choice([3, 30, 300, 3000, 12000] if self.hostile else [3, 30, 100])
        elif r < 0.85:
            size = self.pick([limits.MAX_PARAGRAPH_CHARS - 50, 5000] + ([limits.MAX_PARAGRAPH_CHARS + 1] if self.hostile else []))
            text = (self.words(lang, 8) + ". ") * (size // 60 + 1)
            text = text[:size]
        elif r < 0.9:
            text = "| a | b |\n|---|---|\n" + "\n".join(f"| {self.words(lang, 1)} | {n} |" for n in range(20))
        elif r < 0.95:
            text = "```\n" + self.words("en", 20) + "\n[unclosed <a `\n```"
        else:
            text = "## " + self.words(lang, 4)
        return self.sprinkle(self.sprinkle(text, HIDDEN, 0.15), CONTROL, 0.05 if self.hostile else 0)

    def body(self, lang: str) -> str:
        city = CITY[lang]
        parts = [city + self.words(lang, 12) + "."] if self.chance(0.8) else []
        parts += [self.paragraph(lang) for _ in range(self.r.randint(0, 6))]
        body = "\n\n".join(parts)
        if self.chance(0.05):                                    # at (and, hostile, past) the size limit
            unit = self.words(lang, 10) + ".\n\n"
            room = limits.MAX_SOURCE_BYTES - len(body.encode()) - 2000 + (3000 if self.bad(0.5) else 0)
            body += "\n\n" + unit * max(0, room // len(unit.encode()))
        return body

    def source(self) -> tuple[str, str | bytes]:
        """(file name, content) of one random source: hostile half the time, else meant to be valid."""
        self.hostile = self.chance(0.5)
        lang = self.pick(list(WORDS))
        if self.chance(0.15):                                   # wire copy
            lines = [self.words(lang, 5).capitalize()] if self.chance(0.5) else []
            lines.append(CITY[lang] + self.words(lang, 12) + ".")
            lines += [self.sprinkle(self.paragraph(lang).replace("\n", " "), CONTROL, 0.05 if self.hostile else 0)
                      for _ in range(self.r.randint(0, 4))]
            return f"wire{self.r.randrange(10**6)}.txt", "\n".join(lines) + "\n"
        meta = self.front_matter(lang)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
        if self.bad(0.1):
            front = self.pick(["title: [unclosed\n", "a: " + "[" * 3000 + "\n", "- just\n- a list\n",
                               "title: &a [*a]\n", ": :\n"])
        text = f"---\n{front}---\n{self.body(lang)}\n"
        if self.bad(0.08):
            return f"bytes{self.r.randrange(10**6)}.md", text.encode("utf-8")[:-3] + b"\xff\xfe\n"
        stem = self.pick(["a.ar", "b.ckb", "c.en"]) if self.bad(0.1) else \
            self.pick(["story", "story", "x" * self.r.choice([10, 200, 240]), "تقرير"])
        return f"{stem}{self.r.randrange(10**6)}.md" if "." not in stem else f"{stem}.md", text


# -- every article under a second -----------------------------------------------------------------------

def test_each_random_article_is_processed_in_under_a_second(make_project):
    gen = Gen(SEED)
    config = make_project({"2026/11/23/warm.md": "---\ntitle: Warm\n---\nThe council met on Monday in Erbil.\n"})
    process_source(config)                                   # spaCy, templates: loaded once, as in a build
    slowest = (0.0, "")
    built = 0
    for n in range(int(140 * SCALE)):
        name, data = gen.source()
        write_source(config, f"2026/11/23/{name}", data)
        result = process_source(config)
        label = f"seed {SEED} case {n} ({name})"
        for error in result.errors:
            assert PROBLEM_LINE.match(error), (label, error)
        if result.pages:
            built += 1
            _assert_clean_output(result.pages, label)
        if result.seconds > slowest[0]:
            slowest = (result.seconds, label)
        assert result.seconds < ARTICLE_SECONDS, (label, result.seconds, result.errors[:3])
    assert built >= 20 * SCALE, built                        # the generator reaches the build, not only errors
    print(f"slowest article: {slowest[0]:.3f} s CPU ({slowest[1]})")


# -- check and build agree; failures are clean -----------------------------------------------------------

def _site_state(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _assert_clean_output(pages: dict[str, bytes], label: str) -> None:
    from lxml import html as lxml_html
    for path, data in pages.items():
        text = data.decode("utf-8", "replace")
        assert SECRET not in text, (label, path)
        if path.endswith(".html"):
            doc = lxml_html.fromstring(data)
            for element in doc.iter():
                for attribute, value in element.attrib.items():
                    assert not SCRIPT_URL.match(value), (label, path, element.tag, attribute, value)
                    assert not attribute.lower().startswith("on"), (label, path, element.tag, attribute)
        elif path.endswith(".xml"):
            assert not re.search(r'(?:href|src)\s*=\s*["\']\s*(?:javascript|vbscript|data):', text, re.I), (label, path)
            assert not re.search(r"(?:href|src)\s*=\s*&quot;\s*(?:javascript|vbscript|data):", text, re.I), (label, path)


def _site_pages(site: Path) -> dict[str, bytes]:
    pages = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".pf_fragment":                       # Pagefind's records: gzip
            try:
                data = gzip.decompress(data)
            except OSError:
                pass
        pages[path.relative_to(site).as_posix()] = data
    return pages


def _run(capsys, config, *argv: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["--config", str(config.root / "config.yaml"), *argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out, captured.err[-3000:]
    assert code != EXIT_INTERNAL and "internal error" not in captured.err, captured.err[-3000:]
    return code, captured.err.strip().splitlines()


def _plant_hazards(gen: Gen, content: Path, outside: Path) -> None:
    day = content / "2026/11/23"
    if gen.chance(0.4):
        os.symlink(outside / "secret.md", day / f"linked{gen.r.randrange(100)}.md")
    if gen.chance(0.2):
        os.symlink(outside, day / "folder-link")
    if gen.chance(0.2):
        os.mkfifo(day / f"pipe{gen.r.randrange(100)}.md")
    if gen.chance(0.15):
        os.symlink("/etc/passwd", day / "passwd.txt")


@pytest.mark.parametrize("project", range(4))
def test_check_and_build_agree_and_fail_cleanly(make_project, tmp_path, capsys, project):
    gen = Gen(SEED * 1000 + project)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(f"---\ntitle: {SECRET}\n---\nERBIL (Hawal) — {SECRET} said the council.\n")
    config = make_project({"2026/11/22/base.md": "---\ntitle: Base\n---\nERBIL (Hawal) — The council met on Monday.\n"})
    code, err = _run(capsys, config, "build", "--quiet")
    assert code == 0, err
    rounds = max(1, int(3 * SCALE))
    for round_ in range(rounds):
        label = f"seed {SEED} project {project} round {round_}"
        before = _site_state(config.output_dir)
        day = config.content_dir / "2026/11/23"
        shutil.rmtree(day, ignore_errors=True)
        day.mkdir(parents=True)
        for _ in range(gen.r.randint(1, 6)):
            name, data = gen.source()
            path = day / name
            path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
        _plant_hazards(gen, config.content_dir, outside)
        check_code, check_err = _run(capsys, config, "check")
        build_code, build_err = _run(capsys, config, "build", "--quiet")
        assert (check_code == 0) == (build_code == 0), (label, check_err, build_err)
        problems = [l for l in check_err if not re.match(r"^\d+ problem\(s\) found", l)]
        assert not [l for l in problems if not PROBLEM_LINE.match(l)], (label, problems)
        if build_code != 0:
            assert build_code == 1, (label, build_err)
            assert not [l for l in build_err if not (PROBLEM_LINE.match(l) or l.startswith("build failed: "))], (
                label, build_err)
            assert _site_state(config.output_dir) == before, label
        else:
            _assert_clean_output(_site_pages(config.output_dir), label)
