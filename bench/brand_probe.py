"""Probe: the labelled real hacked pages with every gambling brand replaced by an invented one (issue 9).

2017's brands age (百家乐 sites called 皇冠, 葡京, hg0088, bet365); a 2026 mirror carries 华体会, 开云, 乐鱼, kaiyun,
ayx … and next year's will carry others. This probe measures how much of the detection leans on the brand
strings themselves: each labelled parasite and spam site of the dev and opened sets (never holdout.jsonl) is
rewritten so that every brand string becomes an invented, unseen one, the same one throughout the page
(title, meta, text, attributes), in the labelled `injected` strings too, and the hostnames of off-site anchors
whose text is an injected string become invented domains. Invented forms are mixed as the trade writes them:
a coined Chinese name (kept before the trade word the original had: 皇冠现金网 -> 鑫澜现金网; a bare name gets
one: 威尼斯人 -> 鑫澜体育), a Latin name with digits or a pinyin-like one (hg0088 -> vk8888, bet365 -> ruixing), a numbered domain (qxw188.com ->
5566tt.vip). None is on a curated list (cleaners/data/brands.txt, spam_topics.txt, spam.known_brands), checked.

Brands are recognised on the labelled strings by: the curated lists, the 2017 brands of these labels (PROBE_2017
below: what to replace, never read by the cleaner), Latin handles with a digit or glued to a Chinese trade word
(hg0088, 365bet, TT娱乐城), and a name before a gambling trade word (盈胜娱乐城, 君博国际, 三易博娱乐城).

Ordinary pages are cleaned unchanged, as a guard (the probe must not make anything look better by cutting them).
The same figures as `mirrorclean wild-eval` are printed for the original pages and for the probed ones:

    .venv/bin/python bench/brand_probe.py            # HTML
    .venv/bin/python bench/brand_probe.py --text     # as a crawl's plain-text extract
    .venv/bin/python bench/brand_probe.py --misses /tmp/probe_misses.jsonl --show w001734.html
    .venv/bin/python bench/brand_probe.py --no-lists  # the original pages too, cleaned without the brand lists
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mirrorclean.wildeval import WILD, _clean_one, read_labels, score  # noqa: E402

SETS = [ROOT / "fixtures" / "wild" / n for n in ("labels.jsonl", "opened.jsonl")]

# 2017 gambling brands as these labels carry them (what the probe replaces; the cleaner never reads this list).
PROBE_2017 = (
    "威尼斯人 新葡京 葡京 葡金 金沙 永利高 永利 银河 新皇冠 皇冠 太阳城 美高梅 新濠天地 新濠 博狗 bodog hg0088 hg1088 bet365 "
    "365bet 金宝博 E世博 e世博 易世博 明升 明陞 申博 吉祥坊 立博 必赢亚洲 君博 世爵 新2 伟德 威廉希尔 波音 新利 18luck 多彩 "
    "盈胜 新世纪 天上人间 博e百 十六浦 九州 至尊 凯旋门 富二代 淘金盈 瑞丰 优游 优乐 利记 战神 必胜 三易博 九五至尊 九五之尊 "
    "金道 博雅 白菜 欧博 博世家 搜博 云博 优德 w88 鸿运 天将 百乐门 恒利 众发 三和合 月亮城 名人 皇家 宝马 金牌 大玩家 回力 "
    "万丰 济南 亚洲城 环亚 皇轩 大发 金冠 处女星号 女神国际 名汇 凤凰 九狮 果博东方 腾龙 玉和 巴黎人 乐橙 12bet 126直营网 "
    "126 星星 鼎盛 k99 3u PT GT MG AG BBIN TT bbin"
).split()
# Words before a trade word that are not brands: places, channels, generic qualifiers.
GENERIC = set(
    "澳门 网上 网络 线上 在线 真人 足球 菲律宾 菲利宾 香港 亚洲 博彩 信誉 现金 赌博 百家乐 官方 指定 最新 正规 十大 "
    "娱乐 体育 官网 中国 国际 全讯 全讯网 赌场 网站 平台 直营 官方指定线上 最受欢迎 华人 公海 老牌 手机 电脑 免费 "
    "时时彩 六合彩 北京赛车 世界杯 大龙虾 连环夺宝 捕鱼达人 斗牛 港式 龙虎 赌球 外围 投注 开户 注册 备用 如何 怎样 "
    "哪里 什么 那个 可以 真钱 网投 首页 电子 游戏 视讯 棋牌 彩票 我的 你的".split()
)
TRADE = "娱乐城|娱乐场|娱乐网|娱乐平台|线上娱乐|娱乐|体育|国际|棋牌|彩票|真人|博彩|现金网|直营网|赌场|平台|官网|网址|投注网|集团"
NAME_TRADE_RE = re.compile(rf"([\u4e00-\u9fff]{{2,8}}?)(?:{TRADE})")
LATIN_RE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]+[0-9]+[A-Za-z0-9]*|[0-9]+[A-Za-z]+[A-Za-z0-9]*|(?<![.])[A-Za-z]{2,8}(?=[\u4e00-\u9fff]))")
LATIN_SKIP = {"www", "com", "http", "https", "qq", "app", "sf", "pk10", "vip", "cc", "cn", "net", "html", "seo", "ios", "vs",
              "gif", "av", "csgo", "dota2", "wx", "ml", "kb"}
ANCHOR_RE = re.compile(r"<a\b[^>]*?href\s*=\s*[\"']?\s*(?:https?:)?//([A-Za-z0-9.-]+)(?=[/:\"'\s>?#])[^>]*>(.*?)</a\s*>", re.I | re.S)
TAG_RE = re.compile(r"<[^>]+>")
BIG_SITES = (".gov.cn", ".edu.cn", "qq.com", "baidu.com", "wikipedia.org", "sina.com.cn", "163.com", "sohu.com")

CJK_A = "鑫瑞豪鼎汇御尊耀恒泰祥旺皓澜锦煌翔昊璟琨骏铂钰晟禧曜铭玺瀚沣"
CJK_B = "澜盛博汇隆腾星豪福运辉祥宸耀彩游乐鱼会凯"
TRADE_WORDS = ["体育", "娱乐", "棋牌", "彩票", "真人", "平台", "官网", "app"]
LATIN_A = "bcdfgjkpqrtvwxyz"
SYLLABLES = ["ka", "yun", "le", "xin", "hao", "tian", "sheng", "ding", "rui", "zun", "wei", "lan", "fu", "xing", "bo"]
TLDS = [".vip", ".com", ".cc", ".net", ".app", ".top"]


def _curated() -> set[str]:
    """Every string a cleaner list holds: brands.txt, spam_topics.txt, spam.known_brands."""
    from cleaners.spam import known_brands

    data = ROOT / "cleaners" / "data"
    words = {w.strip().lower() for w in (data / "brands.txt").read_text("utf-8").splitlines() if w.strip() and not w.startswith("#")}
    words |= {line.split("\t")[1].strip().lower() for line in (data / "spam_topics.txt").read_text("utf-8").splitlines()
              if "\t" in line and not line.startswith("#")}
    return words | {b.lower() for b in known_brands()}


CURATED = _curated()


def _unlisted(s: str) -> bool:
    low = s.lower()
    return not any(w and (w in low or (len(low) >= 2 and low in w)) for w in CURATED | {b.lower() for b in PROBE_2017})


def gambling_page(lab: dict[str, Any]) -> bool:
    """Whether the page's planted strings are about gambling (the only trade whose brands the probe replaces)."""
    from cleaners.inject import topic_words

    words = topic_words(" ".join(lab.get("injected", [])) + " " + lab.get("evidence", ""))
    return "gambling" in words


