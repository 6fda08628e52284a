"""Damage flags (issue 4): censored-name gaps, missing references, spinning — on the seed, the team's
case files and pairs, and ordinary news from ../shared (skipped when that folder is absent)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from cleaners import Record, clean_document
from cleaners.censor import find_censored_gaps
from cleaners.flags import compute_flags, compute_flags_unspun, missing_references
from cleaners.spin import (
    SPIN_HALF,
    SPIN_THRESHOLD,
    find_spun_phrases,
    load_lexicon,
    spin_score,
    spin_strength,
    synonym_fit,
    unspin,
)
from mirrorclean import flageval

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_77c6651b61511a25.txt"
FIXTURES = ROOT / "fixtures" / "flags"
SHARED = ROOT.parent / "shared"
HAS_JIEBA = importlib.util.find_spec("jieba") is not None

SEED_RESIDUES = {
    "习在重庆考察时强调",
    "同志在《论持久战》",
    "《中国章程》",
    "中国重庆市第六届委员会第六次全员会议",
    "中国重庆市第六届委员会第二次全员会议",
    "《中央关于党的百年奋斗重大成就和历史经验的决议》",
}


@pytest.fixture(scope="module")
def seed() -> Record:
    record = clean_document(SEED.read_bytes(), str(SEED))
    assert isinstance(record, Record), record
    return record


@pytest.fixture(scope="module")
def seed_flags(seed: Record) -> tuple[list[dict], float]:
    return compute_flags(seed.text, seed.references)


def _residues(text: str, flags: list[dict], kind: str = "censored_gap") -> list[str]:
    return [text[f["start"] : f["end"]] for f in flags if f["type"] == kind]


def test_seed_censored_gaps(seed: Record, seed_flags: tuple[list[dict], float]) -> None:
    residues = _residues(seed.text, seed_flags[0])
    # Six flags, one per distinct residue; 中国重庆市第六届委员会第六次全员会议 occurs twice: two occurrences.
    assert set(residues) == SEED_RESIDUES
    assert len(residues) == 6
    assert residues.count("中国重庆市第六届委员会第六次全员会议") == 1
    twice = next(f for f in seed_flags[0] if seed.text[f["start"]:f["end"]] == "中国重庆市第六届委员会第六次全员会议")
    assert len(twice["occurrences"]) == 2
    assert all(seed.text[a:b] == "中国重庆市第六届委员会第六次全员会议" for a, b in twice["occurrences"])
    by_residue = {seed.text[f["start"] : f["end"]]: f for f in seed_flags[0] if f["type"] == "censored_gap"}
    assert by_residue["习在重庆考察时强调"]["suggestion"] == "习近平"
    assert by_residue["同志在《论持久战》"]["suggestion"] == "毛泽东"
    assert by_residue["《中国章程》"]["suggestion"] == "共产党"
    assert by_residue["《中央关于党的百年奋斗重大成就和历史经验的决议》"]["suggestion"] == "中共"
    for flag in by_residue.values():
        assert flag["kind"] == "deleted" and 0 < flag["confidence"] <= 1 and flag["evidence"]


def test_seed_missing_references(seed: Record, seed_flags: tuple[list[dict], float]) -> None:
    missing = [f for f in seed_flags[0] if f["type"] == "missing_reference"]
    assert len(missing) == 1
    assert missing[0]["refs"] == [7, 11, 15, 16]
    assert seed.text[missing[0]["start"] : missing[0]["end"]] == "[7]"


def test_seed_spun_phrases_and_unspin(seed: Record, seed_flags: tuple[list[dict], float]) -> None:
    spun = _residues(seed.text, seed_flags[0], "spun_phrase")
    for phrase in ("明白准确地提出", "某些特定的程度上", "充分的发挥", "热情参加", "全员会议"):
        assert phrase in spun, phrase
    table = load_lexicon()
    for flag in seed_flags[0]:
        if flag["type"] == "spun_phrase":
            assert table[seed.text[flag["start"] : flag["end"]]] == flag["original"]
    restored = unspin(seed.text)
    assert "明白准确地提出" not in restored and "党的十九大报告明确提出" in restored
    assert "在一定程度上" in restored and "积极参与基层治理" in restored and "全体会议" in restored


def test_unspun_flags_point_into_the_restored_text(seed: Record, seed_flags: tuple[list[dict], float]) -> None:
    restored, flags, score = compute_flags_unspun(seed.text, seed.references)
    assert restored == unspin(seed.text) and score == seed_flags[1]
    assert set(_residues(restored, flags)) == SEED_RESIDUES - {"中国重庆市第六届委员会第六次全员会议",
                                                               "中国重庆市第六届委员会第二次全员会议"} | {
        "中国重庆市第六届委员会第六次全体会议", "中国重庆市第六届委员会第二次全体会议"}
    phrases = [f for f in flags if f["type"] == "spun_phrase"]
    assert len(phrases) == len(find_spun_phrases(seed.text))
    for flag in flags:
        assert 0 <= flag["start"] < flag["end"] <= len(restored)
    for flag in phrases:
        assert restored[flag["start"] : flag["end"]] == flag["original"]
        assert load_lexicon()[flag["as_found"]] == flag["original"]


def test_flags_sorted_and_offsets_valid(seed: Record, seed_flags: tuple[list[dict], float]) -> None:
    flags, score = seed_flags
    assert [f["start"] for f in flags] == sorted(f["start"] for f in flags)
    for flag in flags:
        assert isinstance(flag["start"], int) and isinstance(flag["end"], int)
        assert 0 <= flag["start"] < flag["end"] <= len(seed.text)
    assert isinstance(score, float) and score > 0


@pytest.mark.parametrize("name", ["censor_cases.tsv", "censor_holdout.tsv", "censor_blind.tsv"])
def test_case_offsets_valid(name: str) -> None:
    for _, text, _ in flageval.read_cases(FIXTURES / name):
        for flag in find_censored_gaps(text):
            assert 0 <= flag["start"] < flag["end"] <= len(text)
            assert flag["kind"] in ("deleted", "masked")


def test_case_file_precision_recall() -> None:
    cases = flageval.read_cases(FIXTURES / "censor_cases.tsv")
    assert len(cases) >= 200
    labels = [label for label, _, _ in cases]
    assert abs(labels.count("GAP") - labels.count("LEGIT")) <= len(cases) * 0.15
    score = flageval.score_censor(FIXTURES / "censor_cases.tsv")
    assert score.precision >= 0.95, score.false_flags
    assert score.recall >= 0.90, score.misses


def test_blind_set_precision_recall() -> None:
    """Written blind to the rules by another helper; the rules were then generalised on its misses (a dev set now)."""
    score = flageval.score_censor(FIXTURES / "censor_blind.tsv")
    assert score.rows >= 150
    assert score.precision >= 0.95, score.false_flags
    assert score.recall >= 0.90, score.misses


def test_holdout_precision_recall() -> None:
    assert len(flageval.read_cases(FIXTURES / "censor_holdout.tsv")) >= 80
    score = flageval.score_censor(FIXTURES / "censor_holdout.tsv")
    assert score.precision >= 0.95, score.false_flags
    assert score.recall >= 0.90, score.misses


@pytest.mark.parametrize("text", [
    "学习在于坚持。", "他习惯在早上跑步。", "习主席强调合作共赢。", "习总书记来到村里。", "同志们，大家好！",
    "老同志在退休后仍关心工作。", "张三同志在会上强调。", "党中央关于改革的部署。", "新中国成立70周年。",
    "中国作家协会第十次全国代表大会。", "公司新招了一名员工。", "《中国共产党章程》", "我以为核心问题在于资金。",
    "中国人民政治协商会议重庆市委员会", "革命尚未成功，同志仍需努力。", "**注意**：请勿相信陌生来电。",
    "中共中央关于党的百年奋斗重大成就和历史经验的决议", "以人民为中心的发展思想", "《毛泽东选集》第一卷",
    # Markdown emphasis, template placeholders and historical titles (issue 10; real lines from the opencc and
    # jieba package descriptions, fixtures/flags/censor_real*.tsv)
    "* `s2t.json` **Simplified Chinese** to **Traditional Chinese (OpenCC Standard)** / **簡體** 到 **OpenCC 標準繁體**",
    "-  全自动安装： ``easy_install jieba`` 或者 ``pip install jieba`` / ``pip3 install jieba``",
    "学习**习近平新时代中国特色社会主义思想**。", "**毛泽东**同志在《论持久战》中指出", "**总书记**强调，要坚持稳中求进。",
    "习**近平**总书记指出", "1. **同志**在会上发言", "关于任命×××同志为办公室主任的通知", "xxx同志：经研究决定",
    "1935年12月，瓦窑堡会议通过了《中央关于目前政治形势与党的任务决议》。", "由中国领导的多边机制正在发挥作用。",
    "这批中国员工将赴海外项目工作。", "国家主席习近平发表二〇一七年新年贺词", "习近平总书记强调，要聚焦政策沟通。",
    "韩国财经界：李在镕被捕或给韩经济带来重创", "邓禹奇怪地问：“怎么啦？”", "胡小帅轻轻的扯了扯艾一戈的衣服。",
    # real lines of ordinary wild-2017 pages: a leader's surname beginning a name (毛荣楷, 邓禹), 员 of occupations
    # jieba's dictionary lacks (快递员, 警备员, 增员), 党员 with nothing deleted, 习 in a coined word (习奥会)
    "广东江门原市委书记毛荣楷被双开", "“安静！”邓禹一摆手，", "46岁的快递员赵某与对方发生争执", "从身后的警备员手中接过",
    "进一步提出增员要求。", "我虽不是党员，但时刻以党员的标准严格要求自己。", "国内外学者纷纷看好“习奥会”对未来中美关系的影响",
    "招聘：仓管、测试员、物料员、文员、快递员若干名", "练习：请回答下列问题。", "复习：第一章",
    # a lone surname after the person's full name is an anaphor, not a name's residue
    "记者李华东报道。李说，明天放假。", "毛荣楷被双开后，毛说他不服。",
    # 同志 inside a sentence after a word, a vocative or 们 (the name-slot model needs only 1 nat more before it there)
    "“同志，请问去火车站怎么走？”", "有关部门负责同志参加了会议。", "向奋战在一线的同志致敬。", "会上，同志们踊跃发言。",
])
def test_confusers_not_flagged(text: str) -> None:
    assert find_censored_gaps(text) == []


@pytest.mark.parametrize(("text", "residue"), [
    ("习**在会议上发表重要讲话。", "习**"),
    ("网友：习××又出国访问了。", "习××"),
    ("中国共**成立于1921年。", "中国共**"),
    ("□□□同志在大会上作报告。", "□□□同志"),
])
def test_masks_flagged(text: str, residue: str) -> None:
    flags = find_censored_gaps(text)
    assert [text[f["start"] : f["end"]] for f in flags] == [residue]
    assert flags[0]["kind"] == "masked"


@pytest.mark.parametrize(("text", "residue"), [
    # real sentences from wild-2017 pages put through a keyword filter (fixtures/flags/censor_real.tsv), shapes
    # no rule knows: the character model finds the place where the deleted name fits
    ("会见俄罗斯总统普京", "会"),
    ("强调，要确保各项措施落实到位，不断提高政府效率和透明度。", "强"),
    ("□□向第九届中国―东盟教育交流周致贺信", "□□"),
    ("纪念逝世20周年 广安市民自发献花", "念逝"),
    # issue 10, second round: a surname before a word or verb, a mask opening a clause, an orphan 员
    ("高清：湖南举行纪念毛诞辰文艺晚会", "毛诞"),
    ("李主持召开国务院常务会议通过国家教育事业", "李主"),
    ("港报：习促香港各界务实讨论政改", "习促"),
    ("2017白菜送彩金大全:习：坚持稳中求进工作总基调深入推进去产能", "习："),
    ("济宁代办银行卡习谴责比利时恐袭事件:恐怖主义是人类公敌 20170329", "习谴"),
    ("ＸＸ的根本宗旨是全心全意为人民服务。", "ＸＸ"),
    ("□□开出“体检报告”，帮领导干部“治", "□□"),
    ("从点滴做起，从小处着手，用党的纪律约束自己、规范自己，永葆员的本色。", "葆员"),
    ("党章明确指出，员要“对党忠诚老实，言行一致”。", "员"),
])
def test_name_slot_finds_unshaped_residue(text: str, residue: str) -> None:
    flags = [f for f in find_censored_gaps(text) if f["evidence"].startswith("name_slot")]
    assert [text[f["start"] : f["end"]] for f in flags] == [residue]
    assert 0 < flags[0]["confidence"] < 0.85  # below the shape rules'


@pytest.mark.parametrize(("text", "residue"), [
    # real headlines NAME：quote (wild-2017 w000724, w001459, w001270) with the speaker deleted
    ("：努力建设新型", "："),
    ("李克强：开拓“一国两制”实践\n：让政策红利切实落到最需帮助最贫困的", "："),
    ("代开封做假医师资格证:：以新理念新动能推结构升级促进经济发展:R5lBF9X", "："),
    # a speech verb opening a sentence before its colon or comma (w001229, w001877): the speaker gone
    ("说：“必须要看到，时代变了，老百姓都在用手机上网，各级政府部门要不断适应新变化。", "说"),
    ("说，访澳几天来，我深切感受到广大华侨华人对祖国和祖籍国的眷恋和热爱。", "说"),
])
def test_empty_speaker_colon(text: str, residue: str) -> None:
    assert [text[f["start"] : f["end"]] for f in find_censored_gaps(text)] == [residue]


@pytest.mark.parametrize(("text", "residue"), [
    # a real headline of a DAnIEL page (韩正：上海内环1套普通商品房拟不超330万) with the speaker masked: a mask
    # opening a line before a speaker's colon is the NAME of NAME：quote, not a separator or a bullet
    ("ＸＸ：上海内环1套普通商品房拟不超330万", "ＸＸ"),
    ("上海楼市调控不放松\n□□：上海高房价背离了可持续发展 今年政策不变", "□□"),
    # markup and forms keep their runs: bold pairs, a row of separators, a placeholder after a label's colon
    ("**注意**：带好身份证件", None), ("＊＊＊ ＊＊＊", None), ("姓名：ＸＸ\n电话：□□□□", None),
])
def test_mask_before_a_speakers_colon(text: str, residue: str | None) -> None:
    assert [text[f["start"] : f["end"]] for f in find_censored_gaps(text)] == ([residue] if residue else [])


@pytest.mark.parametrize(("text", "residue"), [
    # real sentences (wild-2017 w000135) with 共产党 deleted: 中国 said to be a party
    ("中国是一个伟大的党、光荣的党、正确的党，加入党是很多有志青年的愿望。", "中国是"),
    ("中国是有着光荣历史的党，是使亿万中国人在世界面前站起来的党，是坚持真理，实事求是的党。", "中国是"),
])
def test_china_said_to_be_a_party(text: str, residue: str) -> None:
    assert [text[f["start"] : f["end"]] for f in find_censored_gaps(text)] == [residue]


@pytest.mark.parametrize(("text", "residue"), [
    # real sentence (wild-2017 w001877) with 李克强 deleted: the wife is named, her husband's slot is empty
    ("正在澳大利亚悉尼访问的国务院总理和夫人程虹出席澳大利亚华侨华人举行的欢迎晚宴并致辞。", "和夫人"),
    ("正在澳大利亚悉尼访问的国务院总理李克强和夫人程虹出席欢迎晚宴。", None),
    ("国家主席习近平和夫人彭丽媛在机场受到热烈欢迎。", None),
    ("美国总统和夫人梅拉尼娅出席晚宴。", None),
])
def test_title_and_wife_with_the_name_gone(text: str, residue: str | None) -> None:
    assert [text[f["start"] : f["end"]] for f in find_censored_gaps(text)] == ([residue] if residue else [])


@pytest.mark.parametrize("text", [
    "中国是一个多党合作的国家。", "中国是世界上最大的发展中国家，我们的党和政府高度重视。", "中国是我们的党和人民共同的家园。",
    "新中国是在党的领导下建立的。",
])
def test_china_and_party_confusers(text: str) -> None:
    assert find_censored_gaps(text) == []


@pytest.mark.parametrize("text", [
    # real lines of ordinary pages with a colon after a line break or a space (wild-2017 w000647, w009837,
    # w002658, w006704): a novel's author's note is a sentence, a lone colon, a label before a space
    "她想抱一抱他了。\n：感谢鬼灬儛兄弟的票票支持！", "强大的英雄属性和高颜值的外观。\n：\n目录：",
    "POWER ：此口接电源。\nRESET ：复位按钮，可用来完成重新启动宽带", "49.相关研究表明， ：由于气候变暖，中国冬小麦的安全种植",
    "问：“你为什么要做这种网站？”\n答：现在上网一般是玩一下游戏",
    # a label the layout put on the line above its colon (wild-2017 w004786, a dog-breed page's record)
    "而且性格温顺，非常适合家养。\n拉布拉多\n：吃货养拉布拉多.",
    # a speech verb after a comma carries its subject over; an imperative 说 after a question; a label 要求：
    # (wild-2017 w006015, w001200)
    "“你居然还瞒着我给维佳发薪水？说，你每年给她多少钱？”", "4、协助处理老板的私人事宜。要求：1、熟悉深圳以及珠三角地区路线",
    "白宫先发出了一个闪烁其词的通知，说，5个小时之后总统要对全国的电视广播网发表一项“重大声明”。",
])
def test_colon_confusers_not_flagged(text: str) -> None:
    assert find_censored_gaps(text) == []


def test_a_filtered_page_lowers_the_bar() -> None:
    """Lines of one real page (wild-2017 w001037, filtered): the headline with its subject gone is flagged only
    where a shape rule shows that a filter went over the page."""
    headline = "全国宣传部长会议在京召开 出席并讲话"
    assert find_censored_gaps(headline) == []
    assert find_censored_gaps("今天天气很好，我们出去玩。\n" + headline) == []
    page = "习致信祝贺《大辞海》出版暨《辞海》第一版\n" + headline
    assert [page[f["start"] : f["end"]] for f in find_censored_gaps(page)] == ["习致信", "出"]


def test_real_pages_precision_recall() -> None:
    """The real dev rows joined into their filtered pages (flageval.score_pages): the name-slot model scores a
    line as a text's start (the character model resets history at a boundary)."""
    score = flageval.score_pages(FIXTURES / "censor_real.tsv")
    assert score.gaps >= 70
    assert score.precision >= 0.95, score.false_flags
    assert score.recall >= 0.65, score.misses  # 0.684 in round 3


