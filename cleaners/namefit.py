"""How much better a filtered name fits at each place in a text than what stands there (cleaners.charlm).

A keyword filter deletes a name and leaves the sentence around it. Whatever shape the residue takes
(习在…强调, 同志在《…》, 以同志为核心, 《中国章程》, 会议由主持, 是的长子 …), the same thing is true
of it: put the deleted name back and the text becomes much more ordinary. :func:`name_fit` measures
exactly that with the character model: for each candidate place ``j`` and each term ``T`` that
blacklists delete (cleaners.censor.FILTERED_NAMES / FILTERED_TERMS),

    gain(j, T) = log P(T + next 3 chars | 3 chars before j) - log P(next 3 chars | 3 chars before j)

i.e. the log-likelihood ratio of "T was here" against "nothing was here". Ordinary text, where no name
is missing, gives negative gains almost everywhere (inserting a name costs its own improbability);
residue gives positive ones. Places scored: every position inside or next to Chinese text whose next
character the model finds surprising, every clause start, every place after a character that begins a
filtered term (习 of 习近平, 中国 of 中国共产党) and every mask run (``**`` ``××`` ``□□``, scored with the
mask taken out).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from cleaners.charlm import BOUNDARY, NAME, ORDER, CharLM, codes, normalise, padded_logprobs

__all__ = ["Fit", "name_fit", "terms"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Runs a filter writes for a deleted name; Latin x/X runs are left to the rules (template placeholders).
# Full-width Ｘ is a filter's mask too (ＸＸ的根本宗旨); × and Latin x stay with the rules (××宫, XX公司 templates).
MASK_RUN_RE = re.compile(r"(?<![*＊×✕□■●Ｘ\d])[*＊□■●Ｘ]{2,4}(?![*＊×✕□■●Ｘ\d])")
# × and Latin X are what templates write for a name or a place (×××同志, 刘××, XX县人民政府, XX年); a run of them is
# scored only where no placeholder goes: not glued to a word or surname before it, not before 同志, a date or an
# organ or place suffix (XX公司, ××宫, XX中学).
PLACEHOLDER_RUN_RE = re.compile(r"(?<![*＊×✕□■●ＸxXA-Za-z0-9])(?:×{2,4}|X{2,4})(?![*＊×✕□■●ＸxXA-Za-z0-9])")
# A run after a user's role is a private user's masked name (网友***表示, 用户***：, 买家**说), not a leader's.
USER_NOUNS = frozenset("网友 網友 用户 用戶 会员 會員 买家 買家 卖家 賣家 楼主 樓主 读者 讀者 客户 客戶 顾客 顧客 玩家 博主 昵称 暱稱 学员 "
                       "同学 患者 车主 業主 业主 家长 考生 学生 粉丝 主播 网名".split())
_BEFORE_MASK_SUBJECT = set("的了是和与同将由对向给让请把被及、在以为")
_PLACEHOLDER_AFTER = set("同年月日号时期届级班组市省县区镇乡村州街路巷楼室厂局部厅处科所队校院店报网刊台站宫馆公集中小大型码")
# A mask opening a clause stands where the clause's subject goes, and a filter masks names, not verbs or
# particles: there the name needs to fit this many nats less well (□□开出“体检报告”, ＸＸ向崔世安颁发任命).
CLAUSE_MASK_BONUS = 2.5
_CLAUSE_OPEN = set("。！？；，：\n“”‘’「」（(【 ")
# Titles that follow a name: before one, a missing name and an anaphoric title (总书记强调) look alike.
TITLES = ("总书记", "主席", "总理", "委员长", "同志", "副主席", "副总理")
TITLE_MARGIN = 4.0  # nats more a place before a title needs
# 同志 inside a sentence is a title that follows a name (or 们, 老, 女 …: the model's gain there is low), not an
# anaphor: a text or line starting with 同志 can be the common noun (同志关系要清清爽爽), inside it needs less.
COMRADE_MARGIN = 1.0
PARTY_MARGIN = 2.0  # nats more 共产党 needs right after 中国 (中国领导的, 中国员工 are ordinary)
# A surname + these is a legitimate short form (习主席, 习总书记, 温总理), not a fragment left by a filter.
_SHORT_FORM = ("主席", "总书记", "总理", "委员长", "同志", "先生", "大大", "老", "某", "家", "氏", "姓")
_SENTENCE_START = set("。！？；\n!?;：:") | {""}
# Surnames left alone when a filter deletes the given name (近平 119 of 1,054 lists, 锦涛 385, 泽民 317, 家宝 118,
# 小平 70, 泽东 63, 克强 11). 习 needs the usual gain; the others begin ordinary people's names so often (邓禹, 胡小帅,
# 李在镕, 江承宗 on real pages score up to ~4.7 nats) that they need OTHER_SURNAME_MARGIN nats more, and never after
# 小/老/阿 (小李说 is a nickname) or right after another character of a name.
_SURNAMES = set("习李毛江胡温邓")
_SURNAME_RE = re.compile("[" + "".join(sorted(_SURNAMES)) + "]")
OTHER_SURNAME_MARGIN = 2.5
_NICKNAME = set("小老阿")
# Characters after which a clause's subject may start (的 了 是 与 …): a surname after any other character is
# more likely the end of someone's name (彭雄江在, 设计师李莹辉).
_BEFORE_SUBJECT = set("的了是和与同将由对向给让请把被及、")  # the part a fragment filter leaves (习 of 习近平 when 近平 is blacklisted)
# Characters only Traditional text uses, common enough to show in any paragraph: the model knows Simplified
# news only, so Traditional text is left to the rules.
_TRADITIONAL = set("們這個說時為來對會國與後發過還點經學習區應當來問無實現將進產業開關")
SURPRISE = 6.0  # nats: a next character at least this unexpected makes a place worth scoring


@dataclass(frozen=True)
class Fit:
    """The best-fitting filtered term at one place of the text."""

    position: int  # insertion point (the term would go before text[position])
    end: int  # end of what it replaces (a surname, a mask run), == position for a deletion
    kind: str  # "deletion" | "surname" | "mask" | "orphan"
    term: str
    gain: float  # nats: log P(with the term) - log P(as it stands)
    surprise: float  # nats: -log P(text[end] | what precedes), as it stands


@lru_cache(maxsize=1)
def terms() -> tuple[str, ...]:
    """What may have been deleted: a leader's name (the model's NAME symbol) or a party term."""
    return (NAME, "共产党", "中共", "共产")


def _gains(lm: CharLM, padded: np.ndarray, points: np.ndarray, groups: list[list[str]], surprise3: np.ndarray,
           min_gain: float | np.ndarray) -> list[np.ndarray]:
    """gain(j, term) for every j in `points` and every term of each group of `groups` (the terms of a group all of
    one length): one array of shape (terms, points) per group.

    `padded` = codes of BOUNDARY*3 + text + BOUNDARY*3, so padded[j:j+3] is what precedes insertion point j;
    `surprise3` the summed surprise of the three characters after each point as the text stands. The term's
    own cost is computed first: since the characters after it can at best become certain, cost + surprise3
    bounds the gain, and places that cannot reach `min_gain` (one value, or one per point) are not scored
    further (-inf).

    The model is asked twice for all groups together (its per-call cost is that of ~400 rows), and a window
    that two terms share (共产 is 共产党's start: the same first two windows) is scored once.
    """
    k = ORDER - 1
    n_points = len(points)
    left = np.stack([padded[points + i] for i in range(k)], axis=1)  # (points, 3)

    def head(term: str) -> np.ndarray:  # (points, 3 + len(term)): the left context, then the term
        table = codes(normalise(term))
        return np.concatenate([left, np.broadcast_to(table, (n_points, len(term)))], axis=1)

    # a term's i-th window (the one ending at its character i) depends on its first i + 1 characters only
    prefixes = list(dict.fromkeys(t[: i + 1] for group in groups for t in group for i in range(len(t))))
    # a prefix of k characters (共产党) reads one character of the left context only: each distinct one scored once
    before, at_point = np.unique(left[:, k - 1], return_inverse=True)
    blocks = [head(p)[:, len(p) - 1 : len(p) - 1 + ORDER] if len(p) != k else
              np.concatenate([before[:, None], np.broadcast_to(codes(normalise(p)), (len(before), k))], axis=1)
              for p in prefixes]
    scored = lm.logprob(np.concatenate(blocks))
    by_prefix, at = {}, 0
    for p, block in zip(prefixes, blocks, strict=True):
        by_prefix[p] = scored[at : at + len(block)] if len(p) != k else scored[at : at + len(block)][at_point]
        at += len(block)
    # The windows after the term that reach back into the left context (i < k - m) are scored only where the gain
    # can still reach `min_gain` once the others are known: the log-probabilities are <= 0, so cost + the others'
    # sum + surprise3 bounds the gain (in floats too: rounding is monotone), and most places fall below it there.
    floor = np.broadcast_to(np.asarray(min_gain, dtype=np.float64), (n_points,))
    costs, alive_at, seqs, right_rows = [], [], [], []
    for group in groups:
        m = len(group[0])
        cost = np.stack([np.stack([by_prefix[t[: i + 1]] for i in range(m)], axis=-1) for t in group]).sum(axis=2)
        t_index, p_index = np.nonzero(cost + surprise3[None, :] >= min_gain)
        costs.append(cost)
        alive_at.append((t_index, p_index))
        if not len(t_index):
            seqs.append(None)
            continue
        table = np.stack([codes(normalise(t)) for t in group])  # (terms, m)
        right = np.stack([padded[points[p_index] + k + i] for i in range(k)], axis=1)
        seq = np.concatenate([left[p_index], table[t_index], right], axis=1)  # (alive, 3 + m + 3)
        seqs.append(seq)
        right_rows.append(np.stack([seq[:, m + i : m + i + ORDER] for i in range(max(0, k - m), k)],
                                   axis=1).reshape(-1, ORDER))
    right_scores = lm.logprob(np.concatenate(right_rows)) if right_rows else np.zeros(0)
    tails, left_rows, at = [], [], 0
    for group, cost, (t_index, p_index), seq in zip(groups, costs, alive_at, seqs, strict=True):
        if seq is None:
            tails.append(None)
            continue
        m = len(group[0])
        first = max(0, k - m)  # the windows 0 .. first - 1 reach into the left context
        tail = np.empty((len(t_index), k))
        tail[:, first:] = right_scores[at : at + (k - first) * len(t_index)].reshape(-1, k - first)
        at += (k - first) * len(t_index)
        if first:
            bound = cost[t_index, p_index] + tail[:, first:].sum(axis=1) + surprise3[p_index]
            keep = np.flatnonzero(bound >= floor[p_index])
            t_index, p_index, tail = t_index[keep], p_index[keep], tail[keep]
            left_rows.append(np.stack([seq[keep, m + i : m + i + ORDER] for i in range(first)], axis=1).reshape(-1, ORDER))
        tails.append((t_index, p_index, tail, first))
    left_scores = lm.logprob(np.concatenate(left_rows)) if left_rows else np.zeros(0)
    out, at = [], 0
    for group, cost, item in zip(groups, costs, tails, strict=True):
        gains = np.full((len(group), n_points), -np.inf)
        if item is not None and len(item[0]):
            t_index, p_index, tail, first = item
            if first:
                tail[:, :first] = left_scores[at : at + first * len(t_index)].reshape(-1, first)
                at += first * len(t_index)
            gains[t_index, p_index] = cost[t_index, p_index] + tail.sum(axis=1) + surprise3[p_index]
        out.append(gains)
    return out


_SENTENCE_START_CODES = np.array(sorted(ord(c) for c in _SENTENCE_START if c), dtype=np.uint64)


def _points(text: str, surprise: np.ndarray) -> np.ndarray:
    """Places worth scoring: surprising next character, clause starts, after a term's first character.

    Insertion points 0..len(text), each next to a Chinese character (before or after it), where the next
    character's surprise reaches SURPRISE or the one before starts a sentence (the text's start does too).

    >>> _points("a。中文", np.array([0.0, 0.0, 1.0, 9.0])).tolist()
    [2, 3]
    """
    n = len(text)
    if not n:
        return np.zeros(0, dtype=np.int64)
    code = codes(text)
    cjk = (code >= 0x4E00) & (code <= 0x9FFF)
    near = np.zeros(n + 1, dtype=bool)
    near[:n] |= cjk  # the character after the point
    near[1:] |= cjk  # the character before it
    wanted = np.zeros(n + 1, dtype=bool)
    wanted[:n] = surprise[:n] >= SURPRISE
    wanted[0] = True  # nothing before: a sentence start
    wanted[1:] |= np.isin(code, _SENTENCE_START_CODES)
    return np.flatnonzero(near & wanted).astype(np.int64)


def name_fit(text: str, min_gain: float = 0.0, mask_min_gain: float | None = None) -> list[Fit]:
    """Places where a filtered term fits better than what stands there by at least `min_gain` nats
    (`mask_min_gain` for mask runs; default the same).

    One :class:`Fit` per place (the best term), in text order. Three kinds of place:

    * a deletion point: the term inserted (会议由主持 -> 会议由NAME主持);
    * a surname left alone by a fragment filter: the surname replaced by the whole name (习在 -> NAME在);
    * a mask run (``**`` ``××`` ``□□``): the run replaced by the term, against the run taken out;
    * an orphan bound morpheme (员 of 共产党员 alone): the term put back before it, kept from ORPHAN_MIN_GAIN
      whatever `min_gain` is (the orphan is evidence by itself).

    >>> [(text[f.position - 1 : f.end + 2], f.term == NAME) for text in ["2024年，习在重庆考察时强调。"]
    ...  for f in name_fit(text, 2.0)]
    [('，习在重', True)]
    """
    if not _CJK.search(text) or _is_traditional(text):
        return []
    lm = CharLM.load()
    fits = {f.position: f for f in _deletion_fits(lm, text, min_gain)}
    for fit in _orphan_fits(lm, text):
        if fit.position not in fits or fits[fit.position].gain < fit.gain:
            fits[fit.position] = fit
    for j in (m.start() for m in _SURNAME_RE.finditer(text)):
        fit = _surname_fit(lm, text, j)
        if fit is not None and fit.gain >= min_gain and (j not in fits or fits[j].gain < fit.gain):
            fits[j] = fit
    runs = [m.span() for m in MASK_RUN_RE.finditer(text)]
    runs += [m.span() for m in PLACEHOLDER_RUN_RE.finditer(text) if not _placeholder(text, *m.span())]
    for a, b in runs:
        if _markup(text, a, b) or text[max(0, a - 2) : a] in USER_NOUNS:
            continue
        gain, term = max((_replace_gain(lm, text, a, b, t, ""), t) for t in terms())
        if not a or text[a - 1] in _CLAUSE_OPEN:
            gain += CLAUSE_MASK_BONUS
        if gain >= (min_gain if mask_min_gain is None else mask_min_gain):
            fits[a] = Fit(a, b, "mask", term, round(gain, 2), 0.0)
    return sorted(fits.values(), key=lambda f: f.position)


def _comrade_inside(text: str, j: int) -> bool:
    """Whether 同志 (not 同志们) begins at `j` inside a line, after a character of the same line."""
    return text.startswith("同志", j) and not text.startswith("同志们", j) and j > 0 and text[j - 1] not in "\n \t\u3000"


def _surname_fit(lm: CharLM, text: str, j: int) -> Fit | None:
    """The whole name put in place of a lone surname at `j` (习在 -> NAME在), or None where it is no candidate.

    Evidence besides the model's gain: what follows the surname. A given name (毛荣楷, 邓禹, 李莹辉) is rarely a
    dictionary word, while a filter's residue leaves the surname before a word of the sentence (毛诞辰, 李主持),
    so surnames other than 习 are scored only before a word of jieba's dictionary or a verb. A lone 习 (not in
    a word: 学习, 习惯) before a verb of the dictionary (习促, 习赴; 习谴责 even glued to what precedes, as on
    keyword-stuffed pages) is the verb's subject, and needs VERB_BONUS nats less.
    """
    char = text[j]
    if char == "习" and text[j + 1 : j + 2] in ("：", ":") and _CJK.match(text[j + 2 : j + 3]) and not _in_word(text, j):
        # a speaker's colon (习：坚持稳中求进): the headline shape NAME：quote, a lone 习 never begins a word there
        return Fit(j, j + 1, "surname", NAME, round(_replace_gain(lm, text, j, j + 1, NAME, char) + VERB_BONUS, 2), 0.0)
    if (j + 1 >= len(text) or not _CJK.match(text[j + 1]) or _in_word(text, j)
            or (j and text[j - 1] in _NICKNAME) or text.startswith(_name_starts(), j)):
        return None
    verb = _verb_after(text, j + 1)
    glued = bool(j) and bool(_CJK.match(text[j - 1])) and text[j - 1] not in _BEFORE_SUBJECT
    if char == "习":
        if glued and verb < 2:  # glued to what precedes, a one-character "verb" may begin a given name (史学家习凿齿)
            return None
        margin = -VERB_BONUS if verb else 0.0
    else:
        if not verb and not _word_after(text, j + 1):
            return None
        if _antecedent(lm, text, j):
            return None
        margin = OTHER_SURNAME_MARGIN
    gain = _replace_gain(lm, text, j, j + 1, NAME, char) - margin
    return Fit(j, j + 1, "surname", NAME, round(gain, 2), 0.0)


def _antecedent(lm: CharLM, text: str, j: int) -> bool:
    """Whether the surname at `j` stands elsewhere in `text` where the whole name does not fit (李华东报道。…李说):
    there it begins someone's name, and the lone surname is an anaphor for that person. A filter leaves the
    surname alone everywhere it deletes the given name, and the name fits at each of those places."""
    char = text[j]
    return any(_CJK.match(text[k + 1]) and not _in_word(text, k)
               and _replace_gain(lm, text, k, k + 1, NAME, char) - OTHER_SURNAME_MARGIN < 0.0
               for k in _positions(text, char, len(text) - 1) if k != j)


def _positions(text: str, char: str, end: int) -> Iterator[int]:
    """Where `char` stands in text[:end], in order (str.find: no Python loop over the other characters)."""
    k = text.find(char, 0, end)
    while k >= 0:
        yield k
        k = text.find(char, k + 1, end)


# A speech verb opening a sentence, directly before its colon or comma (说：“…, 表示，…), has lost its speaker: ordinary
# text names the speaker or carries it over after a comma (…的通知，说，…), and an imperative 说，你… follows a
# question, where the name does not fit. There the name needs SPEAKER_BONUS nats less. Labels (要求：, 介绍：, 问：)
# are not in the list.
SPEECH_VERBS = ("说", "表示", "强调", "指出", "认为", "坦言", "透露", "称", "宣布", "回应", "谈到", "提到")
SPEAKER_BONUS = 1.5
_SPEAKER_AFTER = set("，：:,")
_SPEAKER_BEFORE = set("。！？；\n ：:")


def _speaker_slot(text: str, j: int) -> bool:
    """Whether a sentence opens at `j` with a speech verb and its colon or comma (说：“…): the speaker's slot.

    >>> [_speaker_slot(t, 0) for t in ("说：“必须要看到", "说明：见下文", "要求：熟悉业务", "说着，他走了")]
    [True, False, False, False]
    """
    if j and text[j - 1] not in _SPEAKER_BEFORE:
        return False
    return any(text.startswith(verb, j) and text[j + len(verb) : j + len(verb) + 1] in _SPEAKER_AFTER
               for verb in SPEECH_VERBS)


# _speaker_slot's verbs before their colon or comma, found in one scan of the text (no verb holds another's start)
_SPEAKER_VERB_RE = re.compile("(?:" + "|".join(map(re.escape, SPEECH_VERBS)) + ")(?=[" + "".join(sorted(_SPEAKER_AFTER)) + "])")


def _speaker_slots(text: str) -> list[int]:
    """Every `j` where :func:`_speaker_slot` holds, in order.

    >>> _speaker_slots("他说：好。说：“必须要看到”。表示，好；说明：见下文")
    [5, 15]
    """
    return [j for m in _SPEAKER_VERB_RE.finditer(text) if not (j := m.start()) or text[j - 1] in _SPEAKER_BEFORE]


VERB_BONUS = 4.0  # before a verb, 习 needs only not to fit worse than the name by more than 1 nat


def _word_after(text: str, i: int) -> bool:
    """Whether a dictionary word of two to four characters starts at `i`."""
    vocab = _vocabulary()
    return any(text[i : i + n] in vocab for n in (4, 3, 2) if i + n <= len(text))


def _verb_after(text: str, i: int) -> int:
    """The length of the longest dictionary word at `i` (one to four characters) if it is a common verb of jieba's
    dictionary, else 0."""
    verbs = _verbs()
    vocab = _vocabulary()
    for n in (4, 3, 2):
        if i + n <= len(text) and text[i : i + n] in vocab:
            return n if text[i : i + n] in verbs else 0
    return 1 if text[i : i + 1] in verbs else 0


def _verbs() -> frozenset[str]:
    """Verbs (POS v) of jieba's dictionary (MIT) seen at least VERB_MIN_COUNT times; empty without jieba."""
    return _pos_sets()[0]


