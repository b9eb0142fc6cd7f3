"""Key-statement rules for Sorani Kurdish: the verb ends the clause (وەزیر ڕایگەیاند کە ...), the
subject is often dropped (هەروەها وتی), light verbs split around their object (ڕەخنەی لە ... گرت),
and "according to" phrases (بەپێی، بە وتەی).
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from ...statements.rules import StatementRules
from ...statements.tokens import (
    Attribution, Cue, MAX_SPEAKER_TOKENS, Sentence, content, fold, frame_run, is_punct, segments, strip, text_of,
)


# Cue lexicon. Each entry is expanded by `_variants` into the forms running text uses: the additive
# clitic ش (ئاماژەشی بەوە کرد, باسی لەوەش کرد), words written together (بەوەکرد), and the tenses of the
# light verb (کرد, کردووە, کردبوو; دا, داوە, دابوو). Folding makes ه/ە, ي/ی, ك/ک and ڕ/ر one.
_SAY = """وت گوت وتی گوتی ووتی گووتی وتیشی گوتیشی وتبووی گوتبووی وتویەتی گوتویەتی وتوویەتی گوتوویەتی وتووە
    گوتووە ڕایگەیاند ڕاشیگەیاند ڕاشیگەیاندووە ڕایشگەیاند ڕاگەیاند ڕایانگەیاند ڕایگەیاندووە ڕاگەیاندووە ڕایگەیاندبوو
    ڕادەگەیەنێت ڕایدەگەیەنێت ڕایدەگەیێنێت ڕادەگەیێنێت ڕایدەگەێنێت ڕادەگەێنێت ڕادەگەیەنن ڕایدەگەیەنن ڕاشیدەگەیەنێت دەڵێت دەڵێن دەڵێ
    دەشڵێت دەشڵێن دەشڵێ نووسی نووسیویەتی نووسیوویەتی نووسیبووی""".split() + [
    # ڕایدەگەێنێت (ی dropped, https://xwakurk.com/?p=22042); https://xelk.org (دەڵێت، ...), https://npasyria.com/krd/16776 (ڕایدەگەیەنێت، کە), https://slemanipress.net/babat/8421
    # (ئاماژە بەوە دەکات), https://ku.kurdpress.com/news/222877 (جەخت لەوە دەکاتەوە), https://haremnews.com/details/57315
    "جەختی کردەوە", "جەختی لەوە کردەوە", "جەختی کردەوەسەر",   # جەختیشی کردەوەسەر ئەوەی کە (https://www.ina.iq/kurd/43138--.html) "جەخت لەوە دەکاتەوە", "جەخت لەوە دەکەنەوە", "جەخت دەکاتەوە",
    "ئاماژەی پێدا", "ئاماژەی بەوە کرد", "ئاماژەی بەوە دا", "ئاماژە بەوە دەکات", "ئاماژە بەوە دەکەن",
    "ئاماژە بەوە دەدات", "ڕوونی کردەوە", "وای گوت", "وای وت", "باسی لەوە کرد", "باس لەوە دەکات", "باس لەوە دەکەن",
    "ئاشکرای کرد", "زیادی کرد",
    # ئەوەشی ئاشکراکرد، “...” (https://politicpress.com/106494/): the noun without -ی, its object before it;
    # ئاماژە بەوەش دا، "..." (https://ku.kurdpress.com/news/224764): the past with no -ی on the noun
    "ئاشکرا کرد", "ئاماژە بەوە دا", "ئاماژە بەوە کرد", "وا دەڵێت", "وا دەڵێن", "وا دەڵێ", "وای ڕاگەیاند",
    # https://mewdamedia.com/articles/32754: X ڕوونیدەکاتەوە، ...
    "ڕوونی دەکاتەوە", "ڕوونی دەکەنەوە",
    # https://www.kurdistan24.net/ckb/story/60614: X دووپات لەوە دەکاتەوە، ...
    "دووپاتی کردەوە", "دووپاتی لەوە کردەوە", "دووپات لەوە دەکاتەوە", "دووپات دەکاتەوە", "ئەوەی خستەڕوو", "خستییەڕوو", "خستیەڕوو", "بڵاوی کردەوە",
    # https://hawlerweb.net/?p=51576: ڕاگەیەندراوەکە لە زاری X گواستووەتەوە کە ...
    "گواستوویەتیەوە", "گواستووەتەوە", "گواستییەوە", "گواستیەوە",
    # https://ina.iq/kurd/17961-.html: ئاماژەیشی دا"..." with no بەوە before the light verb
    "ئاماژەی دا", "ئاماژەی کرد",
    # https://awene.com/detail?article=121376 (X ... بەمجۆرە زانیاری خستووەتەڕوو، ...), https://hawlerweb.net/health/2021/12/7553
    # (ئەوەشی خستوەتەڕو): "put forward", its object before it
    "خستەڕوو", "خستە ڕوو", "خستیەڕوو", "خستییەڕوو", "خستووەتەڕوو", "خستووەتە ڕوو", "خستۆتەڕوو", "خستۆتە ڕوو",
    "خستبووەڕوو", "دەخاتەڕوو", "دەخاتە ڕوو", "دەخەنەڕوو", "دەخەنە ڕوو", "دەیخاتەڕوو",
    # spoken spelling of دەڵێت (https://keodd.org/view?news=52203&part=5 uses ئەدات, ئەپرسم)
    "ئەڵێت", "ئەڵێن", "ئەشڵێت", "ئەڵێ",
    # a frequent misspelling with ە for ا (X، ڕایگەیەند کە "...", https://lvinpress.com/17590/)
    "ڕایگەیەند", "ڕاشیگەیەند", "ڕایانگەیەند", "ڕاگەیەند",
    # the verb written in two words: نووسەرێکی ... ڕای گەیاند، ... (https://www.wishe.net/details.aspx?=hewal&Jor=14&jmare=196095)
    "ڕای گەیاند", "ڕای گەیاندووە", "ڕای دەگەیەنێت", "ڕای دەگەیەنن", "ڕایان گەیاند",
    # هێما بۆ ئەوە دەکات، کە ... "points to" (https://www.wishe.net/dreja.aspx?=hewal&Jor=1&jmare=91501), and
    # ئاماژە with بۆ ئەوە instead of بەوە
    "هێمای بۆ ئەوە کرد", "ئاماژەی بۆ ئەوە کرد",
    # NAME، TITLE، بۆ "OUTLET"ی ڕوون کردەوە، ...: the noun's -ی written on the outlet before it
    # (http://wishe.net/details.aspx?=hewal&jmare=8420&Jor=9)
    "ڕوون کردەوە",
    # ڕوون with one و (ئەوەشی ڕونکردەوە، ...، و ڕونیشیكردەوە: كە ..., https://ina.iq/kurd/36689--.html)
    "ڕونی کردەوە", "ڕون کردەوە", "ڕونی دەکاتەوە",
    # ئەو پێیوایە ... و دەڵێت، "..." "she thinks" (https://manage.rudaw.net/sorani/kurdistan/0503202414): a view, as
    # Arabic يرى أن; جەختیشى لەسەر ئەوە کردەوە، ... (https://nasnews.com/kurd/view.php?cat=4004); X ... پاگەندەی کرد کە
    # ... "announced" (Iranian outlets' Sorani, https://ku.mehrnews.com/news/57343); وەزارەتەکان تێبینی ئەوەشیان داوە کە
    # ... "noted" (https://www.kurdistan24.net/ckb/story/898498)
    "پێیوایە", "پێی وایە", "پێیانوایە", "پێیان وایە", "پێیوابوو", "پێی وابوو",
    "جەختی لەسەر ئەوە کردەوە", "جەخت لەسەر ئەوە دەکاتەوە", "جەخت لەسەر ئەوە دەکەنەوە",
    "پاگەندەی کرد", "پاگەندەیان کرد",
    "تێبینی ئەوەی دا", "تێبینی ئەوەشی دا", "تێبینی ئەوەیان دا", "تێبینی ئەوەشیان دا",
    # X ڕاگەیەندراوێکی بڵاوکردەوە، کە بەم جۆرەیە: ⏎ the document (https://ku.964media.com/207990); a cue only so
    # (see attribute): "published a statement" states nothing by itself
    "بڵاو کردەوە"]
# The first person plural of a body's own document (دەقی ڕاگەیەندراوەکە: ⏎ ...، ڕایدەگەیەنین کە ... ⏎ دووپاتی
# دەکەینەوە کە ..., https://snurmedia.com/6118): the issuer speaks in its own words, never a segment before the verb.
# X پێی وایە ... "X believes (that)" (like يرى): a view stated (https://www.kurdistan24.net/ckb/story/890290)
_SAY += ["پێی وایە", "پێیان وایە", "پێی وابوو", "پێیان وابوو", "پێیوایە", "پێیانوایە", "پێی وا بوو"]
# تەئکید (Arabic تأكيد), party and politburo statements' word for جەخت: کۆبوونەوەکە ... تەئکیدی لەسەر هەڵوێستی
# نەگۆڕیشی کردەوە کە ...، تەئکیدیشی کردەوە ... (https://zedpress.krd/news/10396/?amp=1)
# X ئەوەی نەشاردەوە کە ... "did not hide that" (like لم يخفِ أن, https://lalishduhok.com/uncategorized/post/121816/?lang=ckb)
_SAY += ["ئەوەی نەشاردەوە", "ئەوەشی نەشاردەوە", "ئەوەیان نەشاردەوە", "ئەوەشیان نەشاردەوە"]
_SAY += ["تەئکیدی کردەوە", "تەئکیدی لەوە کردەوە", "تەئکیدی لەسەر ئەوە کردەوە", "تەئکید لەوە دەکاتەوە",
         "تەئکید دەکاتەوە", "تەئکید لەسەر ئەوە دەکاتەوە"]
_WE_SAY = ["ڕایدەگەیەنین", "ڕادەگەیەنین", "ڕای دەگەیەنین", "ڕاشیدەگەیەنین", "دووپاتی دەکەینەوە",
           "دووپات دەکەینەوە", "دووپاتی لەوە دەکەینەوە", "جەخت دەکەینەوە", "جەخت لەوە دەکەینەوە",
           "ئاماژە بەوە دەکەین", "دەڵێین"]
_SAY += _WE_SAY
# وت/گوت with the additive clitic, plural and perfect endings, in both spellings (ووتیشی:
# https://peyamakurd.info/sorani/niviskar/sara/...-41497)
_SAY += [stem + end for stem in ("وت", "ووت", "گوت", "گووت")
         for end in ("", "ی", "یشی", "یان", "یشیان", "بووی", "ویەتی", "وویەتی", "ووە",
                     # the perfect with the additive clitic: وتوشیەتی، ... (https://estanews.net/2022/01/15/...)
                     "وشیەتی", "ووشیەتی", "وویشیەتی",
                     # وتیشتی: ... (https://lvinpress.com/17590/): the additive clitic misspelt with ت
                     "یشتی")]
# Claims: the object states what is claimed.
_CLAIM = ["هۆشداری دا", "هۆشداری دەدات", "ئاگاداری کردەوە", "تۆمەتباری کرد", "هەڕەشەی کرد"]
# A cause put down to something (like عزا): ...، هۆکارەکەشی بۆ X دەگێڕێتەوە (https://kurdipedia.org/default.aspx?lng=1&q=
# 20180713094713104334). The verb is the cue; the intransitive دەگەڕێتەوە ("goes back to") is the writer's own.
_ASCRIBE = ["دەگێڕێتەوە", "دەگەڕێنێتەوە", "دەگەڕێننەوە", "دەگێڕنەوە", "گەڕاندەوە", "گێڕایەوە", "گەڕاندووەتەوە",
            "گەڕاندۆتەوە"]
_CLAIM += _ASCRIBE
# X Y بە Z دەزانێت "X regards Y as Z" (ڕاوێژکارەکەى وەزیر ڕێککەوتنى سێقۆڵی بە تاکە ڕێگەى ... دەزانێت,
# https://nasnews.com/kurd/view.php?cat=4004): a view, its object and predicate before the verb; only with بە before
# it (see attribute: "knows", "knows that" and "knows well" are not statements)
_REGARD = ["دەزانێت", "دەزانن", "دەزانێ"]
_CLAIM += _REGARD
# Acts (https://balkesh.com/?p=21884 ئیدانە و سەرکۆنەی ... دەکات): statements only with a clause or a quotation.
_ACT = ["ئیدانەی کرد", "ئیدانە دەکات", "ئیدانە دەکەن", "ئیدانە کرد", "سەرکۆنەی کرد", "ڕەتی کردەوە", "ڕەت کردەوە",
        "ڕەتی دەکاتەوە", "ڕەت دەکاتەوە", "نکۆڵی کرد", "نکۆڵیی کرد", "ڕەخنەی گرت", "ڕەخنە دەگرێت",
        # X هێرشەکەی شەرمەزار کرد، وتیشی: ... (https://rojnews.news/ ... کەنەکە-بە-شێوازێکیتر-هەوڵی-یەکێتی-نەت/)
        "شەرمەزار کرد", "شەرمەزاری کرد", "شەرمەزار دەکات", "شەرمەزار دەکەن"]
# Appeals (https://www.speemedia.com ... حکومەت داوا دەکات): statements only with a quotation.
_APPEAL = ["داوای کرد", "داوا دەکات", "داوا دەکەن", "داوایان کرد",
           "پێشنیازی کرد", "پێشنیاز دەکات", "پێشنیاز دەکەن", "پێشنیازیان کرد"]   # proposed «...» (knwe.org/KU/Details/11549)
# لە ڕاگەیەنراوەکەدا هاتووە، ...: it says in X's statement (https://npasyria.com/krd/16776).
# Spellings هاتوە (http://speemedia.com ... jmare=92835) and هاتووشە (https://www.hawlati.co/page_detail?smart-id=35459);
# ئاماژە بەوەشکراوە (ibid.): "it was pointed out", the author of the article's document speaks.
_PASSIVE = ["هاتووە", "هاتبوو", "هاتوە", "هاتووشە", "هاتوشە",
            # لە ڕاگەیەنراوەکەدا ئەوەش خراوەتە ڕوو: (https://bombinera.com/?p=821171)
            "خراوەتە ڕوو", "خراوەتەڕوو", "خراوەتەڕو", "خرایە ڕوو", "خرایەڕوو", "خراوەتە ڕو"]
_SAID_PASSIVE = ["ڕوونکراوەتەوە", "ڕونکراوەتەوە", "ڕوونیشکراوەتەوە", "ڕونیشکراوەتەوە", "ڕوون کراوەتەوە",
                 "ڕوونکراوەتەوە", "ڕوونیشکراوەتەوە",   # رونیشكراوەتەوە، ... (https://www.wazho.net/2021/07/05/)
                 "ئاماژە بەوە کراوە", "ئاماژە بەوەش کراوە", "ئاماژە بەوەکراوە", "ئاماژە بەوەشکراوە",
                 "ئاماژەی بەوە کراوە", "ئاماژەی بەوەکراوە", "جەخت لەوە کراوەتەوە", "جەخت لەوەش کراوەتەوە",
                 "جەخت لەوەکراوەتەوە", "جەخت لەوەشکراوەتەوە",
                 # X ڕاگەیێندراوێکی ... بڵاوکردەوە و ئاماژە بەوەدراوە، ...: "it was pointed out" with the light verb دا
                 # (https://www.zarikrmanji.net/Home/Details/64377/)
                 "ئاماژە بەوە دراوە", "ئاماژە بەوەدراوە", "ئاماژەی بەوە دراوە", "ئاماژەی بەوەدراوە",
                 "ئاماژە بەوەش دراوە", "ئاماژە بەوەشدراوە"]
_TENSES = {"کرد": ("کرد", "کردووە", "کردبوو"), "دا": ("دا", "داوە", "دابوو"),
           # کردۆتەوە: the perfect contracted (جەختی لەوەش کردۆتەوە، https://gov.krd/moj/activities/news-and-press-releases/2025/august/)
           "کردەوە": ("کردەوە", "کردووەتەوە", "کردبووەوە", "کردۆتەوە"), "گرت": ("گرت", "گرتووە", "گرتبوو")}
# The present of the light verb (https://lvinpress.com/5867/ ئاشکرایدەکات، https://esta.krd ڕوونیدەکاتەوە): its
# noun keeps or drops -ی (ئاشکرای دەکات، ئاشکرا دەکات).
_PRESENT = {"کرد": ("دەکات", "دەکەن"), "دا": ("دەدات", "دەدەن"), "کردەوە": ("دەکاتەوە", "دەکەنەوە"),
            "گرت": ("دەگرێت", "دەگرن")}


def _variants(cue: str) -> set[str]:
    """Forms a Sorani cue takes in running text (see above)."""
    words = cue.split()
    forms = {tuple(words)}
    if words[-1] in _TENSES:
        forms |= {(*words[:-1], t) for t in _TENSES[words[-1]]}
        if words[0].endswith("ی") and len(words[0]) > 3:
            forms |= {(first, *words[1:-1], t) for t in _PRESENT[words[-1]]
                      for first in (words[0], words[0][:-1])}
    if len(words) > 1:
        clitic = set()
        for f in forms:
            first = f[0]
            if first.endswith("ی") and len(first) > 2:
                stem = first[:-1]
                # the plural clitic: هەردوولا جەختیان لەوەکردەوە (https://kurdsatnews.com/ckb/news/1/14254)
                clitic |= {(stem + end, *f[1:]) for end in ("یان", "یشیان")}
                if stem[-1] in "اەۆێوی":
                    clitic.add((stem + "شیان", *f[1:]))
                clitic.add((first + "شی", *f[1:]))          # ئاماژەیشی دا (https://ina.iq/kurd/17961-.html)
                if stem[-1] in "اەۆێوی":
                    clitic.add((stem + "شی", *f[1:]))       # ئاماژەشی دا
            if len(f) > 2 and f[1] in ("بەوە", "لەوە"):
                clitic.add((f[0], f[1] + "ش", *f[2:]))
                clitic.add((f[0], f[1] + "یش", *f[2:]))     # دووپاتی لەوەیش كردەوە (https://lalishduhok.com/?lang=ckb&p=177659)
            if len(f) > 3 and f[1:3] == ("بۆ", "ئەوە"):
                clitic.add((f[0], "بۆ", "ئەوەش", *f[3:]))
                # ئاماژەی بۆئەوەکردووە، “...” (https://snurmedia.com/6118): بۆ written against ئەوە
                clitic |= {(f[0], "بۆئەوە", *f[3:]), (f[0], "بۆئەوەش", *f[3:])}
        forms |= clitic
        joined = set()
        for f in forms:
            joined.add((*f[:-2], f[-2] + f[-1]))       # بەوە کرد → بەوەکرد, ڕەتی کردەوە → ڕەتیکردەوە
            joined.add(("".join(f),))
        forms |= joined
    # the perfect written with one و: ڕاگەیاندوە، خستوەتەڕو (https://www.radionawa.com/Ku/all-detail.aspx?jimare=14432)
    forms |= {tuple(re.sub(r"ووە(?=$|تە)", "وە", w) for w in f) for f in forms}
    return {" ".join(f) for f in forms}


_PUBLISHED = {v for v in _variants("بڵاو کردەوە")}
_WE_CUES = {" ".join(fold(w) for w in v.split()) for c in _WE_SAY for v in _variants(c)}

_THESE_WORDS = [f"{this} {word}" for this in ("ئەمە", "ئەمەش", "ئەوە", "ئەوەش", "ئەمانە", "ئەمانەش")
                for word in ("قسەی", "قسەکانی", "وتەی", "وتەکانی", "گوتەی", "گوتەکانی")]
CUES = {
    "say": sorted({v for c in _SAY for v in _variants(c)}),
    "claim": sorted({v for c in _CLAIM for v in _variants(c)}),
    "act": sorted({v for c in _ACT for v in _variants(c)}),
    "appeal": sorted({v for c in _APPEAL for v in _variants(c)}),
    # بەگوێرەی پێشبینیی ئەو کەشناسە (https://channel8.com/kurdish/50783)
    "per": ["بەپێی", "بە پێی", "بە گوتەی", "بە وتەی", "بەگوتەی", "بەوتەی", "بەگوێرەی", "بە گوێرەی",
            # "..."، ئەمە قسەی جووتیارێکی گوندی کانیسارد بوو: "these are the words of X" after the quotation
            # (https://www.kurdistan24.net/ckb/story/890290)
            *_THESE_WORDS],
    "passive": _PASSIVE + _SAID_PASSIVE,
    # X، ئەندامی ...، وێڕای جەخت لەسەر ئەوەی کە ...، دەڵێت: ... (https://chawyar.news/ku/kurdistan/ترسی-هەندێ-حزب-لە-کاراکردنی-پەرلەمانی):
    # "while stressing that", a clause of the same speaker before the sentence's verb
    "part": ["وێڕای جەخت لەسەر ئەوەی", "وێڕای جەختکردنەوە لەسەر ئەوەی", "وێڕای ئاماژەدان بەوەی",
             "وێڕای ئاماژەکردن بەوەی"],
}
_SAY_WORDS = {fold(v) for v in CUES["say"] if " " not in v and len(v) > 3}
# Sorani cues split around their object: ڕەخنەی لە X گرت, داوای لە X کرد, ئیدانەی X کرد.
SPLIT_CUES = [("ڕەخنەی", "گرت", "act"), ("ڕەخنەی", "گرتووە", "act"), ("ڕەخنەی", "دەگرێت", "act"),
              ("ئیدانەی", "کرد", "act"), ("ئیدانەی", "دەکات", "act"), ("ئیدانەی", "دەکەن", "act"),
              ("ئیدانە", "دەکات", "act"), ("ئیدانە", "دەکەن", "act"), ("باسی", "کرد", "act"),
              ("داوای", "کرد", "appeal"), ("داوای", "کردووە", "appeal"), ("داوا", "دەکات", "appeal"),
              ("داوا", "دەکەن", "appeal"), ("ئاماژەی", "کرد", "say"), ("ئاماژەی", "دابوو", "say"),
              ("ئاماژەی", "دا", "say"), ("جەختی", "کردەوە", "say"), ("جەختیان", "کردەوە", "say"),
              ("ئاماژەشی", "کرد", "say"), ("ئاماژەشی", "داوە", "say"),
              ("تەئکیدی", "کردەوە", "say"), ("تەئکیدیان", "کردەوە", "say"),
              # ئاگاداری هاووڵاتیانی کردەوە کە ...، هۆشداری بە ... دا: a warning around its addressee (a claim)
              ("ئاگاداری", "کردەوە", "claim"), ("ئاگاداری", "دەکاتەوە", "claim"), ("ئاگادار", "دەکاتەوە", "claim"),
              ("هۆشداری", "دا", "claim"), ("هۆشداری", "دەدات", "claim"), ("هۆشداریی", "دا", "claim"),
              # پێشوازی لە ... کرد "welcomed" (an act)
              ("پێشوازی", "کرد", "act"), ("پێشوازیی", "کرد", "act"), ("پێشوازی", "دەکات", "act"),
              ("پێشوازیی", "دەکات", "act"), ("پێشوازییان", "کرد", "act")]

OUTLETS = set("""هەواڵ هەواڵی کوردپرێس ڕووداو کوردستان24 کوردستان24ـی ئاژانسی ئاژانس کەناڵی کەناڵ ماڵپەڕی ماڵپەڕ
    ڕۆژنامەی ڕۆژنامە تۆڕی میدیایی""".split())
TIME_WORDS = set("""ئەمڕۆ ئەمشەو ئەمشەوی دوێنێ دوێنێشەو سبەی سبەینێ بەیانی بەیانیی بەرەبەیانی ئێوارە ئێوارەی
    نیوەڕۆ نیوەڕۆی ئێوارەیە بەیانییە نیوەڕۆیە هەفتەیە ڕۆژی شەوی شەممە یەکشەممە دووشەممە سێشەممە چوارشەممە پێنجشەممە هەینی ئەمڕۆش
    کانوونی شوبات ئازار نیسان ئایار حوزەیران تەممووز ئاب ئەیلوول تشرینی ڕێبەندان ڕەشەمە خاکەلێوە بانەمەڕ
    جۆزەردان پووشپەڕ گەلاوێژ خەرمانان ڕەزبەر گەڵاڕێزان سەرماوەز بەفرانبار
    شوباتی ئازاری ئادار ئاداری نیسانی ئایاری حوزەیرانی تەممووزی ئابی ئەیلوولی""".split())
# ئەمڕۆ هەینی 6ی ئاداری 2026، ...: the months with their izafe (and ئادار, as Kurdistan24 writes March) are a date,
# never a speaker (https://www.kurdistan24.net/ckb/story/898498)


BODY_STEMS = set("""سەرۆکایەتی حکومەت حکوومەت وەزارەت پەرلەمان ئەنجومەن ئەنجوومەن سوپا نەخۆشخانە زانکۆ دادگا
    تاقیگە پەیمانگا پۆلیس فەرماندەیی سەندیکا فراکسیۆن
    نووسینگە ڕێکخراو فڕۆکەخانە بەڕێوەبەرایەتی ئاسایش شارەوانی پارت یەکێتی ڕاپۆرت ئامار ڕاپۆرتێک نەتەوە کۆمیسیۆن لیژنە
    دەستەی دەستە ئاژانس کۆمپانیا سەرچاوە سەرچاوەیەک فەرمانگە تۆڕ""".split())
TITLES = set("""سەرۆک سەرۆکی سەرۆکوەزیران سەرۆکوەزیرانی سەرۆککۆمار سەرۆککۆماری سکرتێر سکرتێری کونسوڵ کونسوڵی وەزیر وەزیری وتەبێژ وتەبێژی گوتەبێژ گوتەبێژی پارێزگار پارێزگاری نوێنەر نوێنەری
    ئەندام ئەندامی بەڕێوەبەر بەڕێوەبەری باڵیۆز باڵیۆزی فەرماندە فەرماندەی دکتۆر د. مامۆستا کاک خاتوو
    جێگر جێگری ڕاوێژکار ڕاوێژکاری قائیمقام قائیمقامی عەقید عەمید لیوا موقەدەم نەقیب ملازم بەڕێز
    پەرلەمانتار پەرلەمانتاری دکتۆرە""".split())
DATA_NOUNS = set("""ئامار ئامارەکانی ئامارەکان ئاماری داتاکانی داتای زانیارییەکانی
    پێشبینی پێشبینیی پێشبینییەکانی پێشبینییەکەی ئەنجامەکانی ئەنجامی لێکۆڵینەوەی لێکۆڵینەوەکەی وتەکانی قسەکانی""".split())
# Documents: بەپێی نرخنامەی نوێی وەزارەت... names the ministry; ڕاگەیەندراوەکە ئاماژەی بەوە دابوو speaks for
# the body that issued it.
DOCUMENT_STEMS = ("نرخنامە", "بەیاننامە", "ڕاگەیەندراو", "ڕاگەیەنراو", "ڕاپۆرت", "نووسراو", "بڕیارنامە", "پەیام",
                  "ڕوونکردنەوە",
                  # ڕاگەیێندراوێکی، راگهیێندراوهكهی: the stem spelt with ێ (https://www.zarikrmanji.net/Home/Details/64377/,
                  # https://xwakurk.com/?p=108557)
                  "ڕاگەیێندراو", "ڕاگەیێنراو")
COMMON = set("""هەرێم هەرێمی کوردستان عێراق عێراقی بەغدا هەولێر هەولێری سلێمانی دهۆک کەرکووک ئێران تورکیا شنگال
    کەلار هەڵەبجە زاخۆ گەرمیان ڕانیە ناوخۆ ناوخۆی دەرەوە دەرەوەی دارایی تەندروستی پەروەردە کشتوکاڵ کشتوکاڵی
    وزە سامانە سروشتییەکان فیدراڵ حکومەت حکومەتی""".split())
SPEAKER_STOPS = set("""لە بۆ ئەمڕۆ دوێنێ ڕۆژی شەوی بەیانی بەیانیی نیوەڕۆی ئێوارە ئێوارەی پاشان دواتر لەگەڵ کە ئەوەی ئەوەشی ئەوەیشی
    دوای پاش پێش تاوەکو تاکو""".split())     # X دوای کۆبوونەوەی لەگەڵ ... ڕایگەیاند: "after" opens a time phrase
PRONOUNS = {"ناوبراو": "person", "ناوبراوە": "person", "ئەو": "any", "ئەوان": "any", "ئەم": "any",
            "ئەویش": "any", "ئەوانیش": "any", "ئەمیش": "any", "ناوبراویش": "person"}   # ئەویش وتی "he too said"
NOT_NAMES = {"یەکێک", "هەندێک", "زۆربەی", "کەسێک"}
ADVERBIAL_OPENERS = set("""لە بە بۆ هەروەها پاشان دواتر دوای پاش لەبارەی سەبارەت وێڕای بەهۆی لەبەر بەبۆنەی
    لەبەرئەوەی""".split())     # بەهۆی ...، X ...: "because of", a cause phrase
SUFFIXES = ("ەکانی", "ەکەی", "ەکان", "ەکە", "یەکی", "یەک", "ێکی", "ێک", "ەوە", "ییە", "یە", "ی")




TOKEN = re.compile(r"[\w.\-]+", re.UNICODE)
_F_SUFFIXES = tuple(fold(s) for s in SUFFIXES)
_F_ISH, _F_I, _F_E = fold("یش"), fold("ی"), fold("ە")
_F_THAT = {fold("ئەو"), fold("ئەم")}


_BODY_STEMS_FOLDED = {fold(s) for s in BODY_STEMS}


def norms(text: str) -> set[str]:
    """Keys of a mention's words: folded first, so the old keyboard (گوتهبێژهكهی، ه for ە) loses the same suffixes."""
    out = set()
    after_that = False
    for w in TOKEN.findall(text):
        if w.startswith("ە"):
            continue            # ەرۆکی فراکسیۆنی ...: a word that lost its first letter (no Sorani word opens with ە)
        f, after_that = _word_key(w, after_that)
        if f:
            out.add(f)
    return out


