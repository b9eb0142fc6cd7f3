"""Quotation spans in an article body, including quotes that run over several paragraphs.

Newsroom convention: a quote that continues into the next paragraph leaves its closing mark off and
opens the next paragraph with an opening mark again. A quote never closed by the end of its
paragraph (and not continued) is taken to end there, so unbalanced marks cannot swallow the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

PAIRS = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“", "'": "'", "”": "“", "’": "’"}
_MARKS = re.compile(r"[“”«»‘’\"„']")
# A straight single quotation closes after the sentence's punctuation ("'...,' he remarked."): elsewhere the
# mark is an apostrophe ("Iraq's", "lawmakers' claims"), so a quotation opens only where such a close follows
# in its paragraph (https://test.daily8.com/en/hashtag/Mukhtaral-Moussawi).
_SINGLE_CLOSE = re.compile(r"[,.!?;:]'(?!\w)")
# Or after a word inside the sentence ("said the charge was 'made without evidence' and said ...",
# https://www.daily8.com/en/article/310fc4267784a749a5b256a3923f6341): a Latin letter other than s (the plural
# possessive "lawmakers' claims") and no letter after it.
_SINGLE_CLOSE_AFTER_WORD = re.compile(r"[A-Za-rt-z0-9]'(?![\w'])")
# After an s only when no other close follows on the line ("'these attacks caused losses' and called ...").
_SINGLE_CLOSE_AFTER_S = re.compile(r"s'(?![\w'])")


@dataclass(frozen=True)
class Quote:
    start: int          # offset of the opening mark in the body
    end: int            # offset just past the closing mark (or the paragraph end if unclosed)
    inner_start: int
    inner_end: int
    closed: bool

    def words(self, body: str) -> int:
        return len(body[self.inner_start:self.inner_end].split())


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _wrapped_line_end(body: str, i: int) -> int:
    """The end of the line at i, or of its paragraph when the line is hard-wrapped (ends with no sentence
    punctuation and the next line goes on with no blank line between)."""
    end = body.find("\n", i)
    while end >= 0 and end + 1 < len(body) and body[end + 1] not in "\n" \
            and body[i:end].rstrip()[-1:] not in (".", "!", "?", "؟", ":", "") :
        nxt = body.find("\n", end + 1)
        if nxt < 0:
            return len(body)
        end = nxt
    return end if end >= 0 else len(body)


def _line_rest(body: str, i: int) -> str:
    line_end = body.find("\n", i)
    return body[i:line_end if line_end >= 0 else len(body)]


def _opens(body: str, i: int, ch: str) -> bool:
    if ch in ("“", "”"):
        # Marks typed the other way round (ان ” اتهام ... “ ، موضحا, https://alrray.org/?p=548330): ” opens when
        # every ” left on its line has a “ after it; a “ with only punctuation after it (استقالتهم “، فيما) closes
        # a quotation that was never opened, and opens nothing
        rest = _line_rest(body, i)
        if ch == "”":
            # or, typed against the next word like a straight mark (مبينا أن”ما شهدته ...”, https://almasra.iq/92794),
            # when the line closes it with another ”
            glued = i + 1 < len(body) and _is_letter(body[i + 1])
            # or typed against the verb before it with a space after (ڕایدەگەیەنێت” ... ”, https://snurmedia.com/6118),
            # when the line closes it with another ” and holds no “
            before = body[i - 1] if i > 0 else " "
            after_verb = _is_letter(before) and not before.isascii() and rest[1:2] == " " and "“" not in rest
            # or every mark on the line is ”, in pairs: typed like straight marks (انه ” لا خلاف ... الناس”وأضاف ”
            # نحن ...”، https://almasra.iq/112749)
            paired = "“" not in rest and rest.count("”") % 2 == 0
            if rest[1:].lstrip(" ")[:1] in ("،", ",", ".", "؛"):
                return False    # ...الاطراف”، داعيا “...“ (https://nnciraq.com/226913/): a ” before a comma closes speech
                                # whose opening mark was left off; it opens nothing
            return rest.count("”") <= rest.count("“") or ((glued or after_verb) and "”" in rest[1:]) or paired
        nxt = rest[1:].lstrip(" ")
        return bool(nxt) and nxt[0] not in "،,.؛:"
    if ch in ("«", "„"):
        return True
    before = body[i - 1] if i > 0 else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    if ch == "‘":
        return not _is_letter(before) and not after.isspace()
    if ch == "’":
        # ’ typed on both sides of a quotation (ئەو کەسە دەڵێت:’یەکێتى ...’., https://www.ajansiwllat.net/2014/10/
        # blog-post_684.html): it opens before a letter of a non-Latin script when not after a letter (never
        # an apostrophe) and the line closes it with another ’ after a word
        if _is_letter(before) or not _is_letter(after) or after.isascii():
            return False
        return re.search(r"\w’(?!\w)", _line_rest(body, i)[1:]) is not None
    if ch == "'":
        if _is_letter(before) or not _is_letter(after):
            return False
        line_end = body.find("\n", i)
        end = line_end if line_end >= 0 else len(body)
        return _SINGLE_CLOSE.search(body, i + 1, end) is not None \
            or _SINGLE_CLOSE_AFTER_WORD.search(body, i + 2, end) is not None \
            or _SINGLE_CLOSE_AFTER_S.search(body, i + 2, end) is not None
    if ch == '"':
        if _is_letter(before) and _is_letter(after) and not before.isascii() and not after.isascii():
            return True         # حميد"ندين: a mark typed against the name before it
        if _is_letter(before) and not before.isascii() and after == " ":
            # ڕایدەگەیەنێت" ...": typed against the verb, the quotation after a space, closed on its line (or, in copy
            # with hard line breaks, in its paragraph: وذكر بيان\nللوزارة ، ان" بعض ...\n... الموصل".,
            # https://ninwapress.net/news/345/...)
            return '"' in body[i + 1:_wrapped_line_end(body, i)]
        if before.isspace() and after == " ":
            # ان " المحكمة ... " , مبينا (https://tanawue.com/print:page,1,32695--.html): marks typed with a space on
            # both sides open a quotation when the line closes it again
            line_end = body.find("\n", i)
            return '"' in body[i + 1:line_end if line_end >= 0 else len(body)]
        return not _is_letter(before) and not after.isspace() and after != '"'
    return False


def _closes(body: str, i: int, ch: str, opener: str) -> bool:
    if opener == "“" and ch == "“" and _is_letter(body[i - 1] if i > 0 else " ") \
            and (body[i + 1:i + 2] in ("", "\n", ".", "،", ",", "؛") or body[i + 1:i + 3] in (" .", " ،")):
        return True             # داعيا “اقليم ... ورقة ضغط“. (https://nnciraq.com/226913/): the same mark typed to close
    if opener == "“" and ch == "“" and body[i - 2:i] == ", " and "”" not in _line_rest(body, i):
        # “1,150 IDPs have returned ... district, “Minister X said ... (https://en.shafaqna.com/334226/...): the
        # closing mark typed as an opening one after the quotation's comma, none left on the line
        return True
    if (opener, ch) in (('"', "”"), ("“", '"')) and PAIRS[opener] not in _line_rest(body, i + 1):
        # '"During fighting ..., two soldiers were martyred,” read a statement' (https://rudaw.net/english/kurdistan/
        # 160320192-amp): a straight mark closed by a curly one, or the other way round, none like the opener after
        return not (i + 1 < len(body) and _is_letter(body[i + 1]))
    if ch != PAIRS[opener] and not (opener == "”" and ch == "”"):
        return False
    if ch == "'":
        after = body[i + 1] if i + 1 < len(body) else " "
        if i == 0 or _is_letter(after) or after == "'":
            return False
        if body[i - 1] in ",.!?;:" or _SINGLE_CLOSE_AFTER_WORD.match(body, i - 1) is not None:
            return True
        if body[i - 1] != "s":
            return False
        line_end = body.find("\n", i)
        end = line_end if line_end >= 0 else len(body)
        return not any(r.search(body, i + 1, end) for r in (_SINGLE_CLOSE, _SINGLE_CLOSE_AFTER_WORD, _SINGLE_CLOSE_AFTER_S))
    if ch in ("’", '"'):
        after = body[i + 1] if i + 1 < len(body) else " "
        if ch == '"' and _is_letter(after) and not after.isascii():
            before = body[i - 1] if i > 0 else " "
            # وەرگرتووە"ئاماژەیشی دا"...: closed against the next cue (https://ina.iq/kurd/17961-.html);
            # the same mark never nests, so a mark between two letters of an open quote closes it
            return _is_letter(before) and not before.isascii()
        return not _is_letter(after)       # ’ inside a word is an apostrophe
    return True


_SENTENCE_END = ".!?؟"


def _line_quote_end(body: str, i: int, ch: str, p_end: int) -> int | None:
    """A quotation opened on a line that ends a sentence, with no closing mark on that line nor anywhere after it in
    its paragraph, ends with its line when more lines follow: copy laid out a sentence a line (`X لە
    راگەیەندراوێكیدا دەڵێت، “... فڕۆكەخانەكە.⏎لە راگەیەندراوەكەدا هاتووە، ...`, https://esta.krd/310055) never
    lets one unclosed mark swallow the next sentences."""
    if ch not in ("“", "«", '"'):
        return None
    line_end = body.find("\n", i, p_end)
    if line_end < 0:
        return None
    line = body[i + 1:line_end].rstrip()
    close = PAIRS[ch]
    if not line or line[-1] not in _SENTENCE_END or close in line or close in body[line_end:p_end] \
            or (ch == "“" and "”" in body[line_end:p_end]):
        return None
    return i + 1 + len(line)


_CLOSERS = "”»"


def _continued_without_opening(body: str, quotes: list[Quote], paragraphs: Sequence[tuple[int, int]],
                               n: int) -> Quote | None:
    """A paragraph that goes on with the quotation closed at the end of the paragraph before and carries
    only its closing mark, at its end (“...”. ⏎ ... نەیوت پارەکە بۆ کوێ چووە”., https://esta.krd/4458): the
    whole paragraph is the quotation."""
    if n == 0 or not quotes:
        return None
    p_start, p_end = paragraphs[n]
    text = body[p_start:p_end].rstrip()
    k = len(text)
    while k > 0 and text[k - 1] in ".،,؛!؟? ":
        k -= 1
    if k == 0 or text[k - 1] not in _CLOSERS or _MARKS.search(text, 0, k - 1):
        return None
    prev_start, prev_end = paragraphs[n - 1]
    last = quotes[-1]
    if not (last.closed and prev_start <= last.start and not body[last.end:prev_end].strip(" .،,؛\n")):
        return None
    start = p_start + len(text[:k]) - len(text[:k].lstrip(" >"))
    return Quote(start, p_start + k, start, p_start + k - 1, True)


def _unclosed_before(body: str, open_at: int, i: int) -> int | None:
    """Where a “ quotation still open at the next “ (i) ended: just past the last full stop between them when
    a sentence (a word) follows it; None when there is none (a term quoted inside the quotation)."""
    stop = body.rfind(".", open_at + 1, i)
    if stop < 0 or not body[stop + 1:i].strip() or not _is_letter(body[stop + 1:i].lstrip()[0]):
        return None
    return stop + 1


def find_quotes(body: str, paragraphs: Sequence[tuple[int, int]]) -> list[Quote]:
    """Quotes in `body`; `paragraphs` are the (start, end) spans of its text blocks, in order."""
    quotes: list[Quote] = []
    open_at: int | None = None
    opener = ""
    for n, (p_start, p_end) in enumerate(paragraphs):
        text_start = p_start
        continued = _continued_without_opening(body, quotes, paragraphs, n) if open_at is None else None
        if continued is not None:
            quotes.append(continued)
            continue
        if open_at is not None:
            # A continued quote: the paragraph reopens with the same mark.
            k = p_start
            while k < p_end and body[k] in " >":
                k += 1
            if k < p_end and body[k] == opener:
                text_start = k + 1
            else:
                prev_end = paragraphs[n - 1][1]
                quotes.append(Quote(open_at, prev_end, open_at + 1, prev_end, False))
                open_at = None
        for m in _MARKS.finditer(body, text_start, p_end):
            i, ch = m.start(), m.group()
            if open_at is None:
                if ch in PAIRS and _opens(body, i, ch):
                    open_at, opener = i, ch
                    cut = _line_quote_end(body, i, ch, p_end)
                    if cut is not None:
                        quotes.append(Quote(open_at, cut, open_at + 1, cut, False))
                        open_at = None
            elif ch == "“" and opener == "“" and (stop := _unclosed_before(body, open_at, i)) is not None:
                # “... المواطن ،وكان ... القانوني.وذكرت الدائرة ... أن “مجلس ...” (https://aliraqnews.com/...): the
                # first quotation was never closed; it ends at the last full stop before the mark that opens again
                quotes.append(Quote(open_at, stop, open_at + 1, stop, False))
                open_at = i
            elif _closes(body, i, ch, opener):
                quotes.append(Quote(open_at, i + 1, open_at + 1, i, True))
                open_at = None
        if open_at is not None and n + 1 == len(paragraphs):
            quotes.append(Quote(open_at, p_end, open_at + 1, p_end, False))
            open_at = None
    return [q for q in quotes if q.inner_end > q.inner_start and body[q.inner_start:q.inner_end].strip()]
