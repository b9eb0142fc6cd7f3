"""Key statements: who said what, quoted or reported — the language-neutral driver.

Rules over spaCy tokens (blank pipelines, no trained models). For every sentence a PhraseMatcher
and a Matcher built from the language's cue lexicon find cue words outside quotation marks; the
language's rules (`hawal/langs/<code>/statements.py`, see `rules.py`) find the speaker and the
content around the main cue. The driver splits a sentence into the clauses of one speaker
(participles and second verbs: "..., adding that", "، مؤكداً أن", "و گوتی"), keeps acts and appeals
only where they carry content, hands reports through an outlet to the one quoted, cleans speakers
of dates and time words, pairs quotes with clauses, carries unquoted speech over the sentences
that continue it, and links speakers across the article (`speakers.py`).
"""
from __future__ import annotations

import bisect
import re

from ..segment import SegmentedArticle, fold_sentence_text
from ..sources import DATELINE
from .model import Statement
from .quotes import Quote, find_quotes
from .rules import PARTICIPLES, StatementRules, rules_for
from .speakers import Speakers
from .tokens import MIN_DIRECT_WORDS, Attribution, Cue, Sentence, Toks, fold, is_punct, read_sentences, text_of

FOLLOW_ON_BLOCKS = 3        # an uncued quote belongs to a speaker at most this many blocks back
CONTINUED_SENTENCES = 4     # unquoted direct speech runs on over at most this many sentences
# A dateline with no agency ("DUHOK — ", "سلێمانی — "): one to three words and a dash open the body.
_BARE_DATELINE = re.compile(r"^\s*[^\s,—–\n]+(?:[ ,]+[^\s,—–\n]+){0,2}\s*[—–]\s+")   # words cannot hold the commas between them: no backtracking blow-up
# "TEHRAN: A senior official ..." (https://www.arabnews.pk/node/1130606): a capitalised place and a colon.
_CAPS_DATELINE = re.compile(r"^\s*[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}:\s+")
# "ERBIL, Kurdistan Region of Iraq - ": a capitalised city, a comma, up to five place words and a spaced dash or
# hyphen (https://thenewregion.com/posts/2279)
# "HALABJA,— NRTTV – 13 June 2016 – The governor said" (http://www.mesop.de/mesop-news-about-halabja-...): a
# capitalised city, a comma glued to a dash, then an outlet and a date between dashes
_GLUED_DASH_DATELINE = re.compile(r"^\s*[A-Z][A-Z'.]+(?: [A-Z][A-Z'.]+){0,2},\s?[—–-](?:\s+[^—–\n]{1,30}?\s[—–]){0,2}\s+")
# "ERBIL - The governor said": a capitalised city and a spaced hyphen
_HYPHEN_DATELINE = re.compile(r"^\s*[A-Z][A-Z'.]+(?:[ /][A-Z][A-Z'.]+){0,2} - ")
_PLACE_DATELINE = re.compile(r"^\s*[A-Z][A-Z'.]+(?: [A-Z][A-Z'.]+){0,2},(?: (?:[A-Z][\w'.]*|of|the)){1,5} [-—–] ")
_BRACKETS = str.maketrans("", "", "()[]")
_WORD = re.compile(r"\w")
_WORD_OR_DASH = re.compile(r"[\w-]+")


