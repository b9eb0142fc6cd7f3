"""Key-statement rules for English: subject before the verb ("the minister said"), inverted after a
quote ("...," said Leyla Demir), and "according to" phrases.
"""
from __future__ import annotations

import re

from ...statements.rules import StatementRules
from ...statements.tokens import (
    Attribution, Cue, MAX_SPEAKER_TOKENS, Sentence, content, frame_run, is_punct, segments, strip, text_of,
)


def _forms(*verbs: str) -> list[str]:
    """A verb's past and present forms from its base and past ("warn warned" → warn warns warned)."""
    out = []
    for v in verbs:
        out += v.split()
    return out


CUES = {
    # https://www.kurdistan24.net/en/story/898227 ("He stressed that"), https://ina.iq/eng/23125 ("reported on
    # Tuesday, that", "indicated that"), http://ekurd.net/mismas/articles/misc2012/7/kurdlocal1064.htm
    "say": """said says say added adds continued stated told tells announced announces confirmed confirms
        explained explains noted notes insisted argued claimed stressed stresses emphasised emphasized emphasizes
        wrote writes tweeted replied acknowledged admitted revealed reveals pledged promised vowed predicted
        maintained recalled asserted complained complains reported reports indicated indicates mentioned concluded
        highlighted reiterated affirmed clarified disclosed estimated quoted read reads""".split()
        + ["pointed out", "points out", "went on"]
        # https://zoomnews.info/en/39968/ ("responded that they would ..."), https://energynews.oedigital.com ("he replied that")
        + "responded responds answered answers".split()
        # "A senior commander suggested ... that", "confirmed the toll and charged that the United States ..."
        # (https://www.kurdistan24.net/en/story/25565, https://greece.isidewith.com/zh/discuss/5063600862)
        + "suggested suggests charged charges".split()
        # "The story cited unnamed officials as saying ..." (https://www.rudaw.net/english/middleeast/iraq/211220251-amp):
        # like "quoted ... as saying", only with "as saying"
        + "cited cites".split()
        # "'...,' he remarked." (https://test.daily8.com/en/hashtag/Mukhtaral-Moussawi); "..., Rudaw has learned."
        # (https://breitbart.com/national-security/2016/12/19/report-9000-displaced-yazidi-families-suffering-sinjar/amp):
        # "learned" only after its clause, with a named subject
        + "remarked learned learnt".split()
        # 'She reaffirmed, "The US remains committed ..."' (https://menafn.com/1109812067/...): with a clause or a
        # quotation only, like "reiterated"
        + "reaffirmed reaffirms underlined underscored".split()
        # "The Peshmerga ... complain that American weapons reach them late, and say ..." (https://bondladyscorner.com/
        # t134173-...): plural present forms; "states" is left out, the plural noun ("Arab states that are ...") is commoner
        + "complain insist argue".split()
        # "Kurdish officials ... have dismissed the ruling as politicized and claim the supreme court itself is
        # unconstitutional" (https://english.aawsat.com/home/article/3746461/...): the plural present of "claimed"
        + ["claim"]
        # "Muslim believes that the referendum is a natural right", "Several officials of X believe that ..."
        # (https://english.aawsat.com/node/1034516): a view stated
        + "believes believe".split()
        # "assured X that ...", "assured X of Y" (the same page): only with a clause or an "of" object
        + "assured assures reassured".split()
        # "An earlier report by AFP put the toll at six" (https://www.albawaba.com/news/12-policemen-killed-kirkuk-1502747):
        # a figure given is a claim of the one who gives it; only with "at" and the figure after it
        + [f"{v} the {m}{n}" for v in ("put", "puts") for m in ("", "death ", "casualty ")
           for n in ("toll", "tally", "number", "figure")],
    # Claims: the object says what is claimed ("accused X of Y", "blamed X for Y", "warned of Y").
    "claim": _forms("accused accuses accuse", "blamed blames blame", "warned warns warn", "threatened threatens",
                    "cautioned", "alleged alleges"),
    # Acts: statements only with content ("condemned the attack" is an act; "condemned ..., saying ..." speaks).
    "act": _forms("condemned condemns condemn", "denounced denounces", "criticised criticises criticise criticized",
                  "criticizes criticize", "denied denies deny", "rejected rejects reject", "dismissed dismisses",
                  "welcomed welcomes", "deplored", "refuted", "slammed", "praised")
    # "expressed hope that trade would double" states what is hoped; "expressed his gratitude" states nothing
    + [f"{v} {p}{n}" for v in ("expressed", "expresses", "voiced") for p in ("", "his ", "her ", "their ")
       for n in ("hope", "confidence", "concern", "optimism", "fear", "fears", "belief")],
    # Appeals: statements only with a quotation or a participle of saying.
    "appeal": _forms("urged urges urge", "demanded demands demand") + ["called on", "called for", "calls on",
                                                                          "calls for", "appealed to", "call on"]
    # "Mr Al Sudani ordered an "immediate" investigation to "identify the perpetrators and ..."" (https://thenational-
    # the-national-prod.web.arc-cdn.net/...): an order, like an appeal, speaks only through a quotation or a participle
    + _forms("ordered orders", "instructed instructs")
    # 'Bapir described the vote as "fabricated and extensively rigged."' (https://peregraf.com/en/news/7897): a
    # description speaks only through a quotation of four words or more
    + _forms("described describes"),
    "part": """saying adding noting stressing insisting explaining arguing warning emphasising emphasizing
        claiming telling""".split() + ["pointing out"]
        # "told Shafaq News that ..., predicting that the bills ... will be deferred" (test.daily8.com, Shafaq News)
        + "predicting asserting affirming indicating acknowledging clarifying".split()
        # "assured viewers of the ministry's inability ..., blaming corruption in its administration"
        # (https://alsharqiya.com/en/news/aljumharia-alsadisa-program-raises-the-issue-...)
        + "blaming accusing".split()
        # "with its leader, Ali Bapir, alleging widespread electoral fraud" (https://peregraf.com/en/news/7897)
        + ["alleging"],
    "partact": "calling urging describing reiterating demanding welcoming expressing".split()
    # '..., wondering, "Will al-Sadr agree ...?"' (https://ninanews.com/Website/News/Details?key=983292)
    + ["wondering", "asking"],
    "per": ["according to"],
}

# Words that make a mention a body (organisation) rather than a person.
BODY = set("""ministry presidency government army military office commission council mission directorate embassy
    parliament police party union committee court authority company agency command forces bank organisation
    organization nations statistics figures delegation coalition alliance bloc faction administration cabinet
    department service services directorate-general movement front network observatory secretariat unicef who
    institute centre center association syndicate federation group spokesperson's cooperative board chamber
    university hospital municipality club company firm station""".split())
TIME_NOUNS = set("""year years weekend ago days weeks months hours decade january february march april june july
    august september october november december a few several two three four five six seven eight nine ten""".split())
# Counts and inquiries that speak for whoever made them ("A later count by X put the toll at ...").
COUNT_NOUNS = set("count tally estimate assessment analysis investigation inquiry review poll audit probe".split())
CUE_WORDS_EN = {w for ws in CUES.values() for p in ws for w in p.split()[:1]}
# A sentence opening with a capitalised word and holding a quotation that opens in lower case: maybe a
# quoted predicate ('The ministry "strongly condemns ..."').
_QUOTE_PREDICATE = re.compile(r"[A-Z][^\"“\n]{2,120}[\"“]\s?[a-z]")
UI_WORDS = set("read more see also show related latest top view news click here share comment comments".split())
ORDERS = {"ordered", "orders", "instructed", "instructs"}
COMPANY_NOUNS = set("company firm operator developer producer contractor carrier airline subsidiary".split())
# Companies: "its US-based developer HKN Energy said ... "...," it added" (https://thenational-the-national-prod.
# web.arc-cdn.net/news/mena/2025/07/15/drones-attack-khurmala-oilfield-in-iraqs-kurdish-region): a body, not a person.
BODY |= set("consulate cell energy petroleum asa inc ltd llc plc corp corporation holding holdings airlines airways".split())
# Data and documents: "according to figures the board published" names the board, not the figures.
DATA_NOUNS = set("figures data statistics numbers estimates records".split())
IRREGULAR_PARTICIPLES = set("seen written shown given made done sent put read drawn taken".split())
# Irregular past tenses: the verb after a participle's subject ("An earlier report by Reuters gave no names, pointing
# out that ...", https://www.albawaba.com/news/12-policemen-killed-kirkuk-1502747).
IRREGULAR_PAST = set("""gave put made took held kept left came went got brought found saw knew ran began spoke wrote
    sent set led lost won paid met""".split())
# Before a cue these make it no statement: "did not say", "were told to leave".
CUE_BLOCKERS = set("not n't never was were been being is are be without a an the its".split())     # "a warning sign"
# "falls far short of demand", "his warning", "for comment": a noun after a preposition or a possessive
# (https://www.shafaq.com/en/Iraq-News/Iraq-s-Minister-of-Electricity-submits-his-resignation)
CUE_BLOCKERS |= {"of", "for", "his", "her", "their", "our"}
TITLES = set("""secretary minister prime deputy foreign president vice spokesman spokeswoman spokesperson finance
    interior defence defense oil health education lawmaker opposition mp governor director general ambassador envoy
    senator representative chairman chairwoman chair head chief commander leader mayor judge u.s. us uk un eu
    senior official dr. dr mr. mr mrs. ms. ms sheikh brig. gen. col. lt. colonel state natural resources
    iraqi kurdish turkish iranian american british syrian
    minister's speaker member activist analyst resident residents farmer shopkeeper headteacher lawmaker
    provincial depot owner trade industry dr
    brigadier major lieutenant sergeant admiral marshal corporal""".split())