@lru_cache(maxsize=1 << 16)
def _word_key(w: str, after_that: bool) -> tuple[str | None, bool]:
    """One word's key in `norms` (None: no key) and whether it is the demonstrative ئەو/ئەم; remembered per word
    (words recur across mentions and articles)."""
    # folded first: the suffixes come off words typed with ه for ە too (پهرلهمانتارهكهی, https://xwakurk.com/?p=71063)
    w = fold(w)
    if after_that and w.endswith(_F_E) and len(w) > 4 and w[:-1] in _BODY_KEYS:
        w = w[:-1]          # ئەو وەزارەتە "that ministry": the demonstrative's ending, not the body's name
    is_that = w in _F_THAT
    if w.endswith(_F_ISH) and len(w) > 5:
        w = w[:-2]          # کوردستانیش: the additive clitic
    for suf in _F_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            w = stem + _F_E if suf.startswith(_F_E) and stem + _F_E in _BODY_STEMS_FOLDED else stem
            break       # نەخۆشخانەکە: نەخۆشخانە + کە, the stem keeps its ە
    while w.endswith(_F_I) and len(w) > 3:
        w = w[:-1]          # بەڕێوەبەرایەتیی / بەڕێوەبەرایەتییەکە: one key
    return (w if w and w not in ("له", "و") else None), is_that


_BODY_KEYS = {k for s in BODY_STEMS for k in norms(s)}
_BODY_FOLDED = {fold(s) for s in BODY_STEMS}
# نەخۆشخانەکە: the definite -کە after a vowel; norms would cut -ەکە and miss the stem
_BODY_DEFINITE = {fold(s + suf) for s in BODY_STEMS if s[-1] in "ەاۆوێ" for suf in ("کە", "کەی", "کان", "کانی", "کەش")}

_STOPS = {fold(w) for w in SPEAKER_STOPS} | {fold("بە")} | {fold(w) for w in TIME_WORDS}
_OPENERS = {fold(w) for w in ADVERBIAL_OPENERS}
_LEAD = {fold(w) for w in ("هەروەها", "پاشان", "دواتر", "بەڵام", "هاوکات", "هەر", "وە", "ئەوەی", "ئەوەشی",
                            "پێشتر", "پێشتریش", "دواتریش", "هەروەهاش", "هاوکاتیش", "لای", "خۆیەوە",
                            "لەوبارەیەوە", "لەمبارەیەوە", "هەروەک", "هەروەکو",
                            # لەمبارەوە فراکسیۆنی ... ڕایگەیاند (https://ku.kurdpress.com/news/224764)
                            "لەمبارەوە", "لەوبارەوە",
                            "ئەوەیشی", "ئەمەی", "ئەمەشی",
                            # زیاتر گوتی، ... "he further said" (https://xwakurk.com/?p=31881); لای خۆشیەوە، X وتی
                            # "for her part" (https://www.dangnews.krd/details/3700/07/17/20/2021/)
                            "زیاتر", "خۆشیەوە", "خۆیشیەوە", "خۆیانەوە", "خۆشیانەوە", "خۆیشیانەوە",
                            # وەک X دەڵێت، ... "as X says"
                            "وەک", "لەکاتێکدا", "لەکاتێکدایە",
                            # هەروەكو ئاگادارن ... "as you know", a statement's address to its readers
                            # (https://www.zarikrmanji.net/Home/Details/64377/)
                            "ئاگادارن", "ئاگادارین", "وەکو")}