@pytest.mark.parametrize("name", ["censor_real.tsv", "censor_real_holdout.tsv"])
def test_real_sets_precision(name: str) -> None:
    """Real sentences (fixtures/flags/build_real.py): precision first; the holdout is measured, never tuned on."""
    score = flageval.score_censor(FIXTURES / name)
    assert score.rows >= 700 and score.gaps >= 30
    if name == "censor_real.tsv":
        assert score.precision >= 0.95, score.false_flags
        assert score.recall >= 0.70, score.misses  # 0.263 with the rules alone, 0.395 with the first name_slot, 0.711 in round 3
    else:  # measured only (docs/flags.md gives the figure); a floor against a collapse
        assert score.precision >= 0.8, score.false_flags


def test_spin_score_monotone_in_evidence() -> None:
    """Adding any kind of evidence never lowers the score, and each weighted kind raises it; no evidence is 0.

    Rare-word excess is reported but weighs 0 since round 7 (RARITY_WEIGHT; docs/flags.md)."""
    import cleaners.spin

    base = {"lexicon_hits": 1.0, "artefacts": 1.0, "rarity_excess": 50.0, "context_deficit": 0.3, "synonym_fit": 40.0,
            "cjk_chars": 1000.0}
    score = spin_strength(base) / (spin_strength(base) + SPIN_HALF)
    for key in ("lexicon_hits", "artefacts", "rarity_excess", "context_deficit", "synonym_fit"):
        more = {**base, key: base[key] * 2}
        assert spin_strength(more) / (spin_strength(more) + SPIN_HALF) >= score
        if key != "rarity_excess" or cleaners.spin.RARITY_WEIGHT > 0:
            assert spin_strength(more) / (spin_strength(more) + SPIN_HALF) > score
    assert cleaners.spin.RARITY_WEIGHT >= 0
    assert spin_strength({k: 0.0 for k in base} | {"cjk_chars": 100.0}) == 0.0


