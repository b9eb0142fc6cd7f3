"""Word lists for statement extraction in English, Arabic and Sorani.

Cue classes:
  say     verbs of saying; a statement needs content (a clause, a quote) after or before them
  eval    speech acts that stand with a plain object (condemned the attack, ڕەخنەی لە ... گرت)
  part    participles that continue the sentence's statement (saying, قائلاً)
  per     "according to" phrases; the speaker follows the cue
Arabic and Sorani entries are folded with `fold_for_search` when the matchers are built.
"""
from __future__ import annotations

EN_CUES = {
    "say": """said says say added adds continued stated told tells announced announces confirmed explained
        noted insisted argued claimed stressed emphasised emphasized wrote tweeted replied acknowledged
        admitted revealed pledged promised vowed predicted maintained recalled asserted complained complains""".split(),
    "eval": """condemned denounced criticised criticized denied rejected warned urged blamed accused threatened
        demanded dismissed blame blames warn warns deny denies urge urges accuse accuses reject rejects
        criticise criticises criticize criticizes condemn condemns""".split() + ["called on", "called for", "appealed to"],
    "part": "saying adding noting warning stressing insisting calling urging describing".split(),
    "per": ["according to"],
}

_AR_SAY = """قال قالت يقول تقول أضاف أضافت تابع تابعت أكد أكدت صرح صرحت أعلن أعلنت أوضح أوضحت ذكر ذكرت
    أشار أشارت لفت لفتت كشف كشفت كتب كتبت أفاد أفادت شدد شددت اعتبر اعتبرت أردف أردفت رأى رأت""".split()
# Verbs of saying that need a clause or a quote: with a plain noun object (أعلنت منع الاستيراد) they
# announce an act, not a statement.
AR_CLAUSE_ONLY = set("أعلن أعلنت".split())
_AR_EVAL = """حذر حذرت دعا دعت نفى نفت اتهم اتهمت حمل حملت هدد هددت دان دانت أدان أدانت ندد نددت استنكر
    استنكرت طالب طالبت رفض رفضت انتقد انتقدت عزا عزت""".split()
AR_CUES = {
    "say": [p + v for v in _AR_SAY for p in ("", "و", "ف")],
    "eval": [p + v for v in _AR_EVAL for p in ("", "و", "ف")],
    "part": """قائلا قائلة مضيفا مضيفة مؤكدا مؤكدة مشيرا مشيرة محذرا محذرة معتبرا معتبرة لافتا لافتة
        مشددا مشددة""".split(),
    "per": [p + v for v in ("بحسب", "حسب", "وفقا", "وفق", "نقلا") for p in ("", "و")],
    # نقلت الوكالة عن مسؤول قوله إن ...: the speaker follows عن before the cue
    "quoth": "قوله قولها قولهم".split(),
}

CKB_CUES = {
    "say": """وت گوت وتی گوتی ووتی وتیشی گوتیشی وتویەتی گوتویەتی ڕایگەیاند ڕاشیگەیاند ڕایشگەیاند ڕاگەیاند
        ڕادەگەیەنێت ڕایدەگەیەنێت دەڵێت دەڵێن دەڵێ نووسی نووسیویەتی نووسیبووی""".split() + [
        "جەختی کردەوە", "جەختیکردەوە", "جەختیشی کردەوە", "ئاماژەی پێدا", "ئاماژەی بەوە کرد", "ئاماژەی بەوەشدا",
        "ئاماژەی بەوەش کرد", "ئاماژەی بەوەدا", "ڕوونی کردەوە", "ڕوونیکردەوە", "وای گوت", "وای وت",
        "باسی لەوە کرد", "ئاشکرای کرد", "زیادی کرد"],
    "eval": ["ئیدانەی کرد", "ئیدانە کرد", "ڕەتی کردەوە", "ڕەتیکردەوە", "نکۆڵی کرد", "نکۆڵیی کرد",
             "هۆشداریدا", "هۆشداری دا", "ئاگاداری کردەوە", "تۆمەتباری کرد", "هەڕەشەی کرد", "سەرکۆنەی کرد",
             "ڕەخنەی گرت", "داوای کرد", "ڕەت کردەوە", "ڕەتکردەوە"],
    "part": [],
    "per": ["بەپێی", "بە پێی", "بە گوتەی", "بە وتەی", "بەگوتەی", "بەوتەی"],
}
# Sorani cues split around their object: ڕەخنەی لە X گرت, داوای لە X کرد.
CKB_SPLIT_CUES = [("ڕەخنەی", "گرت", "eval"), ("داوای", "کرد", "eval"), ("ئاماژەی", "کرد", "say"),
                  ("ئاماژەی", "دابوو", "say"), ("جەختی", "کردەوە", "say"), ("جەختیان", "کردەوە", "say"),
                  ("ڕەخنەی", "گرتووە", "eval"), ("داوای", "کردووە", "eval")]