# Phrases that open a sentence before its subject with no comma: بۆ ئەو مەبەستە X بە ...ی ڕاگەیاند ("to that end",
# https://nhanews.net/News.aspx?id=13092&MapID=3), بە هەمان شێوە X ... ("likewise").
_LEAD_PHRASES = {tuple(fold(w) for w in p.split()) for p in (
    "بۆ ئەو مەبەستە", "بۆ ئەم مەبەستە", "بۆ ئەو مەبەستەش", "بۆ ئەم مەبەستەش", "بەو مەبەستە", "بەم مەبەستە",
    "بە هەمان شێوە", "هەر بەو شێوەیە", "هەر بۆیە",
    # ئەمە لەکاتێکدایە پێشتر BODY ڕایگەیاندبوو کە ...: "this comes while", the writer's frame (https://xelk.org/70611/23)
    "ئەمە لەکاتێکدایە", "ئەمەش لەکاتێکدایە", "ئەوە لەکاتێکدایە", "ئەوەش لەکاتێکدایە", "ئەمە لە کاتێکدایە",
    # ئەوە لەكاتێكدایە كە دوێنێ NAME TITLE ... دووپاتی لەوەیش كردەوە كە ... (https://lalishduhok.com/?lang=ckb&p=177659)
    "ئەمە لەکاتێکدایە کە", "ئەمەش لەکاتێکدایە کە", "ئەوە لەکاتێکدایە کە", "ئەوەش لەکاتێکدایە کە",
    "ئەمە لە کاتێکدایە کە")}

_LEAD_PHRASES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}      # by first word, longest first
for _phrase in sorted(_LEAD_PHRASES, key=len, reverse=True):
    _LEAD_PHRASES_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)


def _glued_phrase(text: str) -> bool:
    """لەبەرامبەردا، لەکۆتاییدا، لەوبارەیەوە: a preposition written against its noun and postposition, a phrase of
    its own before the subject."""
    return len(text) > 6 and text.startswith("لە") and text.endswith(("دا", "ەوە"))


def _one_word_adverbial(word: str) -> bool:
    """لەبەرامبەردا، لەکۆتاییدا: a preposition and its postposition written as one word, "in response", never
    a speaker's first word (لەبەرامبەردا NAME، TITLE ... ڕاگەیاندووە, https://lvinpress.com/1530/)."""
    return len(word) > 6 and word.startswith("لە") and word.endswith(("دا", "ەوە"))


def _skip_lead(doc, a: int, b: int) -> int:
    """Past the discourse words and time words that open a segment before its subject."""
    while a < b:
        if doc[a].norm_ in _LEAD or doc[a].norm_ in _TIME or _one_word_adverbial(doc[a].text) \
                or _STAMP.match(doc[a].text) or _glued_phrase(doc[a].text):
            a += 1      # 2026-02-12 | 09:40 وەزارەتی ...: a timestamp typed before the subject
            continue
        phrase = next((p for p in _LEAD_PHRASES_BY_FIRST.get(doc[a].norm_, ())
                       if tuple(t.norm_ for t in doc[a:a + len(p)]) == p), None)      # the longest that is there
        if phrase is None or a + len(phrase) >= b:
            return a
        a += len(phrase)
    return a
_PRONOUNS = {fold(k): v for k, v in PRONOUNS.items()}
# Roles and ranks written before or after a name like a title (کارزان عومەر، شارەزای کەشناسی; سەرهەنگ ئاکۆ
# مەحموود، بەرپرسی بەشی ...): never a name. Kept apart from TITLES, which the gold scorer also reads.
ROLES = set("""شارەزا شارەزای پسپۆڕ پسپۆڕی بەرپرس بەرپرسی سەرهەنگ توێژەر توێژەری چاودێر چاودێری ڕۆژنامەنووس
    ڕۆژنامەنووسی کەشناس کەشناسی یاساناس ئابووریناس مامۆستای خاوەن خاوەنی سەرپەرشتیار سەرپەرشتیاری ڕێکخەر ڕێکخەری
    لێپرسراو لێپرسراوی کارمەند کارمەندی فەرمانبەر فەرمانبەری یاریدەدەر یاریدەدەری دادوەر دادوەری پارێزەر پارێزەری
    قایمقام قایمقامی سەرۆکی لیوای موختار موختاری
    کادر کادری کادیر کادیری نووسەر نووسەری چالاکوان چالاکوانی هونەرمەند هونەرمەندی شاعیر شاعیری
    ڕاهێنەر ڕاهێنەری یاریزان یاریزانی کاپتن کاپتنی گۆڵپارێز گۆڵپارێزی""".split())
# ڕاهێنەری یانەی X، یاریزانی ...: sports roles, after a name or alone (https://ku.964media.com/24986)
# -ناس "-ologist" (شوێنەوارناس، کەشناس، یاساناس): an occupation after or before a name, never the name itself.
_EXPERT = (fold("ناس"), fold("ناسی"))
_TITLES = {fold(w) for w in TITLES | ROLES}
# NAME، پەیامنێری OUTLET لە CITY: a correspondent's title, never the name; only for naming (as an attribution title
# it would take "بە پێی X، پەیامنێری کەناڵەکە بانگهێشت کرابوو" for an apposition)
_NAMING_TITLES = _TITLES | {fold(w) for w in ("پەیامنێر", "پەیامنێری")}
_TITLE_KEYS = {k for w in TITLES | ROLES if len(w) > 3 for k in norms(w)}     # وتەبێژەکەی: a title with its article
_TITLE_OR_BODY_KEYS = _TITLE_KEYS | _BODY_KEYS      # made once, not per word looked at
# A name never carries the definite article (-ەکە, -ەکان): مادە هۆشبەرەکان closes a role, not a name.
_DEFINITE = ("ەکە", "ەکان", "ەکەی", "ەکانی", "ەکەش", "ەکانیش")
_COMMON = {fold(w) for w in COMMON}
_DEFINITE_BACK = (fold("ەکە"), fold("ەکەی"))
_DEFINITE_FOLDED = tuple(fold(e) for e in ("ەکە", "ەکان", "ەکەی", "ەکانی", "ەکەش", "ەکانیش"))     # گوتەبێژەکەی یەکێتی, old keyboard گوتهبێژهكهی too
_THAT = {fold("کە"), ":"}


_TIME = {fold(w) for w in TIME_WORDS}
_MOUTH_PREPOSITIONS = {fold("لە"), fold("بە")}
_CIRCUM_OPENERS = {fold(w) for w in ("لە", "لەو", "لەم", "هەرلە", "هەرلەو")}   # هەرلە درێژەی لێدوانەکەیدا
# Prepositions written together with their noun: what follows is no longer the subject.
_PREFIXED = {fold(w) for w in """لەمیانی لەبارەی لەسەر لەلایەن لەگەڵ لەکاتی لەماوەی لەدوای لەپێش لەناو لەبەردەم
    لەکۆتاییدا لەوبارەیەوە لەمبارەیەوە لەبەرامبەر سەبارەت لەم لەو""".split()}
_PER_WORDS = {fold(w) for w in ("بەپێی", "بەگوتەی", "بەوتەی", "بەگوێرەی")}
_FOLLOW = {fold(w) for w in ("،", ",")}
_HONORIFICS = {fold(w) for w in "عەقید عەمید لیوا موقەدەم نەقیب ملازم سەرهەنگ دادوەر دکتۆر دکتۆرە د. مامۆستا کاک خاتوو بەڕێز".split()}
_DOCUMENTS = tuple(fold(w) for w in DOCUMENT_STEMS)
_VERB_NOUNS = {fold(w) for w in "باس باسی ئاماژە ئاماژەی جەخت جەختی داوا داوای سوپاس سوپاسی ڕەخنە ڕەخنەی هۆشداری".split()}
_AND = {fold("و")}
_VERB_PREFIXES = tuple(fold(p) for p in ("دە", "نا", "ب", "نە"))
# -ین after a vowel: دەکەین، بکشێینەوە (after a consonant it may be a copula: نادەستووری-ن "they are")
_WE_ENDINGS = tuple(fold(v + e) for v in "ەێۆاو" for e in ("ین", "ینەوە"))
_PRESENT_PREFIX = fold("دە")
_I_WE = (fold("ین"), fold("م"))
_NOT_VERBS = {fold(w) for w in ("دەوام", "دەستەم", "دەرەوە", "دەرەوەی", "دەرەوەش")}   # وەزیری دەرەوە "foreign minister"
_PASSIVE_THEY = fold("رێن")     # دەفرۆشرێن "they are sold": -ێن folds like -ین
# "we are ...", "I am ...": a predicate with the copula, ڕاشیگەیاندووە کە هیوادارین ... (https://chawyarnews.com ...
# سەحە-کوردە-کەوتەوە-قسە); پێمان وایە "we think"
_WE_ARE = {fold(w) for w in """هیوادارین هیوادارم ئامادەین ئامادەم دڵنیاین دڵنیام پابەندین پابەندم نیگەرانین نیگەرانم
    دڵخۆشین دڵخۆشم بەردەوامین بەردەوامم ناڕازین سوورین ڕازین پێمانوایە پێموایە پێمان پێم بڕوامان باوەڕمان""".split()}
# لێناهێنین، هەڵدەبژێرین، ڕادەگەیەنین: a preverb before the verb's prefix (https://www.kurdistan24.net/ckb/story/871573)
_PREVERBS = tuple(fold(w) for w in ("هەڵ", "وەر", "دەر", "لێ", "تێ", "پێ", "دا", "ڕا"))
# ئامادەبوونمان، بەڵێنەکانمان، ماڵەکەم: "our", "my" on a definite noun or a verbal noun
# (http://speemedia.com/dreja.aspx?=hewal&jmare=71490&Jor=1)
_OUR = tuple(fold(w) for w in ("ەکەمان", "ەکانمان", "ەکەمانە", "ەکانمانە", "بوونمان", "کردنمان", "ەکەم", "ەکانم"))


_FIRST_ORDINAL = fold("یەکەم")     # "first" (خوێندنەوەی یەکەم), never "my ...-the" (ەکەم)


def _without_preverb(word: str) -> str:
    for p in _PREVERBS:
        if word.startswith(p) and len(word) - len(p) > 4 and word[len(p):].startswith(_VERB_PREFIXES):
            return word[len(p):]
    return word


@lru_cache(maxsize=1 << 16)
def _first_person_word(word: str) -> bool:
    """A folded word in the first person (SoraniRules.in_own_words), remembered per word: they recur."""
    w = _without_preverb(word)
    return (len(w) > 4 and w.startswith(_VERB_PREFIXES) and w.endswith(_WE_ENDINGS)
            # دەتوانین، دەزانم: the present indicative in the first person after a consonant too (-ن is "they")
            or len(w) > 5 and w.startswith(_PRESENT_PREFIX) and w.endswith(_I_WE) and w not in _NOT_VERBS
            and not w.endswith(_PASSIVE_THEY)
            or w in _WE_ARE or w.endswith(_OUR) and not w.endswith(_FIRST_ORDINAL))


_LIGHT_VERBS = {fold(w) for w in "دەدات دەدەن دەکات دەکەن دەکاتەوە دەکەنەوە".split()}
_SAID_PASSIVE_FIRST = {fold(c.split()[0]) for c in _SAID_PASSIVE}
_DATA = {fold(w) for w in DATA_NOUNS}
_NAMED = (fold("بە"), fold("ناوی"))      # یەکێک لە دوکاندارەکان بە ناوی X: X is the name
_IN_IT = {fold(w) for w in ("تێیدا", "تیایدا", "تێدا")}
# لە بەشێکی تردا / لە درێژەیدا هاتووە: a part or the rest of the document the article reports
# (https://www.wishe.net/dreja.aspx?=hewal&Jor=1&jmare=91501)
_PART_OF = (fold("بەشێک"), fold("درێژەی"), fold("درێژەکەی"))
_IT_WORDS = {fold(w) for w in ("ئەوە", "ئەوەش", "ئەوەی", "ئەوەشی", "ئەمە", "ئەمەش", "ئەوەیش")}


_ASCRIBE_VERBS = {fold(w) for w in _ASCRIBE}
_REGARD_VERBS = {fold(w) for w in _REGARD}
_NOT_REGARD = {fold(w) for w in "باشی باش چاکی چاک تەواوی تەواو وردی ورد ڕوونی".split()}   # بە باشی دەزانێت "knows well"
_CAUSE = fold("هۆکار")


def _cause_at(sent: Sentence, cue: Cue) -> int | None:
    """For a verb of ascribing (دەگێڕێتەوە), the index of its object "the cause" (هۆکارەکەشی, هۆکاری ئەمە) after the
    comma before it, else None."""
    if sent.norms[cue.start] not in _ASCRIBE_VERBS:
        return None
    k = cue.start - 1
    while k >= 0 and sent.doc[k].text not in ("،", ",", ":"):
        if sent.norms[k].startswith(_CAUSE):
            return k
        k -= 1
    return None


def _name_like(sent: Sentence, a: int, b: int) -> bool:
    """A short run that can be a person's name (after any honorific: عەقید بەختیار حەمەد)."""
    while a < b and sent.doc[a].norm_ in _HONORIFICS:
        a += 1
    return 0 < b - a <= 3 and all(t.norm_ not in _TITLES and t.norm_ not in _COMMON and t.norm_ not in _STOPS
                                  # TITLE، بۆچوونی خۆی لەبارەی ... دەربڕی و گوتی: "his own view", never a name
                                  # (https://www.kurdistan24.net/ckb/story/862333)
                                  and t.norm_ not in _SELF
                                  # ئەندامێکی ئەنجوومەنی پارێزگاکەش دەڵێت: "a member", never a name
                                  # (https://pukmedia.com/KS/Details/200030)
                                  and not _indefinite(t.text) for t in sent.doc[a:b])


def _apposition(sent: Sentence, comma: int) -> int:
    """After `TITLE،` a name closed by another comma extends the speaker: the new end index."""
    doc = sent.doc
    d = comma + 1
    while d < len(doc) and doc[d].text not in ("،", ",", ".", ":") and d - comma <= 5:
        d += 1
    if d < len(doc) and doc[d].text in ("،", ",", ":") and _name_like(sent, comma + 1, d):
        return d
    return comma


_SHIN, _YISH = fold("ش"), fold("یش")
_NOT_ADDITIVE = {fold(w) for w in "نەخۆش ناخۆش دڵخۆش نەخۆشی گەشەی ئاسایش ئاسایی".split()}
_SELF = {fold(w) for w in ("خۆی", "خۆیان", "خۆمان", "خۆشی", "خۆیشی", "خۆشیان")}
_NEAR = {fold(w) for w in ("نزیک", "نزیکی")}


_ADDITIVE_AFTER = tuple(fold(e) for e in ("کە", "کان", "ی", "ۆ", "ا", "و", "ێ", "ە"))
_INDEFINITE = tuple(fold(e) for e in ("ێک", "یەک", "ێکی", "یەکی", "ێکیش", "یەکیش"))
_INDEFINITE_ISH = tuple(fold(e) for e in ("ێکیش", "یەکیش"))


def _additive(word: str) -> bool:
    """A noun with the additive clitic (وەزارەتی ناوخۆش, پارتییش, ئەو وەزارەتەش): "X too", a subject taken up anew.
    Folded, so the old keyboard's ه for ە reads the same (وهزارهتهش)."""
    w = fold(word)
    if len(w) <= 4 or not w.endswith(_SHIN) or w in _NOT_ADDITIVE:
        return False
    return w.endswith(_YISH) or w[:-1].endswith(_ADDITIVE_AFTER)


def _indefinite(word: str) -> bool:
    return fold(word).endswith(_INDEFINITE)


def _subject_np(sent: Sentence, a: int, b: int) -> int:
    """End of a subject before an object and its verb: an izafe chain, then a name of up to three
    words; the next izafe word, verb or "و" begins what follows."""
    doc = sent.doc
    k = a
    while k < b - 1 and doc[k].text.endswith("ی") and doc[k].norm_ not in _STOPS and not (
            k > a and doc[k].norm_ in _COMMON):     # بەڕێوەبەرایەتی پۆلیسی سلێمانی وەڵامی ...: the place ends the body
        k += 1
    k += 1
    names = 0
    while k < b and names < 3 and not doc[k].text.endswith("ی") and doc[k].text != "و" \
            and not doc[k].text.startswith(("دە", "نا", "پێی", "پێم")) and not _indefinite(doc[k].text) \
            and doc[k].norm_ not in _VERB_NOUNS and doc[k].norm_ not in _STOPS and doc[k].norm_ not in _PREFIXED:
        if k + 1 < b and doc[k + 1].norm_ in _LIGHT_VERBS:
            break               # وەزارەتی گواستنەوە ڕوونکردنەوە دەدات و ...: the noun of a light verb is no name
        k += 1
        names += 1
        if _additive(doc[k - 1].text):
            break               # وتەبێژی ئەو وەزارەتەش ڕونکردنەوەیەک بڵاودەکاتەوەو ...: "X too" closes the subject
    return k


def _izafe_np(sent: Sentence, a: int, b: int) -> int:
    """End of the noun phrase starting at a: an izafe chain (وەزارەتی پەروەردەی حکومەتی هەرێم) and a
    name after it; what follows (the object of the verb) is not part of the speaker."""
    doc = sent.doc
    k = a
    while k < b - 1 and (doc[k].text.endswith("ی") and doc[k].norm_ not in _STOPS
                         or doc[k + 1].text == "و" and k + 2 < b):
        k += 2 if doc[k + 1].text == "و" else 1      # وەزارەتی دارایی و ئابووری
    end = k + 1
    rest = doc[end:b]
    if end < b and len(rest) <= 3 and not rest[0].text.endswith("ی") \
            and not any(w.text.endswith(("ەکە", "ەکان", "ەکەی", "ەکانی")) for w in rest):
        return b                          # وەزیری کارەبا ڕێبوار ئەحمەد: title and name
    return end


