"""Key-statement rules for Kurmanji Kurdish (Latin script): the subject before the verb
(Berdevkê Hikûmetê Rêbîn Salih ragihand, ...), light verbs (diyar kir, da zanîn, anî ziman, tekez kir,
amaje da), the content after the verb (after "ku", a colon or a comma), "li gorî" phrases, and the
passive "di daxuyaniya X de hatiye gotin".

Constructions studied (written up in our own words in tests/data/statements/constructions/kmr.yaml):
https://rojevakurd.com/hikumeta-herema-kurdistane-tu-wateya-hevditina-li-gel-bexdaye-nine/ (diyar kir ku ... û got:),
https://www.kurdistan24.net/kmr/story/899406 (an unclosed bracket, bal kişand ser ... û got, wiha axivî),
https://www.kurdistan24.net/kmr/story/863509 (a date in brackets, herwesa got ku, navbirî tekez jî kir ku),
https://www.kurdistan24.net/kmr/story/68701 (amajeyê dide, ragehand, behs kir), https://cizirabotan.com/page/2/
(di daxuyaniya ... de hatiye gotin, li gorî daxuyaniyê), https://manage.rudaw.net/kurmanci/business/140620171-amp
(bi navê, diyar dike, destnîşan dike).
"""
from __future__ import annotations

import re

from ...statements.rules import StatementRules
from ...statements.tokens import (
    Attribution, Cue, MAX_SPEAKER_TOKENS, Sentence, content, fold, frame_run, is_punct, segments, strip, text_of,
)


def _with_ji(phrase: str) -> list[str]:
    """A light verb with the additive "jî" between its parts (tekez kir → tekez jî kir)."""
    words = phrase.split()
    out = [phrase]
    if len(words) == 2:
        out.append(f"{words[0]} jî {words[1]}")
    return out


_SAY_WORDS = """got gotibû gotiye digot digotin dibêje dibêjin dibê ragihand ragihandiye ragihandibû radigihîne
    radigihînin ragehand ragehandiye ragehandibû radigehîne axivî axivîn nivîsî nivîsand nivîsiye""".split()
_SAY_PHRASES = """diyar kir|diyar dike|diyar kiriye|diyar kiribû|da zanîn|dide zanîn|daye zanîn|dan zanîn|anî ziman|
    tîne ziman|aniye ziman|tekez kir|tekez dike|tekez kiriye|tekez kirin|amaje da|amaje dide|amaje daye|amaje pê da|
    amajeyê dide|amajeyê da|destnîşan kir|destnîşan dike|destnîşan kiriye|eşkere kir|eşkere dike|aşkere kir|
    aşkere dike|zelal kir|zelal dike|ron kir|ronî kir|behs kir|behs dike|behs kiriye|dide xuyakirin|da xuyakirin|
    dide xûyakirin|xuya kir|wiha axivî|wiha got""".split("|")
CUES = {
    "say": _SAY_WORDS + [v for p in _SAY_PHRASES for v in _with_ji(" ".join(p.split()))],
    "claim": [v for p in ("tawanbar kir", "tawanbar dike", "hişyarî da", "hişyarî dide", "hişyar kir", "gef xwar",
                          "sûcdar kir") for v in _with_ji(p)],
    # Acts: statements only with content ("şermezar kir" alone is an act).
    "act": [v for p in ("şermezar kir", "şermezar kirin", "şermezar dike", "şermezar dikin", "red kir", "red kirin",
                        "red dike", "red kiriye", "mehkûm kir", "rexne kir", "rexne girt", "bal kişand", "pûç kir")
            for v in _with_ji(p)] + ["redkir", "redkirin"],
    # Appeals: statements only with a quotation.
    "appeal": ["bang kir", "daxwaz kir", "daxwaz dike", "daxwaz dikin", "daxwaz kirin"],
    "per": ["li gorî", "li gor", "bi gotina", "bi gotinên", "wekî ku"],
    "passive": ["hatiye gotin", "hat gotin", "tê gotin", "hatiye ragihandin", "hat ragihandin", "tê ragihandin"],
}
# Light verbs split around their object: bang li X kir, daxwaz ji X kir, rexne li X girt.
SPLIT_CUES = (("bang", "kir", "appeal"), ("banga", "kir", "appeal"), ("daxwaz", "kir", "appeal"),
              ("daxwaza", "kir", "appeal"), ("rexne", "girt", "act"), ("rexne", "kir", "act"))

# Word stems (folded, endings removed by `stem`) that make a mention a body, a title or a place.
BODY = set("""hikumet wezaret encumen parleman parti pdk ynk yekiti rexistin komisyon dezgeh reveberi navend ofis
    nivisgeh komite sendika polis asayis arte meclis serokayeti serokati fraksiyon komeleya heyet sande saziya
    sazi unicef unesco""".split())
