"""The contract between the language-neutral statements driver and one language's rules.

Each language hawal extracts statements from has `hawal/langs/<code>/statements.py` with a
module-level `RULES`: an instance of a `StatementRules` subclass. The class attributes are the
language's facts (cue lexicon with its spelling variants, time and place words, outlets, titles,
quotation conventions); the methods are the few things that differ in kind between languages:
where the speaker stands around a cue (`attribute`), what a person's name looks like
(`name_of`), which words identify a mention (`norms`). Everything else — quotes, candidates,
follow-on clauses, speakers across sentences, scoring — is the driver's (`extract.py`,
`speakers.py`, `score.py`) and the same for every language.

Cue classes (keys of `cues`):
  say      verbs of saying; a statement needs content (a clause, a quote, a colon) after or before them
  claim    speech acts whose object states the claim (accused X of Y, blamed X for Y, warned of Y)
  act      acts that are statements only with content: a clause (denied that ...), a quote of four
           words or more, or a participle of saying (condemned the attack, saying ...)
  appeal   appeals (called on, urged, دعا، داوای ... کرد): statements only with a quote or a participle
  part     participles of saying that open a follow-on statement (adding that, مؤكداً أن)
  partact  participles that are statements only with a quote (calling on, describing, داعياً، مطالباً)
  per      "according to" phrases; the speaker follows the cue
  quoth    نقلت الوكالة عن مسؤول قوله: the speaker follows عن before the cue
  passive  "it was stated in X's statement" (جاء في بيان, لە ڕاگەیەنراوەکەدا هاتووە, hatiye gotin)
Words are matched in their folded form (`tokens.fold`), so spelling variants that folding merges
(Arabic ي/ك/ه in Sorani, diacritics in Kurmanji) need no entries of their own.
"""
from __future__ import annotations

import importlib
import re
from functools import cached_property

from .tokens import Attribution, Cue, Sentence, content, fold, folded

_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c]+")
_WORDS = re.compile(r"\w+")
VERBS = ("say", "claim", "act", "appeal", "passive", "quoth")     # classes that head a clause of their own
PARTICIPLES = ("part", "partact")


