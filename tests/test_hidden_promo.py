"""Hidden prose that sells a spam topic is a planted block, not an article a script reveals.

cleaners.html spares hidden blocks that read as an article (`_revealed_article`: a slide show's text, w006157's
paragraphs each display:none until the next slide). A hacker hides paragraphs of promo text the same way; those
must still be removed, said in `removed`, and count as the page's injection.
"""

from __future__ import annotations

import pytest

from cleaners import clean_document

ARTICLE = "".join(f"<p>第{i}段，本市今年继续推进老旧小区改造工作，居民反映良好，相关部门表示将加快进度并做好后续服务保障。</p>"
                  for i in range(8))
PROMO = [f"澳门百家乐官网是亚洲最值得信赖的真人娱乐平台，注册即送彩金{i}8元，天天返水，提款三分钟到账，欢迎广大玩家加入我们。"
         for i in range(8)]
HIDDEN = {
    "each paragraph hidden": "<div>" + "".join(f'<p style="display:none">{t}</p>' for t in PROMO) + "</div>",
    "a hidden block of paragraphs": "<div style='display:none'>" + "".join(f"<p>{t}</p>" for t in PROMO) + "</div>",
}


@pytest.mark.parametrize("shape", sorted(HIDDEN))
def test_hidden_promo_paragraphs_are_injection(shape: str) -> None:
    html = ("<html><head><title>老旧小区改造加快推进</title></head><body><div class='content'><h1>老旧小区改造加快推进</h1>"
            f"{ARTICLE}</div>{HIDDEN[shape]}</body></html>")
    rec = clean_document(html.encode(), "t.html")
    assert rec.is_spam_page and "百家乐" not in rec.text
    hidden = [r for r in rec.to_dict()["removed"] if r["reason"] == "hidden_element"]
    assert sum("百家乐" in r["text"] for r in hidden) >= 1
    assert "老旧小区改造" in rec.text