def _bound() -> frozenset[str]:
    """Characters jieba's dictionary tags as bound morphemes (POS zg: 员 of 党员, 委员): never a word alone."""
    return _pos_sets()[1]


@lru_cache(maxsize=1)
def _pos_sets() -> tuple[frozenset[str], frozenset[str]]:
    from cleaners.cache import cached_object
    from cleaners.spin import _jieba_dict

    source = _jieba_dict()
    if source is None:
        return frozenset(), frozenset()

    def build() -> list[list[str]]:
        verbs, bound = [], []
        with source.open(encoding="utf-8") as handle:
            for line in handle:
                row = line.split(" ")
                if len(row) < 3:
                    continue
                pos = row[2].strip()
                if pos == "v" and int(row[1]) >= VERB_MIN_COUNT:
                    verbs.append(row[0])
                elif pos == "zg" and len(row[0]) == 1:
                    bound.append(row[0])
        return [sorted(verbs), sorted(bound)]

    verbs, bound = cached_object("jieba-pos", source, build)
    return frozenset(verbs), frozenset(bound)


def _covered(text: str, j: int) -> bool:
    """Whether a dictionary word of two to four characters covers text[j]."""
    vocab = _vocabulary()
    return any(text[a : a + n] in vocab for a in range(max(0, j - 3), j + 1) for n in (2, 3, 4)
               if j < a + n <= len(text))


