"""Speakers across an article: mentions linked into entities ("Transport Minister Dilan Qadir",
"Qadir", "the minister", "she"), pronouns and dropped subjects resolved to an earlier one, and one
canonical name per entity. Language facts come from the language's `StatementRules`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .rules import StatementRules
from .tokens import fold


def unbracketed(text: str) -> str:
    """A mention without a bracket that never closes ("Berdevkê Hikûmetê (Pêşewa Hewramanî")."""
    for opening, closing in (("(", ")"), ("[", "]")):
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, " ").replace(closing, " ")
    return " ".join(text.split())      # runs of white space as one space, none at the ends


_OPENING_MARKS = set("“\"«‘'")


def _headline(text: str) -> bool:
    """A line in title case with no closing stop (a link to another story, a subheading)."""
    text = text.strip()
    words = text.split()
    if len(words) < 4 or text[-1:] in ".!?\"”’'":
        return False
    return sum(1 for w in words if w[:1].isupper()) * 3 >= len(words) * 2


class _Remembered:
    """A language's rules that remember, for one article, the look-ups linking repeats on the same
    mentions (`norms`, `name_of`, `mention_kind`: functions of the text alone); every other attribute
    is the rules' own."""

    def __init__(self, rules: StatementRules):
        self._rules = rules
        self._norms: dict[str, set] = {}
        self._names: dict[str, str | None] = {}
        self._kinds: dict[str, str] = {}

    def __getattr__(self, name: str):
        value = getattr(self._rules, name)
        setattr(self, name, value)      # the rules do not change while an article is read
        return value

    def norms(self, text: str) -> set[str]:
        found = self._norms.get(text)
        if found is None:
            found = self._norms[text] = self._rules.norms(text)
        return set(found)               # a copy: callers may change theirs

    def name_of(self, text: str) -> str | None:
        try:
            return self._names[text]
        except KeyError:
            found = self._names[text] = self._rules.name_of(text)
            return found

    def mention_kind(self, text: str) -> str:
        found = self._kinds.get(text)
        if found is None:
            found = self._kinds[text] = self._rules.mention_kind(text)
        return found


@dataclass
class Entity:
    kind: str                          # person | body | other
    mentions: list[str] = field(default_factory=list)
    norms: set = field(default_factory=set)
    names: list[str] = field(default_factory=list)


