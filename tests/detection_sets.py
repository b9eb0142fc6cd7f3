"""Language-detection sets (tests/data/language/): load them, run `detect_language` over them and
count right answers, refusals (LanguageUnclear) and wrong answers per category, for a site in
the four languages and for a site in en, ar and ckb (where a Kurmanji text is still named as
Kurmanji, which the build then reports as not one of the site's languages).

    .venv/bin/python tests/detection_sets.py            # both sets, both sites, a table each
    .venv/bin/python tests/detection_sets.py --cases    # and every case that is not right
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hawal.language import LanguageUnclear, detect_language  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "language"
SETS = ("detection-dev", "detection-heldout", "detection-heldout2")
SITES = {"four-language site": ("ckb", "kmr", "ar", "en"), "three-language site": ("en", "ar", "ckb")}


@dataclass(frozen=True)
class Case:
    text: str
    expect: str               # a language code, or "unclear"
    cat: str
    limitation: bool = False  # a known limitation: reported, not required


@dataclass(frozen=True)
class Outcome:
    case: Case
    got: str                  # a code, or "unclear"

    @property
    def verdict(self) -> str:
        """right | refused (unclear where a language was expected: safe) | wrong."""
        if self.got == self.case.expect:
            return "right"
        return "refused" if self.got == "unclear" else "wrong"


def load_set(name: str) -> list[Case]:
    raw = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    return [Case(str(c["text"]), str(c["expect"]), str(c["cat"]), bool(c.get("limitation", False))) for c in raw]


def run(cases: list[Case], site: tuple[str, ...] = SITES["four-language site"]) -> list[Outcome]:
    out = []
    for case in cases:
        try:
            got = detect_language(case.text, site)
        except LanguageUnclear:
            got = "unclear"
        out.append(Outcome(case, got))
    return out


def table(outcomes: list[Outcome]) -> str:
    by_cat: dict[str, Counter] = {}
    for o in outcomes:
        by_cat.setdefault(o.case.cat, Counter())[o.verdict] += 1
    lines = [f"{'category':24} {'cases':>5} {'right':>5} {'refused':>7} {'wrong':>5}"]
    total = Counter()
    for cat, n in by_cat.items():
        total += n
        lines.append(f"{cat:24} {sum(n.values()):5} {n['right']:5} {n['refused']:7} {n['wrong']:5}")
    lines.append(f"{'all':24} {sum(total.values()):5} {total['right']:5} {total['refused']:7} {total['wrong']:5}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    for name in SETS:
        for site_name, site in SITES.items():
            outcomes = run(load_set(name), site)
            print(f"## {name}, {site_name}\n{table(outcomes)}\n")
            if "--cases" in argv:
                for o in outcomes:
                    if o.verdict != "right":
                        print(f"  {o.verdict:7} expected {o.case.expect:7} got {o.got:7} [{o.case.cat}] {o.case.text[:90]}")
                print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