@pytest.mark.skipif(not (SHARED / "eval" / "daniel-zh-dev").is_dir(), reason="../shared not present")
def test_spun_phrases_below_threshold_are_not_flagged() -> None:
    """One lexicon phrase in a real news article is a word choice: no spun_phrase flag, --unspin leaves the text."""
    article = max(flageval.daniel_texts(SHARED), key=len)
    text = article[:600] + "要热情参加区域合作。" + article[600:]
    assert len(find_spun_phrases(text)) == 1
    flags, score = compute_flags(text, [])
    assert score < SPIN_THRESHOLD and not [f for f in flags if f["type"] == "spun_phrase"]
    restored, flags, _ = compute_flags_unspun(text, [])
    assert restored == text and not [f for f in flags if f["type"] == "spun_phrase"]
    spun = article[:800] + "他们明白准确地提出，要在某些特定的程度上热情参加。" * 3  # a dense run of them is spinning
    assert spin_score(spun) >= SPIN_THRESHOLD and unspin(spun) != spun


@pytest.mark.skipif(not (SHARED / "reference" / "spin_pairs_raw.txt").is_file(), reason="../shared not present")
def test_spin_auc_on_held_out_articles() -> None:
    """DAnIEL articles spun with the public list (never used by the score), the half not tuned on."""
    sets = flageval.spin_sets(flageval.daniel_texts(SHARED), SHARED)
    originals, spun = sets["held-out rate 1.0"]
    assert len(originals) >= 40
    assert flageval.auc([spin_score(t) for t in spun], [spin_score(t) for t in originals]) >= 0.94  # 0.962 in round 4