class Speakers:
    """The speakers of one article, most recently heard last."""

    def __init__(self, rules: StatementRules, body: str):
        self.rules = _Remembered(rules)
        self.body = body
        self.entities: list[Entity] = []
        self.recent: list[int] = []

    def heard(self, ent: int) -> None:
        if ent in self.recent:
            self.recent.remove(ent)
        self.recent.append(ent)

    def link(self, written: str) -> int:
        """The entity a written mention refers to: an earlier one it matches, else a new one."""
        written = unbracketed(written)
        rules = self.rules
        norms = rules.norms(written)
        words = written.split()
        if words and rules.folded_demonstratives and fold(words[0]) in rules.folded_demonstratives:
            # "that official of the ministry", ئەو بەرپرسەی ...: a speaker heard before
            rest = norms - rules.norms(words[0])
            if len(words) > 1 and rules.mention_kind(" ".join(words[1:])) == "body":
                # لە بەیاننامەی ئەو وەزارەتە هاتووە: "that ministry" is a body heard before sharing its word, never
                # the person heard last (https://ku.mehrnews.com/news/57343); else a mention of its own
                ent = next((e for e in reversed(self.recent) if self.entities[e].kind != "person"
                            and self.entities[e].norms & rest), None)
            else:
                ent = self._demonstrative(rest)
            if ent is not None:
                return ent      # not a name of its own: the entity keeps its mentions
        if words and rules.back_reference(written):
            # پەرلەمانتارەکەی لیژنەی کشتوکاڵ ("the MP of the committee"): the role named before
            role = norms - rules.norms(words[0])
            ent = self._demonstrative(role, person=True,
                                      shared_only=rules.strict_back_reference and not rules.refers_to_latest(written))
            if ent is None:
                ent = self._role_beside_name(role)
            if ent is not None:
                return ent
        kind = rules.mention_kind(written)
        name = rules.name_of(written) if kind == "person" else None
        if not name and kind != "body":
            # "بە بەشداریی X، جێگری سەرۆکی پارتی گەل، ..." then "جێگری سەرۆکی پارتی دەشڵێت": a role given to a
            # speaker in apposition, in a sentence that attributed nothing, refers back to that speaker
            ent = self._named_in_apposition(written)
            if ent is not None:
                self.entities[ent].mentions.append(written)
                self.entities[ent].norms |= norms
                return ent
            named = self._name_after_role(written)
            if named is None:
                named = rules.role_holder(written, self.body)     # وجدد رئيس الحكومة after استقبل رئيس حكومة ... X
            if named is not None:
                # استقبل رئيس إقليم كوردستان، نيجيرفان بارزاني، ... then أشار رئيس إقليم كوردستان إلى أن: the role is the
                # person the text names right after it, not an earlier speaker whose longer title holds its words
                return self.link(named)
        entities = self.entities
        if name:
            # "the minister said ..." then "The minister, Hawre Jalal, added ...": the role named later
            # is the same person when the role words of the named mention all describe the earlier one.
            role = norms - rules.norms(name) - rules.honorifics
            if not role and self.recent:
                # "Iraq's prime minister said ..." then "Hamid al-Obeidi said ...": the one holding the role
                # heard just before, named now (https://www.wsls.com/news/world/2020/08/17/ap-interview-...)
                e = entities[self.recent[-1]]
                mine = rules.norms(name)
                if not e.names and e.kind == "person" and any(rules.unnamed_role(m) for m in e.mentions) \
                        and not any(mine & rules.norms(nm) for x in entities for nm in x.names):   # not heard before
                    e.mentions.append(written)
                    e.norms |= norms
                    e.names.append(name)
                    return self.recent[-1]
            if role:
                for ent_id in reversed(self.recent):
                    e = entities[ent_id]
                    if not e.names and e.kind in ("person", "other") and (
                            role <= e.norms or ent_id == self.recent[-1]
                            and any(rules.same_role(m, role) for m in e.mentions)):
                        e.mentions.append(written)
                        e.norms |= norms
                        e.kind = "person"
                        e.names.append(name)
                        return ent_id
        generic = rules.is_generic(written)
        for ent_id in reversed(self.recent):
            e = entities[ent_id]
            if kind != "other" and e.kind != "other" and kind != e.kind:
                continue
            if generic and e.norms != norms:
                continue        # "officials said" again is not "Medical officials": unnamed people, maybe others
            if kind == "body" and e.kind == "other" and not self._same_head(written, e):
                continue        # المديرية is not المتحدث باسم المديرية: a body is not its spokesman
            if name and self._other_name(e, name):
                continue        # "Prime Minister Masrour Barzani" is not "Nechirvan Barzani"
            if norms and norms <= e.norms or (e.kind == "person" and len(e.names) and kind == "person"
                                              and any(rules.norms(nm) and rules.norms(nm) <= norms
                                                      for nm in e.names if len(nm.split()) == 1)):
                e.mentions.append(written)
                e.norms |= norms
                if e.kind == "other" and kind != "other":
                    e.kind = kind
                self._add_name(e, written)
                return ent_id
        e = Entity(kind, [written], set(norms))
        self._add_name(e, written)
        entities.append(e)
        return len(entities) - 1

    def _named_in_apposition(self, role: str) -> int | None:
        """A person heard before whose name stands right before this role and a comma in the text."""
        if len(role.split()) < 2:
            return None
        body = self.body
        at = body.find(role)
        while at >= 0:          # every occurrence, left to right, none overlapping
            start, at = at, body.find(role, at + len(role))
            before = body[max(0, start - 80):start].rstrip()
            if not before.endswith((",", "،")):
                continue
            before = before[:-1].rstrip()
            for ent_id in reversed(self.recent):
                e = self.entities[ent_id]
                if e.kind == "person" and any(len(nm.split()) >= 2 and before.endswith(nm) for nm in e.names):
                    return ent_id
        return None

    def _role_beside_name(self, role: set) -> int | None:
        """The latest named person whose name stands in apposition to these role words somewhere in the
        text ("Quoting the district's mayor, Khidir Rasho, ..." for a later "the mayor")."""
        if not role:
            return None
        body = self.body
        for ent_id in reversed(self.recent):
            e = self.entities[ent_id]
            if e.kind != "person":
                continue
            for nm in {nm for nm in e.names if len(nm.split()) >= 2}:
                for m in re.finditer(re.escape(nm), body):
                    before = body[max(0, m.start() - 60):m.start()].rstrip()
                    after = body[m.end():m.end() + 60].lstrip()
                    beside = []
                    if before.endswith((",", "،")):
                        beside.append(re.split(r"[,،.;:\n]", before[:-1])[-1])
                    if after.startswith((",", "،")):
                        beside.append(re.split(r"[,،.;:\n]", after[1:])[0])
                    if any(role <= self.rules.norms(chunk) for chunk in beside):
                        return ent_id
        return None

    def _name_after_role(self, role: str) -> str | None:
        """`ROLE، NAME،` somewhere in the text, with one name for the role (not under a longer title): the role
        and that name as one mention."""
        if len(role.split()) < 2:
            return None
        rules = self.rules
        body = self.body.replace("#", "") if "#" in self.body else self.body   # عضو قيادة #الحزب ...#، X، (hashtags)
        names = set()
        at = body.find(role)
        while at >= 0:          # every occurrence, left to right
            start, end = at, at + len(role)
            at = body.find(role, end)
            if start > 0 and body[start - 1].isalnum():
                continue
            rest = body[end:end + 64].lstrip(" ")
            if not rest or rest[0] not in ",،":
                continue
            rest = rest[1:]
            cut = min((i for i in (rest.find(c) for c in ",،.:\n") if i >= 0), default=-1)
            if cut < 0 or rest[cut] not in ",،.":       # ROLE، NAME، or ROLE، NAME. at the end of its sentence
                continue
            before = body[max(0, start - 30):start].split()
            if before and fold(before[-1]) in rules.folded_title_words:
                continue            # نائب رئيس إقليم كوردستان، X: the deputy's name, not the role's
            candidate = rest[:cut].strip()
            if len(candidate.split()) >= 2 and rules.name_of(candidate) == candidate:
                names.add(candidate)
        if len(names) != 1:
            return None
        named = f"{role}، {names.pop()}"
        return named if rules.name_of(named) else None

    def _other_name(self, e: Entity, name: str) -> bool:
        """A full name (two words or more) that differs from the entity's full names in a given name."""
        mine = self.rules.norms(name)
        full = [self.rules.norms(nm) for nm in e.names if len(nm.split()) >= 2]
        return len(name.split()) >= 2 and bool(full) and not any(mine <= f or f <= mine for f in full)

    def _same_head(self, written: str, e: Entity) -> bool:
        """The mention's first word names what an earlier mention's first word names."""
        head = self.rules.norms(written.split()[0]) if written.split() else set()
        return any(head & self.rules.norms(m.split()[0]) for m in e.mentions if m.split())

    def _demonstrative(self, norms: set, person: bool = False, shared_only: bool = False) -> int | None:
        """The latest speaker sharing a word with the mention, else (unless `shared_only`) the latest
        person (or unknown)."""
        for ent_id in reversed(self.recent):
            if self.entities[ent_id].norms & norms and not (person and self.entities[ent_id].kind == "body"):
                return ent_id
        if shared_only:
            return None
        kinds = ("person",) if person else ("person", "other")
        for ent_id in reversed(self.recent):
            if self.entities[ent_id].kind in kinds:
                return ent_id
        return None

    def written(self, ent: int, att) -> str:
        """The speaker as this statement writes it: its own mention, else the entity's last one."""
        if att is not None and att.speaker is not None and att.pronoun is None:
            return unbracketed(self.body[att.speaker[0]:att.speaker[1]])
        return self.entities[ent].mentions[-1].strip()

    def _add_name(self, e: Entity, written: str) -> None:
        name = self.rules.name_of(written)
        if name:
            e.names.append(name)

    def resolve(self, pronoun: str, prev: int | None) -> int | None:
        """The entity a pronoun or dropped subject refers to."""
        if pronoun in ("any", "same"):
            return prev if prev is not None else (self.recent[-1] if self.recent else None)
        if pronoun == "plural":
            # "they": a body or a group, never one person heard by name
            for ent_id in reversed(self.recent):
                e = self.entities[ent_id]
                if not (e.kind == "person" and e.names):
                    return ent_id
            return None
        if pronoun == "report":
            # "According to the report" after "a story published by a London-based daily": the outlet whose
            # report it is, else as any document
            for ent_id in reversed(self.recent):
                if any(self.rules.is_publisher(m) for m in self.entities[ent_id].mentions):
                    return ent_id
            pronoun = "document"
        if pronoun == "document":
            # "the statement said", وأوضح البيان: the body whose statement it is, else the last speaker
            for ent_id in reversed(self.recent):
                if self.entities[ent_id].kind == "body":
                    return ent_id
            return prev if prev is not None else (self.recent[-1] if self.recent else None)
        want = {"person": ("person", "other"), "body": ("body", "other")}[pronoun]
        for ent_id in reversed(self.recent):
            if self.entities[ent_id].kind in want:
                return ent_id
        return None

    def introduce_subject(self, sents, since: int, index: int) -> int | None:
        """A person named near the start of a sentence after the last statement, up to two back."""
        run = self.rules.name_run
        if run is None:
            # no capitals to find names by: the subject the sentence before opens with, where the language
            # can read one ("وەزارەتی داد ... ڕێنمایی دەرکرد. هەروەها جەختی لەوە کردەوە کە ...")
            for s in reversed(sents[max(0, index - 1): index]):
                subject = self.rules.opening_subject(self.body[s.start:s.end])
                if subject:
                    return self.link(subject)
            return None
        body = self.body
        start = max(since, index - 2)
        while start > since and start > 0 and index - start < 5 and sents[start - 1].block == sents[index].block:
            start -= 1      # "X is a villager in Gri. “... . ... . ...,” he said.": further back in the same paragraph
        for s in reversed(sents[start: index + 1]):
            text = body[s.start:s.end]
            first, _, rest = text.partition("\n")
            if _headline(first):
                text = rest     # "Read More: UNAMI Head to Give Last Briefing": a headline names no speaker
            if text.lstrip()[:1] in _OPENING_MARKS:
                continue        # a name inside the quotation is not who speaks it
            opening = " ".join(text.split()[:8])
            names = [m.group() for m in run.finditer(opening) if self.rules.name_of(m.group()) == m.group()]
            if names:
                return self.link(names[0])
        return None

    def introduce_named(self, sents, index: int, body: bool = False) -> int | None:
        """'he said' with no earlier speaker: the last person named in the two sentences before (`body`: "the
        statement added" or "it said" with no earlier speaker: the last body named there, "The Turkish Consulate
        General in Erbil voiced its solidarity ... The statement added: ...")."""
        run = self.rules.name_run
        if run is None:
            # no capitals to find names by: the subject the sentence before opens with, where the language
            # can read one ("وەزارەتی داد ... ڕێنمایی دەرکرد. هەروەها جەختی لەوە کردەوە کە ...")
            for s in reversed(sents[max(0, index - 1): index]):
                subject = self.rules.opening_subject(self.body[s.start:s.end])
                if subject:
                    return self.link(subject)
            return None
        for s in reversed(sents[max(0, index - 2): index + 1]):
            if body:
                names = [m.group() for m in run.finditer(self.body, s.start, s.end)
                         if self.rules.mention_kind(m.group()) == "body"]
                if names:
                    return self.link(names[0])
                continue
            names = [m.group() for m in run.finditer(self.body, s.start, s.end)
                     if self.rules.name_of(m.group()) == m.group()]
            if names:
                return self.link(names[-1])
        return None

    def canonical(self, ent: int) -> str:
        e = self.entities[ent]
        return self.rules.canonical(e.kind, e.mentions, e.names, self.body)