def extract_statements(segmented: SegmentedArticle) -> list[Statement]:
    """Every direct and reported statement of an article, in reading order."""
    article = segmented.article
    body = article.body
    rules = rules_for(article.lang)
    if not segmented.sentences or not rules.cues:
        return []
    paragraphs = [(b.start, b.end) for b in segmented.blocks if b.translatable]
    quotes = find_quotes(body, paragraphs)
    titles = {q.start for q in quotes if _is_title_quote(rules, body, q)}
    statement_quotes = [q for q in quotes if q.words(body) >= MIN_DIRECT_WORDS and q.start not in titles]
    sents = _sentences(rules, segmented, body, quotes, titles)

    clauses: dict[int, list[Attribution]] = {}
    for sent in sents:
        found = _clauses(rules, sent, body)
        if not found and sent.doc:
            label = rules.speaker_label(sent)      # `NAME:` on a line of its own, the speech in the next paragraph
            found = [label] if label is not None else found
        if found:
            clauses[sent.index] = found
    for idx, atts in clauses.items():
        _clause_in_next_sentence(rules, sents, clauses, idx, atts[-1])
        _clause_in_sentence_before(rules, sents, clauses, idx, atts[0])
    _quote_predicates(rules, sents, clauses, statement_quotes)

    sent_starts = [s.start for s in sents]

    def sentence_at(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    speakers = Speakers(rules, body)
    _resolve_speakers(rules, speakers, sents, clauses, body)

    # Each candidate: (start, end, kind, attribution or None, first, last)
    candidates: list[tuple[int, int, str, Attribution | None, int, int]] = []
    quoted: set[int] = set()            # ids of clauses that got a quote
    fragments: dict[int, tuple[int, int]] = {}  # clause id -> (its candidate, end of its last quote) for quotes in its clause
    parts: dict[int, tuple[int, int, int]] = {}  # clause id -> (its candidate, end of its last quote, sentence) otherwise
    for q in statement_quotes:
        first, last = sentence_at(q.start), sentence_at(max(q.start, q.end - 1))
        att = _clause_of_quote(body, sents, clauses, q, first, last)
        if att is None and not _starts_sentence(body, sents[first], q):
            continue
        start, end = q.inner_start, q.inner_end
        if att is not None:
            before_colon = body[att.content[0]:q.start].rstrip(" \t>“«\"") if att.content is not None \
                and att.content[0] < q.start <= att.content[1] else ""
            if before_colon.endswith(":") and _WORD.search(before_colon) and id(att) not in fragments and att.clause \
                    and not (rules.channel is not None and rules.channel.match(before_colon)):
                # 'The minister said that this is not the first attack: “...”' (https://xalqqazeti.az/en/dunya/
                # 160221-...): the clause before the colon is reported, the quotation after it direct
                att.content = (att.content[0], att.content[0] + len(before_colon) - 1)
            elif not (att.content is not None and att.content[0] >= q.end
                      and body[q.end:att.content[0]].count(",") == 1 and body[q.end:att.content[0]].rstrip().endswith("that")):
                quoted.add(id(att))     # 'pointed to plans meant to "...", warning that ...': both speak
            if att.content is not None and att.content[0] < q.start <= att.content[1] \
                    and _WORD.search(body, att.content[0], q.start) \
                    and not body[att.content[0]:q.start].rstrip(" >«“\"").endswith(":"):
                # A fragment quoted inside a reported clause ('lifted “the day the storm arrives”'):
                # the clause carries the meaning, the marks inside it show what was quoted.
                start, end = att.content[0], max(att.content[1], q.end)
            inside = att.content is not None and att.content[0] <= q.inner_start and q.inner_end <= att.content[1]
            held = fragments.get(id(att))
            if held is not None and inside and not rules.may_attribute(body[held[1]:q.start]):
                # 'said that "X" had been "Y"': a second quoted fragment of the same clause, one statement
                # (with no cue between them: '"X" ئاماژەیشی دا "Y"' is two)
                i, (s0, e0) = held[0], candidates[held[0]][:2]
                candidates[i] = (min(s0, att.content[0]), max(e0, att.content[1], q.end)) + candidates[i][2:]
                fragments[id(att)] = (i, q.end)
                continue
            if inside:
                fragments[id(att)] = (len(candidates), q.end)
            else:
                split = parts.get(id(att))
                gap = body[split[1]:q.start] if split is not None else ""
                if split is not None and split[2] == first and re.search(r"\w", gap) and len(gap.split()) <= 8 \
                        and not re.search(r"[.!?؟]", body[split[1] - 3:q.start]) and not rules.may_attribute(gap):
                    # '"... a defensive strike" in Diyala province "against ...," the official said': one
                    # quotation broken by a phrase of the writer's, with no cue between its parts
                    i = split[0]
                    candidates[i] = (candidates[i][0], q.inner_end) + candidates[i][2:]
                    parts[id(att)] = (i, q.end, first)
                    continue
                parts[id(att)] = (len(candidates), q.end, first)
        candidates.append((start, end, "direct", att, first, last))
    quote_spans = [(q.start, q.end) for q in statement_quotes]
    for idx, atts in clauses.items():
        for att in atts:
            if id(att) not in quoted and att.content is None and att.colon and att is atts[-1] \
                    and att.cue.cls not in ("appeal", "partact"):
                # "پارێزگار ڕایگەیاند:" ending its paragraph: the speech is the next paragraph, unquoted
                # (http://slemani.gov.krd/so/PVnewsDetail.php?newsID=174&secID=36)
                nxt = _paragraph_after_colon(body, sents, clauses, quote_spans, idx)
                if nxt is not None:
                    att.content, att.direct = (sents[nxt].start, sents[nxt].end), True
                    last, end = _continued(sents, clauses, quote_spans, nxt, sents[nxt].end)
                    candidates.append((att.content[0], end, "direct", att, idx, last))
                    continue
            if id(att) in quoted or not att.states:
                continue
            if any(a <= att.content[0] < b for a, b in quote_spans):
                continue            # the clause is itself inside a quotation
            end = att.content[1]
            last = idx
            if att.direct:
                last, end = _continued(sents, clauses, quote_spans, idx, end)
            candidates.append((att.content[0], end, "direct" if att.direct else "reported", att, idx, last))
    candidates.sort(key=lambda c: c[0])

    # every speaker is linked by now: one canonical name per entity (the same after the loop below, which links none)
    canon = [speakers.canonical(i) for i in range(len(speakers.entities))]
    out: list[Statement] = []
    prev_entity: int | None = None
    prev_block = -10
    for start, end, kind, att, first, last in candidates:
        block = sents[first].block
        if att is None:
            if prev_entity is None or block - prev_block > FOLLOW_ON_BLOCKS:
                continue
            ent, conf, cue_text, channel = prev_entity, 0.6, "", None
        else:
            ent = att.entity
            if ent is None:
                continue
            cue_text = _cue_text(sents[att.cue.sent], att.cue)
            channel = att.channel or (att.parent.channel if att.parent else None)
            conf = (0.9 if kind == "direct" else 0.8) if att.speaker is not None and att.pronoun is None \
                else (0.75 if att.speaker is not None else 0.7)
            if att.cue.cls == "per":
                conf -= 0.05
        prev_entity, prev_block = ent, block
        text = _clean_text(body[start:end])
        if not text:
            continue
        written = speakers.written(ent, att)
        last_sent = max(last, sentence_at(max(start, end - 1)))
        out.append(Statement(kind, written, canon[ent], cue_text, channel, text, start, end,
                             min(first, sentence_at(start)), last_sent, round(conf, 2)))
    return out


def _sentences(rules: StatementRules, segmented: SegmentedArticle, body: str, quotes: list[Quote],
               titles: set[int]) -> list[Sentence]:
    q_starts = [q.start for q in quotes]
    skip_until = 0
    m = DATELINE.match(body) or _BARE_DATELINE.match(body) or _CAPS_DATELINE.match(body) or _PLACE_DATELINE.match(body) \
        or _HYPHEN_DATELINE.match(body) or _GLUED_DASH_DATELINE.match(body)
    if m and "\n" not in body[:m.end()]:
        skip_until = m.end()        # never read a dateline as a speaker
    texts = [body[s.start:s.end] for s in segmented.sentences]
    # Only sentences with a cue word are tokenized: the others can attribute nothing (quotes and
    # continued speech need only their offsets).
    wanted = [rules.may_attribute(t) for t in texts]
    docs = iter(read_sentences(rules.nlp.tokenizer, [t for t, w in zip(texts, wanted) if w]))
    words_in = {q: q.words(body) for q in quotes}     # once per quote: a quote may run over many paragraphs
    sents: list[Sentence] = []
    n_quotes = len(quotes)
    prev_block = None
    for s, text, want in zip(segmented.sentences, texts, wanted):
        first_in_block, prev_block = s.block != prev_block, s.block
        if want and first_in_block and s.start > skip_until:
            # "Standfirst.\n\nERBIL, Kurdistan Region (Kurdistan 24) – The minister said ..." (https://www.kurdistan24.net/
            # en/news/47923d4b-...): a dateline opening a later paragraph is no speaker either
            later = DATELINE.match(text) or _PLACE_DATELINE.match(text) or _HYPHEN_DATELINE.match(text) \
                or _GLUED_DASH_DATELINE.match(text)
            if later and "\n" not in text[:later.end()]:
                skip_until = s.start + later.end()
        if not want:
            empty = Toks()
            empty.source = text
            sents.append(Sentence(s.index, s.start, s.end, s.block, empty, [], [], 0, []))
            continue
        doc, norms = next(docs)
        n = len(doc)
        lead = 0
        if s.start < skip_until or n_quotes:
            offsets = [t.idx for t in doc]      # in order: a token's place is found by bisection
            if s.start < skip_until:
                lead = bisect.bisect_left(offsets, skip_until - s.start)
        k = max(0, bisect.bisect_right(q_starts, s.start) - 1)
        local = [q for q in quotes[k:bisect.bisect_right(q_starts, s.end)] if q.end > s.start]
        heading = _heading_lines(body, s.start, text)
        if heading:
            lead = max(lead, sum(1 for t in doc if t.idx < heading))
        if not local:
            frame = [i >= lead for i in range(n)]
            open_ = frame
        else:
            # tokens inside a quotation are out of the frame; out of the open text too unless the
            # quotation is short (a term) or a title
            frame = [i >= lead for i in range(n)]
            open_ = frame[:]
            for q in local:
                a = bisect.bisect_left(offsets, q.start - s.start)
                b = bisect.bisect_left(offsets, q.end - s.start)
                if a < b:
                    frame[a:b] = _FALSE * (b - a)
                    if not (words_in[q] < MIN_DIRECT_WORDS or q.start in titles):
                        open_[a:b] = _FALSE * (b - a)
        sents.append(Sentence(s.index, s.start, s.end, s.block, doc, frame, open_, lead, norms))
    return sents


_HEADING_WORDS = 8          # a line of at most this many words, standing alone, can be a heading or byline
_WORDS = re.compile(r"\w+")


def _heading_lines(body: str, start: int, text: str) -> int:
    """Offset in `text` past the short lines that open it on lines of their own with no closing
    punctuation: a subheading, a byline or a timestamp the sentence splitter ran into the first
    sentence of a paragraph ("خزمەتگوزاری لە کەمپەکان⏎X ڕایگەیاند", "ڕۆژانە، شوان حەسەن⏎..."). They are never the
    speaker. Hard-wrapped copy is not cut: the sentence must begin a line, each such line must end in a
    word, be short and have a longer line after it, and what follows them must be one line (hard-wrapped
    copy breaks it again: "... لە فراکسیۆنی⏎پارتی گەل بە ...ی ڕاگەیاند", https://pukmedia.com/KS/Details/200030)."""
    text = text.rstrip()
    if "\n" not in text:
        return 0
    k = start - 1
    while k >= 0 and body[k] in " \t>":
        k -= 1
    if k >= 0 and body[k] != "\n":
        return 0
    pos = 0
    while True:
        nl = text.find("\n", pos)
        if nl < 0:
            return pos
        line = text[pos:nl].strip(" \t>")
        following = text[nl + 1:].split("\n", 1)[0].strip(" \t>")
        if not line or not (line[-1].isalnum() or line[-1] == ")") \
                or len(_WORDS.findall(line)) > _HEADING_WORDS or len(following) <= len(line):
            return 0
        pos = nl + 1


_FALSE = [False]


def _is_title_quote(rules: StatementRules, body: str, q: Quote) -> bool:
    before = _WORD_OR_DASH.findall(body, max(0, q.start - 40), q.start)
    return rules.is_title_quote(body, body[q.inner_start:q.inner_end], before) or rules.sign_quote(body, q.start, q.end)


def _only_space_between(body: str, a: int, b: int) -> bool:
    return not body[a:b].replace(">", "").strip()


def _starts_sentence(body: str, sent: Sentence, q: Quote) -> bool:
    return not body[sent.start:q.start].replace(">", "").strip()


_REOPENED = re.compile(r"\n\s*(?:>\s*)*[“«‘\"]")


def _clean_text(raw: str) -> str:
    text = _REOPENED.sub("\n", raw) if "\n" in raw else raw     # reopened marks of continued paragraphs
    text = fold_sentence_text(text)
    return text.strip(" ,،:;؛—–-") if text else ""


def _cue_text(sent: Sentence, cue: Cue) -> str:
    if cue.split_end >= 0:
        return f"{sent.doc[cue.start].text} … {sent.doc[cue.split_end].text}"
    return text_of(sent.doc, cue.start, cue.end)


# ---------------------------------------------------------------- cues and clauses

def _find_cues(rules: StatementRules, sent: Sentence) -> list[Cue]:
    """Every cue outside quotation marks, in order, overlapping matches resolved."""
    phrases, split = rules.cue_index
    norms = sent.norms
    frame = sent.frame
    n = len(norms)
    blockers = rules.cue_blockers
    found: list[Cue] = []
    cue_words = rules.cue_words
    for i in [i for i, w in enumerate(norms) if w in cue_words]:      # a cue opens with one of them
        w = norms[i]
        if not frame[i] or (i > 0 and norms[i - 1] in blockers):
            continue
        for words, cls in phrases.get(w, ()):
            j = i + len(words)
            if j <= n and tuple(norms[i:j]) == words and all(frame[i:j]):
                found.append(Cue(sent.index, i, j, cls))
                break
        if w in split and not any(c.start <= i < c.end for c in found):
            for last, cls in split[w]:
                k = next((k for k in range(i + 2, min(n, i + 2 + rules.split_gap)) if norms[k] == last and frame[k]), None)
                if k is not None:
                    found.append(Cue(sent.index, i, i + 1, cls, k))
                    break
    if not found:
        return []
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.verb_end))
    # Split cues: keep the shortest object span for each opening word; drop cues inside another.
    out: list[Cue] = []
    for c in found:
        if out and (c.start == out[-1].start or c.start < out[-1].end):
            continue
        if out and out[-1].split_end >= 0 and c.start <= out[-1].split_end and c.cls not in PARTICIPLES:
            continue
        out.append(c)
    return out