@pytest.mark.skipif(not HAS_JIEBA, reason="jieba's dictionary not installed")
def test_synonym_fit_sees_a_rarer_sibling(monkeypatch: pytest.MonkeyPatch) -> None:
    """A more common word sharing a character that fits far better (相干 -> 相关) is evidence; ordinary text has none.

    Three spun words in 46 characters stay under the document baseline (SYNONYM_BASELINE, ~63rd percentile
    of news), so the per-word evidence is compared with the baseline at 0."""
    import cleaners.spin

    original = "记者从市政府新闻发布会上获悉，相关部门将加强对失踪人员的搜救工作，并及时向社会公布最新消息。" * 8
    spun = "记者从市政府新闻发布会上获悉，相干部门将加强对失落人员的搜救工作，并及时向社会公布最新动静。" * 8
    assert synonym_fit(spun) >= synonym_fit(original)
    monkeypatch.setattr(cleaners.spin, "SYNONYM_BASELINE", 0.0)
    assert synonym_fit(spun) > 2 * synonym_fit(original)
    assert synonym_fit("今天天气很好。") == 0.0


def test_missing_references_ranges() -> None:
    text = "见[1-3]与[5]，另见[9]。"
    flags = missing_references(text, ["[1]a[J].2020.", "[2]b[J].2020.", "[5]c[J].2020.", "[9]d[J].2020."])
    assert flags == [{"type": "missing_reference", "start": 1, "end": 6, "refs": [3]}]
    assert missing_references(text, []) == []