@lru_cache(maxsize=1)
def _orphan_fillers() -> dict[str, tuple[str, ...]]:
    """Bound morphemes that a whole party term before them makes a dictionary word, with the term's endings that
    make one (the model scores the best): {'员': ('党', '共产党')} (共产党员, 党员). Built once per machine (~80 ms:
    40,000 candidate words looked up) and kept in the disk cache, keyed by the dictionary and the terms."""
    from cleaners.cache import cached_object
    from cleaners.censor import FILTERED_NAMES
    from cleaners.spin import _jieba_dict, word_table

    source = _jieba_dict()
    table = word_table()
    if source is None or table is None:
        return {}

    def build() -> dict[str, list[str]]:
        vocab = _vocabulary()
        suffixes = sorted({t[i:] for t in terms() if t != NAME for i in range(len(t))})
        bound = sorted(_bound())
        words = [s + c for c in bound for s in suffixes]
        found = table.lookup(_pack(words))[0] if words else []
        out: dict[str, list[str]] = {}
        for word, hit in zip(words, found, strict=True):
            if hit and word in vocab:
                out.setdefault(word[-1], []).append(word[:-1])
        # only where a whole term makes the word (共产党 + 员): 产 + 物 or 共 + 度 is no trace of a deletion
        return {c: f for c, f in out.items() if any(t in f for t in terms())}

    version = hashlib.sha1("|".join((*terms(), *sorted(FILTERED_NAMES))).encode()).hexdigest()[:8]
    return {c: tuple(f) for c, f in cached_object(f"orphan-fillers-{version}", source, build).items()}