TITLES = set("""berdevk wezir serok serokwezir parezgar reveber bireveber endam cigir sewirmend berpirs fermandar nuner
    sirovekar cotkar cotyar mamoste dr doktor politbiro parlementer rojnamevan pispor birez kaymakam qaymeqam
    nivisevan aktivist""".split())
PLACES = set("""kurdistan iraq hewler dihok duhok bexda silemani zaxo iran tirkiye suriye herem kerkuk mûsil musil
    helebce""".split())
# Words that end a speaker: prepositions and circumpositions, time words, adverbs, "also".
STOPS = set("""di ji li bi bo ser ligel digel piştî berî heta îro duhî doh sibê êvarî roja şeva herweha herwiha herwesa
    her jî wiha taybet berê pêştir paşê piştre dîsa careke bi tundî ku ko""".split())
ADVERBS = set("""herweha herwiha herwesa her wiha paşê piştre dîsa jî pêştir berê taybet""".split())
PREPOSITIONS = set("di li ji bi bo ligel digel piştî berî wekî derbarê der barê".split())
CLOSING = set("de da re ve".split())
IZAFE_ENDINGS = ("ê", "ên", "yê", "yên", "ya")
TIME = set("""îro duhî doh sibê êvarî roja şeva duşem sêşem çarşem pêncşem în îne şemî yekşem çile sibat adar nîsan
    gulan hezîran tîrmeh tebax îlon cotmeh mijdar kanûn danê""".split())
DEMONSTRATIVES = {"wî", "wê", "vî", "vê", "ev", "ew", "van", "wan"}
DOCUMENTS = ("daxuyan", "ragihandin", "rapor", "name", "peyam", "gotar")
PRONOUNS = {"navbirî": "person", "wî": "person", "wê": "person", "ew": "any", "wan": "any"}
OUTLETS = set("""rûdaw rudaw k24 kurdistan24 hawal ajans ajansa kanal kanala rojname rojnameya malper malpera
    dengê""".split())
TOKEN = re.compile(r"[\w.\-]+", re.UNICODE)


def stem(word: str) -> str:
    """A word's folded stem without izafe, case and indefinite endings (Hikûmeta → hikumet)."""
    w = fold(word).strip(".")
    for end in ("ekî", "ekê", "eke", "yên", "yê", "ya", "ên", "ê"):
        f = fold(end)
        if w.endswith(f) and len(w) - len(f) >= 3:
            return w[: -len(f)]
    if w.endswith("a") and len(w) > 5:
        return w[:-1]
    return w


_BODY = {fold(w) for w in BODY}
_TITLES = {fold(w) for w in TITLES}
_PLACES = {fold(w) for w in PLACES}
_STOPS = {fold(w) for w in STOPS}
_ADVERBS = {fold(w) for w in ADVERBS}
_PREPOSITIONS = {fold(w) for w in PREPOSITIONS}
_TIME = {fold(w) for w in TIME}
_DEMONSTRATIVES = {fold(w) for w in DEMONSTRATIVES}
_DOCUMENTS = tuple(fold(w) for w in DOCUMENTS)
_PRONOUNS = {fold(k): v for k, v in PRONOUNS.items()}
_THAT = {fold("ku"), fold("ko")}
_LINKERS = {fold(w) for w in ("ya", "yê", "yên", "a", "ê", "û")}
_NAMED = (fold("bi"), fold("navê"))
_THIS = {fold(w) for w in ("wê", "vê", "yekê", "ser", "li")}


def _common(word: str) -> bool:
    """A title, body or place word (Berdevkê, Hikûmeta, Kurdistanê): not part of a person's name."""
    s = stem(word)
    return s in _TITLES or s in _BODY or s in _PLACES or fold(word) in _DEMONSTRATIVES


def _is_time(word: str) -> bool:
    f = fold(word)
    return f in _TIME or stem(word) in _TIME or f[:1].isdigit()


def name_of(text: str) -> str | None:
    words = [w.strip(",.()") for w in text.replace("(", " ").replace(")", " ").split()]
    words = [w for w in words if w]
    for k in range(len(words) - 1):
        if (fold(words[k]), fold(words[k + 1])) == _NAMED and k + 2 < len(words):
            return " ".join(words[k + 2:])          # cotkarekî bi navê Haşim
    k = len(words)
    while k > 0:
        w = words[k - 1]
        if not w[:1].isupper() or _common(w) or fold(w) in _STOPS or w.lower().endswith(IZAFE_ENDINGS[:4]) \
                or fold(w) in ("dr", "dr."):
            break
        k -= 1
    while 0 < k < len(words) and _links_on(words[k - 1]):
        k += 1                  # Rêveberiya Şehîdan Hemze Sidîq: "Şehîdan" completes the title
    if k == len(words) or k < len(words) - 3:
        return None
    return " ".join(words[k:])