def _main_cue(rules: StatementRules, sent: Sentence, cues: list[Cue]) -> Cue | None:
    doc = sent.doc
    main = [c for c in cues if c.cls not in PARTICIPLES]
    if rules.verb_final:      # the verb ends the clause: the first cue in the sentence is the main one
        if main and main[0].cls == "per" and len(main) > 1 and _outlet_after(rules, sent, main[0]):
            return main[1]    # بەپێی هەواڵی کوردپرێس، ... X ڕایگەیاند: the outlet only passes it on
        return main[0] if main else cues[0]
    per = [c for c in main if c.cls == "per"]
    verbs = [c for c in main if c.cls != "per" and not any(p.end <= c.start <= p.end + 1 for p in per)]
    if len(verbs) > 1 and rules.relative_words:
        # "A customs official, who asked not to be named, said ...": the relative clause's verb is not it
        # (a relative word before another verb is that verb's: "an officer who blamed ISIS told the agency")
        outer = [c for c in verbs
                 if not any(doc[k].lower_ in rules.relative_words and not any(k < v.start < c.start for v in verbs)
                            for k in range(max(0, c.start - 4), c.start))]
        verbs = outer or verbs
    return (verbs or per or cues)[0]


def _passes_on_speech(rules: StatementRules, sent: Sentence, main: Cue, cues: list[Cue]) -> bool:
    """Verb-final languages: X لە ڕاگەیەندراوێکدا بڵاویکردەوە، ... Y ... وتی: "...": a later verb of saying with a
    colon after it, in the first verb's clause, is the speech X passes on (https://ku.kurdpress.com/news/226143)."""
    if not rules.verb_final or main.cls != "say":
        return False
    doc = sent.doc
    if main.verb_end < len(doc) and doc[main.verb_end].text == ":":
        return False        # X ... دەڵێت: ...، Y ... دەڵێت: ...: the first verb's own speech follows its colon
    return any(c.cls == "say" and c.start > main.verb_end and c.verb_end < len(doc) and doc[c.verb_end].text == ":"
               for c in cues)