# Departments in a title before a name ("Minister of Agriculture Begard Talabani"): not part of the name.
DEPARTMENTS = set("""agriculture transport transportation communications electricity water planning trade commerce
    justice culture youth sports tourism labor labour environment housing construction municipalities endowments
    peshmerga displacement migration reconstruction welfare economy science technology irrigation""".split())
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
    basra mosul kirkuk zakho halabja europe london moscow
    province provinces region regions governorate governorates northern southern eastern western central""".split())
PRONOUNS = {"he": "person", "she": "person", "it": "body", "they": "plural", "we": "any", "i": "any"}
OBJECT_PRONOUNS = {"him": "person", "her": "person", "it": "body", "them": "any"}
STOP = set("the a an of in at for its his her their and on to from with by".split())
PREPOSITIONS = set("in of at for from on to by with around near across outside inside across".split())
# Abbreviated titles spaCy would otherwise split at the full stop ("Brig. Gen. Ali Kadhim").
# "according to a statement from the cabinet": the cabinet speaks.
DOCUMENT_NOUNS = set("statement report study survey notice letter document post".split())
# "according to a tweet by the KRG's Ministry of Natural Resources" (http://www.pressreader.com/usa/the-oklahoman/
# 20170929/282119226739512): the author
DOCUMENT_NOUNS |= {"tweet", "communique", "communiqué", "release"}
# A clause opened by one of these holds its own subject ("... after the government promised to pay").
# "as" opens no clause after or before these ("as well as", "such as", "known as", "as many as")
SIGN_NOUNS = set("banner banners placard placards sign signs poster posters slogan slogans billboard billboards graffiti".split())
_SIGN = r"(?:banners?|placards?|signs?|posters?|slogans?|billboards?|graffiti)"
# after the closing mark: an optional verb, a few lower-case modifiers (no participle, no person), the sign noun
_SIGN_AFTER = re.compile(r"[ \t,.]*(?:(?:said|read|reads|says)\s+)?(?:(?:[a-z]+(?<!ing))\s+){0,3}?" + _SIGN + r"\b")
# before the opening mark: the sign noun, maybe "with ... words", then "reading"/"read"/"saying" and maybe a colon
_SIGN_BEFORE = re.compile(r"\b" + _SIGN + r"\s+(?:that\s+)?(?:reading|read|reads|saying|said|says)\s*[:,]?\s*$")
AS_NOT_CLAUSE = {"well", "such", "known", "so", "same", "just", "much", "many", "far", "long", "soon", "regarded", "seen",
                 "described", "identified", "named", "listed", "serving", "served", "acting", "works", "worked", "working"}
SUBORDINATORS = set("after when because while since before until once although though whereas".split())
# Leading words that open an adverbial segment, not a subject.
ADVERBIAL = set("""in on at after before during speaking asked meanwhile however also but and
    separately elsewhere addressing writing responding while when as for regarding about soon shortly
    following amid despite with under since moreover furthermore
    further additionally besides likewise similarly still notably previously accordingly""".split())
# Singular nouns naming one person: "he" and "she" refer back to them ("..., a police officer said. He added").
PERSON_HEADS = set("""officer official source witness resident spokesperson expert observer guard soldier
    member deputy lawmaker citizen man woman""".split())
ROLE_HEADS = set("""director spokesman spokeswoman spokesperson minister head chief leader governor commander
    ambassador envoy chairman chairwoman mayor president secretary manager administrator adviser advisor
    premier""".split())
TIME = set("""on monday tuesday wednesday thursday friday saturday sunday today yesterday tonight later earlier
    also late early this week month morning evening night afternoon""".split())
# Abbreviated months ("according to a tweet by X on Sept. 24", http://www.pressreader.com/usa/the-oklahoman/...)
TIME |= {m + d for m in "jan feb mar apr jun jul aug sep sept oct nov dec".split() for d in ("", ".")}
# Verbs of saying that take a plain object ("confirmed the casualty figures", "announced a curfew", "stressed
# the importance of ..."): statements only with a clause (that, a finite verb) or a quotation.
OBJECT_VERBS = set("""confirmed confirms announced announces revealed reveals disclosed highlighted mentioned
    acknowledged reiterated stressed stresses emphasised emphasized emphasizes suggested suggests charged
    charges assured assures reassured reaffirmed reaffirms underlined underscored""".split())
# "authorities reported a second drone attack in Dohuk" (https://menafn.com/1109812067/...): a report of an event
# is no statement of its own ("reported that ...", "reported the attack killed two" are).
OBJECT_VERBS |= {"reported", "reports"}
ASSURANCES = {"assured", "assures", "reassured"}
# Numbers inside outlet names: "Kurdistan 24 has learned" is no date.
OUTLET_NUMBERS = {"24", "964"}
# Nouns whose "that" clause is someone else's claim: "rejected reports by some outlets that ..." is an act.
REPORT_NOUNS = set("""reports report claims claim allegations allegation assertions rumours rumors accusations
    suggestions speculation""".split())
DETERMINERS = {"a", "an", "the", "his", "her", "its", "their", "this", "that"}
GERUND_PREPOSITIONS = {"despite", "with", "amid", "after", "before", "following"}
CLAUSE_WORDS = {"and", "was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "can"}
# A bare object after an act verb is a clause when a finite verb follows ("denied any request had reached").
FINITE = {"was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "can", "did", "does", "do",
          "should", "might", "must"}
# News outlets: "broadcaster Rudaw said, citing ...", "local media quoted ... as saying".
OUTLETS = set("""agency broadcaster outlet outlets media channel newspaper daily television tv radio website network
    rudaw kurdistan24 k24 shafaq nrt ina reuters afp ap associated press basnews esta 964 pukmedia
    weekly magazine gazette newspapers dailies""".split())
CITING = {"citing", "quoting"}
# capitalised at a sentence's start, never a first name ("As Ortagus told ...", https://www.kurdistan24.net/en/news/6ff33634-...)
NOT_FIRST_NAMES = STOP | SUBORDINATORS | ADVERBIAL | {"as", "but", "and", "if", "so", "then", "also", "yet", "while",
                                                      "when", "where", "why", "how", "what", "which", "who", "said"}
SPEAKER_ADVERBS = {"also", "further", "later", "then", "again", "separately", "meanwhile", "too", "however",
                   # "where activists usually accuse", "teachers often accuse": how often, never who
                   "often", "sometimes", "still", "already", "now", "long", "always", "once"}
LEADING_TIME = {"last", "next", "this", "early", "late", "monday", "tuesday", "wednesday", "thursday", "friday",
                "saturday", "sunday", "today", "yesterday", "earlier", "later"}
SPEAKER_ENDS = {"in", "on", "at", "during", "via", "after", "without", "while", "before", "following", "to", "from"}
NOT_STATEMENT = {"responsibility", "credit"}     # "claimed responsibility" is an act, not a statement
SMALL_WORDS = {"of", "the", "a", "an", "and", "in", "on", "over", "for", "to", "at", "by", "with", "from", "or"}
# "the Iraqi premier" after "Iraqi Prime Minister X" (https://en.abna24.com/news/1744076/...): the same role
SAME_ROLE = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "premier": "prime"}
# Verbs of promising: statements only with a clause, an infinitive or a quotation ("pledged support for the
# protesters, saying ..." is an act whose participle speaks; https://en.mehrnews.com/news/173251/...); "went on to address ..." is
# no speech at all (https://en.mehrnews.com/news/173251/ "He went on to touch upon ..., saying that").
PROMISES = {"pledged", "pledges", "promised", "promises", "vowed", "vows"}
# "The lawmaker called for ..." after "the Second Deputy Speaker of parliament, X": a member of parliament named
# before, though no earlier mention shares the word (https://www.shafaq.com/en/Iraq-News/Al-Zameli-committee-...).
MEMBER_HEADS = {"lawmaker", "legislator", "mp", "parliamentarian", "politician"}
# '“...,” the official added.' after "Akre Mayor X ... X said." (https://www.thebaghdadpost.com/EN/Story/49333/...):
# the person heard last
LATEST_HEADS = MEMBER_HEADS | {"official"}
RELATIVES = {"which", "who"}
# "According to the report": the outlet that published it, not the last body heard (which may deny it).
REPORTS = {"report", "story", "article"}
PARTICIPLE_WORDS = {w for w in CUES["part"] + CUES["partact"] if " " not in w}
# Cue words that are also plural nouns, and the words that make them nouns ("Other reports suggested").
NOUN_CUES = {"reports", "claims", "notes", "charges", "tells"}
NOUN_MAKERS = {"other", "some", "media", "news", "press", "conflicting", "unconfirmed", "initial", "several", "many",
               "these", "those", "such", "similar", "local", "earlier"}
# Words linking a second clause of the same speaker: "..., and he said:", "..., while he indicated that".
LINKS = {"and", "while", "whereas"}
TRAILING_PREPOSITIONS = {"in", "at", "during", "via", "while", "after", "before", "following", "amid"}
TOKEN = re.compile(r"[\w.\-]+", re.UNICODE)


def capitalised(w: str) -> bool:
    return w[:1].isupper() or (w.lower().startswith(NAME_PARTICLES) and w.split("-", 1)[1][:1].isupper())


def name_of(text: str) -> str | None:
    lows = text.lower().split()
    if lows and all(w.strip(":.,") in UI_WORDS for w in lows):
        return None         # "Read More: ..." (https://kurdistanchronicle.com/babat/3089): a site's furniture
    if "," in text and " and " in text.rsplit(",", 1)[1] and text.count(",") >= 1 \
            and not text.rsplit(",", 1)[1].strip().lower().startswith(("the spokes", "a spokes")) \
            and sum(1 for w in text.split() if w[:1].isupper()) >= 4:
        return None         # "X (A), the Y (B) and the Z (C)": a list of bodies, no person
    if " and " in text and not text.lower().startswith(("the ", "a ", "an ")):
        left = text.split(" and ", 1)[0]
        if name_of(left):
            return None     # "Prime Minister Barzani and UN envoy al-Hassan": two people (https://www.kurdistan24.net/en/story/874607/...)
    if "," in text.strip(" ,"):         # "the mayor of Chamchamal, Bakhtiar Salih": the name after the comma
        first, last = (x.strip() for x in text.strip(" ,").rsplit(",", 1))
        if len(last.split()) >= 2 and name_of(last) == last:
            return last
        if last.lower().startswith("the ") and name_of(first) == first and (
                last == last.lower() or any(w.lower() in ROLE_HEADS for w in last.split()[1:3])):
            # "Jutyar Adil, the spokesperson", "Aydin Salim, the Minister of State for ...": the name before its role
            return first
    words = text.replace("’s", "").split()
    k = len(words)
    while k > 0:
        w = words[k - 1].strip(",.")
        low = w.lower()
        if not w or not capitalised(w) or low in TITLES or low in BODY or low in PLACES or low in OCCUPATIONS \
                or low in DEPARTMENTS or low in TIME_NOUNS or low in TIME:     # "On March 18": no name
            break
        k -= 1
    if 2 <= k < len(words) and words[k - 1].isalpha() and words[k - 1].islower() and words[k - 1] not in STOP \
            and any(words[p].lower() in ("in", "at", "from", "near") and all(w.islower() for w in words[p + 1:k])
                    for p in range(1, k - 1)):
        # "The counter-terrorism service in the regional capital Arbil" (https://www.thenews.com.pk/print/1223199-...):
        # a place the lists do not know after "in the ... capital", no person's name
        return None
    if 0 < k <= len(words) - 3 and words[k - 1].lower() == "of" and k >= 2 \
            and words[k - 2].lower().strip(",") in ROLE_HEADS:
        # "the mayor of Soran Kamal Ahmed" (https://www.kurdistan24.net/en/story/28742-...): a place the lists do not
        # know, then the name
        return " ".join(words[k + 1:]).strip(",.")
    if k == len(words) or (k > 0 and words[k - 1].lower() in (*PREPOSITIONS, "and", "&")):
        # "Ministry of Transport and Communications" is a body's name, not a person's; but "MP Sarwa
        # Abdul-Karim of the Kurdistan Democratic Party" names her before the party (https://dev.iraqinews.com)
        m = re.search(r"\s(?:of|from|at|with)\s", text)
        if m and len(text[:m.start()].split()) >= 2:
            return name_of(text[:m.start()])
        return None
    return " ".join(words[k:]).strip(",.")


_AGE = re.compile(r"\d{1,3}-year-old")


def _age_noun(words: list[str]) -> bool:
    """"the 45-year-old", "the 45-year-old father" (https://dev.iraqinews.com/?p=173098): the person just heard."""
    return 2 <= len(words) <= 3 and words[0].lower() == "the" and _AGE.fullmatch(words[1]) is not None \
        and (len(words) == 2 or words[2].isalpha() and words[2].islower())


def _plural_noun(t) -> bool:
    """"officials", "relatives", "witnesses": a lower-case plural that may head a subject."""
    w = t.text
    return w.isalpha() and w.islower() and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "ous")) \
        and w not in FINITE and w not in CUE_WORDS_EN and w not in ("this", "always", "perhaps", "sometimes", "thus",
                                                                   "besides", "whereas", "towards", "afterwards")


def _bare_but(doc, k: int) -> bool:
    """"... were fighters of the PKK but officials in Sulaimaniyah said ...": "but" with no comma before it, after a
    word that ends a clause (not "all but", "nothing but", "not only ... but")."""
    return doc[k].lower_ == "but" and k >= 3 and (doc[k - 1].text == ")" or doc[k - 1].text.isalpha()) \
        and doc[k - 1].lower_ not in ("all", "nothing", "anything", "none", "everything", "last", "anyone", "no", "one") \
        and k + 1 < len(doc) and (doc[k + 1].lower_ in ("the", "a", "an") or doc[k + 1].text[:1].isupper()
                                  or _plural_noun(doc[k + 1]))
    # a subject after it, not a verb ("did not deny ... but declined to give ...")