def test_spin_pairs_auc() -> None:
    pairs = flageval.read_pairs(FIXTURES / "spin_pairs.jsonl")
    assert len(pairs) >= 30
    unseen = [p for p in pairs if p["group"] == "unseen"]
    assert len(unseen) * 2 >= len(pairs)
    for pair in unseen:  # substitutions the lexicon lacks
        assert find_spun_phrases(pair["spun"]) == []
    seed_group = [p for p in pairs if p["group"] == "seed"]
    assert flageval.auc([spin_score(p["spun"]) for p in seed_group],
                        [spin_score(p["original"]) for p in seed_group]) == 1.0
    if HAS_JIEBA:  # the rare-word signal, the only one that sees substitutions outside the lexicon
        assert flageval.auc([spin_score(p["spun"]) for p in pairs],
                            [spin_score(p["original"]) for p in pairs]) >= 0.9
        assert flageval.auc([spin_score(p["spun"]) for p in unseen],
                            [spin_score(p["original"]) for p in unseen]) >= 0.8  # 0.835 in round 4


def test_spin_score_zero_without_evidence() -> None:
    assert spin_score("") == 0.0
    assert spin_score("Plain English text without Chinese.") == 0.0
    assert spin_score("今天天气很好，我们去公园散步。") == 0.0