def _kept_clause(rules: StatementRules, sent: Sentence, main: Cue, att: Attribution,
                 other: Attribution) -> Attribution | None:
    """When a later speaker's words take over the sentence, the first speaker's own clause between its verb and the
    later speaker, if the language finds one (`rules.clause_end`), cut there."""
    if att.content is None or rules.is_outlet(sent.doc.source[att.speaker[0] - sent.start:att.speaker[1] - sent.start]):
        return None
    j = sent.token_at(other.speaker[0])
    if j <= main.verb_end:
        return None
    end = rules.clause_end(sent, main.verb_end, j)
    if end is None or end <= main.verb_end:
        return None
    return att if _cut_content_at_clause(sent, att, end) else None


def _cut_content_at_clause(sent: Sentence, att: Attribution, end: int) -> bool:
    """End `att`'s content where the clause closing at token `end` ends; False (unchanged) when that is before it."""
    cut = sent.span(end - 1, end)[1]
    if cut <= att.content[0]:
        return False
    att.content = (att.content[0], min(att.content[1], cut))
    return True


def _own_clause_after(rules: StatementRules, sent: Sentence, att: Attribution, cue: Cue, edge: int) -> bool:
    """Whether a later verb (verb-final languages) has a subject of its own after a clause closed by its verb since
    the last clause's verb; if so the last clause's content is cut where that clause ends."""
    end = rules.clause_end(sent, edge, cue.start)
    if end is None or att.content is None:
        return False
    own = _attribute(rules, sent, cue)
    if own is None or own.speaker is None or own.pronoun is not None or own.content is None \
            or sent.token_at(own.speaker[0]) < end:
        return False
    return _cut_content_at_clause(sent, att, end)