def _sign_words(text: str) -> bool:
    """"another placard", "a white banner with red lettering": a sign as the subject (not "a man holding a sign")."""
    words = text.lower().rstrip(".,").split()
    if not words or len(words) > 8:
        return False
    k = next((i for i, w in enumerate(words) if w in SIGN_NOUNS), None)
    return k is not None and k <= 3 and not any(w.endswith("ing") or w in PREPOSITIONS for w in words[:k])


def _clause_opener(doc, k: int, i: int) -> bool:
    """A word that opens a clause inside a would-be subject: "after", "when", ..., and "where" ("The rally took place
    in a region where activists accuse ...", https://dev.iraqinews.com/?p=173098) or "as" after a verb ("It also comes
    as a member of the Kurdistan parliament reported that ...", https://rudaw.net/english/kurdistan/270320185-amp); not
    "as well as", "such as", "known as"."""
    low = doc[k].lower_
    if low in SUBORDINATORS or low in ("where", "whereby"):
        return True
    return low == "as" and k > i and doc[k - 1].text.isalpha() and doc[k - 1].text.islower() \
        and doc[k - 1].lower_ not in AS_NOT_CLAUSE and k + 1 < len(doc) and doc[k + 1].lower_ not in AS_NOT_CLAUSE


def subject(doc, i: int, j: int, cut_verb: bool) -> tuple[int, int] | None:
    nl = max((k for k in range(i, j) if "\n" in doc[k].text or "\n" in doc[k].whitespace_), default=None)
    if nl is not None and nl + 1 < j and any(c.isdigit() for t in doc[i:nl + 1] for c in t.text):
        i = nl + 1      # "Voice of America - Sat, 09/23/2017 - 02:25\nA senior Kurdish official said" (http://www.
        #                 point62consulting.com/aggregator/categories/2?page=1): a source-and-time line is no subject
    while i < j and not doc[i].text.strip():
        i += 1
    sub = max((k for k in range(i, j) if _clause_opener(doc, k, i)), default=None)
    if sub is not None and 0 < j - sub - 1 <= MAX_SPEAKER_TOKENS and j < len(doc) and not is_punct(doc[j]) \
            and not any(doc[k].text in (",", ";") for k in range(sub + 1, j)):
        i = sub + 1             # "..., after the Kurdistan Regional Government promised to pay"
    but = max((k for k in range(i + 1, j - 1) if doc[k].lower_ in ("but", "yet", "however")
               and (doc[k - 1].text in (",", ";") or k - i >= 3 and _bare_but(doc, k))), default=None)
    if but is not None:
        i = but + 1             # "The statement gave no details, but a security source told ..." (Kurdistan24)
    if doc[i].lower_ in ("no", "nobody", "none", "neither"):
        return None             # "No group had claimed ...": nobody speaks
    segs = []
    skipped = False
    for a, b in segments(doc, i, j):
        if skipped and a < b and doc[a].lower_ in ("and", "or") and b < j:
            continue                # "With elections set for May, and the drawdown due in June, the official told"
        skipped = False
        a, b = strip(doc, a, b, lead={"and", "but", "while", "meanwhile"})
        while a < b and doc[a].lower_ in LEADING_TIME:
            a += 1                  # "Last Thursday world news agencies reported"
        if a + 2 < b and doc[a].lower_ in ("on", "in", "at", "by", "during") and doc[a + 1].lower_ in TIME | TIME_NOUNS:
            k = a + 1               # "On Sunday morning the governor of Duhok said" (no comma after the time phrase)
            while k < b and (doc[k].lower_ in TIME | TIME_NOUNS or doc[k].text.isdigit()) and doc[k].lower_ != "on":
                k += 1
            if k < b and (doc[k].lower_ in ("the", "a", "an") or doc[k].text[:1].isupper()):
                a = k
        if a >= b or all(doc[k].lower_ in TIME or doc[k].lower_ in TIME_NOUNS or doc[k].text.isdigit() for k in range(a, b)):
            continue                # "Earlier this month, the government accused ..." (https://www.daily8.com/en/article/
            #                         310fc4267784a749a5b256a3923f6341): a time phrase, never the subject
        first = doc[a]
        if first.lower_ in ADVERBIAL and first.lower_ not in ("and", "but") or first.lower_ in ("who", "which", "whose") \
                or (first.lower_.endswith("ing") and first.lower_ not in PRONOUNS and a == i and b < j) \
                or (first.text.islower() and first.lower_.endswith("ing") and b < j and a + 1 < b
                    and doc[a + 1].lower_ == "that") \
                or (b < j and first.lower_ in SUBORDINATORS | {"if", "unless"}):
            # also "Although no exact date was confirmed, X spokesperson Name assured that" (https://gulanmedia.com/...)
            skipped = True          # also "However, noting that ..., he said" (https://falahtrading.com/d3407856.html)
            continue
        segs.append((a, b))
    if not segs:
        return None
    if len(segs) >= 2 and any(doc[k].lower_ == "and" for k in range(*segs[-1])) \
            and all(doc[c].lower_ == "the" or doc[c].text[:1].isupper() for c, _ in segs) \
            and all(not (t.lower_ in FINITE or (t.text.islower() and t.text.endswith("ed"))) for c, d in segs for t in doc[c:d]) \
            and segs[-1][1] - segs[0][0] <= 2 * MAX_SPEAKER_TOKENS \
            and all(doc[d - 1].text == ")" or doc[d - 1].text[:1].isupper() for c, d in segs):
        # "The Kurdistan Justice Group (Komal), the Kurdistan Islamic Union (KIU) and the People’s Front (Baray Gal)
        # said ..." (https://gulanmedia.com/en/story/330714/...): a list of bodies speaking together
        return segs[0][0], segs[-1][1]
    if len(segs) >= 3 and all(all(t.text[:1].isupper() for t in doc[c:d] if not is_punct(t)) for c, d in segs[1:-1]) \
            and name_of(text_of(doc, *segs[-1])) == text_of(doc, *segs[-1]):
        # "Chairwoman of the Democratic Federal System for Rojava – Northern Syria, Hadiya Yousef announced"
        # (https://english.aawsat.com/node/1034516): a place continues the role; the name comes last
        segs = [segs[0], segs[-1]]
    a, b = segs[0]
    if b < j and doc[b].text in ("–", "—", "-") and doc[b - 1].text[:1].isupper():
        # "The administration of X district on the Iraqi – Turkish border said" (https://www.iraqinews.com/iraq-war/
        # turkish-warplanes-renew-bombarding-iraqi-kurdish-villages/): a dash inside a place phrase cut the subject;
        # the phrase is no part of the speaker
        p = max((k for k in range(a + 2, b) if doc[k].lower_ in ("on", "in", "at", "near", "along", "across")), default=None)
        if p is not None and all(doc[k].lower_ in ("the", "a") or doc[k].lower_ in PLACES or doc[k].lower_ in TITLES
                                 for k in range(p + 1, b)):
            b = p
    if len(segs) >= 2:
        c, d = segs[1]
        while d > c + 1 and doc[d - 1].lower_ in ("has", "have", "had"):
            d -= 1          # "An organizer of X, Abdullah  Mohammed has said" (https://sofrep.com/news/krg-employees-...)
        name = " ".join(text_of(doc, c, d).split())     # a double space typed inside the name
        role = doc[b - 1].lower_ in ROLE_HEADS or (b - a <= 6 and any(
            doc[k].lower_ in ROLE_HEADS and doc[k + 1].lower_ in ("of", "for") for k in range(a, b - 1)))
        if role and (all(t.text[:1].isupper() for t in doc[c:d] if not is_punct(t))
                     or name_of(name) == name.strip()):   # "Zainab al-Rikabi"
            # "the minister, Hawre Jalal", "the governor of Halabja, Azad Tofiq": keep the role, it links
            # later mentions of it ("the governor noted", https://en.irna.ir/news/83380450)
            b = d
        elif d - c >= 2 and name_of(name) == name and name_of(text_of(doc, a, b)) is None:
            a, b = c, d
        elif d - c == 1 and doc[c].text[:1].isupper() and name_of(name) == name \
                and all(t.text.islower() for t in doc[a:b]):
            a, b = c, d         # "one of the detained protesters, Muntadhar, said" (https://rudaw.net/english/middleeast/iraq/06102019)
        elif 1 <= d - c <= 6 and b - a <= 4 and doc[b - 1].text.isalpha() and doc[b - 1].text.islower() \
                and any(t.text in ("’s", "'s") or t.lower_ in ("its", "his", "her", "their") for t in doc[a:b - 1]) \
                and all(t.text[:1].isupper() for t in doc[c:d] if not is_punct(t)):
            a, b = c, d         # "Omar’s party, Komal, said" (https://rudaw.net/english/kurdistan/270320185-amp): the
            #                     name after a possessive description
        elif 2 <= d - c <= 4 and doc[c].lower_ == "the" and doc[d - 1].lower_ in ROLE_HEADS \
                and all(t.text.islower() for t in doc[c:d]) and name_of(text_of(doc, a, b)) == text_of(doc, a, b):
            # "Jutyar Adil, the spokesperson, said": the role stays with the name, it links "the government
            # spokesman" later (https://www.kurdistan24.net/en/story/25565)
            b = d
    rel = next((k for k in range(a + 1, b) if doc[k].lower_ in ("who", "which", "whose")), None)
    if rel is not None:
        b = rel                 # "A police officer who asked not to be named said" (https://theworldnews.net/...)
    for k in range(a + 2, b - 1):
        if doc[k].lower_ in ("a", "an") and doc[k - 1].text[:1].isupper() \
                and name_of(text_of(doc, a, k)) == text_of(doc, a, k).strip():
            b = k               # "Faris Hajji a Yazidi activist says" (http://kirkuknow.com/english/?p=21398)
            break
    for k in range(a + 1, b - 1):
        t = doc[k]
        prev = doc[k - 1].lower_
        if t.text.islower() and "-" not in t.text and prev not in STOP and not is_punct(doc[k - 1]) \
                and (t.text.endswith(("ed", "ing")) or t.text in IRREGULAR_PARTICIPLES) \
                and t.text not in ("armed", "united") and doc[k - 1].text[:1].isalpha():
            b = k               # "a study published last year", "an officer taking part in ..."
            break
    finite = next((k for k in range(a + 1, b) if doc[k].text in FINITE), None)
    if finite is not None:
        b = finite      # "The KRG has denied that", "X was more cautious, telling ... that": no verb in a speaker
    if cut_verb:
        for k in range(a + 1, b):
            t = doc[k].text
            if t.islower() and (t.endswith("ed") or doc[k].lower_ in CUES["say"] or t in IRREGULAR_PAST) \
                    and t not in ("armed", "united"):
                b = k
                break
    a, b = strip(doc, a, b, lead={"and", "but"}, trail=TIME)
    while b > a + 1 and (doc[b - 1].lower_ in SPEAKER_ADVERBS or (doc[b - 1].text.islower() and doc[b - 1].text.endswith("ly"))):
        b -= 1                      # "A security source anonymously", "He further"
    k = a + (1 if doc[a].lower_ in ("a", "an", "the") else 0)
    while k < b and doc[k].lower_ in ("brief", "short", "new", "joint", "written", "official", "earlier", "latest",
                                      "initial", "previous", "separate", "later", "second", "final", "preliminary",
                                      "updated", "fresh"):
        k += 1
    if k + 2 < b and (doc[k].lower_ in DOCUMENT_NOUNS or doc[k].lower_ in COUNT_NOUNS) \
            and doc[k + 1].lower_ in ("from", "by", "of"):
        # "A statement from the provincial police said", "An earlier report by AFP", "A later count by the civil
        # defence put the toll at ..." (https://www.albawaba.com/news/12-policemen-killed-kirkuk-1502747): the author
        a = k + 2
    if b - a > MAX_SPEAKER_TOKENS and name_of(text_of(doc, b - MAX_SPEAKER_TOKENS, b)):
        # "Deputy Director General of the Irrigation and Drainage Projects Authority Haider al-Mousawi told"
        # (https://en.964media.com/41064/): a title too long to keep whole, the name at its end
        a = b - MAX_SPEAKER_TOKENS
    doc_k = next((k for k in range(a + 1, b - 1) if doc[k].lower_ in DOCUMENT_NOUNS and capitalised(doc[k - 1].text)
                  and doc[k + 1].lower_ in ("last", "on", "about", "into", "this", "earlier", "published", "issued",
                                            "released")), None)
    if doc_k is not None:
        b = doc_k + 1       # "A US State Department report last year on human rights in Kurdistan said" (https://newarab.com/
        #                     News/2021/5/4/...): the document and its author, not what it is about
    if b - a >= 3 and doc[b - 1].lower_ in DOCUMENT_NOUNS | {"ruling", "verdict", "decision"} and doc[b - 2].text in ("’s", "'s"):
        b -= 2              # "The court’s ruling also alleged that" (https://esta.krd/en/74351): its author speaks
    if b - a >= 2 and doc[b - 1].lower_ in DOCUMENT_NOUNS and doc[b - 1].lower_ not in REPORTS \
            and (doc[b - 2].lower_ in BODY or (doc[b - 2].text[:1].isupper() and doc[b - 2].lower_ not in ("the", "a", "an"))):
        b -= 1      # "A ministry statement said that ..." (https://www.kurdistan24.net/en/story/22592-...): the ministry
    det = next((k for k in range(a + 1, min(b - 1, a + 7)) if doc[k].text in ("The", "A", "An")), None)
    if det is None and a + 1 < b and doc[a].text.isupper() and doc[a].lower_ in PLACES and doc[a + 1].text[:1].isupper():
        det = a + 1     # "ERBIL Officials said": a capitalised city glued to the subject
    if det is not None and det - a > 3 and not (doc[a + 1].text == "(" and doc[det - 1].text == ")"):
        det = None      # beyond three words only "Place (Outlet) The ...", a bracketed outlet
    if det is not None and all((doc[k].text[:1].isupper() and not is_punct(doc[k])) or a < k < det and (
            doc[a + 1].text == "(" and doc[det - 1].text == ")") for k in range(a, det)):
        # also "Baghdad (IraqiNews.com) The administration of ..." (https://www.iraqinews.com/iraq-war/...)
        a = det     # "Sulaymaniyah The Ministry of Health ... has warned" (https://www.iraqnewsgazette.com/krgs-ministry-
        #             of-health-warning-the-health-condition-is-very-serious/): a dateline with no dash, the subject after it
    if a >= b or b - a > MAX_SPEAKER_TOKENS:
        return None
    return a, b