def brands_of(injected: list[str], gambling: bool = True) -> set[str]:
    """The brand strings in a page's labelled injected strings (on a page not about gambling: curated names only)."""
    found: set[str] = set()
    known = sorted(CURATED_BRANDS | (set(PROBE_2017) if gambling else set()), key=lambda b: (-len(b), b))
    for s in injected:
        rest = s
        for b in known:
            if b.lower() in rest.lower():
                found.add(b)
                rest = re.sub(re.escape(b), " ", rest, flags=re.I)
        if not gambling:
            continue
        for m in LATIN_RE.finditer(rest):
            tok = m.group(1)
            if tok.lower() not in LATIN_SKIP and not tok.isdigit() and len(tok) >= 2:
                found.add(tok)
        for m in NAME_TRADE_RE.finditer(rest):
            name = m.group(1)
            for g in ("澳门", "菲律宾", "菲利宾", "网上", "线上", "在线", "香港", "真人", "最新", "官方指定线上"):
                name = name.removeprefix(g)
            if 2 <= len(name) <= 4 and name not in GENERIC and not any(g in name for g in GENERIC if len(g) >= 2):
                found.add(name)
    return found


def _brand_list() -> set[str]:
    from cleaners.spam import known_brands

    weak = {line.split("\t")[1].strip() for line in (ROOT / "cleaners" / "data" / "spam_topics.txt").read_text("utf-8").splitlines()
            if line.startswith("weak\t")}
    casino = weak - {"时时彩", "六合彩", "六合", "北京赛车", "pk10", "分分彩", "快三", "开户", "彩票", "体育", "娱乐", "澳门"}
    return {b for b in known_brands() if not b.startswith("澳门")} | casino  # 澳门 is the place before the name