def _ckb_variants(cue: str) -> list[str]:
    """Forms a Sorani cue takes in running text: the additive clitic ش moves the person ending
    (جەختی کردەوە → جەختیشی کردەوە, داوای کرد → داواشی کرد) and the present perfect (کرد → کردووە)."""
    words = cue.split()
    out = [cue]
    first = words[0]
    if first.endswith("ی") and len(first) > 2:
        stem = first[:-1]
        out.append(" ".join([stem + "شی" if stem[-1] in "اەۆێوی" else first + "شی", *words[1:]]))
    if words[-1] == "کرد":
        out += [f[: -len("کرد")] + "کردووە" for f in list(out)]
    if words[-1] == "کردەوە":
        out += [f[: -len("کردەوە")] + "کردووەتەوە" for f in list(out)]
    return out


for _cls in ("say", "eval"):
    CKB_CUES[_cls] = sorted({v for c in CKB_CUES[_cls] for v in _ckb_variants(c)})

# Words that make a mention a body (organisation) rather than a person.
EN_BODY = set("""ministry presidency government army military office commission council mission directorate embassy
    parliament police party union committee court authority company agency command forces bank organisation
    organization nations statistics figures delegation coalition alliance bloc faction administration cabinet
    department service services directorate-general movement front network observatory secretariat unicef who
    institute centre center association syndicate federation group spokesperson's cooperative board chamber
    university hospital municipality club company firm station""".split())
# Data and documents: "according to figures the board published" names the board, not the figures.
EN_DATA_NOUNS = set("figures data statistics numbers estimates records".split())
EN_IRREGULAR_PARTICIPLES = set("seen written shown given made done sent put read drawn taken".split())
# Before a cue these make it no statement: "did not say", "were told to leave".
EN_CUE_BLOCKERS = set("not n't never was were been being is are be".split())
EN_TITLES = set("""secretary minister prime deputy foreign president vice spokesman spokeswoman spokesperson finance
    interior defence defense oil health education lawmaker opposition mp governor director general ambassador envoy
    senator representative chairman chairwoman chair head chief commander leader mayor judge u.s. us uk un eu
    senior official dr. dr mr. mr mrs. ms. ms sheikh brig. gen. col. lt. colonel state natural resources
    iraqi kurdish turkish iranian american british syrian
    minister's speaker member activist analyst resident residents farmer shopkeeper headteacher lawmaker
    provincial depot owner trade industry dr""".split())
# Occupations written before a name like a title ("Meteorologist Nasrin Faraj", "Goalkeeper Rojin Haji"):
# the name is what follows. Kept apart from EN_TITLES, which the gold scorer also reads.
EN_OCCUPATIONS = set("""meteorologist economist analyst goalkeeper striker coach captain player driver vendor trader
    engineer architect lawyer doctor nurse surgeon pharmacist teacher student pilot farmer fisherman journalist
    reporter photographer historian researcher professor shopkeeper worker manager officer inspector activist
    novelist poet writer author artist singer musician businessman businesswoman contractor mechanic baker
    referee midwife imam priest cleric""".split())
# Lower-case particles inside Arabic names written in Latin script ("Zainab al-Rikabi").
EN_NAME_PARTICLES = ("al-", "el-", "ad-", "as-", "an-", "ar-", "at-", "az-", "bin-", "ibn-", "abu-")
EN_PLACES = set("""iraq baghdad erbil kurdistan turkey ankara washington iran tehran syria damascus sulaimani duhok
    basra mosul kirkuk zakho halabja europe london moscow""".split())
