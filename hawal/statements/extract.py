"""Key statements: who said what, quoted or reported — the language-neutral driver.

Rules over spaCy tokens (blank pipelines, no trained models). For every sentence a PhraseMatcher
and a Matcher built from the language's cue lexicon find cue words outside quotation marks; the
language's rules (`hawal/langs/<code>/statements.py`, see `rules.py`) find the speaker and the
content around the main cue. The driver then pairs quotes with attributions, keeps uncued quotes
that follow a speaker, and links speakers across the article (`speakers.py`).
"""
from __future__ import annotations

import bisect
import re

from ..segment import SegmentedArticle, fold_sentence_text
from ..sources import DATELINE
from .model import Statement
from .quotes import find_quotes
from .rules import StatementRules, rules_for, set_norms
from .speakers import Speakers
from .tokens import MIN_DIRECT_WORDS, Attribution, Cue, Sentence

FOLLOW_ON_BLOCKS = 3        # an uncued quote belongs to a speaker at most this many blocks back
# A dateline with no agency ("DUHOK — ", "سلێمانی — "): one to three words and a dash open the body.
_BARE_DATELINE = re.compile(r"^\s*[^\s—–\n]+(?:[ ,]+[^\s—–\n]+){0,2}\s*[—–]\s+")


def extract_statements(segmented: SegmentedArticle) -> list[Statement]:
    """Every direct and reported statement of an article, in reading order."""
    article = segmented.article
    body = article.body
    rules = rules_for(article.lang)
    if not segmented.sentences or not rules.cues:
        return []
    paragraphs = [(b.start, b.end) for b in segmented.blocks if b.translatable]
    quotes = find_quotes(body, paragraphs)
    q_starts = [q.start for q in quotes]
    skip_until = 0
    m = DATELINE.match(body) or _BARE_DATELINE.match(body)
    if m and "\n" not in body[:m.end()]:
        skip_until = m.end()        # never read a dateline as a speaker

    texts = [body[s.start:s.end] for s in segmented.sentences]
    docs = list(rules.nlp.tokenizer.pipe(texts, batch_size=256))
    sents: list[Sentence] = []
    titles = {q.start for q in quotes if _is_title_quote(rules, body, q)}
    for s, doc in zip(segmented.sentences, docs):
        set_norms(doc)
        frame, open_ = [], []
        k = max(0, bisect.bisect_right(q_starts, s.start) - 1)
        local = [q for q in quotes[k:bisect.bisect_right(q_starts, s.end)] if q.end > s.start]
        for t in doc:
            pos = s.start + t.idx
            inside = [q for q in local if q.start <= pos < q.end]
            frame.append(pos >= skip_until and not inside)
            open_.append(pos >= skip_until and all(q.words(body) < MIN_DIRECT_WORDS or q.start in titles for q in inside))
        lead = sum(1 for t in doc if s.start + t.idx < skip_until)
        sents.append(Sentence(s.index, s.start, s.end, s.block, doc, frame, open_, lead))

    attributions: dict[int, Attribution] = {}
    for sent in sents:
        cue = _main_cue(rules, sent)
        if cue is not None:
            att = _attribute(rules, sent, cue)
            if att is not None:
                attributions[sent.index] = att

    sent_starts = [s.start for s in sents]

    def sentence_at(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    # Each candidate: (start, end, kind, attribution or None, first, last)
    candidates: list[tuple[int, int, str, Attribution | None, int, int]] = []
    used: set[int] = set()
    for q in quotes:
        if q.words(body) < MIN_DIRECT_WORDS or q.start in titles:
            continue
        first, last = sentence_at(q.start), sentence_at(max(q.start, q.end - 1))
        att = None
        a_last = attributions.get(last)
        if a_last is not None and sents[last].span(a_last.cue.start, a_last.cue.end)[0] >= q.end:
            att = a_last
        if att is None:
            a_first = attributions.get(first)
            if a_first is not None and sents[first].span(a_first.cue.start, a_first.cue.end)[1] <= q.start:
                att = a_first
        if att is None:
            for i in range(first, last + 1):
                if i in attributions:
                    att = attributions[i]
                    break
        if att is None and first > 0 and (first - 1) in attributions:
            prev = sents[first - 1]
            frame_text = body[prev.start:prev.end].rstrip()
            if frame_text.endswith(":") and _only_space_between(body, prev.end, q.start):
                att = attributions[first - 1]
        if att is None and not _starts_sentence(body, sents[first], q):
            continue
        if att is not None:
            used.add(att.cue.sent)
        start, end = q.inner_start, q.inner_end
        if att is not None and att.content is not None and att.content[0] < q.start <= att.content[1] \
                and re.search(r"\w", body[att.content[0]:q.start]) \
                and not body[att.content[0]:q.start].rstrip(" >«“\"").endswith(":"):
            # A fragment quoted inside a reported clause ('lifted “the day the storm arrives”'):
            # the clause carries the meaning, the marks inside it show what was quoted.
            start, end = att.content[0], max(att.content[1], q.end)
        candidates.append((start, end, "direct", att, first, last))
    for idx, att in attributions.items():
        if idx in used or att.content is None:
            continue
        candidates.append((att.content[0], att.content[1], "reported", att, idx, idx))
    candidates.sort(key=lambda c: c[0])

    speakers = Speakers(rules, body)
    out: list[Statement] = []
    prev_entity: int | None = None
    prev_block = -10
    for start, end, kind, att, first, last in candidates:
        block = sents[first].block
        if att is None:
            if prev_entity is None or block - prev_block > FOLLOW_ON_BLOCKS:
                continue
            ent, written, conf, cue_text, channel = (prev_entity, speakers.entities[prev_entity].mentions[-1], 0.6,
                                                     "", None)
        else:
            cue_sent = sents[att.cue.sent]
            cue_text = _cue_text(cue_sent, att.cue)
            channel = att.channel
            if att.speaker is not None and att.pronoun is None:
                written = body[att.speaker[0]:att.speaker[1]]
                ent = speakers.link(written)
                conf = 0.9 if kind == "direct" else 0.8
            else:
                ent = None
                if att.pronoun == "person":
                    # "... vendor Abbas Jabbar pointed to the tanks. “...,” he said.": a person brought in
                    # after the last statement is the one "he" refers to.
                    since = out[-1].last_sentence + 1 if out else 0
                    ent = speakers.introduce_subject(sents, since, att.cue.sent)
                if ent is None:
                    ent = speakers.resolve(att.pronoun or "any", prev_entity)
                if ent is None:
                    ent = speakers.introduce_named(sents, att.cue.sent)
                if ent is None:
                    continue
                written = speakers.entities[ent].mentions[-1]
                conf = 0.75 if att.speaker is not None else 0.7
            if att.cue.cls == "per":
                conf -= 0.05
        speakers.heard(ent)
        prev_entity, prev_block = ent, block
        text = _clean_text(body[start:end])
        if not text:
            continue
        last_sent = max(last, sentence_at(max(start, end - 1)))
        out.append(Statement(kind, written.strip(), str(ent), cue_text, channel, text, start, end,
                             min(first, sentence_at(start)), last_sent, round(conf, 2)))
    canon = {str(i): speakers.canonical(i) for i in range(len(speakers.entities))}
    return [_with_canonical(s, canon[s.canonical_speaker]) for s in out]


def _with_canonical(s: Statement, name: str) -> Statement:
    return Statement(s.kind, s.speaker, name, s.cue, s.channel, s.text, s.start, s.end, s.sentence,
                     s.last_sentence, s.confidence)


def _is_title_quote(rules: StatementRules, body: str, q) -> bool:
    before = re.findall(r"[\w-]+", body[max(0, q.start - 40):q.start])
    return rules.is_title_quote(body, body[q.inner_start:q.inner_end], before)


def _only_space_between(body: str, a: int, b: int) -> bool:
    return not body[a:b].replace(">", "").strip()


def _starts_sentence(body: str, sent: Sentence, q) -> bool:
    return not body[sent.start:q.start].replace(">", "").strip()


def _clean_text(raw: str) -> str:
    text = re.sub(r"\n\s*(?:>\s*)*[“«‘\"]", "\n", raw)      # reopened marks of continued paragraphs
    text = fold_sentence_text(text)
    return text.strip(" ,،:;؛—–-") if text else ""


def _cue_text(sent: Sentence, cue: Cue) -> str:
    if cue.split_end >= 0:
        return f"{sent.doc[cue.start].text} … {sent.doc[cue.split_end].text}"
    return sent.doc[cue.start:cue.end].text


# ---------------------------------------------------------------- cues

def _main_cue(rules: StatementRules, sent: Sentence) -> Cue | None:
    doc = sent.doc
    phrases, split, classes = rules.matchers
    found: list[Cue] = []
    for match_id, i, j in phrases(doc):
        if all(sent.frame[i:j]) and not (i > 0 and doc[i - 1].lower_ in rules.cue_blockers):
            found.append(Cue(sent.index, i, j, classes[match_id]))
    if split is not None:
        for match_id, i, j in split(doc):
            if sent.frame[i] and sent.frame[j - 1] and not any(c.start <= i < c.end for c in found):
                found.append(Cue(sent.index, i, i + 1, classes[match_id], j - 1))
    if not found:
        return None
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    # Split cues: keep the shortest object span for each opening word.
    dedup: list[Cue] = []
    for c in found:
        if dedup and dedup[-1].start == c.start:
            continue
        if dedup and c.start < dedup[-1].end:
            continue
        dedup.append(c)
    main = [c for c in dedup if c.cls != "part"]
    if rules.verb_final:      # the verb ends the clause: the first cue in the sentence is the main one
        return main[0] if main else dedup[0]
    per = [c for c in main if c.cls == "per"]
    verbs = [c for c in main if c.cls != "per" and not any(p.end <= c.start <= p.end + 1 for p in per)]
    if len(verbs) > 1 and rules.relative_words:
        # "A customs official, who asked not to be named, said ...": the relative clause's verb is not it
        outer = [c for c in verbs
                 if not any(doc[k].lower_ in rules.relative_words for k in range(max(0, c.start - 4), c.start))]
        verbs = outer or verbs
    return (verbs or per or dedup)[0]


def _attribute(rules: StatementRules, sent: Sentence, cue: Cue) -> Attribution | None:
    att = rules.attribute(sent, cue)
    if att is None:
        return None
    if rules.channel is not None:
        frame_text = "".join(t.text_with_ws if f else " " for t, f in zip(sent.doc, sent.frame))
        m = rules.channel.search(frame_text)
        if m:
            att.channel = m.group().strip()
    return att