def _pack(words: list[str]) -> np.ndarray:
    from cleaners.spin import _pack_words

    return _pack_words(words)


ORPHAN_MIN_GAIN = 0.0  # an orphan is evidence by itself: the model need only prefer the whole word


def _orphan_fits(lm: CharLM, text: str) -> list[Fit]:
    """Bound morphemes left orphan by a deleted term: 员 of 共产党员 in 永葆员的本色, 一名员，.

    Evidence: a character jieba's dictionary knows only as part of words (POS zg) that no dictionary word
    covers here, and that a party term before it would make a dictionary word (共产党 + 员 = 共产党员); the
    gain is that of the term (or its last word, 党) put back. Occupations the dictionary lacks (快递员, 警备员,
    测试员 on real pages) leave 员 orphan too, but the model finds 党 far less likely there (<= -1 nats on
    wild-2017 and DAnIEL) than after 永葆, 一名 or a comma (>= 0).
    """
    orphans = _orphan_fillers()
    out = []
    for j in (m.start() for m in _orphan_re(tuple(orphans)).finditer(text)):
        char = text[j]
        if _covered(text, j) or _name_before(text, j):
            continue
        fillers = orphans[char]
        gain, term = max((_replace_gain(lm, text, j, j, t, ""), t) for t in fillers)
        if gain >= ORPHAN_MIN_GAIN:
            out.append(Fit(j, j, "orphan", max((t for t in terms() if t.endswith(term)), key=len), round(gain, 2), 0.0))
    return out