EN_PRONOUNS = {"he": "person", "she": "person", "it": "body", "they": "any", "we": "any", "i": "any"}
EN_STOP = set("the a an of in at for its his her their and on to from with by".split())
EN_PREPOSITIONS = set("in of at for from on to by with around near across outside inside across".split())
# Abbreviated titles spaCy would otherwise split at the full stop ("Brig. Gen. Ali Kadhim").
EN_ABBREVIATIONS = "Brig. Gen. Col. Lt. Maj. Capt. Sgt. Gov. Sen. Rep. Dr. Mr. Mrs. Ms. Prof. St.".split()
# "according to a statement from the cabinet": the cabinet speaks.
EN_DOCUMENT_NOUNS = set("statement report study survey notice letter document post".split())
# A clause opened by one of these holds its own subject ("... after the government promised to pay").
EN_SUBORDINATORS = set("after when because while since before until once although though whereas".split())
# Leading words that open an adverbial segment, not a subject.
EN_ADVERBIAL = set("""in on at after before during speaking asked meanwhile however later earlier also but and
    separately elsewhere addressing writing responding while when as last this on""".split())
EN_ROLE_HEADS = set("""director spokesman spokeswoman spokesperson minister head chief leader governor commander
    ambassador envoy chairman chairwoman mayor president secretary""".split())
EN_TIME = set("""on monday tuesday wednesday thursday friday saturday sunday today yesterday tonight later earlier
    also late early this week month morning evening night afternoon""".split())

AR_BODY = set("""مكاتب مكتب مفتشية بنك البنك مصرف المصرف وزارة الوزارة حكومة الحكومة رئاسة مجلس المجلس الجيش قيادة خلية السفارة سفارة دائرة مديرية هيئة
    المفوضية مفوضية البرلمان الشرطة شرطة الأمم بعثة نقابة حزب كتلة تحالف اتحاد منظمة شركة وكالة محكمة إحصاءات
    مصدر مصادر تجار نواب قوات القوات التحالف بيان البيان السلطات سلطات اللجنة لجنة جمعية الجمعية رابطة غرفة
    مؤسسة المؤسسة جامعة الجامعة""".split())
AR_TITLES = set("""وزير الوزير رئيس الرئيس المتحدث متحدث الناطق ناطق باسم النائب النائبة نائب السفير سفير المحافظ محافظ
    قائد مدير الأمين أمين العميد اللواء العقيد الدكتور د. الشيخ السيد السيدة مستشار عضو زعيم المستشار الخبير
    المدير رئيسة وزيرة مديرة قائممقام قائمقام سائق السائق التاجر تاجر المواطن المواطنة المزارع مزارع الطبيب
    طبيب المعلم المعلمة عضوة خبير الناشط الناشطة المحلل الباحث الصحفي المهندس الخبيرة خبيرة المحللة الباحثة
    المهندسة""".split())
# Words that name the person after them: تاجر أقمشة يدعى حسين كاظم.
AR_NAMED = set("يدعى تدعى يدعي ويدعى اسمه اسمها".split())
# Second halves of compound first names: خير الدين، عبد الله، نور الهدى.
AR_NAME_SECOND_HALVES = set("الدين الله الرحمن الرحيم الكريم الأمير الهدى الزهراء".split())
# Data and documents as the first word after بحسب/وفقاً: the body after them is the speaker.
AR_DATA_NOUNS = set("إحصاءات إحصائيات أرقام بيانات معطيات".split())
AR_DOCUMENT_NOUNS = set("بيان تقرير دراسة وثيقة كتاب مسودة رسالة منشور".split())
AR_COMMON = set("""شرطة قوات زراعة صحة نينوى أربيل بغداد البصرة إقليم كوردستان كردستان العراق الموصل كركوك السليمانية
    دهوك الوزراء دولة مجلس حكومة وزارة الخارجية الداخلية المالية الدفاع النفط التربية الكهرباء البرلمان
    العراقي العراقية الإقليم الحكومة النقابة نقابة المتقاعدين""".split())
