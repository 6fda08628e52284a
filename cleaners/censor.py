"""Censored-name gaps: the ungrammatical residue a keyword filter leaves when it deletes or masks a name.

Mirror sites pass copied articles through keyword blacklists. The shared reference notes count how
many of 1,054 public Chinese blacklists hold each term: 江泽民 593, 邓小平 584, 胡锦涛 582, 共产党 551,
温家宝 539, 毛泽东 467, 中共 466, 习近平 366, 共产 317, 刘少奇 306, 周恩来 283 … The filter deletes
the term (or replaces it with ``**``/``××``/``□□``) and the sentence around it survives, broken in
recognisable ways. Each rule below is one such shape, written from the seed page and from the team's
own censor cases (``fixtures/flags/``), with the legitimate text it must leave alone named beside it.

Precision comes first: every rule needs the residue *and* its grammatical context (a speech verb after
``习``, a clause start before ``同志``, a place and 第N届委员会 after ``中国`` …), never a bare string.
A rule is a small function ``rule(text) -> Iterator[Gap]``; :func:`find_censored_gaps` runs them all,
keeps the most confident of overlapping hits and returns flag dicts::

    {"type": "censored_gap", "start", "end", "kind": "deleted"|"masked", "evidence", "suggestion",
     "confidence"}

``start``/``end`` cover the residue (``text[start:end]`` is the damaged phrase); ``suggestion`` is the
likely deleted term (习近平, 毛泽东, 共产党, 中共 …) or None; ``evidence`` names the rule and what it saw.

>>> [text[f["start"]:f["end"]] for text in ["2024年4月，习在重庆考察时强调，要推动高质量发展。"]
...  for f in find_censored_gaps(text)]
['习在重庆考察时强调']
>>> find_censored_gaps("学习在于坚持，习惯成自然；习总书记强调，同志们要努力。")
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

__all__ = ["FILTERED_NAMES", "FILTERED_TERMS", "RULES", "Gap", "find_censored_gaps"]

# Names that public keyword blacklists delete, with how many of 1,054 lists hold each (the shared reference
# notes' filtered_term_frequency.tsv, derived from citizenlab/chat-censorship): leaders and their kin in at
# least ~90 lists. The team's own list; the counts are the evidence for each entry.
FILTERED_NAMES = (
    "江泽民",  # 593
    "邓小平",  # 584
    "胡锦涛",  # 582
    "温家宝",  # 539
    "李鹏",  # 533
    "吴邦国",  # 518
    "郭伯雄",  # 501
    "赵紫阳",  # 492
    "贾庆林",  # 475
    "毛泽东",  # 467
    "曾庆红",  # 451
    "朱镕基",  # 445
    "李长春",  # 438
    "胡耀邦",  # 417
    "吴官正",  # 413
    "俞正声",  # 407
    "李瑞环",  # 396
    "习近平",  # 366
    "徐才厚",  # 363
    "周永康",  # 359
    "乔石",  # 350
    "华国锋",  # 342
    "刘云山",  # 340
    "张德江",  # 338
    "刘少奇",  # 306
    "周恩来",  # 283
    "李克强",  # 276
    "王岐山",  # 258
    "王沪宁",  # 258
    "朱德",  # 254
    "张高丽",  # 217
    "薄熙来",  # 207
    "韩正",  # 197
    "习仲勋",  # 143
    "彭丽媛",  # 94
)
# Party terms and name fragments the same lists hold: 共产党 551, 中共 466, 共产 317, 近平 119, 泽东 63.
FILTERED_TERMS = ("共产党", "中共", "共产", "近平", "泽东", "小平", "锦涛", "泽民", "家宝", "克强")

# Characters after which a clause starts: sentence and clause punctuation, quotes, brackets, spaces.
CLAUSE_BREAK = "。！？；：，、“”‘’「」『』（）()【】《》\n\t …—!?;:,\"'/"
# A clause ends at these (a residue and its verb must sit in one clause).
CLAUSE_END = "。！？；\n!?;"
NUM = r"[0-9一二三四五六七八九十百零〇两]+"
CJK = r"[\u4e00-\u9fff]"
# Mask characters a filter substitutes for a deleted term. ○ ◯ 〇 are left out: they are also zeros.
MASK = r"[*＊×✕□■●xXＸ]"


@dataclass(frozen=True)
class Gap:
    """One residue: text[start:end], how it was damaged and what was probably there."""

    start: int
    end: int
    kind: str  # "deleted" | "masked"
    rule: str
    evidence: str
    suggestion: str | None
    confidence: float

    def as_flag(self) -> dict:
        return {
            "type": "censored_gap",
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "evidence": f"{self.rule}: {self.evidence}",
            "suggestion": self.suggestion,
            "confidence": self.confidence,
        }


def _clause_start(text: str, index: int) -> bool:
    """Whether `index` begins a clause: start of text or right after punctuation, a quote or a space."""
    return index == 0 or text[index - 1] in CLAUSE_BREAK


def _sentence(text: str, index: int) -> str:
    """The sentence around `index` (between CLAUSE_END characters)."""
    start = max(text.rfind(c, 0, index) for c in CLAUSE_END) + 1
    ends = [e for e in (text.find(c, index) for c in CLAUSE_END) if e >= 0]
    return text[start : min(ends) if ends else len(text)]


def _spans(rule: Callable[[str], Iterator[Gap]], text: str) -> list[str]:
    """The residues one rule finds in `text` (for doctests)."""
    return [text[g.start : g.end] for g in rule(text)]


# --------------------------------------------------------------------------------------------------
# 习近平 deleted: 习 left before a verb


# A 习 that ends a word is not a surname: 学习 练习 实习 复习 演习 见习 补习 预习 自习 研习 温习 讲习 修习
# 传习 积习 恶习 陋习 旧习 沿习 熟习 教习 时习 风习 惯习, and the nicknames 小习/老习.
_XI_WORD_END = set("学學練练实實复復演见見补補预預自研温溫讲講修传傳积積恶惡陋旧舊沿熟教操时時肄风風染谙諳娴嫻惯慣串督诵誦效仿小老")
# Verbs that follow the bare surname directly (习指出, 习主持, 习近日致信 …).
_XI_DIRECT = (
    r"(?:近日|日前|今天|今日|昨天|昨日|当天|當天|随后|隨後|还|還|也|又|亲自|親自|专门|專門|再次|首先|同时|同時)?"
    r"(?:指出|强调|強調|提出|要求|主持|出席|会见|會見|会晤|會晤|接见|接見|考察|视察|視察|调研|調研|致信|致电|致電|"
    r"致辞|致辭|致贺|致賀|复信|覆信|回信|发表|發表|签署|簽署|宣布|表示|讲话|講話|说|說|参加|參加|抵达|抵達|"
    r"到达|到達|来到|來到|前往|出访|出訪|访问|訪問|看望|慰问|慰問|寄语|寄語|勉励|勉勵|号召|號召|听取|聽取|阐述|闡述|"
    r"论述|論述|部署|批示|作出重要|作重要|作报告|作報告|谋划|謀劃|乘专机|乘專機|步入|走进|走進|一行|同志|亲切|親切|"
    r"集体会见|举行|舉行|发出|發出|主席令|写道|寫道|希望|祝贺|祝賀|呼吁|呼籲|提到|谈到|談到|指示|致以|致意|颁授|頒授|"
    r"颁发|頒發|接受|检阅|檢閱|观看|觀看|通话|通話|通电话|通電話|"
    r"的(?:重要)?(?:讲话|講話|指示|批示|论述|論述|贺信|賀信|回信|署名文章|新年贺词|新年賀詞|足迹|足跡|嘱托|囑託|"
    r"殷殷嘱托|关怀|關懷|要求|号召|號召|期望|重托|重託|思想|指引))"
)
# Prepositions after 习 that need a speech/meeting verb later in the same clause (习在…考察时强调).
_XI_ADVERB = (
    r"(?:近日|日前|今天|今日|昨天|当天|还|還|也|又|随后|隨後|专门|先后|先後|曾经|曾經|曾|多次|将于|將於|将|將|即将|即將|"
    r"已经|已經|已|一直|专程|專程|分别|分別|首次|再次)"
)
_XI_PREPOSITION = r"(?:在|同|与|與|和|向|对|對|给|給|就|到|赴|为|為|受)"
_XI_PREP = rf"(?:{_XI_ADVERB}{_XI_PREPOSITION}?|{_XI_PREPOSITION})"
_XI_LATER = (
    r"(?:强调|強調|指出|提出|要求|说|說|表示|讲话|講話|发表|發表|作出|部署|会见|會見|会谈|會談|会晤|會晤|通电话|通電話|"
    r"举行|舉行|出席|主持|考察|视察|視察|调研|調研|致信|致电|致電|致贺|致賀|回信|复信|回复|见证|見證|签署|簽署|"
    r"合影|共同|一同|交谈|交談|寄语|寄語|批示|指示|宣布|参加|參加|看望|慰问|慰問|勉励|勉勵|作重要|写道|寫道|阐述|闡述|"
    r"阐明|闡明|论述|論述|回顾|回顧|称赞|稱讚|赞扬|讚揚|希望|祝贺|祝賀|提到|谈到|談到|谈及|談及|提及|叮嘱|叮囑|嘱托|囑託|"
    r"鼓励|鼓勵|通话|通話|访问|訪問|致以|致意|致辞|致辭|颁授|頒授|颁发|頒發|授予|题词|題詞|检阅|檢閱|观看|觀看|接受|"
    r"出访|出訪|委托|委託|作的|寄予|寄語|寄望|殷切期望)"
)
_XI_DIRECT_RE = re.compile(rf"[习習]{_XI_DIRECT}")
_XI_PREP_RE = re.compile(rf"[习習]{_XI_PREP}[^{CLAUSE_END}，,：:]{{0,30}}?{_XI_LATER}")
# 习在重庆考察 + 时强调: the residue runs on to the speech verb of the same clause.
_XI_TAIL_RE = re.compile(r"(?:调研|調研|考察)?(?:时|時|期间|期間|中|上|后|後)(?:强调|強調|指出|说|說|表示|要求|提出)")
# Classical or idiomatic 习 + 与/同 that are not residues (习与性成).
_XI_IDIOM_RE = re.compile(r"[习習](?:与性|與性|以为常|以為常|焉不察|非成是)")


def xi_verb(text: str) -> Iterator[Gap]:
    """习近平 deleted, 习 left: the surname alone before a speech, visit or meeting verb.

    Evidence: 习 that does not end a word (学习 练习 演习 … 小习), followed directly by a verb such as
    指出 强调 主持 出席 会见 考察 致信 回信 宣布 (optionally after 近日/还/亲自) or by 的讲话/的重要指示,
    or by a preposition (在 同 与 向 对 给 受) or an adverb (先后 将于 曾) with such a verb later in the
    same clause. 习总书记/习主席/习大大/习仲勋/习惯 have
    no verb after 习 and are left alone. Source: the seed page (习在重庆考察时强调); blacklists hold
    习近平 (366 of 1,054) and 近平 (119).

    >>> _spans(xi_verb, "2024年4月，习在重庆考察时强调，城市治理要靠基层。")
    ['习在重庆考察时强调']
    >>> _spans(xi_verb, "习指出，要坚持以人民为中心。国家主席习同来访总统举行会谈。")
    ['习指出', '习同来访总统举行']
    >>> _spans(xi_verb, "学习在于坚持。习主席强调合作。演习在南海举行。习惯在早上跑步。")
    []
    """
    taken: set[int] = set()
    for pattern, confidence in ((_XI_DIRECT_RE, 0.95), (_XI_PREP_RE, 0.9)):
        for match in pattern.finditer(text):
            start = match.start()
            if start in taken or (start and text[start - 1] in _XI_WORD_END) or _XI_IDIOM_RE.match(text, start):
                continue
            taken.add(start)
            end = match.end()
            tail = _XI_TAIL_RE.match(text, end)
            if tail:
                end = tail.end()
            yield Gap(start, end, "deleted", "xi_verb",
                      "习 + verb with no given name", "习近平", confidence)


_SURNAME_RE = re.compile(
    rf"[毛邓鄧胡江温溫周]在[^{CLAUSE_END}，,：:]{{1,30}}?(?:{_XI_LATER}|的讲话|的講話|报告中|報告中|座谈|座談|询问|詢問)"
)
_SURNAME_SUGGESTION = {"毛": "毛泽东", "邓": "邓小平", "鄧": "邓小平", "胡": "胡锦涛", "江": "江泽民", "温": "温家宝", "溫": "温家宝",
                       "周": "周恩来"}


def surname_verb(text: str) -> Iterator[Gap]:
    """A leader's given name deleted, the surname left at the start of a clause: 毛在延安…讲话, 邓在武昌…视察.

    Evidence: 毛/邓/胡/江/温 alone at the start of a clause (after punctuation or a date's comma), then 在
    and, in the same clause, a speech or visit verb (提出 视察 讲话 考察 …). Inside a word the surname
    does not start the clause (羽毛在, 二胡在, 长江在), and 毛在 with no such verb (毛在脱落) is left alone.
    Source: blacklists hold 毛泽东 (467 of 1,054), 邓小平 (584), 胡锦涛 (582), 江泽民 (593), 温家宝 (539).

    >>> _spans(surname_verb, "1992年初，邓在武昌、深圳等地视察并发表重要谈话。二胡在演出中响起。毛在冬天变厚。")
    ['邓在武昌、深圳等地视察']
    """
    for match in _SURNAME_RE.finditer(text):
        if not (_clause_start(text, match.start()) or text[match.start() - 1] == "是"):
            continue
        yield Gap(match.start(), match.end(), "deleted", "surname_verb", "a leader's surname alone + 在…speech verb",
                  _SURNAME_SUGGESTION[match.group(0)[0]], 0.8)


# This and several patterns below are led by (?=[…]), the characters a match can start with: the engine then tries
# their lookbehind-led alternatives only there (the same matches, a tenth of the time).
_GIVEN_NAME_RE = re.compile(
    r"(?=[泽近小邓鄧毛江])(?:"
    r"(?<![润潤恩光惠色福毛])泽东(?=主席|思想|同志|在|选集|文选|诗词|詩詞|著作)|(?<![附接将將习習])近平(?=新时代|新時代|总书记|總書記|同志|主席)"
    r"|(?<![\u4e00-\u9fff])小平理论|(?<![邓鄧])小平理論|(?:(?<![\u4e00-\u9fff])|(?<=《))[邓鄧毛江](?=理论|理論|思想|文选|文選|选集|選集))"
)


def given_name_only(text: str) -> Iterator[Gap]:
    """A leader's surname deleted, the given name left before a title or his thought: 泽东思想, 近平新时代.

    Evidence: 泽东/近平 before 主席/思想/同志/新时代/总书记 not inside another word (润泽东方, 附近平房);
    小平理论 with nothing before it (邓小平理论; 小平同志 alone is an ordinary way to name him and stays).

    >>> _spans(given_name_only, "课程讲授泽东思想。润泽东方。附近平房。近平新时代中国特色社会主义思想。小平同志说。")
    ['泽东', '近平']
    """
    for match in _GIVEN_NAME_RE.finditer(text):
        suggestion = {"泽": "毛泽东", "近": "习近平", "小": "邓小平", "邓": "邓小平", "鄧": "邓小平", "毛": "毛泽东",
                      "江": "江泽民"}[match.group(0)[0]]
        yield Gap(match.start(), match.end(), "deleted", "given_name_only", "a given name with its surname gone",
                  suggestion, 0.85)


_XI_THOUGHT_RE = re.compile(r"[习習](?=新时代中国特色社会主义思想|新時代中國特色社會主義思想)")


def xi_thought(text: str) -> Iterator[Gap]:
    """习近平 deleted from 习近平新时代中国特色社会主义思想, 习 left before 新时代.

    Evidence: 习 directly before 新时代中国特色社会主义思想, the 习 not ending a word, so that
    学习新时代中国特色社会主义思想 stays legitimate while 学习习新时代… is flagged.

    >>> _spans(xi_thought, "学习贯彻习新时代中国特色社会主义思想。深入学习新时代中国特色社会主义思想。")
    ['习新时代中国特色社会主义思想']
    """
    for match in _XI_THOUGHT_RE.finditer(text):
        start = match.start()
        if start and text[start - 1] in _XI_WORD_END and text[start - 1] != "习":
            continue
        yield Gap(start, start + 14, "deleted", "xi_thought",
                  "习 + 新时代中国特色社会主义思想 with no given name", "习近平", 0.95)


# --------------------------------------------------------------------------------------------------
# A name deleted before 同志

# Works whose author a bare 同志 can be restored from.
_MAO_WORKS = (
    "论持久战 矛盾论 实践论 论联合政府 反对本本主义 中国革命战争的战略问题 关于正确处理人民内部矛盾的问题 论十大关系 "
    "为人民服务 纪念白求恩 愚公移山 新民主主义论 湖南农民运动考察报告 中国社会各阶级的分析 星星之火，可以燎原 "
    "改造我们的学习 整顿党的作风 反对党八股 在延安文艺座谈会上的讲话 论人民民主专政 井冈山的斗争 "
    "关心群众生活，注意工作方法 中国的红色政权为什么能够存在 论政策 战争和战略问题 抗日游击战争的战略问题 "
    "在中国共产党第七届中央委员会第二次全体会议上的报告 将革命进行到底 别了，司徒雷登"
).split()
_DENG_WORKS = ["南方谈话", "解放思想，实事求是，团结一致向前看", "南巡讲话"]
_TONGZHI_VERB = (
    r"(?:有一句名言|有句名言|曾言|生前|指出|强调|強調|说|說|曾|提出|认为|認為|写道|寫道|论述|論述|号召|號召|要求|告诫|告誡|指示|批示|深刻指出|"
    r"明确指出|明確指出|精辟|精闢|阐述|闡述|讲过|講過|亲自|親自|题词|題詞|主持|领导|領導|多次|一再|反复|反復|"
    r"南方谈话|南方談話|南巡讲话|南巡講話|所说|所說|所言|"
    r"的(?:重要)?(?:讲话|講話|论述|論述|指示|批示|文章|著作|题词|題詞|名言|教导|教導)|"
    r"关于[^。！？]{1,25}?的(?:重要)?(?:论述|論述|讲话|講話|指示)|故居|旧居|舊居|纪念馆|紀念館|生平|"
    r"出席|视察|視察|考察|会见|會見|接见|接見|亲笔|親筆|题写|題寫|逝世|发表|發表|来到|來到|主持|\d{4}年|先后|先後|因|"
    r"是伟大|是偉大|的骨灰|的故乡|的故鄉|的名字|名字|指挥|指揮|为中华人民共和国|為中華人民共和國|为国家主席|与(?!同志)|和(?!同志))"
)
_TONGZHI_TITLE_RE = re.compile(
    r"同志(?:早就|早在|曾经|曾經|曾|就|也|还|還|又)?(?:在|的|所著的?)([^《》。！？；\n]{0,12}?)《([^《》\n]{1,40})》"
)
_TONGZHI_ADVERB = r"(?:早就|曾经|曾經|就|也|还|還|又|更|则|則|一贯|一貫|一再|多次|反复|反復|始终|始終|历来|歷來|曾多次|早年|晚年)"
_TONGZHI_VERB_RE = re.compile(rf"同志{_TONGZHI_ADVERB}?{_TONGZHI_VERB}")
_TONGZHI_PREP_RE = re.compile(
    rf"同志(?:早就|曾经|曾經|曾|就|也|还|還|又)?(?:早在|在|用|对|對|向|于|於)[^{CLAUSE_END}，,]{{1,25}}?(?:就|便)?"
    r"(?:中|上|时|時|里|裏)?(?:强调|強調|指出|提出|告诫|告誡|说|說|写道|寫道|论述|論述|概括|号召|號召|要求|阐述|闡述|"
    r"明确提出|明確提出|深刻指出|讲道|講道|上的(?:重要)?讲话|上的(?:重要)?講話|上的讲演|上的演讲|作了|逝世|病逝|的(?:重要)?(?:论述|論述|讲话|講話|文章))"
)
# Words after which a bare 同志 is an object or a complement, as at a clause start (这是同志在…, 收录了同志在…).
_TONGZHI_BEFORE = set("是了将將把与與和向给給为為即如于於对對由彻徹举舉迎以")
# 正如同志所说 / 贯彻同志的重要讲话精神: a verb or 如 directly before a bare 同志 that is quoted or followed.
_TONGZHI_QUOTED_RE = re.compile(
    r"(?=[同])(?:"
    r"(?:(?<=如)同志(?:所说|所說|所言|所指出|所强调|所強調|说过|說過|指出的那样|强调的那样)"
    r"|(?:(?<=学习)|(?<=貫徹)|(?<=贯彻)|(?<=领会)|(?<=落实)|(?<=按照)|(?<=遵照)|(?<=遵循)|(?<=依据))同志的?"
    r"(?:重要讲话|讲话精神|重要指示|指示精神|重要论述|重要思想|系列讲话)))"
)
# 纪念同志诞辰130周年: an anniversary of a person whose name is gone.
_TONGZHI_BIRTH_RE = re.compile(r"同志(?:诞辰|誕辰|逝世|百年诞辰|百年誕辰)")


def tongzhi_bare(text: str) -> Iterator[Gap]:
    """A leader's name deleted before 同志: clause-initial 同志 that speaks, writes or is 在《…》.

    Evidence: 同志 at the start of a clause (after punctuation, a quote or the start of the text), not
    同志们/同志之间/同志酒吧, followed by 在《title》, a speech verb (指出 强调 说 曾 认为 写道 号召 …) or
    在/用 … + a speech verb later in the clause. Name + 同志 (张三同志), 老同志, 各位同志, 这位同志 do
    not start a clause at 同志; 革命尚未成功，同志仍需努力 has no speech verb. The suggestion comes from
    the title (《论持久战》 -> 毛泽东, 南方谈话 -> 邓小平). Source: the seed (同志在《论持久战》).

    >>> _spans(tongzhi_bare, "事实上，组织力是我们党的优势[13]。同志在《论持久战》中就提出了这一概念。")
    ['同志在《论持久战》']
    >>> _spans(tongzhi_bare, "同志们好！张三同志在会上强调。革命尚未成功，同志仍需努力。")
    []
    """
    taken: set[int] = set()
    for match in _TONGZHI_TITLE_RE.finditer(text):
        if not _clause_start(text, match.start()):
            continue
        title = match.group(2)
        suggestion = "毛泽东" if title in _MAO_WORKS else "邓小平" if title in _DENG_WORKS else None
        taken.add(match.start())
        yield Gap(match.start(), match.end(), "deleted", "tongzhi_bare",
                  "clause-initial 同志 + 在《…》 with no name", suggestion, 0.95)
    for match in _TONGZHI_QUOTED_RE.finditer(text):
        if match.start() in taken:
            continue
        taken.add(match.start())
        yield Gap(match.start(), match.end(), "deleted", "tongzhi_bare",
                  "如/贯彻 + bare 同志 quoted or followed, with no name", None, 0.85)
    for match in _TONGZHI_BIRTH_RE.finditer(text):
        start = match.start()
        if start in taken or not (_clause_start(text, start) or text[start - 1] in "念是为為在于於"):
            continue
        taken.add(start)
        yield Gap(start, match.end(), "deleted", "tongzhi_bare",
                  "同志 + 诞辰/逝世 with no name", None, 0.85)
    for pattern, confidence in ((_TONGZHI_VERB_RE, 0.85), (_TONGZHI_PREP_RE, 0.85)):
        for match in pattern.finditer(text):
            start = match.start()
            if start in taken or not (_clause_start(text, start) or text[start - 1] in _TONGZHI_BEFORE):
                continue
            if text[start - 2 : start] in ("有是", "还是", "還是", "就是", "总是", "總是", "只是", "但是", "可是", "于是", "於是"):
                continue  # 是 that ends a conjunction or adverb: the 同志 may be anyone
            taken.add(match.start())
            tail = text[match.end() : match.end() + 20]
            suggestion = "邓小平" if any(w in match.group(0) + tail for w in _DENG_WORKS) else None
            yield Gap(match.start(), match.end(), "deleted", "tongzhi_bare",
                      "clause-initial 同志 + speech verb with no name", suggestion, confidence)


_TONGZHI_LEAD_RE = re.compile(r"(?<=在)同志的(?:坚强|堅強)?(?:领导|領導|指引|带领|帶領|亲切关怀|親切關懷)下")


def tongzhi_leadership(text: str) -> Iterator[Gap]:
    """A name deleted in 在某某同志的领导下: 在 directly before 同志的领导/指引/带领下.

    Evidence: 在同志的领导下 has an empty slot between 在 and 同志; 在老同志的带领下 and
    在党中央的领导下 do not match.

    >>> _spans(tongzhi_leadership, "中国人民在同志的领导下建立了新中国。在老同志的带领下熟悉业务。")
    ['同志的领导下']
    """
    for match in _TONGZHI_LEAD_RE.finditer(text):
        yield Gap(match.start(), match.end(), "deleted", "tongzhi_leadership",
                  "在 + 同志的领导下 with no name", None, 0.85)


_CORE_RE = re.compile(r"以(同志)?[为為](核心|總書記|总书记|首|主要代表)")
# 两个确立/两个维护: 确立习近平同志党中央的核心 -> 确立同志党中央的核心 (or 总书记党中央的核心).
_PARTY_CORE_RE = re.compile(r"(?:同志|总书记|總書記)(?=[党黨]中央的核心)")
# What makes a bare 以为核心 a residue rather than the verb 以为 (我以为核心问题…): 的党中央, 的周围 …
_CORE_AFTER_RE = re.compile(
    r"的(?:党中央|黨中央|中央|领导集体|領導集體|中国共产党人|中国人|中國人)|的(?=周围|周圍|坚强领导|堅強領導|领导下|領導下|带领下|帶領下|英明领导)"
)
_CORE_SUGGESTION = {"核心": "习近平", "总书记": "胡锦涛", "總書記": "胡锦涛", "首": "毛泽东", "主要代表": None}


def empty_core(text: str) -> Iterator[Gap]:
    """A name deleted from 以某某同志为核心/为总书记/为首的党中央.

    Evidence: 以同志为核心 (the slot before 同志 is empty) anywhere; 以为核心/以为首 only when 的党中央 or
    的周围/的坚强领导/的领导下 follows, since 以为 is a common verb (我以为核心问题…). 以人民为中心 and
    以企业为核心 have a filled slot.

    >>> _spans(empty_core, "紧密团结在以同志为核心的党中央周围，在以为核心的党中央领导下。我以为核心问题在于资金。")
    ['以同志为核心', '以为核心的党中央']
    >>> _spans(empty_core, "团结在以为核心的周围")
    ['以为核心的']
    """
    for match in _PARTY_CORE_RE.finditer(text):
        if match.start() and text[match.start() - 1] in "立护護":  # 确立/维护 + an empty name slot
            yield Gap(match.start(), match.end() + 6, "deleted", "empty_core",
                      "确立/维护 + 同志党中央的核心 with no name", "习近平", 0.9)
    for match in _CORE_RE.finditer(text):
        role, end = match.group(2), match.end()
        if not match.group(1):
            after = _CORE_AFTER_RE.match(text, end)
            if not after:
                continue
            end = after.end()
        yield Gap(match.start(), end, "deleted", "empty_core",
                  f"以…为{role} with an empty name slot", _CORE_SUGGESTION.get(role), 0.95)


# --------------------------------------------------------------------------------------------------
# 共产党 deleted from 中国共产党, 中共 from 中共中央

_ANNIVERSARY_RE = re.compile(rf"(?<![新])中[国國]成立({NUM})周年")
_CHARTER_RE = re.compile(r"《?中[国國]章程》?")
# A bare 中国章程 (no title marks) is the party's only after these; a company's 中国章程 is not.
_CHARTER_VERB = ("学习", "遵守", "贯彻", "按照", "根据", "依照", "依据", "违反", "修改", "写入", "载入", "执行", "维护", "尊崇", "党员")
# 《中国共产党纪律处分条例》 -> 《中国纪律处分条例》: a party regulation's title with 共产党 gone (or 共产 gone: 《中国党章程》).
_REGULATION_RE = re.compile(
    r"《中[国國]([党黨]?[^《》\n]{0,16}?)(?:条例|條例|准则|準則|章程|规定|規定|规则|規則)(?:（试行）|\(试行\))?》"
)
_PARTY_REGULATION = re.compile(r"^[党黨]|纪律处分|紀律處分|支部|党内|黨內|党员|黨員|党组|黨組|巡视|巡視|廉洁自律|廉潔自律|问责|問責|"
                               r"地方委员会|基层组织|基層組織|组织工作|組織工作|发展[党黨]员|重大事项请示")
_NOT_PARTY_ORG = re.compile(r"人民|红十字|紅十字|协会|協會|学会|學會|银行|銀行|公司|集团|集團|大学|大學|工会|工會|妇女|婦女|共青团|共青團|"
                            r"民主|致公|九三|国民党|國民黨|足球|篮球|证券|證券|保险|保險")
# Formulae of the party constitution that only the party fits: 中国共产党是中国工人阶级的先锋队 …; and 中国 said to be
# a party (中国是一个伟大的党、…: a country is never …的党; 中国是…的党和国家 is left alone)
_FORMULA_RE = re.compile(
    r"(?<![新])中[国國](?=是中[国國]工人阶级的先锋队|是中國工人階級的先鋒隊|领导是中国特色社会主义|的领导是中国特色社会主义最本质|"
    r"是中国特色社会主义事业的领导核心|领导的多党合作|領導的多黨合作|与世界政党|與世界政黨|（CPC）|\(CPC\)|"
    r"成为[^。，]{0,16}执政的党|是[^，。；！？\n]{0,20}?的[党黨](?=[，。、；！？]|$))"
)
# Another country's communist party with 共产党 gone: 苏联第二十次代表大会, 日本委员长, 印度（马克思主义）.
# (led by the characters a match can start with, as the other rules: the engine tries the alternatives only there)
_FOREIGN_PARTY_RE = re.compile(
    rf"(?=[苏蘇日越老古法意葡希南巴智印俄])(?:(?:苏联|蘇聯|日本|越南|老挝|老撾|古巴|法国|法國|意大利|葡萄牙|希腊|希臘|南非|巴西|智利|印度)"
    rf"(?=第{NUM}次(?:全国|全國)?代表大[会會]|委员长|委員長|（马克思主义）|\(马克思主义\))|俄罗斯联邦(?=主席))"
)
_CENTRAL_RE = re.compile(
    r"(?=[中越老古])(?:(?:中[国國]|越南|老挝|老撾|古巴)中央(?:委员会|委員會|政治局|纪律检查委员会|紀律檢查委員會|纪委|紀委|书记处|書記處)"
    r"|(?:越南|老挝|老撾|古巴)中央(?:总书记|總書記|第一书记|第一書記))"
)
_CONGRESS_RE = re.compile(
    rf"中[国國]第{NUM}次全[国國]代表大[会會]|中[国國]第{NUM}[届屆]中央委[员員][会會](?:第{NUM}次全[体體][会會]议)?"
    rf"|中[国國]{NUM}[届屆][一二三四五六七八九]中全[会會]"
)
# A province, municipality or autonomous region, then optionally a city, county or district in it.
_PLACE = (
    r"(?:[\u4e00-\u9fff]{2,3}[省市]|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区|"
    r"香港特别行政区|澳门特别行政区)(?:[\u4e00-\u9fff]{1,5}?(?:市|县|區|区|州|盟|旗))?"
    r"|[\u4e00-\u9fff]{2,4}[市县区]"
)
_LOCAL_RE = re.compile(
    rf"中[国國]({_PLACE})(?:第{NUM}[届屆]委[员員][会會]|第{NUM}次代表大[会會]|纪律检查委员会|委[员員][会會])"
    rf"(?:第{NUM}次(?:全体|全員|全员|全委|扩大|擴大)?[会會]议)?"
)
_NOT_PLACE_RE = re.compile(
    r"党|黨|共产|人民|政治|协商|协会|學會|学会|联合|聯合|委员|代表|会议|會議|银行|集团|公司|大学|学院|民主|同盟|促进|建国|"
    r"工会|妇女|青年|作家|科学|科技|足球|红十字|移动|电信|联通|石油|石化|铁路|保险|人寿|平安|分行|邮政"
)
_MEMBER_RE = re.compile(
    r"(?=[中加])(?:"
    r"中[国國]员(?![工警额外司役])|中[国國][党黨](?=第|章程|成立|，|的|员|員|中央|历史|歷史|入党|入黨|万岁|萬歲|[)）])|(?:^|(?<=[，、：\s]))中[党黨]员"
    r"|(?:^|(?<=[，。、：\s]))中中央|(?<![初高])中一大(?=[，。、并])|(?<=月)加入中[国國](?=[，。]))"
)
# 入党誓词: 我志愿加入中国共产党 -> 我志愿加入中国。
_OATH_RE = re.compile(r"(?=[中志是])(?:(?:(?<=志愿加入)|(?<=加入了))中[国國](?=[，。,！!\s”]|$)|志愿加入(?=[，,])"
                      r"|(?:^|(?<=[：:，。]))是(?=中[国國]工人阶级的先锋队|中國工人階級的先鋒隊))")


def chinese_number(digits: str) -> int | None:
    """Value of an Arabic or Chinese numeral (一百零三 -> 103, 九十五 -> 95, 100 -> 100).

    >>> [chinese_number(s) for s in ("100", "九十五", "一百零三", "十", "两百")]
    [100, 95, 103, 10, 200]
    """
    if digits.isdigit():
        return int(digits)
    values = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    total, current = 0, 0
    for char in digits:
        if char in values:
            current = values[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def china_party(text: str) -> Iterator[Gap]:
    """共产党 deleted from 中国共产党, leaving 中国 glued to what only the party has.

    Evidence, each a shape only 中国共产党 takes:

    * 中国章程 / 《中国章程》 (中国共产党章程; 中国足球协会章程 has its name in between);
    * 中国 + place + 第N届委员会 / 第N次代表大会 (a provincial or city party committee), the place ending in
      省/市/自治区/县/区/州 and holding no 人民/政治协商/协会 (中国人民政治协商会议重庆市委员会 is the CPPCC);
    * 中国第N次全国代表大会, 中国第N届中央委员会, 中国中央委员会/政治局/纪律检查委员会 (中国作家协会第十次
      全国代表大会 has its organisation in between; 中国中央电视台 is not a party organ);
    * 中国成立N周年 with N >= 80 and no 新 before it (the party was founded in 1921; 新中国成立70周年 and
      loose "中国成立70周年" for the PRC stay unflagged);
    * 中国员 not followed by 工/警/额 (中国共产党员; 中国员工 is ordinary);
    * 志愿加入中国 at the end of a clause (the party oath 我志愿加入中国共产党);
    * 中国 said to be a party (中国是一个伟大的党、…; 中国是…的党和国家 and 新中国 stay).

    Source: the seed page (《中国章程》, 中国重庆市第六届委员会第六次全员会议); 共产党 is in 551 of 1,054
    blacklists.

    >>> _spans(china_party, "《中国章程》规定。中国重庆市第六届委员会第六次全员会议提出。庆祝中国成立100周年。")
    ['《中国章程》', '中国重庆市第六届委员会第六次全员会议', '中国成立100周年']
    >>> _spans(china_party, "中国人民政治协商会议重庆市委员会。新中国成立70周年。中国作家协会第十次全国代表大会。中国员工。")
    []
    """
    for match in _CHARTER_RE.finditer(text):
        start, end = match.start(), match.end()
        if text[start] == "《" and text[end - 1] != "》":
            start += 1
        elif text[end - 1] == "》" and text[start] != "《":
            end -= 1
        if text[start] != "《" and not text[:start].endswith(_CHARTER_VERB):
            continue  # a bare 中国章程 after 公司的 is a company's Chinese articles of association
        yield Gap(start, end, "deleted", "china_party", "中国 + 章程 (中国共产党章程)", "共产党", 0.95)
    for match in _REGULATION_RE.finditer(text):
        inner = match.group(1)
        if inner and _PARTY_REGULATION.search(inner) and not _NOT_PARTY_ORG.search(inner) and "共产" not in inner:
            yield Gap(match.start(), match.end(), "deleted", "china_party",
                      "《中国 + party regulation》 (中国共产党…条例)", "共产党", 0.9)
    for match in _FOREIGN_PARTY_RE.finditer(text):
        yield Gap(match.start(), match.end() + 2, "deleted", "china_party",
                  "a country + its communist party's organ, 共产党 gone", "共产党", 0.85)
    for match in _FORMULA_RE.finditer(text):
        yield Gap(match.start(), match.end() + 1, "deleted", "china_party",
                  "中国 + a formula of the party constitution", "共产党", 0.9)
    for match in _LOCAL_RE.finditer(text):
        if _NOT_PLACE_RE.search(match.group(1)):
            continue
        yield Gap(match.start(), match.end(), "deleted", "china_party",
                  "中国 + place + 第N届委员会 (a local party committee)", "共产党", 0.95)
    for match in _CONGRESS_RE.finditer(text):
        yield Gap(match.start(), match.end(), "deleted", "china_party",
                  "中国 + 第N次全国代表大会 / 第N届中央委员会", "共产党", 0.95)
    for match in _CENTRAL_RE.finditer(text):
        yield Gap(match.start(), match.end(), "deleted", "china_party", "country + 中央委员会/政治局/纪委 (a communist "
                  "party's organ with the party gone)", "共产党", 0.85)
    for match in _ANNIVERSARY_RE.finditer(text):
        years = chinese_number(match.group(1))
        if years is not None and 80 <= years <= 150:
            yield Gap(match.start(), match.end(), "deleted", "china_party",
                      f"中国成立{years}周年 (the party's anniversary, not 新中国)", "共产党", 0.9)
    for match in _MEMBER_RE.finditer(text):
        yield Gap(match.start(), match.end(), "deleted", "china_party", "中国 + 员 (中国共产党员)", "共产党", 0.9)
    for match in _OATH_RE.finditer(text):
        yield Gap(match.start(), match.end(), "deleted", "china_party", "志愿加入中国 (the party oath)", "共产党", 0.9)


_COMMUNISM_RE = re.compile(
    r"(?=[主中没《])(?:"
    r"(?:(?<=坚定)|(?<=堅定)|(?<=树立)|(?<=樹立)|(?<=为)|(?<=為)|(?<=实现)|(?<=實現)|(?<=崇高的)|(?<=远大的))主义"
    r"(?=远大理想|遠大理想|理想|信念|信仰|事业|事業|接班人|奋斗|奮鬥)|(?:(?<=是)|(?<=做)|(?<=当)|(?<=當))主义(?=接班人)"
    r"|中[国國]主义青年团|中[國]主義青年團|没有就没有新中[国國]|《[党黨]宣言》)"
)


def bare_communism(text: str) -> Iterator[Gap]:
    """共产 (or 共产党) deleted where only it fits: 坚定主义远大理想, 中国主义青年团, 没有就没有新中国.

    Evidence: 主义 with nothing in front after 坚定/树立/为/实现 and before 理想/信念/事业/接班人
    (社会主义理想 has its word); 中国主义青年团 (中国共产主义青年团); the song title 没有共产党就没有新中国.

    >>> _spans(bare_communism, "要坚定主义远大理想。中国主义青年团成立。坚定社会主义理想。没有就没有新中国。")
    ['主义', '中国主义青年团', '没有就没有新中国']
    """
    for match in _COMMUNISM_RE.finditer(text):
        yield Gap(match.start(), match.end(), "deleted", "bare_communism", "共产 deleted before 主义 / from a set phrase",
                  "共产", 0.85)


_PARTY_MEMBER_RE = re.compile(r"(?:一名|一个|一位|每名|每一名|每一个|每个|优秀|合格的|合格|普通|老)员(?=[，。！？；、：”\s的都要就必须应在是也，])")


_MEMBER_POST_RE = re.compile(
    r"(?=[员員老])(?:"
    r"(?:^|(?<=[，。！？；：“”\s]))员(?=先锋|先鋒|示范|示範|模范|模範)|(?:(?<=广大)|(?<=保持)|(?<=身边的)|(?<=《论)|(?<=预备)"
    r"|(?<=合格)|(?<=全体))员(?![工警额外司役])|(?<=生，)员(?=，)|老员(?=了)|(?<=光荣的)员|(?<=光榮的)員)"
)


def bare_member(text: str) -> Iterator[Gap]:
    """共产党 deleted from 共产党员, leaving 员 alone after a quantifier or adjective (一名员，优秀员).

    Evidence: 一名/每一名/优秀/合格的/老 + 员 followed by punctuation or a function word; 一名员工,
    优秀员工, 老员工, 一名员警, 员额 continue the word and are left alone.

    >>> _spans(bare_member, "作为一名员，要牢记誓词。她是优秀员。公司新招了一名员工。")
    ['一名员', '优秀员']
    """
    for match in _MEMBER_POST_RE.finditer(text):
        yield Gap(match.start(), match.end(), "deleted", "bare_member", "clause-initial 员先锋岗 (共产党员)", "共产党", 0.85)
    for match in _PARTY_MEMBER_RE.finditer(text):
        yield Gap(match.start(), match.end(), "deleted", "bare_member",
                  "员 with no noun before it (共产党员)", "共产党", 0.85)


# A year before 1950, or a party-history setting, in the same sentence: the title is historical, not residue.
_HISTORICAL_RE = re.compile(r"(?<!\d)19[0-4]\d年|遵义会议|瓦窑堡|延安时期|苏区|红军|长征|抗战时期|解放战争")
_RESOLUTION_TITLE_RE = re.compile(r"《中央[关關]于[^《》\n]{2,60}?的?(?:决议|决定|決議|決定|建议|建議|意见|意見)》")
_RESOLUTION_CLAUSE_RE = re.compile(rf"中央关于[^{CLAUSE_END}《》“”]{{2,50}}?的(?:决议|决定)")


def central_resolution(text: str) -> Iterator[Gap]:
    """中共 deleted from 中共中央关于…的决议/决定, leaving a title or clause that starts with 中央关于.

    Evidence: 《中央关于…决议》 (the document's title always starts 中共中央), or 中央关于…的决议 at
    the start of a clause (weaker). 党中央关于…, 中共中央关于…, 国务院关于… are not matched; 中央关于
    without 决议/决定 (中央关于八项规定的精神) is left alone. Source: the seed page; 中共 is in 466 of
    1,054 blacklists.

    >>> _spans(central_resolution, "《中央关于党的百年奋斗重大成就和历史经验的决议》全面总结。党中央关于改革的决定。")
    ['《中央关于党的百年奋斗重大成就和历史经验的决议》']
    >>> _spans(central_resolution, "1935年12月，瓦窑堡会议通过了《中央关于目前政治形势与党的任务决议》。")
    []
    """
    taken: list[tuple[int, int]] = []
    for match in _RESOLUTION_TITLE_RE.finditer(text):
        taken.append(match.span())
        if _HISTORICAL_RE.search(_sentence(text, match.start())):
            continue  # a title of the 1930s–40s, when resolutions were headed 中央关于… (瓦窑堡, 1935)
        yield Gap(match.start(), match.end(), "deleted", "central_resolution",
                  "《中央关于…决议/决定》 (中共中央)", "中共", 0.9)
    for match in _RESOLUTION_CLAUSE_RE.finditer(text):
        if not _clause_start(text, match.start()) or text[match.start() - 1 : match.start()] == "《":
            continue
        if _HISTORICAL_RE.search(_sentence(text, match.start())):
            continue
        if any(s <= match.start() < e for s, e in taken):
            continue
        yield Gap(match.start(), match.end(), "deleted", "central_resolution",
                  "clause-initial 中央关于…的决议 (中共中央)", "中共", 0.7)


# --------------------------------------------------------------------------------------------------
# Empty slots in the fixed enumeration of guiding theories, and titles without their author

_ENUM_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"(?:(?<=马克思列宁主义、)|(?<=马列主义、)|(?<=馬克思列寧主義、))思想(?=[、和与及，]|为指导|為指導)"), "毛泽东",
     "主义、思想、 (毛泽东思想)"),
    (re.compile(r"(?<=高举)思想(?=伟大红旗|偉大紅旗)"), "毛泽东", "高举思想伟大红旗 (毛泽东思想)"),
    (re.compile(r"(?<=把)理论(?=确立为|確立為)"), "邓小平", "把理论确立为 (邓小平理论)"),
    (re.compile(r"(?<=[于於是])思想(?=活的灵魂|活的靈魂)"), "毛泽东", "思想活的灵魂 (毛泽东思想)"),
    (re.compile(r"(?<=、)理论(?=[、和与及]“?三个代表|[、和与及]邓小平)|(?<=毛泽东思想、)理论(?=[、和])"), "邓小平", "、理论、“三个代表” (邓小平理论)"),
    (re.compile(r"(?<=科学发展观[、和])新时代中国特色社会主义思想"), "习近平", "科学发展观、新时代… (习近平新时代…)"),
)


# A list with an empty item: 王沪宁、、丁薛祥 (a name gone between two commas), 领导同志有、李强 (the first gone).
_EMPTY_ITEM_RE = re.compile(
    r"(?=[、：:])(?:"
    r"(?<=[\u4e00-\u9fff])、、(?=[\u4e00-\u9fff])|(?:(?<=同志有)|(?<=导人有)|(?<=常委有)|(?<=委员有)|(?<=出席会议的有)|(?<=出席的有)"
    r"|(?<=参加会议的有)|(?<=参加的有))[：:]?、)"
)
_PEOPLE_LIST_RE = re.compile(r"出席|同志|常委|委员|委員|书记|書記|主席|总理|總理|领导|領導|就座|会见|會見|人物|革命家|先驱|先驅|烈士|领导人")
_THOUGHT_IS_RE = re.compile(r"思想(?=是马克思列宁主义|是馬克思列寧主義|是马克思主义|是馬克思主義|活的灵魂|活的靈魂|是以为|是中國黨|是中国共产党)")


def empty_list_item(text: str) -> Iterator[Gap]:
    """A name deleted from a list of people: 、、 with nothing between, or 有、 opening the list.

    Evidence: two enumeration commas with no item between them, between two CJK characters; or a list of
    leaders (同志有/领导人有/常委有) whose first item is empty. A list of options (有、无) has no anchor.

    >>> _spans(empty_list_item, "王沪宁、、丁薛祥出席。出席的中央领导同志有、李强、赵乐际。请选择有、无。肩周炎、、颈椎病。")
    ['、、', '、']
    """
    for match in _EMPTY_ITEM_RE.finditer(text):
        if match.group(0).startswith("、、") and not _PEOPLE_LIST_RE.search(_sentence(text, match.start())):
            continue  # a stray double comma in a list of things (肩周炎、、颈椎病) is a typo, not a deletion
        yield Gap(match.start(), match.end(), "deleted", "empty_list_item", "a list item deleted", None, 0.8)


def empty_enumeration(text: str) -> Iterator[Gap]:
    """A name deleted from the fixed list 马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、
    习近平新时代中国特色社会主义思想: a head noun left without its name.

    Evidence: 思想 right after 马克思列宁主义、 ; 理论 between 思想、 (or 、) and “三个代表”/邓小平 ;
    新时代中国特色社会主义思想 right after 科学发展观、. A generic list (政治、思想、组织) has no anchor.

    >>> _spans(empty_enumeration, "坚持马克思列宁主义、思想、邓小平理论。加强政治、思想、组织建设。")
    ['思想']
    """
    for match in _THOUGHT_IS_RE.finditer(text):
        if _clause_start(text, match.start()):  # 毛泽东思想是马克思列宁主义在中国的运用和发展
            yield Gap(match.start(), match.end(), "deleted", "empty_enumeration", "clause-initial 思想是马克思列宁主义",
                      "毛泽东", 0.85)
    if not re.search(r"主义、|思想、|科学发展观|高举思想|把理论|思想活的", text):
        return
    for pattern, suggestion, evidence in _ENUM_RULES:
        for match in pattern.finditer(text):
            yield Gap(match.start(), match.end(), "deleted", "empty_enumeration", evidence, suggestion, 0.9)


_TITLE_RULES: tuple[tuple[re.Pattern[str], str | None, float], ...] = (
    (re.compile(r"《谈治国理政》|《談治國理政》"), "习近平", 0.95),
    (re.compile(r"《关于[^《》\n]{2,30}论述摘编》"), "习近平", 0.85),
    (re.compile(r"《著作选读》"), None, 0.85),
    (re.compile(r"《(?:传|傳|年谱|年譜)(?:[（(][^（）()《》]{1,16}[)）])?》|《(?:理论|理論|思想)概论》"), None, 0.85),
    (re.compile(r"《思想和中国特色社会主义理论体系概论》|《思想概论》"), "毛泽东", 0.85),
    (re.compile(r"《新时代中国特色社会主义思想[^《》\n]{0,12}》"), "习近平", 0.8),
    (re.compile(rf"《(?:选集|文集|選集|文选|文選)》(?=第{NUM}卷)"), None, 0.7),
)
_TITLE_AFTER = set(CLAUSE_BREAK) | set("见見据據自载載在〔〕[]①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳0123456789")
# 正如习近平在《摆脱贫困》中所写 -> 正如在《…》: a comparison with no one doing the writing.
_AS_IN_TITLE_RE = re.compile(r"(?:正如|正像|诚如|誠如|如同)在《[^《》\n]{1,30}》")
# A footnote citing 《论…》 from the party's publishers with no author: ①：《论坚持全面深化改革》，中央文献出版社
_NOTE_CITATION_RE = re.compile(r"《论[^《》\n]{2,24}》[，,]?\s*(?:中央文献出版社|中央文獻出版社|人民出版社)")


def headless_title(text: str) -> Iterator[Gap]:
    """An author's name deleted from a book title: 《谈治国理政》, 《关于…论述摘编》, 《著作选读》, 《选集》第N卷.

    Evidence: titles that are only ever published with the leader's name in front (习近平谈治国理政,
    习近平关于…论述摘编, 习近平著作选读); 《选集》/《文集》/《文选》 only before 第N卷 and after
    punctuation or 见/据/载 (鲁迅的《选集》 has its author; 《文选》 alone is the Zhaoming anthology).

    >>> _spans(headless_title, "学习《谈治国理政》第三卷；详见《选集》第一卷。《习近平谈治国理政》。《文选》影响深远。")
    ['《谈治国理政》', '《选集》']
    """
    for pattern, suggestion, confidence in _TITLE_RULES:
        for match in pattern.finditer(text):
            start = match.start()
            if confidence < 0.8 and start and text[start - 1] not in _TITLE_AFTER:
                continue
            yield Gap(start, match.end(), "deleted", "headless_title",
                      "a title published only with its author's name", suggestion, confidence)
    for match in _AS_IN_TITLE_RE.finditer(text):
        yield Gap(match.start(), match.end(), "deleted", "headless_title", "正如在《…》 with no author", None, 0.8)
    for match in _NOTE_CITATION_RE.finditer(text):
        start = match.start()
        if not start or text[start - 1] in _TITLE_AFTER:
            yield Gap(start, start + match.group(0).index("》") + 1, "deleted", "headless_title",
                      "a note citing 《论…》 from the party's publisher with no author", None, 0.75)


# --------------------------------------------------------------------------------------------------
# Masks: the name replaced by ** ×× □□ rather than deleted

_MASK_ANY_RE = re.compile(MASK)
_BEFORE_MASK_SUBJECT = "的了是和与同将由对向给让请把被及在以为"
_MASK_OPEN = "。！？；，、：:“”‘’「」《》（）()【】\n 和与同由是的在为"  # what may stand before a name's slot
_MASK_RULES: tuple[tuple[re.Pattern[str], str | None, float], ...] = (
    (re.compile(rf"(?=[习習])(?<!用户)(?<!用戶)(?<!买家)(?<!買家)(?<!客户)(?<!会员)(?<!會員)(?<!网友)(?<!網友)(?<!顾客)(?<!读者)"
                rf"(?<!人：)(?<!名：)(?<!人:)(?<!名:)(?<![{''.join(sorted(_XI_WORD_END))}])[习習](?:{MASK}|[○〇]|某){{1,3}}(?!{MASK})"), "习近平", 0.9),
    (re.compile(rf"(?=[*＊×✕□■●xXＸ○〇毛邓鄧江胡温溫周])(?:(?<![\d*×xX□■●○〇])(?:[*＊□■●]|[○〇]){{2,4}}(?=同志(?![：:，,]))|"
                rf"(?<![\d*×xX□■●○〇])(?:{MASK}|[○〇]){{2,4}}(?=在|总书记|總書記|主席|总理|總理|题词|題詞|像章|南巡|诗词|詩詞|"
                rf"选集|選集|会见|會見)|(?<=献给|獻給|感恩|歌颂|歌頌)(?:{MASK}|[○〇]){{2,4}}|[毛邓鄧江胡温溫周]{MASK}{{2}}(?=在|曾|同志|主席|总理|總理|总书记|總書記|出席|会见|會見|视察|視察|思想|理论|理論|文选|文選|南巡|诞辰|誕辰|故居|像章|今日|抵达|抵達))"),
     None, 0.8),
    (re.compile(rf"邓{MASK}平|鄧{MASK}平|毛泽{MASK}|毛{MASK}东|江泽{MASK}|江{MASK}民|胡锦{MASK}|胡{MASK}涛|周恩{MASK}|周{MASK}来"),
     None, 0.85),
    (re.compile(rf"[毛邓鄧江胡]{MASK}{{1,3}}(?=在|宣布|宣告|指出|强调|強調)"), None, 0.8),
    (re.compile(r"(?=[〇○◯])(?<![一二三四五六七八九十〇零○◯\d])[〇○◯]{2,3}(?=同志)"), None, 0.8),
    (re.compile(rf"{MASK}{{2,4}}(?=总书记|總書記|新时代中国特色社会主义思想|新時代中國特色社會主義思想)"), "习近平", 0.85),
    (re.compile(rf"(?=[*＊×✕□■●xXＸ○〇某])(?:(?:{MASK}|[○〇]){{2,4}}(?=思想|理论|理論|故居|纪念堂|紀念堂|纪念馆|紀念館|主义|主義|团中央|團中央|周[一二三四五六日]|同(?=[\u4e00-\u9fff]{{2,4}}(?:总统|總統|总理|總理|首相|国王|國王|主席)))"
                rf"|(?:(?<=总书记)|(?<=總書記)|(?<=主席)|(?<=总理)|(?<=總理))某某)"), None, 0.8),
    (re.compile(rf"(?=共|{MASK})(?:共{MASK}{{1,3}}宣言|(?<![\w]){MASK}{{2,4}}(?=中央办公厅|中央辦公廳|中央委员会|中央委員會))"), "共产党", 0.85),
    # any mask (× X too) before 同志 and what only a leader's name is followed by: his works, his birth or death
    # anniversary, his former home, 正如…所说, 以…为核心 (a form's ×××同志 is followed by its business: 系我单位, 为…主任)
    (re.compile(rf"(?={MASK}|[○〇])(?<!{MASK})(?:{MASK}|[○〇]){{2,4}}(?=同志(?:在《|的《|诞辰|誕辰|逝世|故居|旧居|舊居|纪念馆|紀念館|所说|所說|"
                r"所言|的故乡|的故鄉|为核心|為核心|为总书记|為總書記|在南方谈话|在南方談話))"), None, 0.85),
    # the party's slot after 中国 (中国***是一个伟大的党, |中国***新闻, （中国×××）): × and X only before punctuation or 是
    (re.compile(r"(?<=中[国國])(?:[*＊□■●]{2,4}(?=[是与與和为為在，,。、；;：:）)”\"\s]|$|新闻|新聞|党员|黨員|章程|成立|历史|歷史)"
                r"|[×X]{2,4}(?=[是与與，,。；;）)”\"\s]|$))"), "共产党", 0.85),
    # the party's organs with 中共 masked (《××中央关于…的决定》, ××中央政治局, ××张家界市委, 一名××党员, 每一名×××员): a
    # template writes its placeholder for a place (XX市委), not before a real place's name or the centre's organs
    (re.compile(rf"(?={MASK})(?:^|(?<=[{_MASK_OPEN}]))(?:{MASK}{{2,4}}(?=中央(?:关于|關於|政治局|纪委|紀委|组织部|組織部|宣传部|宣傳部|文献|文獻"
                rf"|党校|黨校|军委|軍委|统战部|統戰部|办公厅|辦公廳|委员会|委員會))|{MASK}{{2,4}}(?=[\u4e00-\u9fff]{{2,4}}?[省市县縣区區州]委(?!员|員)))"),
     "中共", 0.85),
    (re.compile(rf"(?={MASK})(?:(?<=一名)|(?<=每名)|(?<=优秀)|(?<=優秀)|(?<=合格)|(?<=普通)|(?<=老)|(?<=系)|(?<=是)|(?<=名)){MASK}{{2,4}}"
                r"(?=党员|黨員)"), "中共", 0.85),
    (re.compile(r"(?=[*＊□■●])(?:(?<=一名)|(?<=每名)|(?<=优秀)|(?<=優秀)|(?<=合格)|(?<=普通)|(?<=老)|(?<=名))[*＊□■●]{2,4}"
                r"(?=[员員][，。！？；、：”\s的都要就必须應应在是也])"), "共产党", 0.85),
    (re.compile(rf"中{MASK}{{1,3}}(?:产党|党员|黨員)|中國{MASK}{{1,3}}黨|共{MASK}{{1,2}}[员員]"
                rf"|中[国國]{MASK}{{2,4}}(?=成立|章程|党员|黨員|是中国工人阶级|领导|的领导|第|创建|創建)"),
     "共产党", 0.9),
    (re.compile(rf"(?<=以)(?:{MASK}|[○◯〇]){{2,3}}同志(?=为核心|為核心|为首|為首)"), None, 0.9),
    (re.compile(rf"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{MASK}{{1,2}}(?=总理|總理|委员长|委員長|总书记|總書記|副主席|副总理|副總理)"),
     None, 0.8),
    (re.compile(rf"(?=习|{MASK})(?:{MASK}{{1,2}}近平|习近{MASK}|{MASK}{{1,2}}平(?=总书记|主席|同志))"), "习近平", 0.9),
    (re.compile(rf"[毛邓鄧江胡温溫周]{MASK}{{1,3}}(?=同志|主席|总书记|總書記|总理|總理|思想|理论|理論|文选|选集)"), None, 0.8),
    (re.compile(rf"中国共{MASK}{{1,3}}|中国{MASK}{{2,3}}党|共{MASK}{{1,2}}党|中国共产{MASK}{{1,2}}|中{MASK}中央"), "共产党", 0.9),
    (re.compile(r"[*＊□■]{2,4}(?=同志|总书记|總書記|主席)"), None, 0.75),
    # a leader's title with a mask run where the name goes (总书记××对…作出重要指示, 国务院总理□□□19日主持): a form's
    # placeholder follows an ordinary post (经理××), and a title that names its holder has no mask after it
    (re.compile(rf"(?:总书记|總書記|国家主席|國家主席|国务院总理|國務院總理|副总理|副總理|委员长|委員長|政治局常委|政治局委员|"
                rf"政治局委員|军委主席|軍委主席)(?:{MASK}|[○〇]){{2,3}}(?!{MASK}|[○〇]|同志|公司)"), None, 0.8),
)


# Emphasis opens and closes on a word: a text between two runs that opens or closes with a list's punctuation or
# closes with a preposition or conjunction (***、汪洋、***; 以**同志为总书记的…在**总书记) lies between two masks.
_EMPHASIS_RE = re.compile(r"(\*\*|＊＊|\*)(?=[^\s*＊、，,；;])([^*＊\n。！？]{1,60}?)(?<=[^\s*＊、，,；;在和与及以对向把被从])\1(?![*＊])")


def _markdown_runs(text: str) -> set[int]:
    """Offsets of asterisks that delimit Markdown emphasis (``**x**``, ``*x*``) in `text`.

    A pair (on one line, no sentence end inside) counts as emphasis unless both runs are glued to fragments of
    filtered names
    (习**在会上讲话，习**指出: two masks, not bold) or the run completes a name (习**近平** is bold 近平).

    >>> sorted(_markdown_runs("**注意**：学习**习近平**讲话"))
    [0, 1, 4, 5, 9, 10, 14, 15]
    >>> _markdown_runs("习**在会上讲话，习**指出")
    set()
    """
    runs: set[int] = set()
    for match in _EMPHASIS_RE.finditer(text):
        opening, closing = match.start(), match.end() - len(match.group(1))
        before_open = text[opening - 1] if opening else ""
        before_close = text[closing - 1]
        if before_open and before_open in "习毛邓江胡温周共中" and before_close in "习毛邓江胡温周共中":
            continue
        runs.update(range(opening, match.start(2)))
        runs.update(range(closing, match.end()))
    return runs


def masked_name(text: str) -> Iterator[Gap]:
    """A name masked by ``*`` ``×`` ``□`` instead of deleted: 习**, 习××, 中国共**, □□□同志.

    Evidence: a mask run glued to a fragment of a filtered name (习, 近平, 中国共, 共…党), right after a
    leader's title (总书记××, 国务院总理□□□) or, for mask runs of * and □ only, directly before 同志/总书记/主席. Other masks are left alone: ×××同志 and XX公司 are
    template placeholders, 张** is a private person's masked name, **注意** is markdown.

    >>> _spans(masked_name, "习**在会上讲话。中国共**成立于1921年。□□□同志作报告。**注意**：张**中奖。")
    ['习**', '□□□同志', '中国共**']
    >>> _spans(masked_name, "国务院总理□□□19日主持会议。总经理××主持会议。")
    ['国务院总理□□□']
    """
    if not _MASK_ANY_RE.search(text) and "○" not in text and "◯" not in text and "〇" not in text:
        return
    taken: list[tuple[int, int]] = []
    markup = _markdown_runs(text)
    for pattern, suggestion, confidence in _MASK_RULES:
        for match in pattern.finditer(text):
            if any(match.start() <= r < match.end() for r in markup):
                continue  # the asterisks are Markdown emphasis (**习近平**强调, 学习**…**), not a mask
            end = match.end()
            if text.startswith("同志", end):
                end += 2
            if any(match.start() < e and end > s for s, e in taken):
                continue  # an earlier, more specific rule already covers this mask
            taken.append((match.start(), end))
            yield Gap(match.start(), end, "masked", "masked_name",
                      f"mask {match.group(0)!r} on a filtered name", suggestion, confidence)

    def free(start: int, end: int) -> bool:
        """Neither Markdown nor a mask an earlier rule took."""
        return not any(r in markup for r in range(start, end)) and not any(start < e and end > s for s, e in taken)

    for match in _MASKED_SPEAKER_RE.finditer(text):
        start, end = match.span(1)
        if free(start, end):
            taken.append((start, end))
            yield Gap(start, end, "masked", "masked_name", f"mask {match.group(1)!r} in a speaker's slot", None, 0.75)
    for start, end in _masked_list_items(text):
        if free(start, end):
            yield Gap(start, end, "masked", "masked_name", f"mask {text[start:end]!r} in a list of leaders", None, 0.8)


# A * or □ run as the subject of a speech or a leader's act (港报：***促…, ”***着重强调, ***：以新理念…, ***等批示), after a
# clause opener, a space, a digit or a particle: not glued to a surname or a word that names a user (张**说, 网友***表示:
# a masked private name; so 银行卡***谴责 is missed too), not × or X (×××说 in a form).
_SPEAKER_VERB = ("说", "表示", "强调", "強調", "指出", "认为", "坦言", "透露", "称", "稱", "宣布", "回应", "谈", "談", "赞", "讚",
                 "促", "谴责", "譴責", "批示", "致信", "致电", "会见", "會見", "会晤", "出席", "视察", "考察", "主持", "接见", "寄语",
                 "解释", "重申", "呼吁", "着重", "签署", "抵达", "望")
_SPEAKER_OPEN = "".join(sorted(set(_BEFORE_MASK_SUBJECT) | set("。！？；，:：|｜・·“”\"【】]）")))
_MASKED_SPEAKER_RE = re.compile(
    rf"(?=[*＊□■●])(?:^|(?<=[\s\d{re.escape(_SPEAKER_OPEN)}]))([*＊□■●]{{2,4}})(?=等?(?:{'|'.join(_SPEAKER_VERB)})|[：:](?=[\u4e00-\u9fff]))",
    re.M)
_LIST_ITEM_RE = re.compile(rf"(?m)(?={MASK}|[○〇])(?:(?:^|(?<=、)|(?<=[：:，,\n]))(?:{MASK}|[○〇]){{2,4}}(?=、)|(?<=、)(?:{MASK}|[○〇]){{2,4}}(?=[和及与等，,。；;）)]|$))")
_ITEM_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _masked_list_items(text: str) -> Iterator[tuple[int, int]]:
    """Mask runs standing as a whole item in a list of leaders (朱德、***、周恩来; 出席会议的有李强、***、***、蔡奇).

    Evidence: an item before or after the run (across the 、) is a filtered name, or — for ``*`` and ``□`` runs,
    which templates do not use for names — a name-sized item (2–4 Chinese characters) in a sentence about people
    (出席, 同志, 常委, 领导人 …). A list of placeholders (×××、×××同志) or of blanks (□□、□□ in an exercise of
    things) has neither.

    >>> [text[a:b] for text in ("朱德、×××、周恩来等", "出席会议的有李强、***、***、蔡奇。", "兹任命×××、×××同志为科长",
    ...  "请填写：□□、□□、□□。") for a, b in _masked_list_items(text)]
    ['×××', '***', '***']
    """
    for match in _LIST_ITEM_RE.finditer(text):
        a, b = match.span()
        left = re.split(r"[、，,：:有]", text[max(0, a - 12) : a - 1])[-1]
        right = re.split(r"[、，,。；;和及与等）)]", text[b + 1 : b + 12])[0]
        named = any(name in (left, right) or left.endswith(name) for name in FILTERED_NAMES)
        if named or match.group(0)[0] in "*＊□■●" and (
            _ITEM_RE.fullmatch(left) or _ITEM_RE.fullmatch(right) or re.fullmatch(f"{MASK}{{2,4}}", right or "-")
        ) and _PEOPLE_LIST_RE.search(_sentence(text, a)):
            yield a, b


# --------------------------------------------------------------------------------------------------
# A name deleted between a word that needs a noun phrase and what follows: the slot is visibly empty

_SPEAKER_COLON = "a headline opening with a speaker's colon (the speaker gone)"
_BEFORE_NP = "，。！？；：“「《（"  # clause starts: not after a closing quote (“艳照门”的美女)
_EMPTY_SLOT_RULES: tuple[tuple[re.Pattern[str], str, str | None, float], ...] = (
    (re.compile(rf"(?=的)(?:^|(?<=[{_BEFORE_NP}]))的(?![确確士哥姐卢盧黎话話])(?=[\u4e00-\u9fff《“])"),
     "的 opening a clause or a title (its noun gone)", None, 0.8),
    (re.compile(r"了的(?=《|贺信|賀信|回信|重要讲话|重要講話|讲话|講話|重要指示|批示|题词|題詞|诗句|詩句|诗词|詩詞|名言|故居|旧居|纪念馆)"),
     "了的 + a leader's letter/speech/work", None, 0.8),
    (re.compile(r"(?=的)(?<=学习|學習|传达|傳達|贯彻|貫徹|落实|落實|领会|領會|牢记|牢記|铭记|銘記|不负|不負)的"
                r"(?=重要指示|重要讲话|重要講話|重要论述|重要論述|贺信|賀信|回信|嘱托|囑託|殷殷嘱托|重托|重託)"),
     "学习/传达 + 的重要指示 (whose?)", None, 0.8),
    (re.compile(r"由(?:主持(?![人词詞])|题写|題寫|担任|擔任|签署|簽署|率领|率領|率团|率團|带队|帶隊|致辞|致辭|起草|撰写|撰寫|"
                r"书写|書寫|作词|作詞|题词|題詞)(?![^。，；]{0,8}的)"),
     "由 + verb with no agent", None, 0.8),
    (re.compile(r"同(?=通电话|通電話)"), "同 + 通电话 with no partner", None, 0.85),
    (re.compile(r"(?=在)(?:^|(?<=[，。！？；：“「（]))在的(?=[\u4e00-\u9fff]{1,8}下)"),
     "在…的…下 opening a clause with nobody in it (在的亲切关怀下)", None, 0.85),
    (re.compile(r"(?=[主])(?:(?<=实现|實現|信仰)主义(?=而|的|事业|事業|理想|，|。)|(?<=为|為)主义(?=奋斗|奮鬥))"),
     "实现/信仰/为 + 主义 with no doctrine (共产 gone)", "共产", 0.85),
    (re.compile(r"向(?=汇报|匯報|请示|請示|致以|问好|問好|致敬)"), "向 + verb with no addressee", None, 0.8),
    (re.compile(r"是的(?=故乡|故鄉|家乡|家鄉|出生地|诞生地|誕生地|旧居|舊居|故居|长子|長子|长女|長女|儿子|兒子|女儿|女兒|夫人|"
                r"秘书|秘書|警卫员|警衛員|老师|老師)"), "是的故乡 / 是的长子 (whose?)", None, 0.85),
    (re.compile(r"(?=[与同和])(?:(?:(?<=[在，。])|^)[与同](?=会谈时|會談時)|与(?=结婚后|結婚後|结婚前|結婚前)|和(?=握了手))"),
     "与/和 + a verb that needs a partner (the partner gone)", None, 0.8),
    (re.compile(r"(?=[用从出逝。，])(?:(?:^|(?<=[，。]))用的话说|从(?=到[\u4e00-\u9fff])|出了个(?=[，,。])|(?<=日，)逝世|(?<=[左右][一二三四五六七八九]为)(?=[。，]))"),
     "an empty slot in a fixed frame (用…的话说, 从…到, 出了个…)", None, 0.8),
    (re.compile(r"(?=同)(?:^|(?<=[，。]))同(?=[\u4e00-\u9fff]{2,5}(?:总统|總統|总理|總理|首相|国王|國王)[\u4e00-\u9fff·]{2,8}"
                r"(?:在|举行|舉行|通电话|通電話|会谈|會談))"), "a clause opening with 同 + a foreign leader (the host gone)", None, 0.8),
    (re.compile(r"(?=[\[［作\s.．（(正关])(?:[\[［]\d{1,3}[\]］]\s*[.．](?=\s*[\u4e00-\u9fff])|作者\s*[：:]\s*(?=[，,。；;）)])|作者\s+(?=[，,])|(?:^|(?<=[：:\]］]))\s*[.．]\s*[（(]\d{4}[)）]|[（(][，,]\s*\d{4}"
                r"|(?:正如|正像)[（(]\d{4}[)）]|作者[：:]\s*(?=[，,。；;])|关键词[：:]\s*(?=[；;]))"),
     "a citation or byline with an empty author", None, 0.8),
    (re.compile(r"(?=[丨｜|—])(?:[丨｜|]\s*[：:](?=\s*[\u4e00-\u9fff])|(?<=”)——\s*$)"), "a label or attribution with its name gone", None, 0.75),
    # a headline NAME：quote with the speaker gone: a line (or a field after a colon) opening with a colon, in a line
    # with no sentence end (a headline, not prose: an author's note in a novel, ：感谢…支持！, is a sentence)
    (re.compile(r"(?=[：:])(?:^|(?<=\n)|(?<=[：:]))[：:](?=“?[\u4e00-\u9fff]{2})(?=[^\n。！？!?]*$)", re.M),
     _SPEAKER_COLON, None, 0.75),
    (re.compile(r"(?=[书書主总總省市高\d])(?:(?:书记|書記|主席|总理|總理|省长|省長|市长|市長|\d岁|\d歲|高龄|高齡)的(?=在|于|於|来到|來到|视察|視察|深入|考察))"),
     "title or age + 的 + verb (the person gone)", None, 0.8),
    (re.compile(r"(?=等)(?<=欢迎|歡迎|会见|會見|陪同|包括)等(?=领导|領導|同志|人)"), "欢迎等 (the names before 等 gone)", None, 0.8),
    (re.compile(r"(?:正如|正像|诚如|誠如|如同)(?=所言|所说|所說|所指出|指出的那样|强调的那样|強調的那樣)"),
     "正如所言 with no speaker", None, 0.85),
    # not after ？: a character the page's charset could not hold comes out as ？ (地尔硫？、胺碘酮 for 地尔硫䓬)
    (re.compile(rf"(?=、)(?:^|(?<=[{_BEFORE_NP.replace('？', '')}]))、"), "a list whose first item is gone", None, 0.85),
    (re.compile(r"、(?=为指导|為指導|为行动指南|為行動指南)"), "a list whose last item is gone", "习近平", 0.85),
    (re.compile(r"(?=[视在])(?:(?<=贯彻|貫徹|学习|學習|落实|落實|领会|領會|牢记|牢記|铭记|銘記|不负|不負)视察"
                r"(?=[\u4e00-\u9fff]{1,8}(?:时的)?(?:重要讲话|重要講話|殷殷嘱托|嘱托|囑託))"
                r"|(?<=贯彻|貫徹|学习|學習|领会|領會)在(?=[^。]{0,14}(?:视察|視察|考察|会议|會議|大会|大會)[^。]{0,12}(?:讲话|講話|指示)))"),
     "学习贯彻视察…重要讲话 with no name", "习近平", 0.8),
    (re.compile(r"(?:基于|基於|根据|根據|依据|依據|按照|贯彻|貫徹)关于(?=[^。！？]{1,25}的(?:重要)?(?:论述|論述|讲话|講話|指示))"),
     "基于关于…的重要论述 (whose?)", "习近平", 0.8),
    (re.compile(r"图为(?=在[^。]{0,15}(?:考察|调研|調研|视察|視察|看望|慰问|慰問)|[与同和]|同志)"), "图为在…考察 (who?)", None, 0.8),
    (re.compile(r"(?=[《（A\s])(?:(?<!书名号)(?<!書名號)《》(?!用来|用來|表示|是)|《[^《》\n]{1,12}的》|(?<=[A-Za-z])\s*（\s*）|A\.\s*B\.\s*C\.\s*D\.(?=\s*$|\s*[。\n]))"),
     "an empty title, gloss or answer list", None, 0.8),
    # (led by the characters a match can start with: the engine tries the alternatives only there, 5x faster)
    (re.compile(r"(?=[诞的饰于在，,、和主总總委选时時作这這著—（(\s])"
                r"(?:(?<=纪念|紀念|庆祝|慶祝)诞辰|(?<=[，。]是)诞辰|(?<=比起)的|饰演(?=[，,。])|(?<=》是)于(?=\d{4}年)"
                r"|(?:^|(?<=[：:，。]))在《[^《》]{1,30}》(?:一文|一书|一書)?中(?:指出|写道|寫道|强调|強調)|^[，,、]"
                r"|(?<=[着了])和(?=[\u4e00-\u9fff]{2,3}夫妇)|(?:^|(?<=[，。])|(?<=国务院总理)|(?<=国家主席)|(?<=国务院副总理)|(?<=国家副主席))和夫人(?=[\u4e00-\u9fff]{2,3}(?:在|出席|一同|共同))"
                r"|(?:主席|总理|總理|总书记|總書記|委员长|委員長)(?=\d{1,2}日(?:上午|下午|晚|晚上|早)?(?:在|出席|会见|會見|同|致电|抵达|抵達|主持|参加|參加)"
                r"|[周週][一二三四五六日](?:在|会见|會見))"
                r"|(?<=维护|維護|确立|確立)的(?=核心)|选举为(?=中央委员会|中央委員會|中共中央|中央军委)|(?:时期|時期|时代|時代)的(?=在|于)"
                r"|(?:作者是|这句话是说的|這句話是說的)(?=[，。？])|(?<=/)\s*著(?=\s|$)|(?<=[：:；;])\s*—(?=[\u4e00-\u9fff])"
                r"|(?:^|(?<=[。\n]))[（(]\d{4}年\d{1,2}月\d{1,2}日\s*[—－-])"),
     "an empty name slot in a fixed frame (维护…的核心, 选举…为, a biography or catalogue entry with no name)", None, 0.8),
    (re.compile(r"(?:[\[［〔]\d{1,3}[\]］〕]|[①-⑳])\s*[：:]\s*(?=《)"), "a citation whose author before the colon is gone",
     None, 0.85),
    (re.compile(r"(?<=日电 |日電 |日电　|日電　)(?:在|同|向)[^。，]{1,30}?(?:强调|強調|指出|表示|会见|會見|主持)"),
     "a dateline followed by 在/同 (the subject gone)", None, 0.8),
)


def _label_line_before(text: str, at: int) -> bool:
    r"""Whether the line before position `at` (a line start) is a short label of its own: 1-8 characters, no
    punctuation (拉布拉多, 联系电话), the owner of a colon that opens the next line.

    >>> _label_line_before("拉布拉多\n：吃货养拉布拉多", 5), _label_line_before("新闻联播今日要闻。\n：努力建设", 10)
    (True, False)
    """
    if at == 0 or text[at - 1] != "\n":
        return False
    line = text[text.rfind("\n", 0, at - 1) + 1 : at - 1].strip()
    return 1 <= len(line) <= 8 and not re.search(r"[\W_]", line.replace(" ", ""))


def empty_slot(text: str) -> Iterator[Gap]:
    """A name deleted where the sentence needs one: a word that takes a noun phrase meets the next word.

    Evidence, each an ungrammatical junction with the name's slot empty: 的 opening a clause or a title
    (“的回信…”, 《的七年知青岁月》); 由主持/由题写 (会议由主持。); 同通电话; 向汇报; 是的故乡;
    书记的在安吉, 15岁的来到; 欢迎等领导同志; 正如所言; a list opening with 、 or closing 、为指导;
    学习贯彻视察广西重要讲话; 基于关于…的重要论述; 图为在…考察; [3] ：《…》 (a citation with no
    author); a news dateline (…日电) followed directly by 在/同; 在的亲切关怀下 opening a clause; 实现主义,
    信仰主义, 为主义奋斗 (共产 gone); a headline line opening with a speaker's colon (：努力建设新型, 习近平 gone). Ordinary text fills these slots (会议由他主持, 由主持人宣布, 的确, “的”字,
    现在的情况下, 现实主义), which none of the shapes allow.

    >>> _spans(empty_slot, "会议由主持。“的回信让我们备受鼓舞。”湖南韶山是的故乡。正如所言，星星之火可以燎原。")
    ['的', '由主持', '是的', '正如']
    >>> _spans(empty_slot, "会议由他主持。由主持人宣布开幕。的确如此。“的”字结构。是的，故乡很美。")
    []
    """
    for pattern, evidence, suggestion, confidence in _EMPTY_SLOT_RULES:
        for match in pattern.finditer(text):
            if evidence == _SPEAKER_COLON and _label_line_before(text, match.start()):
                continue  # 拉布拉多\n：吃货养… — the colon belongs to a label the layout put on the line above
            end = max(match.end(), match.start() + 1)
            yield Gap(match.start(), end, "deleted", "empty_slot", evidence, suggestion, confidence)


# How many nats better a filtered name must fit than what stands there (cleaners.namefit) to be flagged: chosen on
# the development sets (censor_real.tsv, blind..blind5) so that ordinary news (DAnIEL) gets no flag.
NAME_FIT_MIN_GAIN = 3.0
SURNAME_MIN_GAIN = 3.0
MASK_MIN_GAIN = -4.0  # a mask hides something for certain: the name need only fit about as well as nothing
# The surnames cleaners.namefit scores alone and the leader each stands for (李 is several: no suggestion).
_FIT_SUGGESTION = {"习": "习近平", "毛": "毛泽东", "江": "江泽民", "胡": "胡锦涛", "温": "温家宝", "邓": "邓小平"}


def name_slot(text: str, relief: float = 0.0) -> Iterator[Gap]:
    """Any residue the shapes above do not know: a place where a deleted name fits far better than what stands.

    Evidence: the character model of edited news (cleaners.namefit, cleaners.charlm) scores every plausible
    place with and without a leader's name or a party term put back; a gain of at least
    NAME_FIT_MIN_GAIN nats (a likelihood ratio of ~20) flags it. The same for a surname left alone
    (习 of 习近平 with 近平 blacklisted), for a mask run (``□□``, ``**``) with markup left out, and for a bound
    morpheme left orphan (员 of 共产党员: 永葆员的本色), which needs only a positive gain.
    Before a title (总书记, 主席, 同志) the gain must be larger: there an anaphoric title is ordinary.
    Confidence stays below the shape rules' so that a rule's span and suggestion win where both fire.
    `relief` lowers every threshold by that many nats (find_gaps: on a page a filter is known to have passed).

    >>> _spans(name_slot, "会见结束后，说，访澳几天来深切感受到华侨华人的热情。")
    ['说']
    >>> _spans(name_slot, "会见结束后，他说，访澳几天来深切感受到华侨华人的热情。")
    []
    """
    from cleaners.namefit import NAME, ORPHAN_MIN_GAIN, name_fit

    for fit in name_fit(text, min(NAME_FIT_MIN_GAIN, SURNAME_MIN_GAIN) - relief, MASK_MIN_GAIN - relief):
        term = None if fit.term == NAME else fit.term
        if fit.kind == "mask":
            if fit.gain < MASK_MIN_GAIN - relief:
                continue
            start, end, kind, evidence = fit.position, fit.end, "masked", "a mask where a filtered name fits"
        elif fit.kind == "surname":
            if fit.gain < SURNAME_MIN_GAIN:  # no page relief: a surname has its own word-level bonus (VERB_BONUS)
                continue
            start, end, kind = fit.position, min(len(text), fit.end + 1), "deleted"
            evidence, term = "a surname alone where the whole name fits", _FIT_SUGGESTION.get(text[fit.position])
        else:
            if fit.gain < (NAME_FIT_MIN_GAIN - relief if fit.kind == "deletion" else ORPHAN_MIN_GAIN):
                continue
            start = fit.position - 1 if fit.position and re.match(CJK, text[fit.position - 1]) else fit.position
            end = min(len(text), fit.position + 1)
            kind, evidence = "deleted", ("a bound morpheme left alone where a party term makes it a word" if fit.kind == "orphan"
                                         else "a place where a filtered name fits far better than what stands")
        if text[start] == "\n":
            start += 1
        if end > start:
            confidence = round(min(0.8, 0.6 + 0.02 * max(fit.gain, 0.0)), 2)
            yield Gap(start, end, kind, "name_slot", f"{evidence} ({fit.gain:+.1f} nats)", term, confidence)


# A filter acts on a whole page: where a shape rule has seen a residue with confidence >= PAGE_EVIDENCE, the page
# went through a filter, and name_slot needs PAGE_RELIEF nats less elsewhere on it (on the real dev rows joined
# into their pages: one residue more, no false flag; ordinary pages have no such hit and are scored as before).
PAGE_RELIEF = 2.0
PAGE_EVIDENCE = 0.85
MASK_PAGE_EVIDENCE = 0.8  # a masked name's rule hit: the other masks on the text need PAGE_RELIEF nats less
# Deletions found on this many lines of a text, by any rule and at any confidence, are page evidence too: one weak hit
# can be chance (ordinary pages get at most one), two on separate lines of one page are a filter's habit (the real dev
# pages: 会见波兰总理 is found beside 会见俄罗斯总统普京 and 三年30次会：…, on wild-2017's ordinary pages no flag more).
PAGE_LINES = 2

RULES: tuple[Callable[[str], Iterator[Gap]], ...] = (
    xi_verb,
    surname_verb,
    given_name_only,
    xi_thought,
    tongzhi_bare,
    tongzhi_leadership,
    empty_core,
    china_party,
    bare_member,
    bare_communism,
    central_resolution,
    empty_enumeration,
    empty_list_item,
    empty_slot,
    headless_title,
    masked_name,
    name_slot,
)


# A tag a word filter writes in place of the word it took out ([屏蔽], 【和谐】, <敏感词>, （已屏蔽）, (敏感词已屏蔽)): the
# filter says so itself. Only a tag glued to the text on a side counts: a line that is only a tag (（此帖已被屏蔽）) is a
# moderator's note on a whole post, not a word masked in a sentence.
FILTER_TAG_RE = re.compile(
    r"[\[【〔（(<＜]\s*(?:已被|已|被)?(?:屏蔽|和谐|河蟹|过滤|敏感|违禁|禁)(?:词|字|词汇|内容)?"
    r"(?:已被|已|被)?(?:屏蔽|过滤|和谐)?\s*[\]】〕）)>＞]"
)
_TAG_STANDIN = "***"  # what a tag is read as by the other rules: a mask of a fixed length


def _filter_tags(text: str) -> list[tuple[int, int]]:
    r"""Spans of filter tags glued to the text (FILTER_TAG_RE's comment).

    >>> t = "朱德、[屏蔽]、周恩来\n（已屏蔽）\n我们要<敏感词>的领导"
    >>> [t[a:b] for a, b in _filter_tags(t)]
    ['[屏蔽]', '<敏感词>']
    """
    spans = []
    for match in FILTER_TAG_RE.finditer(text):
        a, b = match.span()
        before = text[a - 1] if a else "\n"
        after = text[b] if b < len(text) else "\n"
        if not (before in "\n\r\t " and after in "\n\r\t "):
            spans.append((a, b))
    return spans


def _untag(text: str, tags: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """`text` with each tag read as a mask run, and for each index of that text (and its end) the index it
    stands for in `text` (every index of a stand-in maps to its tag's start; the end after it to the tag's end)."""
    parts, where, last = [], [], 0
    for a, b in tags:
        parts.append(text[last:a])
        where += range(last, a)
        parts.append(_TAG_STANDIN)
        where += [a] * len(_TAG_STANDIN)
        last = b
    parts.append(text[last:])
    where += range(last, len(text) + 1)
    return "".join(parts), where


def filter_tag_gaps(text: str, tags: list[tuple[int, int]], gaps: list[Gap]) -> list[Gap]:
    """A filter's tag is direct evidence of a word masked there: one ``masked`` gap per tag, joined with what the
    other rules found on the tag read as a mask (their span and suggestion), else with no suggestion."""
    out = []
    for a, b in tags:
        slot = [g for g in gaps if g.start < b and g.end > a]
        best = max(slot, key=lambda g: g.confidence, default=None)
        start, end = min([a] + [g.start for g in slot]), max([b] + [g.end for g in slot])
        evidence = f"a filter's tag {text[a:b]!r}" + (f" in a name's slot ({best.rule})" if best else "")
        out.append(Gap(start, end, "masked", "filter_tag", evidence, best.suggestion if best else None,
                       max(0.9, best.confidence if best else 0.0)))
    return out


def find_gaps(text: str, min_confidence: float = 0.0) -> list[Gap]:
    """All rules' residues, overlapping hits reduced to the most confident (then longest), by start.

    A confident shape rule's hit is evidence that the whole text went through a filter: name_slot is then run
    again needing PAGE_RELIEF nats less. A filter's tag ([屏蔽], <敏感词>) is such evidence too; the rules read
    each tag as a mask run (``***``) and their hits are mapped back onto the text.
    """
    tags = _filter_tags(text)
    if not tags:
        return _reduce(_candidates(text, min_confidence, False))
    plain, where = _untag(text, tags)
    moved = [replace(g, start=where[g.start], end=max(where[g.start] + 1, where[g.end]))
             for g in _candidates(plain, min_confidence, True)]
    outside = [g for g in moved if not any(g.start < b and g.end > a for a, b in tags)]
    return _reduce(outside + filter_tag_gaps(text, tags, moved))


def _candidates(text: str, min_confidence: float, masked_page: bool) -> list[Gap]:
    """Every rule's hits on `text`, and name_slot's again with PAGE_RELIEF where the text shows a filter: a
    confident shape rule's hit on a deletion, or deletions found on PAGE_LINES lines (every kind of place); or a
    masking filter (a tag, `masked_page`, or a masked name found with confidence >= MASK_PAGE_EVIDENCE), which
    lowers the bar for the other masks only: a filter that masks leaves the text around its masks whole (总书记强调
    after ***总书记… is the anaphor it was)."""
    candidates = [g for rule in RULES for g in rule(text) if g.confidence >= min_confidence and g.end > g.start]
    deleted = [g for g in candidates if g.kind == "deleted"]
    if any(g.confidence >= PAGE_EVIDENCE for g in deleted) or _lines_with(text, deleted) >= PAGE_LINES:
        kinds = {"deleted", "masked"}  # name_slot's confidence stays below PAGE_EVIDENCE: one hit of it is no page evidence
    elif masked_page or any(g.kind == "masked" and g.confidence >= MASK_PAGE_EVIDENCE for g in candidates):
        kinds = {"masked"}
    else:
        return candidates
    return candidates + [g for g in name_slot(text, PAGE_RELIEF)
                         if g.kind in kinds and g.confidence >= min_confidence and g.end > g.start]


def _lines_with(text: str, gaps: list[Gap]) -> int:
    r"""How many lines of `text` hold at least one of `gaps`.

    >>> _lines_with("甲\n乙\n丙", [Gap(0, 1, "deleted", "r", "", None, 0.6), Gap(4, 5, "deleted", "r", "", None, 0.6)])
    2
    """
    return len({text.count("\n", 0, g.start) for g in gaps})


def _reduce(candidates: list[Gap]) -> list[Gap]:
    """Overlapping hits reduced to the most confident (then the longest), sorted by start."""
    candidates = sorted(candidates, key=lambda g: (-g.confidence, -(g.end - g.start), g.start))
    kept: list[Gap] = []
    for gap in candidates:
        if all(gap.end <= k.start or gap.start >= k.end for k in kept):
            kept.append(gap)
    return sorted(kept, key=lambda g: g.start)


def find_censored_gaps(text: str, min_confidence: float = 0.0) -> list[dict]:
    """``censored_gap`` flags for `text`, sorted by start (see the module docstring for the shape).

    >>> flags = find_censored_gaps("一方面，《中国章程》规定，凡有正式党员三人以上的都应当成立基层组织。")
    >>> [(f["start"], f["end"], f["kind"], f["suggestion"]) for f in flags]
    [(4, 10, 'deleted', '共产党')]
    """
    return [g.as_flag() for g in find_gaps(text, min_confidence)]