@lru_cache(maxsize=4)
def _orphan_re(chars: tuple[str, ...]) -> re.Pattern[str]:
    """Any one of `chars` (the bound morphemes of _orphan_fillers), to find them without a loop over the text."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]" if chars else "(?!)")


VERB_MIN_COUNT = 100


_TRADITIONAL_RE = re.compile("[" + "".join(sorted(_TRADITIONAL)) + "]")


@lru_cache(maxsize=4)  # asked of the same text by cleaners.spin and name_fit
def _is_traditional(text: str) -> bool:
    """Whether `text` is written in Traditional characters (at least 1% of its Chinese is Traditional-only).

    >>> _is_traditional("這個問題很重要，我們會繼續關注。"), _is_traditional("这个问题很重要。")
    (True, False)
    """
    cjk = len(_CJK.findall(text))
    return cjk > 0 and len(_TRADITIONAL_RE.findall(text)) >= max(1, cjk // 100)


@lru_cache(maxsize=1)
def _name_starts() -> tuple[str, ...]:
    from cleaners.censor import FILTERED_NAMES

    return tuple(FILTERED_NAMES)


def _name_before(text: str, j: int) -> bool:
    """Whether a filtered name (or its given name) ends at `j`: a name is there already (胡锦涛主席)."""
    from cleaners.censor import FILTERED_NAMES

    before = text[max(0, j - 6) : j]
    for title in TITLES:  # a name and its title (习近平总书记强调): the subject is there
        if before.endswith(title):
            before = before[: -len(title)]
            break
    return any(before.endswith(name) or (len(name) == 3 and before.endswith(name[1:])) for name in FILTERED_NAMES)


_SPACES = (" ", "\u3000")


def _in_word(text: str, j: int) -> bool:
    """Whether the surname-like character at `j` is part of a word (学习, 习惯, 温度, 江西) or a short form (习主席).

    Text spaced out character by character (学 习 提 高, a page whose lines were set one glyph per box) keeps its
    words across a single space.

    >>> [_in_word(t, t.index(c)) for t, c in (("学习在于", "习"), ("习惯了", "习"), ("习主席说", "习"), ("，习在重庆", "习"))]
    [True, True, True, False]
    >>> [_in_word(t, t.index(c)) for t, c in (("说 他 学 习提 高", "习"), ("，习 惯 了", "习"), ("会上 习在讲话", "习"))]
    [True, True, False]
    """
    vocab = _vocabulary()
    if text[max(0, j - 1) : j + 1] in vocab or text[j : j + 2] in vocab or text[j : j + 3] in vocab:
        return True
    if j >= 2 and text[j - 1] in _SPACES and text[j - 2] + text[j] in vocab:
        return True
    if text[j + 1 : j + 2] in _SPACES and text[j] + text[j + 2 : j + 3] in vocab:
        return True
    return text.startswith(_SHORT_FORM, j + 1)


class _Vocabulary:
    """Membership in jieba's words minus some (a view of cleaners.spin.word_table: no set of 330,000 strings)."""

    def __init__(self, words: object, excluded: frozenset[str]):
        self.words, self.excluded = words, excluded

    def __contains__(self, word: object) -> bool:
        if word in EXTRA_WORDS:
            return True
        return word not in self.excluded and self.words is not None and word in self.words  # type: ignore[operator]