def _links_on(word: str) -> bool:
    """An izafe that links the next word into the same title or name of a body: feminine and plural
    izafe (Rêveberiya, Hikûmeta, yên) always, masculine -ê after a title word (Berpirsê, Wezîrê);
    -ê on a place or a body (Kurdistanê, hikûmetê) is its case ending and the chain may end there."""
    low = word.lower()
    if low.endswith(("ya", "yê", "yên", "ên")) or (low.endswith("a") and len(low) > 4 and stem(word) in _BODY | _TITLES | _PLACES):
        return True
    return low.endswith("ê") and stem(word) in _TITLES


def _speaker_end(sent: Sentence, a: int, b: int) -> int:
    """End of the subject noun phrase that starts at a: titles and bodies joined by izafe
    (Berdevkê Hikûmeta Herêma Kurdistanê), then a name (Rêbîn Salih); a stop word, or a lowercase
    word after a name (its object: Salih êrîşên ...), ends it."""
    doc = sent.doc
    k = a
    prev_name = False
    while k < b and k - a < MAX_SPEAKER_TOKENS:
        t = doc[k]
        w = t.text
        f = t.norm_
        if is_punct(t) and w not in ("(", ")"):
            break
        if w in ("(", ")"):
            k += 1
            continue
        if f in _STOPS and k > a:
            break
        if prev_name and w[:1].islower() and f not in _LINKERS:
            break
        if f == fold("û") and not (k + 1 < b and doc[k + 1].text[:1].isupper() and not prev_name):
            break
        after_izafe = k > a and _links_on(doc[k - 1].text)
        # Wezîrê Bazirganî û Pîşesaziyê ...: a word after an izafe completes the title, it is no name yet
        prev_name = w[:1].isupper() and not _common(w) and f not in _LINKERS and not after_izafe
        k += 1
    return k