CURATED_BRANDS = _brand_list()


class Inventor:
    """Invented brands for one page, deterministic by the page's name, none on a curated list."""

    def __init__(self, seed: str) -> None:
        self.rng = random.Random(int(hashlib.sha1(seed.encode()).hexdigest()[:12], 16))
        self.used: set[str] = set()

    def _fresh(self, make: Any) -> str:
        for _ in range(200):
            s = make()
            if s not in self.used and _unlisted(s):
                self.used.add(s)
                return s
        raise RuntimeError("no fresh brand")

    def cjk(self) -> str:
        r = self.rng
        return self._fresh(lambda: r.choice(CJK_A) + r.choice(CJK_B) + (r.choice("汇会城") if r.random() < 0.3 else ""))

    def latin(self) -> str:
        """A Latin name with digits (vk8888, bq365) or, one time in three, a pinyin-like name alone (kaiyun, ayx)."""
        r = self.rng
        if r.random() < 1 / 3:
            return self._fresh(lambda: "".join(r.choice(SYLLABLES) for _ in range(r.choice((2, 3)))))
        return self._fresh(lambda: "".join(r.choice(LATIN_A) for _ in range(r.choice((2, 3))))
                           + r.choice(["8888", "365", "123", "777", "9527", "188", "5566", "0099"]))

    def domain(self) -> str:
        r = self.rng
        forms = [lambda: self.latin() + r.choice(TLDS),
                 lambda: f"{r.randint(1000, 99999)}{r.choice(['tt', 'hq', 'vip', 'bet', 'zz'])}{r.choice(TLDS)}",
                 lambda: "".join(r.choice(LATIN_A) for _ in range(2)) + r.choice(["88", "365", "99"]) + r.choice(TLDS)]
        return self._fresh(lambda: r.choice(forms)())

    def for_brand(self, brand: str, page: str) -> str:
        """A replacement of the brand's own form: Latin -> Latin+digits, a name before a trade word -> a name, a
        bare Chinese name -> a name + a trade word (the 2026 form: 开云体育)."""
        if re.fullmatch(r"[A-Za-z0-9.]+", brand):
            return self.latin()
        tail = re.match(rf"(.*?)({TRADE})$", brand)
        if tail and tail.group(1):
            return self.cjk() + tail.group(2)
        followed = re.search(re.escape(brand) + rf"(?:{TRADE}|现金|赌|投注|开户|足球|百家乐|网)", page)
        if followed or len(brand) <= 1:
            return self.cjk()
        return self.cjk() + self.rng.choice(TRADE_WORDS)


def selling_anchors(page: str) -> list[str]:
    """Texts of anchors to other sites that name the gambling trade or a brand (the farm's unlabelled rest)."""
    from cleaners.inject import topic_words

    out = []
    for m in ANCHOR_RE.finditer(page):
        text = " ".join(TAG_RE.sub(" ", m.group(2)).split())
        if 2 <= len(text) <= 30 and "gambling" in topic_words(text):  # a headline naming 王永利 is no farm
            out.append(text)
    return out


SEED = ""  # --seed: another draw of invented names


def rewrite(page: str, lab: dict[str, Any]) -> tuple[str, list[str], dict[str, str]]:
    """The page and its injected strings with every brand replaced; and the mapping used."""
    inj = [s for s in lab.get("injected", []) if s.strip()]
    inv = Inventor(lab["file"] + SEED)
    mapping: dict[str, str] = {}
    gambling = gambling_page(lab)
    sources = inj + (selling_anchors(page) if gambling else [])
    for b in sorted(brands_of(sources, gambling), key=lambda b: (-len(b), b)):
        mapping[b] = inv.for_brand(b, page)
    hosts: dict[str, str] = {}
    inj_norm = {s.strip().lower() for s in inj}
    for m in ANCHOR_RE.finditer(page):
        host, text = m.group(1).lower(), " ".join(TAG_RE.sub(" ", m.group(2)).split()).lower()
        brandish = any(b.lower() in host for b in mapping if re.fullmatch(r"[A-Za-z0-9]+", b))
        if text and (text in inj_norm or any(s in text for s in inj_norm if len(s) >= 3)) or brandish:
            if host not in hosts and "." in host.strip(".") and not host.endswith(BIG_SITES):
                hosts[host] = inv.domain()
    pat = _pattern(list(mapping) + list(hosts))

    def sub(text: str) -> str:
        return pat.sub(lambda m: {**{k.lower(): v for k, v in mapping.items()}, **hosts}[m.group(0).lower()], text) if pat else text

    return sub(page), [sub(s) for s in inj], {**mapping, **hosts}