# Words of the standard dictionaries that jieba's lacks, with 习 "to practise": 习称 in 1924年10月1日－）习称吉米·卡特
# on a real page read as a name left by a filter (wild-2017 w003222).
EXTRA_WORDS = frozenset("习称 习武 习得 习射 习医 习画 习琴 习书 习舞 习剑 习禅 习静".split())


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    """Words of two to four characters in jieba's dictionary (MIT), minus the filtered names themselves."""
    from cleaners.censor import FILTERED_NAMES
    from cleaners.spin import word_table

    return _Vocabulary(word_table(), frozenset({n[:2] for n in FILTERED_NAMES} | set(FILTERED_NAMES)))


def _markup(text: str, start: int, end: int) -> bool:
    """Whether a mask-like run is markup: **bold** pairs, a list bullet, a separator between spaces.

    >>> [_markup(t, *m.span()) for t in ("**注意**：带证件", "□□ 使用 pip", "＊＊＊ ＊＊＊", "习**在会上讲话")
    ...  for m in [MASK_RUN_RE.search(t)]]
    [True, True, True, False]
    """
    run = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if line.count(run[:2]) >= 2 and _paired(line, start - line_start, end - line_start):
        return True
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if after in "：:" and _CJK.match(text[end + 1 : end + 2]):
        return False  # the speaker of a headline NAME：quote (ＸＸ：上海内环…), not a separator or bullet
    return not (_CJK.match(before) or _CJK.match(after)) or after == " "