class KurmanjiRules(StatementRules):
    code = "kmr"
    cues = CUES
    split_cues = SPLIT_CUES
    title_nouns = frozenset({"pirtûk", "pirtûka", "fîlm", "fîlma", "stran", "strana", "bi navê"})
    title_words = frozenset(TITLES | PLACES | {"birêz", "dr"})
    honorifics = frozenset({fold("dr"), fold("dr."), fold("birêz"), fold("mamoste")})
    vague_speakers = ("çavkanî", "cotkar", "cotyar", "welatî")
    time_words = frozenset(TIME)
    first_person = frozenset({"em", "ez", "me", "min", "emê", "em ê"})
    unmarked_direct = True
    complementizers = frozenset({"ku", "ko"})
    coordinators = frozenset({"û"})
    follow_adverbs = frozenset({"herweha", "herwiha", "herwesa", "jî", "paşê", "piştre"})
    outlets = frozenset(OUTLETS)
    document_nouns = frozenset(DOCUMENTS)
    demonstratives = frozenset(DEMONSTRATIVES)
    name_run = re.compile(r"\b[A-ZÇÊÎŞÛ][a-zçêîşû]+(?: [A-ZÇÊÎŞÛ][a-zçêîşû]+)+\b")

    def attribute(self, sent: Sentence, cue: Cue) -> Attribution | None:
        doc = sent.doc
        n = len(doc)
        if cue.cls == "per":
            return self._according_to(sent, cue)
        if cue.cls == "passive":
            return self._passive(sent, cue)
        left_start = frame_run(sent, cue.start - 1, -1) + 1
        speaker, pronoun, sp_end = self._subject(sent, left_start, cue.start)
        # Content after the verb: after "ku", a colon or a comma; or straight after a verb of saying.
        k = cue.verb_end
        while k < n and (doc[k].norm_ in self.folded_follow_adverbs or doc[k].norm_ in _THIS):
            k += 1                  # "da zanîn jî, ...", "got jî:", "amaje da wê yekê jî, ..."
        colon = k < n and doc[k].text == ":"
        introduced = k < n and (doc[k].norm_ in _THAT or doc[k].text in (":", ","))
        while k < n and (doc[k].norm_ in _THAT or doc[k].text in (":", ",")):
            k += 1
        said = content(sent, k, n)
        clause = said is not None and (introduced or cue.cls == "say")
        if said is None and cue.cls == "claim" and sp_end < cue.start:
            said = content(sent, sp_end, cue.start)     # Salih Bexda bi vê yekê tawanbar kir: the object
        if speaker is None and pronoun is None:
            pronoun = "any"
        return Attribution(cue, speaker, pronoun, said, None, clause=clause, colon=colon)

    def _subject(self, sent: Sentence, i: int, j: int):
        """(speaker span, pronoun, end index) of the subject before the verb at j."""
        doc = sent.doc
        for a, b in segments(doc, i, j, seps=(",", "،")):
            a, b = strip(doc, a, b)
            while a < b and (doc[a].norm_ in _ADVERBS or _is_time(doc[a].text)):
                a += 1
            if a < b and doc[a].norm_ in _PREPOSITIONS:
                # "Di vê derbarê de Rêbîn Salih ...": the circumposition closes with de/da/re/ve
                close = next((k for k in range(a + 1, b) if doc[k].lower_ in CLOSING), None)
                if close is None:
                    continue
                a = close + 1
                while a < b and (doc[a].norm_ in _ADVERBS or _is_time(doc[a].text)):
                    a += 1
            if a >= b or all(is_punct(t) or _is_time(t.text) for t in doc[a:b]):
                continue
            for k in range(a, b - 2):
                if (doc[k].norm_, doc[k + 1].norm_) == _NAMED:
                    e = _speaker_end(sent, k + 2, b)
                    return sent.span(a, e), None, e     # Cotkarekî bi navê Haşim
            first = doc[a].norm_
            if first in _PRONOUNS and (a + 1 >= b or doc[a + 1].norm_ in _STOPS or is_punct(doc[a + 1])):
                return sent.span(a, a + 1), _PRONOUNS[first], a + 1     # Navbirî tekez jî kir
            e = _speaker_end(sent, a, b)
            if e <= a:
                continue
            if e - a == 1 and doc[a].norm_.startswith(_DOCUMENTS):
                return sent.span(a, e), "document", e
            rest = [s for s in segments(doc, b, j, seps=(",", "،")) if s[0] > b - 1]
            if rest and rest[0][1] == j or (rest and len(rest) >= 1):
                c, d = strip(doc, *rest[0])
                name = text_of(doc, c, d)
                if c < d and d - c <= 3 and name_of(name) == name:
                    return sent.span(a, d), None, d     # Rêveberê Giştî yê Çandiniyê li Zaxoyê, Mihemed Ferhad,
            return sent.span(a, e), None, e
        return None, None, i

    def _according_to(self, sent: Sentence, cue: Cue) -> Attribution | None:
        """"Li gorî daxuyaniyê, ...": the document's author; "li gorî X, ...": X."""
        doc = sent.doc
        n = len(doc)
        a = cue.end
        b = a
        while b < n and not is_punct(doc[b]) and b - a < MAX_SPEAKER_TOKENS:
            b += 1
        if a >= b:
            return None
        said = content(sent, b + 1, n) if b < n and doc[b].text == "," else content(sent, 0, cue.start)
        if doc[a].norm_.startswith(_DOCUMENTS) and b - a == 1:
            return Attribution(cue, sent.span(a, b), "document", said, None, clause=True)
        return Attribution(cue, sent.span(a, b), None, said, None, clause=True)

    def _passive(self, sent: Sentence, cue: Cue) -> Attribution | None:
        """"Di daxuyaniya rêxistinê de hatiye gotin, ku ...": the document's author speaks."""
        doc = sent.doc
        n = len(doc)
        k = next((j for j in range(0, cue.start) if doc[j].norm_.startswith(_DOCUMENTS)), None)
        if k is None:
            return None
        end = next((j for j in range(k + 1, cue.start) if doc[j].lower_ in CLOSING), cue.start)
        speaker = sent.span(k + 1, end) if end > k + 1 else None
        j = cue.end
        colon = j < n and doc[j].text == ":"
        while j < n and (doc[j].norm_ in _THAT or doc[j].text in (":", ",")):
            j += 1
        return Attribution(cue, speaker, None if speaker else "document", content(sent, j, n), None,
                           clause=True, colon=colon)

    def is_time(self, norm: str) -> bool:
        return norm in self.folded_time_words or norm[:1].isdigit() or stem(norm) in _TIME

    def norms(self, text: str) -> set[str]:
        out = set()
        for w in TOKEN.findall(text):
            s = stem(w)
            if s and s not in ("u", "ya", "ye", "yen", "ji", "li", "di", "de", "re", "ku") \
                    and fold(w) not in _DEMONSTRATIVES:
                out.add(s)
        return out

    def mention_kind(self, text: str) -> str:
        words = text.replace("(", " ").split()
        if not words:
            return "other"
        if stem(words[0]) in _BODY:
            return "body"
        return "person" if name_of(text) else "other"

    name_of = staticmethod(name_of)

    def tidy_mention(self, kind: str, mention: str, body: str) -> str:
        return re.sub(r"\s+jî$", "", mention.strip())


RULES = KurmanjiRules()