def _pattern(keys: list[str]) -> re.Pattern[str] | None:
    if not keys:
        return None
    parts = []
    for k in sorted(keys, key=len, reverse=True):
        e = re.escape(k)
        parts.append(rf"(?<![A-Za-z0-9]){e}(?![A-Za-z0-9])" if re.search(r"[A-Za-z0-9]", k[0] + k[-1]) else e)
    return re.compile("|".join(parts), re.I)


def probe_page(lab: dict[str, Any], out_dir: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """Write the probed page to out_dir (UTF-8) and return the label with invented injected strings."""
    from cleaners.decode import DecodeError, decode_bytes

    data = (WILD / "pages" / lab["file"]).read_bytes()
    try:
        text, _ = decode_bytes(data)
    except DecodeError:
        (out_dir / lab["file"]).write_bytes(data)
        return lab, {}
    new, inj, mapping = rewrite(text, lab)
    new = "\0" * (len(data) - len(data.lstrip(b"\0"))) + new  # a save padded with NULs stays padded
    new = re.sub(r"(charset\s*=\s*[\"']?)[A-Za-z0-9_-]+", r"\1utf-8", new, flags=re.I)
    (out_dir / lab["file"]).write_bytes(new.encode("utf-8"))
    return {**lab, "injected": inj}, mapping


# Brand names among the topic words (casino names, 2017 brands the list holds as words of the trade).
TOPIC_BRANDS = {"威尼斯人", "葡京", "金沙", "永利", "银河", "皇冠", "太阳城", "美高梅", "新濠", "hg0088", "博狗", "bet365",
                "全讯网", "博彩通"}


def drop_lists() -> None:
    """In this process, clean without the curated brand list (brands.txt) and without the brand names among the topic
    words: what the cleaner finds then rests on structure and the words of the trade alone."""
    from cleaners import inject, spam

    spam.known_brands = lambda: ()  # type: ignore[assignment]
    spam._known_re.cache_clear()
    topics = inject._topics()  # the cached dict every caller reads: emptied of brand names in place
    for word in [w for w in topics if w in TOPIC_BRANDS or spam.traditional(w) in {spam.traditional(b) for b in TOPIC_BRANDS}]:
        del topics[word]
    inject._topic_re.cache_clear()
    inject._site_words.cache_clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--text", action="store_true", help="clean each page as a crawl's plain-text extract")
    ap.add_argument("--out", type=Path, default=Path("/tmp/brand_probe_pages"), help="where the probed pages go")
    ap.add_argument("--misses", type=Path, help="write the probe's misses (JSON lines) here")
    ap.add_argument("--show", nargs="*", default=[], help="print the brand mapping of these pages")
    ap.add_argument("--no-original", action="store_true", help="skip the original pages' figures")
    ap.add_argument("--no-lists", action="store_true",
                    help="clean without brands.txt and the brand names among the topic words (an ablation)")
    ap.add_argument("--seed", default="", help="draw other invented names (the default draw is by page name)")
    args = ap.parse_args(argv)
    global SEED
    SEED = args.seed
    if args.no_lists:
        drop_lists()
    args.out.mkdir(parents=True, exist_ok=True)
    all_misses = []
    for path in SETS:
        labels = read_labels(path)
        probed, originals = [], []
        n_brands = 0
        for lab in labels:
            if lab["label"] in ("parasite", "spam_site"):
                new_lab, mapping = probe_page(lab, args.out)
                n_brands += bool(mapping)
                if lab["file"] in args.show:
                    print(lab["file"], json.dumps(mapping, ensure_ascii=False))
                probed.append((new_lab, str(args.out / lab["file"])))
            elif lab["label"] == "ordinary":
                probed.append((lab, str(WILD / "pages" / lab["file"])))
            originals.append((lab, str(WILD / "pages" / lab["file"])))
        keep = [x for x in originals if x[0]["label"] in ("parasite", "spam_site", "ordinary")]
        runs = [("probed", probed)] if args.no_original else [("original", keep), ("probed", probed)]
        for name, jobs in runs:
            outs = [_clean_one((p, None, args.text)) for _, p in jobs]
            s = score(f"{path.name} {name}" + (" (text)" if args.text else ""), [lab for lab, _ in jobs], outs)
            print("\n".join(s.lines()[:10]))
            if name == "probed":
                print(f"  pages with a brand replaced {n_brands}")
                all_misses += s.misses
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as fh:
            for m in all_misses:
                fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