class StatementRules:
    """One language's statement rules. Subclasses set the class attributes and `attribute`."""

    code: str = ""
    spacy_lang: str = "xx"                      # spacy.blank() language, for a language with no LanguageSpec yet
    tokenizer_special_cases: tuple[str, ...] = ()   # tokens kept whole beyond the spec's ("Gen." is the spec's)
    cues: dict[str, list[str]] = {}             # cue class -> phrases
    split_cues: tuple[tuple[str, str, str], ...] = ()  # (first word, last word, class) around an object
    split_gap: int = 6                          # tokens at most between a split cue's two parts (ڕەخنەی لە ... گرت)
    cue_blockers: frozenset[str] = frozenset()  # a word right before a cue that cancels it ("not said")
    verb_final: bool = False                    # the main verb ends the clause (Sorani): the first cue heads it
    relative_words: frozenset[str] = frozenset()   # "who", "which": a cue just after them is not the main one
    channel: re.Pattern | None = None           # "in a statement", "في بيان", "لە بەیاننامەیەکدا"
    title_nouns: frozenset[str] = frozenset()   # words before a quote that make it a title (book, كتاب)
    title_words: frozenset[str] = frozenset()   # titles a speaker may carry before a name (scorer, names)
    honorifics: frozenset[str] = frozenset()    # Dr., Sheikh, کاک: not role words
    vague_speakers: tuple[str, ...] = ()        # "source", "resident": rank lower in the briefing
    time_words: frozenset[str] = frozenset()    # today, weekdays, months: never a speaker
    first_person: frozenset[str] = frozenset()  # we, I, our (you): unquoted speech in the speaker's words
    unmarked_direct: bool = False               # unquoted speech in the first person is direct speech (ckb, kmr)
    name_run: re.Pattern | None = None          # a run of capitalised words (Latin scripts)
    split_glued_quotes: bool = False            # quotation marks typed against a word (حميد"ندين) are tokens
    complementizers: frozenset[str] = frozenset()   # that, أن, کە, ku: a clause follows
    coordinators: frozenset[str] = frozenset()  # and, و, û: a second verb of the same speaker follows
    follow_adverbs: frozenset[str] = frozenset()    # "also", "jî": allowed between a coordinator and its verb
    clause_links: frozenset[str] = frozenset()  # "while": a word that opens a second clause, never content
    clause_subjects: frozenset[str] = frozenset()   # "he", "she": a second clause's own subject before its verb
    bare_part_clause: bool = False              # "saying the region had ...": a participle takes a bare clause
    outlets: frozenset[str] = frozenset()       # agency, broadcaster, Rudaw, وكالة: words naming news outlets
    document_nouns: frozenset[str] = frozenset()    # statement, بيان, ڕاگەیەنراو: a document speaks for its author
    demonstratives: frozenset[str] = frozenset()    # "that official", ئەو بەرپرسە: an earlier speaker again
    strict_back_reference: bool = False         # a back reference links only to a speaker sharing one of its words
    # a dropped subject after a sentence that attributes nothing takes that sentence's opening subject (opening_subject)
    # before the last speaker: استقبل X ... . وأكد خلال اللقاء أن
    dropped_subject_opens: bool = False

    # ------------------------------------------------------------------ built once per language

    @cached_property
    def nlp(self):
        """The tokenizer: the registered language's pipeline (hawal.langs.nlp, as the segmenter's), or
        `spacy.blank(spacy_lang)` for a language with rules and no spec yet."""
        from .. import langs

        marks = r'["“”«»]'
        # دەڵێت:’یەکێتى ...: a colon and an opening mark typed against the verb and the quotation (’ used as both
        # marks, https://www.ajansiwllat.net/2014/10/blog-post_684.html)
        glued = [rf"(?<=\w){marks}(?=\w)", rf"(?<=\w){marks}(?=[.،,:])", rf"(?<=\w)[،,](?={marks})",
                 rf"(?<=[،,]){marks}(?=\w)", r"(?<=\w):(?=[\"“”«»’])", r"(?<=:)[\"“”«»’](?=\w)"] \
            if self.split_glued_quotes else []
        if langs.find(self.code) is not None:
            from ..langs.nlp import blank_pipeline

            nlp = blank_pipeline(self.code, [marks] if self.split_glued_quotes else [], glued)
        else:
            import spacy
            from spacy.util import compile_suffix_regex

            nlp = spacy.blank(self.spacy_lang)
            if self.split_glued_quotes:
                nlp.tokenizer.suffix_search = compile_suffix_regex(list(nlp.Defaults.suffixes or []) + [marks]).search
        for token in self.tokenizer_special_cases:
            nlp.tokenizer.add_special_case(token, [{"ORTH": token}])
        if self.split_glued_quotes and langs.find(self.code) is None:
            from spacy.util import compile_infix_regex

            nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes or []) + glued).finditer
        return nlp

    @cached_property
    def cue_index(self) -> tuple[dict, dict]:
        """Cue phrases by their first folded word: ({first: [(words, class)], longest first},
        {first: [(last word, class)]} for cues split around their object)."""
        phrases: dict[str, list] = {}
        for cls, words in self.cues.items():
            for w in words:
                toks = tuple(fold(t.text) for t in self.nlp.make_doc(w))
                if toks:
                    phrases.setdefault(toks[0], []).append((toks, cls))
        for entries in phrases.values():
            entries.sort(key=lambda e: -len(e[0]))
        split: dict[str, list] = {}
        for first, last, cls in self.split_cues:
            split.setdefault(fold(first), []).append((fold(last), cls))
        return phrases, split

    @cached_property
    def cue_words(self) -> frozenset[str]:
        """The folded first words of every cue: a sentence with none of them needs no tokens."""
        phrases, split = self.cue_index
        return frozenset(phrases) | frozenset(split)

    def may_attribute(self, text: str) -> bool:
        """Whether a sentence holds a whole cue phrase at all (words folded one by one: they recur)."""
        phrases, split = self.cue_index
        words = list(map(fold, _WORD.findall(text)))
        cue_words = self.cue_words
        for i in [i for i, w in enumerate(words) if w in cue_words]:       # a cue opens with one of them
            w = words[i]
            for toks, _ in phrases.get(w, ()):
                if len(toks) == 1 or tuple(words[i:i + len(toks)]) == toks:
                    return True
            for last, _ in split.get(w, ()):
                if last in words[i + 2:i + 8]:
                    return True
        return False

    @cached_property
    def folded_time_words(self) -> frozenset[str]:
        return folded(self.time_words)

    @cached_property
    def folded_title_words(self) -> frozenset[str]:
        return folded(self.title_words)

    @cached_property
    def folded_first_person(self) -> frozenset[str]:
        return folded(self.first_person)

    @cached_property
    def folded_outlets(self) -> frozenset[str]:
        return folded(self.outlets)

    @cached_property
    def folded_complementizers(self) -> frozenset[str]:
        return folded(self.complementizers)

    @cached_property
    def folded_coordinators(self) -> frozenset[str]:
        return folded(self.coordinators)

    @cached_property
    def folded_follow_adverbs(self) -> frozenset[str]:
        return folded(self.follow_adverbs)

    @cached_property
    def folded_clause_links(self) -> frozenset[str]:
        return folded(self.clause_links)

    @cached_property
    def folded_clause_subjects(self) -> frozenset[str]:
        return folded(self.clause_subjects)

    @cached_property
    def folded_demonstratives(self) -> frozenset[str]:
        return folded(self.demonstratives)

    # ------------------------------------------------------------------ what differs between languages

    def attribute(self, sent: Sentence, cue: Cue) -> Attribution | None:
        """The speaker and content of the clause headed by `cue`, or None when it states nothing."""
        return None

    def follow_on(self, sent: Sentence, cue: Cue, parent: Attribution | None) -> Attribution | None:
        """A clause that continues the one before with the same speaker: a participle ("..., adding
        that", "، مؤكداً أن") or a second verb ("and said", "و گوتی"). With no parent, the subject
        was dropped ("واختتم قائلاً:")."""
        doc = sent.doc
        n = len(doc)
        k = cue.verb_end
        colon = clause = False
        start = k
        for j in range(k, min(n, k + 8)):
            if doc[j].text == ":":
                colon, start = True, j + 1
                break
            if sent.norms[j] in self.folded_complementizers:
                clause, start = True, j + 1
                break
            if doc[j].text in (",", "،") and j + 1 < n and sent.norms[j + 1] in self.folded_complementizers:
                clause, start = True, j + 2     # "و هێما بۆ ئەوە دەکات، کە ...": the comma before "that"
                break
            if doc[j].text in (",", "،") or not sent.frame[j]:
                break
        if not (clause or colon) and cue.cls == "part" and self.bare_part_clause:
            clause = True
        said = content(sent, start, n, skip=self.folded_follow_adverbs)
        return Attribution(cue, None, "same" if parent is not None else "any", said, None,
                           clause=clause, colon=colon, parent=parent)

    def own_subject(self, sent: Sentence, cue: Cue) -> bool:
        """A later verb of saying with a subject of its own right before it, in a clause joined by a
        conjunction ("..., but the commission reiterated that ..."): a statement of that subject."""
        return False

    def leading_participle(self, sent: Sentence, cue: Cue) -> bool:
        """A participle of saying that opens the sentence before its subject and verb ("Noting that ..., he said
        ..."): a statement of the main clause's speaker (verb-final languages take every such participle)."""
        return False

    def quote_subject(self, sent: Sentence, quote_start: int, quote_end: int, follows: bool) -> Attribution | None:
        """A quotation that is the predicate of the sentence's subject, with no verb of saying ('The ministry
        "strongly condemns these attacks".'): the subject as the speaker (body offsets of the quotation given;
        `follows`: the sentence before, in the same paragraph, attributes something)."""
        return None

    def continues(self, sent: Sentence, cue: Cue) -> bool:
        """A later verb that continues the clause before it without a coordinator (Sorani
        "...، ئاماژەشی بەوە داوە کە ...": the additive clitic says "also")."""
        return False

    def states_sentence_before(self, sent: Sentence, att: Attribution) -> bool:
        """A clause with no content of its own that confirms the sentence before it, which attributes nothing
        (Arabic "... . أكد ذلك X في بيان"): that sentence is its content."""
        return False

    def embedded(self, sent: Sentence, cue: Cue) -> bool:
        """A cue heading a relative clause with a speaker of its own ("the strike, which officials said killed
        four, ..."): a statement beside the sentence's main clause."""
        return False

    def unnamed_role(self, mention: str) -> bool:
        """A role held by one person, written with no name ("Iraq's prime minister"): the person named
        right after it, with no role of their own, is its holder."""
        return False

    def refers_to_latest(self, mention: str) -> bool:
        """A back reference that may link to the latest person heard even with no word in common
        ("the lawmaker" after "the Deputy Speaker of parliament, X")."""
        return False

    def role_holder(self, role: str, body: str) -> str | None:
        """The one person the text names with a role written alone (`role` has no name), as a mention that
        holds the name (hook; None: no such reading)."""
        return None

    def opening_subject(self, text: str) -> str | None:
        """The subject a sentence that attributes nothing opens with, for a clause after it with no subject
        and no speaker before (hook; languages with capitals find names by `name_run` instead)."""
        return None

    def speaker_label(self, sent: Sentence) -> Attribution | None:
        """A sentence with no cue that is only a speaker's name and a colon ending its paragraph (`د.NAME:` ⏎ her
        words; an interview's `NAME:` lines): the clause whose speech is the next paragraph (hook; None)."""
        return None

    def clause_end(self, sent: Sentence, i: int, j: int) -> int | None:
        """Verb-final languages: the end of the last clause closed by its own verb in tokens i..j-1, when a speaker
        passes on what a later speaker says after it (`X ڕایگەیاند، ... دەخرێن، Y ... وتی: "..."`: X's clause ends
        there and stays X's); None keeps the first clause out (hook)."""
        return None

    def is_outlet(self, text: str) -> bool:
        """A news outlet ("broadcaster Rudaw", "وكالة الأنباء"), which passes on what others said."""
        words = _WORDS.findall(text)
        return any(fold(w) in self.folded_outlets for w in words[:4])

    def is_publisher(self, text: str) -> bool:
        """An outlet that publishes reports ("a London-based daily"): whose report "the report" is."""
        return self.is_outlet(text)

    def same_role(self, earlier: str, role: set[str]) -> bool:
        """Whether an unnamed earlier mention ("a Kurdish MP") is the person now named with these role
        words ("X, a member of the committee in parliament"): the last speaker, introduced without a name."""
        return False

    def is_generic(self, text: str) -> bool:
        """A bare plural with no determiner ("officials", "residents"): unnamed people, linked only to
        the same words, never to a more specific earlier mention ("Medical officials")."""
        return False

    def back_reference(self, text: str) -> bool:
        """A mention that refers back to a person named before rather than naming one: a role with the
        definite article (Sorani وتەبێژەکە "the spokesman", پەرلەمانتارەکەی لیژنەکە)."""
        return False

    def norms(self, text: str) -> set[str]:
        """The words that identify a mention (for linking "the ministry" to its full name)."""
        return {fold(w) for w in re.findall(r"[\w.\-]+", text)}

    def mention_kind(self, text: str) -> str:
        """person | body | other."""
        return "person" if self.name_of(text) else "other"

    def name_of(self, text: str) -> str | None:
        """The person's name in a mention, without titles; None when it names no person."""
        return None

    def canonical(self, kind: str, mentions: list[str], names: list[str], body: str) -> str:
        """One name for a speaker: a person's fullest name, else the fullest mention of the body."""
        if kind == "person" and names:
            return self.full_name(max(names, key=lambda n: (len(n.split()), len(n))), body)
        best = max(mentions, key=lambda m: (len(self.norms(m)), len(m)))
        return self.tidy_mention(kind, best, body).strip(" ,،")

    def full_name(self, name: str, body: str) -> str:
        """A person's name as the article gives it in full (hook: a surname alone may gain its first name)."""
        return name

    def tidy_mention(self, kind: str, mention: str, body: str) -> str:
        """A body's or other speaker's fullest mention made presentable (hook: clitics, articles)."""
        return mention

    def is_title_quote(self, body: str, inner: str, before: list[str]) -> bool:
        """A book, film or song title in quotes (`before`: the words before the opening mark)."""
        return bool(before) and before[-1].lower() in self.title_nouns

    def sign_quote(self, body: str, start: int, end: int) -> bool:
        """A quotation written on a banner, a placard or a sign (the noun after the closing mark, or before the
        opening one): no one's statement, and not a bare quotation going on from the speaker before."""
        return False

    def in_own_words(self, norms: list[str]) -> bool:
        """Whether an unquoted clause (its folded words) is in the speaker's own words: a first-person
        word among its first six (unquoted direct speech, `unmarked_direct`)."""
        return any(n in self.folded_first_person for n in norms[:6])

    def is_time(self, norm: str) -> bool:
        """A time word or a number: part of a date, never a speaker."""
        return norm in self.folded_time_words or norm[:1].isdigit()


_EMPTY = StatementRules()


def rules_for(code: str) -> StatementRules:
    """The statement rules of a language (`RULES` of hawal/langs/<code>/statements.py); rules with no
    cues, which find nothing, for a language that has none."""
    found = _loaded.get(code)
    if found is None:
        found = _loaded[code] = _import_rules(code) or _EMPTY
    return found


_loaded: dict[str, StatementRules] = {}


def _import_rules(code: str) -> StatementRules | None:
    """The registered language's rules (`LanguageSpec.statement_rules`); for a language with rules
    but no spec yet (a language being added), its hawal/langs/<code>/statements.py directly."""
    from .. import langs

    spec = langs.find(code)
    if spec is None and not re.fullmatch(r"[a-z]{2,3}", code or ""):
        return None
    name = spec.statements_module if spec is not None else f"hawal.langs.{code}.statements"
    try:
        rules = spec.statement_rules() if spec is not None else getattr(importlib.import_module(name), "RULES", None)
    except ModuleNotFoundError as exc:
        if exc.name and (name == exc.name or name.startswith(exc.name + ".")):
            return None         # no rules module (a language registered from elsewhere, with no package)
        raise
    return rules if isinstance(rules, StatementRules) else None