def _placeholder(text: str, start: int, end: int) -> bool:
    """Whether a × or X run stands where templates put a placeholder (PLACEHOLDER_RUN_RE's comment).

    >>> [_placeholder(t, t.index(r), t.index(r) + len(r)) for t, r in (("兹证明×××同志系我单位", "×××"), ("原市长肖XX，", "XX"),
    ...  ("XX县人民政府", "XX"), ("，×××对…作出重要指示", "×××"))]
    [True, True, True, False]
    """
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    return bool(_CJK.match(before)) and before not in _BEFORE_MASK_SUBJECT or after in _PLACEHOLDER_AFTER


# Markdown emphasis: ``**x**`` / ``*x*`` on one line, x neither opening nor closing with list punctuation nor closing
# with a preposition or conjunction (censor._EMPHASIS_RE).
_EMPHASIS_RE = re.compile(r"(?<![*＊])([*＊]{1,2})(?![*＊\s、，,；;])([^*＊\n。！？]{1,60}?)(?<![*＊\s、，,；;在和与及以对向把被从])\1(?![*＊])")
_CONNECTIVE = set("和与及同跟或、")


def _paired(line: str, start: int, end: int) -> bool:
    """Whether the run line[start:end], whose two first characters occur again on the line, is markup by its
    pair: Markdown emphasis (``**注意**``), or a decoration around the line (``***标题***``),
    or placeholders of a form (``××市××区``, ``XXX同志``: ×, Latin and full-width X). Two masks a filter left
    on one line (``***、汪洋、***``, ``由**起草、**题写``, ``□□和□□``) are not a pair: the text between them
    opens or closes with a list's punctuation or is a lone connective, and □ ■ ● are no markup characters.

    >>> [_paired(t, t.index(r), t.index(r) + len(r)) for t, r in (("**注意**：带证件", "**"), ("×××同志与×××同志", "×××"),
    ...  ("***、汪洋、***出席", "***"), ("由**起草、**题写", "**"), ("***养殖板房***", "***"), ("□□同□□会谈", "□□"))]
    [True, True, False, False, True, False]
    """
    run = line[start:end]
    if run[0] in "×✕xXＸ":
        return True
    if run[0] not in "*＊":
        return False
    if line.strip().startswith(run) and line.strip().endswith(run):
        return True  # a decoration around the line
    for match in _EMPHASIS_RE.finditer(line):
        if start in (match.start(), match.end() - len(match.group(1))) and match.group(2) not in _CONNECTIVE:
            return len(run) <= 2
    return False