def _outlet_after(rules: StatementRules, sent: Sentence, cue: Cue) -> bool:
    words = text_of(sent.doc, cue.end, min(len(sent.doc), cue.end + 3))
    return rules.is_outlet(words)


def _coordinated(rules: StatementRules, sent: Sentence, cue: Cue, after: int) -> bool:
    """A second verb of the clause's speaker: "and said", "و گوتی", "û got", a verb opening with و
    after a comma, or "فيما أشار" — with nothing but adverbs between the link and the verb."""
    k = cue.start - 1
    while k >= after and sent.norms[k] in rules.folded_follow_adverbs:
        k -= 1
    if k < after:
        return False
    tok = sent.doc[k]
    if sent.norms[k] in rules.folded_coordinators:
        return True
    first = sent.doc[cue.start].text
    return first[:1] in ("و", "ف") and len(first) > 3 and "و" in rules.coordinators and (
        tok.text in (",", "،") or is_punct(tok))


def _clauses(rules: StatementRules, sent: Sentence, body: str) -> list[Attribution]:
    """The clauses of a sentence that attribute something: its main clause, then the clauses that
    continue it with the same speaker."""
    cues = _find_cues(rules, sent)
    if not cues:
        return []
    kept = None
    main = _main_cue(rules, sent, cues)
    if main is None:
        return []
    att = _attribute(rules, sent, main)
    if att is not None and att.speaker is not None and att.pronoun is None and (
            rules.is_outlet(body[att.speaker[0]:att.speaker[1]]) or _passes_on_speech(rules, sent, main, cues)):
        # أفادت وكالة مهر، صرّح نيجيرفان بارزاني ...: when a report quotes someone, the one quoted speaks.
        for later in cues:
            if later.start > main.verb_end and later.cls not in PARTICIPLES and later.cls != "per":
                other = _attribute(rules, sent, later)
                if other is not None and other.speaker is not None and (other.content is not None or att.content is None) \
                        and not rules.is_outlet(body[other.speaker[0]:other.speaker[1]]):
                    kept = _kept_clause(rules, sent, main, att, other)
                    main, att = later, other
                    break
    if att is None and main.cls not in PARTICIPLES:
        # The first verb found says nothing (هاتبوو "had come" in a relative clause, a passive with no
        # document): the next verb of the sentence, or an "according to" before it, may still head its clause.
        for later in cues:
            if (later.start >= main.verb_end or later.cls == "per") and later.cls not in PARTICIPLES \
                    and later is not main:
                att = _attribute(rules, sent, later)
                if att is not None:
                    main = later
                    break
    if att is None:
        if main.cls not in PARTICIPLES:
            return []
        att = rules.follow_on(sent, main, None)     # "واختتم قائلاً:": the subject was dropped
        if att is None:
            return []
    out = [att] if kept is None else [kept, att]
    if rules.verb_final or any(c.cls in PARTICIPLES and c.verb_end <= main.start for c in cues):
        # X، وێڕای جەخت لەسەر ئەوەی کە ...، دەڵێت: the verb ends the sentence, so a participle of saying stands
        # before it; its clause ends where the main clause's verb begins. Elsewhere only a participle that opens
        # the sentence ("Noting that ..., he said").
        for c in cues:
            if c.cls in PARTICIPLES and c.verb_end <= main.start and (rules.verb_final or rules.leading_participle(sent, c)):
                follow = rules.follow_on(sent, c, att)
                if follow is not None:
                    _end_before(rules, sent, follow, main)
                    if follow.content is not None:      # and at its own comma: a subject may stand after it
                        comma = next((sent.span(k, k + 1)[0] for k in range(c.verb_end, main.start)
                                      if sent.doc[k].text in (",", "،") and sent.span(k, k + 1)[0] > follow.content[0]), None)
                        if comma is not None:
                            follow.content = (follow.content[0], min(follow.content[1], comma))
                    out.append(follow)
    edge = main.verb_end
    for c in cues:
        if c.start < edge or c is main:
            continue
        follow = None
        if c.cls in PARTICIPLES:
            follow = rules.follow_on(sent, c, out[0])
        elif c.cls != "per" and (_coordinated(rules, sent, c, edge) or rules.continues(sent, c)
                                 or rules.own_subject(sent, c)):
            if not rules.verb_final:
                # "..., وقال وزير الداخلية إن": a second verb may name a speaker of its own after it; "..., but the
                # commission reiterated that ...": or before it
                own = _attribute(rules, sent, c)
                if own is not None and own.speaker is not None and own.pronoun is None \
                        and (own.speaker[0] >= sent.span(c.start, c.end)[0] or rules.own_subject(sent, c)):
                    follow = own
            follow = follow or rules.follow_on(sent, c, out[0])
        elif c.cls == "say" and rules.verb_final and _own_clause_after(rules, sent, out[-1], c, edge):
            # X ڕایگەیاند، ... دادەخرێت، هەروەها Y، TITLE وتی، ...: after the first clause closed by its verb, a
            # later verb with a subject of its own opens a clause of its own (`rules.clause_end`)
            follow = _attribute(rules, sent, c)
            out.append(follow)
            edge = c.verb_end
            continue
        elif c.cls == "per" and rules.verb_final and _per_clause_after(sent, c, edge):
            # X دەشڵێت: "..."، بە پێی زانیارییەکانی Y، ...: when the verb has closed its clause, a later
            # "according to" phrase after a comma opens a clause of its own (https://ku.kurdpress.com/news/226143)
            own = _attribute(rules, sent, c)
            if own is not None and own.speaker is not None and own.content is not None \
                    and own.content[0] >= sent.span(c.start, c.end)[1]:
                follow = own
        if follow is not None:
            _end_before(rules, sent, out[-1], c)
            if not rules.verb_final and follow.speaker is not None and follow.pronoun is None \
                    and sent.start <= follow.speaker[0] < sent.span(c.start, c.end)[0]:
                # "X said A but officials in Y said B": A ends before the second clause's own subject
                k = sent.token_at(follow.speaker[0])
                _end_before(rules, sent, out[-1], Cue(c.sent, k, k, c.cls))
            out.append(follow)
            edge = c.verb_end
    for c in cues:
        if c is not main and c.cls not in PARTICIPLES and all(a.cue is not c for a in out) and rules.embedded(sent, c):
            own = _attribute(rules, sent, c)        # "..., which officials said killed four, ...": beside the main clause
            if own is not None:
                out.append(own)
    for a in out:
        _channel(rules, sent, a)
        if a.content is not None and not a.direct:
            a.direct = a.colon or (rules.unmarked_direct and _first_person(rules, sent, a))
    return out