@pytest.mark.parametrize("name", ["censor_daniel.tsv", "censor_daniel_holdout.tsv"])
def test_daniel_sets(name: str) -> None:
    """Real sentences of the DAnIEL pages put through the same filters (fixtures/flags/build_daniel.py): no stray flag
    on their intact twins and confusers; the holdout is measured, never tuned on (docs/flags.md gives the figure)."""
    score = flageval.score_censor(FIXTURES / name)
    assert score.rows >= 300 and score.gaps >= 20
    if name == "censor_daniel.tsv":
        assert score.precision >= 0.95, score.false_flags
        assert score.recall >= 0.2, score.misses  # 0.172 when first measured, 0.207 after the speaker's mask
    else:  # measured only; a floor against a collapse
        assert score.precision >= 0.8


@pytest.mark.skipif(not (SHARED / "eval" / "daniel-zh-dev").is_dir(), reason="../shared not present")
def test_ordinary_news(seed: Record) -> None:
    texts = flageval.daniel_texts(SHARED)
    gaps, spun, chars, examples = flageval.stray_flags(texts)
    assert gaps * 200_000 / chars <= 1, examples
    assert spun * 200_000 / chars <= 1
    news = [spin_score(t) for t in texts]
    assert all(0.0 <= x < 1.0 for x in news)
    assert sum(x >= SPIN_THRESHOLD for x in news) <= 0.05 * len(news)  # the documented false-alarm budget
    assert spin_score(seed.text) >= SPIN_THRESHOLD
    assert spin_score(seed.text) > sorted(news)[int(0.95 * len(news))]


