"""Key statements: who said what, quoted or reported, in English, Arabic and Sorani.

Rules over spaCy tokens (blank pipelines, no trained models): a PhraseMatcher and a Matcher find
cue words outside quotation marks, language rules find the speaker around each cue (English
subject before the verb or inverted after a quote, Arabic verb first, Sorani verb last and often
subject-dropped), and a small per-article entity list resolves pronouns, "it added", وأضاف,
ناوبراو and uncued follow-on quotes to the right earlier speaker.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.matcher import Matcher, PhraseMatcher

from ..language import fold_for_search
from ..segment import SegmentedArticle, fold_sentence_text
from ..sources import DATELINE
from . import lexicon as L
from .model import Statement
from .quotes import Quote, find_quotes

MIN_DIRECT_WORDS = 4        # shorter quotes are terms or scare quotes, part of a reported statement
FOLLOW_ON_BLOCKS = 3        # an uncued quote belongs to a speaker at most this many blocks back
MAX_SPEAKER_TOKENS = 12
# A dateline with no agency ("DUHOK — ", "سلێمانی — "): one to three words and a dash open the body.
_BARE_DATELINE = re.compile(r"^\s*[^\s—–\n]+(?:[ ,]+[^\s—–\n]+){0,2}\s*[—–]\s+")
# Words before a quote that make it a title, not a statement: the book «...», كتاب «...», کتێبی «...».
_TITLE_NOUNS = {"book", "novel", "film", "documentary", "play", "song", "album", "titled", "entitled", "headlined",
                "كتاب", "كتابه", "كتابها", "رواية", "فيلم", "بعنوان", "مسلسل", "قصيدة",
                "کتێبی", "کتێب", "ڕۆمانی", "فیلمی", "بەناونیشانی", "ناونیشانی"}
_EN_SMALL_WORDS = {"of", "the", "a", "an", "and", "in", "on", "over", "for", "to", "at", "by", "with", "from", "or"}


# ---------------------------------------------------------------- matchers, built once per language

@lru_cache(maxsize=None)
def _fold(text: str) -> str:
    return fold_for_search(text)


@dataclass
class _Rules:
    lang: str
    nlp: spacy.language.Language
    phrases: PhraseMatcher
    split: Matcher | None
    classes: dict[int, str]
    channel: re.Pattern


_CHANNEL = {
    "en": re.compile(
        r"\b(?:in|on|at|during|via)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:statement|tweet|post|interview|speech|address|press conference|news conference|briefing|letter|"
        r"video|message|televised address)(?:\s+on\s+(?:X|Twitter|Facebook|Telegram|Instagram))?\b"
        r"|\bon (?:X|Twitter|Facebook|Telegram)\b", re.IGNORECASE),
    "ar": re.compile(
        r"(?:في|خلال|عبر)\s+(?:بيان|تغريدة|تصريح|مؤتمر|كلمة|منشور|حديث|مقابلة|رسالة|تدوينة|لقاء|بيانه|بيانها|تصريحات)"
        r"(?:\s+(?:صحفي|صحافي|متلفز|مقتضب|رسمي|مشترك|مصور|متلفزة|رسمية))?"
        r"(?:\s+(?:على|عبر)\s+(?:منصة\s+)?\S+|\s+ل(?:وكالة|صحيفة|قناة|موقع)\s+\S+)?"),
    "ckb": re.compile(
        r"لە\s+\S*?(?:بەیاننامە|تویت|تویت|پۆست|کۆنگرە|لێدوان|چاوپێکەوتن|وتار|پەیام|ڤیدیۆ|کۆبوونەوە)\S*"
        r"(?:\s+\S+دا)?"),
}


@lru_cache(maxsize=None)
def _rules(lang: str) -> _Rules:
    lang = lang if lang in ("en", "ar", "ckb") else "en"
    nlp = spacy.blank({"en": "en", "ar": "ar", "ckb": "xx"}[lang])
    if lang == "en":
        for abbr in L.EN_ABBREVIATIONS:
            nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])
    cues = {"en": L.EN_CUES, "ar": L.AR_CUES, "ckb": L.CKB_CUES}[lang]
    attr = "LOWER" if lang == "en" else "NORM"
    phrases = PhraseMatcher(nlp.vocab, attr=attr)
    classes: dict[int, str] = {}
    for cls, words in cues.items():
        docs = []
        for w in words:
            doc = nlp.make_doc(w)
            if lang != "en":
                _set_norms(doc)
            docs.append(doc)
        if docs:
            phrases.add(cls, docs)
            classes[nlp.vocab.strings[cls]] = cls
    split = None
    if lang == "ckb":
        split = Matcher(nlp.vocab)
        for first, last, cls in L.CKB_SPLIT_CUES:
            key = f"{cls}_split"
            split.add(key, [[{"NORM": _fold(first)}, {"OP": "{1,6}"}, {"NORM": _fold(last)}]])
            classes[nlp.vocab.strings[key]] = cls
    return _Rules(lang, nlp, phrases, split, classes, _CHANNEL[lang])


def _set_norms(doc) -> None:
    for t in doc:
        t.norm_ = _fold(t.text)


# ---------------------------------------------------------------- per-article working data

@dataclass
class _Cue:
    sent: int
    start: int              # token indices in the sentence doc
    end: int
    cls: str
    split_end: int = -1     # for Sorani split cues, index of the closing verb


@dataclass
class _Attribution:
    cue: _Cue
    speaker: tuple[int, int] | None   # char span in the body
    pronoun: str | None               # "person" | "body" | "any" for pronouns and dropped subjects
    content: tuple[int, int] | None   # char span of the reported clause
    channel: str | None


@dataclass
class _Entity:
    kind: str                          # person | body | other
    mentions: list[str] = field(default_factory=list)
    norms: set = field(default_factory=set)
    names: list[str] = field(default_factory=list)


class _Sentence:
    """A sentence's tokens; `frame` marks tokens outside every quote (where cues may be), `open`
    those outside quotes long enough to be statements (short terms in quotes belong to the clause)."""
    __slots__ = ("index", "start", "end", "block", "doc", "frame", "open", "lead")

    def __init__(self, index, start, end, block, doc, frame, open_, lead=0):
        self.index, self.start, self.end, self.block, self.doc = index, start, end, block, doc
        self.frame, self.open = frame, open_
        self.lead = lead            # tokens of a dateline opening the sentence

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Char span in the body of tokens i..j-1."""
        return self.start + self.doc[i].idx, self.start + self.doc[j - 1].idx + len(self.doc[j - 1])


def _is_punct(tok) -> bool:
    return tok.is_punct or tok.is_space or tok.text in {"،", "؛", "—", "–", "-", ">"}