_CLOSED_CLAUSE_WORDS = 4    # words between a verb and a later comma: the verb's clause is said by then


def _per_clause_after(sent: Sentence, cue: Cue, edge: int) -> bool:
    """A comma right before the cue, and a clause of its own between the last verb and that comma."""
    if cue.start == 0 or sent.doc[cue.start - 1].text not in (",", "،"):
        return False
    return sum(1 for t in sent.doc[edge:cue.start] if not is_punct(t)) >= _CLOSED_CLAUSE_WORDS


def _attribute(rules: StatementRules, sent: Sentence, cue: Cue) -> Attribution | None:
    att = rules.attribute(sent, cue)
    if att is None:
        return None
    if att.speaker is not None:
        _clean_speaker(rules, sent, att)
    return att


def _channel(rules: StatementRules, sent: Sentence, att: Attribution) -> None:
    if rules.channel is None or att.channel:
        return
    m = rules.channel.search(sent.frame_text())      # quotations blanked out: a channel is named outside them
    if m:
        att.channel = m.group().strip()


def _end_before(rules: StatementRules, sent: Sentence, att: Attribution, follow: Cue) -> None:
    """Cut a clause's content where the next clause of the sentence begins."""
    if att.content is None:
        return
    k = follow.start
    while k > 0 and sent.norms[k - 1] in rules.folded_follow_adverbs:
        k -= 1
    if k > 1 and sent.norms[k - 1] in rules.folded_clause_subjects and not is_punct(sent.doc[k - 2]):
        k -= 1          # "..., and he said:": the second clause's own subject
    while k > 0 and (is_punct(sent.doc[k - 1]) or sent.norms[k - 1] in rules.folded_coordinators
                     or sent.norms[k - 1] in rules.folded_follow_adverbs or sent.norms[k - 1] in rules.folded_clause_links):
        k -= 1
    start, end = att.content
    cut = sent.span(k - 1, k)[1] if k > 0 else sent.start
    if end <= cut:
        return
    if cut <= start or len(_WORDS.findall(sent.doc.text, start - sent.start, cut - sent.start) if start >= sent.start
                           else re.findall(r"\w+", sent.doc.text[start - sent.start:cut - sent.start])) < 2:
        att.content = None
    else:
        att.content = (start, cut)


