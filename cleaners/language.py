"""The record's `language` as a BCP 47 tag: `zh-Hans`, `zh-Hant`, `zh`, `en`, `ja`, `ko` …

Pages declare their language in every spelling (`zh-CN`, `zh_TW`, `zh-cn`, `zh-Hant-TW`, `cmn-Hans`, `ZH`)
and often wrongly (a template's `lang="en"` over Chinese text, `zh-CN` over Traditional text). What a
corpus needs is the language and, for Chinese, the script, because that is what decides conversion,
tokenisation and deduplication. So the tag is built from evidence in this order:

1. the text's own script: Chinese text (CJK ideographs >= 20% of the first 3,000 characters) is `zh-Hans`
   or `zh-Hant` by counting the characters only one script uses (`data/script_chars.tsv`, derived from
   OpenCC's tables: 这/們 …), when at least 3 such characters occur and one script has 80% of them;
2. else the script the page declares (`zh-Hans`, `zh-Hant`, or a region: CN/SG/MY -> Hans, TW/HK/MO -> Hant);
3. else `zh`. Text converted with `--simplified` is `zh-Hans`.

Japanese is `ja` when declared so or when kana outnumber the ideographs (a Japanese quote inside a Chinese
page stays `zh-…`). Other languages keep only their primary subtag, lower case (`en-US` -> `en`); Latin text with no declared
language is `en` when English function words are frequent, else null. Regions are dropped everywhere: they
describe a reader's locale, not the text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

CJK_RE = re.compile(r"[\u4e00-\u9fff]")
KANA_RE = re.compile(r"[\u3040-\u30ff]")
HANGUL_RE = re.compile(r"[\uac00-\ud7af]")
EN_STOPWORDS_RE = re.compile(r"\b(?:the|and|of|to|in|is|that|for|with|was)\b", re.I)
TAG_RE = re.compile(r"^([a-z]{2,3})(?:-[a-z]{3})?(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?(?:-|$)")
HANT_REGIONS = {"tw", "hk", "mo"}
HANS_REGIONS = {"cn", "sg", "my"}
CHINESE = {"zh", "cmn", "yue", "wuu", "hak", "nan", "gan", "hsn", "cdo", "cjy", "cpx", "czh", "czo", "mnp", "lzh"}


@lru_cache(maxsize=1)
def script_chars() -> dict[str, frozenset[str]]:
    """{"Hans": characters only Simplified uses, "Hant": characters only Traditional uses}."""
    text = resources.files("cleaners").joinpath("data/script_chars.tsv").read_text("utf-8")
    out: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, chars = line.split("\t", 1)
            out[name] = frozenset(chars.strip())
    return out


def parse_tag(declared: str | None) -> tuple[str, str | None, str | None] | None:
    """(language, script, region) of a declared tag in any common spelling, lower case; None if unusable.

    >>> parse_tag("zh_TW"), parse_tag("zh-Hant-TW"), parse_tag("cmn-Hans-CN"), parse_tag("EN-us")
    (('zh', None, 'tw'), ('zh', 'hant', 'tw'), ('cmn', 'hans', 'cn'), ('en', None, 'us'))
    >>> parse_tag("zh-cmn-Hans"), parse_tag("utf-8"), parse_tag("")
    (('zh', 'hans', None), None, None)
    """
    if not declared:
        return None
    tag = declared.strip().split(",")[0].split(";")[0].strip().replace("_", "-").lower()
    m = TAG_RE.match(tag)
    if not m or m.group(1) in ("utf", "und", "mul", "zxx"):
        return None
    return m.group(1), m.group(2), m.group(3)


@lru_cache(maxsize=1)
def _script_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One character class each of script_chars()' Hans and Hant sets: counted in C, not a Python loop."""
    sets = script_chars()
    # re.escape works character by character: one call on the joined characters gives the same class (~7 ms less
    # at start-up than a call per character)
    return tuple(re.compile("[" + re.escape("".join(sorted(sets[name]))) + "]") for name in ("Hans", "Hant"))


def chinese_script(text: str) -> str | None:
    """"Hans" or "Hant" when the text's script-specific characters say so clearly, else None.

    >>> chinese_script("这是一个关于经济发展的报道，们"), chinese_script("這是一個關於經濟發展的報導"), chinese_script("中文人口")
    ('Hans', 'Hant', None)
    """
    hans, hant = (len(pattern.findall(text)) for pattern in _script_res())
    if hans + hant < 3:
        return None
    if hans >= 0.8 * (hans + hant):
        return "Hans"
    if hant >= 0.8 * (hans + hant):
        return "Hant"
    return None


def language_tag(declared: str | None, text: str, *, simplified: bool = False) -> str | None:
    """The record's BCP 47 language tag from the page's declared language and its text.

    >>> language_tag("zh-CN", "這是一個關於經濟發展的報導，記者從會議上獲悉，各項工作進展順利。")
    'zh-Hant'
    >>> language_tag("zh_TW", "中文人口中文人口中文人口"), language_tag(None, "中文人口中文人口中文人口")
    ('zh-Hant', 'zh')
    >>> language_tag("zh-TW", "這是一個關於經濟發展的報導，記者從會議上獲悉。", simplified=True)
    'zh-Hans'
    >>> language_tag("en-US", "The cat sat on the mat and the dog was in the garden with the bird."), language_tag("zh", "x")
    ('en', None)
    """
    sample = text[:3000]
    parsed = parse_tag(declared)
    lang, script, region = parsed if parsed else (None, None, None)
    cjk = len(CJK_RE.findall(sample))
    if cjk >= max(10, len(sample) * 0.2):
        kana = len(KANA_RE.findall(sample))
        if lang == "ja" or kana >= cjk:  # Japanese prose writes more kana than kanji; a quote in Chinese does not
            return "ja"
        if lang in ("ko",):
            return "ko"
        if simplified:
            return "zh-Hans"
        found = chinese_script(sample)
        if found is None:
            if script in ("hans", "hant"):
                found = script.capitalize()
            elif lang in CHINESE and region in HANT_REGIONS | HANS_REGIONS:
                found = "Hant" if region in HANT_REGIONS else "Hans"
        return f"zh-{found}" if found else "zh"
    if len(HANGUL_RE.findall(sample)) >= max(10, len(sample) * 0.2):
        return "ko"
    if lang and lang not in CHINESE:
        return lang
    return "en" if len(EN_STOPWORDS_RE.findall(sample)) >= 5 else None