@pytest.mark.parametrize("name", ["censor_blind2.tsv", "censor_blind3.tsv", "censor_blind4.tsv", "censor_blind5.tsv",
                                  "censor_blind6.tsv"])
def test_blind_sets_keep_precision(name: str) -> None:
    """Precision first on every blind set (blind6 is measured only: its recall is reported in docs/flags.md)."""
    score = flageval.score_censor(FIXTURES / name)
    assert score.rows >= 150
    assert score.precision >= 0.94, score.false_flags


@pytest.mark.parametrize("sentence", ["吉米·卡特（Jimmy Carter，1924年10月1日－）习称吉米·卡特，美国第39任总统。",
                                      "7．与维拉帕米、地尔硫？、胺碘酮合用，由于降低肾及全身对地高辛的清除率，可使血药浓度升高。"])
def test_real_confusers_from_wild_pages(sentence: str) -> None:
    """Sentences of ordinary wild-2017 pages (w003222, w008245): 习称 (commonly called) is a word, not a surname left
    by a filter; ？ where the page's charset lost a character (地尔硫䓬) does not end a clause before a list."""
    rec = clean_document(f"<html><head><title>药品说明</title></head><body><article><p>{sentence}</p></article></body></html>".encode(),
                         "confuser.html")
    assert not [f for f in rec.flags if f.type == "censored_gap"]