def _first_person(rules: StatementRules, sent: Sentence, att: Attribution) -> bool:
    a = sent.token_at(att.content[0])
    b = sent.token_at(att.content[1])
    return rules.in_own_words(sent.norms[a:b])


def _clean_speaker(rules: StatementRules, sent: Sentence, att: Attribution) -> None:
    """A speaker is a person or body: never a date, a weekday, a time word, or an unclosed bracket."""
    a = sent.token_at(att.speaker[0])
    b = sent.token_at(att.speaker[1] - 1) + 1
    doc = sent.doc
    i = a
    while i < b and (rules.is_time(sent.norms[i]) or is_punct(doc[i])):
        i += 1
    j = b
    while j > i and (rules.is_time(sent.norms[j - 1]) or is_punct(doc[j - 1])
                     or sent.norms[j - 1] in rules.folded_coordinators):
        j -= 1
    if i >= j:
        att.speaker, att.pronoun = None, att.pronoun or "any"
        return
    opened = next((k for k in range(i, j) if doc[k].text == "("), None)
    if opened is not None and not any(t.text == ")" for t in doc[opened:j]) and j - opened == 2 \
            and doc[opened + 1].text.isupper():
        j = opened          # "The Kurdistan Regional Government (KRG said": the acronym's bracket never closes
        while j > i and is_punct(doc[j - 1]):
            j -= 1
    if i != a or j != b:
        att.speaker = sent.span(i, j)


# ---------------------------------------------------------------- quotes and continued speech

def _clause_of_quote(body: str, sents: list[Sentence], clauses: dict[int, list[Attribution]], q: Quote,
                     first: int, last: int) -> Attribution | None:
    """The clause a quotation belongs to: a clause before it in its sentence whose content holds
    it, a cue right after it ("...," she said), the nearest cue before it, any clause of the
    sentences it spans, or a clause ending in a colon just before."""
    def cue_span(att):
        return sents[att.cue.sent].span(att.cue.start, att.cue.verb_end)

    before = [att for att in clauses.get(first, ()) if cue_span(att)[1] <= q.start]
    holding = [att for att in before if att.content is not None and att.content[0] <= q.start < att.content[1] + 2]
    if holding:
        return holding[-1]
    main_before = [att for att in before if not att.subordinate]
    if main_before:
        return main_before[-1]
    def own_speech(att):     # «...» ⏎ NAME، وتیشی: ...: a clause with colon speech of its own after the quotation
        return att.colon and att.content is not None and att.content[0] >= q.end

    for att in clauses.get(last, ()):
        if cue_span(att)[0] >= q.end and not own_speech(att):
            return att
    if before:
        return before[-1]       # only a subordinate clause ("- who X reported was -") before it, none after
    for i in range(first, last + 1):
        if clauses.get(i) and not own_speech(clauses[i][0]):
            return clauses[i][0]
    if first > 0 and clauses.get(first - 1):
        prev = sents[first - 1]
        frame_text = body[prev.start:prev.end].rstrip()
        if frame_text.endswith(":") and _only_space_between(body, prev.end, q.start):
            return clauses[first - 1][-1]
    nxt = last + 1
    if nxt < len(sents) and sents[nxt].block == sents[last].block and clauses.get(nxt) \
            and not _WORD.search(body, q.end, sents[nxt].start) and clauses[nxt][0].content is None:
        # “... ئاگادارکردنەوەی خەڵک نەگۆڕیوە.” (ئاراس نەجم وا دەڵێت): the attribution closes the quotation
        # as a sentence of its own (https://nawnishan.com, https://ku.964media.com/98286)
        return clauses[nxt][0]
    return None


def _quote_predicates(rules: StatementRules, sents: list[Sentence], clauses: dict[int, list[Attribution]],
                      quotes: list[Quote]) -> None:
    """A sentence that attributes nothing and ends in a quotation after its subject ('The ministry "strongly
    condemns ..."'): the language's rules may read the subject as the speaker."""
    starts = [s.start for s in sents]
    for q in quotes:
        i = max(0, bisect.bisect_right(starts, q.start) - 1)
        sent = sents[i]
        if i in clauses or q.start <= sent.start or not len(sent.doc):
            continue
        follows = i - 1 in clauses and sents[i - 1].block == sent.block
        att = rules.quote_subject(sent, q.start, q.end, follows)
        if att is not None:
            clauses[i] = [att]


