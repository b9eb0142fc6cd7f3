"""Key-statement rules for Arabic: the verb first and its subject after it (قال الوزير إن),
subject-first sentences (الوزير أكد أن، أما الخبيرة فقالت), "according to" phrases (بحسب، وفقاً لـ)
and reports through an outlet (نقلت الوكالة عن مسؤول قوله).
"""
from __future__ import annotations

import dataclasses
import re

from ...statements.rules import StatementRules
from ...statements.tokens import (
    Attribution, Cue, MAX_SPEAKER_TOKENS, Sentence, content, fold, frame_run, is_punct, segments, strip,
)


_SAY = """قال قالت يقول تقول أضاف أضافت تابع تابعت أكد أكدت صرح صرحت أعلن أعلنت أوضح أوضحت ذكر ذكرت
    أشار أشارت لفت لفتت كشف كشفت كتب كتبت أفاد أفادت شدد شددت اعتبر اعتبرت أردف أردفت رأى رأت بين بينت
    نوه نوهت اختتم اختتمت ختم ختمت يرى ترى يؤكد تؤكد يوضح توضح يشير تشير يعتبر تعتبر يضيف تضيف يقولون يرون
    رجح رجحت يرجح ترجح توقع توقعت يتوقع تتوقع استبعد استبعدت يستبعد تستبعد
    واصل واصلت طمأن طمأنت عد عدت أقر أقرت
    أكمل أكملت يعتقد تعتقد اعتقد اعتقدت ادعى ادعت زعم زعمت يزعم تزعم يفيد تفيد بالقول
    يتابع تتابع يلفت تلفت يردف تردف يشدد تشدد يصرح تصرح يكشف تكشف
    قالوا أضافوا تابعوا أكدوا صرحوا أوضحوا ذكروا أشاروا لفتوا كشفوا كتبوا أفادوا شددوا اعتبروا رأوا بينوا
    أخبر أخبرت أخبروا تساءل تساءلت يتساءل تتساءل أبلغ أبلغت أبلغه أبلغها أبلغهم أبلغوا أجاب أجابت ليجيب لتجيب""".split()
# متسائلاً عن ...، ليجيب: “...” (https://baghdadtoday.news/285433-.html): answering, with a colon, a quote or a clause only
# كما أخبر مصدر حكومي، الوكالة، باندلاع النيران (https://baznews.net/?p=61547): "told" the addressee of a noun, like
# أفاد بـ; وتساءل: أين ...؟ (https://www.lalishduhok.com/news/post/309987/): a question aloud, with a colon, a quote or
# a clause only (CLAUSE_ONLY).
# (plural: وقالوا: "بصفتنا المديرية ..." after a body, https://www.knnc.net/ar/Details.aspx?jimare=6561)
# رجّح X أن، ورجحت المصادر، أن (https://al-mirbad.com/detail/174439, https://www.masrawy.com/news/news_publicaffairs/
# details/2025/12/28/2915824): expecting or ruling out that ... is a statement of opinion, with a clause.
# وواصل X :"..." continues a speech like وتابع (https://jfranews.com.jo/amp/article/441088); وطمأن X، الأهالي بأن
# reassures with a clause (https://mail.gulanmedia.com/ar/story/99568); عدّ X بأنها ... holds a view, like اعتبر
# (https://www.omantoday.net/amp/1152/): each with a clause or a quote only (CLAUSE_ONLY).
# وأكمل: "..." goes on speaking like وتابع; لذلك يعتقد X أن، ادّعت الشبكة بأن، زعم X أن hold a view or a claim, with a
# clause or a quote only (https://awla.news/... قائمقام-سنجار، https://www.kurdistan24.net/ar/story/873538,
# http://sotkurdistan.net/2018/02/13/...).
# Issuing a document (أصدرت مديرية صحة ... بياناً بشأن ..., https://www.knnc.net/ar/Details.aspx?jimare=6561) states
# nothing itself but names who speaks next ("وقالوا: ..."): a verb whose object is the document.
_ISSUE = "أصدر أصدرت نشر نشرت".split()
# Replying (ردّ ديوان X على التقرير، وقال في بيان إن, https://khamnews.com/story/19623): names who speaks next, states
# nothing itself; with no subject (في رد على سؤال، قال ...) it is a noun and no cue.
_REPLY = "رد ردت ردوا".split()
# Passing on: نقلت صحيفة ... في تقرير لها عن مسؤولين غربيين أن (https://aliraqnews.com): the one after عن speaks.
_RELAY = "نقل نقلت نقلوا".split()
# Verbs of saying that need a clause or a quote: with a plain noun object (أعلنت منع الاستيراد) they
# announce an act, not a statement.
# لكنه أقرّ بأن ... admits a clause (https://www.eanlibya.com/...-جاهزية-أمنية-كاملة-وأمريك/); with a noun object
# (أقرّ البرلمان القانون) it passes a law: clause only.
CLAUSE_ONLY = set("أجاب أجابت ليجيب لتجيب تساءل تساءلت يتساءل تتساءل أعلن أعلنت طمأن طمأنت عد عدت أقر أقرت يعتقد تعتقد اعتقد اعتقدت ادعى ادعت زعم زعمت يزعم تزعم".split())
# Predictions (توقعت النائبة ... تصويت البرلمان على ..., https://hathalyoum.net/amp/1937906): the noun object is
# what is predicted, so it reports content like a clause.
_PREDICT = "توقع توقعت يتوقع تتوقع رجح رجحت يرجح ترجح".split()
# Claims: the object says what is claimed (حذر من، اتهم X بـ، حمّل X مسؤولية، عزا X إلى).
_CLAIM = "حذر حذرت اتهم اتهمت حمل حملت هدد هددت عزا عزت حذروا اتهموا".split()
# Acts (https://www.kurdistan24.net/ar/story/898204 نفت ... صحة التقارير; https://fk-news.com ... أدان الهجوم):
# statements only with a clause (نفى أن), a quotation, or a participle of saying.
_ACT = "نفى نفت دان دانت أدان أدانت ندد نددت استنكر استنكرت رفض رفضت انتقد انتقدت شجب شجبت رحب رحبت نفوا أدانوا رفضوا انتقدوا".split()
# Appeals (https://alrasheedmedia.com/?p=541275 طالب ... الحكومة العراقية باتخاذ موقف): only with a quotation.
_APPEAL = "دعا دعت طالب طالبت حث حثت ناشد ناشدت دعوا طالبوا".split()
# Words that a cue with its prefix spells (ف + رأت = فرات, "Euphrates": أجرت وكالة فرات لقاءً, https://nujenpress.com/127)
_HOMOGRAPHS = {"فرات", "فرأت"}
CUES = {
    "say": [p + v for v in _SAY + _ISSUE + _REPLY + _RELAY for p in ("", "و", "ف") if p + v not in _HOMOGRAPHS]
    + [p + v for v in ("جدد تأكيده", "جددت تأكيدها", "جدد التأكيد", "جددت التأكيد") for p in ("", "و")],
    "claim": [p + v for v in _CLAIM for p in ("", "و", "ف")],
    "act": [p + v for v in _ACT for p in ("", "و", "ف")],
    "appeal": [p + v for v in _APPEAL for p in ("", "و", "ف")],
    # Participles that open a statement of the same speaker (issue 9, kind 4; https://www.arknews.net/node/39070
    # مشيراً إلى أنه; https://rudaw.net/arabic/kurdistan/071220213 مبيناً أن).
    "part": """قائلا قائلة مضيفا مضيفة مؤكدا مؤكدة مشيرا مشيرة محذرا محذرة معتبرا معتبرة لافتا لافتة
        مشددا مشددة مبينا مبينة موضحا موضحة منوها منوهة مردفا مردفة كاشفا كاشفة عازيا عازية
        متمنيا متمنية""".split(),     # متمنياً أن يكون العام ... (a wish with a clause, https://www.kurdistan24.net/ar/story/864762)
    # Participles of appeals and feelings: a statement only with a quotation (مطالباً الحكومة بـ"...").
    "partact": "داعيا داعية مطالبا مطالبة معربا معربة متهما متهمة".split()
    # rejecting or criticising with a quotation (رافضاً ما وصفها بـ"اتهامات باطلة ..."، منتقداً العراق لسماحه "لجماعات
    # مسلحة ...", https://almowaten.net/2014/07/..., https://www.alsumaria.tv/news/security/555775/...): acts, with a quote only
    + "رافضا رافضة منتقدا منتقدة مستنكرا مستنكرة".split(),
    "per": [p + v for v in ("بحسب", "حسب", "وفقا", "وفق", "نقلا", "حسبما", "وفقما") for p in ("", "و")],
    # نقلت الوكالة عن مسؤول قوله إن ...: the speaker follows عن before the cue
    "quoth": "قوله قولها قولهم تأكيده تأكيدها تأكيدهم".split(),   # ونقلت الشبكة عن مصادر محلية تأكيدها أن
    # (https://arabic.rt.com/middle_east/968614-...): "its confirming that", like قوله

    # وجاء في البيان: ...: the document's author speaks (https://www.arknews.net/node/39070)
    "passive": ["جاء في", "وجاء في", "ورد في", "وورد في"],
}
# Acts split around their subject (https://gov.krd/arabic/... عبّر الدكتور معصوم عن دعمه; https://observeriraq.net
# أعرب رئيس الإقليم عن سعادته): the subject stands between the verb and عن; a statement only with content.
# وجدد رئيس الحكومة التأكيد على أن (https://gov.krd/arabic/... 2022/april): renewed the emphasis, a verb of saying.
SPLIT_CUES = tuple((p + v, "عن", "act") for v in ("أعرب", "أعربت", "عبر", "عبرت") for p in ("", "و", "ف")) + \
    tuple((p + v, "التأكيد", "say") for v in ("جدد", "جددت") for p in ("", "و"))
# Adverbs between a verb and its subject (أدان بشدة، قال أيضاً).
ADVERBS = set("بشدة أيضا كذلك مجددا مجدداً بدوره بدورها بالقول".split())     # وأردف بالقول إنهم (https://epinews.emphnet.net/...)
# Outlets that pass on what others said (أفادت وكالة ...، قالت قناة ...).
OUTLETS = set("""وكالة الوكالة قناة القناة صحيفة الصحيفة موقع الموقع شبكة الشبكة تلفزيون التلفزيون إذاعة الإذاعة""".split())


BODY = set("""ديوان الديوان مكاتب مكتب مفتشية بنك البنك مصرف المصرف وزارة الوزارة حكومة الحكومة رئاسة مجلس المجلس الجيش قيادة خلية السفارة سفارة دائرة مديرية هيئة
    المفوضية مفوضية البرلمان الشرطة شرطة الأمم بعثة نقابة حزب كتلة تحالف اتحاد منظمة شركة وكالة محكمة إحصاءات
    مصدر مصادر تجار نواب قوات القوات التحالف بيان البيان السلطات سلطات اللجنة لجنة جمعية الجمعية رابطة غرفة
    مؤسسة المؤسسة جامعة الجامعة جهاز الجهاز بلدية البلدية ائتلاف الائتلاف تيار التيار حركة الحركة جبهة
    الجبهة مشروع المشروع""".split())     # معاون مدير مشروع سد الموصل محمد خالد (http://burathanews.com/arabic/news/464043)     # النائب عن ائتلاف دولة القانون عالية نصيف (https://tanawue.com/print:page,1,32695--.html)     # جهاز الأمن الوطني (https://www.shafaq.com/ar/سیاسة/جهاز-المخابرات-يصدر-توضيحا...)
TITLES = set("""وزير الوزير رئيس الرئيس المتحدث متحدث الناطق ناطق باسم النائب النائبة نائب السفير سفير المحافظ محافظ
    قائد مدير الأمين أمين العميد اللواء العقيد الدكتور د. الشيخ السيد السيدة مستشار عضو زعيم المستشار الخبير
    المدير رئيسة وزيرة مديرة قائممقام قائمقام سائق السائق التاجر تاجر المواطن المواطنة المزارع مزارع الطبيب
    طبيب المعلم المعلمة عضوة خبير الناشط الناشطة المحلل الباحث الصحفي المهندس الخبيرة خبيرة المحللة الباحثة
    المهندسة ممثل الممثل ممثلة سكرتير السكرتير القيادي المقدم مقدم النقيب نقيب الملازم ملازم الرائد رائد
    الفريق فريق العقيد عقيد العميد عميد اللواء لواء الحاج الحاجة وكيل الوكيل مساعد المساعد قائم مقام معاون
    المعاون العضو العضوة""".split())     # قائم مقام (https://sarabic.ae/...), معاون مدير مشروع X (http://burathanews.com/arabic/news/464043)
# Words that name the person after them: تاجر أقمشة يدعى حسين كاظم.
NAMED = set("يدعى تدعى يدعي ويدعى اسمه اسمها".split())
# Second halves of compound first names: خير الدين، عبد الله، نور الهدى.
NAME_SECOND_HALVES = set("الدين الله الرحمن الرحيم الكريم الأمير الهدى الزهراء".split())
# Data and documents as the first word after بحسب/وفقاً: the body after them is the speaker.
DATA_NOUNS = set("إحصاءات إحصائيات أرقام بيانات معطيات معلومات قراءة رواية تقديرات".split())     # بحسب قراءة صحفيين     # وبحسب معلومات شبكة رووداو: the network
DOCUMENT_NOUNS = set("بيان تقرير دراسة وثيقة كتاب مسودة رسالة منشور".split())
COMMON = set("""شرطة قوات زراعة صحة نينوى أربيل بغداد البصرة إقليم كوردستان كردستان العراق الموصل كركوك السليمانية
    دهوك الوزراء دولة مجلس حكومة وزارة الخارجية الداخلية المالية الدفاع النفط التربية الكهرباء البرلمان
    العراقي العراقية الإقليم الحكومة النقابة نقابة المتقاعدين
    تربية ري موارد نفط كهرباء ماء مياه بيئة رياضة شباب ثقافة سياحة اتصالات نقل مرور جوازات جمارك كمارك
    ضرائب آثار أوقاف""".split())      # the sector a director runs: مدير تربية الأنبار خالد الفهداوي
# Objects that follow the speaker of a condemnation (دان رئيس البرلمان الهجوم).
OBJECT_NOUNS = set("""الهجوم الاعتداء القصف التفجير العملية الحادث الهجمات الاعتداءات الحكومة القرار المجتمع
    الأطراف الجهات المواطنين السلطات الأجهزة الوزارة التقارير الاتهامات المزاعم الأنباء
    صحة ما وجود""".split())     # نفى مصدر أمني صحة ما نشر (https://www.horizonsudan.com/5263/)
SPEAKER_STOPS = set("""إن أن بأن أنه أنها إنه إنها أنهم إنهم في خلال عقب اليوم يوم أمس للصحفيين لوكالة لصحيفة
    لقناة لموقع للإعلام لوسائل من على إلى حول بعد قبل الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد
    الإثنين مساء صباح أيضا كذلك أي أمام قرب داخل خارج عند لدى ضمن لمراسل لمراسلة الذي التي الذين
    هذه هذا ذلك تلك هذين هاتين عبر هو هي هم وهو وهي وهم""".split())     # السيدة الأولى، وهي كردية الأصل، إلى أن      # وكتب الوزير عبر حسابه (https://souriapost.com/archives/25484)
PRONOUN_WORDS = set("""الوزير الوزارة الحكومة المتحدث الناطق السفارة""".split())



# في مقطع فيديو متداول تابعته (...) (https://baghdadtoday.news/219566-...): a channel like في بيان
_CHANNEL_NOUNS = {fold(w) for w in "بيان تصريح تغريدة تدوينة مداخلة مؤتمر كلمة حديث مقابلة منشور رسالة تصريحات لقاء مقطع فيديو تسجيل".split()} \
    | {fold(w) for w in ("سؤال", "استجواب")}     # وأكد المياحي في سؤاله، أن; واختتم المياحي سؤاله بالتأكيد (a parliamentary
# question, https://gulf365.net/iraq-news/13190909/...): the question is the channel, never part of the speaker
_STOPS = {fold(w) for w in SPEAKER_STOPS} - {fold("على")}     # folding merges على and the name علي


# Words no name holds: prepositions (هوشيار عمر مع انتهاء الجلسة، مسرور بارزاني عن، round 8's «مسرور بارزاني عن» and
# «ففي مقابلة اجراها مسرور بارزاني مع ...») and accusative nouns (بكر أحمد وفداً): a name ends before them, so one
# bad speaker span cannot give the person a wrong name that spoils every later mention.
_NAME_BREAKS = {fold(w) for w in "مع عن لدى ضد نحو تجاه منذ حتى دون بدون وسط بشأن بخصوص حول إلى الى".split()} - {fold("على")}


def _name_break(text: str, norm: str) -> bool:
    """(على is matched as written: it folds like the name علي.)"""
    return norm in _NAME_BREAKS or text in ("على", "وعلى") or text.endswith(("اً", "ًا"))


def _stop(text: str, norm: str) -> bool:
    return norm in _STOPS or text in ("على", "وعلى")
# Roles written before a name like a title (أستاذ الاقتصاد في جامعة الموصل، نوفل العبيدي): never a name. Kept
# apart from TITLES, which the gold scorer also reads.
ROLES = set("""أستاذ الأستاذ أستاذة الأستاذة القاضي قاضي المحامي محامي المحامية الكاتب كاتب الكاتبة الإعلامي
    الإعلامية الأكاديمي أكاديمي المختص مختص المتخصص متخصص صاحب مالك""".split())
# "the official" alone (وأضاف المسؤول أن) is a role referring back, never a name; مسؤول محلي في سنجار keeps its
# words as before.
_OFFICIAL = {fold(w) for w in "المسؤول المسؤولة مسؤول مسؤولة".split()}
_TITLES = {fold(w) for w in TITLES | ROLES}
# Title words that are also names (أمين، رائد، نقيب، عميد): after a name they may be part of it.
_NAME_LIKE_TITLES = {fold(w) for w in "أمين رائد نقيب عميد".split()}
# Ranks and honorifics: the name follows them (قائد حرس الحدود في المنطقة الرابعة اللواء سعد الفهداوي).
_RANKS = {fold(w) for w in "اللواء العميد العقيد المقدم الرائد النقيب الفريق الدكتور الشيخ السيد السيدة المهندس الحاج الحاجة".split()}
_COMMON = {fold(w) for w in COMMON}
_BODY = {fold(w) for w in BODY}
_OBJECTS = {fold(w) for w in OBJECT_NOUNS}
_SPOKES = {fold(w) for w in ("المتحدث", "الناطق", "متحدث", "ناطق", "المتحدثة", "الناطقة")}
_SPOKE_ADJ = {fold(w) for w in ("الرسمي", "الرسمية", "الإعلامي", "الإعلامية", "العسكري", "العسكرية")}
_LINKS = {fold(w) for w in ("في", "عن", "من", "لدى")}     # رئيس الكتلة عن المكون ...: not a name
_PARTICIPLES = {fold(w) for w in CUES["part"]}
# The verbs that head a clause of their own: the search for this clause's complementizer stops at the next one
# (أفادت X بسقوط ...، في وقت أفادت مصادر بأن ...: that بأن is the second clause's).
_CUE_VERBS = {fold(p + w) for w in _SAY + _CLAIM + _ACT + _APPEAL for p in ("", "و", "ف")}     # not ورد (ردّ: "was
# received", بيان ورد لوكالة ..., https://www.lalishduhok.com/news/post/317884/)


