"""Key-statement rules for English: subject before the verb ("the minister said"), inverted after a
quote ("...," said Leyla Demir), and "according to" phrases.
"""
from __future__ import annotations

import re

from ...statements.rules import StatementRules
from ...statements.tokens import (
    MAX_SPEAKER_TOKENS, Attribution, Cue, Sentence, content, frame_run, is_punct, segments, strip,
)

CUES = {
    "say": """said says say added adds continued stated told tells announced announces confirmed explained
        noted insisted argued claimed stressed emphasised emphasized wrote tweeted replied acknowledged
        admitted revealed pledged promised vowed predicted maintained recalled asserted complained complains""".split(),
    "eval": """condemned denounced criticised criticized denied rejected warned urged blamed accused threatened
        demanded dismissed blame blames warn warns deny denies urge urges accuse accuses reject rejects
        criticise criticises criticize criticizes condemn condemns""".split() + ["called on", "called for", "appealed to"],
    "part": "saying adding noting warning stressing insisting calling urging describing".split(),
    "per": ["according to"],
}

# Words that make a mention a body (organisation) rather than a person.
BODY = set("""ministry presidency government army military office commission council mission directorate embassy
    parliament police party union committee court authority company agency command forces bank organisation
    organization nations statistics figures delegation coalition alliance bloc faction administration cabinet
    department service services directorate-general movement front network observatory secretariat unicef who
    institute centre center association syndicate federation group spokesperson's cooperative board chamber
    university hospital municipality club company firm station""".split())
# Data and documents: "according to figures the board published" names the board, not the figures.
DATA_NOUNS = set("figures data statistics numbers estimates records".split())
IRREGULAR_PARTICIPLES = set("seen written shown given made done sent put read drawn taken".split())
# Before a cue these make it no statement: "did not say", "were told to leave".
CUE_BLOCKERS = set("not n't never was were been being is are be".split())
TITLES = set("""secretary minister prime deputy foreign president vice spokesman spokeswoman spokesperson finance
    interior defence defense oil health education lawmaker opposition mp governor director general ambassador envoy
    senator representative chairman chairwoman chair head chief commander leader mayor judge u.s. us uk un eu
    senior official dr. dr mr. mr mrs. ms. ms sheikh brig. gen. col. lt. colonel state natural resources
    iraqi kurdish turkish iranian american british syrian
    minister's speaker member activist analyst resident residents farmer shopkeeper headteacher lawmaker
    provincial depot owner trade industry dr""".split())
# Occupations written before a name like a title ("Meteorologist Nasrin Faraj", "Goalkeeper Rojin Haji"):
# the name is what follows. Kept apart from TITLES, which the gold scorer also reads.
OCCUPATIONS = set("""meteorologist economist analyst goalkeeper striker coach captain player driver vendor trader
    engineer architect lawyer doctor nurse surgeon pharmacist teacher student pilot farmer fisherman journalist
    reporter photographer historian researcher professor shopkeeper worker manager officer inspector activist
    novelist poet writer author artist singer musician businessman businesswoman contractor mechanic baker
    referee midwife imam priest cleric""".split())
# Lower-case particles inside Arabic names written in Latin script ("Zainab al-Rikabi").
NAME_PARTICLES = ("al-", "el-", "ad-", "as-", "an-", "ar-", "at-", "az-", "bin-", "ibn-", "abu-")
PLACES = set("""iraq baghdad erbil kurdistan turkey ankara washington iran tehran syria damascus sulaimani duhok
    basra mosul kirkuk zakho halabja europe london moscow""".split())
PRONOUNS = {"he": "person", "she": "person", "it": "body", "they": "any", "we": "any", "i": "any"}
STOP = set("the a an of in at for its his her their and on to from with by".split())
PREPOSITIONS = set("in of at for from on to by with around near across outside inside across".split())
# Abbreviated titles spaCy would otherwise split at the full stop ("Brig. Gen. Ali Kadhim").
ABBREVIATIONS = "Brig. Gen. Col. Lt. Maj. Capt. Sgt. Gov. Sen. Rep. Dr. Mr. Mrs. Ms. Prof. St.".split()
# "according to a statement from the cabinet": the cabinet speaks.
DOCUMENT_NOUNS = set("statement report study survey notice letter document post".split())
# A clause opened by one of these holds its own subject ("... after the government promised to pay").
SUBORDINATORS = set("after when because while since before until once although though whereas".split())
# Leading words that open an adverbial segment, not a subject.
ADVERBIAL = set("""in on at after before during speaking asked meanwhile however later earlier also but and
    separately elsewhere addressing writing responding while when as last this on""".split())