def _replace_gain(lm: CharLM, text: str, start: int, end: int, term: str, instead: str) -> float:
    """log P(text with text[start:end] -> term) - log P(text with text[start:end] -> instead), near the change."""
    history = normalise(text[max(0, start - ORDER + 1) : start])
    history = (BOUNDARY * (ORDER - 1) + history)[-(ORDER - 1):]
    right = normalise(text[end : end + ORDER - 1])
    right = (right + BOUNDARY * (ORDER - 1))[: ORDER - 1]
    with_term = lm.char_logprobs(term + right, history).sum() if term else 0.0
    with_other = lm.char_logprobs(instead + right, history).sum()
    return float(with_term - with_other)


def _deletion_fits(lm: CharLM, text: str, min_gain: float) -> list[Fit]:
    norm = normalise(text)
    k = ORDER - 1
    padded = codes(BOUNDARY * k + norm + BOUNDARY * k)
    surprise = -padded_logprobs(norm)  # surprise of each character of norm + 3 boundaries
    points = _points(norm, surprise)
    if not len(points):
        return []
    best = np.full(len(points), -np.inf)
    best_term = np.zeros(len(points), dtype=np.int64)  # index into the groups' terms, in order
    nxt = np.concatenate([surprise, np.zeros(ORDER)])
    surprise3 = nxt[points] + nxt[points + 1] + nxt[points + 2]
    bonus = np.zeros(len(points))
    slots = _speaker_slots(text)
    if slots:
        bonus[np.isin(points, slots)] = SPEAKER_BONUS
    all_terms: list[str] = []
    for group, gains in zip(_groups(), _gains(lm, padded, points, _groups(), surprise3, min_gain - bonus),
                            strict=True):
        top = gains.argmax(axis=0)
        value = gains[top, np.arange(len(points))]
        better = value > best
        best[better] = value[better]
        best_term[better] = len(all_terms) + top[better]
        all_terms += group
    out = []
    # the margins below only lower a gain: a place below min_gain with its speaker bonus cannot reach it
    for i in np.flatnonzero(best + bonus >= min_gain):
        j, gain, term, plus = int(points[i]), best[i], all_terms[best_term[i]], bonus[i]
        gain += plus
        if text.startswith(TITLES, j):
            gain -= COMRADE_MARGIN if _comrade_inside(text, j) else TITLE_MARGIN
        if term != NAME and text[max(0, j - 2) : j] in ("中国", "中國"):
            gain -= PARTY_MARGIN  # 中国 + 领导/员工 is ordinary; 中国 + 共产党 + … must fit much better
        if term == "中共" and text.startswith("中央", j):
            continue  # 中共中央 -> 中央 reads as whole (中央政府, 中央经济工作会议): not a visible residue
        if term == "共产" and text.startswith("党", j):
            continue  # 共产党员 -> 党员 reads as whole (我虽不是党员, 以党员的标准): not a visible residue
        if gain >= min_gain and not _name_before(text, j) and not text.startswith(_name_starts(), j):
            out.append(Fit(j, j, "deletion", term, round(float(gain), 2), round(float(surprise[j]), 2)))
    return out


@lru_cache(maxsize=1)
def _groups() -> list[list[str]]:
    by_length: dict[int, list[str]] = {}
    for term in terms():
        by_length.setdefault(len(term), []).append(term)
    return list(by_length.values())
