"""Two masks on one line of a text dump are masks, not a Markdown bold span.

cleaners/dumplines.py takes `**…**` off a converter's Markdown (html2text's **来源：**). A line of a keyword-filtered
text with two masked names (邓**在…习**主席) has the same pair of `**`; taking it off rewrote the record's text
(邓在…习主席) and left the censor only the weaker deleted-name shapes. A pair between Chinese characters on both
sides stays as it is.
"""

from __future__ import annotations

from cleaners import clean_document

LINE = "1982年9月，邓**在人民大会堂会见英国首相撒切尔夫人，双方就香港问题交换了意见。习**主席出席开幕式并发表主旨演讲。"
BODY = "各方代表表示，将继续推进相关工作，加强沟通协调，确保各项任务按期完成，为经济社会发展作出新的贡献。\n" * 3


def test_two_masks_on_a_line_stay_masks() -> None:
    rec = clean_document(f"会议消息\n\n{LINE}\n\n{BODY}".encode(), "dump.txt")
    assert LINE in rec.text
    masked = [rec.text[f["start"] : f["end"]] for f in rec.flags if f["type"] == "censored_gap" and f["kind"] == "masked"]
    assert any("邓**" in m for m in masked) and any("习**" in m for m in masked), rec.flags


def test_markdown_bold_still_comes_off() -> None:
    rec = clean_document(f"# 会议消息\n\n**来源：**新华社\n\n{BODY}".encode(), "dump.txt")
    assert "**" not in rec.text