_MASDAR_BEFORE = {fold(w) for w in ("عدم", "دون", "بدون")}     # طلب عدم ذكر اسمه: ذكر is a noun there


_IN_IT = {fold(w) for w in ("فيها", "فيه", "خلالها", "خلاله")}
# ووجه X رسالة إلى ... بالقول: "..." (https://www.sotaliraq.com/2017/09/21/...): the speech marker after a delivered
# message (a cue of its own; after another verb, وأردف بالقول, it is skipped like an adverb)
_BIL_QAWL = fold("بالقول")
_I_BELIEVE = {"اعتقد", "أعتقد"}
_KANA_ONLY = {fold(w) for w in ("كان", "كانت", "وكان", "وكانت")}
_BELIEVED = {fold(w) for w in ("يعتقد", "تعتقد", "يعتقدون")}
# Verbs that deliver a speech, a statement or a message (ألقى كلمة، أصدر بياناً، نشر تغريدة، وجه رسالة): their subject
# speaks what follows "in it" or بالقول.
_INTERVIEW = {fold(p + w) for w in ("أجرى", "أجرت") for p in ("", "و", "ف")}
_DELIVER = {fold(p + w) for w in "ألقى أصدر أصدرت نشر نشرت عقد عقدت وجه وجهت بث بثت كتب كتبت".split() for p in ("", "و", "ف")}


def _delivered_subject(sent: Sentence, cue_start: int, norms: list[str]) -> tuple[int, int] | None:
    """The subject of the delivering verb before the cue: the words after it up to the delivered thing."""
    doc = sent.doc
    v = next((k for k in range(cue_start - 1, -1, -1) if norms[k] in _DELIVER_OR_INTERVIEW), None)
    if v is None:
        return None
    if norms[v] in _INTERVIEW:
        # أجرت وكالة فرات لقاءً مع مسؤول ...، X، كشف فيه (https://nujenpress.com/127): the one interviewed speaks
        w = next((k for k in range(v + 1, cue_start) if norms[k] == fold("مع")), None)
        end = max((k for k in range(v + 1, cue_start) if doc[k].text in ("،", ",")), default=None)
        return (w + 1, end) if w is not None and end is not None and end > w + 1 else None
    b = v + 1
    while b < cue_start and not is_punct(doc[b]) and b - v <= MAX_SPEAKER_TOKENS:
        w = norms[b]
        if b > v + 1 and (_bare(w.rstrip("ا")) in _CHANNEL_NOUNS or _bare(w.rstrip("ا")) in _DOCS
                          or w.rstrip("ا").endswith("ه") and _bare(w.rstrip("ا")[:-1] + "ة") in _CHANNEL_NOUNS
                          or w in _STOPS):
            break
        b += 1
    return (v + 1, b) if b > v + 1 else None


def _participle(norms: list[str], k: int) -> bool:
    """A participle of saying, but not after غير (معلومات غير مؤكدة: "unconfirmed")."""
    return norms[k] in _PARTICIPLES and not (k > 0 and norms[k - 1] == fold("غير"))
_PREPOSITIONAL = {fold(w) for w in "على عليها عليه له لها فيها فيه منه منها إليه إليها عنه عنها به بها".split()}
_COMPLEMENT = {fold(w) for w in "إن أن بأن أنه أنها إنه إنها أنهم إنهم فإن بأنه بأنها بأنهم أننا إننا بأننا".split()}
_BUT = {fold(w) for w in ("غير", "إلا", "بيد")}
_CLAUSE_ONLY = {fold(p + w) for w in CLAUSE_ONLY for p in ("", "و", "ف")}
_NAMED = {fold(w) for w in NAMED}
_SECOND_HALVES = {fold(w) for w in NAME_SECOND_HALVES}
_OBJECT_PREPOSITIONS = {fold(w) for w in ("إلى", "على", "من", "عن")}
# Nouns that begin with ب but are no بـ-object (رئيس برلمان إقليم كردستان, https://vetogate.com/2884929).
_B_NOUNS = {fold(w) for w in "برلمان بلدية بعثة بورصة بيت بنك بلدة".split()}
# Names that begin with ب are no بـ-object either (رئيس حكومة إقليم كوردستان مسرور بارزاني في بيان،
# https://gulanmedia.com/ar/story/297047; رئيس الجمهورية برهم صالح): common first and family names, and any
# ب-word that closes a name already begun (followed by a stop, a complementizer or a time word), which an object
# never does (طالب خوشناو بإقالة المحافظ، رحب X بالقرار).
_B_NAMES = {fold(w) for w in """برهم بافل بيشوا بختيار بكر بدر باقر بشير بهاء بلال بسام باسل بشرى بارزاني
    البارزاني بابان بهزاد بيستون بنكين بيار بريار بروا بهار بهجت بيرق بولات""".split()}


def _b_name(sent: Sentence, k: int, end: int, norms: list[str], name_started: bool) -> bool:
    """A ب-initial word that is a name (بارزاني, برهم), not the بـ-object of the verb."""
    w = norms[k]
    if w in _B_NAMES:
        return True
    if not name_started and _after_title_b_name(sent, k, end, norms):
        return True
    if not name_started or w.startswith(fold("بال")) or w in _COMPLEMENT or w in _ADVERBS:
        return False    # أدان خوشناو بشدة: an adverb
    doc = sent.doc
    if w.endswith("ی") or (k + 1 < end and norms[k + 1] in _TITLES):
        return True     # الدكتور سامان برزنجي وزير الصحة (https://yassini.yoo7.com/t60113p-topic): a nisba, or a title next
    if k + 1 < len(doc) and (doc[k + 1].text.startswith(("لـ", "(")) or doc[k + 1].text == "ل"
                             or _addressee(norms, k + 1, len(doc)) or _lam_object(norms[k + 1]) in _OUTLETS):
        return True     # سعدي أحمد بيره لـ(كوردستان 24) إن: the outlet or addressee after the name
    return k + 1 >= end or doc[k + 1].text in ("،", ",", ".", ":", "؛") or norms[k + 1] in _COMPLEMENT \
        or norms[k + 1] in _TIME_NOUNS or _stop(doc[k + 1].text, norms[k + 1])
_B_OBJECT_VERBS = {fold(p + w) for w in "أفاد أفادت يفيد تفيد أفادوا".split() for p in ("", "و", "ف")}


def _after_title_b_name(sent: Sentence, k: int, end: int, norms: list[str]) -> bool:
    """وقالت النائبة بيمان عزيز إن: right after a title, a ب-word that is no verbal noun (بإقالة، بتشكيل، بالقرار) and is
    followed by a second name word, then a complementizer, a comma or a stop, is a first name (after a verb of saying
    that takes no بـ-object: أفاد الناطق بوقوع انفجار is an object)."""
    doc = sent.doc
    w = doc[k].text
    if k < 2 or not _is_title(norms, k - 1) or w.startswith(("بال", "بإ", "بأ", "بت", "با", "بم")) or len(w) < 4:
        return False
    if any(norms[c] in _B_OBJECT_VERBS for c in range(max(0, k - 4), k)):
        return False
    j = k + 1
    if j >= end or norms[j].startswith("ال") or is_punct(doc[j]) or _stop(doc[j].text, norms[j]) or norms[j] in _COMPLEMENT:
        return False
    nxt = j + 1
    return nxt >= len(doc) or is_punct(doc[nxt]) or norms[nxt] in _COMPLEMENT or _stop(doc[nxt].text, norms[nxt]) \
        or norms[nxt] in _TIME_NOUNS


# مصادر مقربة من رئيس البرلمان (https://www.masress.com/dostor/180732): من belongs to the speaker.
_CLOSE_TO = {fold(w) for w in "مقرب مقربة مقربون مقربين قريب قريبة قريبون قريبين".split()}


# A governorate, district or town named after these is part of the title, never the person's name (النائب عن
# محافظة ديالى X، محافظ صلاح الدين X: https://www.alsumaria.tv/news/localnews/522441/...,
# https://baghdadtoday.news/219566-...).
_PLACE_HEADS = {fold(w) for w in """محافظة المحافظة محافظ قضاء ناحية مدينة بلدة قائممقام قائمقام""".split()}
# صباح and مساء are also first names (وزير الموارد المائية صباح الجنابي): a time word only before a time noun.
_TIME_NAMES = {fold(w) for w in ("صباح", "مساء")}
_TIME_FOLLOWERS = {fold(w) for w in """اليوم أمس الغد يوم الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد
    أول الأول""".split()}


def _place_word(norms: list[str], k: int) -> bool:
    """The place after a place head (محافظة ديالى، محافظ صلاح الدين): part of the title."""
    if k > 0 and norms[k - 1] in _PLACE_HEADS and not norms[k].startswith("ال") and norms[k] not in _TITLES \
            and not norms[k - 1].startswith("ال"):      # رئيس مجلس المحافظة محمد ابراهيم: "the province", then a name
        return True
    return k > 1 and norms[k] in _SECOND_HALVES and _place_word(norms, k - 1)


def _time_name(norms: list[str], k: int) -> bool:
    """صباح/مساء as a first name: not followed by a time noun, and after a title or a name start."""
    return norms[k] in _TIME_NAMES and k + 1 < len(norms) and norms[k + 1] not in _TIME_FOLLOWERS \
        and norms[k + 1] not in _TIME_NOUNS and not norms[k + 1].startswith("ل")


def _time_surname(sent: Sentence, a: int, b: int, end: int, norms: list[str], name_started: bool) -> bool:
    """صباح/مساء as a surname (https://almowaten.net/2014/07/...: المتحدث ... أوميد صباح, then وشدد صباح على أن): after a
    first name begun (not after a title), or alone right after the verb with على, a complementizer, a colon or a
    comma next; never before a time noun (صباح اليوم)."""
    if not _time_name(norms, b) or b + 1 >= end:
        return False
    if b > a:
        return name_started and not _is_title(norms, b - 1)
    nxt = sent.doc[b + 1].text
    return norms[b + 1] in _COMPLEMENT or nxt in ("على", "وعلى", ":", "،", ",")


def _nisba_adjective(w: str) -> bool:
    """الكردي، الأمريكي، العراقية: the article and a nisba ending, neither a body nor a title."""
    return w.startswith("ال") and w.endswith(("ی", "یه", "یة")) and len(w) > 4 and w not in _BODY and w not in _TITLES


def _name_stop(text: str, norms: list[str], k: int) -> bool:
    return _stop(text, norms[k]) and not (k > 0 and (_time_name(norms, k) or (
        k + 1 == len(norms) and norms[k] in _TIME_NAMES and not _is_title(norms, k - 1)
        and norms[k - 1] not in _TIME_NOUNS)))     # ... كاوه مساء ending the mention: a surname


def _official_of_body(norms: list[str], k: int) -> bool:
    """مسؤول دائرة العلاقات الخارجية ...: the official of a body is a title, the name comes after it."""
    return norms[k] in _OFFICIAL and k + 1 < len(norms) and norms[k + 1] in _BODY


def _is_title(norms: list[str], k: int) -> bool:
    w = norms[k]
    if w == fold("باسم"):
        # المتحدث الرسمي باسم الحكومة (https://jfranews.com.jo/amp/article/441088): an adjective between
        return (k > 0 and norms[k - 1] in _SPOKES) or (k > 1 and norms[k - 2] in _SPOKES and norms[k - 1] in _SPOKE_ADJ)
    if w in _TITLE_ADJ:
        return k > 0 and norms[k - 1] in _TITLES    # مدير عام، الأمين العام، اللواء الركن: still the title
    if w[:1] == "و" and len(w) > 3 and w[1:] in _TITLES and w not in _TITLES and k > 0 and norms[k - 1] != "و":
        return True     # رئيس الدائرة الإعلامية وعضو الهيئة السياسية، NAME: a second title joined by و
    return w in _TITLES


_HONORIFIC_LEADS = _RANKS | {fold("د."), fold("د")}
_TITLE_ADJ = {fold(w) for w in "عام العام الركن ركن".split()}


_BAL = fold("بل")
_KAFA = {fold(p + w) for w in "يكتف تكتف يكتفي تكتفي يكتفوا".split() for p in ("", "و")}
_NOT = {fold(w) for w in ("لم", "ولم", "لا", "ولا")}


def _not_only_subject(sent: Sentence, cue_start: int, norms: list[str]) -> tuple[int, int] | None:
    """ولم تكتف رووداو بنشر ... بل اتهمت (https://www.sotkurdistan.net/...): the verb after بل shares the
    subject of "was not content with" before it; the tokens of that subject, or None."""
    if cue_start < 3 or norms[cue_start - 1] != _BAL:
        return None
    for k in range(cue_start - 2, max(0, cue_start - 30), -1):
        if norms[k] in _KAFA and k > 0 and norms[k - 1] in _NOT:
            e = k + 1
            while e < cue_start and not is_punct(sent.doc[e]) and not norms[e].startswith("ب") and e - k <= 5:
                e += 1
            return (k + 1, e) if e > k + 1 and e < cue_start and norms[e].startswith("ب") else None
    return None


# A word joining "and" to a preposition never continues a speaker's name (وقال الشمري وفي كلمة له:
# https://www.albayan.ae/news/middle-east/465874); names that begin with و (وليد، وسام) are not among these.
_AND_FRAME = {fold(w) for w in "وفي ففي وخلال وعلى وعبر وعن وبعد وقبل وعقب ولدى وأثناء واثناء وبمناسبة".split()}


def _bracketed_name(doc, k: int, end: int, norms: list[str]) -> int | None:
    """The closing bracket of a name written in brackets at k ("( مارد عبد الحسن)"): one to four words, none a
    complementizer, stop word or title; None otherwise (a bracketed outlet or date is not a name)."""
    for j in range(k + 1, min(end, k + 6)):
        if doc[j].text == ")":
            return j if j > k + 1 else None
        if is_punct(doc[j]) or norms[j] in _COMPLEMENT or _stop(doc[j].text, norms[j]) or norms[j] in _TITLES \
                or norms[j] in _BODY or norms[j] in _OUTLETS or norms[j][:1].isdigit():
            return None
    return None


_BAYNA = fold("بين")
_BAYNA_VERB_AFTER = {fold(w) for w in ("فيما", "كما", "بينما", "حين", "وقد", "قد", "ثم")}


_BI_VERBS = {fold(p + w) for w in "أفاد أفادت أفادوا".split() for p in ("", "و", "ف")}     # أفاد بـ + noun: content
_IN_REPLY = {fold(w) for w in "ردا رداً تعليقا تعليقاً جوابا جواباً تعقيبا تعقيباً تعليقه ردّا ردًا".split()}


_CONFERENCE = fold("مؤتمر")
_CHUNKS = re.compile(r"[،,.:;؛\n\"«»“”()\[\]-]+")
_FI = fold("في")
_DESCRIBED = {fold(w) for w in "الرجل الشاب الشابة المرأة الفتاة العجوز الأب الأم الطالب الطالبة".split()}
_AN = fold("عن")
_ALSO = {fold(w) for w in ("كما", "وكما")}
_HONORIFIC_PRONOUNS = {fold(w) for w in "سيادته معاليه فخامته سعادته سماحته جنابه سيادتها معاليها سعادتها".split()}
_NEED = {fold(w) for w in ("ضرورة", "بضرورة", "أهمية", "بأهمية", "على", "وجوب", "بوجوب")}


def _an_la(norms: list[str], k: int) -> bool:
    """ألّا ("that not") after ضرورة/على/أهمية (شدد X، على ضرورة ألا يتحول ...: https://gulanmedia.com/ar/story/299082/):
    a complementizer; folded it is إلا ("except"), so only after those words."""
    return k > 0 and norms[k] == _ALLA and norms[k - 1] in _NEED


_ALLA = fold("ألا")


def _ali(doc, k: int, end: int, norms: list[str]) -> bool:
    """علي the first name (folded like على): written with ي and followed by a surname, not a preposition's object
    pronoun or a stop (وبحسب الخبير القانوني علي التميمي، فإن)."""
    return doc[k].text in ("علي", "وعلي") and k + 1 < end and not is_punct(doc[k + 1]) \
        and not _stop(doc[k + 1].text, norms[k + 1]) and norms[k + 1] not in _COMPLEMENT