# Objects that follow the speaker of a condemnation (دان رئيس البرلمان الهجوم).
AR_OBJECT_NOUNS = set("""الهجوم الاعتداء القصف التفجير العملية الحادث الهجمات الاعتداءات الحكومة القرار""".split())
AR_SPEAKER_STOPS = set("""إن أن بأن أنه أنها إنه إنها أنهم إنهم في خلال عقب اليوم يوم أمس للصحفيين لوكالة لصحيفة
    لقناة لموقع للإعلام لوسائل من على إلى حول بعد قبل الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد
    الإثنين مساء صباح أيضا كذلك أي أمام قرب داخل خارج عند لدى ضمن لمراسل لمراسلة الذي التي الذين
    هذه هذا ذلك تلك هذين هاتين""".split())
AR_PRONOUN_WORDS = set("""الوزير الوزارة الحكومة المتحدث الناطق السفارة""".split())

CKB_BODY_STEMS = set("""سەرۆکایەتی حکومەت حکوومەت وەزارەت پەرلەمان ئەنجومەن سوپا پۆلیس فەرماندەیی سەندیکا فراکسیۆن
    نووسینگە ڕێکخراو فڕۆکەخانە بەڕێوەبەرایەتی ئاسایش شارەوانی پارت یەکێتی ڕاپۆرت ئامار ڕاپۆرتێک نەتەوە کۆمیسیۆن لیژنە
    دەستەی دەستە ئاژانس کۆمپانیا سەرچاوە سەرچاوەیەک""".split())
CKB_TITLES = set("""سەرۆک سەرۆکی وەزیر وەزیری وتەبێژ وتەبێژی گوتەبێژ گوتەبێژی پارێزگار پارێزگاری نوێنەر نوێنەری
    ئەندام ئەندامی بەڕێوەبەر بەڕێوەبەری باڵیۆز باڵیۆزی فەرماندە فەرماندەی دکتۆر د. مامۆستا کاک خاتوو
    جێگر جێگری ڕاوێژکار ڕاوێژکاری قائیمقام قائیمقامی عەقید عەمید لیوا موقەدەم نەقیب ملازم بەڕێز
    پەرلەمانتار پەرلەمانتاری دکتۆرە""".split())
CKB_DATA_NOUNS = set("ئامار ئامارەکانی ئامارەکان ئاماری داتاکانی داتای زانیارییەکانی".split())
# Documents: بەپێی نرخنامەی نوێی وەزارەت... names the ministry; ڕاگەیەندراوەکە ئاماژەی بەوە دابوو speaks for
# the body that issued it.
CKB_DOCUMENT_STEMS = ("نرخنامە", "بەیاننامە", "ڕاگەیەندراو", "ڕاپۆرت", "نووسراو", "بڕیارنامە")
CKB_COMMON = set("""هەرێم هەرێمی کوردستان عێراق عێراقی بەغدا هەولێر هەولێری سلێمانی دهۆک کەرکووک ئێران تورکیا شنگال
    کەلار هەڵەبجە زاخۆ گەرمیان ڕانیە ناوخۆ ناوخۆی دەرەوە دەرەوەی دارایی تەندروستی پەروەردە کشتوکاڵ کشتوکاڵی
    وزە سامانە سروشتییەکان فیدراڵ حکومەت حکومەتی""".split())
CKB_SPEAKER_STOPS = set("""لە بۆ ئەمڕۆ دوێنێ ڕۆژی شەوی بەیانی بەیانیی نیوەڕۆی ئێوارە ئێوارەی پاشان دواتر لەگەڵ کە ئەوەی ئەوەشی ئەوەیشی""".split())
CKB_PRONOUNS = {"ناوبراو": "person", "ناوبراوە": "person", "ئەو": "any", "ئەوان": "any", "ئەم": "any"}
CKB_NOT_NAMES = {"یەکێک", "هەندێک", "زۆربەی", "کەسێک"}
CKB_ADVERBIAL_OPENERS = set("""لە بە هەروەها پاشان دواتر دوای پاش لەبارەی سەبارەت""".split())
CKB_SUFFIXES = ("ەکانی", "ەکەی", "ەکان", "ەکە", "یەکی", "یەک", "ێکی", "ێک", "ەوە", "ی")