_PUBLISHED_FIRST = {fold(v.split()[0]) for v in _PUBLISHED}
_AS_FOLLOWS = {fold(w) for w in """کە بەم بەو جۆرەیە جۆرە شێوەیە شێوە دەقەکەی دەقی ئەمەیە ئەمە خوارەوەیە خوارەوە
    لە ی""".split()}
_DEMONSTRATIVE = {fold("ئەم"), fold("ئەو")}
_SO = {fold("وای"), fold("وا")}
_TOPIC_OPENERS = {fold(w) for w in ("لەسەر", "لەبارەی", "سەبارەت", "دەربارەی", "لەمەڕ")}
_DETERMINERS = {fold(w) for w in ("ئەو", "ئەم", "هەموو", "کۆی", "بە")}


def _topic_end(doc, a: int, b: int) -> int:
    """End of a topic phrase opened at a (لەسەر ...، لەبارەی ...ەوە، سەبارەت بە ...): its postposition
    (-ەوە, -دا), else its izafe chain and the noun that closes it."""
    close = next((k for k in range(a + 1, b) if len(doc[k].text) > 3 and doc[k].text.endswith(("ەوە", "دا"))), None)
    if close is not None:
        return close + 1
    k = a + 1
    while k < b - 1 and (doc[k].text.endswith("ی") or doc[k].norm_ in _DETERMINERS):
        k += 1
    return k + 1


def _body_chain(sent: Sentence, a: int, b: int) -> int | None:
    """Start of a body's izafe chain that runs up to b (لەبارەی کۆبوونەوەی ... لە دهۆک وەزارەتی ناوخۆی هەرێمی
    کوردستان ڕایدەگەیەنێت, https://snurmedia.com/6118): the subject after a topic phrase with no postposition."""
    doc = sent.doc
    k = b - 1
    while k - 1 >= a and doc[k - 1].text.endswith("ی") and not is_punct(doc[k - 1]):
        k -= 1
    start = next((j for j in range(k, b - 1) if norms(doc[j].text) & _BODY_KEYS), None)
    return start if start is not None and start > a else None


def _adverbial(sent: Sentence, a: int, b: int) -> bool:
    """A segment before the verb that cannot hold its subject: a date or time (دووشەممە، ١٣ی تشرینی
    یەکەم), an opener (لە ...، لەبارەی ...) or an "according to" phrase (بەپێی هەواڵی کوردپرێس)."""
    doc = sent.doc
    first = doc[a].norm_
    if first in _OPENERS or first in _PER_WORDS or first[:1].isdigit():
        return True
    if first in _CIRCUM_OPENERS and doc[b - 1].text.endswith(("دا", "ەوە")):
        return True             # لەم بارەیەوە، ...: a phrase closed by its postposition (https://www.kurdistan24.net/ckb/story/895773)
    return all(t.norm_ in _TIME or t.norm_[:1].isdigit() or is_punct(t) for t in doc[a:b])


_AFTER = {fold(w) for w in ("دوای", "پاش", "لەدوای")}
_MEETING = fold("کۆبوونەوە")
_DELEGATION = fold("شاند")


def _plural(verb: str) -> bool:
    """A verb of saying in the third person plural (ڕایانگەیاند، ڕادەگەیەنن، دەڵێن)."""
    return fold("یان") in verb[:5] or verb.endswith(fold("ن")) and verb.startswith(fold("د")) \
        or verb.startswith(fold("ڕاد")) and verb.endswith(fold("ن"))


def _meeting_parties(sent: Sentence, a: int, b: int) -> tuple[int, int] | None:
    """دوای کۆبوونەوەی ١١ـی ئەم مانگەی شاندی پارتی و یەکێتی لە سلێمانی، لە ڕاگەیەندراوێکدا ڕایانگەیاند: the parties
    to the meeting speak with one voice (https://ku.kurdpress.com/news/225930): from the first body or delegation
    after the meeting noun to the place phrase that closes it."""
    doc = sent.doc
    for c, d in segments(doc, a, b, seps=("،", ",")):
        c, d = strip(doc, c, d)
        if d - c < 4 or doc[c].norm_ not in _AFTER or not doc[c + 1].norm_.startswith(_MEETING):
            continue
        start = next((k for k in range(c + 2, d) if norms(doc[k].text) & _BODY_KEYS
                      or doc[k].norm_.startswith(_DELEGATION) or doc[k].norm_ in _TITLES), None)
        if start is None:
            return None
        end = next((k for k in range(d - 1, start, -1) if doc[k].norm_ == fold("لە")), d)
        return sent.span(start, end) if end > start else None
    return None


_CONFERENCE = (fold("کۆنگرەی"), fold("ڕۆژنامەوانیی"))


def _conference_owner(sent: Sentence, a: int, b: int) -> tuple[int, int] | None:
    """لە کۆنگرەی ڕۆژنامەوانیی وتەبێژی پارێزگا، لە کاتی پرسیارێکی NAME، پەیامنێری ... دا ... وتی: the one whose
    press conference it is answers, never the reporter who asked (https://ku.kurdpress.com/news/226143)."""
    doc = sent.doc
    k = next((j for j in range(a, b - 2) if (doc[j].norm_, doc[j + 1].norm_) == _CONFERENCE), None)
    if k is None:
        return None
    end = next((j for j in range(k + 2, b) if doc[j].text in ("،", ",") or doc[j].norm_ in _STOPS), b)
    if end - (k + 2) < 1 or end - (k + 2) > MAX_SPEAKER_TOKENS:
        return None
    if not any(doc[j].norm_ in _TITLES or norms(doc[j].text) & _BODY_KEYS for j in range(k + 2, end)):
        return None
    return sent.span(k + 2, end)


def _issued_and(sent: Sentence, k: int, cue: Cue) -> bool:
    """`X ڕاگەیێندراوێکی ... بڵاوکردەوە و PASSIVE`: an indefinite document (its object) and "and" just before the
    passive cue (https://www.zarikrmanji.net/Home/Details/64377/)."""
    doc = sent.doc
    return _indefinite(doc[k].text) and cue.start > k + 1 and (
        doc[cue.start - 1].norm_ in _AND or _glued_and(doc[cue.start - 1].text))


def _attribute_passive(sent: Sentence, cue: Cue) -> Attribution | None:
    """لەو ڕاگەیەنراوەی حکومەتی هەرێمدا هاتووە، ...: the author of the document speaks; with the
    document alone (لە ڕاگەیەنراوەکەدا هاتووە، تێیدا هاتووە) the body that issued it."""
    doc = sent.doc
    n = len(doc)
    left_start = frame_run(sent, cue.start - 1, -1) + 1
    docs = [j for j in range(left_start, cue.start) if doc[j].norm_.lstrip("لهو").startswith(_DOCUMENTS)
            or doc[j].norm_.startswith(_DOCUMENTS)]
    k = docs[0] if docs else None
    speaker = pronoun = None
    in_it = cue.start > 0 and doc[cue.start - 1].norm_ in _IN_IT
    if len(docs) >= 2 and docs[-1] == cue.start - 1:
        # X ڕاگەیەندراوێکی بڵاوکردەوە و لە ڕاگەیەندراوەکەیدا هاتووە، ...: "in its statement", the document issued
        # just before, as تێیدا (https://anfsorani.com ... لە ڕاگەیەنراوەکەی ...دا هاتووە)
        in_it = True
    if k is None:
        if in_it or doc[cue.start].norm_ in _SAID_PASSIVE_FIRST or any(
                doc[j].norm_.startswith(_PART_OF) for j in range(left_start, cue.start)):
            # لە بەشێکی تردا هاتووە، ...: "in another part" of the document just reported
            pronoun = "document"    # تێیدا هاتووە; ئاماژە بەوە کراوە: the body whose document the article reports
        else:
            return None         # "has come": no document, nobody speaks
    elif (in_it or _issued_and(sent, k, cue)) and _subject_before(sent, left_start, k) is not None:
        # X ڕاگەیەنراوێکی ... بڵاوکردەوە و ئاماژە بەوەدراوە، ...: the same, the passive right after "and"
        # X ڕاگەیەنراوێکی بڵاوکردەوە و تێیدا هاتووە، ...: the one who issued the document, its subject
        # (https://www.kurdistan24.net/ckb/story/888564)
        speaker = sent.span(*_subject_before(sent, left_start, k))
    else:
        a, b = k + 1, cue.start
        b = next((j for j in range(a, b) if doc[j].text in ("،", ",") or doc[j].norm_ == fold("کە")), b)
        while b > a and is_punct(doc[b - 1]):
            b -= 1          # لە ڕوونکردنەوەکەی X، کە ئەمڕۆ بڵاوکراوەتەوە، ئاماژە بەوە کراوە: X
        while a < b and doc[a].norm_ in _IT_WORDS:
            a += 1          # لە ڕاگەیەنراوەکەدا ئەوەش خراوەتە ڕوو: "this too" is what was said, not who
        body_at = next((j for j in range(a, min(b, a + 3)) if norms(doc[j].text) & _BODY_KEYS), None)
        if body_at is not None:
            a = body_at     # بەگوێرەی نووسراوێکی فەرمیی وەزارەتی تەندروستی: the ministry, not "official"
        if a < b:
            start, end = sent.span(a, b)
            if doc[b - 1].text.endswith("دا") and len(doc[b - 1].text) > 4:
                end -= 2        # حکومەتی هەرێمدا: the postposition is not the name
            speaker = (start, end)
        else:
            pronoun = "document"
    j = cue.end
    while j < n and is_punct(doc[j]) and doc[j].text != ":":
        j += 1
    colon = j < n and doc[j].text == ":"
    start = j + 1 if colon or (j < n and doc[j].norm_ == fold("کە")) else j
    return Attribution(cue, speaker, pronoun, content(sent, start, n), None, clause=True, colon=colon)


_LINE_BREAK_ENDS = {fold(w) for w in ("و", "لە", "بە", "بۆ", "لەگەڵ")}


def _after_line_break(sent: Sentence, a: int, b: int) -> int:
    """Start of a subject segment that runs over a line break: a headline or a standfirst with no closing
    punctuation, then the subject on a line of its own (یەكگرتوو :... ڕێكنەكەوتوون⏎NAME، ...ڕاگەیاند,
    https://xwakurk.com/?p=71063; پێش ساڵێک⏎HEADLINE⏎NAME TITLE دووپاتیکردەوە, https://plus4.co/ku/detail/4281). A hard
    wrap inside a subject is kept: the line before must hold a clause of its own (three words or more) and end in
    no izafe, "and" or preposition, and a name or a body must open the line after it."""
    doc = sent.doc
    nl = next((k for k in range(b - 1, a, -1) if "\n" in doc[k].text), None)
    if nl is None or nl + 1 >= b:
        return a
    words = [t for t in doc[a:nl] if not is_punct(t) and not t.is_space]
    last = words[-1] if words else None
    if len(words) < 3 or last.text.endswith("ی") or last.norm_ in _LINE_BREAK_ENDS:
        return a
    head = nl + 1
    if _name_like(sent, head, min(b, head + 2)) or norms(doc[head].text) & _BODY_KEYS or doc[head].norm_ in _TITLES:
        return head
    return a


def _lead_subject(sent: Sentence, a: int, b: int) -> int | None:
    """End of the subject of a lead clause before "، ئەوەش دەخاتەڕوو ..." ("and this too it puts forward"):
    the words before its first verb or verbal noun (کەسێکى نزیک لە ... باس لە ... دەکات، ئەوەش دەخاتەڕوو،
    https://www.ajansiwllat.net/2014/10/blog-post_684.html)."""
    doc = sent.doc
    k = next((j for j in range(a + 1, b) if doc[j].norm_ in _VERB_NOUNS
              or len(doc[j].text) > 3 and doc[j].text.startswith(("دە", "نا"))), None)
    return k if k is not None and k - a <= 6 else None


def _regards(sent: Sentence, a: int, cue: Cue, verb_end: int) -> bool:
    """دەزانێت as "regards as": a بە phrase (بە Z) right before it in its clause, not an adverb of manner (بە باشی
    "well"), and no clause or colon after it ("knows that")."""
    doc = sent.doc
    k = next((j for j in range(cue.start - 1, max(a, cue.start - 10) - 1, -1) if doc[j].norm_ == fold("بە")
              or doc[j].text in ("،", ",", ".")), None)
    if k is None or doc[k].norm_ != fold("بە") or k < a + 2 or k + 1 >= cue.start:
        return False
    if cue.start - k == 2 and doc[k + 1].norm_ in _NOT_REGARD:
        return False
    return not (verb_end < len(doc) and (doc[verb_end].norm_ in _THAT or doc[verb_end].text in ("،", ",")
                                         and verb_end + 1 < len(doc) and doc[verb_end + 1].norm_ in _THAT))


def _subject_before(sent: Sentence, i: int, j: int) -> tuple[int, int] | None:
    """The subject in tokens i..j-1 (before a document noun or a verb): the last comma segment that is
    not a date, a time or an adverbial opener."""
    doc = sent.doc
    for a, b in reversed(segments(doc, i, j, seps=("،", ","))):
        a, b = strip(doc, a, b)
        a = _skip_lead(doc, a, b)
        if a < b and not _adverbial(sent, a, b):
            return a, b
    return None



# ---------------------------------------------------------------- speaker safeguards (round 9)
# A Sorani speaker is a name, a role noun, a body, a document or a described person; a span that is an adverb
# (بەداخەوە، جارێکی تر، بەردەوام), a modal opening a clause (پێویستە ...، دەبێت ...), a timestamp (PM:04:15:12/02/2026)
# or another clause (... دەخرێن) is none of these: the previous speaker continues (pronoun "any").
_ADVERBS = {fold(w) for w in """بەردەوام هەمیشە هەمیشەش دیسان دیسانەوە دووبارە ئێستا ئێستاش ئێستاکە تەنها تەنیا
    بەتایبەتی بەگشتی بەکورتی بەڕوونی بەئاشکرا بەتوندی ڕۆژانە هەفتانە مانگانە ساڵانە سەرەتا لەسەرەتادا لەکۆتاییدا
    بۆیە چونکە بەڵکو ئیتر ئەمجارە ئەوجارە جارێکی جارێک جاریکی بەداخەوە خۆشبەختانە بەدبەختانە مخابن هەرچەندە
    لەکاتێکدا کەچی کەواتە ئینجا ئیدی بەهەرحاڵ""".split()}
_MODALS = {fold(w) for w in """پێویستە دەبێت دەبێ نابێت ناکرێت دەکرێت دەشێت گرنگە ئەگەر بەڵام هەرچی ئەوەی کە""".split()}
_MONTHS = {fold(w) for w in """کانوون کانوونی کانون کانونی شوبات شوباتی ئادار ئاداری ئازار ئازاری نیسان نیسانی ئایار
    ئایاری مایس حوزەیران حوزەیرانی تەمموز تەمموزی تەممووز تەممووزی تەمووز تەمووزی ئاب ئابی ئەیلوول ئەیلوولی ئەیلول
    ئەیلولی تشرین تشرینی""".split()}
_STAMP = re.compile(r"^[\d:/.\-|–—,،AaPpMm\s]+$")
_OPEN_ENDS = {fold(w) for w in ("لە", "بە", "بۆ", "و", "لەگەڵ", "لەسەر", "لەناو")}


_LIGHT_FINITE = tuple(fold(w) for w in """دەکات دەکەن دەکرێت دەکرێن دەبێت دەبن دەدات دەدەن دەدرێت دەکاتەوە دەکەنەوە
    دەکرێتەوە دەبێتەوە دەچێت ناکات ناکەن نابێت""".split())


_PREVERBS = tuple(fold(p) for p in ("دا", "هەڵ", "ڕا", "وەر", "دەر", "تێ", "پێ", "لێ"))


_PRESENT_ENDINGS = tuple(fold(e) for e in ("ێت", "ات", "ێن", "ەن", "ن", "ێ", "ەوە", "ین", "م"))
_NEG_ENDINGS = tuple(fold(e) for e in ("ات", "ێت", "ەن", "ێن", "ین", "م", "ەوە"))
_PAST_MARKS = tuple(fold(e) for e in ("کرد", "بوو", "ووە", "دا", "را", "ووەتەوە", "کراوە", "بووە"))