def attribute(sent: Sentence, cue: Cue) -> Attribution | None:
    doc = sent.doc
    n = len(doc)
    right_end = frame_run(sent, cue.end, 1)
    norms = [t.norm_ for t in doc]
    if cue.cls == "per":
        a = cue.end
        if a < right_end and (norms[a] == "ما" or norms[cue.start].endswith("ما")):
            a += 1 if norms[cue.start].endswith("ما") else 2     # بحسب ما أفادت به مصادر; ...، حسبما أعلنت وحدة X
            # (https://sarahanews.com/article/...): the verb after ما, then its subject, who speaks the clause before
            if a < right_end and norms[a] in ("به", "بها"):
                a += 1
        if a + 1 < right_end and (norms[a] in _DATA or _lam_object(norms[a]) in _DATA):
            a += 1          # بحسب إحصاءات المديرية، ووفقاً لبيانات المديرية: the directorate
        if a + 2 < right_end and _bare(norms[a]) in _DOCS:
            k = a + 1
            if norms[k] in _ISSUED:
                k += 1
            if norms[k] == fold("عن") and k + 1 < right_end:
                a = k + 1   # بحسب بيان صادر عن مجلس الوزراء: the council
        b = a
        while b < right_end and doc[b].text not in ("،", ",", ".", ":") and b - a < MAX_SPEAKER_TOKENS:
            if b > a and (norms[b] in _RELATIVE or (b + 1 < right_end and norms[b + 1] in _PREPOSITIONAL
                                                    and not _ali(doc, b + 1, right_end, norms))
                          or (b + 1 < right_end and norms[b + 1] == fold("عدم"))):
                break       # وفقاً لكتاب رسمي اطلعت عليه الوكالة: the relative clause is not the speaker
            if b > a and (doc[b].text.startswith("لـ") or doc[b].text == "ل" or (
                    norms[b].startswith("ل") and not norms[b].startswith("ال") and _lam_object(norms[b]) in _OUTLETS)):
                break       # وفق ما أكد مصدر محلي لـ"العربي الجديد": the outlet it was said to
            b += 1
        a, b = strip(doc, a, b)
        while b - 1 > a and _stop(doc[b - 1].text, norms[b - 1]):
            b -= 1          # بيان صادر عن مجلس الوزراء الأحد
        head = norms[a][1:] if norms[a].startswith("ل") and not norms[a].startswith("ال") else norms[a]
        if head in _MEASURES or _bare(head) in _MEASURES:
            return None     # ستحدد حسب عدد سكان كل محافظة (https://harfdigital.com/?p=3260): "according to" a measure
        if fold(doc[cue.start].text).rstrip("ا") in _WAFQ and not (
                {head, _bare(head)} & _NAMED_SOURCE_HEADS):
            return None     # وفق تعرفة متدرجة: "according to" a tariff, not to a source
        if a >= b or (b == a + 1 and norms[a] in _HIS_WORDING):
            return None     # حسب تعبيره، بحسب وصفها: "as he put it", a possessed noun, never a speaker
        if b + 1 < n and doc[b].text in ("،", ","):
            b = _apposition(sent, b, norms)
        start = sent.start + doc[a].idx
        if doc[a].text in ("لـ", "ل"):
            start = sent.start + doc[a + 1].idx if a + 1 < b else start
        elif doc[a].text.startswith("ل") and len(doc[a].text) > 3:
            start += 1
        speaker = (start, sent.span(a, b)[1])
        comma = next((k for k in range(b, n) if doc[k].text in ("،", ",")), None)
        if b < n and doc[b].text in ("،", ","):
            said = content(sent, b + 1, n, skip=_COMPLEMENT)
        else:
            said = content(sent, 0, cue.start)
            if said is None and comma is not None:      # بحسب مصدر طلب عدم ذكر اسمه، فإن ...
                said = content(sent, comma + 1, n, skip=_COMPLEMENT)
        return Attribution(cue, speaker, None, said, None)
    if cue.cls in ("part", "partact"):
        return None
    if norms[cue.start] == _BAYNA and cue.start > 0 and not is_punct(doc[cue.start - 1]) \
            and norms[cue.start - 1] not in _BAYNA_VERB_AFTER and not doc[cue.start - 1].text.isspace():
        return None     # اللقاء بين الحزبين، قال ...: "between" after a noun, not بيّن (https://albawabhnews.com/4905230)
    if cue.cls == "quoth":
        return _attribute_quoth(sent, cue, norms)
    if cue.cls == "passive":
        return _attribute_passive(sent, cue, norms)
    # Verb first: the speaker follows the cue.
    if cue.split_end >= 0:
        right_end = min(right_end, cue.split_end)      # أعرب X عن: the subject ends before عن
    a = cue.end
    while a < right_end and (norms[a] in _ADVERBS or norms[a] in _TIME_NOUNS or doc[a].text.isspace()) \
            and not _time_surname(sent, a, a, right_end, norms, False):
        a += 1          # أدان بشدة ...، قال أيضاً، حذرت الشهر الماضي; اكد⏎محافظ نينوى (a hard wrap after the cue)
    while a < right_end and a <= cue.end + 1 and _addressee(norms, a, right_end):
        a += 1          # أكد للمربد أن / قال للصحفيين إن: the addressee, not the speaker
    if a + 2 < right_end and doc[a].text in ("«", '"', "“") and doc[a + 2].text in ("»", '"', "”") \
            and not is_punct(doc[a + 1]) and norms[a + 1] not in _COMPLEMENT and not _stop(doc[a + 1].text, norms[a + 1]):
        a += 1          # وقال «النجيفي» بعد ...: «...» (https://www.almasryalyoum.com/news/details/461679): a quoted name
    elif a + 3 < n and doc[a].text in _OPENING_MARKS and (a >= right_end or sent.open[a]):
        c = _closing_mark(sent, a)
        if c is not None and not _stop(doc[a + 1].text, norms[a + 1]) and c + 1 < n \
                and (is_punct(doc[c + 1]) or norms[c + 1] in _COMPLEMENT or norms[c + 1] in _TOPIC_PREPOSITIONS
                     or _stop(doc[c + 1].text, norms[c + 1]) or _is_title(norms, c + 1)):
            a += 1      # أعلن "الحزب الديمقراطي الكردستاني الإيراني" عن، قال “شيروان جلال”، مدير: a quoted name of 2+ words
            right_end = max(right_end, c)
    in_it = a + 1 < n and norms[a] in _IN_IT and (doc[a + 1].text == ":" or norms[a + 1] in _COMPLEMENT
                                                  or norms[a + 1] in _TOPIC_PREPOSITIONS)
    if in_it or norms[cue.start] == _BIL_QAWL:
        # ألقى X كلمة ...، قال فيها: "..." / ووجه X رسالة ... بالقول: "...": X, named with the delivering verb, speaks
        k = a + 1 if in_it else cue.end
        if k >= n or not (doc[k].text == ":" or norms[k] in _COMPLEMENT or norms[k] in _TOPIC_PREPOSITIONS):
            return None     # (كشف فيه عن تفاصيل ...: the object reports what was said)
        delivered = _delivered_subject(sent, cue.start, norms)
        colon = doc[k].text == ":"
        return Attribution(cue, sent.span(*delivered) if delivered else None, None if delivered else "any",
                           content(sent, k + 1, n), None, clause=not colon, colon=colon)
    if cue.start > 0 and norms[cue.start - 1] in _KANA_ONLY and norms[cue.start] in _BELIEVED and a < n \
            and norms[a] in _COMPLEMENT:
        return None     # قافلة كان يعتقد أنها تقل ... (https://microsyria.com/2015/10/14/...): "was believed", nobody speaks
    if cue.start == 0 and doc[cue.start].text in _I_BELIEVE and a < n and norms[a] in _COMPLEMENT:
        return None     # اعتقد أننا ... opening a paragraph: "I believe", the speaker's own words (https://nujenpress.com/127)
    if cue.cls == "say" and a + 1 < right_end and norms[a] == fold("ذلك") and not is_punct(doc[a + 1]) \
            and norms[a + 1] not in _COMPLEMENT and not _stop(doc[a + 1].text, norms[a + 1]):
        a += 1          # أكد ذلك إعلام الجهاز في بيان، مضيفاً أنه (https://www.shafaq.com/ar/مجتـمع/...): the one who
                        # confirms what was just reported speaks on in the participle
    b = a
    name_started = False
    while b < n and b - a < MAX_SPEAKER_TOKENS and (b < right_end or (b > a and doc[b].text in _OPENING_MARKS + ("(",))):
        t = doc[b]
        w = norms[b]
        if t.text.isspace() and b + 1 < right_end and not is_punct(doc[b + 1]):
            b += 1              # محافظ⏎نينوى: a hard wrap inside the speaker's name
            continue
        if t.text == "(" and not name_started:
            close = _bracketed_name(doc, b, right_end, norms)
            if close is not None:
                b = close + 1   # اللواء ( مارد عبد الحسن) ان، واكد (عبد الحسن) في تصريح: the name in brackets
                break
        if b > a and t.text in _OPENING_MARKS + ("(",) and (norms[b - 1] in _LINKS or _is_title(norms, b - 1)
                                                         or norms[b - 1] in _BODY or _bare(norms[b - 1]) in _BODY
                                                         or norms[b - 1] in _OUTLETS):
            c = next((k for k in range(b + 1, min(n, b + 7)) if doc[k].text == ")"), None) if t.text == "(" \
                else _closing_mark(sent, b)
            if c is not None and c + 1 < n and not is_punct(doc[c + 1]) and norms[c + 1] not in _COMPLEMENT:
                b = c + 1       # مسؤول العلاقات في "الحزب ..." محمد صالح قادري، رئيس حزب (حرية كُردستان)؛ “NAME”
                right_end = max(right_end, frame_run(sent, b, 1))
                continue
            if c is not None and t.text == "(" and c + 1 < n and doc[c + 1].text in ("؛", "،", ","):
                b = c + 1       # رئيس حزب (حرية كُردستان)؛ “NAME”، : the bracket closes the title
                break
        if b >= right_end:
            break
        if b == a + 1 and w == fold("من") and norms[a] in _PARTITIVE and b + 1 < right_end:
            b += 1              # وأكد اعضاء من الكتلة: some of a body
            continue
        if is_punct(t) or t.text in ("«", '"', ":") or t.text.startswith(("لـ", "-", "–")) or t.text in ("ل",):
            break               # قال المعلم آزاد كريم لـ«هەواڵ» إن: the outlet is not the speaker
        if w in _COMPLEMENT or (b > a and _possessed_channel(w)):
            break               # وختم المصدر تصريحه بالتأكيد على أن: his statement is not the speaker
        if b > a and w in _TOPIC_PREPOSITIONS and b + 1 < right_end and norms[b + 1] in _COMPLEMENT:
            break               # كشف X عن انه ...، أشار X إلى أن: the preposition opens the content
        if b > a and t.text.endswith(("اً", "ًا")):
            break               # نفت وزارة الداخلية مقطعاً مصوراً: an accusative noun is the object, never the subject
        if b > a and w == fold("من") and norms[b - 1] in _CLOSE_TO and b + 1 < right_end:
            b += 1
            continue
        if b > a and b + 1 < right_end and norms[b + 1] == fold("عدم"):
            break               # مسؤول طلب عدم الكشف عن اسمه
        if b > a and w in _AND_FRAME:
            break               # وقال الشمري وفي كلمة له خلال ...: a conjunction and a preposition open a frame
        if b == a and w.startswith("ب") and len(w) > 3 and norms[cue.start] in _BI_VERBS and w not in _B_NAMES \
                and w not in _B_NOUNS and w != fold("باسم") and _bare(w) not in _DOCS and w not in _BODY \
                and w not in _COMMON and w not in _TITLES:
            break               # وكان مصدر محلي قد أفاد بسقوط ...: the بـ-object right after the verb, its subject before it
        if b > a and w in _SAME_TIME and not is_punct(t):
            break               # وأضاف الوزير نفسه، المصدر ذاته: "the same minister", the one heard before, no name
        if b > a and w in _IN_REPLY:
            break               # وقال السوداني ردا على سؤال: "in reply", an adverbial accusative (often without tanwin)
        if w == "فی":
            nxt = norms[b + 1] if b + 1 < right_end else ""
            if b == a or nxt in _CHANNEL_NOUNS or nxt in _STOPS or not nxt or _possessed_channel(nxt) or _bare(nxt) in _DOCS \
                    or (_bare(nxt) in _GIVEN_NOUNS and _bare(nxt) != _CONFERENCE):     # في التغريدة ذاتها، في البيان
                # (but القيادي في المؤتمر الوطني: a party)
                break           # وأكد ابو بكر في بيانه أنه (https://knnc.net/ar/Details.aspx?jimare=8113): his statement
            b += 1 if doc[b + 1].text in _OPENING_MARKS else 2     # في "الحزب ...": the quoted name next
            continue
        if b > a and not name_started and _time_name(norms, b):
            name_started = True     # وزير الموارد المائية صباح الجنابي: a first name, not "morning"
            b += 1
            continue
        if _time_surname(sent, a, b, right_end, norms, name_started):
            b += 1                  # المتحدث ... أوميد صباح رئيس الوزراء "..."; وشدد صباح على أن: a surname, not "morning"
            name_started = True
            continue
        if (_stop(t.text, w) and (b > a or w != "فی")) or _participle(norms, b):
            break               # قال إن / واختتم قائلاً: no subject after the verb
        if w.startswith("ب") and b > a and b + 1 < n and doc[b + 1].text in ("،", ",") and _is_title(norms, a) \
                and not (b + 2 < n and (norms[b + 2] in _CUE_VERBS or norms[b + 2] in _PARTICIPLES)):
            b += 1      # قائممقام سنجار بالوكالة، خديدا شمو، (but رحّب TITLE بالحضور، وشدد: the act's object)
            break
        after_title = b > a and (_is_title(norms, b - 1) or norms[b - 1] == fold("باسم"))
        if b > a and ((w in _OBJECTS and not after_title and norms[b - 1] not in _BODY)
                      or (w.startswith("ب") and len(w) > 3 and w != fold("باسم") and w not in _B_NOUNS
                          and not _b_name(sent, b, right_end, norms, name_started))):
            break
        if w.startswith("ل") and not w.startswith("ال") and _lam_object(w) in _OUTLETS:
            break               # وقال حسو لشبكة رووداو: the outlet it was said to
        if _told_outlet(norms, a, b):
            break               # وقالت مصادر عراقية لرويترز إن: the outlet told
        if name_started and _lam_addressee(t.text, w):
            break               # وقال وزير الخارجية فؤاد حسين لنظيره الإيراني إن: the one it was said to
        if b == a and w in _OBJECT_FIRST:
            break               # واكدت وجود لجان ...: a verbal noun is the object, the subject was dropped
        if b > a and w in _CITING:
            break               # وأوضح موقع إخباري نقلا عن مصادر ...: the one cited follows (_cited)
        if name_started and _name_break(t.text, w):
            break               # وقال النائب X مع انتهاء الجلسة: a name never runs on into a preposition
        if b > a and w == _CAPITAL and not _is_title(norms, b - 1) and norms[b - 1] not in _BODY:
            break               # الحكومة المحلية في محافظة أربيل عاصمة إقليم كوردستان: "the capital of" describes the place
        if b > a and w in _REPORT_NOUNS and norms[b - 1] not in _BODY and not _is_title(norms, b - 1):
            break               # نفت حكومة اقليم كوردستان انباء تحدثت عن ...: the reports denied, the object
        if b > a and w.startswith("لل") and not (not name_started and any(_is_title(norms, k) for k in range(a, b))):
            break               # قال للصحفيين; but المستشار الإعلامي للحزب كفاح حمود keeps the title's complement
        if b == a and _nisba(w) and b + 1 < right_end and norms[b + 1] in _TOPIC_PREPOSITIONS:
            b += 1      # وكشف الخفاجي عن تعزيز ...: a family name alone, then the object's preposition
            break
        if b == a and cue.cls in ("claim", "act", "appeal") and _nisba(w) and b + 1 < right_end \
                and not norms[b + 1].startswith("ال") and not _is_title(norms, b + 1) and not is_punct(doc[b + 1]):
            b += 1      # واتهمت الكعبي جهات سياسية بـ: a family name alone, then the object
            break
        is_title = _is_title(norms, b) or w in _LINKS or _place_word(norms, b) or _official_of_body(norms, b) \
            or (w in _OFFICIAL and b + 1 < right_end and norms[b + 1].startswith("ال")) \
            or (not name_started and _construct_complement(norms, b))     # مستشار مجلس أمن الإقليم X
        if cue.cls in ("claim", "act", "appeal") and b > a + 1 and w.startswith("ال") and not name_started \
                and b + 1 < right_end and norms[b + 1] in _OBJECT_PREPOSITIONS \
                and not t.text.endswith(("ي", "ية", "يّة")) \
                and not (norms[b + 1] == _AN and _is_title(norms, a)):     # حمل عضو مجلس النواب عن ائتلاف X: his bloc
            break               # عزا البنك المركزي العراقي التراجع إلى ...: the object, then its preposition
        if name_started and w in _TITLES and (w.startswith("ال") or (not _is_title(norms, b - 1) and w not in _NAME_LIKE_TITLES)):
            b = _title_phrase(sent, b, right_end, norms)     # وقال زانا عمر المتحدث باسم حكومة الإقليم، ...; الدكتور
            break                                            # سامان برزنجي وزير الصحة بإقليم كردستان، إن
        if name_started and (w in _OBJECTS or _bare(w) in _OBJECTS_BARE or (w.startswith("ال") and w in _BODY)):
            break               # وحث خوشناو الحكومة الاتحادية على / انتقدت سوزان حسن قرار: the object
        if name_started and _masdar_object(norms, a, b, right_end):
            break               # أكد وزير الطاقة وليد فياض العمل على تأمين: the verbal noun object after a full name
        if name_started and w.startswith("ال"):
            b += 1
            compound = norms[b - 2] == _ABD     # عبد القادر الدخيل: the surname may carry the article
            if (w in _SECOND_HALVES or compound) and b < right_end and not is_punct(doc[b]) \
                    and not _stop(doc[b].text, norms[b]) and norms[b] not in _COMPLEMENT \
                    and not (norms[b].startswith(("ل", "ب")) and not norms[b].startswith("ال")) \
                    and (compound or not norms[b].startswith("ال")) and norms[b] not in _OBJECTS \
                    and norms[b] not in _BODY and not _is_title(norms, b) and not _participle(norms, b) \
                    and not _possessed_channel(norms[b]):     # واختتمت عبد الواحد سؤالها: her question
                b += 1          # مدير المفتشية خير الدين أحمد: a compound first name, then the surname
            break
        complement = w.startswith("ل") and not w.startswith("ال") and len(w) > 3 and not name_started \
            and any(_is_title(norms, k) for k in range(a, b))     # مستشار رئيس الوزراء لشؤون المياه
        if not is_title and not complement and not w.startswith(("ال", "وال")) and w not in _COMMON and w not in _BODY \
                and norms[a] not in _BODY:          # تجار سوق الجملة في البصرة: a group, not a name
            name_started = True
        b += 1
    if norms[cue.start] in _VIEWS and b > a + 2 and norms[a] in _GROUPS:
        b = a + 2               # ويعتبر اهالي سنجار X وY مسؤولين عن: the people of a place, then the ones judged
    pronoun = None
    speaker = None
    not_only = _not_only_subject(sent, cue.start, norms)
    if not_only is not None:
        speaker, a, b = sent.span(*not_only), cue.end, cue.end     # ولم تكتف X بـ... بل اتهمت Y بـ: X speaks
    if b > a and norms[a] in _PREPOSITIONAL and doc[a].text not in ("علي", "وعلي"):
        return None                                # كُتب عليها: a passive, nobody speaks
    if b > a and (_is_title(norms, a) or norms[a] in _BODY or (b + 1 < n and norms[b + 1] in _NAMED)):
        c = b
        if c < n and norms[c] == "فی":           # رئيس جمعية الخبازين في المحافظة، ياسين العبيدي،
            c = next((k for k in range(c + 1, min(n, c + 4)) if doc[k].text in ("،", ",")), b)
        if c + 1 < n and doc[c].text in ("،", ",", "؛"):
            d = _apposition(sent, c, norms)
            if d > c:
                b = d                              # رئيس الجمعية، ياسين العبيدي، قال
    elif b > a and name_started and b + 1 < n and doc[b].text in ("،", ",") and _is_title(norms, b + 1):
        # أعلن آسو حسن، المتحدث باسم وزارة المالية ... في حكومة الإقليم، أن (https://www.kurdistan24.net/ar/story/871445):
        # the title in apposition, closed by its comma, names the role later mentions use (المتحدث باسم الوزارة)
        d = next((k for k in range(b + 2, min(n, b + 16)) if doc[k].text in ("،", ",") or norms[k] in _COMPLEMENT
                  or doc[k].text in (":", '"', "«") or norms[k] in _PARTICIPLES), n)
        if d < n and doc[d].text in ("،", ","):
            b = d
    if b == a and cue.start > 0 and doc[cue.start].text[:1] in ("ي", "ت"):
        r = next((k for k in range(cue.start - 1, max(-1, cue.start - 4), -1) if norms[k] in _REPORT_NOUNS), None)
        if r is not None and all(not is_punct(doc[k]) for k in range(r, cue.start)):
            speaker = sent.span(r, cue.start)   # وسط تقارير تفيد بأن (https://arabnews24.ca/...): the reports speak
    subordinate = False
    if b == a and speaker is None and cue.start > 2 and norms[cue.start - 1] in _RELATIVE_PRONOUNS \
            and doc[cue.start - 2].text in ("،", ",") and norms[0] not in _PER:
        ante = _antecedent(sent, cue.start - 1, norms)
        if ante is not None:
            # التقت X، TITLE، رئيس الوزراء Y، الذي أبلغه بأنه ... (https://plus4.co/ar/detail/1797): the one the relative
            # clause is about speaks it, beside the sentence's own subject
            speaker, subordinate = sent.span(*ante), True
    if b == a and speaker is None and cue.start > 0 and (not doc[cue.start].text.startswith(("و", "ف"))
                                     or (doc[cue.start].text.startswith("ف") and _amma(sent, cue.start, norms))):
        left = _left_subject(sent, cue.start, norms)   # التاجر حسين عبد الرضا أكد أن ... / أما X فقالت
        if left is not None:
            a, b = left
            speaker = sent.span(a, b)
            b = cue.end
    if speaker is None and b >= a + 1 and _bare(norms[a]) in _DOCS:
        author = _document_author(sent, a, b, right_end, norms)
        if author is not None:
            speaker = author    # وذكر بيان لوزارة الداخلية، أن; وذكر بيان للدائرة الاعلامية لمجلس النواب إن: the body
    if speaker is None and b == a + 1 and norms[a] in _HONORIFIC_PRONOUNS:
        b = a           # وأكد سيادته، وأشار معاليه: "his excellency", the person named before (never a name)
        pronoun = "person"
    if speaker is None and b > a:
        speaker = sent.span(a, b)
        if _bare(norms[a]) in _CHANNEL_NOUNS and b - a <= 2:
            pronoun = "document"                   # وأشار البيان إلى أن: the body whose statement it is
        elif _definite_document(norms, a, b):
            pronoun = "document"                   # وأشار التقرير البريطاني إلى أن, واعتبر التقرير أن: the outlet's report
    elif speaker is None and pronoun is None:
        pronoun = "any"
        if cue.start > sent.lead + 1 and norms[cue.start - 1] in _ALSO:
            # هذا وشكر رئيس الحكومة الولايات المتحدة ...، كما شدد على ضرورة (https://gov.krd/arabic/government/
            # the-prime-minister/activities/posts/2021/october/): the event verb's subject says the second verb's clause
            own = _event_subject(sent, cue, Attribution(cue, None, "any", None, None))
            if own.speaker is not None:
                speaker, pronoun = own.speaker, None
    if _bare_verb(norms[cue.start]) in _REPLIES:
        return Attribution(cue, speaker, None, None, None) if speaker is not None else None
    if speaker is not None and pronoun is None and _bare_verb(norms[cue.start]) in _JUDGES and b - a == 1 \
            and norms[a].startswith("ال") and b < n and norms[b] in _BI_ANNA:
        speaker, pronoun = None, "any"      # فيما عدّ القرار بأنه ...: the object judged, then بأنه
    relay = _bare_verb(norms[cue.start]) in _RELAYS
    if relay and any(norms[k] in _QUOTH for k in range(cue.end, n)):
        return None         # نقلت الوكالة عن مسؤول قوله: the quoth clause
    cited = _cited(sent, cue.end if relay else max(b, cue.end), norms, relay)
    if cited is not None:
        # قال الجيش في بيان، نقلاً عن المجلس الوزاري، إن (https://alresala-alarabiya.com/199140): X passes on
        # what the one cited said, who speaks (as "X said, citing Y")
        a, b = cited
        speaker, pronoun = sent.span(a, b), None
    elif relay:
        return None
    # Content: after the complementizer or colon, else what follows the speaker.
    k = b
    while k < n and not (norms[k] in _COMPLEMENT or doc[k].text == ":" or _an_la(norms, k)) and k - b < 22 \
            and not _participle(norms, k) and not (k > b and norms[k] in _CUE_VERBS and norms[k - 1] not in _MASDAR_BEFORE
                                                   and not _said_again(sent, cue, k, norms)) \
            and sent.open[k]:
        k += 1
    clause = colon = False
    if k < n and (norms[k] in _COMPLEMENT or doc[k].text == ":" or _an_la(norms, k)):
        said = content(sent, k if _an_la(norms, k) else k + 1, n)     # (ألا kept: the negation is said)
        clause, colon = norms[k] in _COMPLEMENT or _an_la(norms, k), doc[k].text == ":"
        if clause and k + 1 < n and doc[k + 1].text == ":":
            colon = True        # أشار ... إلى أن: لدينا توقعات (https://presidency.gov.krd/ar/...): the speaker's own words
    elif norms[cue.start] in _CLAUSE_ONLY:
        # أعلنت الوزارة منع الاستيراد: an announced act, no statement; but its subject speaks the verb after it
        # (أعلن X استقالته، وقال إن ..., https://knnc.net/ar/Details.aspx?jimare=8113)
        # (when it ends with a person's name: a body's span may have run into the object, قيادة ... إحباط محاولة)
        if speaker is not None and pronoun is None:
            written = sent.doc.source[speaker[0] - sent.start:speaker[1] - sent.start]
            name = name_of(written)
            head = fold(written.split()[0]) if written.split() else ""
            if name and written.endswith(name) and len(name.split()) <= 4 and head not in _BODY \
                    and _bare(head) not in _BODY:
                return Attribution(cue, speaker, None, None, None)
            e = b
            while e < n and is_punct(doc[e]) and doc[e].text not in ("،", ",", ".", ":"):
                e += 1
            if e < n and e - b <= 1 and norms[e] == fold("عن"):
                # أعلن "الحزب الديمقراطي الكردستاني الإيراني" عن ارتفاع ...، قائلا إن (https://arabic.rt.com/...):
                # the subject closed by عن, no statement itself but the speaker of the participle after it
                return Attribution(cue, speaker, None, None, None)
        return None
    else:
        first = _past_time(sent, b, norms)
        if cue.cls == "say" and first < n and norms[first] in _FRAME_IN:
            # وأشار X خلال الاتصال إلى وجود ...: a short frame (no comma), then the object's preposition
            p = next((k for k in range(first + 1, min(n, first + 5)) if norms[k] in _TOPIC_PREPOSITIONS
                      or is_punct(doc[k]) or norms[k] in _COMPLEMENT), None)
            if p is not None and p > first + 1 and norms[p] in _TOPIC_PREPOSITIONS:
                first = p
            elif norms[cue.start] in _BI_VERBS:
                # وكان مصدر قد أفاد في وقت سابق من اليوم، بسقوط ...: a time frame and its comma, then the بـ-object
                c = next((k for k in range(first + 1, min(n - 1, first + 9)) if is_punct(doc[k])), None)
                if c is not None and doc[c].text in ("،", ",") and norms[c + 1].startswith("ب") and len(norms[c + 1]) > 3:
                    first = c + 1
                    return Attribution(cue, speaker, pronoun, content(sent, first, n), None, clause=True)
        if cue.cls == "say" and first < n and norms[first] in _TOPIC_PREPOSITIONS:
            # كشف عن خطة، أشار إلى إصدار تعليمات: the object reports what was said
            return Attribution(cue, speaker, pronoun, content(sent, first + 1, n), None, clause=True)
        said = content(sent, _past_time(sent, b, norms), n, skip=(_STOPS - {fold("أي")}) | _CHANNEL_NOUNS)     # نفت أي تقليص: "any" is the object's
        if cue.cls == "claim" and first < n and norms[first] in _FRAME_IN:
            # وكانت النائبة قد حذرت في وقت سابق من انهيار الاتفاق: a short frame, then the claim's preposition
            p = next((k for k in range(first + 1, min(n, first + 5)) if is_punct(sent.doc[k]) or norms[k] == fold("من")
                      or (norms[k].startswith("ب") and len(norms[k]) > 3 and norms[k] not in _B_NOUNS)), None)
            if p is not None and p > first + 1 and not is_punct(sent.doc[p]):
                said = content(sent, p + 1 if norms[p] == fold("من") else p, n)
        if said is not None and norms[cue.start] in _PREDICTS:
            clause = True       # توقعت النائبة ... تصويت البرلمان: the prediction is the content
        elif said is not None and cue.cls == "say":
            first = sent.token_at(said[0])
            w = norms[first] if first < n else ""
            if first < n and not sent.frame[first]:
                pass            # وأضاف "نحن ...": the quotation is the content
            elif w in _TOPIC_PREPOSITIONS or (w.startswith("ب") and len(w) > 3 and w != fold("بشدة")
                                              and _bare(w.rstrip("ا")) not in _DOCS and w not in _B_NOUNS):
                clause = True   # كشف عن خطة، أشار إلى إصدار، أفاد بورود: the object reports what was said
            elif norms[cue.start] in _SPEECH_ONLY and any(_bare(norms[k]) in _CHANNEL_NOUNS
                                                                      for k in range(b, first)):
                # وأوضح X في تصريحات كل ما ... (https://www.alrasheedmedia.com/...): a verb that takes only speech, its
                # channel (and the channel's adjectives), then the clause with no أن
                first = max(k for k in range(b, first) if _bare(norms[k]) in _CHANNEL_NOUNS) + 1
                while first + 2 < n and (_nisba(norms[first]) or norms[first] in _HIS
                                         or (norms[first].endswith(("ی", "یه")) and len(norms[first]) > 3)):
                    first += 1
                first = _past_outlet(sent, first, norms)
                w = norms[first]
                if doc[first].text.endswith(("ه", "ها")) or is_punct(doc[first]) or _stop(doc[first].text, w) \
                        or w in _CHANNEL_AFTER or (w.startswith("ل") and not w.startswith("ال")):
                    said = None     # في مؤتمر صحفي عقده ...، في منشور على منصة إكس، ...: the channel goes on
                else:
                    said, clause = content(sent, first, n), True
            elif norms[cue.start] in _REVEAL and _after_frame_commas(sent, b, norms) is not None:
                # كشف X، في تصريح خاص لمراسلة "سبوتنيك"، اليوم، عودة ...؛ وأفاد حامد، عادت ... (https://sarabic.ae/...): the
                # content after the channel's and the time's commas, with no أن
                said, clause = content(sent, _after_frame_commas(sent, b, norms), n), True
            elif norms[cue.start] in _TELL and _told_object(sent, first, norms) is not None:
                said, clause = content(sent, _told_object(sent, first, norms), n), True   # أخبر X، الوكالة، باندلاع ...
            elif norms[cue.start] in _VIEWS and _view_predicate(sent, first, norms):
                clause = True   # ويعتبر X Y مسؤولين عن ...، اعتبر X القرار خطوة: the object and what it is held to be
            else:
                said = None     # صرّح X خلال لقائه السفير: no content of its own
    return Attribution(cue, speaker, pronoun, said, None, clause=clause, colon=colon, subordinate=subordinate)