def extract_statements(segmented: SegmentedArticle) -> list[Statement]:
    """Every direct and reported statement of an article, in reading order."""
    article = segmented.article
    body = article.body
    if not segmented.sentences:
        return []
    rules = _rules(article.lang)
    paragraphs = [(b.start, b.end) for b in segmented.blocks if b.translatable]
    quotes = find_quotes(body, paragraphs)
    q_starts = [q.start for q in quotes]
    skip_until = 0
    m = DATELINE.match(body) or _BARE_DATELINE.match(body)
    if m and "\n" not in body[:m.end()]:
        skip_until = m.end()        # never read a dateline as a speaker

    texts = [body[s.start:s.end] for s in segmented.sentences]
    docs = list(rules.nlp.tokenizer.pipe(texts, batch_size=256))
    sents: list[_Sentence] = []
    titles = {q.start for q in quotes if _is_title_quote(body, q, rules.lang)}
    for s, doc in zip(segmented.sentences, docs):
        if rules.lang != "en":
            _set_norms(doc)
        frame, open_ = [], []
        k = max(0, bisect.bisect_right(q_starts, s.start) - 1)
        local = [q for q in quotes[k:bisect.bisect_right(q_starts, s.end)] if q.end > s.start]
        for t in doc:
            pos = s.start + t.idx
            inside = [q for q in local if q.start <= pos < q.end]
            frame.append(pos >= skip_until and not inside)
            open_.append(pos >= skip_until and all(q.words(body) < MIN_DIRECT_WORDS or q.start in titles for q in inside))
        lead = sum(1 for t in doc if s.start + t.idx < skip_until)
        sents.append(_Sentence(s.index, s.start, s.end, s.block, doc, frame, open_, lead))

    attributions: dict[int, _Attribution] = {}
    for sent in sents:
        cue = _main_cue(rules, sent)
        if cue is not None:
            att = _attribute(rules, sent, cue, body)
            if att is not None:
                attributions[sent.index] = att

    sent_starts = [s.start for s in sents]

    def sentence_at(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    # Each candidate: (start, end, kind, attribution or None, first, last)
    candidates: list[tuple[int, int, str, _Attribution | None, int, int]] = []
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

    entities: list[_Entity] = []
    recent: list[int] = []          # entity ids, most recent last
    last_block_of: dict[int, int] = {}
    out: list[Statement] = []
    prev_entity: int | None = None
    prev_block = -10
    for start, end, kind, att, first, last in candidates:
        block = sents[first].block
        if att is None:
            if prev_entity is None or block - prev_block > FOLLOW_ON_BLOCKS:
                continue
            ent, written, conf, cue_text, channel = prev_entity, entities[prev_entity].mentions[-1], 0.6, "", None
        else:
            cue_sent = sents[att.cue.sent]
            cue_text = _cue_text(cue_sent, att.cue)
            channel = att.channel
            if att.speaker is not None and att.pronoun is None:
                written = body[att.speaker[0]:att.speaker[1]]
                ent = _link(rules.lang, entities, recent, written, body)
                conf = 0.9 if kind == "direct" else 0.8
            else:
                ent = None
                if rules.lang == "en" and att.pronoun == "person":
                    # "... vendor Abbas Jabbar pointed to the tanks. “...,” he said.": a person brought in
                    # after the last statement is the one "he" refers to.
                    since = out[-1].last_sentence + 1 if out else 0
                    ent = _introduce_subject(entities, recent, sents, since, att.cue.sent, body)
                if ent is None:
                    ent = _resolve(entities, recent, att.pronoun or "any", prev_entity)
                if ent is None and rules.lang == "en":
                    ent = _introduce_named(entities, recent, sents, att.cue.sent, body)
                if ent is None:
                    continue
                written = entities[ent].mentions[-1]
                conf = 0.75 if att.speaker is not None else 0.7
            if att.cue.cls == "per":
                conf -= 0.05
        if ent in recent:
            recent.remove(ent)
        recent.append(ent)
        prev_entity, prev_block = ent, block
        last_block_of[ent] = block
        text = _clean_text(body[start:end])
        if not text:
            continue
        last_sent = max(last, sentence_at(max(start, end - 1)))
        out.append(Statement(kind, written.strip(), str(ent), cue_text, channel, text, start, end,
                             min(first, sentence_at(start)), last_sent, round(conf, 2)))
    canon = {str(i): _canonical(rules.lang, e, body) for i, e in enumerate(entities)}
    return [_with_canonical(s, canon[s.canonical_speaker]) for s in out]


def _with_canonical(s: Statement, name: str) -> Statement:
    return Statement(s.kind, s.speaker, name, s.cue, s.channel, s.text, s.start, s.end, s.sentence,
                     s.last_sentence, s.confidence)


def _is_title_quote(body: str, q: Quote, lang: str) -> bool:
    """A book, film or song title in quotes: named by the noun before it, or (English) written in
    title case with no sentence punctuation inside."""
    before = re.findall(r"[\w-]+", body[max(0, q.start - 40):q.start])
    if before and before[-1].lower() in _TITLE_NOUNS:
        return True
    inner = body[q.inner_start:q.inner_end]
    if lang != "en" or re.search(r"[,.;!?]", inner):
        return False
    words = re.findall(r"[\w'’-]+", inner)
    return 2 <= len(words) <= 10 and all(w[:1].isupper() or w.lower() in _EN_SMALL_WORDS for w in words) \
        and words[0][:1].isupper()


def _only_space_between(body: str, a: int, b: int) -> bool:
    return not body[a:b].replace(">", "").strip()


def _starts_sentence(body: str, sent: _Sentence, q: Quote) -> bool:
    return not body[sent.start:q.start].replace(">", "").strip()


_EDGE = "\"'“”«»‘’ \n\t,،:;؛.>—–-"


def _clean_text(raw: str) -> str:
    text = re.sub(r"\n\s*(?:>\s*)*[“«‘\"]", "\n", raw)      # reopened marks of continued paragraphs
    text = fold_sentence_text(text)
    return text.strip(" ,،:;؛—–-") if text else ""


def _cue_text(sent: _Sentence, cue: _Cue) -> str:
    if cue.split_end >= 0:
        return f"{sent.doc[cue.start].text} … {sent.doc[cue.split_end].text}"
    return sent.doc[cue.start:cue.end].text


# ---------------------------------------------------------------- cues

def _main_cue(rules: _Rules, sent: _Sentence) -> _Cue | None:
    doc = sent.doc
    found: list[_Cue] = []
    for match_id, i, j in rules.phrases(doc):
        if all(sent.frame[i:j]) and not (rules.lang == "en" and i > 0 and doc[i - 1].lower_ in L.EN_CUE_BLOCKERS):
            found.append(_Cue(sent.index, i, j, rules.classes[match_id]))
    if rules.split is not None:
        for match_id, i, j in rules.split(doc):
            if sent.frame[i] and sent.frame[j - 1] and not any(c.start <= i < c.end for c in found):
                found.append(_Cue(sent.index, i, i + 1, rules.classes[match_id], j - 1))
    if not found:
        return None
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    # Sorani split cues: keep the shortest object span for each opening word.
    dedup: list[_Cue] = []
    for c in found:
        if dedup and dedup[-1].start == c.start:
            continue
        if dedup and c.start < dedup[-1].end:
            continue
        dedup.append(c)
    main = [c for c in dedup if c.cls != "part"]
    if rules.lang == "ckb":      # the verb comes last: the first cue in the sentence is the main one
        return main[0] if main else dedup[0]
    per = [c for c in main if c.cls == "per"]
    verbs = [c for c in main if c.cls != "per" and not any(p.end <= c.start <= p.end + 1 for p in per)]
    if rules.lang == "en" and len(verbs) > 1:
        # "A customs official, who asked not to be named, said ...": the relative clause's verb is not it
        outer = [c for c in verbs if not any(doc[k].lower_ in ("who", "which") for k in range(max(0, c.start - 4), c.start))]
        verbs = outer or verbs
    return (verbs or per or dedup)[0]


def _attribute(rules: _Rules, sent: _Sentence, cue: _Cue, body: str) -> _Attribution | None:
    fn = {"en": _attribute_en, "ar": _attribute_ar, "ckb": _attribute_ckb}[rules.lang]
    att = fn(sent, cue, body)
    if att is None:
        return None
    frame_text = "".join(t.text_with_ws if f else " " for t, f in zip(sent.doc, sent.frame))
    m = rules.channel.search(frame_text)
    if m:
        att.channel = m.group().strip()
    return att


def _frame_run(sent: _Sentence, i: int, step: int) -> int:
    """From token i, the last index (exclusive bound) of the run of frame tokens going `step`."""
    n = len(sent.doc)
    while 0 <= i < n and sent.open[i]:
        i += step
    return i


def _content(sent: _Sentence, i: int, j: int, skip=()) -> tuple[int, int] | None:
    doc = sent.doc
    while i < j and (_is_punct(doc[i]) or doc[i].lower_ in skip or _fold(doc[i].text) in skip):
        i += 1
    while j > i and _is_punct(doc[j - 1]) and doc[j - 1].text not in "”»’\"":
        j -= 1
    words = sum(1 for t in doc[i:j] if not _is_punct(t))
    if words < 2:
        return None
    return sent.span(i, j)


def _strip(doc, i: int, j: int, lead=(), trail=()) -> tuple[int, int]:
    while i < j and (_is_punct(doc[i]) or doc[i].lower_ in lead):
        i += 1
    while j > i and (_is_punct(doc[j - 1]) or doc[j - 1].lower_ in trail):
        j -= 1
    return i, j


# ---------------------------------------------------------------- English

def _segments(doc, i: int, j: int, seps=(",", "،", "—", "–")) -> list[tuple[int, int]]:
    out, s = [], i
    for k in range(i, j):
        if doc[k].text in seps:
            if k > s:
                out.append((s, k))
            s = k + 1
    if j > s:
        out.append((s, j))
    return out


def _en_subject(doc, i: int, j: int, cut_verb: bool) -> tuple[int, int] | None:
    sub = max((k for k in range(i, j) if doc[k].lower_ in L.EN_SUBORDINATORS), default=None)
    if sub is not None and 0 < j - sub - 1 <= MAX_SPEAKER_TOKENS and j < len(doc) and not _is_punct(doc[j]) \
            and not any(doc[k].text in (",", ";") for k in range(sub + 1, j)):
        i = sub + 1             # "..., after the Kurdistan Regional Government promised to pay"
    if doc[i].lower_ in ("no", "nobody", "none", "neither"):
        return None             # "No group had claimed ...": nobody speaks
    segs = []
    for a, b in _segments(doc, i, j):
        a, b = _strip(doc, a, b, lead={"and", "but", "while", "meanwhile"})
        if a >= b:
            continue
        first = doc[a]
        if first.lower_ in L.EN_ADVERBIAL and first.lower_ not in ("and", "but") or first.lower_ in ("who", "which", "whose") \
                or (first.lower_.endswith("ing") and first.lower_ not in L.EN_PRONOUNS and a == i and b < j):
            continue
        segs.append((a, b))
    if not segs:
        return None
    a, b = segs[0]
    if len(segs) >= 2:
        c, d = segs[1]
        name = doc[c:d].text
        if doc[b - 1].lower_ in L.EN_ROLE_HEADS and (all(t.text[:1].isupper() for t in doc[c:d] if not _is_punct(t))
                                                      or _en_name(name) == name.strip()):   # "Zainab al-Rikabi"
            b = d          # "the minister, Hawre Jalal": keep the role, it links earlier mentions of it
        elif d - c >= 2 and _en_name(name) == name and _en_name(doc[a:b].text) is None:
            a, b = c, d
    for k in range(a + 1, b - 1):
        t = doc[k]
        prev = doc[k - 1].lower_
        if t.text.islower() and "-" not in t.text and prev not in L.EN_STOP and not _is_punct(doc[k - 1]) \
                and (t.text.endswith(("ed", "ing")) or t.text in L.EN_IRREGULAR_PARTICIPLES) \
                and t.text not in ("armed", "united") and doc[k - 1].text[:1].isalpha():
            b = k               # "a study published last year", "an officer taking part in ..."
            break
    if cut_verb:
        for k in range(a + 1, b):
            t = doc[k].text
            if t.islower() and (t.endswith("ed") or doc[k].lower_ in L.EN_CUES["say"]) and t not in ("armed", "united"):
                b = k
                break
    a, b = _strip(doc, a, b, lead={"and", "but"}, trail=L.EN_TIME)
    if a >= b or b - a > MAX_SPEAKER_TOKENS:
        return None
    return a, b


_EN_CLAUSE_WORDS = {"and", "was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "can"}
_EN_NOT_STATEMENT = {"responsibility", "credit"}     # "claimed responsibility" is an act, not a statement


def _attribute_en(sent: _Sentence, cue: _Cue, body: str) -> _Attribution | None:
    doc = sent.doc
    n = len(doc)
    if cue.end < n and doc[cue.end].lower_ in _EN_NOT_STATEMENT:
        return None
    if doc[cue.start].lower_ == "claimed" and not (cue.end < n and doc[cue.end].lower_ == "that") \
            and all(sent.frame):
        return None             # "no group claimed the attack": an act, not a statement
    left_start = _frame_run(sent, cue.start - 1, -1) + 1
    right_end = _frame_run(sent, cue.end, 1)
    after_quote = left_start > sent.lead
    if cue.cls == "per":
        a, b = cue.end, cue.end
        while b < right_end and doc[b].text not in (",", ".", ";") and b - a < MAX_SPEAKER_TOKENS:
            b += 1
        end_np = b
        for k in range(a + 1, b):       # "figures the management shared with us": the noun phrase only
            t = doc[k].text
            if t in ("who", "which", "that") or (t.islower() and (t.endswith("ed") or t in L.EN_IRREGULAR_PARTICIPLES)
                                                  and t not in ("armed", "united")):
                end_np = k
                break
        k = a + (1 if doc[a].lower_ in ("a", "an", "the") else 0)
        if k + 2 < end_np and doc[k].lower_ in L.EN_DOCUMENT_NOUNS and doc[k + 1].lower_ in ("from", "by"):
            a = k + 2           # "according to a statement from the cabinet": the cabinet
        if a < end_np and doc[a].lower_ in L.EN_DATA_NOUNS:
            # "figures (released by|from) the board" and "figures the board published": the board speaks.
            k = a + 1
            while k < end_np and (doc[k].lower_ in ("from", "by", "of", "released", "published", "provided", "issued")):
                k += 1
            if k < end_np:
                a = k
        a, b2 = _strip(doc, a, end_np, trail=L.EN_TIME)
        if a >= b2:
            return None
        if b < right_end and doc[b].text == ",":
            content = _content(sent, b + 1, n)
        else:
            content = _content(sent, 0, cue.start)
        return _Attribution(cue, sent.span(a, b2), None, content, None)
    left = _strip(doc, left_start, cue.start)
    cut = cue.cls == "part" or (cue.start > 0 and doc[cue.start - 1].lower_ == "and")
    if cue.cls == "part":
        left = _strip(doc, 0, cue.start)
    speaker = None
    pronoun = None
    content = None
    # Content after the cue, past a "that" within reach.
    that = None
    for k in range(cue.end, min(right_end, cue.end + 8)):
        if doc[k].lower_ == "that":
            that = k
            break
        if doc[k].lower_ in _EN_CLAUSE_WORDS:
            break
        if cue.cls == "eval" and (doc[k].lower_ in ("a", "an", "the", "for", "of", "on") or _is_punct(doc[k])):
            break       # "blamed the board for a fire that ...": the object, not a clause
    if that is not None:
        content = _content(sent, that + 1, n)
    elif cue.cls != "per":
        content = _content(sent, cue.end, n, skip=L.EN_TIME)
    if left[0] < left[1]:
        words = [t for t in doc[left[0]:left[1]] if not _is_punct(t)]
        if len(words) == 1 and words[0].lower_ in L.EN_PRONOUNS:
            pronoun = L.EN_PRONOUNS[words[0].lower_]
            speaker = sent.span(left[0], left[1])
        elif len(words) == 2 and words[0].lower_ == "the" and words[1].lower_ in L.EN_DOCUMENT_NOUNS:
            pronoun = "body"        # "the statement said": the body whose statement it is
            speaker = sent.span(left[0], left[1])
        else:
            k = cue.end
            while k < right_end and doc[k].lower_ in L.EN_TIME:
                k += 1
            parenthetical = k >= right_end or doc[k].text in (",", ".", ";")
            if not after_quote and parenthetical and cue.cls == "say":
                # "..., the minister said on Saturday." — the speaker is the last comma segment.
                segs = _segments(doc, left[0], left[1])
                a, b = _strip(doc, *segs[-1], trail=L.EN_TIME)
                if len(segs) >= 2 and a < b:
                    speaker = sent.span(a, b)
                    content = _content(sent, sent.lead, segs[-1][0])
            if speaker is None:
                sub = _en_subject(doc, left[0], left[1], cut)
                if sub is not None:
                    speaker = sent.span(*sub)
                    if sub[1] - sub[0] == 1 and doc[sub[0]].lower_ in L.EN_PRONOUNS:
                        pronoun = L.EN_PRONOUNS[doc[sub[0]].lower_]    # "In a statement, it said ..."
    elif after_quote or cue.start == 0 or left_start == cue.start:
        # Inverted: "...," said Leyla Demir, a spokeswoman for ...
        a, b = cue.end, cue.end
        while b < right_end and doc[b].text not in (",", ".", ";", ":") and b - a < 6:
            b += 1
        a, b = _strip(doc, a, b, trail=L.EN_TIME)
        if a < b and doc[a].text[:1].isupper() or (a < b and doc[a].lower_ in ("the", "a")):
            speaker = sent.span(a, b)
            if b - a == 1 and doc[a].lower_ in L.EN_PRONOUNS:
                pronoun = L.EN_PRONOUNS[doc[a].lower_]
            content = None
    if speaker is None and pronoun is None:
        return None
    return _Attribution(cue, speaker, pronoun, content, None)


# ---------------------------------------------------------------- Arabic

_AR_CHANNEL_NOUNS = {_fold(w) for w in "بيان تصريح تغريدة مؤتمر كلمة حديث مقابلة منشور رسالة تصريحات لقاء".split()}
_AR_STOPS = {_fold(w) for w in L.AR_SPEAKER_STOPS} - {_fold("على")}     # folding merges على and the name علي


def _ar_stop(text: str, norm: str) -> bool:
    return norm in _AR_STOPS or text in ("على", "وعلى")
_AR_TITLES = {_fold(w) for w in L.AR_TITLES}
_AR_COMMON = {_fold(w) for w in L.AR_COMMON}
_AR_BODY = {_fold(w) for w in L.AR_BODY}
_AR_OBJECTS = {_fold(w) for w in L.AR_OBJECT_NOUNS}
_AR_SPOKES = {_fold(w) for w in ("المتحدث", "الناطق", "متحدث", "ناطق", "المتحدثة", "الناطقة")}
_AR_LINKS = {_fold(w) for w in ("في", "عن", "من", "لدى")}     # رئيس الكتلة عن المكون ...: not a name
_AR_PARTICIPLES = {_fold(w) for w in L.AR_CUES["part"]}
_AR_PREPOSITIONAL = {_fold(w) for w in "على عليها عليه له لها فيها فيه منه منها إليه إليها عنه عنها به بها".split()}
_AR_COMPLEMENT = {_fold(w) for w in "إن أن بأن أنه أنها إنه إنها أنهم إنهم فإن".split()}
_AR_BUT = {_fold(w) for w in ("غير", "إلا", "بيد")}
_AR_CLAUSE_ONLY = {_fold(p + w) for w in L.AR_CLAUSE_ONLY for p in ("", "و", "ف")}
_AR_NAMED = {_fold(w) for w in L.AR_NAMED}
_AR_SECOND_HALVES = {_fold(w) for w in L.AR_NAME_SECOND_HALVES}
_AR_OBJECT_PREPOSITIONS = {_fold(w) for w in ("إلى", "على", "من", "عن")}


def _ar_is_title(norms: list[str], k: int) -> bool:
    w = norms[k]
    if w == _fold("باسم"):
        return k > 0 and norms[k - 1] in _AR_SPOKES
    return w in _AR_TITLES


def _attribute_ar(sent: _Sentence, cue: _Cue, body: str) -> _Attribution | None:
    doc = sent.doc
    n = len(doc)
    right_end = _frame_run(sent, cue.end, 1)
    norms = [t.norm_ for t in doc]
    if cue.cls == "per":
        a = cue.end
        if a < right_end and norms[a] == "ما":       # بحسب ما أفادت به مصادر
            a += 2
            if a < right_end and norms[a] in ("به", "بها"):
                a += 1
        if a + 1 < right_end and norms[a] in _AR_DATA:      # بحسب إحصاءات المديرية: the directorate
            a += 1
        if a + 2 < right_end and _ar_bare(norms[a]) in _AR_DOCS:
            k = a + 1
            if norms[k] in _AR_ISSUED:
                k += 1
            if norms[k] == _fold("عن") and k + 1 < right_end:
                a = k + 1   # بحسب بيان صادر عن مجلس الوزراء: the council
        b = a
        while b < right_end and doc[b].text not in ("،", ",", ".", ":") and b - a < MAX_SPEAKER_TOKENS:
            if b > a and (norms[b] in _AR_RELATIVE or (b + 1 < right_end and norms[b + 1] in _AR_PREPOSITIONAL)
                          or (b + 1 < right_end and norms[b + 1] == _fold("عدم"))):
                break       # وفقاً لكتاب رسمي اطلعت عليه الوكالة: the relative clause is not the speaker
            b += 1
        a, b = _strip(doc, a, b)
        while b - 1 > a and _ar_stop(doc[b - 1].text, norms[b - 1]):
            b -= 1          # بيان صادر عن مجلس الوزراء الأحد
        head = norms[a][1:] if norms[a].startswith("ل") and not norms[a].startswith("ال") else norms[a]
        if _fold(doc[cue.start].text).rstrip("ا") in _AR_WAFQ and not (
                {head, _ar_bare(head)} & (_AR_BODY | _AR_TITLES | _AR_DOCS | _AR_DATA)):
            return None     # وفق تعرفة متدرجة: "according to" a tariff, not to a source
        if a >= b:
            return None
        if b + 1 < n and doc[b].text in ("،", ","):
            b = _ar_apposition(sent, b, norms)
        start = sent.start + doc[a].idx
        if doc[a].text in ("لـ", "ل"):
            start = sent.start + doc[a + 1].idx if a + 1 < b else start
        elif doc[a].text.startswith("ل") and len(doc[a].text) > 3:
            start += 1
        speaker = (start, sent.span(a, b)[1])
        comma = next((k for k in range(b, n) if doc[k].text in ("،", ",")), None)
        if b < n and doc[b].text in ("،", ","):
            content = _content(sent, b + 1, n, skip=_AR_COMPLEMENT)
        else:
            content = _content(sent, 0, cue.start)
            if content is None and comma is not None:      # بحسب مصدر طلب عدم ذكر اسمه، فإن ...
                content = _content(sent, comma + 1, n, skip=_AR_COMPLEMENT)
        return _Attribution(cue, speaker, None, content, None)
    if cue.cls == "part":
        return None
    if cue.cls == "quoth":
        return _attribute_ar_quoth(sent, cue, norms)
    # Verb first: the speaker follows the cue.
    a = cue.end
    while a < right_end and a == cue.end and _ar_addressee(norms, a, right_end):
        a += 1          # أكد للمربد أن / قال للصحفيين إن: the addressee, not the speaker
    b = a
    name_started = False
    while b < right_end and b - a < MAX_SPEAKER_TOKENS:
        t = doc[b]
        w = norms[b]
        if _is_punct(t) or t.text in ("«", '"', ":") or t.text.startswith("لـ") or t.text in ("ل",):
            break               # قال المعلم آزاد كريم لـ«هەواڵ» إن: the outlet is not the speaker
        if w in _AR_COMPLEMENT:
            break
        if b > a and b + 1 < right_end and norms[b + 1] == _fold("عدم"):
            break               # مسؤول طلب عدم الكشف عن اسمه
        if w == "فی":
            nxt = norms[b + 1] if b + 1 < right_end else ""
            if b == a or nxt in _AR_CHANNEL_NOUNS or nxt in _AR_STOPS or not nxt:
                break
            b += 2
            continue
        if _ar_stop(t.text, w) and b > a:
            break
        if w.startswith("ب") and b > a and b + 1 < n and doc[b + 1].text in ("،", ",") and _ar_is_title(norms, a):
            b += 1      # قائممقام سنجار بالوكالة، خديدا شمو،
            break
        after_title = b > a and (_ar_is_title(norms, b - 1) or norms[b - 1] == _fold("باسم"))
        if b > a and ((w in _AR_OBJECTS and not after_title) or (w.startswith("ب") and len(w) > 3 and w != _fold("باسم"))):
            break
        if b > a and w.startswith("لل"):
            break
        is_title = _ar_is_title(norms, b) or w in _AR_LINKS
        if cue.cls == "eval" and b > a + 1 and w.startswith("ال") and not name_started and b + 1 < right_end \
                and norms[b + 1] in _AR_OBJECT_PREPOSITIONS:
            break               # عزا البنك المركزي العراقي التراجع إلى ...: the object, then its preposition
        if name_started and w.startswith("ال"):
            b += 1
            if w in _AR_SECOND_HALVES and b < right_end and not _is_punct(doc[b]) and not _ar_stop(doc[b].text, norms[b]) \
                    and norms[b] not in _AR_COMPLEMENT and not norms[b].startswith(("ال", "ل", "ب")):
                b += 1          # مدير المفتشية خير الدين أحمد: a compound first name, then the surname
            break
        if not is_title and not w.startswith("ال") and w not in _AR_COMMON and w not in _AR_BODY \
                and norms[a] not in _AR_BODY:          # تجار سوق الجملة في البصرة: a group, not a name
            name_started = True
        b += 1
    pronoun = None
    speaker = None
    if b > a and norms[a] in _AR_PREPOSITIONAL:
        return None                                # كُتب عليها: a passive, nobody speaks
    if b > a and (_ar_is_title(norms, a) or norms[a] in _AR_BODY):
        c = b
        if c < n and norms[c] == "فی":           # رئيس جمعية الخبازين في المحافظة، ياسين العبيدي،
            c = next((k for k in range(c + 1, min(n, c + 4)) if doc[k].text in ("،", ",")), b)
        if c + 1 < n and doc[c].text in ("،", ","):
            d = _ar_apposition(sent, c, norms)
            if d > c:
                b = d                              # رئيس الجمعية، ياسين العبيدي، قال
    if b == a and cue.start > 0 and (not doc[cue.start].text.startswith(("و", "ف"))
                                     or (doc[cue.start].text.startswith("ف") and _ar_amma(sent, cue.start, norms))):
        left = _ar_left_subject(sent, cue.start, norms)   # التاجر حسين عبد الرضا أكد أن ... / أما X فقالت
        if left is not None:
            a, b = left
            speaker = sent.span(a, b)
            b = cue.end
    if speaker is None and b > a:
        speaker = sent.span(a, b)
        if _ar_bare(norms[a]) in _AR_CHANNEL_NOUNS and b - a <= 2:
            pronoun = "body"                       # وأشار البيان إلى أن: the body whose statement it is
    elif speaker is None:
        pronoun = "any"
    # Content: after the complementizer or colon, else what follows the speaker.
    k = b
    while k < n and not (norms[k] in _AR_COMPLEMENT or doc[k].text == ":") and k - b < 8 \
            and norms[k] not in _AR_PARTICIPLES:
        k += 1
    if k < n and (norms[k] in _AR_COMPLEMENT or doc[k].text == ":"):
        content = _content(sent, k + 1, n)
    elif norms[cue.start] in _AR_CLAUSE_ONLY:
        return None         # أعلنت الوزارة منع الاستيراد: an announced act, no statement
    else:
        content = _content(sent, b, n, skip=(_AR_STOPS - {_fold("أي")}) | _AR_CHANNEL_NOUNS)     # نفت أي تقليص: "any" is the object's
    return _Attribution(cue, speaker, pronoun, content, None)


_AR_DATA = {_fold(w) for w in L.AR_DATA_NOUNS}
_AR_DOCS = {_fold(w) for w in L.AR_DOCUMENT_NOUNS}
_AR_WAFQ = {_fold(w) for w in ("وفق", "ووفق")}
_AR_ISSUED = {_fold(w) for w in ("صادر", "صادرة", "الصادر", "الصادرة")}
_AR_RELATIVE = {_fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "لمراسل", "لمراسلة", "لمراسلنا")}
_AR_OPENERS = {_fold(w) for w in ("في", "وفي", "من", "ومن", "بدوره", "بدورها", "لكن", "ولكن", "أما", "وأما")}


def _ar_bare(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def _ar_addressee(norms: list[str], k: int, end: int) -> bool:
    w = norms[k]
    nxt = norms[k + 1] if k + 1 < end else ""
    return (w.startswith("لل") or (w.startswith("ل") and not w.startswith("ال") and len(w) > 3)) \
        and (nxt in _AR_COMPLEMENT or nxt == ":")


def _ar_name_like(norms: list[str], i: int, j: int, texts: list[str]) -> bool:
    """1-4 words that can be a person's name: no titles, links, complementizers or stops."""
    while i < j and _ar_is_title(norms, i):
        i += 1
    if not 1 <= j - i <= 4:
        return False
    for k in range(i, j):
        w = norms[k]
        if _ar_is_title(norms, k) or w in _AR_COMPLEMENT or _ar_stop(texts[k], w) or w in _AR_LINKS or w in _AR_BODY \
                or w in _AR_COMMON or (w.startswith("ال") and k == i) or w.startswith("و"):
            return False
    return True


def _ar_apposition(sent: _Sentence, comma: int, norms: list[str]) -> int:
    """After `TITLE،` a name closed by another comma extends the speaker: the new end index."""
    doc = sent.doc
    d = comma + 1
    while d < len(doc) and doc[d].text not in ("،", ",", ".", ":") and d - comma <= 5:
        d += 1
    if d < len(doc) and doc[d].text in ("،", ",") and _ar_name_like(norms, comma + 1, d, [x.text for x in doc]):
        return d
    return comma


def _ar_left_subject(sent: _Sentence, cue_start: int, norms: list[str]) -> tuple[int, int] | None:
    """Subject before the verb: the first comma segment that is not an adverbial opener."""
    doc = sent.doc
    left_start = _frame_run(sent, cue_start - 1, -1) + 1
    if left_start > 0:
        return None                       # right after a quote the verb comes first
    segs = _segments(doc, left_start, cue_start, seps=("،", ","))
    for i, (a, b) in enumerate(segs):
        a, b = _strip(doc, a, b)
        if a + 1 < b and norms[a] in _AR_BUT and norms[a + 1] in _AR_COMPLEMENT:
            a += 2                        # غير أن الخبير مصطفى حنتوش صرّح
        if a < b and norms[a] in {_fold("أما"), _fold("وأما")}:
            a += 1                        # أما الخبيرة سلمى الدليمي فقالت
        elif a >= b or norms[a] in _AR_OPENERS:
            continue
        if a >= b or norms[a] in _AR_COMPLEMENT or b - a > MAX_SPEAKER_TOKENS:
            return None
        if i + 1 < len(segs) and (_ar_is_title(norms, a) or norms[a] in _AR_BODY):
            c, d = _strip(doc, *segs[i + 1])
            if c < d and d + 1 >= cue_start and _ar_name_like(norms, c, d, [x.text for x in doc]):
                b = d                     # المتحدث باسم الوزارة، حميد النايف، قال
        return a, b
    return None


def _ar_amma(sent: _Sentence, cue_start: int, norms: list[str]) -> bool:
    """أما ... فـ: the subject stands before a verb that opens with ف."""
    return any(norms[k] in {_fold("أما"), _fold("وأما")} for k in range(0, cue_start))


def _attribute_ar_quoth(sent: _Sentence, cue: _Cue, norms: list[str]) -> _Attribution | None:
    """نقلت الوكالة عن مسؤول محلي، طلب عدم ذكر اسمه، قوله إن ...: the speaker follows عن."""
    doc = sent.doc
    n = len(doc)
    an = next((k for k in range(cue.start) if norms[k] == _fold("عن") and sent.frame[k]), None)
    if an is None:
        return None
    b = an + 1
    while b < cue.start and doc[b].text not in ("،", ",") and b - an <= MAX_SPEAKER_TOKENS:
        b += 1
    a, b = _strip(doc, an + 1, b)
    if a >= b:
        return None
    if b + 1 < cue.start and doc[b].text in ("،", ",") and (_ar_is_title(norms, a) or norms[a] in _AR_BODY):
        b = _ar_apposition(sent, b, norms)    # عن محافظ البنك، علي العلاق، قوله
    k = cue.end
    content = _content(sent, k + 1, n) if k < n and norms[k] in _AR_COMPLEMENT else _content(sent, k, n)
    return _Attribution(cue, sent.span(a, b), None, content, None)


# ---------------------------------------------------------------- Sorani

_CKB_STOPS = {_fold(w) for w in L.CKB_SPEAKER_STOPS} | {_fold("بە")}
_CKB_OPENERS = {_fold(w) for w in L.CKB_ADVERBIAL_OPENERS}
_CKB_LEAD = {_fold(w) for w in ("هەروەها", "پاشان", "دواتر", "بەڵام", "هاوکات", "هەر", "وە")}
_CKB_PRONOUNS = {_fold(k): v for k, v in L.CKB_PRONOUNS.items()}
_CKB_TITLES = {_fold(w) for w in L.CKB_TITLES}
_CKB_COMMON = {_fold(w) for w in L.CKB_COMMON}
_CKB_THAT = {_fold("کە"), ":"}


_CKB_HONORIFICS = {_fold(w) for w in "عەقید عەمید لیوا موقەدەم نەقیب ملازم دکتۆر دکتۆرە د. مامۆستا کاک خاتوو بەڕێز".split()}
_CKB_DOCUMENTS = tuple(_fold(w) for w in L.CKB_DOCUMENT_STEMS)
_CKB_DATA = {_fold(w) for w in L.CKB_DATA_NOUNS}
_CKB_NAMED = (_fold("بە"), _fold("ناوی"))      # یەکێک لە دوکاندارەکان بە ناوی X: X is the name


def _ckb_name_like(sent: _Sentence, a: int, b: int) -> bool:
    """A short run that can be a person's name (after any honorific: عەقید بەختیار حەمەد)."""
    while a < b and sent.doc[a].norm_ in _CKB_HONORIFICS:
        a += 1
    return 0 < b - a <= 3 and all(t.norm_ not in _CKB_TITLES and t.norm_ not in _CKB_COMMON
                                  and t.norm_ not in _CKB_STOPS for t in sent.doc[a:b])


def _ckb_apposition(sent: _Sentence, comma: int) -> int:
    """After `TITLE،` a name closed by another comma extends the speaker: the new end index."""
    doc = sent.doc
    d = comma + 1
    while d < len(doc) and doc[d].text not in ("،", ",", ".", ":") and d - comma <= 5:
        d += 1
    if d < len(doc) and doc[d].text in ("،", ",") and _ckb_name_like(sent, comma + 1, d):
        return d
    return comma


def _ckb_izafe_np(sent: _Sentence, a: int, b: int) -> int:
    """End of the noun phrase starting at a: an izafe chain (وەزارەتی پەروەردەی حکومەتی هەرێم) and a
    name after it; what follows (the object of the verb) is not part of the speaker."""
    doc = sent.doc
    k = a
    while k < b - 1 and (doc[k].text.endswith("ی") and doc[k].norm_ not in _CKB_STOPS
                         or doc[k + 1].text == "و" and k + 2 < b):
        k += 2 if doc[k + 1].text == "و" else 1      # وەزارەتی دارایی و ئابووری
    end = k + 1
    rest = doc[end:b]
    if end < b and len(rest) <= 3 and not rest[0].text.endswith("ی") \
            and not any(w.text.endswith(("ەکە", "ەکان", "ەکەی", "ەکانی")) for w in rest):
        return b                          # وەزیری کارەبا ڕێبوار ئەحمەد: title and name
    return end


def _attribute_ckb(sent: _Sentence, cue: _Cue, body: str) -> _Attribution | None:
    doc = sent.doc
    n = len(doc)
    right_end = _frame_run(sent, cue.end, 1)
    verb_end = cue.split_end + 1 if cue.split_end >= 0 else cue.end
    if cue.cls == "per":
        a = b = cue.end
        if a + 1 < right_end and doc[a].norm_ in _CKB_DATA:       # بەپێی ئامارەکانی بەڕێوەبەرایەتی...
            a = b = a + 1
        elif a + 1 < right_end and doc[a].norm_.startswith(_CKB_DOCUMENTS):
            body_at = next((k for k in range(a + 1, min(right_end, a + 4))
                            if _norms("ckb", doc[k].text) & _CKB_BODY_KEYS), None)
            if body_at is not None:
                a = b = body_at             # بەپێی نرخنامەی نوێی وەزارەتی سامانە سروشتییەکان: the ministry
        while b < right_end and doc[b].text not in ("،", ",", ".") and b - a < MAX_SPEAKER_TOKENS \
                and not (b > a and doc[b].norm_ == _fold("کە")):   # شۆفێرێکی پاس کە ...: a relative clause
            b += 1
        a, b = _strip(doc, a, b)
        if a >= b:
            return None
        if b < n and doc[b].norm_ == _fold("کە"):
            b2 = b
            while b2 < n and doc[b2].text not in ("،", ","):
                b2 += 1
            content = _content(sent, b2 + 1, n) if b2 < n else _content(sent, 0, cue.start)
            return _Attribution(cue, sent.span(a, b), None, content, None)
        if b + 1 < n and doc[b].text in ("،", ","):
            b = _ckb_apposition(sent, b)                           # بە وتەی سەرۆکی سەندیکا، شیلان ڕەسووڵ،
        if b < n and doc[b].text in ("،", ","):
            content = _content(sent, b + 1, n)
        else:
            content = _content(sent, 0, cue.start)
        return _Attribution(cue, sent.span(a, b), None, content, None)
    left_start = _frame_run(sent, cue.start - 1, -1) + 1
    segs = []
    for a, b in _segments(doc, left_start, cue.start, seps=("،", ",")):
        a, b = _strip(doc, a, b)
        while a < b and doc[a].norm_ in _CKB_LEAD:
            a += 1
        if a < b and doc[a].norm_ not in _CKB_OPENERS:
            segs.append((a, b))
    speaker = pronoun = None
    sp_end = left_start
    if segs:
        a, b = segs[0]
        if len(segs) >= 2 and _ckb_name_like(sent, *segs[1]) and (
                doc[a].norm_ in _CKB_TITLES or _ckb_name(doc[a:b].text) is None
                or (b - a >= 2 and doc[a].text.endswith("ی"))):
            # قائیمقامی ڕانیە، هەڤاڵ مستەفا، ...: the role and the name in apposition, one speaker
            appos = segs[1][1]
        else:
            appos = None
            named = next((k + 2 for k in range(a, b - 2) if (doc[k].norm_, doc[k + 1].norm_) == _CKB_NAMED), None)
            if named is not None:
                a = named                     # یەکێک لە دوکاندارەکان بە ناوی ڕێبین عوسمان
            k = a
            while k < b and (doc[k].norm_ not in _CKB_STOPS and doc[k].norm_ not in _CKB_LEAD or k == a):
                k += 1
            b = k
            if cue.cls == "eval" and cue.split_end < 0 and b - a >= 3 and not (
                    verb_end < n and doc[verb_end].norm_ in _CKB_THAT):
                b = _ckb_izafe_np(sent, a, b)     # subject, then the object of ڕەت کردەوە
        if appos is not None:
            b = appos
        sp_end = b
        if a < b and b - a <= MAX_SPEAKER_TOKENS:
            words = [t for t in doc[a:b] if not _is_punct(t)]
            if len(words) == 1 and words[0].norm_ in _CKB_PRONOUNS:
                pronoun = _CKB_PRONOUNS[words[0].norm_]
            elif len(words) == 1 and words[0].norm_.startswith(_CKB_DOCUMENTS):
                pronoun = "body"            # ڕاگەیەندراوەکە ئاماژەی بەوە دابوو: the body that issued it
            speaker = sent.span(a, b)
    if speaker is None:
        pronoun = "any"
    # Content: after کە or a colon, else after the verb, else (condemned, criticised) before it.
    k = verb_end
    if k < n and doc[k].norm_ in _CKB_THAT:
        content = _content(sent, k + 1, n)
    else:
        content = _content(sent, verb_end, n, skip=_CKB_THAT)
    if content is None and cue.cls == "eval":
        if cue.split_end >= 0:
            content = _content(sent, cue.start + 1, cue.split_end, skip={_fold("لە")})
        else:
            content = _content(sent, max(sp_end, left_start), cue.start)
    return _Attribution(cue, speaker, pronoun, content, None)


# ---------------------------------------------------------------- speakers and entities

_EN_TOKEN = re.compile(r"[\w.\-]+", re.UNICODE)


def _norms(lang: str, text: str) -> set[str]:
    out = set()
    for w in _EN_TOKEN.findall(text.replace("’s", "").replace("'s", "")):
        if lang == "en":
            w = w.lower().strip(".")
            if w and w not in L.EN_STOP:
                out.add(w)
        elif lang == "ar":
            f = _fold(w)
            if f.startswith("ال") and len(f) > 4:
                f = f[2:]
            if f and f not in ("فی", "من", "عن", "و"):
                out.add(f)
        else:
            if w.endswith("یش") and len(w) > 5:
                w = w[:-2]          # کوردستانیش: the additive clitic
            for suf in L.CKB_SUFFIXES:
                if w.endswith(suf) and len(w) - len(suf) >= 3:
                    w = w[: -len(suf)]
                    break
            while w.endswith("ی") and len(w) > 3:
                w = w[:-1]          # بەڕێوەبەرایەتیی / بەڕێوەبەرایەتییەکە: one key
            f = _fold(w)
            if f and f not in ("له", "و"):
                out.add(f)
    return out


def _mention_kind(lang: str, text: str) -> str:
    words = text.split()
    if not words:
        return "other"
    if lang == "en":
        lows = [w.lower().strip(".,’'s") for w in words]
        if _en_name(text) or lows[-1] in L.EN_ROLE_HEADS:       # "the hospital's director" is a person
            return "person"
        return "body" if any(w in L.EN_BODY for w in lows) else "other"
    if lang == "ar":
        if _fold(words[0]) in _AR_BODY or _ar_bare(_fold(words[0])) in _AR_BODY:
            return "body"
        return "person" if _ar_name(text) else "other"
    stem = _norms("ckb", words[0])
    if stem & _CKB_BODY_KEYS or _fold(words[0]) in {_fold(s) for s in L.CKB_BODY_STEMS}:
        return "body"
    return "person" if _ckb_name(text) else "other"


def _en_capitalised(w: str) -> bool:
    return w[:1].isupper() or (w.lower().startswith(L.EN_NAME_PARTICLES) and w.split("-", 1)[1][:1].isupper())


def _en_name(text: str) -> str | None:
    words = text.replace("’s", "").split()
    k = len(words)
    while k > 0:
        w = words[k - 1].strip(",.")
        low = w.lower()
        if not w or not _en_capitalised(w) or low in L.EN_TITLES or low in L.EN_BODY or low in L.EN_PLACES \
                or low in L.EN_OCCUPATIONS:
            break
        k -= 1
    if k == len(words) or (k > 0 and words[k - 1].lower() in (*L.EN_PREPOSITIONS, "and", "&")):
        return None         # "Ministry of Transport and Communications" is a body's name, not a person's
    return " ".join(words[k:]).strip(",.")


def _ar_name(text: str) -> str | None:
    named = [i for i, w in enumerate(text.split()) if _fold(w) in _AR_NAMED]
    if named and named[-1] + 1 < len(text.split()):
        return " ".join(text.split()[named[-1] + 1:])      # تاجر أقمشة يدعى حسين كاظم
    if "،" in text:                     # رئيس الجمعية، ياسين العبيدي: the name after the comma
        last = text.rsplit("،", 1)[1].strip()
        name = _ar_name(last) if last else None
        if name:
            return name
        text = text.split("،", 1)[0].strip()
    words = text.split()
    if not words:
        return None
    norms = [_fold(w) for w in words]
    if len(words) == 1:
        w = norms[0]
        return None if w in _AR_TITLES or w in _AR_COMMON or w in _AR_BODY or _ar_bare(w) in _AR_BODY \
            or _ar_stop(words[0], w) else words[0]
    for i, w in enumerate(norms):
        if _ar_is_title(norms, i) or w.startswith("ال") or w in _AR_COMMON or w in _AR_BODY or w in _AR_LINKS:
            continue
        j = i
        while j < len(words) and not norms[j].startswith("ال") and not _ar_stop(words[j], norms[j]):
            j += 1
        if j < len(words) and norms[j].startswith("ال"):
            j += 1
            if norms[j - 1] in _AR_SECOND_HALVES and j < len(words) and not norms[j].startswith("ال") \
                    and not _ar_stop(words[j], norms[j]):
                j += 1          # خير الدين أحمد
        if i == 0 and j < len(words):
            return None
        run = words[i:j]
        common = [k for k in range(len(run) - 1) if _fold(run[k]) in _AR_COMMON]
        if common and len(run) - common[-1] - 1 >= 2:
            run = run[common[-1] + 1:]      # مفتشية آثار نينوى خير الدين أحمد: the name after the place
        return " ".join(run)
    return None


def _ckb_name(text: str) -> str | None:
    if "،" in text:                     # قائیمقامی ڕانیە، هەڤاڵ مستەفا: the name after the comma
        last = text.rsplit("،", 1)[1].strip()
        name = _ckb_name(last) if last else None
        if name:
            return name
        text = text.split("،", 1)[0].strip()
    words = [w for w in text.split() if _fold(w) not in _CKB_HONORIFICS or len(text.split()) == 1]
    if not words:
        return None
    text = " ".join(words)
    if len(words) == 1:
        w = _fold(words[0])
        return None if w in _CKB_TITLES or w in _CKB_COMMON or w in _CKB_PRONOUNS or words[0] in L.CKB_NOT_NAMES \
            else words[0]
    izafe = False           # the word before opened an izafe: this one completes a title or body name
    for i, w in enumerate(words):
        f = _fold(w)
        if f in _CKB_TITLES or _norms("ckb", w) & _CKB_BODY_KEYS or (
                w.endswith("ی") and i == 0 and i + 2 < len(words)):
            izafe = w.endswith("ی")
            continue
        if f in _CKB_COMMON:
            izafe = False
            continue
        if izafe:           # وەزیری کارەبا ڕێبوار ئەحمەد: کارەبا belongs to the title
            izafe = w.endswith("ی")
            continue
        if i == 0:
            return None if len(words) > 3 else text
        return " ".join(words[i:])
    return None


_CKB_BODY_KEYS = {k for s in L.CKB_BODY_STEMS for k in _norms("ckb", s)}

_HONORIFICS = {"dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "sheikh", "brig.", "gen.", "col.", "lt.",
               "colonel", _fold("الدكتور"), _fold("السيد"), _fold("السيدة"), _fold("دکتۆر"), _fold("بەڕێز"),
               _fold("عەقید"), _fold("العميد"), _fold("اللواء"), _fold("العقيد")}


def _link(lang: str, entities: list[_Entity], recent: list[int], written: str, body: str) -> int:
    norms = _norms(lang, written)
    kind = _mention_kind(lang, written)
    name = _NAME_OF.get(lang, _en_name)(written) if kind == "person" else None
    if name:
        # "the minister said ..." then "The minister, Hawre Jalal, added ...": the role named later
        # is the same person when the role words of the named mention all describe the earlier one.
        role = norms - _norms(lang, name) - _HONORIFICS
        if role:
            for ent_id in reversed(recent):
                e = entities[ent_id]
                if not e.names and e.kind in ("person", "other") and role <= e.norms:
                    e.mentions.append(written)
                    e.norms |= norms
                    e.kind = "person"
                    e.names.append(name)
                    return ent_id
    for ent_id in reversed(recent):
        e = entities[ent_id]
        if kind != "other" and e.kind != "other" and kind != e.kind:
            continue
        if norms and norms <= e.norms or (e.kind == "person" and len(e.names) and kind == "person"
                                          and any(_norms(lang, nm) <= norms for nm in e.names if len(nm.split()) == 1)):
            e.mentions.append(written)
            e.norms |= norms
            if e.kind == "other" and kind != "other":
                e.kind = kind
            _add_name(lang, e, written)
            return ent_id
    e = _Entity(kind, [written], set(norms))
    _add_name(lang, e, written)
    entities.append(e)
    return len(entities) - 1


def _add_name(lang: str, e: _Entity, written: str) -> None:
    name = _NAME_OF.get(lang, _en_name)(written)
    if name:
        e.names.append(name)


_NAME_OF = {"en": _en_name, "ar": _ar_name, "ckb": _ckb_name}


def _resolve(entities, recent, pronoun: str, prev: int | None) -> int | None:
    if pronoun == "any":
        return prev if prev is not None else (recent[-1] if recent else None)
    want = {"person": ("person", "other"), "body": ("body", "other")}[pronoun]
    for ent_id in reversed(recent):
        if entities[ent_id].kind in want:
            return ent_id
    return None


_EN_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b")


def _introduce_subject(entities, recent, sents, since: int, index: int, body: str) -> int | None:
    """A person named near the start of a sentence after the last statement, up to two back."""
    for s in reversed(sents[max(since, index - 2): index + 1]):
        opening = " ".join(body[s.start:s.end].split()[:8])
        names = [m.group() for m in _EN_NAME_RUN.finditer(opening) if _en_name(m.group()) == m.group()]
        if names:
            return _link("en", entities, recent, names[0], body)
    return None


def _introduce_named(entities, recent, sents, index: int, body: str) -> int | None:
    """'he said' with no earlier speaker: the last person named in the two sentences before."""
    for s in reversed(sents[max(0, index - 2): index + 1]):
        names = [m.group() for m in _EN_NAME_RUN.finditer(body, s.start, s.end)
                 if _en_name(m.group()) == m.group()]
        if names:
            return _link("en", entities, recent, names[-1], body)
    return None


def _ar_full_body_name(short: str, body: str) -> str | None:
    """The first full naming of a body that the article later calls by its bare noun (الوزارة):
    the noun without its article and the definite words after it (وزارة الزراعة العراقية)."""
    bare = short.strip()[2:] if short.strip().startswith("ال") else short.strip()
    m = re.search(r"(?<!\w)" + re.escape(bare) + r"((?:\s+ال\w+){1,3})", body)
    return bare + m.group(1) if m else None


def _canonical(lang: str, e: _Entity, body: str) -> str:
    if e.kind == "person" and e.names:
        name = max(e.names, key=lambda n: (len(n.split()), len(n)))
        if len(name.split()) == 1 and lang == "en":
            m = re.search(r"\b([A-Z][a-z]+) " + re.escape(name) + r"\b", body)
            if m and _en_name(m.group()) == m.group():
                name = m.group()
        return name
    best = max(e.mentions, key=lambda m: (len(_norms(lang, m)), len(m)))
    if lang == "ar" and e.kind == "body" and len(best.split()) == 1 and _fold(best).startswith("ال"):
        best = _ar_full_body_name(best, body) or best      # الوزارة after أعلنت وزارة الزراعة العراقية ...
    if lang == "en":
        best = re.sub(r"^(?:the|a|an)\s+", "", best, flags=re.IGNORECASE)
    if lang == "ckb":
        best = re.sub(r"(\S{3,})یش$", r"\1", best.strip())       # کوردستانیش: the additive clitic
    return best.strip(" ,،")