def _finite(word: str) -> bool:
    """A word that closes a Sorani clause as its verb: the present or negative (دەخرێن، ناکات، دەبێت، دەکرێتەوە),
    the subjunctive (بداتەوە) or a perfect/passive (ڕاگیراوە، کراوە، بووە); an izafe (-ی) never."""
    w = fold(word)
    if len(w) < 4 or word.endswith("ی") or w in _NOT_VERBS:
        return False
    if w.endswith(_LIGHT_FINITE):
        return True         # دەستپێدەکات، بڵاودەکاتەوە: a compound verb written as one word
    pre = next((p for p in _PREVERBS if w.startswith(p) and len(w) > len(p) + 3), None)
    if pre is not None:
        w = w[len(pre):]    # دادەڕێژێت، هەڵدەستێت، ڕادەگیرێت: the verb after its preverb
        if _subjunctive_after_preverb(w):
            return True     # ... دەتوانێت قەیرانەکە تێپەڕێنێت: the subjunctive drops its ب after a preverb
    if w.endswith(_DEFINITE_FOLDED):
        return False        # ناڕازییەکان: a noun with the definite article
    if w.startswith((fold("دەست"), fold("دەنگ"), fold("دەوڵ"), fold("دەسەڵ"), fold("نامە"), fold("ناو"),
                     fold("ناوەند"), fold("نەخۆش"), fold("نەوت"), fold("نەتەوە"))):
        return False
    if w.startswith(fold("دە")) and len(w) >= 5 and w.endswith(_PRESENT_ENDINGS):
        return True         # دەخرێن، دەکرێتەوە
    if w.startswith(fold("نا")) and len(w) >= 5 and w.endswith(_NEG_ENDINGS):
        return True         # ناکات، نازانم
    if w.startswith(fold("نە")) and (w.startswith(fold("نەدە")) or w.endswith(_PAST_MARKS)):
        return True         # نەکردووە، نەدەکرا (never a name: نەجم، نەسرین، نەوزاد)
    if w.startswith(fold("ب")) and w.endswith(tuple(fold(e) for e in ("ات", "ێت", "اتەوە", "ێتەوە"))) \
            and not w.startswith(fold("بە")):
        return True
    return w.endswith(tuple(fold(e) for e in ("کردەوە", "کرایەوە", "ووەتەوە", "ۆتەوە", "تووە", "تووەتەوە", "اند", "کرد", "راوە", "راون", "راوەتەوە", "کراوە", "کراون", "بووە", "بوون",
                                                "بووەتەوە", "بۆتەوە", "کردووە", "داوە")))


_SUBJUNCTIVE_ENDS = tuple(fold(e) for e in ("ێنێت", "ێنن", "ێنێتەوە", "بکات", "بکەن", "بدات", "بدەن"))


def _subjunctive_after_preverb(rest: str) -> bool:
    """The rest of a word after a preverb is a subjunctive verb (تێپەڕێنێت، هەڵبکات، دابدەن): a clause's verb."""
    return len(rest) >= 4 and rest.endswith(_SUBJUNCTIVE_ENDS) and not rest.endswith(_DEFINITE_FOLDED)


_DRA = fold("درا")


def _after_verb_and(sent: Sentence, a: int, b: int) -> int:
    """`CLAUSE VERB و SUBJECT ... CUE` in one comma segment (هەڵبژاردنەکە ... ئەنجامدرا و كۆمسیۆن ئەنجامەکەی
    ڕاگەیاند): a clause closed by its verb and "and", the subject after them, never the clause's first noun
    (https://www.zarikrmanji.net/Home/Details/64377/)."""
    doc = sent.doc
    for k in range(b - 2, a, -1):
        if doc[k].norm_ in _AND and (_finite(doc[k - 1].text) or len(doc[k - 1].text) > 5
                                     and doc[k - 1].norm_.endswith(_DRA)):
            return k + 1
    return a


_REPORT_NOUNS = {fold(w) for w in ("ڕاپۆرتی", "ڕاپۆرتێکی", "هەواڵی", "هەواڵێکی", "زانیارییەکانی", "بڵاوکراوەی")}


def _report_then_speaker(sent: Sentence, a: int, b: int) -> bool:
    """`بە پێی ڕاپۆرتی OUTLET ، NAME TITLE ... گوتی : ...`: after "according to a report of X" the sentence has its own
    verb of saying; the outlet quotes NAME and says nothing itself (https://kurdish.sahartv.ir/news/...-i390844)."""
    doc = sent.doc
    if doc[a].norm_ not in _REPORT_NOUNS:
        return False
    return any(sent.frame[k] and sent.norms[k] in _SAY_WORDS for k in range(b + 1, len(doc)))


def _two_role_holders(sent: Sentence, span: tuple[int, int]) -> bool:
    """A speaker span `TITLE ... و TITLE ...` (سەرۆکی پۆلیسی ئێران و سەرۆکی پۆلیسی ئەرمەنستان): two people, whose
    words later mentions of either must not share (https://kurdish.sahartv.ir/news/...-i390844)."""
    doc = sent.doc
    a, b = sent.token_at(span[0]), sent.token_at(span[1] - 1) + 1
    return any(doc[k].norm_ in _AND and doc[k + 1].norm_ == doc[a].norm_ and doc[a].norm_ in _TITLES
               for k in range(a + 1, min(b, len(doc)) - 1))


def _relative_segment(sent: Sentence, a: int, b: int) -> bool:
    """A comma segment that opens with the relative کە and closes with its verb (کە لە قوتابخانەی ... ئەنجامی دا): the
    end of a phrase before the subject (https://lalishduhok.com/uncategorized/post/121816/?lang=ckb)."""
    doc = sent.doc
    return b - a >= 3 and doc[a].norm_ == fold("کە") and (_finite(doc[b - 1].text) or doc[b - 1].norm_ in _VERBISH)


def _clause_segment(sent: Sentence, a: int, b: int) -> bool:
    """A comma segment that is a clause of its own (its verb closes it), not a subject; a relative clause (کە ...)
    belongs to the noun before it and is not one."""
    doc = sent.doc
    if b - a < 2 or doc[a].norm_ == fold("کە"):
        return False
    if b - a >= 3 and doc[b - 1].norm_ in _LIGHT_PAST:
        return True     # ...، ئەوەش نیگەرانی لای نانەواكان دروست كرد، بەڵام X رایان گەیاند: a short past verb closes it
    if doc[a].norm_ in _IT_WORDS and doc[b - 1].norm_.endswith(_COMES):
        return True         # ئەمەش دواى ئەوەدێت، دوێنێ NAME، TITLE ڕایگەیاند: "this comes after", the writer's frame
    return _finite(doc[b - 1].text) or any(doc[k].norm_ in _SAY_WORDS for k in range(a, b))


_LIGHT_PAST = {fold(w) for w in ("کرد", "کرا", "بوو", "بووەوە", "بووە", "کران")}   # (http://wishe.net/details.aspx?=hewal&jmare=122096&Jor=3)
_COMES = (fold("دێت"), fold("دێ"))


def _implausible(sent: Sentence, a: int, b: int) -> bool:
    """Whether tokens a..b-1 cannot be a Sorani speaker (see above)."""
    doc = sent.doc
    words = [t for t in doc[a:b] if not is_punct(t)]
    if not words:
        return True
    first = words[0].norm_
    if first in _ADVERBS or first in _MODALS or _STAMP.match(text_of(doc, a, b)):
        return True
    if all(t.norm_ in _MONTHS or t.norm_ in _TIME or t.text[:1].isdigit() for t in words):
        return True         # ئاداری 2026: a date
    if len(words) <= 3 and (words[-1].text.endswith("ەوە") and len(words[-1].text) > 4
                            and not words[-1].norm_.startswith(_DOCUMENTS)
                            and (len(words) == 1 or first in _MOUTH_PREPOSITIONS)):
        return True         # بەداخەوە، بە خۆشحاڵییەوە، بە دڵنیاییەوە: manner, never a speaker
    if _finite(words[-1].text):
        return True         # جەختی کردەوە: a span closed by a verb is a clause
    if any(_first_person_verb(t.text) for t in words[1:]):
        return True         # (ڕایگەیاند:) بەخێرهاتنی ... دەکەم لە ... و ئاماژەی بۆ ئەوەشکرد: someone's speech, no subject
    return any(t.norm_ in _SAY_WORDS for t in words)


_FIRST_PERSON_ENDS = tuple(fold(e) for e in ("ەم", "ێم", "ام", "ین", "ەین", "ەینەوە", "ەمەوە"))


def _first_person_verb(word: str) -> bool:
    """A present verb in the first person (دەکەم، دەکەین، دەزانین، دەڕۆم): speech, never part of a speaker."""
    w = fold(word)
    return len(w) > 4 and w.startswith(_PRESENT_PREFIX) and w.endswith(_FIRST_PERSON_ENDS) and _finite(word) \
        and w not in _NOT_VERBS and not w.endswith(_PASSIVE_THEY)


def _unwrap_lead(sent: Sentence, left_start: int) -> int:
    """A subheading cut off a hard-wrapped paragraph may take a wrapped line of the speaker with it (the line ends
    in an izafe or a preposition: `NAME ئەندامی ... لە فراکسیۆنی⏎پارتی گەل بە X ی ڕاگەیاند`): the speaker's phrase
    begins at the start of that line (https://pukmedia.com/KS/Details/200030)."""
    doc = sent.doc
    k = sent.lead
    if k <= 0 or left_start != k or k >= len(doc):
        return left_start
    p = k - 1
    while p > 0 and doc[p].is_space:
        p -= 1
    prev = doc[p]
    if p == k - 1 or not (prev.text.endswith("ی") and len(prev.text) > 2 or prev.norm_ in _OPEN_ENDS) \
            or not any("\n" in t.text for t in doc[p + 1:k]):
        return left_start
    j = p
    while j > 0 and "\n" not in doc[j - 1].text:
        j -= 1
    return j if j < p else left_start


def _label_text(text: str) -> str | None:
    """The name of a `NAME:` line (see SoraniRules.speaker_label), else None."""
    t = text.strip()
    if not t.endswith(":") or "\n" in t or len(t) > 40:
        return None
    name = t[:-1].strip()
    words = name.split()
    if not 2 <= len(words) <= 4 or any(not _NAME_WORD.match(w) for w in words):
        return None
    return name if name_of(name) is not None and name_of(name) == " ".join(
        w[2:] if w.startswith(("د.", "م.")) and len(w) > 3 else w for w in words if fold(w) not in _HONORIFICS) else None


_NAME_WORD = re.compile(r"^[^\W\d_][\w.\u200c]*$")
_FOR = fold("بۆ")


def _inline_label_text(text: str) -> bool:
    """Cheap test for `_inline_label`: a colon among the first eight words of a sentence's first line."""
    head = text.lstrip()[:90].split("\n", 1)[0]
    at = head.find(":")
    return 0 < at and len(head[:at].split()) <= 8


def _role_label(doc, a: int, b: int) -> bool:
    """`وەزیری پەروەردە:` — a title or a body and its complement (two to four words) as a label."""
    words = [t.text for t in doc[a:b]]
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words) \
        and bool(norms(words[0]) & _TITLE_OR_BODY_KEYS) and words[0].endswith("ی") \
        and not any(fold(w) in _CUE_WORDS or fold(w) in _VERBISH or _finite(w) for w in words)


def _inline_label(sent: Sentence, n: int) -> Attribution | None:
    """A line that opens with its speaker and a colon and attributes nothing else: `NAME: SPEECH` (an interview's
    pull quote or answer, two to four name words) or a headline `SPEAKER بۆ OUTLET: SPEECH` ("X to OUTLET: ...")
    (https://mail.gulanmedia.com/so/story/178828/). The speech after the colon is direct, four words at least."""
    doc = sent.doc
    colon = next((k for k in range(1, min(n, 9)) if doc[k].text == ":"), None)
    if colon is None or n - colon - 1 < 4 or "\n" in doc.source[:doc[colon].idx]:
        return None
    a = 0
    while a < colon and doc[a].is_space:
        a += 1
    b = colon
    if b - a >= 3 and doc[b - 2].norm_ == _FOR and (doc[b - 1].norm_ in _OUTLET_WORDS or name_of(doc[b - 1].text)):
        b -= 2              # پەرلەمانتارێکی ... بۆ گوڵان: the outlet it spoke to is not the speaker
        label = text_of(doc, a, b)
        if name_of(label) is None and not norms(label) & _TITLE_OR_BODY_KEYS and not _indefinite(doc[a].text):
            return None
    elif _label_text(text_of(doc, a, colon + 1)) is None and not _role_label(doc, a, colon):
        return None
    said = content(sent, colon + 1, n)
    if said is None:
        return None
    att = Attribution(Cue(sent.index, colon, colon + 1, "say"), sent.span(a, b), None, said, None, clause=True,
                      colon=True)
    att.direct = True
    return att


_NEWS = (fold("زانیاری"), fold("هەواڵ"))
_NEWS_QUOTES = {'"', "“", "”", "«", "»"}
_NEWS_OPENERS = {fold("هەواڵ"), fold("هەواڵی")}
_SOURCE = (fold("سەرچاوە"), fold("لەسەرچاوە"))


def _news_owner(sent: Sentence, a: int, right_end: int) -> tuple[int, int, int] | None:
    """بەپێی ئەو زانیاریانەی دەستی "وشە" كەوتووە، ... (http://www.wishe.net/details.aspx?=hewal&jmare=89191&Jor=14);
    بەپێی هەواڵی گەیشتوو بە ئاژانسی هەواڵدەریی کوردپا، ... (kurdpa.net): news or information reaching an outlet is
    the outlet's own: the outlet speaks, not the news noun. The owner's char span and the index of the comma that
    ends the phrase, else None."""
    doc = sent.doc
    if a < right_end and doc[a].norm_ in _DEMONSTRATIVE:
        a += 1
    if a >= right_end or not doc[a].norm_.startswith(_NEWS):
        return None
    comma = next((k for k in range(a + 1, min(right_end, a + 10)) if doc[k].text in ("،", ",")), None)
    if comma is None:
        return None
    for k in range(a + 1, comma):
        if doc[k].norm_.startswith(_SOURCE):
            # ئەو زانیارییانەی لەسەرچاوەیەكی ئاگاداری ناو X دراوە بەOUTLET (https://bwar.news/?per=posts&pewakraw=view&id=1259):
            # information a source gave the outlet: the source, up to its verb
            end = next((j for j in range(k + 1, comma) if _finite(doc[j].text) or doc[j].norm_ in _STOPS), comma)
            glued = 2 if doc[k].norm_.startswith(_SOURCE[1]) else 0
            return sent.start + doc[k].idx + glued, sent.span(end - 1, end)[1], comma
        if doc[k].text in _NEWS_QUOTES and k + 2 < comma and doc[k + 2].text in _NEWS_QUOTES:
            return (*sent.span(k + 1, k + 2), comma)        # دەستی "وشە" كەوتووە: the quoted outlet
        if doc[k].norm_ in _OUTLET_WORDS and doc[k].norm_ not in _NEWS_OPENERS:
            return (*sent.span(k, comma), comma)            # گەیشتوو بە ئاژانسی X: the agency to the comma
    return None


_BY = fold("لەلایەن")
_BY_SPLIT = (fold("لە"), fold("لایەن"))
_PRESENTED = {fold(w) for w in ("پێشکەش", "پێشکەشکرا", "پێشکەشکراوە", "خوێندرایەوە", "خرایەڕوو")}