ROLE_HEADS = set("""director spokesman spokeswoman spokesperson minister head chief leader governor commander
    ambassador envoy chairman chairwoman mayor president secretary""".split())
TIME = set("""on monday tuesday wednesday thursday friday saturday sunday today yesterday tonight later earlier
    also late early this week month morning evening night afternoon""".split())
CLAUSE_WORDS = {"and", "was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "can"}
NOT_STATEMENT = {"responsibility", "credit"}     # "claimed responsibility" is an act, not a statement
SMALL_WORDS = {"of", "the", "a", "an", "and", "in", "on", "over", "for", "to", "at", "by", "with", "from", "or"}
TOKEN = re.compile(r"[\w.\-]+", re.UNICODE)


def capitalised(w: str) -> bool:
    return w[:1].isupper() or (w.lower().startswith(NAME_PARTICLES) and w.split("-", 1)[1][:1].isupper())


def name_of(text: str) -> str | None:
    words = text.replace("’s", "").split()
    k = len(words)
    while k > 0:
        w = words[k - 1].strip(",.")
        low = w.lower()
        if not w or not capitalised(w) or low in TITLES or low in BODY or low in PLACES or low in OCCUPATIONS:
            break
        k -= 1
    if k == len(words) or (k > 0 and words[k - 1].lower() in (*PREPOSITIONS, "and", "&")):
        return None         # "Ministry of Transport and Communications" is a body's name, not a person's
    return " ".join(words[k:]).strip(",.")


def subject(doc, i: int, j: int, cut_verb: bool) -> tuple[int, int] | None:
    sub = max((k for k in range(i, j) if doc[k].lower_ in SUBORDINATORS), default=None)
    if sub is not None and 0 < j - sub - 1 <= MAX_SPEAKER_TOKENS and j < len(doc) and not is_punct(doc[j]) \
            and not any(doc[k].text in (",", ";") for k in range(sub + 1, j)):
        i = sub + 1             # "..., after the Kurdistan Regional Government promised to pay"
    if doc[i].lower_ in ("no", "nobody", "none", "neither"):
        return None             # "No group had claimed ...": nobody speaks
    segs = []
    for a, b in segments(doc, i, j):
        a, b = strip(doc, a, b, lead={"and", "but", "while", "meanwhile"})
        if a >= b:
            continue
        first = doc[a]
        if first.lower_ in ADVERBIAL and first.lower_ not in ("and", "but") or first.lower_ in ("who", "which", "whose") \
                or (first.lower_.endswith("ing") and first.lower_ not in PRONOUNS and a == i and b < j):
            continue
        segs.append((a, b))
    if not segs:
        return None
    a, b = segs[0]
    if len(segs) >= 2:
        c, d = segs[1]
        name = doc[c:d].text
        if doc[b - 1].lower_ in ROLE_HEADS and (all(t.text[:1].isupper() for t in doc[c:d] if not is_punct(t))
                                                 or name_of(name) == name.strip()):   # "Zainab al-Rikabi"
            b = d          # "the minister, Hawre Jalal": keep the role, it links earlier mentions of it
        elif d - c >= 2 and name_of(name) == name and name_of(doc[a:b].text) is None:
            a, b = c, d
    for k in range(a + 1, b - 1):
        t = doc[k]
        prev = doc[k - 1].lower_
        if t.text.islower() and "-" not in t.text and prev not in STOP and not is_punct(doc[k - 1]) \
                and (t.text.endswith(("ed", "ing")) or t.text in IRREGULAR_PARTICIPLES) \
                and t.text not in ("armed", "united") and doc[k - 1].text[:1].isalpha():
            b = k               # "a study published last year", "an officer taking part in ..."
            break
    if cut_verb:
        for k in range(a + 1, b):
            t = doc[k].text
            if t.islower() and (t.endswith("ed") or doc[k].lower_ in CUES["say"]) and t not in ("armed", "united"):
                b = k
                break
    a, b = strip(doc, a, b, lead={"and", "but"}, trail=TIME)
    if a >= b or b - a > MAX_SPEAKER_TOKENS:
        return None
    return a, b


class EnglishRules(StatementRules):
    code = "en"
    spacy_lang = "en"
    tokenizer_special_cases = tuple(ABBREVIATIONS)
    cues = CUES
    cue_blockers = frozenset(CUE_BLOCKERS)
    relative_words = frozenset({"who", "which"})
    channel = re.compile(
        r"\b(?:in|on|at|during|via)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:statement|tweet|post|interview|speech|address|press conference|news conference|briefing|letter|"
        r"video|message|televised address)(?:\s+on\s+(?:X|Twitter|Facebook|Telegram|Instagram))?\b"
        r"|\bon (?:X|Twitter|Facebook|Telegram)\b", re.IGNORECASE)
    title_nouns = frozenset({"book", "novel", "film", "documentary", "play", "song", "album", "titled", "entitled",
                             "headlined"})
    title_words = frozenset(TITLES | PLACES)
    honorifics = frozenset({"dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "sheikh", "brig.", "gen.", "col.",
                            "lt.", "colonel"})
    vague_speakers = ("source", "sources", "resident", "residents", "farmer", "farmers", "shopkeeper", "driver")
    name_run = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b")

    def attribute(self, sent: Sentence, cue: Cue) -> Attribution | None:
        doc = sent.doc
        n = len(doc)
        if cue.end < n and doc[cue.end].lower_ in NOT_STATEMENT:
            return None
        if doc[cue.start].lower_ == "claimed" and not (cue.end < n and doc[cue.end].lower_ == "that") \
                and all(sent.frame):
            return None             # "no group claimed the attack": an act, not a statement
        left_start = frame_run(sent, cue.start - 1, -1) + 1
        right_end = frame_run(sent, cue.end, 1)
        after_quote = left_start > sent.lead
        if cue.cls == "per":
            a, b = cue.end, cue.end
            while b < right_end and doc[b].text not in (",", ".", ";") and b - a < MAX_SPEAKER_TOKENS:
                b += 1
            end_np = b
            for k in range(a + 1, b):       # "figures the management shared with us": the noun phrase only
                t = doc[k].text
                if t in ("who", "which", "that") or (t.islower() and (t.endswith("ed") or t in IRREGULAR_PARTICIPLES)
                                                      and t not in ("armed", "united")):
                    end_np = k
                    break
            k = a + (1 if doc[a].lower_ in ("a", "an", "the") else 0)
            if k + 2 < end_np and doc[k].lower_ in DOCUMENT_NOUNS and doc[k + 1].lower_ in ("from", "by"):
                a = k + 2           # "according to a statement from the cabinet": the cabinet
            if a < end_np and doc[a].lower_ in DATA_NOUNS:
                # "figures (released by|from) the board" and "figures the board published": the board speaks.
                k = a + 1
                while k < end_np and (doc[k].lower_ in ("from", "by", "of", "released", "published", "provided", "issued")):
                    k += 1
                if k < end_np:
                    a = k
            a, b2 = strip(doc, a, end_np, trail=TIME)
            if a >= b2:
                return None
            if b < right_end and doc[b].text == ",":
                body = content(sent, b + 1, n)
            else:
                body = content(sent, 0, cue.start)
            return Attribution(cue, sent.span(a, b2), None, body, None)
        left = strip(doc, left_start, cue.start)
        cut = cue.cls == "part" or (cue.start > 0 and doc[cue.start - 1].lower_ == "and")
        if cue.cls == "part":
            left = strip(doc, 0, cue.start)
        speaker = None
        pronoun = None
        said = None
        # Content after the cue, past a "that" within reach.
        that = None
        for k in range(cue.end, min(right_end, cue.end + 8)):
            if doc[k].lower_ == "that":
                that = k
                break
            if doc[k].lower_ in CLAUSE_WORDS:
                break
            if cue.cls == "eval" and (doc[k].lower_ in ("a", "an", "the", "for", "of", "on") or is_punct(doc[k])):
                break       # "blamed the board for a fire that ...": the object, not a clause
        if that is not None:
            said = content(sent, that + 1, n)
        elif cue.cls != "per":
            said = content(sent, cue.end, n, skip=TIME)
        if left[0] < left[1]:
            words = [t for t in doc[left[0]:left[1]] if not is_punct(t)]
            if len(words) == 1 and words[0].lower_ in PRONOUNS:
                pronoun = PRONOUNS[words[0].lower_]
                speaker = sent.span(left[0], left[1])
            elif len(words) == 2 and words[0].lower_ == "the" and words[1].lower_ in DOCUMENT_NOUNS:
                pronoun = "body"        # "the statement said": the body whose statement it is
                speaker = sent.span(left[0], left[1])
            else:
                k = cue.end
                while k < right_end and doc[k].lower_ in TIME:
                    k += 1
                parenthetical = k >= right_end or doc[k].text in (",", ".", ";")
                if not after_quote and parenthetical and cue.cls == "say":
                    # "..., the minister said on Saturday." — the speaker is the last comma segment.
                    segs = segments(doc, left[0], left[1])
                    a, b = strip(doc, *segs[-1], trail=TIME)
                    if len(segs) >= 2 and a < b:
                        speaker = sent.span(a, b)
                        said = content(sent, sent.lead, segs[-1][0])
                if speaker is None:
                    sub = subject(doc, left[0], left[1], cut)
                    if sub is not None:
                        speaker = sent.span(*sub)
                        if sub[1] - sub[0] == 1 and doc[sub[0]].lower_ in PRONOUNS:
                            pronoun = PRONOUNS[doc[sub[0]].lower_]    # "In a statement, it said ..."
        elif after_quote or cue.start == 0 or left_start == cue.start:
            # Inverted: "...," said Leyla Demir, a spokeswoman for ...
            a, b = cue.end, cue.end
            while b < right_end and doc[b].text not in (",", ".", ";", ":") and b - a < 6:
                b += 1
            a, b = strip(doc, a, b, trail=TIME)
            if a < b and doc[a].text[:1].isupper() or (a < b and doc[a].lower_ in ("the", "a")):
                speaker = sent.span(a, b)
                if b - a == 1 and doc[a].lower_ in PRONOUNS:
                    pronoun = PRONOUNS[doc[a].lower_]
                said = None
        if speaker is None and pronoun is None:
            return None
        return Attribution(cue, speaker, pronoun, said, None)

    def norms(self, text: str) -> set[str]:
        out = set()
        for w in TOKEN.findall(text.replace("’s", "").replace("'s", "")):
            w = w.lower().strip(".")
            if w and w not in STOP:
                out.add(w)
        return out

    def mention_kind(self, text: str) -> str:
        words = text.split()
        if not words:
            return "other"
        lows = [w.lower().strip(".,’'s") for w in words]
        if name_of(text) or lows[-1] in ROLE_HEADS:       # "the hospital's director" is a person
            return "person"
        return "body" if any(w in BODY for w in lows) else "other"

    def name_of(self, text: str) -> str | None:
        return name_of(text)

    def canonical(self, kind: str, mentions: list[str], names: list[str], body: str) -> str:
        if kind == "person" and names:
            name = max(names, key=lambda n: (len(n.split()), len(n)))
            if len(name.split()) == 1:
                m = re.search(r"\b([A-Z][a-z]+) " + re.escape(name) + r"\b", body)
                if m and name_of(m.group()) == m.group():
                    name = m.group()
            return name
        best = max(mentions, key=lambda m: (len(self.norms(m)), len(m)))
        best = re.sub(r"^(?:the|a|an)\s+", "", best, flags=re.IGNORECASE)
        return best.strip(" ,،")

    def is_title_quote(self, body: str, inner: str, before: list[str]) -> bool:
        """Named by the noun before it, or written in title case with no sentence punctuation inside."""
        if before and before[-1].lower() in self.title_nouns:
            return True
        if re.search(r"[,.;!?]", inner):
            return False
        words = re.findall(r"[\w'’-]+", inner)
        return 2 <= len(words) <= 10 and all(w[:1].isupper() or w.lower() in SMALL_WORDS for w in words) \
            and words[0][:1].isupper()


RULES = EnglishRules()