_RELATIVE_PRONOUNS = {fold(w) for w in ("الذي", "التي", "الذين")}
_MET = {fold(p + w) for w in ("التقى", "التقت", "التقوا") for p in ("", "و")}     # verbs that look like ال-nouns


def _antecedent(sent: Sentence, rel: int, norms: list[str]) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at `rel` stands for: the comma segment right before it (or up to six
    words), when it names a person."""
    doc = sent.doc
    e = rel
    while e > 0 and doc[e - 1].text in ("،", ","):
        e -= 1
    s0 = e
    while s0 > 0 and not is_punct(doc[s0 - 1]) and e - s0 < 6:
        s0 -= 1
    if s0 >= e:
        return None
    written = doc.source[doc[s0].idx:doc[e - 1].idx + len(doc[e - 1].text)]
    name = name_of(written)
    if not name or not written.endswith(name):
        return None
    return s0, e


# A speaker span never ends in a preposition (مسرور بارزاني عن، X مع، X لـ) and never opens with a frame (ففي مقابلة
# اجراها X مع ...، خلال زيارته ...): round 8's bad spans, each of which spoiled every later mention of the person.
_SPAN_TAIL = _NAME_BREAKS | {fold(w) for w in "في من ل لـ ب بـ و".split()}
_SPAN_OPENERS = {fold(w) for w in "في وفي ففي خلال وخلال وعن ومع مع لدى ولدى عقب وعقب اثر إثر وإثر".split()}


def _safe_speaker(sent: Sentence, att: Attribution | None) -> Attribution | None:
    """The general edges of a speaker span: a trailing preposition dropped; a span opening with a frame word
    reduced to the name inside it, else left to the previous speaker."""
    if att is None or att.speaker is None or att.pronoun is not None:
        return att
    a = sent.token_at(att.speaker[0])
    b = sent.token_at(att.speaker[1] - 1) + 1
    norms = sent.norms
    if a >= b or b > len(sent.doc):
        return att
    e = b
    while e - 1 > a and (norms[e - 1] in _SPAN_TAIL or sent.doc[e - 1].text in ("لـ", "بـ")):
        e -= 1
    if _bare(norms[a]) in _DOCS and a + 1 < len(sent.doc):
        # وذكر بيان لمكتب رئيس الوزراء أن، وأفاد بيان صادر عن وزارة النفط بأن: the document's author speaks
        k = a + 1
        while k < len(sent.doc) - 1 and not sent.doc[k].text.strip():
            k += 1          # وذكر بيان\nللوزارة: a hard line break inside the sentence
        if k >= e:
            e = k + 1 if norms[k].startswith("ل") and not norms[k].startswith("ال") and len(norms[k]) > 3 else e
        if norms[k] in _ISSUED and k + 1 < e and norms[k + 1] == fold("عن"):
            k += 2
            if k < e:
                return dataclasses.replace(att, speaker=sent.span(k, e))
        elif norms[k].startswith("ل") and not norms[k].startswith("ال") and len(norms[k]) > 3:
            start = sent.span(k, k + 1)[0] + (2 if norms[k].startswith("لل") else 1)
            return dataclasses.replace(att, speaker=(start, sent.span(k, e)[1]))
    if norms[a] in _SPAN_OPENERS:
        text = sent.doc.source[sent.doc[a].idx:sent.doc[e - 1].idx + len(sent.doc[e - 1].text)]
        name = name_of(text)
        at = text.rfind(name) if name else -1
        if at < 0:
            return dataclasses.replace(att, speaker=None, pronoun="any")
        start = sent.start + sent.doc[a].idx + at
        return dataclasses.replace(att, speaker=(start, start + len(name)))
    if e < b:
        return dataclasses.replace(att, speaker=sent.span(a, e))
    return att


_AS = fold("كما")
_SEE = {fold(w) for w in "ترى يرى نرى ترون تعلم يعلم تعرف يعرف".split()}


def _aside(sent: Sentence, cue: Cue) -> bool:
    """كما ترى ("as you see") inside someone's speech: يقول X: السقف انهار كما ترى وكل زجاج المحل تحطم
    (https://www.lalishduhok.com/news/post/309987/): an aside with no subject of its own, no clause and no cue."""
    norms = sent.norms
    doc = sent.doc
    if cue.start == 0 or norms[cue.start - 1] != _AS or norms[cue.start] not in _SEE:
        return False
    k = cue.end
    return k >= len(doc) or is_punct(doc[k]) or doc[k].text.startswith("و") or _stop(doc[k].text, norms[k])


def _subject_after_channel(sent: Sentence, cue: Cue) -> tuple[int, int] | None:
    """وقال في بيان تلقته "المدى" مدير الدفاع المدني في نينوى العميد حسام خليل، إن ...: the channel before the subject;
    the subject (a title or a body) between the channel and the comma or complementizer (its char span)."""
    doc = sent.doc
    norms = sent.norms
    n = len(doc)
    k = cue.end
    while k < n and (norms[k] in _ADVERBS or norms[k] in _TIME_NOUNS):
        k += 1
    if cue.cls not in ("say", "claim") or k + 3 >= n or not (norms[k] in _FRAME_IN or norms[k] == fold("عبر")) \
            or not (_bare(norms[k + 1]) in _CHANNEL_NOUNS or _bare(norms[k + 1]) in _DOCS):
        return None
    end = next((c for c in range(k + 2, min(n, k + 18)) if doc[c].text in ("،", ",", ":") or norms[c] in _COMPLEMENT), None)
    if end is None:
        return None
    t = next((c for c in range(k + 2, end) if sent.frame[c] and (_is_title(norms, c) or norms[c] in _BODY)
              and norms[c - 1] != fold("عن") and not (norms[c - 1].startswith("ل") and not norms[c - 1].startswith("ال"))
              and not doc[c - 1].text.startswith("ل")), None)
    if t is None or end - t > MAX_SPEAKER_TOKENS:
        return None
    if any(norms[c] in _CUE_VERBS or norms[c] in _PARTICIPLES for c in range(t, end)):
        return None
    written = sent.doc.source[doc[t].idx:doc[end - 1].idx + len(doc[end - 1].text)]
    if not name_of(written):
        return None     # وقال في بيان صادر عن مكتب ...: a body there issued the statement; the subject is the one before
    return sent.span(t, end)


def _opening_verb_subject(sent: Sentence, cue: Cue) -> tuple[int, int] | None:
    """واستقبل وزير الزراعة X وفداً ...، وقال إن / وتحدث النائب X مع الصحفيين ...، وأكد أن: a second verb with no
    subject of its own shares the subject of the verb that opens the sentence (its char span), when that verb is
    no cue itself (a cue would be a clause of its own, whose speaker carries on)."""
    doc = sent.doc
    norms = sent.norms
    if cue.start < 3 or cue.start > 40 or not doc[cue.start].text.startswith(("و", "ف")) or cue.cls not in ("say", "claim"):
        return None
    w = norms[0]
    if len(w) < 3 or is_punct(doc[0]) or not sent.frame[0] or w in _OPENERS or _stop(doc[0].text, w) \
            or w.startswith(("ال", "وال")) or w in _TITLES or w in _BODY or _bare(w) in _BODY or w in _COMMON \
            or w in _CUE_VERBS or w in _PARTICIPLES or w in _TIME_NOUNS or w in _NOTED or w in _KANA \
            or w in _COMPLEMENT or w in _PER or w in _BUT or (w.startswith("و") and w[1:] in _TITLE_OR_BODY):
        return None
    if any(norms[k] in _COMPLEMENT or doc[k].text in (":", "«", '"', "“") for k in range(1, cue.start)):
        return None
    inner = attribute(sent, Cue(cue.sent, 0, 1, "say"))
    if inner is None or inner.speaker is None or inner.pronoun is not None:
        return None
    inner = _safe_speaker(sent, inner)
    if inner.speaker is None or inner.speaker[1] > sent.span(cue.start, cue.start + 1)[0]:
        return None
    written = sent.doc.source[inner.speaker[0] - sent.start:inner.speaker[1] - sent.start]
    words = written.split()
    if not words or not (name_of(written) or fold(words[0]) in _TITLES or fold(words[0]) in _BODY
                         or _bare(fold(words[0])) in _BODY):
        return None
    return inner.speaker


# Verbs of holding a view whose object and its predicate (an indefinite noun or adjective) are the view, with no أن:
# ويعتبر اهالي سنجار محما خليل ونايف سيدو مسؤولين عن سقوط القضاء (http://sotkurdistan.net/2018/02/13/...).
_VIEWS = {fold(p + w) for w in "اعتبر اعتبرت يعتبر تعتبر يعتبرون اعتبروا عد عدت يعد تعد".split() for p in ("", "و", "ف")}
_GROUPS = {fold(w) for w in "أهالي اهالي سكان مواطنو أبناء ابناء عوائل ذوو ذوي".split()}


_REVEAL = {fold(p + w) for w in "كشف كشفت أفاد أفادت".split() for p in ("", "و", "ف")}
_TIME_EXTRA = {fold(w) for w in """كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الأول الثاني يناير فبراير مارس
    أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر""".split()}


def _past_time(sent: Sentence, k: int, norms: list[str]) -> int:
    """From token k, past punctuation and a time phrase between commas (، الخميس (9 أيلول 2026)، / ، اليوم،): the
    index where what follows the speaker begins."""
    doc = sent.doc
    n = len(doc)
    while k < n:
        while k < n and is_punct(doc[k]) and doc[k].text not in ("«", '"', "“", "”", ":"):
            k += 1
        j = k
        while j < n and (norms[j] in _TIME_NOUNS or norms[j] in _TIME_EXTRA or norms[j][:1].isdigit()
                         or doc[j].text in ("(", ")")):
            j += 1
        if j > k and (j >= n or doc[j].text in ("،", ",")):
            k = j
            continue
        return k
    return k


def _after_frame_commas(sent: Sentence, b: int, norms: list[str]) -> int | None:
    """After the speaker: a channel frame (في تصريح ...) and time words, each closed by a comma, then content of
    three words or more that opens with no preposition, complementizer or quotation: its first index."""
    doc = sent.doc
    n = len(doc)
    k = b
    if k >= n or doc[k].text not in ("،", ","):
        return None
    k += 1
    for _ in range(3):
        if k < n and (norms[k] in _FRAME_IN or norms[k] == fold("عبر")):
            c = next((j for j in range(k + 1, min(n, k + 12)) if doc[j].text in ("،", ",")), None)
            if c is None:
                return None
            k = c + 1
        k = _past_time(sent, k, norms)
    if k + 3 > n or not sent.frame[k] or is_punct(doc[k]) or _stop(doc[k].text, norms[k]) or norms[k] in _COMPLEMENT \
            or norms[k] in _TOPIC_PREPOSITIONS or norms[k] in _CUE_VERBS or norms[k] in _PARTICIPLES \
            or (norms[k].startswith("ب") and len(norms[k]) > 3):
        return None
    return k


_TELL = {fold(p + w) for w in "أخبر أخبرت أخبروا أبلغ أبلغت أبلغه أبلغها أبلغهم أبلغوا".split() for p in ("", "و", "ف")}


def _told_object(sent: Sentence, first: int, norms: list[str]) -> int | None:
    """أخبر X، الوكالة، باندلاع ... / أخبر X الصحفيين بأن: past the addressee (up to 4 words, maybe between commas),
    the index where what was told begins (a بـ-noun, or after بأن/أن)."""
    doc = sent.doc
    n = len(doc)
    for k in range(first, min(n - 1, first + 6)):
        w = norms[k]
        if w in _COMPLEMENT:
            return k + 1
        if k > first and w.startswith("ب") and len(w) > 3 and sent.frame[k] and w not in _B_NOUNS:
            return k
    return None


_WISHING = {fold(w) for w in "متمنيا متمنية متمنياً متمنيةً".split()}
_ACCUSING = {fold(w) for w in "متهما متهمة متهمين متهماً متهمةً".split()}
_EXPRESSING = {fold(w) for w in "معربا معربة معرباً معربةً".split()}
_HOPE = {fold(w) for w in "أمله أملها أملهم امله املها املهم".split()}


def _partact_content(sent: Sentence, cue: Cue) -> tuple[int, int] | None:
    """Participles of claims and feelings that state content with no quotation: متهما الحشد الشعبي بالمشاركة في
    الهجوم (a claim with its بـ-object, https://arabic.rt.com/middle_east/968614-...), معرباً عن أمله في ألا يطول ...
    (a hope with a clause, https://www.kurdistan24.net/ar/story/876222): the char span of that content."""
    doc = sent.doc
    norms = sent.norms
    n = len(doc)
    k = cue.end
    if k + 2 >= n or not sent.frame[k]:
        return None
    if norms[cue.start] in _ACCUSING:
        p = next((j for j in range(k + 1, min(n, k + 6)) if is_punct(doc[j]) or not sent.frame[j]
                  or (norms[j].startswith("ب") and len(norms[j]) > 3 and norms[j] not in _B_NOUNS)), None)
        if p is not None and sent.frame[p] and not is_punct(doc[p]):
            return content(sent, k, n)
        return None
    if norms[cue.start] in _EXPRESSING and norms[k] == fold("عن") and norms[k + 1] in _HOPE:
        j = k + 2
        if j < n and norms[j] in (fold("في"), fold("فی"), fold("ب")):
            j += 1
        if j + 1 < n and (norms[j] in _COMPLEMENT or doc[j].text in ("ألا", "الا", "بألا")):
            return content(sent, j if doc[j].text in ("ألا", "الا", "بألا") else j + 1, n)
    return None


def _view_predicate(sent: Sentence, first: int, norms: list[str]) -> bool:
    """An object and then, within a few words, its predicate: an indefinite word (no article) ending like an
    accusative noun or adjective (مسؤولين، مسؤولة، خطوةً، تهديداً), followed by more words."""
    doc = sent.doc
    n = len(doc)
    for k in range(first + 1, min(n - 1, first + 7)):
        t = doc[k].text
        if is_punct(doc[k]) or norms[k] in _COMPLEMENT:
            return False
        if not norms[k].startswith(("ال", "وال")) and len(t) > 3 and t.endswith(("ين", "اً", "ًا", "ة", "ةً")) \
                and not _stop(t, norms[k]) and norms[k] not in _TITLES:
            return True
    return False


_OPENING_MARKS = ("«", '"', "“", "”")


def _quoted_body_name(inner: str) -> bool:
    words = inner.split()
    if not 2 <= len(words) <= 6 or re.search(r"[.،,:؛!?؟]", inner):
        return False
    first = fold(words[0])
    return (first in _BODY or _bare(first) in _BODY or first in _OUTLETS) \
        and not any(fold(w) in _COMPLEMENT or fold(w) in _CUE_VERBS for w in words)


def _closing_mark(sent: Sentence, k: int, limit: int = 7) -> int | None:
    """The index of the mark closing the quotation opened at token k, within `limit` tokens, with only words
    inside (a quoted name), else None."""
    doc = sent.doc
    for c in range(k + 1, min(len(doc), k + limit + 1)):
        if doc[c].text in ("»", '"', "”", "“"):
            return c if c > k + 1 else None
        if is_punct(doc[c]) or sent.norms[c] in _COMPLEMENT:
            return None
    return None


_CLOSING_MARKS = ("”", "“", "»")
_OBJECT_FIRST = {fold(w) for w in """وجود صحة عدم ضرورة أهمية استمرار بدء انطلاق استئناف إيفاد ايفاد إرسال ارسال تسلم
    استلام تحميل تصدير إيقاف ايقاف وقف منع فتح إغلاق اغلاق تشكيل إجراء اجراء اتخاذ دعم رفض التزام تمسك حرص استعداد
    تمديد تأجيل تأخر تأخير سلامة""".split()}      # فيما أكد بدء تحميل أول ناقلة (http://burathanews.com/arabic/news/466054)
_BAYNA = fold("بين")


def _unopened_quote(sent: Sentence, att: Attribution) -> Attribution:
    """وقال X في رسالة وجهها إلى ... بعد ...، هي تصرفات شخصية ولا تعبر عن موقف الحكومة “، مؤكدا ... (https://www.
    iraqtoday.net, round 8e): a quotation whose opening mark was left off. A closing mark in the frame with no
    opening mark before it closes a quotation that begins after the last comma following the speaker."""
    doc = sent.doc
    n = len(doc)
    if att.speaker is None or att.pronoun is not None:
        return att
    start = max(sent.token_at(att.speaker[1]), att.cue.end)
    if start >= n or not (sent.norms[start] in _FRAME_IN or sent.norms[start] == fold("عبر")):
        return att          # the speaker, then the channel (في رسالة، خلال كلمة، عبر صفحته), then the quotation
    m = None
    for k in range(start, min(n, start + 60)):
        t = doc[k].text
        if t in ("«", '"', ":") or (not sent.frame[k] and t not in _CLOSING_MARKS):
            return att          # a quotation that opens, or speech after a colon: nothing left off
        if t in _CLOSING_MARKS and sent.frame[k]:
            m = k
            break
        if k > start and (sent.norms[k] in _PARTICIPLES or sent.norms[k] in _CUE_VERBS) and sent.norms[k] != _BAYNA:
            return att          # (بين عناصر ...: "between", not the verb بيّن)
    if m is None:
        return att
    comma = max((k for k in range(start, m) if doc[k].text in ("،", ",")), default=None)
    if comma is None or m - comma < 4 or (comma + 1 < n and sent.norms[comma + 1] in _COMPLEMENT):
        return att
    span = sent.span(comma + 1, m)
    if att.content is not None and att.content[0] > span[0]:
        return att
    return dataclasses.replace(att, content=span, clause=True, direct=True)


# Second words of outlets' names (شفق نيوز، باس نيوز، كوردستان 24).
_OUTLET_TAILS = {fold(w) for w in "نيوز برس نت تيفي تي في عربية ميديا الإخبارية الاخبارية الفضائية".split()}


def _past_outlet(sent: Sentence, k: int, norms: list[str]) -> int:
    """وقال X في تصريحات صحفية لوكالة شفق نيوز الطرق ... ستغلق (https://www.alrasheedmedia.com/, round 8e): the outlet the
    words were given to (لوكالة/لشبكة/لـ + its name, quoted or not, and its adjectives) before a clause with no أن;
    the index after it (k itself when no outlet stands there)."""
    doc = sent.doc
    n = len(doc)
    w = norms[k] if k < n else ""
    if doc[k].text in ("لـ", "ل") if k < n else True:
        j = k + 1
    elif w.startswith("ل") and not w.startswith("ال") and _lam_object(w) in _OUTLETS:
        j = k + 1
    else:
        return k
    if j < n and not sent.frame[j] or (j < n and doc[j].text in ('"', "«", "“", "”")):
        while j < n and (not sent.frame[j] or doc[j].text in ('"', "«", "»", "“", "”")):
            j += 1      # لـ"باسنيوز": the quoted name
        return j
    if j < n and norms[j].startswith("ال"):
        j += 1          # لوكالة الأنباء العراقية الرسمية
    elif j < n and not is_punct(doc[j]):
        j += 1          # لوكالة شفق نيوز، لشبكة رووداو
        if j < n and (norms[j] in _OUTLET_TAILS or doc[j].text.isascii() and not is_punct(doc[j])):
            j += 1
    while j < n and (_nisba(norms[j]) or norms[j].endswith("یه") and norms[j].startswith("ال")) and j - k < 6:
        j += 1          # الاعلامية، العراقية، الرسمية
    return j


def _said_again(sent: Sentence, cue: Cue, k: int, norms: list[str]) -> bool:
    """وقال X على هامش الاجتماع الذي عقده ... تابعته "outlet" قال ان (https://www.alnahrain.com/article/8226): the
    same verb of saying, bare, repeated before its clause after a long frame; the first one's subject speaks."""
    verb = norms[cue.start]
    return k + 1 < len(norms) and norms[k] in (verb, verb[1:] if verb[:1] in ("و", "ف") else verb) \
        and norms[k + 1] in _COMPLEMENT \
        and not sent.doc[k - 1].text in ("،", ",", ".")


# Verbs of an event that open a news sentence with their subject (استقبل X ...، مؤكداً أن): a participle of saying
# later in that sentence is said by that subject, not by the speaker heard before.
_EVENT_VERBS = {fold(p + v + s) for v in """استقبل التقى بحث زار ترأس عقد وجه أجرى شارك افتتح ألقى بعث هنأ حضر تفقد
    اجتمع استعرض ناقش تلقى أرسل قدم وقع شكر أشاد ثمن""".split() for p in ("", "و", "ف") for s in ("", "ت")}
_THIS = {fold(w) for w in ("هذا", "وهذا")}     # هذا وشكر رئيس الحكومة ... (gov.krd): a closing formula before the verb


def _event_subject(sent: Sentence, cue: Cue, att: Attribution) -> Attribution:
    """وجه X، اليوم الاحد، رسالة إلى ...، مؤكداً أن (https://www.alsumaria.tv/news/politics/558279/): a participle whose
    sentence opens with an event verb and its subject: that subject speaks."""
    f = sent.lead
    if f + 1 < cue.start and sent.norms[f] in _THIS:
        f += 1
    if f >= cue.start or sent.norms[f] not in _EVENT_VERBS:
        return att
    own = attribute(sent, Cue(sent.index, f, f + 1, "say"))
    if own is None or own.speaker is None or own.pronoun is not None or own.speaker[1] > sent.span(cue.start, cue.end)[0]:
        return att
    return dataclasses.replace(att, speaker=own.speaker, pronoun=None)


def _document_author(sent: Sentence, a: int, b: int, right_end: int, norms: list[str]) -> tuple[int, int] | None:
    """The body after "بيان لـ" (a document of that body, its author), as a char span: from the body's first letter
    after لـ, or from للـ itself (tidy_mention writes it with the article again). None when no body follows. The name
    runs on through definite words, لـ-nouns and a construct's complement; not into a verb after a definite word
    (بيان للوزارة تلقته وكالة ...: https://www.dorar-aliraq.net/threads/1352016)."""
    k = a + 1
    if k >= right_end or not _lam_noun(norms[k]) or _lam_object(norms[k]) not in _BODY and norms[k][1:] not in _BODY:
        return None
    end = k + 1
    while end < right_end and not is_punct(sent.doc[end]) and norms[end] not in _COMPLEMENT \
            and (norms[end].startswith("ال") or _lam_noun(norms[end]) or norms[end] in _BODY or norms[end] in _COMMON
                 or _place_word(norms, end) or norms[end] in _PLACE_HEADS
                 or not norms[end - 1].startswith(("ال", "لل"))) \
            and not _stop(sent.doc[end].text, norms[end]) and end - k < MAX_SPEAKER_TOKENS and norms[end] not in _TIME_NOUNS \
            and not (norms[end].startswith("ب") and len(norms[end]) > 3 and norms[end] not in _B_NOUNS
                     and not _place_word(norms, end)) \
            and not norms[end] in _PARTICIPLES and norms[end] not in _CUE_VERBS:
        end += 1        # (أفاد بيان لوزارة الصحة بتسجيل ...: the بـ-object is not the body's name)
    start, stop = sent.span(k, end)
    return (start if norms[k].startswith("لل") else start + 1, stop)


# The emphatic after a feminine or plural mention (وأشارت المصادر الأمنية نفسها إلى أن, https://www.i24news.tv/ar/
# أخبار/middle-east/1705392988-...): "the same sources", the ones heard before, like نفسه/ذاته after a title.
_SAME_OTHER = {fold(w) for w in "ذاتها نفسها عينها أنفسهم ذاتهم أنفسهن".split()}
# Unnamed sources (وقالت مصادر عراقية لرويترز إن, same page; قال مسؤول كردي لفرانس برس): the لـ-word after the
# source and its adjectives is the outlet or person told, never part of the source.
_SOURCE_HEADS = {fold(w) for w in """مصدر مصادر مسؤول مسؤولة مسؤولون مسؤولين دبلوماسي دبلوماسيون دبلوماسيين
    شهود سكان""".split()}


def _told_outlet(norms: list[str], a: int, b: int) -> bool:
    """At b, a لـ-word after an unnamed source whose span (from a) holds only adjectives without the article."""
    w = norms[b]
    if b <= a or norms[a] not in _SOURCE_HEADS or not w.startswith("ل") or w.startswith(("ال", "لل")) or len(w) < 4:
        return False
    return all(not norms[k].startswith(("ال", "ل")) and norms[k] not in _LINKS for k in range(a + 1, b))


def _lam_addressee(text: str, w: str) -> bool:
    """لنظيره، لضيوفه، لوزير، لرئيس (after a name): لـ with a noun that carries a possessive pronoun or is a title,
    the one addressed; a surname that merely begins with ل (لطيف، لؤي) carries neither."""
    if not w.startswith("ل") or w.startswith(("ال", "لل")) or len(w) < 4:
        return False
    return text.endswith(("ه", "ها", "هم", "هما")) and len(text) > 4 or _lam_object(w) in _TITLES or w[1:] in _TITLES


_SAME_TIME = {fold(w) for w in ("ذاته", "نفسه", "عينه")} | _SAME_OTHER


def _past_same_time(norms: list[str], k: int, n: int) -> int:
    """Past "في الوقت ذاته/نفسه" (or بالوقت ذاته) at k: "at the same time" between a participle and its object."""
    if k + 2 < n and norms[k] in (fold("في"), fold("وفي")) and norms[k + 1] == fold("الوقت") and norms[k + 2] in _SAME_TIME:
        return k + 3
    if k + 1 < n and norms[k] == fold("بالوقت") and norms[k + 1] in _SAME_TIME:
        return k + 2
    return k


def _nisba(w: str) -> bool:
    """A family name in the nisba form (الكعبي، الدليمي): the article, then a word ending in ي."""
    return w.startswith("ال") and w.endswith("ی") and len(w) > 4 and w not in _TITLES and w not in _BODY \
        and w not in _COMMON and _bare(w) not in _COMMON


# محذرا من إقحام الملف الأمني (https://almasra.iq/92794): a warning's object says what is warned of, like حذّر من.
_WARNING_PARTICIPLES = {fold(w) for w in ("محذرا", "محذرة", "محذراً", "محذرةً")}


def _lam_noun(w: str) -> bool:
    """A noun after the preposition لـ (لوجود، لعدم), not a pronoun (له، لها) or the article (الـ)."""
    return w.startswith("ل") and not w.startswith("ال") and len(w) > 3 and w not in _PREPOSITIONAL


def _lam_object(w: str) -> str:
    """The noun after the preposition لـ: للتلفزيون → التلفزيون, لشبكة → شبكة."""
    rest = "ال" + w[2:] if w.startswith("لل") else w[1:]
    return _bare(rest)


def _title_phrase(sent: Sentence, k: int, end: int, norms: list[str]) -> int:
    """End of a title written after a name (المتحدث باسم حكومة إقليم كوردستان): up to a comma, a
    complementizer, a channel or another stop."""
    doc = sent.doc
    b = k + 1
    while b < end and b - k < 8:
        w = norms[b]
        if is_punct(doc[b]) or doc[b].text in ("«", '"', ":") or w in _COMPLEMENT or (_stop(doc[b].text, w) and w != fold("باسم")) \
                or w.startswith("لل") or (w.startswith("ل") and not w.startswith("ال") and b + 1 < end
                                          and norms[b + 1] in _COMPLEMENT):
            break
        b += 1
    return b


def _attribute_passive(sent: Sentence, cue: Cue, norms: list[str]) -> Attribution | None:
    """وجاء في البيان: "..." / وجاء في بيان لمديرية الدفاع المدني أن ...: the document's author speaks."""
    doc = sent.doc
    n = len(doc)
    a = cue.end
    if a >= n or _bare(norms[a]) not in _DOC_OR_CHANNEL:
        return None
    k = a + 1
    while k < n and (norms[k] in _ISSUED or norms[k] == fold("عن")):
        k += 1
    b = k
    while b < n and not is_punct(doc[b]) and norms[b] not in _COMPLEMENT and doc[b].text not in (":", "«", '"') \
            and b - k < MAX_SPEAKER_TOKENS:
        b += 1
    speaker = pronoun = None
    if b > k:
        start = sent.span(k, k + 1)[0]
        if doc[k].text.startswith("لل") and len(doc[k].text) > 3:
            start += 2          # بيان للوزارة (https://www.masrawy.com/...2911285): وزارة, named in full before
        elif doc[k].text.startswith("ل") and not norms[k].startswith("ال") and len(doc[k].text) > 3:
            start += 1          # بيان لمديرية ...: the author
        speaker = (start, sent.span(k, b)[1])
    else:
        pronoun = "document"
    j = b
    while j < n and is_punct(doc[j]) and doc[j].text != ":":
        j += 1
    colon = j < n and doc[j].text == ":"
    clause = j < n and norms[j] in _COMPLEMENT
    start = j + 1 if colon or clause else j
    return Attribution(cue, speaker, pronoun, content(sent, start, n), None, clause=True, colon=colon)


_DATA = {fold(w) for w in DATA_NOUNS}
_MEASURES = {fold(w) for w in """عدد نسبة حجم نوع طبيعة حاجة أهمية مستوى كمية ظروف جدول توقيت أولوية أولويات مساحة
    طول حسابات قدرة امكانية إمكانية امكانيات إمكانيات استحقاق الاستحقاق""".split()}
_PREDICTS = {fold(p + w) for w in _PREDICT for p in ("", "و", "ف")}
_RELAYS = {fold(w) for w in _RELAY}
_JUDGES = {fold(w) for w in ("عد", "عدت")}
_BI_ANNA = {fold(w) for w in ("بأن", "بأنه", "بأنها", "بأنهم")}
_QUOTH = {fold(w) for w in CUES["quoth"]}
_CITING = {fold("نقلا"), fold("نقلاً")}


def _cited(sent: Sentence, start: int, norms: list[str], relay: bool) -> tuple[int, int] | None:
    """The one cited after عن, in a clause that passes on someone's words (نقلاً عن X، نقلت ... عن X أن): token
    span up to a comma, complementizer or stop; None when nobody is cited before the content begins."""
    doc = sent.doc
    n = len(doc)
    for k in range(start, min(n - 1, start + 10)):
        if norms[k] in _COMPLEMENT or doc[k].text == ":" or not sent.open[k]:
            return None
        if norms[k] == fold("عن") and (relay or (k > 0 and norms[k - 1] in _CITING)):
            b = k + 1
            while b < n and not is_punct(doc[b]) and doc[b].text not in (":", '"', "«") \
                    and norms[b] not in _COMPLEMENT and norms[b] not in _TIME_NOUNS and b - k <= MAX_SPEAKER_TOKENS:
                if norms[b] == "فی" and b > k + 1 and b + 1 < n and norms[b + 1] not in _CHANNEL_NOUNS \
                        and not _stop(doc[b + 1].text, norms[b + 1]) and not is_punct(doc[b + 1]):
                    b += 2      # عن مصادر في شركة الأسمنت
                    continue
                if _stop(doc[b].text, norms[b]):
                    break
                b += 1
            return (k + 1, b) if b > k + 1 else None
    return None
_REPLIES = {fold(w) for w in _REPLY}
_HIS = {fold(w) for w in ("له", "لها", "لهم")}       # في تدوينة لها
_CHANNEL_AFTER = {fold(w) for w in "على عبر أمام مع لدى خلال بعد قبل عند".split()}
_SPEECH_ONLY = {fold(p + w) for w in "قال قالت أوضح أوضحت أضاف أضافت تابع تابعت".split()
                for p in ("", "و", "ف")}     # never with a noun object


_BARE_VERBS = frozenset(_REPLIES | _RELAYS | _JUDGES)       # made once: _bare_verb runs on every candidate


def _bare_verb(w: str) -> str:
    return w[1:] if w[:1] in ("و", "ف") and fold(w[1:]) in _BARE_VERBS else w
_OUTLETS = {fold(w) for w in OUTLETS} | {fold(w[2:]) for w in OUTLETS if w.startswith("ال")}
_TIME_NOUNS = {fold(w) for w in """اليوم أمس الشهر الأسبوع العام السنة الماضي المقبل الجاري مساء صباح
    الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد""".split()}
_KANA = {fold(w) for w in ("كان", "كانت", "وكان", "وكانت", "قد", "وقد", "فقد")}
_TOPIC_PREPOSITIONS = {fold(w) for w in ("عن", "إلى", "الى")}
_ADVERBS = {fold(w) for w in ADVERBS}
_DOCS = {fold(w) for w in DOCUMENT_NOUNS}
# unions looked up per word, made once
_DELIVER_OR_INTERVIEW = _DELIVER | _INTERVIEW
_TITLE_OR_BODY = _TITLES | _BODY
_TITLE_BODY_OR_LINK = _TITLES | _BODY | _LINKS
_DOC_OR_CHANNEL = _DOCS | _CHANNEL_NOUNS
_NAMED_SOURCE_HEADS = _BODY | _TITLES | _DOCS | _DATA | _OUTLETS
_WAFQ = {fold(w) for w in ("وفق", "ووفق")}
_ISSUED = {fold(w) for w in ("صادر", "صادرة", "الصادر", "الصادرة", "صدر", "صدرت")}    # بيان صدر عن الوزارة
_NOTED = {fold(w) for w in ("يذكر", "ويذكر", "يشار", "ويشار", "والجدير", "يجدر")}
_PER = {fold(w) for w in ("بحسب", "وبحسب", "حسب", "وفق", "وفقا", "ووفق", "ووفقا")}
_RELATIVE = {fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "لمراسل", "لمراسلة", "لمراسلنا")}
# Attributive phrases after a named body (شبكة "رووداو" المقربة من البارزاني, http://sotkurdistan.net/2018/02/13/...;
# هيئة ادارة قضاء سنجار، التابع لمحافظة نينوى): a description, not part of the name (مصادر مقربة من, indefinite, is).
_ATTRIBUTIVE = {fold(w) for w in "المقرب المقربة المقربين المقربون القريب القريبة التابع التابعة التابعين".split()}
_RELATIVE |= _ATTRIBUTIVE
_OPENERS = {fold(w) for w in ("في", "وفي", "من", "ومن", "بدوره", "بدورها", "لكن", "ولكن", "أما", "وأما", "كما",
                               "ثم", "فيما", "وكما", "خلال", "عبر", "وخلال", "حيث", "إذ", "اذ",
                               "عن", "وعن", "حول", "وحول", "بخصوص", "وبخصوص", "بشأن", "وبشأن")}   # وعن قراءته ... قال:


def _possessed_channel(w: str) -> bool:
    """تصريحه، كلمتها، بيانهم: a channel noun with a possessive suffix."""
    for suffix in ("هم", "ها", "ه"):
        if w.endswith(suffix):
            stem = w[:-len(suffix)]
            if stem in _CHANNEL_NOUNS or (stem.endswith("ت") and fold(stem[:-1] + "ة") in _CHANNEL_NOUNS):
                return True
    return False


def _bare(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


_OBJECTS_BARE = {_bare(w) for w in _OBJECTS}
# Reports, claims and rumours without the article are the object of the verb, never part of its subject
# (https://www.kurdistan24.net/ar/story/16627-...: نفت حكومة اقليم كوردستان انباء بخصوص ...).
_REPORT_NOUNS = {fold(w) for w in "أنباء انباء تقارير تقريرا اتهامات مزاعم ادعاءات شائعات أخبار اخبار معلومات تصريحات".split()}
_CAPITAL = fold("عاصمة")


def _addressee(norms: list[str], k: int, end: int) -> bool:
    w = norms[k]
    nxt = norms[k + 1] if k + 1 < end else ""
    return (w.startswith("لل") or (w.startswith("ل") and not w.startswith("ال") and len(w) > 3)) \
        and (nxt in _COMPLEMENT or nxt == ":")


def _name_like(norms: list[str], i: int, j: int, texts: list[str]) -> bool:
    """1-4 words that can be a person's name: no titles, links, complementizers or stops."""
    start = i
    while i < j and _is_title(norms, i) and not (i > start and norms[i] in _NAME_LIKE_TITLES and i + 1 < j):
        i += 1          # النائب رائد المالكي: رائد after a title is the first name
    if not 1 <= j - i <= 4:
        return False
    for k in range(i, j):
        w = norms[k]
        if (_is_title(norms, k) and not (k == i and w in _NAME_LIKE_TITLES)) or w in _COMPLEMENT or _stop(texts[k], w) or w in _LINKS or w in _BODY \
                or w in _COMMON or (w.startswith("ال") and k == i) or w.startswith("و"):
            return False
    return True


def _apposition(sent: Sentence, comma: int, norms: list[str]) -> int:
    """After `TITLE،` a name closed by another comma extends the speaker: the new end index."""
    doc = sent.doc
    d = comma + 1
    if d < len(doc) and doc[d].text in _OPENING_MARKS:
        c = _closing_mark(sent, d, 4)
        if c is not None and c + 1 < len(doc) and doc[c + 1].text in ("،", ",", "؛") \
                and name_of(doc.source[doc[d + 1].idx:doc[c - 1].idx + len(doc[c - 1].text)]):
            return c + 1        # رئيس حزب (X)؛ “حسين يزداپنا”، لوسائل إعلام: a quoted name in apposition
    while d < len(doc) and doc[d].text not in ("،", ",", ".", ":") and d - comma <= 5:
        d += 1
    if d < len(doc) and doc[d].text in ("،", ",") and comma + 2 < d and norms[comma + 1] in _NAMED:
        return d            # صاحب أحد المحال، ويدعى كاوه رسول،
    if d < len(doc) and doc[d].text in ("،", ",") and norms[comma + 1].startswith("و") \
            and norms[comma + 1][1:] in _TITLES and d - comma <= 6:
        e = _apposition(sent, d, norms)     # المتحدث باسم الوزارة، ومدير المركز الوطني ...، حاتم حميد، (a second
        if e > d:                           # title, https://hathalyoum.net/articles/2854853-...): the name after both
            return e
    if d < len(doc) and doc[d].text in ("،", ",") and norms[comma + 1] in _ATTRIBUTIVE:
        e = _apposition(sent, d, norms)     # الرئيس المشترك لهيئة ادارة قضاء سنجار، التابع لمحافظة نينوى، الحاج حسن،
        if e > d:                           # (http://sotkurdistan.net/2018/02/13/...): the name after the description
            return e
    if _is_title(norms, comma + 1) and norms[comma + 1] not in _BODY:
        f = next((k for k in range(comma + 2, min(len(doc), comma + 10)) if doc[k].text in ("،", ",", ".", ":")), None)
        held = name_of(" ".join(t.text for t in doc[comma + 1:f])) if f is not None else None
        if held and not held.endswith(("اً", "ًا")) and doc[f].text in ("،", ","):
            return f        # عضو لجنة النزاهة النيابية، النائب رائد الساعدي،: the second title holds the name (but
                            # رئيس لجنة الطاقة في المجلس سابقاً،: an adverb, no name)
        if f is not None and doc[f].text in ("،", ","):
            e = _apposition(sent, f, norms)     # النائب في البرلمان العراقي، رئيس لجنة الأمن والدفاع النيابية السابق، حاكم
            if e > f:                           # الزاملي،عن (http://www.soutalomma.com/Article/870743/...): two titles, then
                return e                        # the name
    if fold("عدم") in norms[comma + 1:d]:
        return comma        # مصدر ...، طلب عدم ذكر اسمه، أن (https://greece.isidewith.com/zh/discuss/5063600862)
    if d < len(doc) and doc[d].text in ("،", ",", ":") and _name_like(norms, comma + 1, d, [x.text for x in doc]):
        return d
    return comma


def _predicate_participle(norms: list[str], k: int) -> bool:
    """مطالبة/مطالب after أن and a definite noun (أن الحكومة مطالبة بفتح السجون): a predicate, "is required to", not
    the speaker's "demanding"."""
    return norms[k] in _DEMANDING and k >= 2 and norms[k - 1].startswith("ال") and norms[k - 2] in _COMPLEMENT


_DEMANDING = {fold(w) for w in ("مطالبا", "مطالبة", "مطالب", "مطالبون")}


_OBJECT_LINKS = {fold(w) for w in ("على", "إلى", "الى", "عن")}
# جدد الاتحاد الوطني تمسكه بالمنصب ...، حسب تعبيره (https://iraqs-news.blogspot.com/2018/07/blog-post_5857.html)
_HIS_WORDING = {fold(w + s) for w in ("تعبير", "وصف", "قول", "رأي", "زعم", "ادعاء") for s in ("ه", "ها", "هم")}


def _masdar_object(norms: list[str], a: int, b: int, end: int) -> bool:
    """At b, a definite noun that is no nisba after a name of two words (وليد فياض العمل على تأمين, https://beirut-
    elhora.com/2022/08/10/...), followed by a preposition whose object is no clause: the verb's object, not a surname
    (but عبد القادر الدخيل على أن, محمد شياع السوداني: a surname)."""
    w = norms[b]
    if not w.startswith("ال") or _nisba(w) or w in _BODY or b - a < 2 or b + 2 >= end:
        return False
    for k in (b - 1, b - 2):
        if norms[k].startswith("ال") or _is_title(norms, k) or norms[k] in _BODY or norms[k] in _LINKS \
                or norms[k] in _COMMON or norms[k] in (_ABD, fold("أبو"), fold("ابو")):
            return False
    return norms[b + 1] in _OBJECT_LINKS and norms[b + 2] not in _COMPLEMENT and norms[b + 2] not in _NEED


def _definite_document(norms: list[str], a: int, b: int) -> bool:
    """التقرير، الدراسة، التقرير البريطاني (https://alamssar.com/187533): a document with the article, alone or with one
    adjective, speaks for whoever issued it (the outlet or body named before), as البيان does."""
    return norms[a].startswith("ال") and _bare(norms[a]) in _DOCS and b - a <= 2 \
        and all(norms[k].startswith("ال") and norms[k] not in _BODY for k in range(a + 1, b))


def _left_subject(sent: Sentence, cue_start: int, norms: list[str]) -> tuple[int, int] | None:
    """Subject before the verb: the first comma segment that is not an adverbial opener."""
    doc = sent.doc
    left_start = frame_run(sent, cue_start - 1, -1) + 1
    if left_start > 0:
        return None                       # right after a quote the verb comes first
    if cue_start > 0 and norms[cue_start - 1] in _SINCE:
        return None                       # ...، إذ يقولون إن: "as they say", the subject dropped
    kana = _kana_subject(sent, cue_start, norms)
    if kana is not None:
        return kana                       # ...، وكان مدير شركة سومو علي نزار الشطري، قد أكد أن
    segs = segments(doc, left_start, cue_start, seps=("،", ","))
    for i, (a, b) in enumerate(segs):
        a, b = strip(doc, a, b)
        given = _given_by(doc, a, b, norms)
        if given is not None:
            return given                  # ففي مقابلة اجراها X مع قناة ...، ذكر ان: X gave it and speaks
        if a + 1 < b and norms[a] in _BUT and norms[a + 1] in _COMPLEMENT:
            a += 2                        # غير أن الخبير مصطفى حنتوش صرّح
        if a + 2 < b and not _is_title(norms, a) and norms[a] not in _BODY and _is_title(norms, a + 1) \
                and not norms[a].startswith("ال") and norms[a] not in _OPENERS and not _stop(doc[a].text, norms[a]):
            a += 1                        # علق TITLE، النائب NAME، على ...، فيما أكد: a verb before the title
        if a + 1 < b and norms[a] in _NOTED:
            a += 1                        # يذكر ان النائب ... اكد (https://burathanews.com/arabic/news/133601)
            while a < b and (norms[a] in _COMPLEMENT or norms[a] in _TOPIC_PREPOSITIONS or norms[a] == fold("ان")):
                a += 1
        if a + 1 < b and norms[a] in _PER:
            a += 1                        # بحسب قائد حرس الحدود ... الذي قال (https://www.okaz.com.sa/news/politics/2212908)
        b = next((k for k in range(a + 1, b) if norms[k] in _RELATIVE), b)
        while a < b and norms[a] in _KANA:
            a += 1                        # وكانت مديرية الدفاع المدني قد حذرت
        while b > a and norms[b - 1] in _KANA:
            b -= 1
        if any(norms[k] in _KANA for k in range(a, b)):
            return None                   # وكانت القوات ... قد استهدفت قافلة كان يعتقد أنها: a clause with its own verb
            # (https://microsyria.com/2015/10/14/...), never a subject
        if a < b and norms[a] in {fold("أما"), fold("وأما")}:
            a += 1                        # أما الخبيرة سلمى الدليمي فقالت
        elif a >= b or norms[a] in _OPENERS:
            continue
        if norms[a] in _THIS and a + 1 < b:
            a += 1
        if norms[a] in _EVENT_VERBS:
            # وشكر رئيس الحكومة الولايات المتحدة على دعمها، كما شدد: a clause with its own verb, not a subject; its
            # verb's subject speaks (the span the verb-first rules read after it)
            own = attribute(sent, Cue(sent.index, a, a + 1, "say"))
            if own is None or own.speaker is None or own.pronoun is not None:
                return None
            return sent.token_at(own.speaker[0]), sent.token_at(own.speaker[1] - 1) + 1
        if a >= b or norms[a] in _COMPLEMENT or b - a > MAX_SPEAKER_TOKENS:
            return None
        if i + 1 < len(segs) and (_is_title(norms, a) or norms[a] in _BODY):
            c, d = strip(doc, *segs[i + 1])
            limit = cue_start
            while limit > d + 1 and norms[limit - 1] in _KANA:
                limit -= 1                # وكان قائممقام سنجار ...، محما خليل، قد قال (https://awla.news/...)
            if c < d and (d + 1 >= limit or _is_title(norms, c)) and _name_like(norms, c, d, [x.text for x in doc]):
                b = d                     # المتحدث باسم الوزارة، حميد النايف، قال; TITLE، النائب NAME، على ...، فيما أكد
        return a, b
    return None


_THAT = {fold(w) for w in ("ذلك", "هذا")}
_CONFIRM = {fold(w) for w in "أكد أكدت أعلن أعلنت ذكر ذكرت أفاد أفادت كشف كشفت أوضح أوضحت".split()}
_SINCE = {fold(w) for w in ("إذ", "اذ", "حيث", "وإذ")}
_KANA_VERBS = {fold(w) for w in ("كان", "كانت", "وكان", "وكانت", "فكان", "فكانت")}


def _kana_subject(sent: Sentence, cue_start: int, norms: list[str]) -> tuple[int, int] | None:
    """وانطلقت عملية ...، السبت الماضي، وكان TITLE (ACRONYM) NAME، قد أكد أن (http://burathanews.com/arabic/news/466054):
    the subject between كان and قد right before the verb, wherever that كان stands in the sentence."""
    doc = sent.doc
    k = cue_start - 1
    if k < 2 or norms[k] not in {fold("قد")}:
        return None
    j = next((j for j in range(k - 1, max(-1, k - 18), -1) if norms[j] in _KANA_VERBS), None)
    if j is None or j == 0:
        return None                       # a كان opening the sentence: the comma segments read it already
    a, b = strip(doc, j + 1, k)
    if a >= b or b - a > MAX_SPEAKER_TOKENS + 4 or any(norms[c] in _COMPLEMENT or norms[c] in _CUE_VERBS for c in range(a, b)):
        return None
    written = doc.source[doc[a].idx:doc[b - 1].idx + len(doc[b - 1].text)]
    if not (name_of(written) or _is_title(norms, a) or norms[a] in _BODY or _bare(norms[a]) in _BODY):
        return None
    return a, b


_PARTITIVE = {fold(w) for w in "أعضاء اعضاء عدد بعض أحد احد مجموعة عناصر نواب ممثلو ممثلين".split()}
_FRAME_IN = {fold(w) for w in ("في", "وفي", "ففي", "خلال", "وخلال")}
_WITH = {fold(w) for w in ("مع", "لدى")}
_GIVEN_NOUNS = _CHANNEL_NOUNS | {fold(w) for w in ("حوار", "ندوة", "خطاب")}


def _given_by(doc, a: int, b: int, norms: list[str]) -> tuple[int, int] | None:
    """In an opening `في مقابلة أجراها X مع ...` / `خلال كلمة ألقاها X في ...`: X, who gave the interview or speech."""
    if not (a + 3 < b and norms[a] in _FRAME_IN and _bare(norms[a + 1]) in _GIVEN_NOUNS):
        return None
    v = next((k for k in range(a + 2, min(b, a + 4)) if _delivered_verb(norms[k])), None)
    if v is None:
        return None
    e = v + 1
    while e < b and e - v <= MAX_SPEAKER_TOKENS and not is_punct(doc[e]) and norms[e] not in _WITH \
            and not _stop(doc[e].text, norms[e]) and not (norms[e].startswith("ل") and not norms[e].startswith("ال")):
        e += 1
    return (v + 1, e) if e > v + 1 else None


def _delivered_verb(w: str) -> bool:
    """أجراها، ألقاها، عقده: a delivering verb with its object pronoun (the interview, the speech)."""
    for suffix in ("ها", "ه"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[:-len(suffix)]
            if stem in _DELIVER or stem in _INTERVIEW or (stem.endswith("ا") and stem[:-1] + "ی" in _DELIVER_OR_INTERVIEW):
                return True
    return False


def _amma(sent: Sentence, cue_start: int, norms: list[str]) -> bool:
    """أما ... فـ: the subject stands before a verb that opens with ف."""
    return any(norms[k] in {fold("أما"), fold("وأما")} for k in range(0, cue_start))


def _attribute_quoth(sent: Sentence, cue: Cue, norms: list[str]) -> Attribution | None:
    """نقلت الوكالة عن مسؤول محلي، طلب عدم ذكر اسمه، قوله إن ...: the speaker follows عن."""
    doc = sent.doc
    n = len(doc)
    an = next((k for k in range(cue.start) if norms[k] == fold("عن") and sent.frame[k]), None)
    if an is None:
        return None
    b = an + 1
    while b < cue.start and doc[b].text not in ("،", ",") and b - an <= MAX_SPEAKER_TOKENS:
        b += 1
    a, b = strip(doc, an + 1, b)
    if a >= b:
        return None
    if b + 1 < cue.start and doc[b].text in ("،", ",") and (_is_title(norms, a) or norms[a] in _BODY):
        b = _apposition(sent, b, norms)    # عن محافظ البنك، علي العلاق، قوله
    k = cue.end
    said = content(sent, k + 1, n) if k < n and norms[k] in _COMPLEMENT else content(sent, k, n)
    return Attribution(cue, sent.span(a, b), None, said, None)


# ---------------------------------------------------------------- Sorani

def _article(word: str, norm: str) -> bool:
    """Whether a word carries the article: آلان (a first name) folds like الآن but has none."""
    return norm.startswith(("ال", "وال")) and not word.startswith(("آ", "وآ"))


_BRACKETED = re.compile(r"\s*\((?:[^()\s]+\s?){1,3}\)\s*")


def name_of(text: str) -> str | None:
    if any(m in text for m in '"«»“”'):
        text = " ".join(re.sub(r'["«»“”]', " ", text).split())
    if "(" in text:
        text = _BRACKETED.sub(" ", text).strip()    # مدير شركة تسويق النفط (سومو) علي نزار الشطري: an acronym, part of the title
    if "(" in text and ")" in text:
        text = " ".join(text.replace("(", " ").replace(")", " ").split())     # اللواء ( مارد عبد الحسن)
    named = [i for i, w in enumerate(text.split()) if fold(w) in _NAMED]
    if named and named[-1] + 1 < len(text.split()):
        return " ".join(text.split()[named[-1] + 1:])      # تاجر أقمشة يدعى حسين كاظم
    words = text.split()
    rank = max((i for i, w in enumerate(words) if fold(w) in _RANKS), default=None)
    while rank is not None and rank + 2 < len(words) and fold(words[rank + 1]) in _TITLE_ADJ:
        rank += 1       # اللواء الركن خالد العبيدي
    if rank is not None and 0 < rank and 1 <= len(words) - rank - 1 <= 3 and "،" not in " ".join(words[rank:]):
        rest = words[rank + 1:]
        if not fold(rest[0]).startswith("ال") and not any(fold(w) in _TITLE_BODY_OR_LINK for w in rest):
            return " ".join(rest)       # قائد ... اللواء سعد الفهداوي: the name after the rank
    if "،" in text:                     # رئيس الجمعية، ياسين العبيدي: the name after the comma
        last = text.rsplit("،", 1)[1].strip()
        if any(fold(w) in _MASDAR_BEFORE or fold(w) in _NAMED or fold(w) in _COMPLEMENT for w in last.split()):
            last = ""                   # مسؤول في الوزارة، طلب عدم ذكر اسمه: a clause about the name, not a name
        # but آسو حسن، المتحدث باسم وزارة المالية ...: the name before its title
        lead = [fold(w) for w in last.split()]
        name = name_of(last) if last and (not _is_title(lead, 0) or lead[0] in _HONORIFIC_LEADS) else None
        # (the comma's part may open with an honorific: المتحدث باسم الحكومة، د. جوتيار عادل)
        if name:
            return name
        head = text.split()[0] if text.split() else ""
        if last and _is_title([fold(head)], 0):
            name = name_of(last)        # عضو لجنة النزاهة، النائب رائد الساعدي: a title, then a title and the name
            if name and last.endswith(name):
                return name
        text = text.split("،", 1)[0].strip()
    words = text.split()
    if not words:
        return None
    norms = [fold(w) for w in words]
    if len(words) == 1:
        w = norms[0]
        return None if w in _TITLES or w in _COMMON or w in _BODY or _bare(w) in _BODY or w in _OFFICIAL \
            or _stop(words[0], w) else words[0]
    for i, w in enumerate(norms):
        if w in _NAME_LIKE_TITLES and i > 0 and i + 2 == len(words) and norms[i + 1].startswith("ال") \
                and norms[i - 1] not in _TITLES and not _place_word(norms, i) and norms[i + 1] not in _BODY \
                and norms[i + 1] not in _COMMON and not _is_title(norms, i + 1):
            return " ".join(words[i:])      # عضو اللجنة القانونية رائد المالكي: رائد a first name, not a rank
        if w in _PLACE_HEADS or _construct_complement(norms, i) or (w == _AM and i > 0 and _is_title(norms, i - 1)) \
                or (w in _OFFICIAL and i + 1 < len(norms) and norms[i + 1].startswith("ال")) \
                or (i > 1 and norms[i - 1] in _SECTORS and _is_title(norms, i - 2) and norms[i] != _ABD
                    and len(words) - i - 1 >= 2 and not _is_title(norms, i)):
            continue            # مدير زراعة كرميان X Y: the sector's place; مدير عام الكمارك، مدير ناحية قوشتبة X، رئيس غرفة تجارة زاخو X، مستشار مجلس أمن الإقليم X: not the name yet
        if (_is_title(norms, i) and not (w in _NAME_LIKE_TITLES and i > 0 and _is_title(norms, i - 1)
                                         and i + 1 < len(words) and not _is_title(norms, i + 1))) \
                or _article(words[i], w) or w in _COMMON or w in _BODY or w in _LINKS \
                or _place_word(norms, i) or _official_of_body(norms, i) or w.startswith("لل") or (i > 0 and norms[i - 1] in _LINKS and i + 1 < len(words)) \
                or (w.startswith("بال") and i > 0 and i + 1 < len(words)) \
                or (w.startswith("ل") and len(w) > 3 and i > 0 and (_is_title(norms, i - 1) or norms[i - 1].startswith("ال"))):
            continue            # المستشار الإعلامي للحزب ...، ممثل الإقليم في طهران ...: not the name yet
        j = i
        while j < len(words) and not _article(words[j], norms[j]) and not _name_stop(words[j], norms, j) \
                and not (j > i and norms[j] in _TITLES and norms[j] not in _NAME_LIKE_TITLES) \
                and not (j > i and _name_break(words[j], norms[j])):
            j += 1      # سامان برزنجي وزير الصحة: the name ends where a title begins
        if i == 0 and 1 < j < len(words) and norms[j] in _TITLES:
            return " ".join(words[:j])      # زانا عمر المتحدث باسم حكومة الإقليم: the name, then its title
        if i == 0 and j == 1 and j < len(words) and norms[j] in _TITLES:
            continue            # معاون مدير مشروع X NAME: one word before a title is a title word, not a name
        if j < len(words) and norms[j].startswith("ال"):
            j += 1
            compound = j >= 2 and norms[j - 2] == _ABD    # عبد القادر الدخيل: the surname may carry the article
            if (norms[j - 1] in _SECOND_HALVES or compound) and j < len(words) \
                    and (compound or not norms[j].startswith("ال")) and not _stop(words[j], norms[j]) \
                    and norms[j] not in _TITLES and norms[j] not in _BODY:
                j += 1          # خير الدين أحمد
        if i == 0 and j < len(words) and not _name_break(words[j], norms[j]):
            return None
        run = words[i:j]
        if i > 1 and _construct_complement(norms, i - 1) and len(run) >= 3 and j == len(words):
            run = run[1:]       # رئيس غرفة تجارة زاخو نوزاد سليم: the place the chamber is of, then the name
        common = [k for k in range(len(run) - 1) if fold(run[k]) in _COMMON]
        if common and len(run) - common[-1] - 1 >= 2:
            run = run[common[-1] + 1:]      # مفتشية آثار نينوى خير الدين أحمد: the name after the place
        return " ".join(run)
    return None


def _construct_complement(norms: list[str], i: int) -> bool:
    """The noun a body's name governs (غرفة تجارة، مجلس أمن، هيئة نزاهة): after a body word without the article,
    itself without it, with a name still to come."""
    return 0 < i and i + 2 < len(norms) and norms[i - 1] in _BODY and not norms[i - 1].startswith("ال") \
        and not norms[i].startswith("ال") and norms[i] not in _TITLES and norms[i] not in _LINKS \
        or _title_complement(norms, i)


def _title_complement(norms: list[str], i: int) -> bool:
    """The noun a bare title governs before its definite complement (مدير شؤون العشائر، مدير عام شؤون العشائر:
    http://non14.net/public/5389): a title without the article (or with عام after it), then this noun without
    it, then a word with it; a name never follows a bare title directly."""
    if not (0 < i and i + 2 < len(norms) and norms[i + 1].startswith("ال") and not norms[i].startswith(("ال", "و"))
            and norms[i] not in _TITLES and norms[i] not in _LINKS and norms[i] not in _TITLE_ADJ
            and not norms[i].startswith(("ل", "ب"))):
        return False
    t = i - 1
    if norms[t] in _TITLE_ADJ and t > 0:
        t -= 1
    return norms[t] in _TITLES and not norms[t].startswith("ال") and norms[t] not in _RANKS


def _full_body_name(short: str, body: str) -> str | None:
    """The first full naming of a body that the article later calls by its bare noun (الوزارة):
    the noun without its article and the definite words after it (وزارة الزراعة العراقية)."""
    bare = short.strip()[2:] if short.strip().startswith("ال") else short.strip()
    m = re.search(r"(?<!\w)" + re.escape(bare) + r"((?:\s+ال\w+){1,3})", body)
    return bare + m.group(1) if m else None




_CLAUSE_CUT = re.compile(r"[،,.:؛;\n«»\"“”]")
# Roles too wide to name one holder (الرئيس after رئيس حكومة الإقليم X is another office).
_WIDE_ROLES = {fold(w) for w in "رئيس الرئيس نائب عضو العضو".split()}


def _holders(role: str, body: str, end: int) -> list[tuple[int, str, str]]:
    """(position, name) of every `ROLE ... NAME` in the body before `end`, the role word with or without its article,
    the name read by name_of in its clause."""
    bare = role[2:] if role.startswith("ال") else role
    out = []
    for m in re.finditer(r"(?<!\w)(?:[وفل]?ال|[وفل])?" + re.escape(bare) + r"(?!\w)", body[:end]):
        cut = _CLAUSE_CUT.search(body, m.end())
        window = body[m.start():cut.start() if cut else len(body)]
        window = " ".join(window.split()[:9])
        name = name_of(window)
        if name and name != window and not name.startswith(("ال", "و")):
            if len(name.split()) > 3:
                name = " ".join(name.split()[:2])   # وزار الوزير كاوان حسين سوق القيصرية: the object ran on
            out.append((m.start(), name, window))
    return out


def _role_holder(mentions: list[str], body: str) -> str | None:
    """A speaker only ever called by a role (الوزير، المحافظ، وزير الصحة): the person named last with that role
    before the role is first used alone, when the text names one (the naming sentence may quote nobody: round 8's
    «الوزير» whose title appeared only in a sentence attributing nothing; وزير الصحة after ووجه وزير صحة إقليم
    كوردستان سامان البرزنجي ..., https://shafaq.com/ar/كوردســتانيات/حزب-كوردي-معارض-...)."""
    for m in mentions:
        words = m.split()
        if not 1 <= len(words) <= 3:
            continue
        folded = [fold(w) for w in words]
        w = folded[0]
        if w not in _TITLES or _bare(w) in _WIDE_ROLES or w in _WIDE_ROLES or w in _RANKS \
                or (len(words) == 1 and not w.startswith("ال")) \
                or not all(x.startswith("ال") or x in _COMMON for x in folded[1:]):
            continue
        first = None
        for hit in re.finditer(r"(?<!\w)" + re.escape(m) + r"(?!\w)", body):
            cut = _CLAUSE_CUT.search(body, hit.start())
            window = body[hit.start():cut.start() if cut else len(body)]
            window = " ".join(window.split()[:9])
            named = name_of(window)
            between = window[len(m):window.find(named)] if named and named in window else ""
            if not named or any(_bare(fold(x)) in _CHANNEL_NOUNS or fold(x) in _OUTLETS or _lam_object(fold(x)) in _OUTLETS
                                or fold(x) in _COMPLEMENT for x in between.split()):
                first = hit.start()     # not followed by a name of its own (وزير الصحة في تصريح لوكالة شفق نيوز): alone
                break
        if first is None:
            continue
        role = ArabicRules.norms(RULES, m)
        holders = [h for h in _holders(words[0], body, first) if role <= ArabicRules.norms(RULES, h[2])]
        if holders:
            return holders[-1][1]
    return None


def _full_name(name: str, body: str) -> str:
    """A surname alone (بارزاني، حمه) as the article names its holder in full (مسرور بارزاني), when it names one."""
    if len(name.split()) != 1:
        return name
    found = set()
    for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", body):
        start = max(0, m.start() - 80)
        before = body[start:m.start()]
        cut = max(before.rfind(c) for c in "،,.:؛\n«»\"“”")
        words = before[cut + 1:].split()[-7:]
        folded = [fold(w) for w in words]
        t = next((k for k in range(len(words)) if _is_title(folded, k) or folded[k] in _RANKS), None)
        if t is None or len(words) - t < 2:
            continue
        words = words[t:]
        full = name_of(" ".join(words + [name]))
        if full and full.endswith(" " + name) and 2 <= len(full.split()) <= 4:
            found.add(full)
    return found.pop() if len(found) == 1 else name


TOKEN = re.compile(r"[\w.\-]+", re.UNICODE)
_ABD = fold("عبد")
# The sector a director runs (مدير زراعة كرميان X): the word after it is the sector's place, never the name.
_SECTORS = {fold(w) for w in """زراعة تربية صحة شرطة كهرباء ماء مياه بيئة رياضة شباب ثقافة سياحة اتصالات نقل مرور
    جوازات جمارك كمارك ضرائب آثار أوقاف ري موارد نفط بلدية""".split()}
_AM = fold("عام")
# الناطق الرسمي بأسم وزارة الكهرباء is المتحدث باسم وزارة الكهرباء named before (https://iraqtoday.net/1152/195807-...):
# the two spokesman words mean one role, and "official" adds nothing to it.
_ROLE_SYNONYMS = {fold("ناطق"): fold("متحدث"), fold("ناطقة"): fold("متحدثة")}
_ROLE_FILLERS = {fold(w) for w in ("رسمي", "رسمية")}
_PLURALS = {fold("مصادر"): fold("مصدر")}
_GENERIC = {fold(w) for w in "مصادر مسؤولون مسؤولين شهود مواطنون مواطنين سكان أهالي ناشطون ناشطين".split()}


class ArabicRules(StatementRules):
    code = "ar"
    cues = CUES
    split_cues = SPLIT_CUES
    split_gap = 14      # أعربت المتحدثة باسم مكتب رئيس الجمهورية، X Y، عن (https://aljeebal.com/posts/440)
    channel = re.compile(
        r"(?:في|خلال|عبر)\s+(?:بيان|تغريدة|تصريح|مؤتمر|كلمة|منشور|حديث|مقابلة|رسالة|تدوينة|لقاء|بيانه|بيانها|تصريحات"
        r"|مقطع\s+(?:فيديو|مصور)|مقطع|تسجيل\s+مصور)"
        r"(?:\s+(?:صحفي|صحافي|متلفز|مقتضب|رسمي|مشترك|مصور|متلفزة|رسمية))?"
        r"(?:\s+(?:على|عبر)\s+(?:منصة\s+)?\S+|\s+ل(?:وكالة|صحيفة|قناة|موقع)\s+\S+)?")
    title_nouns = frozenset({"كتاب", "كتابه", "كتابها", "رواية", "فيلم", "بعنوان", "مسلسل", "قصيدة"})
    title_words = frozenset(TITLES | COMMON)
    honorifics = frozenset(fold(w) for w in ("الدكتور", "السيد", "السيدة", "العميد", "اللواء", "العقيد"))
    vague_speakers = ("مصدر", "مصادر", "تجار", "مواطن", "أحد")
    split_glued_quotes = True
    dropped_subject_opens = True    # استقبل X ... . وأكد خلال اللقاء أن (gov.krd readouts): X, not the speaker before
    complementizers = frozenset("إن أن بأن أنه أنها إنه إنها أنهم إنهم فإن إننا أننا بأنه بأنها".split())
    # لكنه أقرّ بأن ... (https://www.eanlibya.com/...): "but he" continues the clause's speaker like و
    # وفي حين عدّ أن ... (https://almadapaper.net/?p=180630): "whereas" continues the clause's speaker too
    # ...، في وقت أفادت مصادر متطابقة بأن (https://www.lalishduhok.com/news/post/317884/): "while" too
    coordinators = frozenset({"و", "فيما", "بينما", "كما", "ثم", "لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم", "حين",
                              "وقت", "فقد", "وقد"})     # أكد X أن ...، فقد ذكر SURNAME في تصريح ...، إن (burathanews 464043)
    follow_adverbs = frozenset({"أيضا", "كذلك", "في", "الوقت", "ذاته", "نفسه", "وفي"})
    # معلومات أولية غير مؤكدة (https://www.lalishduhok.com/news/post/317884/): "unconfirmed", no participle of saying
    # بلا لافتة أو علم (https://kurdipedia.org/default.aspx?lng=11&q=20220916204248434384): after "without" a
    # participle's homograph is a noun ("a sign"), never a participle of saying
    cue_blockers = frozenset({fold("غير"), fold("بلا"), fold("دون"), fold("بدون"), fold("عدم")})   # طلب عدم ذكر اسمه
    outlets = frozenset(OUTLETS)
    document_nouns = frozenset(DOCUMENT_NOUNS)
    time_words = frozenset("""اليوم أمس غدا مساء صباح فجر ظهر ليلة يوم الاثنين الإثنين الثلاثاء الأربعاء الخميس
        الجمعة السبت الأحد وأمس واليوم كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الأول الثاني
        يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر""".split())

    def attribute(self, sent: Sentence, cue: Cue) -> Attribution | None:
        if _aside(sent, cue):
            return None
        att = _safe_speaker(sent, attribute(sent, cue))
        if att is not None and cue.cls == "say" and not att.colon:
            att = _unopened_quote(sent, att)
        if att is not None and att.speaker is None and cue.start > 0 and sent.norms[cue.start - 1] in _SINCE \
                and sent.norms[cue.start].endswith(("ون", "وا")):
            return None         # ...، إذ يقولون إن ...: "as they say", people never named, nobody heard before
        if att is not None and att.speaker is None and att.pronoun == "any":
            opening = _subject_after_channel(sent, cue) or _opening_verb_subject(sent, cue)
            if opening is not None:
                att = dataclasses.replace(att, speaker=opening, pronoun=None)
        return att

    def is_title_quote(self, body: str, inner: str, before: list[str]) -> bool:
        """A body's name in quotation marks (مسؤول العلاقات في "الحزب الديمقراطي الكردستاني الإيراني" NAME، قالت “مؤسسة
        مكافحة الإرهاب”؛ في ...: https://arabic.rt.com/middle_east/968614-..., https://kitabat.com/news/...): a name,
        part of the speaker or the object, never a statement."""
        if before and (fold(before[-1]) in _COMPLEMENT or before[-1].endswith(":")):
            return super().is_title_quote(body, inner, before)      # إن "الحزب سيشارك ...": a clause, quoted
        return super().is_title_quote(body, inner, before) or _quoted_body_name(inner)

    def _verb_first_subject(self, text: str) -> str | None:
        """التقت ديلان غفور، عضو مجلس النواب، ... then واضافت في تصريح ...، إن (https://plus4.co/ar/detail/1797): the
        person a verb-first sentence opens with, up to the first comma or stop."""
        words = text.split()
        if len(words) < 3:
            return None
        w = fold(words[0])
        if (w.startswith(("ال", "وال")) and w not in _MET) or w in _TITLES or w in _BODY or w in _OPENERS or _stop(words[0], w) \
                or w in _CUE_VERBS or w in _TIME_NOUNS or w in _KANA:
            return None
        chunk = []
        closed = False
        for word in words[1:6]:
            bare = word.rstrip("،,.:؛")
            if _stop(bare, fold(bare)) or fold(bare) in _COMPLEMENT:
                break
            chunk.append(bare)
            if bare != word:
                closed = True
                break
        if not closed:
            return None     # ووجه المسؤول الكوردي انتقادات حادة إلى ...: no comma closes a name
        subject = " ".join(chunk)
        name = name_of(subject) if subject else None
        return subject if name and subject.endswith(name) and len(name.split()) >= 2 else None

    def states_sentence_before(self, sent: Sentence, att: Attribution) -> bool:
        """أكد ذلك X / وأكد ذلك X / أعلن ذلك X opening a sentence: X confirms the sentence before."""
        cue = att.cue
        return cue.cls == "say" and cue.start <= sent.lead and cue.end < len(sent.doc) \
            and sent.norms[cue.end] in _THAT and fold(sent.doc[cue.start].text).lstrip("و") in _CONFIRM

    def is_time(self, norm: str) -> bool:
        """صباح/مساء are also names (كاوه مساء): the speaker spans keep them only as names (_time_surname), so the
        driver's trimming of time words leaves them."""
        return super().is_time(norm) and norm not in _TIME_NAMES

    def follow_on(self, sent: Sentence, cue: Cue, parent: Attribution | None) -> Attribution | None:
        if _aside(sent, cue):
            return None
        if _predicate_participle(sent.norms, cue.start):
            return None     # أن الحكومة مطالبة بفتح السجون: "is required to", the clause's predicate
        att = super().follow_on(sent, cue, parent)
        if att is not None and parent is None and cue.cls in ("part", "partact"):
            att = _event_subject(sent, cue, att)
        k = cue.verb_end
        if att is not None and att.content is not None and not (att.clause or att.colon) and cue.cls == "say":
            first = sent.token_at(att.content[0])
            w = sent.norms[first] if first < len(sent.doc) else ""
            if first < len(sent.doc) and sent.frame[first] and w not in _TOPIC_PREPOSITIONS \
                    and not (w.startswith("ب") and len(w) > 3 and not sent.norms[cue.start] in _CLAUSE_ONLY):
                # فيما أعلن تقديم استقالته (https://hathalyoum.net/articles/3608637-...): a second verb of saying with
                # only a noun object states nothing, as when it heads its sentence (but ends the clause before it)
                return dataclasses.replace(att, content=None)
        n = len(sent.doc)
        if att is not None and sent.norms[cue.start] in _WISHING and not (att.clause or att.colon):
            return None         # متمنياً لهم التوفيق: a wish with no clause is a courtesy, not a statement
        if att is not None and cue.cls == "partact" and not (att.clause or att.colon):
            late = _partact_content(sent, cue)
            if late is not None:
                return dataclasses.replace(att, content=late, clause=True, cue=dataclasses.replace(cue, cls="part"))
        if att is not None and not (att.clause or att.colon) and cue.cls == "part":
            # مشيراً خلال حوار على شاشة كوردستان24، إلى أن ... (https://www.kurdistan24.net/ar/story/873538): the channel
            # between the participle and its clause, closed by a comma
            for j in range(k + 1, min(n - 1, k + 14)):
                if not sent.frame[j] or sent.norms[j] in _PARTICIPLES:
                    break
                if sent.doc[j].text not in ("،", ","):
                    continue
                c = j + 1
                if (sent.norms[c] in _TOPIC_PREPOSITIONS or sent.doc[c].text in ("على", "وعلى")) and c + 1 < n:
                    c += 1
                if sent.norms[c] in _COMPLEMENT and c + 1 < n:
                    return dataclasses.replace(att, clause=True, content=content(sent, c + 1, n))
                break
        if att is not None and not (att.clause or att.colon) and cue.cls == "part":
            k = _past_same_time(sent.norms, k, n)     # كاشفا في الوقت ذاته عن اتخاذ (https://www.alnahrain.com/article/8226)
        if att is not None and not (att.clause or att.colon) and cue.cls == "part" and k + 1 < n \
                and (sent.norms[k] in _TOPIC_PREPOSITIONS or _lam_noun(sent.norms[k])
                     or (sent.norms[k] == fold("من") and sent.norms[cue.start] in _WARNING_PARTICIPLES)) \
                and sent.norms[k + 1] not in _COMPLEMENT:
            # مشيرةً إلى تزايد هجماتها (https://www.eanlibya.com/...), منوها لوجود أصدقاء (https://masrawy.com/...1161944):
            # like أشار إلى + a noun, the object is what was said
            att = dataclasses.replace(att, clause=True)
        return att

    def role_holder(self, role: str, body: str) -> str | None:
        """وجدد رئيس الحكومة التأكيد على أن ... after استقبل رئيس حكومة إقليم كوردستان مسرور بارزاني ...; وأشار نائب مساعد
        وزير الخارجية الأمريكي إلى أن after ...، نائب مساعد وزير الخارجية الأمريكي جوي هود. (https://gov.krd/arabic/
        government/the-prime-minister/activities/posts/2022/april/): a role (a title and its complement, no name)
        that the text gives once with a name right after it, its words all among that title's; the title and name."""
        words = role.split()
        if len(words) < 2 or not _is_title([fold(w) for w in words], 0) or name_of(role):
            return None
        wanted = {_bare(fold(w)) for w in words}
        head = fold(words[0])
        found = set()
        for chunk in _CHUNKS.split(body):
            parts = chunk.split()
            folded = [fold(w) for w in parts]
            for i, f in enumerate(folded):
                if f != head or (i > 0 and folded[i - 1] in _TITLES):
                    continue    # نائب رئيس حكومة الإقليم X: the deputy's name, not the role's
                j = i + 1       # the name closes its chunk (a comma, a full stop) or stands before a time word
                while j < len(parts) and j - i < 12 and folded[j] not in _TIME_FOLLOWERS and folded[j] not in _TIME_NOUNS:
                    j += 1
                if any(f in _NOT_IN_ROLE or _stop(parts[k], f) for k, f in enumerate(folded[i + 1:j], i + 1)):
                    continue    # السفير الكندي عن دعم بلاده، الناطق ... قد أكد: a clause, not a title and a name
                candidate = " ".join(parts[i:j])
                name = name_of(candidate)
                if name and len(name.split()) >= 2 and candidate.endswith(name) and j - len(name.split()) > i + 1 \
                        and wanted <= {_bare(x) for x in folded[i:j - len(name.split())]}:
                    found.add(candidate)
        names = {name_of(c) for c in found}
        return max(found, key=len) if len(names) == 1 else None

    def _event_opening_subject(self, text: str) -> str | None:
        """استقبل رئيس حكومة الإقليم مسرور بارزاني، اليوم، السفير ... then وأكد سيادته أن (or a dropped subject with
        no speaker before): the subject of an event verb opening the sentence before, when it names a person."""
        words = text.split()
        k = 0
        while k < len(words) and (words[k].endswith(":") or fold(words[k]) in _TIME_FOLLOWERS):
            k += 1      # أربيل: (a dateline glued to its colon)
        if k >= len(words) or fold(words[k].split(":")[-1]) not in _EVENT_VERBS:
            return None
        subject = []
        closed = False
        for w in words[k + 1:k + 11]:
            bare = w.rstrip("،,.")
            f = fold(bare)
            if bare and (f in _TIME_FOLLOWERS or f in _TIME_NOUNS):
                closed = True
                break   # استقبل X اليوم ...
            if not bare or (_stop(bare, f) and f != _FI):
                break   # (وزير التربية في حكومة الإقليم X: في stays in the title)
            subject.append(bare)
            if bare != w:
                closed = True
                break   # its comma closes the name
        if not closed:
            return None     # ووجه المسؤول الكوردي انتقادات حادة إلى بغداد: no comma or time word closes a name
        written = " ".join(subject)
        name = name_of(written) if written else None
        return written if name and written.endswith(name) else None

    def opening_subject(self, text: str) -> str | None:
        return self._event_opening_subject(text) or self._verb_first_subject(text)

    def is_generic(self, text: str) -> bool:
        """مصادر، مسؤولون، شهود alone (وقالت مصادر إن): unnamed people, not the مصادر متطابقة heard before."""
        words = text.split()
        return len(words) == 1 and fold(words[0]) in _GENERIC

    def back_reference(self, text: str) -> bool:
        """وأشار المحافظ المستقيل إلى أن (https://knnc.net/ar/Details.aspx?jimare=8113): a title with one describing
        adjective and no name refers back to the person heard before, as the title alone would."""
        words = [fold(w) for w in text.split()]
        if 1 <= len(words) <= 2 and words[0] in _DESCRIBED and all(w.startswith("ال") for w in words) \
                and not (len(words) == 2 and (words[1] in _BODY or words[1] in _TITLES)):
            return True     # ويتابع الرجل الستيني، "..." (a long feature): the man just quoted, described, not named
        if len(words) == 2 and words[0] in _OFFICIAL and words[0].startswith("ال") and _nisba_adjective(words[1]):
            return True     # وقال المسؤول الكردي: (https://almowaten.net/2014/07/...): the official just named
        return len(words) == 2 and words[0] in _TITLES and words[0].startswith("ال") and words[1].startswith("ال") \
            and words[1] not in _TITLES and words[1] not in _BODY and _bare(words[1]) not in _BODY \
            and words[1] not in _COMMON and _bare(words[1]) not in _COMMON and not _nisba(words[1])

    def continues(self, sent: Sentence, cue: Cue) -> bool:
        """...، عدّ أن ... (https://almadapaper.net/?p=180630): a verb of saying after a comma, with its clause
        straight after it, continues the clause's speaker."""
        if cue.cls != "say" or cue.start == 0 or cue.end >= len(sent.doc):
            return False
        k = cue.end
        if k + 1 < len(sent.doc) and (sent.norms[k] in _TOPIC_PREPOSITIONS or sent.doc[k].text == "على"):
            k += 1      # وفيما دعا إلى الحوار، شدد على أنه ... (https://zagrosnews.net/ar/video-news/33769)
        j = cue.start - 1
        while j > 0 and sent.doc[j].text.isspace():
            j -= 1      # ...،  لفت إلى أن (a double space after the comma, https://alamssar.com/187533)
        return sent.doc[j].text in ("،", ",") and sent.norms[k] in _COMPLEMENT \
            and not sent.doc[cue.start].text.startswith(("و", "ف"))

    def norms(self, text: str) -> set[str]:
        out = set()
        prev = ""
        for w in TOKEN.findall(text):
            f = fold(w)
            if prev == _ABD:
                out.add(prev + f)   # عبد الله and عبدالله: one name however it is spaced
            prev = f
            if f.startswith("ال") and len(f) > 4:
                f = f[2:]
            f = _ROLE_SYNONYMS.get(f, f)
            if f in _PLURALS:
                out.add(_PLURALS[f])    # وأضاف المصدر after نقلا عن مصادر أمنية (https://www.elbalad.news/6623661)
            if f and f not in ("فی", "من", "عن", "و") and f not in _ROLE_FILLERS:
                out.add(f)
        return out

    def mention_kind(self, text: str) -> str:
        words = text.split()
        if not words:
            return "other"
        if fold(words[0]).startswith("لل") and _lam_object(fold(words[0])) in _BODY:
            return "body"       # للدائرة الاعلامية ... (بيان للدائرة): a body after لـ
        if fold(words[0]) in _BODY or _bare(fold(words[0])) in _BODY or fold(words[0]) in _OUTLETS:
            return "body"       # and an outlet (شبكة "رووداو" قد ادعت): never a person's name
        return "person" if name_of(text) else "other"

    name_of = staticmethod(name_of)

    def canonical(self, kind: str, mentions: list[str], names: list[str], body: str) -> str:
        if not names and kind in ("person", "other"):
            holder = _role_holder(mentions, body)
            if holder:
                return holder       # وقال الوزير إن ... after استقبل وزير الزراعة X ...: the minister named before
        return super().canonical(kind, mentions, names, body)

    def full_name(self, name: str, body: str) -> str:
        return _full_name(name, body)

    def tidy_mention(self, kind: str, mention: str, body: str) -> str:
        mention = re.sub(r'\s*["«»“”]\s*', " ", mention).strip()     # شبكة "رووداو": the name, not its marks
        if kind == "body" and mention.startswith("لل"):
            mention = "ال" + mention[2:]    # بيان للدائرة الاعلامية: الدائرة الاعلامية
        if kind == "body" and len(mention.split()) == 1 and (fold(mention).startswith("ال") or fold(mention) in _BODY):
            return _full_body_name(mention, body) or mention   # الوزارة after أعلنت وزارة الزراعة العراقية ...
        return mention


_NOT_IN_ROLE = _KANA | _CUE_VERBS | _COMPLEMENT | _TOPIC_PREPOSITIONS | _PARTICIPLES | _OBJECTS

RULES = ArabicRules()
