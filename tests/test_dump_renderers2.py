"""Text dumps by other tools than a browser's innerText, second round (s26-9w): the `<title>` printed first and
its headline printed again, a headline beside a sidebar cell, an embedded object's address.

Real pages (wild-2017 labelled in fixtures/wild/dumps.jsonl, DAnIEL with its gold) are rendered in the test by a
scraper's BeautifulSoup ``get_text("\\n")`` and by w3m, then cleaned as `.txt` (`python -m mirrorclean.dumps
--renderer NAME`). The rules read the layout (a line repeated, a table row's cells), never a tool's name.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest
from _renders import DANIEL, LABELS, cleaned

from cleaners import Record, clean_document
from cleaners.dumplines import undecorate
from mirrorclean.dumps import _norm


def gold(key: str) -> list[str]:
    """A DAnIEL page's gold paragraphs (the headline first)."""
    return [re.sub(r"<[^>]+>", "", p).strip()
            for p in re.findall(r"<p>(.*?)</p>", (DANIEL / "reference" / f"{key}.txt").read_text("utf-8"), re.S)]


def need_w3m() -> None:
    if shutil.which("w3m") is None:
        if os.environ.get("CI"):
            pytest.fail("w3m must be installed in CI (.ci/run installs it)")
        pytest.skip("w3m not installed (apt-get install w3m)")


@pytest.mark.parametrize("name", ["w004521.html", "w002137.html", "w003162.html", "w008767.html", "w009852.html"])
def test_title_line_printed_again_is_the_headline(name: str) -> None:
    """get_text prints the page's <title> (`戚风蛋糕与千层蛋糕哪个好吃？-饮食养生-湖州美食-湖州19楼`) first and the headline
    again over the post; a control under it (`19楼客户端扫一下`), a counter or a byline fragment is not the headline."""
    rec = cleaned("soup", name)
    assert _norm(rec.title or "") == _norm(LABELS[name]["title"])
    assert not rec.is_spam_page, rec.spam_terms


def test_list_above_the_text_is_no_injection_slot() -> None:
    """w009837 by get_text: with its headline found, the weapon list between headline and text (`猎鹰OP99` last)
    is no first-line injection slot: the ordinary page is not called spam."""
    rec = cleaned("soup", "w009837.html")
    assert rec.title == LABELS["w009837.html"]["title"]
    assert not rec.is_spam_page, rec.spam_terms


def test_daniel_titles_by_one_node_a_line() -> None:
    """DAnIEL news pages by get_text: the headline under the <title> line (195 of the 210 pages; main had 184)."""
    if not DANIEL.is_dir():
        pytest.skip("DAnIEL not beside the repo")
    ids = [i for i in (DANIEL / "ids.txt").read_text("utf-8").split() if i]
    right = 0
    for key in ids:
        rec = cleaned("soup", f"{key}.html", DANIEL / "html")
        right += bool(rec.title) and _norm(rec.title) == _norm(gold(key)[0])
        assert not rec.is_spam_page
    assert right >= 0.92 * len(ids), right


@pytest.mark.parametrize("key", ["20120112_www.uho.com.tw_1098a52efc2bec3700f7398b558346a672f7c67cb542143856a705d8",
                                 "20111209_health.gansudaily.com.cn_b4a2b4f9fb57b14640abc255cec98ec7181910d192a09f395381ba5b"])
def test_headline_beside_a_sidebar_cell(key: str) -> None:
    """w3m lays a layout table's cells side by side (`2015年陇药销售额要超100亿元    论坛热帖`): the headline is the cell
    that shares the text's words, not the row."""
    need_w3m()
    rec = cleaned("w3m", f"{key}.html", DANIEL / "html")
    assert _norm(rec.title or "") == _norm(gold(key)[0])


@pytest.mark.parametrize("key", ["20120112_www.awakeningtw.com_0b1e6c842ec963e36932ad7c3647482950c67973d63676bd93f497ae",
                                 "20120112_www.bltv.tv_d2056bef300fcb6673039b47862a7a042ccfe27d52d14c907fa491f9"])
def test_embedded_object_is_no_headline(key: str) -> None:
    """w3m names a Flash movie or a video by its address (`embed(/awakening/swf/anngrouplogo.swf)`): no text."""
    need_w3m()
    rec = cleaned("w3m", f"{key}.html", DANIEL / "html")
    assert "embed(" not in (rec.title or "") + rec.text
    assert _norm(rec.title or "") == _norm(gold(key)[0])
    assert undecorate('open("/etc/hosts")') == 'open("/etc/hosts")'  # a call with an argument is text


def test_kicker_over_the_headline_stays_text() -> None:
    """The gold text of a DAnIEL page cleaned as `.txt`: headline, kicker (`《…规划纲要…》发布`), headline again. The
    headline is the title and the kicker, which shares the text's words, stays in the text."""
    key = "20111209_health.gansudaily.com.cn_b4a2b4f9fb57b14640abc255cec98ec7181910d192a09f395381ba5b"
    if not DANIEL.is_dir():
        pytest.skip("DAnIEL not beside the repo")
    paras = gold(key)
    rec = clean_document("\n".join(paras).encode("utf-8"), "gold.txt", kind="text")
    assert isinstance(rec, Record)
    assert rec.title == paras[0]
    assert _norm(paras[1]) in _norm(rec.text)