def _paragraph_after_colon(body: str, sents: list[Sentence], clauses: dict[int, list[Attribution]], quote_spans,
                           idx: int) -> int | None:
    """The sentence that opens the next paragraph, when sentence idx ends its paragraph with a colon and
    that paragraph attributes nothing itself and holds no quotation."""
    nxt = idx + 1
    if nxt >= len(sents) or not body[sents[idx].start:sents[idx].end].rstrip().endswith(":"):
        return None
    s = sents[nxt]
    if nxt in clauses or sents[nxt].block != sents[idx].block + 1 or any(s.start <= a < s.end for a, _ in quote_spans):
        return None
    return nxt


def _clause_in_next_sentence(rules: StatementRules, sents: list[Sentence], clauses: dict[int, list[Attribution]],
                             idx: int, att: Attribution) -> None:
    """اكد X في تغريدة. أن ... (https://www.lalishduhok.com/news/post/317884/): a clause with no content, its sentence
    cut before the complementizer, takes the next sentence of its paragraph when that opens with one and attributes
    nothing itself."""
    nxt = idx + 1
    if att.content is not None or att.colon or att.cue.cls != "say" or (att.speaker is None and att.pronoun is None) \
            or nxt >= len(sents) or nxt in clauses:
        return
    s = sents[nxt]
    text = s.doc.source
    words = text.split(maxsplit=1)
    if s.block != sents[idx].block or len(words) < 2 or fold(words[0]) not in rules.folded_complementizers \
            or len(words[1].split()) < 2:
        return
    start = s.start + text.index(words[1])
    end = s.start + len(text.rstrip(" .،,؛;"))
    att.content, att.clause = (start, end), True


def _clause_in_sentence_before(rules: StatementRules, sents: list[Sentence], clauses: dict[int, list[Attribution]],
                               idx: int, att: Attribution) -> None:
    """وارتفعت نسبة الملوحة ... . أكد ذلك مدير الموارد المائية X في بيان (https://www.shafaq.com/ar/مجتـمع/...): a clause
    with no content that confirms what was just said takes the sentence before it, in its paragraph, when that
    attributes nothing and quotes nothing."""
    prev = idx - 1
    if att.content is not None or att.colon or prev < 0 or any(a.states for a in clauses.get(prev, ())) \
            or sents[prev].block != sents[idx].block \
            or (att.speaker is None and att.pronoun is None) or not rules.states_sentence_before(sents[idx], att):
        return
    s = sents[prev]
    text = s.doc.source
    if any(c in text for c in '"«»“”') or len(text.split()) < 3:
        return
    lead = len(text) - len(text.lstrip())
    att.content, att.clause = (s.start + lead, s.start + len(text.rstrip(" .،,؛;\n"))), True


def _continued(sents: list[Sentence], clauses: dict[int, list[Attribution]], quote_spans, idx: int,
               end: int) -> tuple[int, int]:
    """Unquoted direct speech runs on over the next sentences of its paragraph that attribute
    nothing themselves and hold no quotation: (last sentence, end offset)."""
    block = sents[idx].block
    last = idx
    for k in range(idx + 1, min(len(sents), idx + 1 + CONTINUED_SENTENCES)):
        s = sents[k]
        if s.block != block or k in clauses or any(s.start <= a < s.end for a, _ in quote_spans):
            break
        last, end = k, s.end
    return last, end


# ---------------------------------------------------------------- speakers

def _resolve_speakers(rules: StatementRules, speakers: Speakers, sents: list[Sentence],
                      clauses: dict[int, list[Attribution]], body: str) -> None:
    """Give every clause its speaker entity, in reading order."""
    prev: int | None = None
    last_sentence = -1
    for idx in sorted(clauses):
        for att in clauses[idx]:
            ent = None
            if att.pronoun == "same" and att.parent is not None:
                ent = att.parent.entity
            elif att.speaker is not None and att.pronoun is None:
                if att.via is not None:     # "The site said, quoting sources, that ... It also added": the site
                    speakers.heard(speakers.link(body[att.via[0]:att.via[1]]))
                ent = speakers.link(body[att.speaker[0]:att.speaker[1]])
            else:
                if att.pronoun == "person" or (att.pronoun == "any" and rules.dropped_subject_opens
                                               and att.cue.sent > last_sentence + 1):
                    # "... vendor Abbas Jabbar pointed to the tanks. “...,” he said.": a person brought in
                    # after the last statement is the one "he" refers to.
                    ent = speakers.introduce_subject(sents, last_sentence + 1, att.cue.sent)
                if ent is None:
                    ent = speakers.resolve(att.pronoun or "any", prev)
                if ent is None and att.pronoun != "plural":
                    ent = speakers.introduce_named(sents, att.cue.sent, body=att.pronoun in ("document", "body"))
            att.entity = ent
            if ent is not None and not att.subordinate:
                speakers.heard(ent)
                prev = ent
                last_sentence = att.cue.sent