class EnglishRules(StatementRules):
    code = "en"
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
    complementizers = frozenset({"that"})
    coordinators = frozenset({"and"})
    follow_adverbs = frozenset({"also", "then", "later", "further", "once", "again"})
    clause_links = frozenset(LINKS - {"and"} | {"but", "yet"})     # "but" ends no statement's content
    clause_subjects = frozenset({"he", "she", "it", "they"})
    bare_part_clause = True
    strict_back_reference = True
    outlets = frozenset(OUTLETS)
    document_nouns = frozenset(DOCUMENT_NOUNS)
    time_words = frozenset(TIME - {"on", "also", "this", "late", "early"} | {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december"} - {"may"})

    def attribute(self, sent: Sentence, cue: Cue) -> Attribution | None:
        doc = sent.doc
        n = len(doc)
        word = doc[cue.start].lower_
        if cue.end < n and doc[cue.end].lower_ in NOT_STATEMENT:
            return None
        if cue.start > sent.lead and cue.end < n and doc[cue.start].text[:1].isupper() \
                and doc[cue.start - 1].text[:1].isupper() and doc[cue.start - 1].text.isalpha():
            return None             # "the movement's leader, Omar Said Ali", "the United States": a name, no verb
        if word in NOUN_CUES and cue.start > 0 and doc[cue.start - 1].lower_ in NOUN_MAKERS:
            return None             # "Other reports suggested ..." (Kurdistan24): the noun, the verb comes later
        if word in NOUN_CUES and any(doc[k].lower_ in ("on", "over", "of", "face", "faces", "faced", "facing", "against",
                                                       "under", "with", "on") and all(doc[j].text.islower() for j in range(k, cue.start))
                                     for k in range(max(sent.lead, cue.start - 4), cue.start)):
            return None             # "sentenced ... on national security charges" (https://esta.krd/en/74351): a noun
        if word == "went" and cue.end < n and doc[cue.end].lower_.endswith("ing") \
                and doc[cue.end].lower_ not in PARTICIPLE_WORDS:
            return None             # "went on selling crude" (went on doing): no speech; "went on saying" speaks
        if word == "went" and cue.end < n and sent.frame[cue.end] and doc[cue.end].lower_ not in ("to", "that") \
                and doc[cue.end].lower_ not in PARTICIPLE_WORDS and doc[cue.end].text not in (",", ":"):
            return None             # "Protests went on in Erbil on Monday" (https://www.thenationalnews.com/world/mena/
            #                         iraqi-kurdish-authorities-use-force-to-contain-public-discontent-1.716331): no speech
        if word in ("put", "puts") and not (cue.end + 1 < n and doc[cue.end].lower_ == "at"):
            return None             # "put the number of ... at": only a figure given straight after
        if word in ("warned", "warns", "warn", "cautioned") and cue.end < n and doc[cue.end].lower_ not in ("of", "that"):
            stop = next((k for k in range(cue.end + 1, min(n, cue.end + 5))
                         if doc[k].lower_ in ("to", "of", "that", "against") or is_punct(doc[k])), None)
            if stop is not None and doc[stop].lower_ == "to":
                return None         # "warned motorists to slow down" (https://northerniraq.info/...): advice, no content
        if word in ORDERS and not any(not sent.open[k] for k in range(cue.end, min(n, cue.end + 12))):
            return None             # "Iraq has ordered its forces to ..., X said": an order with no quotation is an act
        if word in ("learned", "learnt"):
            return self._learned(sent, cue)
        relative = self._relative_attribution(sent, cue)
        if relative is not None:
            return relative
        if word == "claimed" and not (cue.end < n and doc[cue.end].lower_ == "that") and all(sent.frame) \
                and not self._verb_before_break(sent, cue.end + 1, n):
            return None             # "no group claimed the attack": an act ("claimed the raid killed ..." claims)
        left_start = frame_run(sent, cue.start - 1, -1) + 1
        right_end = frame_run(sent, cue.end, 1)
        after_quote = left_start > sent.lead
        if cue.cls == "per":
            return self._according_to(sent, cue, right_end)
        if word in ("quoted", "cited", "cites"):
            return self._quoted_as_saying(sent, cue, right_end)
        lead = sent.lead
        as_end = cue.end
        if cue.start >= lead + 2 and doc[lead].lower_ == "as" and word in ("told", "tells") and cue.end < n:
            as_end = self._past_addressee(sent, cue, frame_run(sent, cue.end, 1))   # "As Ortagus told Kurdistan 24, the
            #                                                   US intends ..." (https://www.kurdistan24.net/en/news/6ff33634-...)
        if cue.start >= lead + 2 and doc[lead].lower_ == "as" and as_end < n and doc[as_end].text == "," \
                and all(sent.frame[lead:cue.start]) and cue.cls == "say":
            # "As the minister said, the chance of ... is small" (https://chelorg.com/2017/11/17/...): the clause
            # after the comma is what was said
            a, b = strip(doc, lead + 1, cue.start, trail=TIME)
            if a < b:
                pronoun = PRONOUNS.get(doc[a].lower_) if b - a == 1 else None
                return Attribution(cue, sent.span(a, b), pronoun, content(sent, as_end + 1, n), None, clause=True)
        left = strip(doc, left_start, cue.start)
        cut = cue.cls in ("part", "partact") or (cue.start > 0 and doc[cue.start - 1].lower_ == "and")
        if cue.cls in ("part", "partact"):
            if after_quote and not (cue.end < n and doc[cue.end].lower_ == "that" and sent.frame[lead]
                                    and doc[lead].text[:1].isupper()):
                return None     # '"... will suffer," adding, "..."': the quotation's speaker goes on
            # 'X pointed to plans meant to "...", warning that ...': a fragment inside the sentence; the
            # participle's clause is a statement of the sentence's subject
            left = strip(doc, 0, cue.start)
        speaker = None
        pronoun = None
        said = None
        clause = False
        # Content after the cue, past a "that" within reach.
        that = None
        if cue.end + 2 < right_end and doc[cue.end].text == ",":
            # 'He also said, in remarks to the press after meeting the envoy, that ...': a phrase between commas
            close = next((k for k in range(cue.end + 2, min(right_end - 1, cue.end + 16)) if doc[k].text == ","), None)
            if close is not None and doc[close + 1].lower_ == "that" \
                    and not any(doc[k].lower_ in FINITE for k in range(cue.end + 1, close)):
                that = close + 1
        for k in range(cue.end, min(right_end, cue.end + 8) if that is None else cue.end):
            if doc[k].lower_ == "that":
                that = k
                break
            if doc[k].lower_ in CLAUSE_WORDS or doc[k].lower_ in PARTICIPLE_WORDS:
                break       # "said Iraq rejects ..., adding that": that "that" is the participle's
            if cue.cls in ("claim", "act", "appeal") and (doc[k].lower_ in ("a", "an", "the", "for", "of", "on")
                                                          or is_punct(doc[k]) or doc[k].lower_ in REPORT_NOUNS):
                break       # "blamed the board for a fire that ...", "rejected reports ... that": the object
        colon = False
        from_document = False
        if that is not None and cue.cls == "say" and that + 4 < n and doc[that + 1].text == "," \
                and doc[that + 2].lower_ == "according" and doc[that + 3].lower_ == "to":
            # "He noted that, according to estimates from the Defense Ministry, 400 fighters remain" (https://en.
            # abna24.com/news/1744076/...): the source he passes on speaks, as with "citing"
            per = Cue(cue.sent, that + 2, that + 4, "per")
            passed = self._according_to(sent, per, frame_run(sent, per.end, 1))
            if passed is not None and passed.speaker is not None and passed.content is not None \
                    and passed.content[0] > sent.span(per.start, per.end)[1] \
                    and sent.doc.text[passed.speaker[0] - sent.start:passed.speaker[1] - sent.start].lower() \
                    not in OBJECT_PRONOUNS:
                return passed
        if that is not None:
            said, clause = content(sent, that + 1, n), True
        elif cue.end < n and doc[cue.end].text == ":":
            said, colon = content(sent, cue.end + 1, n), True      # 'told reporters: The harvest starts today'
        else:
            said = content(sent, cue.end, n, skip=TIME)
            k = self._past_addressee(sent, cue, right_end)
            if k < n and doc[k].text == ":":
                said, colon = content(sent, k + 1, n), True
            elif k > cue.end and self._quote_next(sent, k, right_end):
                said = content(sent, k, n)      # 'said in a press conference, "..."': the channel is no content
            elif word in OBJECT_VERBS and k < right_end and doc[k].text[:1].isupper() \
                    and any(doc[j].lower_ == "as" for j in range(k + 1, min(right_end, k + 4))) \
                    and not any(doc[j].lower_ in FINITE for j in range(k, min(right_end, k + 4))):
                said = None         # "the KRG announced Halabja as the fourth governorate" (https://esta.krd/en/93492/)
            elif word in ("told", "tells", "tell") and k < right_end and doc[k].lower_ in ("of", "about"):
                said = None         # "told the Security Council today of the progress Iraq has made": a noun object
            elif word in OBJECT_VERBS and k < right_end and doc[k].text[:1].islower() \
                    and not self._verb_before_break(sent, k + 1, right_end) \
                    and not (word in ASSURANCES and any(t.lower_ == "of" for t in doc[k:k + 4])):
                said = None         # "Medical officials confirmed the casualty figures": an object, no clause
            elif cue.cls == "act" and cue.end < n and doc[cue.end].lower_ in REPORT_NOUNS:
                pass                # "rejected reports by some outlets that ...": the clause is the reports'
            elif (word in PROMISES and cue.end < n and doc[cue.end].lower_ != "to") \
                    or (word in ("went", "responded", "responds", "replied", "answered")
                        and cue.end < n and doc[cue.end].lower_ == "to"):
                said = None         # "pledged support for ..." ("promised to pay" promises), "went on to address ...",
                #                     "responded to a story published by ..." (the story's claim is its own)
            elif cue.cls == "say" or cue.cls == "act" and (
                    self._finite_before_break(sent, cue.end + 1, right_end)
                    or (word in ("denied", "denies", "deny") and cue.end < n and doc[cue.end].lower_.endswith("ing"))):
                clause = True       # "denied any request had reached", "denied cutting supplies"
        if left[0] < left[1]:
            words = [t for t in doc[left[0]:left[1]] if not is_punct(t)]
            if len(words) == 1 and words[0].lower_ in PRONOUNS:
                pronoun = PRONOUNS[words[0].lower_]
                speaker = sent.span(left[0], left[1])
            elif len(words) == 2 and words[0].lower_ == "the" and words[1].lower_ in DOCUMENT_NOUNS:
                pronoun = "document"    # "the statement said": the body whose statement it is
                speaker = sent.span(left[0], left[1])
            else:
                k = self._past_addressee(sent, cue, right_end)
                parenthetical = (k >= right_end or doc[k].text in (",", ".", ";")) \
                    and (that is None or that > k + 1) and not self._quote_next(sent, k, right_end)
                # "X said in a post on X, that if ..." (https://ninanews.com/Website/News/Details?key=983292): the
                # comma before "that" does not make the attribution parenthetical
                if not parenthetical and (that is None or that > k) and k < right_end \
                        and doc[k].lower_ in TRAILING_PREPOSITIONS and not any(t.lower_ in FINITE or t.lower_ == "that" for t in doc[k:right_end]):
                    # "Iraq has ordered ..., Prime Minister X said on Monday in a rare public warning to the
                    # factions." (http://www.washingtonpost.com/wp-dyn/content/article/2006/10/24/AR2006102400204.html)
                    parenthetical = True
                inverted = self._inverted_after_comma(sent, cue, right_end)
                if inverted is not None:
                    # "The dust will clear by Tuesday, said the director of the weather office."
                    speaker = sent.span(*inverted)
                    said, clause = content(sent, sent.lead, cue.start), True
                elif (not after_quote or (len(segments(doc, left[0], left[1])) >= 2 and doc[left[0]].lower_ in (
                        "by", "in", "at", "for", "from", "with", "to", "on", "over", "against", "after", "before",
                        "near", "outside", "inside", "around", "along", "across", "between")))\
                        and parenthetical and cue.cls == "say":
                    # also after a quoted fragment: 'X was "planned, armed and directed" by militias, White
                    # House spokesman John Kirby said' (https://drawmedia.net/en/iraq?page=6)
                    # "..., the minister said on Saturday." / "The court, the ministry said, ruled ...":
                    # the speaker is the last comma segment before the verb.
                    segs = segments(doc, left[0], left[1])
                    a, b = strip(doc, *segs[-1], trail=TIME)
                    while b > a + 1 and doc[b - 1].lower_ in ("has", "have", "had"):
                        b -= 1      # "..., a cousin of the dead men has told Rudaw.": no verb in a speaker
                    if len(segs) >= 3 and (doc[a].lower_ in ("the", "a", "an") or doc[a].lower_ in ROLE_HEADS) \
                            and any(doc[k].lower_ in ROLE_HEADS for k in range(a, min(b, a + 4))):
                        c, d = strip(doc, *segs[-2])
                        if c < d and name_of(text_of(doc, c, d)) == text_of(doc, c, d):
                            # "..., Aydin Maruf Salim, the Minister of State for ..., told Report." (https://
                            # xalqqazeti.az/en/dunya/160221-...): the name, with its role after it
                            a = c
                    b = next((j for j in range(a + 1, b) if doc[j].lower_ in ("who", "which", "whose")), b)
                    if len(segs) >= 2 and a < b:
                        speaker = sent.span(a, b)
                        if b - a == 1 and doc[a].lower_ in PRONOUNS:
                            pronoun = PRONOUNS[doc[a].lower_]   # "The stalemate has ..., he added, warning that"
                        if b - a == 2 and doc[a].lower_ == "the" and doc[a + 1].lower_ in DOCUMENT_NOUNS:
                            pronoun = "document"    # "..., the statement said, calling on ..."
                        if k < right_end and doc[k].text == "," and k + 2 < n \
                                and doc[k + 1].lower_ not in ("without", "citing", "quoting", "according", "in", "but") \
                                and not doc[k + 1].lower_.endswith("ing"):
                            said = content(sent, sent.lead, n)      # the attribution sits inside the sentence
                        else:
                            said = content(sent, sent.lead, segs[-1][0])
                        clause = True
                if speaker is None:
                    sub = subject(doc, left[0], left[1], cut)
                    if sub is not None:
                        speaker = sent.span(*sub)
                        if sub[1] - sub[0] == 1 and doc[sub[0]].lower_ in PRONOUNS:
                            pronoun = PRONOUNS[doc[sub[0]].lower_]    # "In a statement, it said ..."
                        elif sub[1] - sub[0] == 2 and doc[sub[0]].lower_ == "the" and doc[sub[0] + 1].lower_ in DOCUMENT_NOUNS:
                            pronoun = "document"
        elif after_quote or cue.start == 0 or left_start == cue.start:
            # Inverted: "...," said Leyla Demir, a spokeswoman for ... / said ministry spokesman Hiwa Karim.
            a, b = cue.end, cue.end
            bracketed = 0
            while b < right_end and doc[b].text not in (",", ".", ";", ":") and b - a - bracketed < 8 \
                    and not (b > a + 1 and doc[b].lower_ in SPEAKER_ENDS) \
                    and not (b > a + 1 and doc[b].lower_ in ("a", "an") and name_of(text_of(doc, a, b)) == text_of(doc, a, b)):
                # 'said Daban Muhammad a member of the movement' (https://gorran.net/en/Details_hawal.aspx?jimare=119):
                # a name, then its description with no comma
                close = next((k for k in range(b + 1, min(right_end, b + 4)) if doc[k].text == ")"), None) \
                    if doc[b].text == "(" else None
                if close is not None:
                    # 'said Kurdistan Regional Government (KRG) spokesman X.' (https://kurdpress.com/en/news/1475/...)
                    bracketed += close + 1 - b
                    b = close + 1
                    continue
                b += 1
            if b - a - bracketed >= 8 and b < right_end and capitalised(doc[b].text) and capitalised(doc[b - 1].text):
                # 'said CPJ Middle East and North Africa Representative Ignacio Miguel Delgado.' (https://www.iraq-
                # businessnews.com/2021/02/18/...): a long title cut inside the name; the name at its end speaks
                e = b
                while e < right_end and e - b < 4 and capitalised(doc[e].text) and not is_punct(doc[e]):
                    e += 1
                nm = name_of(text_of(doc, max(a, e - 5), e))
                if nm and len(nm.split()) >= 2:
                    a, b = e - len(nm.split()), e
            a, b = strip(doc, a, b, trail=TIME)
            if b - a == 2 and doc[a].lower_ in ("a", "an", "the") and doc[a + 1].lower_ in DOCUMENT_NOUNS \
                    and b + 1 < right_end and doc[b].lower_ in ("from", "by", "of"):
                # '"...," read a statement from the party.' (https://www.daily8.com/en/article/58592dd9d8afad33bbf03de7144f39cb):
                # the document's author
                c = b + 1
                while c < right_end and not is_punct(doc[c]) and c - b <= 8 \
                        and not (c > b + 1 and doc[c].text.islower() and doc[c].text.endswith(("ed", "ing"))):
                    c += 1      # not "... from the Ministry of Defense released by state media"
                a, b = strip(doc, b + 1, c, trail=TIME)
                from_document = True
            elif b - a > 3 and doc[a].lower_ in ("a", "an", "the") and doc[a + 1].lower_ in DOCUMENT_NOUNS \
                    and doc[a + 2].lower_ in ("from", "by", "of"):
                a, from_document = a + 3, True      # '"...," said a statement by the council on Monday.'
            if a < b and (doc[a].text[:1].isupper() or doc[a].lower_ in ("the", "a", "an", "one", "another")
                          or name_of(text_of(doc, a, b))):
                # also '"...,” said one teacher, who asked not to be named' (https://www.thenationalnews.com/...)
                speaker = sent.span(a, b)
                if b - a == 1 and doc[a].lower_ in PRONOUNS:
                    pronoun = PRONOUNS[doc[a].lower_]
                said = None
                if not after_quote and left_start == cue.start and cue.start > sent.lead:
                    said, clause = content(sent, sent.lead, cue.start), True   # 'The dust will clear, said X.'
        if word in ("added", "adds") and speaker is not None and pronoun is None \
                and doc[sent.token_at(speaker[0])].text == "The":
            text = sent.doc.text[speaker[0] - sent.start:speaker[1] - sent.start]
            words = text.split()
            if 3 <= len(words) <= 8 and words[1].lower() in ROLE_HEADS and name_of(text) is None \
                    and any(w[:1].isupper() for w in words[2:]):
                # 'The Head of the Regional Government added, "..."' after "The Prime Minister of X, Name, said"
                # (https://shafaq.com/en/Kurdistan/Masrour-Barzani-We-conveyed-...): a formal title going on
                # speaking is the person heard just before
                pronoun = "person"
        if word in ("read", "reads") and pronoun != "document" and not from_document:
            return None             # 'a sign read "..."': only a document reads out what its author says
        if speaker is not None and pronoun is None and _sign_words(
                sent.doc.text[speaker[0] - sent.start:speaker[1] - sent.start]):
            return None             # '“Stand with our people in Kirkuk,” said another placard.' (https://dev.iraqinews.com/
            #                         ?p=173098): a sign, a banner or a slogan says nothing of anyone's
        if speaker is None and pronoun is None:
            return None
        if said is not None and said[0] >= sent.start:
            said_text = sent.doc.text[sent.span(cue.start, cue.end)[1] - sent.start:said[1] - sent.start]
            if "\n" in said_text and not re.search(r"[^\W\d_]", said_text.split("\n", 1)[0]):
                return None         # 'He added,...\nCategories: Iraq' (http://www.point62consulting.com/aggregator/...):
                #                     what follows the cue is on another line, page furniture
        if speaker is not None and pronoun is None and any(
                doc[k].text in FINITE for k in range(sent.token_at(speaker[0]), sent.token_at(speaker[1]))):
            return None             # a speaker never holds a verb ("Journalists X ... were sentenced ... on ... charges"):
            #                         a clause read as a speaker; better no statement than a wrong speaker
        if speaker is not None and pronoun is None:
            txt, s0, s1 = sent.doc.text, speaker[0] - sent.start, speaker[1] - sent.start
            c0 = sent.span(cue.start, cue.end)[0] - sent.start
            if s0 > 0 and txt[s0 - 1] in "“\"‘'«" and s1 <= c0 and re.search(r"[,.!?]\s*[”\"’'»]|[”\"’'»]\s*,", txt[s1:c0]):
                return None         # '“Stand with our people in Kirkuk,” said another placard': a quoted clause is
                #                     never a speaker (https://dev.iraqinews.com/?p=173098)
        if cue.cls == "part" and said is not None and not colon:
            # "The governor visited the camp, saying ...", "X called the situation a failure, accusing Y of Z"
            # (https://shafaq.com/amp/en/society/No-way-home-Yazidis-mark-11-years-of-displacement): the participle
            # heads the sentence's only statement; its bare clause or object is what was said or claimed
            clause = True
        if word in ("put", "puts") and said is not None:
            said = (sent.span(cue.start, cue.end)[0], said[1])  # "put the toll at six": the figure given is the claim
        att = Attribution(cue, speaker, pronoun, said, None, clause=clause, colon=colon)
        self._citing(sent, cue, att, right_end)
        return att

    def follow_on(self, sent: Sentence, cue: Cue, parent: Attribution | None) -> Attribution | None:
        """A participle continues its clause's speaker, unless it has a subject of its own ("..., despite
        the federal government saying on Thursday that ...")."""
        doc = sent.doc
        j = cue.start - 1
        while cue.cls in ("part", "partact") and j >= 0 and cue.start - j <= 3 and not is_punct(doc[j]) \
                and doc[j].lower_ not in DETERMINERS and doc[j].lower_ not in STOP and doc[j].text.islower():
            j -= 1
        if cue.cls in ("part", "partact") and j >= 0 and cue.start - j <= 3 and doc[j].lower_ in DETERMINERS:
            return None         # "in a rare public warning to the factions": a noun, no participle
        if cue.cls == "part" and cue.start > 0 and not is_punct(doc[cue.start - 1]) \
                and any(doc[k].lower_ in REPORT_NOUNS for k in range(max(0, cue.start - 9), cue.start)):
            return None         # "rejected accusations by members of Congress alleging ...": the accusations' content
        if cue.cls == "say" and doc[cue.start].lower_ in OBJECT_VERBS:
            # "Baghdad pledged firm action and stressed the need to protect ..." (https://test.daily8.com/en/article/
            # 268286d8e3c8d49c9da18b08ea99f02c): a second verb with a plain object states nothing
            right_end = frame_run(sent, cue.end, 1)
            k = cue.end
            while k < right_end and doc[k].lower_ in TIME:
                k += 1
            if k < right_end and doc[k].text[:1].islower() and doc[k].lower_ != "that" \
                    and not self._verb_before_break(sent, k + 1, right_end):
                return None
        att = super().follow_on(sent, cue, parent)
        own = self._gerund_subject(sent, cue)
        if att is not None and own is not None:
            att.speaker, att.pronoun, att.parent, att.subordinate = sent.span(*own), None, None, True
        return att

    @staticmethod
    def _gerund_subject(sent: Sentence, cue: Cue) -> tuple[int, int] | None:
        """The subject between a preposition and a participle: "despite [Iraq's federal government] saying"
        (https://www.middle-east-online.com/en/iraqs-kurdish-oil-exports-restart-not-imminent)."""
        doc = sent.doc
        j = cue.start - 1
        if j > 0 and doc[j].text == ",":
            # "..., with its leader, Ali Bapir, alleging ..." (https://peregraf.com/en/news/7897): an apposition
            # between commas, the preposition before it
            k = j - 1
            while k >= 0 and cue.start - k <= 10 and doc[k].text != "," and not is_punct(doc[k]):
                k -= 1
            p = k - 1
            while p >= 0 and k - p <= 5 and not is_punct(doc[p]) and doc[p].lower_ not in GERUND_PREPOSITIONS:
                p -= 1
            if k > 0 and doc[k].text == "," and p >= 0 and doc[p].lower_ in GERUND_PREPOSITIONS and p + 1 < k:
                return p + 1, j
        while j >= 0 and cue.start - j <= 8 and not is_punct(doc[j]) and doc[j].lower_ not in GERUND_PREPOSITIONS:
            j -= 1
        if j < 0 or is_punct(doc[j]) or doc[j].lower_ not in GERUND_PREPOSITIONS or j + 1 >= cue.start:
            return None
        a, b = j + 1, cue.start
        if not (doc[a].lower_ in ("the", "a", "an") or doc[a].text[:1].isupper()):
            return None
        return a, b

    @staticmethod
    def _inverted_after_comma(sent: Sentence, cue: Cue, right_end: int) -> tuple[int, int] | None:
        """'..., said the director of the weather office.': after a comma, the verb, then its speaker
        up to the end of the sentence."""
        doc = sent.doc
        if doc[cue.start].lower_ not in ("said", "says", "added", "wrote", "stated", "explained", "noted",
                                         "announced", "reported", "confirmed", "insisted", "warned") \
                or cue.start < 2 or doc[cue.start - 1].text != "," or cue.end >= right_end:
            return None
        if any(doc[s].lower_ in ("who", "whose", "which") for s, _ in segments(doc, sent.lead, cue.start)):
            return None             # "X, whose bloc won, said the vote had been fair"
        if any(not is_punct(t) for t in doc[right_end:]):
            return None             # a quotation follows: "X, the organizer, said the launch fulfilled '...'"
        a, b = strip(doc, cue.end, right_end, trail=TIME)
        apposed = False
        comma = next((k for k in range(a + 1, b - 1) if doc[k].text == ","), None)
        if comma is not None and (doc[comma + 1].lower_ in ("a", "an", "the") or doc[comma + 1].text.islower()) \
                and comma - a <= MAX_SPEAKER_TOKENS:
            # '..., said the counter-terrorism service and the Security Media Cell, an official body ...'
            # (https://thenational-the-national-prod.web.arc-cdn.net/...): the speaker, then its apposition
            b, apposed = comma, True
        if a + 3 < b and doc[a].lower_ == "in" and doc[a + 1].lower_ in ("a", "an", "the"):
            # '..., said in an interview with a British newspaper Iraqi Interior Minister X.' (https://chelorg.com/
            # 2017/11/17/...): the channel, then the speaker as the capitalised run that ends the sentence
            last_lower = max(k for k in range(a, b) if not doc[k].text[:1].isupper())
            if b - last_lower - 1 >= 2 and not any(is_punct(t) for t in doc[a:b]):
                a = last_lower + 1
        joined = apposed and all(doc[k + 1].lower_ == "the" or doc[k + 1].text[:1].isupper()
                                 for k in range(a, b - 1) if doc[k].lower_ == "and")   # "the X and the Y, a body ..."
        if a >= b or b - a > (MAX_SPEAKER_TOKENS if apposed else 8) \
                or any(is_punct(t) and not (t.text == "-" and not t.whitespace_) for t in doc[a:b]) \
                or doc[a].lower_ == "that" or any(t.lower_ in FINITE or (t.lower_ in CLAUSE_WORDS and not (
                    joined and t.lower_ == "and")) for t in doc[a:b]):
            return None
        if not (doc[a].lower_ in ("the", "a", "an") or doc[a].text[:1].isupper() or name_of(text_of(doc, a, b))):
            return None
        return a, b

    @staticmethod
    def _verb_before_break(sent: Sentence, i: int, j: int) -> bool:
        """A finite verb or a past tense before the clause breaks off: "confirmed two people died"."""
        doc = sent.doc
        for k in range(i, j):
            t = doc[k]
            if is_punct(t) or t.lower_ in ("and", "but", "that", "which", "who"):
                return False
            if t.lower_ in FINITE or (t.text.islower() and t.text.endswith("ed") and doc[k - 1].lower_ not in STOP
                                      and not (doc[k - 1].lower_.endswith("ly") and k + 1 < j
                                               and doc[k + 1].text.isalpha() and doc[k + 1].text.islower()
                                               and doc[k + 1].lower_ not in STOP | DETERMINERS)):
                return True     # but "the number of wounded": a noun after "of"; "internally displaced persons"
        return False

    @staticmethod
    def _finite_before_break(sent: Sentence, i: int, j: int) -> bool:
        """A finite verb before the clause breaks off (a comma, "and", a participle, a relative word: "condemns
        the attacks that have hit ..." is an act on a noun, https://menafn.com/1109812067/...)."""
        for t in sent.doc[i:j]:
            if is_punct(t) or t.lower_ in ("and", "but", "that", "which", "who") or t.lower_.endswith("ing"):
                return False
            if t.lower_ in FINITE:
                return True
        return False

    @staticmethod
    def _quote_next(sent: Sentence, k: int, right_end: int) -> bool:
        """A quotation opens right after the verb (past a comma or colon): 'he said "..."', 'X said, "..."' —
        the verb introduces it; no attribution sits inside the sentence."""
        doc = sent.doc
        while k < right_end and doc[k].text in (",", ":"):
            k += 1
        return k == right_end and right_end < len(doc) and not sent.frame[right_end]

    def _past_addressee(self, sent: Sentence, cue: Cue, right_end: int) -> int:
        """Index after what may follow a verb before its clause ends: time words, an addressee
        ("told Rudaw", "told the Associated Press"), a channel ("in a statement")."""
        doc = sent.doc
        k = cue.end
        while k < right_end and doc[k].lower_ in TIME:
            k += 1
        if doc[cue.start].lower_ in ("told", "tells", "tell"):
            j = k
            while j < right_end and j - k < 6 and not is_punct(doc[j]) and doc[j].lower_ not in ("that",) \
                    and doc[j].lower_ not in TIME:
                if doc[j].lower_ in ("who", "which") and j > k:
                    # "a source told Rudaw English who asked not to be named, citing ..." (https://rudaw.net/english/
                    # kurdistan/160320192-amp): the relative clause belongs to the source, not to what was said
                    while j < right_end and not is_punct(doc[j]):
                        j += 1
                    break
                j += 1
            k = j
            while k < right_end and doc[k].lower_ in TIME:
                k += 1
        if k < right_end and k > 0 and doc[k].lower_ == "condition" and doc[k - 1].lower_ == "on":
            while k < right_end and not is_punct(doc[k]):
                k += 1          # "told the French agency on condition of anonymity." (https://www.albawaba.com/...)
        if k + 1 < right_end and doc[k].lower_ in ("in", "on", "during", "via") and not is_punct(doc[k + 1]):
            j = k + 1
            while j < right_end and j - k < 8 and not is_punct(doc[j]):
                j += 1
            if any(doc[i].lower_ in ("statement", "post", "tweet", "interview", "conference", "briefing", "video",
                                     "message", "letter", "speech", "release") for i in range(k, j)):
                k = j
        return k

    def own_subject(self, sent: Sentence, cue: Cue) -> bool:
        """"The appeals alleged fraud, but the IHEC reiterated that ..." (https://peregraf.com/en/news/7897): ", but"
        or ", while", then a named subject of a few words, then the verb."""
        doc = sent.doc
        if cue.cls not in ("say", "claim"):
            return False
        k = cue.start - 1
        commas = []
        while k > sent.lead and cue.start - k <= 7 + (7 if commas else 0) and doc[k].lower_ not in ("but", "while", "whereas", "yet") \
                and (not is_punct(doc[k]) or (doc[k].text == "," and len(commas) < 2)):
            if doc[k].text == ",":
                commas.append(k)
            k -= 1
        if k <= sent.lead + 1 or doc[k].lower_ not in ("but", "while", "whereas", "yet") or k + 1 >= cue.start:
            return False
        if doc[k - 1].text not in (",", ";") and not _bare_but(doc, k):
            return False
        if commas and not (len(commas) == 2 and doc[commas[1] + 1].lower_ in ("the", "a", "an", "its", "their", "his", "her")
                           and commas[0] == cue.start - 1):
            return False        # only an apposition between two commas: "but officials in Sulaimaniyah, the region's
            #                     second city, said" (https://www.thenews.com.pk/print/1223199-...)
        words = doc[k + 1:commas[1] if commas else cue.start]
        people = _plural_noun(words[0])     # ", but officials in X said", "but relatives in Y said"
        return (words[0].lower_ in ("the", "a", "an") or words[0].text[:1].isupper() or people) and words[0].lower_ not in PRONOUNS \
            and not any(t.lower_ in FINITE or t.lower_ in CUE_WORDS_EN or is_punct(t) for t in words)

    def leading_participle(self, sent: Sentence, cue: Cue) -> bool:
        """"However, noting that a government has not been formed, he said that ..." (https://falahtrading.com/
        d3407856.html): the participle and its clause open the sentence."""
        doc = sent.doc
        return cue.cls == "part" and cue.end < len(doc) and doc[cue.end].lower_ == "that" and all(
            is_punct(t) or t.lower_ in ADVERBIAL for t in doc[sent.lead:cue.start])

    def may_attribute(self, text: str) -> bool:
        return super().may_attribute(text) or _QUOTE_PREDICATE.match(text) is not None

    def quote_subject(self, sent: Sentence, quote_start: int, quote_end: int, follows: bool) -> Attribution | None:
        """'The Kurdistan Natural Resources Ministry "strongly condemns and denounces these acts ..."' (https://
        thenational-the-national-prod.web.arc-cdn.net/news/mena/2025/07/15/drones-attack-khurmala-oilfield-in-iraqs-
        kurdish-region): a named body or person, then a quotation that opens in lower case and ends the sentence."""
        doc = sent.doc
        n = len(doc)
        k = sent.token_at(quote_start)
        a = sent.lead
        if a < k and doc[a].lower_ in ("but", "and", "yet"):
            a += 1
        if not a < k < n or k - a > MAX_SPEAKER_TOKENS or sent.frame[k] or not sent.frame[k - 1]:
            return None
        if any(not is_punct(t) for t in doc[sent.token_at(quote_end):n]) or quote_end > sent.end:
            return None             # the quotation must end the sentence
        inner = sent.doc.text[quote_start - sent.start + 1:quote_end - sent.start].lstrip()
        if not inner[:1].islower():
            return None
        if not (doc[a].lower_ in ("the", "a", "an") or capitalised(doc[a].text)) or doc[a].lower_ in ADVERBIAL:
            return None
        for t in doc[a:k]:
            if (is_punct(t) and not (t.text == "-" and not t.whitespace_) and t.text not in ("’", "'")) \
                    or t.lower_ in FINITE or t.lower_ in SUBORDINATORS or t.lower_ in RELATIVES \
                    or (t.text.islower() and t.text.endswith(("ed", "ing")) and t.text not in ("armed", "united")):
                return None
        text = text_of(doc, a, k)
        if self.mention_kind(text) == "other":
            if follows and doc[a].lower_ in ("the", "a", "an", "this", "that", "it", "they"):
                # '..., told Rudaw that the village was hit. But the village “is normally empty ...”' (https://
                # shkoi-kurdistan.com/en/post/1909): the speaker of the sentence before goes on
                return Attribution(Cue(sent.index, k, k, "say"), None, "any", None, None)
            return None
        return Attribution(Cue(sent.index, k, k, "say"), sent.span(a, k), None, None, None)

    def continues(self, sent: Sentence, cue: Cue) -> bool:
        """"X announced that ..., and he said: "..."", "X affirmed that ..., while he indicated that ...": a second
        verb whose subject is a pronoun after a comma and a linking word (https://hawarnews.com/en/haber/
        shakhwan-raouf-iraqi-government-must-prevent-turkish-attacks-h34996.html, https://ina.iq/eng/35513-...)."""
        doc = sent.doc
        k = cue.start - 1
        while k >= 0 and doc[k].lower_ in SPEAKER_ADVERBS:
            k -= 1
        return k >= 2 and doc[k].lower_ in PRONOUNS and doc[k - 1].lower_ in LINKS and doc[k - 2].text in (",", ";") \
            and cue.cls in ("say", "claim") and all(sent.frame[k - 2:cue.end])

    def embedded(self, sent: Sentence, cue: Cue) -> bool:
        """"The strike – which Iraqi security sources said killed at least four people – was ..."
        (https://www.tag24.com/world/us-strike-kills-four-in-iraq-as-baghdad-condemns-heinous-crime-3304545): a
        relative clause with a speaker of its own, beside the sentence's main clause."""
        return self._relative_span(sent, cue) is not None or self._antecedent(sent, cue) is not None

    @staticmethod
    def _antecedent(sent: Sentence, cue: Cue) -> tuple[int, int] | None:
        """The noun phrase a ", which claimed ..." clause hangs on: "a story published by a London-based
        daily, which claimed the government had ..." (https://www.rudaw.net/english/middleeast/iraq/211220251-amp).
        Only "which": ", who said she had worked there for years," tells who a person is, in passing."""
        doc = sent.doc
        r = cue.start - 1
        if cue.cls not in ("say", "claim") or r < 2 or doc[r].lower_ != "which" or doc[r - 1].text != "," \
                or not all(sent.frame[r - 1:cue.end]):
            return None
        a = r - 1
        while a > sent.lead and r - 1 - a < 6 and doc[a - 1].lower_ not in PREPOSITIONS | {"by", "that"} \
                and (not is_punct(doc[a - 1]) or doc[a - 1].text == "-") \
                and not (doc[a - 1].text.islower() and doc[a - 1].text.endswith("ed") and doc[a - 2].text != "-"):
            a -= 1
        if a <= sent.lead or a == r - 1 or not (doc[a].lower_ in ("a", "an", "the") or doc[a].text[:1].isupper()):
            return None
        return a, r - 1

    @staticmethod
    def _relative_span(sent: Sentence, cue: Cue) -> tuple[int, int, int, int] | None:
        """(speaker start, speaker end, content start, content end) of "which SPEAKER said VERB ...", where
        the verb after the cue shows that the relative clause's subject is what was said about."""
        doc = sent.doc
        n = len(doc)
        if cue.cls != "say" or cue.end >= n:
            return None
        r = next((k for k in range(cue.start - 2, max(sent.lead, cue.start - 8) - 1, -1)
                  if doc[k].lower_ in RELATIVES), None)
        if r is None or r == 0 or not all(sent.frame[r:cue.end]) \
                or any(is_punct(t) or t.lower_ in RELATIVES or t.lower_ in FINITE for t in doc[r + 1:cue.start]):
            return None
        if doc[r + 1].lower_ in PRONOUNS:
            return None         # "blamed the plant, which it said had been running at half capacity": its own clause
        k = cue.end
        while k < n and doc[k].lower_ in TIME and doc[k].lower_ != "on":
            k += 1
        if k >= n or not sent.frame[k]:
            return None
        t = doc[k]
        if not (t.lower_ in FINITE or (t.text.islower() and (t.text.endswith("ed") or t.text in IRREGULAR_PARTICIPLES
                                                              or t.text in ("left", "hit", "killed", "caused")))):
            return None
        end = next((j for j in range(k, n) if doc[j].text in (",", ";", "—", "–", ")") or not sent.frame[j]
                    or (doc[j].text == "-" and j > 0 and doc[j - 1].whitespace_)), n)   # " - who X reported was - "
        return r + 1, cue.start, k, end

    def _relative_attribution(self, sent: Sentence, cue: Cue) -> Attribution | None:
        found = self._relative_span(sent, cue)
        if found is None:
            held = self._antecedent(sent, cue)
            if held is None:
                return None
            doc = sent.doc
            k = cue.end + (1 if cue.end < len(doc) and doc[cue.end].lower_ == "that" else 0)
            said = content(sent, k, len(doc))
            if said is None:
                return None
            return Attribution(cue, sent.span(*held), None, said, None, clause=True)
        a, b, c, d = found
        said = content(sent, c, d)
        if said is None:
            return None
        att = Attribution(cue, sent.span(a, b), None, said, None, clause=True)
        att.subordinate = True
        return att

    def _learned(self, sent: Sentence, cue: Cue) -> Attribution | None:
        """'..., Rudaw has learned.': a named subject after the clause it found out, nothing after it."""
        doc = sent.doc
        n = len(doc)
        if any(not is_punct(t) for t in doc[cue.end:n]):
            return None
        j = cue.start - (1 if cue.start > 0 and doc[cue.start - 1].lower_ in ("has", "have", "had") else 0)
        comma = next((k for k in range(j - 1, sent.lead, -1) if doc[k].text == ","), None)
        if comma is None or not 1 <= j - comma - 1 <= 5 or not doc[comma + 1].text[:1].isupper():
            return None
        said = content(sent, sent.lead, comma)
        if said is None:
            return None
        return Attribution(cue, sent.span(comma + 1, j), None, said, None, clause=True)

    def _according_to(self, sent: Sentence, cue: Cue, right_end: int) -> Attribution | None:
        doc = sent.doc
        n = len(doc)
        a, b = cue.end, cue.end
        while b < right_end and doc[b].text not in (",", ".", ";") and b - a < MAX_SPEAKER_TOKENS:
            b += 1
        end_np = b
        k = a + (1 if a < b and doc[a].lower_ in ("a", "an", "the") else 0)
        if k < b and doc[k].lower_ in DATA_NOUNS:
            # "figures (released|published|provided) by the board", "figures from the board": the board
            j = k + 1
            while j < b and doc[j].lower_ in ("from", "by", "of", "released", "published", "provided", "issued"):
                j += 1
            if k + 1 < j < b:
                a = j
        for k in range(a + 1, b):       # "figures the management shared with us": the noun phrase only
            t = doc[k].text
            if t in ("who", "which", "that") or (t.islower() and (t.endswith("ed") or t in IRREGULAR_PARTICIPLES)
                                                  and t not in ("armed", "united")):
                end_np = k
                break
        k = a + (1 if a < n and doc[a].lower_ in ("a", "an", "the") else 0)
        while k < end_np and doc[k].lower_ in ("brief", "short", "new", "joint", "written", "official"):
            k += 1
        if k + 2 < end_np and doc[k].lower_ in DOCUMENT_NOUNS and doc[k + 1].lower_ in ("from", "by", "of"):
            a = k + 2           # "according to a statement from the cabinet": the cabinet
        elif k < end_np and doc[k].lower_ in DOCUMENT_NOUNS and k + 1 == end_np:
            a, b2 = strip(doc, a, end_np)
            said = content(sent, b + 1, n) if b < right_end and doc[b].text == "," else content(sent, 0, cue.start)
            kind = "report" if doc[k].lower_ in REPORTS else "document"
            return Attribution(cue, sent.span(a, b2), kind, said, None, clause=True)   # "according to the statement"
        if a < end_np and doc[a].lower_ in DATA_NOUNS:
            # "figures (released by|from) the board" and "figures the board published": the board speaks.
            k = a + 1
            while k < end_np and (doc[k].lower_ in ("from", "by", "of", "released", "published", "provided", "issued")):
                k += 1
            if k < end_np:
                a = k
        a, b2 = strip(doc, a, end_np, trail=TIME)
        while b2 > a + 1 and (doc[b2 - 1].text.isdigit() or doc[b2 - 1].lower_ in TIME):
            b2 -= 1         # "... by X on Oct. 2": the date after the source
        if a >= b2:
            return None
        trailing = b + 1 < n and doc[b].text == "," and cue.start - 1 > sent.lead and doc[cue.start - 1].text == "," \
            and (doc[b + 1].lower_ in ("who", "which", "whose") or (doc[b + 1].text.islower()
                                                                     and doc[b + 1].text.endswith(("ed", "ing"))))
        if trailing:
            # "..., according to a statement by the KDP, led by Massoud Barzani." (https://www.iraqnewsgazette.com/
            # turkey-_the-kurdistan-workers-party-...): what follows the source describes it; the clause is before
            said = content(sent, sent.lead, cue.start - 1)
        elif b < right_end and doc[b].text == ",":
            said = content(sent, b + 1, n)
            lead = sent.lead
            if lead + 1 < cue.start - 1 and doc[cue.start - 1].text == "," and cue.start - 1 - lead <= 6 \
                    and doc[lead].text[:1].isupper() and doc[lead].lower_ not in ADVERBIAL and all(sent.frame[lead:cue.start]) \
                    and not any(is_punct(t) or t.lower_ in FINITE or t.lower_ in CUE_WORDS_EN for t in doc[lead:cue.start - 1]) \
                    and said is not None:
                # "The Region, according to Aziz, went on selling crude ..." (https://www.shafaq.com/en/Kurdistan/
                # Kurdish-MP-links-unpaid-salaries-to-Erbil-Baghdad-political-tensions): the subject before the phrase
                # belongs to what was said
                said = (sent.span(lead, lead + 1)[0], said[1])
        else:
            said = content(sent, 0, cue.start)
        return Attribution(cue, sent.span(a, b2), None, said, None, clause=True)

    def _quoted_as_saying(self, sent: Sentence, cue: Cue, right_end: int) -> Attribution | None:
        """"Local media quoted the ministry as saying that ...": the ministry speaks, not the media."""
        doc = sent.doc
        k = next((j for j in range(cue.end, min(right_end, cue.end + 14) - 1)
                  if doc[j].lower_ == "as" and doc[j + 1].lower_ in ("saying", "stating", "telling")), None)
        if k is None:
            return None
        a = cue.end + (1 if doc[cue.end].lower_ in ("a", "an", "the") else 0)
        if a + 2 < k and doc[a].lower_ in DOCUMENT_NOUNS and doc[a + 1].lower_ in ("by", "from", "of"):
            a += 2              # "quoted a statement by the interior ministry as saying"
        a, b = strip(doc, a, k)
        if a >= b:
            return None
        pronoun = OBJECT_PRONOUNS.get(doc[a].lower_) if b - a == 1 else None   # "the agency quoted him as saying"
        start = k + 2
        if not any(not is_punct(t) for t in doc[start:len(doc)]) and cue.start > sent.lead:
            # "..., the agency cited the commander as saying." (https://esta.krd/en/4015/): the clause before it
            comma = max((j for j in range(sent.lead, cue.start) if doc[j].text == ","), default=None)
            said = content(sent, sent.lead, comma) if comma is not None else None
            pronoun = OBJECT_PRONOUNS.get(doc[a].lower_) if b - a == 1 else None
            return Attribution(cue, sent.span(a, b), pronoun, said, None, clause=True) if said else None
        if doc[k + 1].lower_ == "telling":
            # "The paper further quoted X as telling Y that ..." (http://www.kurdpress.com/En/NSite/FullStory/News/
            # ?Id=3849): past the one addressed
            start = next((j for j in range(start, min(right_end, start + 8)) if doc[j].lower_ == "that"), start)
        if start < len(doc) and doc[start].lower_ == "that":
            start += 1
        return Attribution(cue, sent.span(a, b), pronoun, content(sent, start, len(doc)), None, clause=True)

    def _citing(self, sent: Sentence, cue: Cue, att: Attribution, right_end: int) -> None:
        """"..., the broadcaster said, citing a source in the security forces": the source speaks."""
        doc = sent.doc
        k = next((j for j in range(cue.end, right_end) if doc[j].lower_ in CITING and j > 0
                  and doc[j - 1].text == ","), None)
        if k is None:
            return
        a = k + 1
        b = a
        while b < right_end and doc[b].text not in (",", ".", ";") and b - a < MAX_SPEAKER_TOKENS:
            b += 1
        if b + 1 < right_end and doc[b].text == "," and doc[b - 1].lower_ in ROLE_HEADS:
            c = b + 1
            while c < right_end and doc[c].text not in (",", ".", ";"):
                c += 1
            if name_of(text_of(doc, b + 1, c)) == text_of(doc, b + 1, c).strip():
                b = c               # "citing the region's prime minister, Ali Hawezi"
        j = a + (1 if a < b and doc[a].lower_ in ("a", "an", "the") else 0)
        if j + 2 < b and doc[j].lower_ in DOCUMENT_NOUNS and doc[j + 1].lower_ in ("from", "by", "of"):
            a = j + 2
        a, b = strip(doc, a, b, trail=TIME)
        if a >= b:
            return
        if self.mention_kind(text_of(doc, a, b)) == "other" and not self.is_outlet(text_of(doc, a, b)) \
                and doc[b - 1].lower_ not in ("source", "sources", "officials", "witnesses"):
            return          # "..., citing security concerns" (https://rudaw.net/english/kurdistan/160320192-amp): no speaker
        if att.content is not None and att.content[0] < sent.span(k, k + 1)[0] < att.content[1]:
            # "..., the broadcaster said, citing a source": the clause before it; "The site said, quoting two
            # informed sources, that ..." (https://kavak-adventures.com/...): the clause after it stays
            cut = sent.span(k - 1, k)[0]
            att.content = (att.content[0], cut) if cut > att.content[0] else None
        if att.speaker is not None and att.pronoun is None:
            att.via = att.speaker
        att.speaker, att.pronoun = sent.span(a, b), None

    def norms(self, text: str) -> set[str]:
        out = set()
        for w in TOKEN.findall(text.replace("’s", "").replace("'s", "")):
            w = w.lower().strip(".")
            if w and w not in STOP:
                out.add(SAME_ROLE.get(w, w))
        return out

    def back_reference(self, text: str) -> bool:
        """"the government spokesman" with no name: the one holding that role, named before
        (https://www.kurdistan24.net/en/story/25565 "Jutyar Adil, the official, said ... the government
        spokesman said"). Linked only to a speaker sharing a word (`strict_back_reference`)."""
        words = text.split()
        return 2 <= len(words) <= 4 and words[0].lower() == "the" and text[1:] == text[1:].lower() \
            and (words[-1] in ROLE_HEADS or (len(words) == 2 and words[-1] in LATEST_HEADS) or _age_noun(words))

    def is_publisher(self, text: str) -> bool:
        """A newspaper, broadcaster or news agency; "Iraq's National Security Agency" is no publisher."""
        words = [w.lower() for w in re.findall(r"[\w-]+", text)[:5]]
        return any(w in OUTLETS and w != "agency" for w in words) or "news agency" in " ".join(words)

    def is_time(self, norm: str) -> bool:
        return norm not in OUTLET_NUMBERS and super().is_time(norm)

    def refers_to_latest(self, text: str) -> bool:
        words = text.lower().split()
        return len(words) == 2 and words[0] == "the" and words[1] in LATEST_HEADS or _age_noun(words)

    def unnamed_role(self, text: str) -> bool:
        """"Iraq's prime minister", "the region's governor", "a government spokesman": a role and no name,
        qualified (a bare "the spokesman" may be anyone's)."""
        words = [w for w in text.replace("’s", "").replace("'s", "").split() if w.lower() not in ("a", "an", "the")]
        if 2 <= len(words) <= 5 and words[-1].lower() in ROLE_HEADS and name_of(text) is None:
            return True
        if 3 <= len(words) <= 5 and words[0].lower() in ROLE_HEADS and words[1].lower() == "of" \
                and all(w[:1].isupper() and w.lower().strip("()") not in BODY for w in words[2:]) \
                and text.lower().startswith("the "):
            # "The governor of Halabja said ..." then '“...,” Nawrolly said' (http://www.mesop.de/mesop-news-about-
            # halabja-...): the role of a place, named later
            return True
        # "A member of Gorran bloc in the Kurdistan Parliament said ..." then '"...," said Daban Muhammad a member
        # of ...' (https://gorran.net/en/Details_hawal.aspx?jimare=119): an indefinite role in the lead, named next
        lows = text.lower().split()
        if len(lows) < 2 or lows[0] not in ("a", "an") or name_of(text) is not None:
            return False
        k = next((i for i, w in enumerate(lows) if w in ("of", "for", "in", "from", "at")), len(lows))
        return k >= 2 and lows[k - 1] in MEMBER_HEADS | {"member"}   # not "A field commander": maybe anyone

    def is_generic(self, text: str) -> bool:
        """"officials", "residents" (https://townhall.com/news/world/2014/02/23/... "Also Sunday, officials said")."""
        return bool(re.fullmatch(r"[a-z]+s", text.strip()))

    def mention_kind(self, text: str) -> str:
        words = text.split()
        if not words:
            return "other"
        lows = [re.sub(r"[’']s$", "", w.lower().strip(".,")).strip("’'") for w in words]   # "spokesperson" keeps its s
        k = next((i for i, w in enumerate(lows) if i and w in PREPOSITIONS), len(lows))
        head = lows[k - 1]          # "a source at APIKUR": the noun before the preposition
        if k < len(lows) and head in BODY and head not in ROLE_HEADS | PERSON_HEADS and lows[k] == "of" \
                and words[k - 1][:1].islower():
            return "body"               # "the office of Kurdish President Massoud Barzani" (https://www.seattletimes.com/...)
        name = name_of(text)
        if name and not (lows[-1] in ROLE_HEADS or head in ROLE_HEADS or head in PERSON_HEADS) and (
                any(len(w) >= 2 and w.isalpha() and w.isupper() for w in name.split())
                or (len(words) > len(name.split()) and lows[-len(name.split()) - 1] in COMPANY_NOUNS)):
            # "DNO ASA, the Norwegian company that runs the field": an acronym names no person; "its Turkish
            # operator Anka Stone": a company's name after what it does
            return "body"
        if name or lows[-1] in ROLE_HEADS or head in ROLE_HEADS or head in PERSON_HEADS \
                or head in OCCUPATIONS:       # "the hospital's director", "a police officer" is a person
            return "person"
        if head.endswith("s") and head[:-1] in PERSON_HEADS:
            # "two informed sources", "officials": people, so "It also added" after "The site said, quoting two
            # informed sources, that ..." is the site (https://ninanews.com/Website/News/Details?key=983292)
            return "person"
        return "body" if any(w in BODY for w in lows) else "other"

    name_of = staticmethod(name_of)

    def full_name(self, name: str, body: str) -> str:
        if len(name.split()) == 1:
            m = re.search(r"\b([A-Z][a-z]+) " + re.escape(name) + r"\b", body)
            if m and name_of(m.group()) == m.group() and m.group(1).lower() not in NOT_FIRST_NAMES:
                return m.group()
        return name

    def tidy_mention(self, kind: str, mention: str, body: str) -> str:
        mention = re.sub(r"^(?:the|a|an)\s+", "", mention, flags=re.IGNORECASE)
        if kind == "body":
            # "Iraqi Ministry of Migration and Displacement (MoMD)" (https://www.kurdistan24.net/en/story/22592-...):
            # the name without its acronym
            m = re.fullmatch(r"(.+?\s\S+)\s+\(?([A-Za-z]{2,7})\)?", mention)
            if m and sum(1 for c in m.group(2) if c.isupper()) >= 2 and len(m.group(1).split()) >= 2 \
                    and m.group(1).split()[-1][:1].isupper() and "," not in mention and " and " not in m.group(1)[-30:]:
                mention = m.group(1)
        if kind == "body":
            # "its US-based developer HKN Energy" (https://thenational-the-national-prod.web.arc-cdn.net/...): a
            # description in lower case, then the company's own name
            m = re.fullmatch(r"(?:[\w'’-]+\s+)*?([a-z][\w-]*)\s+((?:[A-Z][\w&.-]*\s+)*[A-Z][\w&.-]*)", mention)
            if m and m.group(1) not in PREPOSITIONS | STOP and mention[:1].islower() \
                    and (len(m.group(2).split()) >= 2 or m.group(2).isupper()):
                return m.group(2)
        return mention

    def sign_quote(self, body: str, start: int, end: int) -> bool:
        """'“Kurdistan will not retreat ...,” one banner read', '“...,” said another placard', 'a banner reading
        “...”' (https://dev.iraqinews.com/?p=173098): words on a banner or a sign."""
        if _SIGN_AFTER.match(body, end, min(len(body), end + 80)):
            return True
        m = _SIGN_BEFORE.search(body, max(0, start - 60), start)
        return m is not None and m.end() == start

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