def _in_it_agent(sent: Sentence, segs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """وتاری وەزیر لە لایەن(NAME) TITLE پێشکەش کرا، تیایدا باسی لە ... کرد ڕایگەیاند، "..." (https://ku.kurdpress.com/
    news/157499/): a speech presented by someone, then "in it" ... the verb: the one who presented it speaks, never
    the clause before (a passive has no subject of its own). The char span of the agent's name, else None."""
    doc = sent.doc
    if len(segs) < 2 or doc[segs[-1][0]].norm_ not in _IN_IT:
        return None
    a, b = segs[-2]
    for k in range(a, b - 1):
        w = doc[k].norm_
        if w == _BY:
            start = k + 1
        elif w == _BY_SPLIT[0] and doc[k + 1].norm_.startswith(_BY_SPLIT[1]):
            start = k + 1 if "(" in doc[k + 1].text else k + 2
        else:
            continue
        if start >= b:
            return None
        tok = doc[start]
        if "(" in tok.text:     # لە لایەن(NAME): the bracket typed against لایەن
            close = next((j for j in range(start, min(b, start + 6)) if ")" in doc[j].text), None)
            if close is None:
                return None
            first = sent.start + tok.idx + tok.text.index("(") + 1
            last = sent.start + doc[close].idx + doc[close].text.index(")")
            return (first, last) if last > first else None
        end = next((j for j in range(start, b) if doc[j].norm_ in _PRESENTED or _finite(doc[j].text)), b)
        return sent.span(start, end) if 0 < end - start <= MAX_SPEAKER_TOKENS else None
    return None


def _named_colon_clause(sent: Sentence, i: int, j: int) -> int | None:
    """NAME ... دەڵێت: ...، NAME بە گاڵتەشەوە دەڵێت: ... (https://hawlerweb.net/kurdistan/2024/03/77546): a later
    verb with a colon of its own, whose last comma segment opens with a name (two or three words, then at most a
    manner phrase), has a subject of its own; the earlier clause ends at that comma."""
    doc = sent.doc
    if not any(doc[k].text == ":" for k in range(j + 1, min(len(doc), j + 4))):
        return None
    comma = next((k for k in range(j - 1, i, -1) if doc[k].text in ("،", ",")), None)
    if comma is None or comma - i < 3:
        return None
    stop = next((k for k in range(comma + 1, j) if doc[k].norm_ in _STOPS), j)
    return comma if stop - comma - 1 >= 2 and _name_like(sent, comma + 1, stop) else None


def _named_after_clause(sent: Sentence, segs: list[tuple[int, int]], verb_end: int) -> bool:
    """...، جیاوازیی هەولێر و بەغدا وەک زەوی و ئاسمانە، ئاسۆ جەمیل بە گاڵتەشەوە دەڵێت: ... (https://hawlerweb.net/
    kurdistan/2024/03/77546): before a verb with its own colon, a name opening the last comma segment is the subject;
    the long segment before it is a clause of the previous speech, never a role in apposition."""
    doc = sent.doc
    if len(segs) < 2 or verb_end >= len(doc) or doc[verb_end].text != ":":
        return False
    (c, d), (a, b) = segs[-2], segs[-1]
    stop = next((k for k in range(a, b) if doc[k].norm_ in _STOPS), b)
    if not (2 <= stop - a <= 3 and _name_like(sent, a, stop)) or d - c <= 4:
        return False
    return doc[c].norm_ not in _TITLES and not norms(doc[c].text) & _TITLE_OR_BODY_KEYS


def _outlet_then_name(sent: Sentence, a: int, b: int) -> int:
    """لە لێدوانێکدا بۆ مەودا میدیا بەختیار ڕەسوڵ، بەڕێوەبەری ... رایگەیاند (https://mewdamedia.com/articles/25491):
    after a channel phrase, "to OUTLET" then a two-word name closed by a comma and a title: the name starts the
    subject (where the outlet's name ends is unknown, the name is taken as its last two words)."""
    doc = sent.doc
    if doc[a].norm_ != fold("بۆ") or b - a < 4 or b + 1 >= len(doc) or doc[b].text not in ("،", ",") \
            or doc[b + 1].norm_ not in _TITLES or not _name_like(sent, b - 2, b):
        return a
    return b - 2


def _after_heading(sent: Sentence, a: int, b: int) -> int:
    """داشکاندنی ساختە و داخستنی دوکانەکان بەڕێوەبەری چاودێریی بازرگانی ئاماژەی بەوە دا (https://www.kurdistan24.net/ckb/
    story/876912, a subheading run into the next sentence): a title after a definite noun (-ەکان/-ەکە, no izafe) starts
    the subject; a definite noun never stands right before its own title."""
    doc = sent.doc
    for k in range(a + 2, min(b - 1, a + 10)):
        if doc[k].norm_ in _TITLES and doc[k].text.endswith("ی") and doc[k - 1].norm_.endswith(_DEFINITE_PLAIN) \
                and not doc[k - 1].text.endswith("ی"):
            return k
    return a


_DEFINITE_PLAIN = (fold("ەکان"), fold("ەکە"))


def _answer_head(text: str) -> bool:
    """Whether a sentence may open with `NAME: ` (see `_answer_line`); a cheap look at its first 45 characters."""
    t = text.lstrip()
    i = t.find(":", 0, 45)
    return i > 0 and "\n" not in t[:i] and _label_text(t[:i + 1]) is not None


def _answer_line(sent: Sentence, n: int) -> Attribution | None:
    """کاوه ڕهحمانی: پێمانوایه ... (an interview's answer line, https://krmanshanazadi.blogspot.com/2013/08/
    blog-post_866.html): a sentence opening with a person's name (two to four words, as `_label_text` takes it) and a
    colon, the speech after it on the same line; the interviewer's `OUTLET: ...؟` (one word) never passes."""
    doc = sent.doc
    a = 0
    while a < n and doc[a].is_space:
        a += 1
    colon = next((k for k in range(a + 2, min(n, a + 6)) if doc[k].text == ":"), None)
    if colon is None or n - colon < 5 or any(doc[k].is_space or doc[k].is_punct for k in range(a, colon)):
        return None
    if _label_text(" ".join(doc[k].text for k in range(a, colon)) + ":") is None or sent.doc.source.rstrip().endswith(("؟", "?")):
        return None
    return Attribution(Cue(sent.index, colon, colon + 1, "say"), sent.span(a, colon), None,
                       sent.span(colon + 1, n), None, clause=True, colon=True, direct=True)


def _indefinite_object(sent: Sentence, i: int, j: int) -> bool:
    """An indefinite noun in the last comma segment before the verb (یەکێتی و گۆڕان لیستێکی هاوبەشیان ... ڕاگەیاند):
    the verb's object, so the verb announced a thing."""
    doc = sent.doc
    k = j - 1
    while k >= i and doc[k].text not in ("،", ","):
        if _indefinite(doc[k].text):
            return True
        k -= 1
    return False


def _glued_and(text: str) -> bool:
    """A finite verb with و typed against it (تێکەوتووەو، بڵاودەکاتەوەو)."""
    return len(text) > 4 and text.endswith("و") and not text.endswith("وو") and _finite(text[:-1])


def _opener_at(doc, k: int) -> bool:
    f = doc[k].norm_
    return f in _OPENERS or f in _STOPS or f in _PREFIXED or f in _CIRCUM_OPENERS or f in _LEAD or f in _TIME


def _byline(doc, a: int, k: int) -> bool:
    """The line a..k-1 is a byline (an outlet or a place, one or two words, no izafe): خواکوڕک ⏎ X ڕایگەیاند."""
    words = [t for t in doc[a:k] if not is_punct(t)]
    return 0 < len(words) <= 2 and not words[-1].text.endswith("ی") and words[-1].norm_ not in _OPEN_ENDS


def _after_closed_line(sent: Sentence, a: int, b: int) -> int:
    """A line that ends in a finite verb and then a line break, inside what would be the subject, is a subheading of
    hard-wrapped copy (`لایەنە براوەکان لەگەڵ سەرۆکی حکوومەت کۆ دەبنەوە⏎NAME ئەندامی ... ڕاگەیاند`): the subject
    begins on the next line."""
    doc = sent.doc
    start = a
    for k in range(a + 1, b - 1):
        if "\n" in doc[k].text and doc[k].is_space and (_finite(doc[k - 1].text) or _byline(doc, start, k)):
            start = k + 1
        elif k < b - 1 and _glued_and(doc[k].text) and not _opener_at(doc, k + 1):
            start = k + 1   # ... ئاوی تێکەوتووەو BODYش دەڵێت، ...: the verb with و against it
        elif doc[k].norm_ in _AND and _finite(doc[k - 1].text) and k + 1 < b and not (
                doc[k + 1].norm_ in _OPENERS or doc[k + 1].norm_ in _STOPS or doc[k + 1].norm_ in _PREFIXED
                or doc[k + 1].norm_ in _CIRCUM_OPENERS or doc[k + 1].norm_ in _LEAD or doc[k + 1].norm_ in _TIME):
            start = k + 1   # کۆبوونەوەکە دوو کاتژمێری خایاند و NAME، TITLE وتی: a clause, then "and" a new subject
    return start



_WAS = {fold(w) for w in ("بوو", "بووە", "بوون", "یە", "ە", "ن")}
_BE = fold("بە")
# بە پێی ڕاپۆرتی کەناڵی X بە گێڕانەوە لە ماڵپەڕی Y، ...: "citing Y" ends X (https://kurdish.sahartv.ir/)
_CITING = {fold("بەگێڕانەوە")}
_RETELLING = fold("گێڕانەوە")
_BUT = {fold(w) for w in ("بەڵام", "کەچی", "بەڵکو")}
_YE = fold("ی")
_TEXT_OF = {fold(w) for w in ("دەقی", "دەق", "تێکستی", "تەواوی")}
_CORRESPONDENT = {fold(w) for w in ("پەیامنێری", "پەیامنێر", "نێردراوی")}


_OUTLET_WORDS = {fold(w) for w in OUTLETS}


def _glued_addressee(tok) -> bool:
    """بە written against the outlet it is said to (بەئاژانسی هەواڵی ...، بەSNNی ڕاگەیاند): the speaker ends before it."""
    w = tok.norm_
    if not w.startswith(_BE) or len(w) < 4:
        return False
    rest = w[len(_BE):]
    return rest[:1].isascii() and rest[:1].isalpha() or rest in _OUTLET_WORDS or rest.rstrip(_YE) in _OUTLET_WORDS


_OLD_BE = fold("به")


def _hyphen_addressee(doc, k: int) -> bool:
    """بە glued to a proper name whose izafe is set off by a hyphen (بهشارپرێس-ى ڕاگهیاند: tokens `بهشارپرێس` `-` `ى`;
    the old keyboard's ه too): an outlet or a foreign name, the addressee; the speaker ends before it."""
    w = doc[k].norm_
    return w.startswith((_BE, _OLD_BE)) and len(w) > 4 and k + 2 < len(doc) and doc[k + 1].text in ("-", "ـ") \
        and not doc[k].whitespace_ and fold(doc[k + 2].text) == _YE


def _place_of(sent: Sentence, a: int, k: int) -> bool:
    """`لە` at k still belongs to the speaker a..k-1: an unnamed one (سەرچاوەیەکی ئاگادار لە ئەنجوومەنی وەزیران) or a
    correspondent (پەیامنێری ڕووداو لە کەرکووک), two words at most before it after the head."""
    doc = sent.doc
    return k - a <= 3 and (_indefinite(doc[a].text) or doc[a].norm_ in _CORRESPONDENT) or _indefinite(doc[k - 1].text)


def _after_clauses(sent: Sentence, segs: list, cue: Cue) -> list:
    """Segments before the verb that are clauses of their own (`X ڕایگەیاند، ... دوا دەخرێن، هەروەها Y، TITLE ... وتی`,
    `... وەڵام بداتەوە، ئەو ئاماژەی بەوەشدا`): the subject stands after the last of them, a lone pronoun there
    included."""
    doc = sent.doc
    if len(segs) < 2:
        return segs
    last = max((i for i, (a, b) in enumerate(segs[:-1]) if _clause_segment(sent, a, b)), default=None)
    if last is None:
        return segs
    rest = segs[last + 1:]
    if any(doc[k].text in ("،", ",") for k in range(rest[-1][1], cue.start)):
        return segs
    return rest


def attribute(sent: Sentence, cue: Cue) -> Attribution | None:
    doc = sent.doc
    n = len(doc)
    right_end = frame_run(sent, cue.end, 1)
    verb_end = cue.split_end + 1 if cue.split_end >= 0 else cue.end
    if cue.cls == "passive":
        return _attribute_passive(sent, cue)
    if doc[cue.start].norm_ in _PUBLISHED_FIRST and not (doc[n - 1].text == ":" and all(
            t.norm_ in _AS_FOLLOWS or is_punct(t) for t in doc[verb_end:n - 1])):
        return None     # X ڕاگەیەنراوێکی بڵاوکردەوە و تێیدا هاتووە: the verb after it heads the clause
    if cue.cls == "per":
        a = b = cue.end
        if a + 1 < right_end and doc[a].norm_ in _DATA:       # بەپێی ئامارەکانی بەڕێوەبەرایەتی...
            a = b = a + 1
        elif a + 1 < right_end and doc[a].norm_.startswith(_DOCUMENTS):
            body_at = next((k for k in range(a + 1, min(right_end, a + 4))
                            if norms(doc[k].text) & _BODY_KEYS or doc[k].norm_ in _OUTLET_WORDS), None)
            if body_at is not None:
                a = b = body_at             # بەپێی نرخنامەی نوێی وەزارەتی سامانە سروشتییەکان: the ministry
            elif _indefinite(doc[a].text) and doc[a].text.endswith("ی"):
                a = b = a + 1               # بەپێی ڕاگەیەندراوێکی نەخۆشخانەی ...: "a statement of X" names X
        owner = _news_owner(sent, a, right_end)
        if owner is not None:
            return Attribution(cue, owner[:2], None, content(sent, owner[2] + 1, n), None)
        if cue.start > 0 and doc[cue.start - 1].norm_ == fold("هەر") and a + 1 < n and doc[a].norm_.startswith(_NEWS) \
                and doc[a].norm_.endswith(fold("ەکان")) and doc[a + 1].text in ("،", ","):
            # هەر بەپێی زانیارییەكان، ...: "also according to the information": the source just heard goes on
            return Attribution(cue, None, "any", content(sent, a + 2, n), None)
        while b < right_end and doc[b].text not in ("،", ",", ".") and b - a < MAX_SPEAKER_TOKENS \
                and not (b > a and doc[b].norm_ == fold("کە")) \
                and not (b > a and (doc[b].norm_ in _CITING or doc[b].norm_ == _BE and b + 1 < n
                                    and doc[b + 1].norm_ == _RETELLING)):   # شۆفێرێکی پاس کە ...: a relative clause
            b += 1
        a, b = strip(doc, a, b)
        if b - a > 1 and doc[b - 1].norm_ in _WAS:
            b -= 1              # ئەمە قسەی X بوو: the copula closes the sentence
        if a >= b:
            return None
        if b - a == 1 and doc[a].norm_.startswith(_DOCUMENTS) and b < n and doc[b].text in ("،", ","):
            # هەر بەپێی ڕاپۆرتەکە، ...: the report just named speaks for whoever issued it
            return Attribution(cue, None, "document", content(sent, b + 1, n), None)
        if b < n and (doc[b].norm_ == fold("کە") or doc[b].norm_ in _CITING
                      or doc[b].norm_ == _BE and b + 1 < n and doc[b + 1].norm_ == _RETELLING):
            # شۆفێرێکی پاس کە ...، ...; کەناڵی X بە گێڕانەوە لە Y، ...: what it says follows the comma
            b2 = b
            while b2 < n and doc[b2].text not in ("،", ","):
                b2 += 1
            said = content(sent, b2 + 1, n) if b2 < n else content(sent, 0, cue.start)
            return Attribution(cue, sent.span(a, b), None, said, None)
        if b + 1 < n and doc[b].text in ("،", ","):
            b = _apposition(sent, b)                           # بە وتەی سەرۆکی سەندیکا، شیلان ڕەسووڵ،
            if b + 1 < n and doc[b].text in ("،", ",") and doc[b + 1].norm_ in _TITLES:
                # بە گوتەی NAME، TITLE، ...: the title closed by its comma belongs to the speaker
                d = next((k for k in range(b + 2, min(n, b + 2 + MAX_SPEAKER_TOKENS))
                          if doc[k].text in ("،", ",", ".", ":")), None)
                if d is not None and doc[d].text in ("،", ",") and d + 1 < n:
                    b = d
        if b < n and doc[b].text in ("،", ",") and _report_then_speaker(sent, a, b):
            return None         # بە پێی ڕاپۆرتی ئاژانسی X ، NAME ... گوتی : ...: the outlet passes on what NAME said
        if b < n and doc[b].text in ("،", ","):
            said = content(sent, b + 1, n)
        else:
            said = content(sent, 0, cue.start)
        return Attribution(cue, sent.span(a, b), None, said, None)
    left_start = _unwrap_lead(sent, frame_run(sent, cue.start - 1, -1) + 1)
    if doc[cue.start].norm_ in _REGARD_VERBS and not _regards(sent, left_start, cue, verb_end):
        return None
    if " ".join(t.norm_ for t in doc[cue.start:verb_end]) in _WE_CUES:
        k = verb_end
        while k < n and (doc[k].norm_ in _FOLLOW or doc[k].norm_ in _THAT):
            k += 1
        said = content(sent, k, n)
        if said is None:
            return None
        att = Attribution(cue, None, "document", said, None, clause=True)
        att.direct = True       # "we announce that ...": the issuer's own words
        return att
    if doc[cue.start].norm_ in _SO and left_start <= sent.lead and all(is_punct(t) for t in doc[verb_end:n]):
        # ...، دیاکۆ ئەمین وای وت.: the attribution closes the sentence, the unquoted speech comes before it
        # (https://esta.krd/282605); after a quotation ("..." NAME، TITLE وای گوت) the driver pairs them
        comma = next((k for k in range(cue.start - 1, left_start - 1, -1) if doc[k].text in ("،", ",")), None)
        if comma is not None and 0 < cue.start - comma - 1 <= MAX_SPEAKER_TOKENS:
            said = content(sent, left_start, comma)
            if said is not None:
                return Attribution(cue, sent.span(comma + 1, cue.start), None, said, None, clause=True)
    colon = next((k for k in range(cue.start - 1, left_start - 1, -1) if doc[k].text == ":"), None)
    if colon is not None and colon + 2 < cue.start:
        left_start = colon + 1  # ئاوێنە: X ... ڕایگەیاند: a byline label before the subject (https://awene.com/detail?article=121376)
    segs = []
    for a, b in segments(doc, left_start, cue.start, seps=("،", ",", "؛", ";")):
        a, b = strip(doc, a, b)
        a = _after_line_break(sent, a, b)
        a = _after_closed_line(sent, a, b)
        a = _skip_lead(doc, a, b)   # هەروەها ...، ئەمشەو یەکشەممە سەندیکای ...: not the subject
        if a < b and doc[a].norm_ in _CIRCUM_OPENERS:
            # لە پەیامێکدا سەرۆکوەزیران ...: the phrase closes with -دا / -ەوە, the subject follows it
            close = next((k for k in range(a + 1, b) if doc[k].text.endswith(("دا", "ەوە"))), None)
            if close is not None and close + 1 < b:
                a = close + 1
                a = _outlet_then_name(sent, a, b)
        if a < b and doc[a].norm_ in _TOPIC_OPENERS and b < cue.start and doc[b].text in ("،", ",") \
                and any(norms(doc[k].text) & _TITLE_OR_BODY_KEYS or doc[k].norm_ in _TITLES
                        for k in range(b + 1, cue.start)):
            continue            # دەربارەی پڕۆژەکانیان، بەڕێوەبەری نەخۆشخانەکە ڕایگەیاند: the topic closed by its comma, then the subject
        if a < b and doc[a].norm_ in _TOPIC_OPENERS and not any(doc[k].text in ("،", ",") for k in range(b, cue.start)):
            # لەسەر هۆکاری ... پڕۆژەکە سالار دەڵێت: the topic, then the subject right before the verb
            # (https://rojnews.news/ ... کەنەکە-بە-شێوازێکیتر-هەوڵی-یەکێتی-نەت/)
            end = _body_chain(sent, a + 1, b)
            if end is None:
                end = _topic_end(doc, a, b)
            if end < b:
                a = end
        mouth = next((k for k in range(a, b - 1) if doc[k].norm_ in _MOUTH_PREPOSITIONS
                      and doc[k + 1].norm_ == fold("زاری")), None)
        if mouth is not None:
            segs = []           # ڕاگەیەنراوەکە لە زاری وەزیری تەندروستی، ئاری ڕەشید، ...: the one quoted speaks
            a = mouth + 2
        if a < b and a > 0 and doc[a - 1].norm_ == fold("وەک") and all(t.norm_ in _SELF for t in doc[a:b]):
            continue            # X، وەک خۆیان ڕای دەگەیەنن، ...: "as they themselves say", X is the subject
        if a < b and doc[a].norm_ in _VERB_NOUNS:
            continue            # هەروەک باس لە ... دەکات و ڕوونیدەکاتەوە: a verb of its own, no subject (https://esta.krd/155761)
        if _relative_segment(sent, a, b):
            continue            # لە میانی کۆنفرانسێکدا کە ... ئەنجامی دا، NAME، TITLE، ...: a relative clause is never the subject
        if a < b and not _adverbial(sent, a, b):
            segs.append((a, b))
    if len(segs) >= 2 and _indefinite(doc[segs[-1][0]].text) and not _name_like(sent, *segs[0]) \
            and not any(doc[k].text in ("،", ",") for k in range(segs[-1][1], cue.start)):
        # لایەنەکان چاوەڕێی ... ن، ئەندامێکی ئەنجوومەنەکەش دەڵێت: the lead's clause, then "a member" right before
        # the verb is the subject (https://pukmedia.com/KS/Details/200030)
        segs = segs[-1:]
    if len(segs) >= 2 and doc[segs[-1][0]].norm_ in _DEMONSTRATIVE and 2 <= segs[-1][1] - segs[-1][0] <= 5 \
            and segs[-1][1] == cue.start and not _name_like(sent, *segs[0]):
        # ... زانیاریەکى بە(OUTLET)داوە لەبارەى ...، لەم بارەوە ئەو کەسە دەڵێت: the lead's clause, then "that person"
        # right before the verb is the subject (https://www.ajansiwllat.net/2014/10/blog-post_684.html)
        segs = segs[-1:]
    if _named_after_clause(sent, segs, verb_end):
        segs = segs[-1:]
    agent = _in_it_agent(sent, segs)
    if agent is not None:
        segs = []
    additive = relative = False
    if len(segs) >= 2 and all(doc[k].norm_ in _IT_WORDS for k in range(*segs[-1])):
        # X باس لە ... دەکات، ئەوەش دەخاتەڕوو ...: "this too" is the object; the lead clause's subject speaks
        end = _lead_subject(sent, *segs[-2])
        segs = [(segs[-2][0], end)] if end is not None else segs[:-1]
        relative = end is not None
    if len(segs) >= 2 and segs[-1][1] - segs[-1][0] >= 2 and _additive(doc[segs[-1][1] - 1].text) \
            and not _name_like(sent, *segs[0]) and doc[segs[0][1] - 1].norm_ not in _TITLES \
            and not any(doc[k].text in ("،", ",") for k in range(segs[-1][1], cue.start)):
        # ... کۆبوونەوە و بەیاننامەیەکیان خوێندەوە، بەرپرسانی وەزارەتی ناوخۆش ڕای دەگەیەنن، ...: the lead's clause,
        # then a new subject with the additive clitic ("the ministry's officials, for their part")
        # (http://wishe.net/details.aspx?=hewal&jmare=8420&Jor=9)
        segs = segs[-1:]
        additive = True
    elif len(segs) >= 2 and doc[segs[-1][0]].norm_ in _DEMONSTRATIVE and segs[-1][0] + 2 < segs[-1][1] \
            and len(doc[segs[-1][0] + 1].text) > 5 and doc[segs[-1][0] + 1].text.endswith(("ەشی", "یشی")) \
            and not any(doc[k].text in ("،", ",") for k in range(segs[-1][1], cue.start)):
        # ...، ئەو فرۆشیارانەشی لەوێ کار دەکەن مۆڵەتیان نییە و دەڵێن: the lead's clause, then "those ... too,
        # who ...": the head and its relative clause up to its verb speak, a group of their own (without ئەو,
        # which would send it back to an earlier speaker) (https://manage.rudaw.net/sorani/kurdistan/2906202318)
        c, d = segs[-1]
        verb = next((k for k in range(c + 2, d) if doc[k].text.startswith(("دە", "نا"))), None)
        if verb is not None:
            segs = [(c + 1, verb + 1)]
            relative = True
    if not additive and not relative:
        segs = _after_clauses(sent, segs, cue)
    speaker = pronoun = None
    sp_end = left_start
    if segs:
        a, b = segs[0]
        if len(segs) == 1:
            a = _after_heading(sent, a, b)
        # the second segment up to a preposition: شێرکۆ ئەحمەد بە کوردستان24ـی ڕاگەیاند
        name_end = next((k for k in range(*segs[1]) if doc[k].norm_ in _STOPS or doc[k].norm_ in _PREFIXED),
                        segs[1][1]) if len(segs) >= 2 else b
        if len(segs) >= 2 and _name_like(sent, segs[1][0], name_end) and (
                doc[a].norm_ in _TITLES or name_of(text_of(doc, a, b)) is None
                or (b - a >= 2 and doc[a].text.endswith("ی"))):
            # قائیمقامی ڕانیە، هەڤاڵ مستەفا، ...: the role and the name in apposition, one speaker
            # (https://www.kurdistan24.net/ckb/story/890290: نووسەری ناسراوی کورد، شێرکۆ ئەحمەد بە ...)
            appos = name_end
        elif len(segs) >= 2 and _name_like(sent, a, b) and (doc[segs[1][0]].norm_ in _TITLES
                                                             or doc[segs[1][0]].text.endswith("ی")):
            # نەوزاد هادی، پارێزگاری هەولێر ڕایگەیاند: the name and its title, one speaker
            c, d = segs[1]
            k = c
            while k < d and (doc[k].norm_ not in _STOPS and doc[k].norm_ not in _TIME
                             and doc[k].norm_ not in _PREFIXED or k == c):
                k += 1
            if k == d and d == cue.start and k - c >= 3 and not (verb_end < n and doc[verb_end].norm_ in _THAT):
                k = _izafe_np(sent, c, k)    # X، وتەبێژی وەزارەت دەستپێکردنی ... ڕاگەیاند: the title, then the object
            if k < d < cue.start and doc[d].text in ("،", ",") and len(segs) == 2 \
                    and not any(doc[j].norm_ in _TIME for j in range(k, d)):
                k = d       # X، ئەندامی لیژنەی ... لە پەرلەمانی عێراق، ڕایگەیاند: a title closed by its comma is whole
            appos = k
        else:
            appos = None
            named = next((k + 2 for k in range(a, b - 2) if (doc[k].norm_, doc[k + 1].norm_) == _NAMED), None)
            if named is not None:
                a = named                     # یەکێک لە دوکاندارەکان بە ناوی ڕێبین عوسمان
            elif not relative:
                a = _after_verb_and(sent, a, b)   # هەڵبژاردن ... ئەنجامدرا و كۆمسیۆن ... ڕاگەیاند: the subject after "and"
            k = a
            while k < b and (doc[k].norm_ not in _STOPS and doc[k].norm_ not in _LEAD
                             and doc[k].norm_ not in _PREFIXED and not _glued_addressee(doc[k]) and not _hyphen_addressee(doc, k)
                             or k == a or relative
                             or (doc[k].norm_ == fold("لە") and (_place_of(sent, a, k)
                                                                 # میدیاكانی نزیك لە X: "close to X" (https://lvinpress.com/1530/)
                                                                 or doc[k - 1].norm_ in _NEAR))):
                k += 1          # سەرچاوەیەکیش لە ئەنجوومەنی وەزیران: "a source in the council" is the speaker
            b = k
            while b - a > 1 and doc[b - 1].norm_ in _DEMONSTRATIVE:
                b -= 1          # وەزارەتی گواستنەوە ئەم ئێوارەیە ...: "this" opens the time phrase
            if b - a > 1 and doc[b - 1].norm_.startswith(_DOCUMENTS) and _indefinite(doc[b - 1].text):
                b -= 1          # X ڕاگەیەندراوێکی بڵاوکردەوە: the document published is its object
            if cue.start > 0 and (doc[cue.start - 1].norm_ == fold("و") or _glued_and(doc[cue.start - 1].text)) \
                    and b - a >= 3 and not relative:
                b = _subject_np(sent, a, min(b, cue.start - 1) if _glued_and(doc[cue.start - 1].text) else b)   # X سوپاسی ... دەکات و دەڵێت: the subject of both verbs
            if cue.cls == "say" and b - a > 2 and _indefinite(doc[a].text) and doc[a].text.endswith("ی") \
                    and all(is_punct(t) and t.text != ":" for t in doc[verb_end:n]) and False not in sent.frame[sent.lead:]:
                b = a + 2       # سەرچاوەیەکی پەرلەمانی هۆکاری ... ئاشکراکرد.: "a source" and its word, then the object
            if cue.cls in ("claim", "act", "appeal") and cue.split_end < 0 and b - a >= 3 and not (
                    verb_end < n and doc[verb_end].norm_ in _THAT):
                b = _izafe_np(sent, a, b)     # subject, then the object of ڕەت کردەوە
        if appos is not None:
            b = appos
            if b - a > MAX_SPEAKER_TOKENS and len(segs) >= 2 and _name_like(sent, *segs[0]):
                # NAME، ئاوارەیەکی دیکەی ناوچەکەیە و ماوەی نۆ ساڵە لە X دەژی، بە OUTLETـی گوت: a description too long
                # for a title, the name speaks (https://www.kurdistan24.net/ckb/story/871573)
                b = segs[0][1]
        sp_end = b
        if a < b and b - a <= MAX_SPEAKER_TOKENS:
            words = [t for t in doc[a:b] if not is_punct(t)]
            if appos is None and not relative and (_implausible(sent, a, b) or any(
                    _first_person_verb(t.text) for t in doc[a + 1:segs[0][1]])):
                words = []          # بەداخەوە وتی، جارێکی تر جەختی کردەوە: no speaker here, the previous one goes on
            if not words:
                pass
            elif len(words) == 1 and words[0].norm_ in _PRONOUNS:
                pronoun = _PRONOUNS[words[0].norm_]
            elif len(words) == 1 and words[0].norm_.startswith(_DOCUMENTS):
                pronoun = "document"        # ڕاگەیەندراوەکە ئاماژەی بەوە دابوو: the body that issued it
            close = next((k for k in range(a + 1, b) if doc[k].text == ")"), None)
            if words and close is not None and close + 1 < b and doc[close + 1].norm_ not in _TITLES \
                    and not doc[close + 1].text.endswith("ی") and (doc[a].text == "(" or a > 0 and doc[a - 1].text == "("):
                b = close           # (NAME)گزیاتر گوتی: the bracketed name, not the word typed against it
            if words:
                speaker = sent.span(a, b)
                glued = next((k for k in range(a, b) if ")" in doc[k].text[:-1] and "(" not in doc[k].text), None)
                if glued is not None and (doc[a].text == "(" or a > 0 and doc[a - 1].text == "("):
                    # (سەرهەنگ فایەق)گزیاتر گوتی: the bracket typed between the name and the next word
                    speaker = (speaker[0], sent.start + doc[glued].idx + doc[glued].text.index(")"))
                if b - a >= 2 and doc[b - 2].norm_ in _DEMONSTRATIVE and _additive(doc[b - 1].text) and b == cue.start \
                        or b - a >= 3 and doc[b - 2].norm_ in _DEMONSTRATIVE and _additive(doc[b - 1].text):
                    speaker = (speaker[0], speaker[1] - 1)     # وتەبێژی ئەو وەزارەتەش: "that ministry too"
            if speaker is not None and additive and b == segs[0][1]:
                clitic = 2 if doc[b - 1].text.endswith("یش") else 1
                speaker = (speaker[0], speaker[1] - clitic)     # ناوخۆش: the clitic is not the name
    owner = _conference_owner(sent, left_start, cue.start) if cue.cls == "say" else None
    if owner is not None:
        speaker, pronoun = owner, None
    if speaker is None and not segs and _plural(doc[verb_end - 1].norm_):
        speaker = _meeting_parties(sent, left_start, cue.start)
    if agent is not None:
        speaker, pronoun = agent, None
    if speaker is None:
        pronoun = "any"
    # Content: after کە or a colon, else after the verb (a clause either way), else (warned,
    # accused) the object before it.
    k = verb_end
    while k < n and doc[k].norm_ in _FOLLOW:
        k += 1                  # ئاشکراشی کرد، کە / دەڵێت هەروەها
    colon = k < n and doc[k].text == ":"
    if k < n and doc[k].norm_ in _THAT:
        said = content(sent, k + 1, n)
    else:
        said = content(sent, k, n, skip=_THAT)
    if said is not None and cue.cls == "say" and sent.token_at(said[0]) < n \
            and sent.norms[sent.token_at(said[0])] in _BUT and _indefinite_object(sent, left_start, cue.start):
        said = None     # X لیستێکی ڕاگەیاند، بەڵام ...: announced a thing; what follows "but" is the writer's
    if said is not None and doc[n - 1].text == ":" and all(
            t.norm_ in _AS_FOLLOWS or is_punct(t) for t in doc[k:n - 1]):
        # ...ی بڵاوکردەوە، کە بەم جۆرەیە: the document follows in the next paragraph
        said, colon = None, True
    clause = said is not None
    if cue.cls == "act" and not (verb_end < n and (doc[verb_end].norm_ in _THAT or (
            cue.split_end < 0 and not is_punct(doc[verb_end]) and doc[verb_end].norm_ not in _AND))):
        # ڕەخنەی لە ... گرت، کە دەبوو ...: a relative clause on the object, not content; but ڕەتیدەکاتەوە
        # هیچ ... کردبێت (https://www.kurdistan24.net/ckb/story/60614): the verb's own clause
        clause = False
    if said is None and cue.cls == "say" and speaker is not None and _two_role_holders(sent, speaker):
        return None     # TITLE ... و TITLE ... لەسەر ... جەختیانکردەوە: two people and a noun object; no mention to link to
    if said is None and cue.cls == "claim":
        if cue.split_end >= 0:
            said = content(sent, cue.start + 1, cue.split_end, skip={fold("لە")})
        else:
            said = content(sent, max(sp_end, left_start), cue.start)
    return Attribution(cue, speaker, pronoun, said, None, clause=clause, colon=colon)


# ---------------------------------------------------------------- speakers and entities


_GLUED_PREPOSITIONS = tuple(fold(w) for w in ("لەسەر", "لەلایەن", "لەگەڵ", "لەناو", "لەبارەی", "لەژێر", "لەنێو"))


_VERBISH = {fold(w) for w in """کرد کردەوە کردووە کردووەتەوە کردبوو دا داوە دابوو دەکات دەکەن دەکاتەوە گوتی وتی
    جەختی ئاماژەی باسی داوای""".split()}
_ISH_NAMES = {fold("دەرویش")}
_CUE_WORDS = {fold(v) for forms in CUES.values() for v in forms if " " not in v}


def _plain_name(words: list[str]) -> bool:
    """Three or four words with no title, body, place, definite or indefinite word among them (دیاری عەزیز قادر, هادی
    کەریم ئەحمەد): a person's name whose first word ends in ی, never an izafe (https://www.sulcci.com/jmare-16491/)."""
    return 3 <= len(words) <= 4 and all(
        fold(x) not in _NAMING_TITLES and not norms(x) & _TITLE_OR_BODY_KEYS and fold(x) not in _COMMON
        and fold(x) not in _STOPS and not _indefinite(x) and not fold(x).endswith(_DEFINITE_BACK)
        and not x.endswith(_DEFINITE) and _NAME_WORD.match(x)
        and not (fold(x).startswith(_GLUED_PREPOSITIONS) and fold(x).endswith(_CIRCUM_ENDS)) for x in words) \
        and not any(x.endswith("ی") for x in words[1:-1])


# لەڕاگەیەنراوێکدا, بەهۆیەوە: a preposition glued to a noun closed by -دا / -ەوە, a circumstance, never a name word
_GLUED_PREPOSITIONS = (fold("لە"), fold("بە"))
_CIRCUM_ENDS = (fold("دا"), fold("ەوە"))


def _glued_place(word: str) -> bool:
    """لەپەرلەمانی، لەوەزارەتی: a preposition written against a body's name, never the start of a name
    (ەرۆکی فراکسیۆنی كۆمەڵ لەپەرلەمانی كوردستان, http://speemedia.com/dreja.aspx?=hewal&jmare=71490&Jor=1)."""
    # لەسەرکردایەتیی گۆڕان (کەسێکى نزیک لەسەرکردایەتیی گۆڕان, https://www.ajansiwllat.net/2014/10/blog-post_684.html):
    # a compound preposition, or لە before an izafe noun
    return len(word) > 5 and word.startswith(("لە", "له")) and (
        bool(norms(word[2:]) & _BODY_KEYS) or fold(word).startswith(_GLUED_PREPOSITIONS)
        or word.endswith("ی") and len(word) > 7)


def _described(first: str, last: str) -> bool:
    """سەردار عەبدوڵا، بازرگانی زێڕ (https://www.kurdistan24.net/ckb/story/872922): a name (two or three words) then an
    izafe description after the comma (its head ends in ی): the name is the speaker, not the description."""
    words, after = first.split(), last.split()
    return 2 <= len(words) <= 3 and len(after) >= 2 and len(after[0]) > 3 and after[0].endswith("ی") \
        and fold(after[0]) not in _HONORIFICS and name_of(first) == first


def name_of(text: str) -> str | None:
    if "،" in text:                     # قائیمقامی ڕانیە، هەڤاڵ مستەفا: the name after the comma
        last = text.rsplit("،", 1)[1].strip()
        first = text.split("،", 1)[0].strip()
        if _described(first, last):
            return first
        name = name_of(last) if last else None
        if name:
            return name
        text = text.split("،", 1)[0].strip()
    words = [w for w in text.split() if fold(w) not in _HONORIFICS or len(text.split()) == 1]
    if not words:
        return None
    if len(words[0]) > 3 and words[0].startswith(("د.", "م.")):
        words[0] = words[0][2:]     # د.ئاری نەجمەدین: the honorific typed against the name
    if any(fold(w) in _VERBISH or fold(w) in _CUE_WORDS or fold(w) in _TIME for w in words):
        # TITLE، جەختی کردەوە، کە ...; میدیاكانی نزیك لە X، بڵاویانکردەوە شەوی ڕابردوو، ...: a verb or a time word after
        # a role is no name (https://www.kurdistan24.net/ckb/story/862333, https://lvinpress.com/1530/)
        return None
    if len(words) == 1 and len(words[0]) > 5 and words[0].endswith("یش") and fold(words[0]) not in _ISH_NAMES:
        words = [words[0][:-2]]     # هێلینیش دەڵێت "Helin, for her part": the additive clitic is not the name
    if len(words) >= 3 and words[0].endswith("ی") and words[-1].startswith("دە") and len(words[-1]) > 4 \
            and words[-1].endswith(("ەن", "ات", "ێت", "نەوە", "تەوە")):
        return None         # فرۆشیارانەی لەوێ کار دەکەن: a head and its relative clause, no name in it
    text = " ".join(words)
    title_at = next((k for k in range(2, min(4, len(words))) if fold(words[k]) in _NAMING_TITLES), None)
    if title_at is not None and not words[title_at - 1].endswith("ی") and all(fold(x) not in _NAMING_TITLES and not norms(x) & _TITLE_OR_BODY_KEYS
                                    and fold(x) not in _COMMON and fold(x) not in _STOPS and fold(x) not in _DEMONSTRATIVE
                                    and not _indefinite(x) and not fold(x).endswith(_DEFINITE_BACK)
                                    for x in words[:title_at]):
        return " ".join(words[:title_at])   # ئاری نەجمەدین وتەبێژی ...: a name ending in ی before its title is no izafe
    if len(words) == 1:
        w = fold(words[0])
        if w.endswith(_DEFINITE_FOLDED):
            return None     # نەخۆشخانەکە "the hospital": the definite article, never a name
        if w in _SAY_WORDS or w in _ADVERBS or w in _MODALS or _finite(words[0]):
            return None     # وتیشی، “...”: a verb of saying opening the sentence names nobody
        return None if w in _NAMING_TITLES or w.endswith(_EXPERT) or norms(words[0]) & _TITLE_KEYS or w in _COMMON \
            or w in _PRONOUNS or words[0] in NOT_NAMES \
            else words[0]
    izafe = False           # the word before opened an izafe: this one completes a title or body name
    for i, w in enumerate(words):
        f = fold(w)
        if f in _NAMING_TITLES or f.endswith(_EXPERT) or norms(w) & _TITLE_OR_BODY_KEYS or (
                w.endswith("ی") and i == 0 and i + 2 < len(words) and not _plain_name(words)):
            izafe = w.endswith("ی")
            continue
        if f in _COMMON:
            izafe = False
            continue
        if f in _DEMONSTRATIVE and i > 0:
            return None     # وتەبێژی ئەو وەزارەتە "that ministry's spokesman": a description, no name
        if izafe:           # وەزیری کارەبا ڕێبوار ئەحمەد: کارەبا belongs to the title
            # بەڕێوەبەری چاودێری و بازرگانیی هەولێر, وەزیری ڕۆشنبیری و لاوان: و inside the title carries the izafe
            # on (https://mewdamedia.com/articles/25491)
            izafe = w.endswith("ی") or f in _AND
            continue
        if f in _STOPS or f in _AND or f in _PREFIXED or _indefinite(w) or _glued_place(w):
            # دانیشتوویەکی کەلارە, خاوەن دوکانێکی ماسی: "a resident of", "owner of a shop" describe, never name
            return None     # ئەندامی لیژنەی کشتوکاڵ و ئاو لە ...، ... لەسەر فراکسیۆنی ...: a title runs on, no name begins there
        if i == 0:
            title_at = next((k for k in range(1, min(4, len(words))) if fold(words[k]) in _NAMING_TITLES), None)
            if title_at is not None:
                return " ".join(words[:title_at])   # دانا ئەحمەد وتەبێژی بەڕێوەبەرایەتیی ...: the name, then its title
            return None if len(words) > 3 or any(x.endswith(_DEFINITE) for x in words) else text
        return None if any(x.endswith(_DEFINITE) for x in words[i:]) else " ".join(words[i:])
    return None





class SoraniRules(StatementRules):
    code = "ckb"
    cues = CUES
    split_cues = tuple(SPLIT_CUES)
    verb_final = True
    channel = re.compile(
        r"لە\s+\S*?(?:بەیاننامە|تویت|تویت|پۆست|کۆنگرە|لێدوان|چاوپێکەوتن|وتار|پەیام|ڤیدیۆ|کۆبوونەوە)\S*"
        r"(?:\s+\S+دا)?")
    title_nouns = frozenset({"کتێبی", "کتێب", "ڕۆمانی", "فیلمی", "بەناونیشانی", "ناونیشانی"})
    title_words = frozenset(TITLES | COMMON)
    honorifics = frozenset(fold(w) for w in ("دکتۆر", "بەڕێز", "عەقید"))
    vague_speakers = ("سەرچاوە", "جووتیار", "شۆفێر", "هاووڵاتی")
    split_glued_quotes = True
    unmarked_direct = True
    # ئێوە: the speaker addressing the reader's "you" (https://hawlati.co/page_detail?smart-id=43672)
    first_person = frozenset({"ئێمە", "من", "ئێمەش", "منیش", "ئێمەیش", "ئێوە", "ئێوەش"})
    complementizers = frozenset({"کە"})
    coordinators = frozenset({"و"})
    follow_adverbs = frozenset({"هەروەها", "پاشان", "دواتر"})
    outlets = frozenset(OUTLETS)
    document_nouns = frozenset(DOCUMENT_STEMS)
    demonstratives = frozenset({"ئەو", "ئەم"})
    time_words = frozenset(TIME_WORDS)

    def attribute(self, sent: Sentence, cue: Cue) -> Attribution | None:
        return attribute(sent, cue)

    def may_attribute(self, text: str) -> bool:
        return (super().may_attribute(text) or _label_text(text) is not None or _answer_head(text)
                or _inline_label_text(text))

    def speaker_label(self, sent: Sentence) -> Attribution | None:
        """د.شیلان فەتاح: ⏎ her words (https://www.keodd.org/view?news=119378&part=3): a person's name (two or three
        words, an honorific allowed) and a colon alone on a line; the driver gives it the next paragraph."""
        doc = sent.doc
        n = len(doc)
        while n and doc[n - 1].is_space:
            n -= 1
        if n >= 3 and doc[n - 1].text != ":":
            return _inline_label(sent, n)
        if n < 3 or doc[n - 1].text != ":" or _label_text(sent.doc.source) is None:
            return _answer_line(sent, n)
        a = 0
        while a < n and doc[a].is_space:
            a += 1
        return Attribution(Cue(sent.index, n - 1, n, "say"), sent.span(a, n - 1), None, None, None, colon=True)

    def clause_end(self, sent: Sentence, i: int, j: int) -> int | None:
        """X ڕایگەیاند، تاقیکردنەوەکان دوا دەخرێن، هەروەها Y ... وتی: "...": the last comma segment closed by a
        finite verb ends X's clause."""
        end = None
        for a, b in segments(sent.doc, i, j, seps=("،", ",", "؛", ";")):
            a, b = strip(sent.doc, a, b)
            if b - a >= 2 and _finite(sent.doc[b - 1].text):
                end = b
        return end if end is not None else _named_colon_clause(sent, i, j)

    def opening_subject(self, text: str) -> str | None:
        """وەزارەتی داد لەوبارەیەوە ڕێنمایی نوێی دەرکردووە.: a body opening the sentence, its izafe chain whole
        (https://gov.krd/moj/activities/news-and-press-releases/2025/august/); X، وەزیری ...، سەردانی ... کرد.: a name
        before its title."""
        parts = text.replace(",", "،").split("،")
        for segment in parts[:2]:
            words = [w for w in TOKEN.findall(segment)]
            while words and (fold(words[0]) in _TIME or fold(words[0]) in _LEAD or words[0][:1].isdigit()):
                words = words[1:]
            if len(words) > 2 and fold(words[0]) in _TEXT_OF and fold(words[1]).startswith(_DOCUMENTS):
                words = words[2:]   # دەقی ڕاگەیەندراوەکەی سەندیکای ...: ⏎ ڕایدەگەیەنین کە ...: the text's issuer
            if words:
                break       # ئەمڕۆ هەینی 6ی ئاداری 2026، وەزارەتی تەندروستی ...: past a date that is a segment of its own
        if not words:
            return None
        if norms(words[0]) & _BODY_KEYS or fold(words[0]) in _BODY_FOLDED:
            k = 0
            while k < len(words) - 1 and (words[k].endswith("ی") or words[k + 1] == "و"):
                nxt = words[k + 2] if words[k + 1] == "و" and k + 2 < len(words) else words[k + 1]
                f = fold(nxt)
                if f in _STOPS or f in _PREFIXED or f in _LEAD or f in _TIME or nxt.endswith(("ەوە", "دا")) \
                        or f.startswith(_DOCUMENTS):
                    # وەزارەتی تەندروستی ڕاگەیەندراوێکی بڵاو کردەوە: the document it published is no part of its name
                    break       # وەزارەتی دارایی لەوبارەیەوە ...: the name ends before the adverb
                k += 2 if words[k + 1] == "و" and k + 2 < len(words) else 1
            return " ".join(words[:k + 1])
        if "،" in text and len(words) <= 3 and name_of(" ".join(words)) == " ".join(words):
            return " ".join(words)
        return None

    def in_own_words(self, norms: list[str]) -> bool:
        """Also a verb in the first person plural closing the clause: ... لە حکومەت بکشێینەوە, ناکەین
        (https://esta.krd/155761)."""
        return super().in_own_words(norms) or any(map(_first_person_word, norms[:12]))

    def follow_on(self, sent: Sentence, cue: Cue, parent: Attribution | None) -> Attribution | None:
        """...، هۆکارەکەشی بۆ X دەگێڕێتەوە: the cause X, before the verb, is what it states."""
        cause = _cause_at(sent, cue)
        if cause is not None:
            verb = cue.start
            # the cue is the phrase split around its object, هۆکارەکەشی … دەگێڕێتەوە: the clause before ends at it
            cue.start, cue.end, cue.split_end = cause, cause + 1, verb
            said = content(sent, cause + 1, verb, skip={fold("بۆ")})
            return Attribution(cue, None, "same" if parent is not None else "any", said, None, parent=parent)
        return super().follow_on(sent, cue, parent)

    def continues(self, sent: Sentence, cue: Cue) -> bool:
        """"...، ئاماژەشی بەوە داوە کە": after a comma, the additive clitic ش marks the same speaker."""
        k = cue.start - 1
        while k > 0 and sent.norms[k] in self.folded_follow_adverbs:
            k -= 1              # ...، هەروەها جەختی کردەوە، (https://www.kurdistan24.net/ckb/story/896518)
        if cue.start == 0 or sent.doc[k].text not in ("،", ","):
            cause = _cause_at(sent, cue)
            return cause is not None and re.search(r"(?:شی|یشی)$", sent.doc[cause].text) is not None
        if k < cue.start - 1:
            return True
        words = [t.text for t in sent.doc[cue.start:cue.verb_end]]
        # باسی لەوەشکردووە: the clitic on بەوە/لەوە written together with the verb
        return any(re.search(r"(?:شی|یشی|ەش|یش)$|^(?:بەوە|لەوە)ش", w) for w in words[:2])

    def same_role(self, earlier: str, role: set[str]) -> bool:
        """پەرلەمانتارێکی کوردیش دەڵێت ... then ڕێبین سەلام، ئەندامی لیژنەی ... لە پەرلەمانی عێراق: an indefinite
        role in the lead, named in the next paragraph by a role of the same stem (https://peyamakurd.info/sorani/
        niviskar/sara/...-41497, https://www.speemedia.com/dreja.aspx?=hewal&jmare=124538&Jor=1)."""
        words = earlier.split()
        first = words[0] if words else ""
        if not _indefinite(first) and not (len(words) >= 2 and fold(words[1]) in _DEMONSTRATIVE
                                           and norms(first) & _TITLE_KEYS):
            return False
        head = next(iter(norms(first)), "")
        return len(head) >= 5 and any(len(os.path.commonprefix([head, r])) >= 5 for r in role)

    def back_reference(self, text: str) -> bool:
        """پەرلەمانتارەکەی لیژنەی کشتوکاڵ، وتەبێژەکە: a role with the definite article (https://peyamakurd.info
        ... پەرلەمانتارەکەی فراکسیۆنی پارتی ووتیشی:)."""
        words = text.split()
        first = words[0] if words else ""
        # پهرلهمانتارهكهی یەكگرتوو: ە typed as ه (https://xwakurk.com/?p=71063); a lone definite title (باڵیۆزەکە) is
        # linked by its title word to the one who holds it, not to the latest person (https://rudaw.net/sorani/
        # kurdistan/1508202422: a student's act between the ambassador and "لە وەڵامدا باڵیۆزەکە گوتی")
        return len(words) > 1 and fold(first).endswith((fold("ەکە"), fold("ەکەی"))) and bool(norms(first) & _TITLE_KEYS)

    def norms(self, text: str) -> set[str]:
        return norms(text)

    def mention_kind(self, text: str) -> str:
        words = text.split()
        if not words:
            return "other"
        if norms(words[0]) & _BODY_KEYS or fold(words[0]) in _BODY_FOLDED or fold(words[0]) in _BODY_DEFINITE:
            return "body"
        if len(words) == 1 and fold(words[0]).endswith(_F_E) and norms(words[0][:-1]) & _BODY_KEYS:
            return "body"       # وەزارەتە in ئەو وەزارەتە: a body with the demonstrative's ending
        return "person" if name_of(text) else "other"

    name_of = staticmethod(name_of)

    def tidy_mention(self, kind: str, mention: str, body: str) -> str:
        mention = mention.strip()
        last = mention.rsplit(None, 1)[-1] if mention else ""
        if fold(last).endswith(_INDEFINITE_ISH) and len(last) > 5:
            return mention[:-2]     # سەرچاوەیەکیش: after an indefinite the clitic is یش, never ش alone
        if last.endswith("یش") and len(last) > 5 and re.search(rf"(?<!\w){re.escape(last[:-1])}(?!\w)", body):
            return mention[:-1]     # سلێمانیش with سلێمانی written elsewhere: the clitic is ش alone
        mention = re.sub(r"(\S{3,})یش$", r"\1", mention)        # کوردستانیش: the additive clitic
        return re.sub(r"^(\S+(?:ێک|یەک))یش(?=\s)", r"\1", mention)     # سەرچاوەیەکیش لە ...


RULES = SoraniRules()
