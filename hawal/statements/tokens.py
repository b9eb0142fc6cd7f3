"""What the statements driver and every language's rules share: sentences as spaCy tokens, cues,
attributions, and small helpers over token spans.

A language's rules module (`hawal/langs/<code>/statements.py`) reads and returns these; it never
sees the article as a whole, only one sentence at a time.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..language import fold_for_search

MAX_SPEAKER_TOKENS = 12
MIN_DIRECT_WORDS = 4        # shorter quotes are terms or scare quotes, part of a reported statement
PUNCT = frozenset({"،", "؛", "—", "–", "-", ">", "(", ")", "[", "]"})


@lru_cache(maxsize=None)
def fold(text: str) -> str:
    """The matching form of a word: keyboard variants, diacritics and case folded away."""
    return fold_for_search(text)


def folded(words) -> frozenset[str]:
    """A set of words in their matching form."""
    return frozenset(fold(w) for w in words)


@dataclass
class Cue:
    """A cue phrase found in a sentence (token indices of the sentence's doc)."""

    sent: int
    start: int
    end: int
    cls: str                # say | claim | act | appeal | part | partact | per | quoth | passive
    split_end: int = -1     # for cues split around their object (ڕەخنەی لە ... گرت), index of the closing word

    @property
    def verb_end(self) -> int:
        """Index just past the cue's last word."""
        return self.split_end + 1 if self.split_end >= 0 else self.end


@dataclass(eq=False)
class Attribution:
    """Who says what in one clause: the speaker's span (or a pronoun to resolve), the content."""

    cue: Cue
    speaker: tuple[int, int] | None   # char span in the body
    pronoun: str | None               # person | body | document | any: to resolve; same: the parent clause's
    content: tuple[int, int] | None   # char span of the reported clause
    channel: str | None
    clause: bool = False              # the content is a clause (after that/أن/کە/ku, or after the verb), not an object
    colon: bool = False               # the content follows a colon: unquoted direct speech
    parent: "Attribution | None" = None   # for a follow-on clause (adding that, مؤكداً أن): the clause it continues
    entity: int | None = None         # the resolved speaker (set by the driver)
    direct: bool = False              # unquoted direct speech (colon, or first person where that marks it)
    subordinate: bool = False         # its speaker is named in a subordinate clause ("despite X saying"): not the topic
    via: tuple[int, int] | None = None    # the outlet that passed the words on ("The site said, quoting X"): heard too

    @property
    def states(self) -> bool:
        """Whether the clause is a statement by itself, with no quote: acts need a clause, appeals a quote."""
        if self.content is None:
            return False
        cls = self.cue.cls
        if cls in ("appeal", "partact"):
            return False
        if cls == "act":
            return self.clause or self.colon
        if cls == "part":
            return self.clause or self.colon
        return True


class Tok:
    """One token, read once from spaCy's arrays (building spaCy `Token` objects over and over is
    most of the cost of a rules pass)."""
    __slots__ = ("text", "idx", "norm_", "lower_", "is_punct", "is_space", "whitespace_")

    def __init__(self, text: str, idx: int, punct: bool, space: bool, whitespace: str, norm: str, lower: str):
        self.text = text
        self.idx = idx
        self.norm_ = norm           # fold(text)
        self.lower_ = lower         # text.lower()
        self.is_punct = punct
        self.is_space = space
        self.whitespace_ = whitespace   # " " or ""

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"Tok({self.text!r})"


class Toks(list):
    """A sentence's tokens; `source` is the sentence text (see `text_of`)."""
    __slots__ = ("source",)

    @property
    def text(self) -> str:
        return self.source


def text_of(doc: Toks, i: int, j: int) -> str:
    """The source text of tokens i..j-1."""
    if i >= j:
        return ""
    return doc.source[doc[i].idx:doc[j - 1].idx + len(doc[j - 1].text)]


def tokens_of(doc, text: str) -> Toks:
    """The tokens of a spaCy Doc over `text`, as plain objects."""
    return tokens_and_norms(doc, text)[0]


def tokens_and_norms(doc, text: str) -> tuple[Toks, list[str]]:
    """The tokens of a spaCy Doc over `text`, as plain objects, and their matching forms."""
    return _read_rows(_rows(doc), 0, len(doc), 0, text, doc.vocab.strings)


def read_sentences(tokenizer, texts: list[str]) -> list[tuple[Toks, list[str]]]:
    """`tokens_and_norms` of each text, tokenized one by one.

    (Tokenizing an article's sentences as one Doc, joined by blank lines, gives the same tokens with
    one array to read instead of one per sentence, but costs more: spaCy caches no chunk of a Doc
    after a special case in it, so most chunks of a joined Doc are split again on every pass.)"""
    return [tokens_and_norms(doc, text) for doc, text in zip(tokenizer.pipe(texts), texts)]


def _rows(doc) -> list[list[int]]:
    if not _ATTRS:
        from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, ORTH, SPACY

        _ATTRS.extend([ORTH, IDX, IS_PUNCT, IS_SPACE, SPACY])
    return doc.to_array(_ATTRS).tolist() if len(doc) else []


def _read_rows(rows, first: int, last: int, offset: int, text: str, strings) -> tuple[Toks, list[str]]:
    """Toks (and their matching forms) of rows[first:last] of `_rows`, their offsets made relative to `offset`."""
    forms = _FORMS
    out = Toks()
    norms: list[str] = []
    add_tok, add_norm = out.append, norms.append
    flag, space_after, new = _FLAG, _SPACE_AFTER, object.__new__
    for k in range(first, last):
        orth, idx, punct, space, ws = rows[k]
        form = forms.get(orth)
        if form is None:
            if len(forms) > 500_000:
                forms.clear()       # a long-running server reads ever new words
            word = strings[orth]
            form = forms[orth] = (word, fold(word), word.lower())
        word, norm, lower = form
        tok = new(Tok)              # as Tok(...) does, without a call of __init__ per token
        tok.text = word
        tok.idx = idx - offset
        tok.norm_ = norm
        tok.lower_ = lower
        tok.is_punct = flag[punct]
        tok.is_space = flag[space]
        tok.whitespace_ = space_after[ws]
        add_tok(tok)
        add_norm(norm)
    out.source = text
    return out, norms


# A word's text, matching form and lower case by its string hash (the same in every vocab): most
# words recur, and looking them up is most of the cost of reading a sentence's tokens.
_FORMS: dict[int, tuple[str, str, str]] = {}
_ATTRS: list[int] = []          # the spaCy attributes read (imported on first use)
_FLAG = (False, True)
_SPACE_AFTER = ("", " ")


class Sentence:
    """A sentence's tokens; `frame` marks tokens outside every quote (where cues may be), `open`
    those outside quotes long enough to be statements (short terms in quotes belong to the clause)."""
    __slots__ = ("index", "start", "end", "block", "doc", "frame", "open", "lead", "norms", "_ends", "_frame_text")

    def __init__(self, index, start, end, block, doc, frame, open_, lead=0, norms=None):
        self.index, self.start, self.end, self.block, self.doc = index, start, end, block, doc
        self.frame, self.open = frame, open_
        self.lead = lead            # tokens of a dateline opening the sentence
        self.norms = [t.norm_ for t in doc] if norms is None else norms
        self._ends = None           # token end offsets, for token_at (made on first use)
        self._frame_text = None     # the text with quotations blanked out (made on first use)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Char span in the body of tokens i..j-1."""
        doc = self.doc
        return self.start + doc[i].idx, self.start + doc[j - 1].idx + len(doc[j - 1].text)

    def token_at(self, pos: int) -> int:
        """Index of the token at (or just after) body offset `pos`."""
        ends = self._ends
        if ends is None:
            ends = self._ends = [t.idx + len(t.text) for t in self.doc]
        return bisect_right(ends, pos - self.start)

    def frame_text(self) -> str:
        """The sentence's text with quotations blanked out (one space per token inside one)."""
        found = self._frame_text
        if found is None:
            if all(self.frame):
                found = self.doc.source
            else:
                found = "".join(t.text + t.whitespace_ if f else " " for t, f in zip(self.doc, self.frame))
            self._frame_text = found
        return found


def is_punct(tok) -> bool:
    return tok.is_punct or tok.is_space or tok.text in PUNCT


def frame_run(sent: Sentence, i: int, step: int) -> int:
    """From token i, the last index (exclusive bound) of the run of open tokens going `step`."""
    n = len(sent.doc)
    if step == 1 and 0 <= i < n:
        try:
            return sent.open.index(False, i)        # the first closed token from i on
        except ValueError:
            return n
    if step == -1 and 0 <= i < n:
        try:
            return i - sent.open[i::-1].index(False)     # the last closed token up to i
        except ValueError:
            return -1
    while 0 <= i < n and sent.open[i]:
        i += step
    return i


def content(sent: Sentence, i: int, j: int, skip=()) -> tuple[int, int] | None:
    """Char span of tokens i..j-1 without edge punctuation (and leading `skip` words); None under two words."""
    doc = sent.doc
    while i < j and (is_punct(doc[i]) or doc[i].lower_ in skip or sent.norms[i] in skip):
        i += 1
    while j > i and is_punct(doc[j - 1]) and doc[j - 1].text not in "”»’\"":
        j -= 1
    if i < 0 or j < 0:      # a slice from the end, as doc[i:j] reads it
        return sent.span(i, j) if sum(1 for t in doc[i:j] if not is_punct(t)) >= 2 else None
    words = 0
    for k in range(i, j):
        if not is_punct(doc[k]):
            words += 1
            if words == 2:
                return sent.span(i, j)
    return None


def strip(doc, i: int, j: int, lead=(), trail=()) -> tuple[int, int]:
    """Tokens i..j-1 without edge punctuation and the given leading and trailing words."""
    while i < j and (is_punct(doc[i]) or doc[i].lower_ in lead):
        i += 1
    while j > i and (is_punct(doc[j - 1]) or doc[j - 1].lower_ in trail):
        j -= 1
    return i, j


def segments(doc, i: int, j: int, seps=(",", "،", "—", "–")) -> list[tuple[int, int]]:
    """Tokens i..j-1 split at separators, as (start, end) pairs."""
    out, s = [], i
    for k in range(i, j):
        if doc[k].text in seps:
            if k > s:
                out.append((s, k))
            s = k + 1
    if j > s:
        out.append((s, j))
    return out
