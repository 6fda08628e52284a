"""Bytes to text for real Chinese web pages.

Order of evidence: byte order mark, then strict UTF-8 (many pages that declare gb2312/gbk are really
UTF-8), then the declared charsets (HTTP header, ``<meta>``, XML declaration) widened to their superset
family, then charset-normalizer, and only then a lossy decode when the loss is tiny. Every guess is
checked against the bytes; binary junk raises :class:`DecodeError`.

>>> decode_bytes("发布时间".encode("gbk"), "gb2312")
('发布时间', 'gb18030')
>>> decode_bytes("发布时间".encode("utf-8"), "gb2312")
('发布时间', 'utf-8')
"""

from __future__ import annotations

import codecs
import re

__all__ = ["DecodeError", "decode_bytes"]


class DecodeError(ValueError):
    """The bytes are empty, binary, or text in no encoding we can justify."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SNIFF_BYTES = 4096  # where <meta charset> and <?xml encoding?> are looked for
_BINARY_SNIFF_BYTES = 1024  # where NUL bytes mean "binary" (unless the bytes are UTF-16)
_DETECT_LIMIT = 256 * 1024  # the detector sees at most this much
_MAX_LOSS = 0.005  # a lossy decode may replace < 0.5% of the characters ...
_MAX_NON_ASCII_LOSS = 0.1  # ... and < 10% of the non-ASCII ones (stops mojibake of mostly-ASCII pages)
_MAX_BAD_SHARE = 0.02  # more control/replacement characters than this: not text

# A tag is scanned up to the next "<" or ">" and blanks are possessive (*+): many unclosed <meta or blank
# runs around "=" were quadratic or worse.
_META_RE = re.compile(rb"""<meta\s[^<>]*?charset\s*+=\s*+["']?\s*+([A-Za-z][\w.:-]*)""", re.IGNORECASE)
_XML_DECL_RE = re.compile(rb"""<\?xml\s[^<>]*?encoding\s*+=\s*+["']\s*+([A-Za-z][\w.:-]*)""", re.IGNORECASE)
_HTTP_CHARSET_RE = re.compile(r"""charset\s*+=\s*+["']?\s*+([^\s"';,]+)""", re.IGNORECASE)
_BAD_CHARS_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_HIGH_BYTES = bytes(range(0x80, 0x100))

# Labels browsers accept but Python's codec registry does not.
_ALIASES: dict[str, str] = {
    "x-gbk": "gbk",
    "gb_2312-80": "gb2312",
    "gb_2312": "gb2312",
    "csgb2312": "gb2312",
    "x-euc-cn": "gb2312",
    "x-gb2312": "gb2312",
    "x-big5": "big5",
    "x-x-big5": "big5",
    "csbig5": "big5",
    "x-sjis": "shift_jis",
    "windows-31j": "cp932",
    "utf8mb4": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "x-unicode20utf8": "utf-8",
}

# Declared charset -> codecs to try, superset first.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "gb18030": ("gb18030",),
    "big5": ("big5hkscs", "cp950"),
    "big5hkscs": ("big5hkscs", "cp950"),
    "cp950": ("cp950", "big5hkscs"),
    "shift_jis": ("cp932", "shift_jis"),
    "cp932": ("cp932", "shift_jis"),
    "euc_kr": ("cp949",),
    "cp949": ("cp949",),
    "ascii": ("cp1252", "latin-1"),
    "iso8859-1": ("cp1252", "latin-1"),
    "latin-1": ("cp1252", "latin-1"),
    "cp1252": ("cp1252", "latin-1"),
}

# Single-byte Western labels: often a server default (Tomcat says ISO-8859-1) and they decode anything,
# so they are only believed after the real declarations, the detector and a near-lossless CJK guess.
_WEAK = frozenset({"ascii", "iso8859-1", "latin-1", "cp1252"})

_MULTIBYTE = frozenset(
    {
        "gb2312",
        "gbk",
        "gb18030",
        "big5",
        "big5hkscs",
        "cp950",
        "shift_jis",
        "cp932",
        "euc_jp",
        "euc_kr",
        "cp949",
    }
)

# Tried in the lossy phase even when nothing declared them: this is a Chinese-web tool.
_DEFAULT_GUESSES = ("utf-8", "gb18030")


def decode_bytes(data: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """Decode a web page; return ``(text, codec name used)`` or raise :class:`DecodeError`.

    >>> decode_bytes(b"\\xef\\xbb\\xbf<p>\\xe4\\xb8\\xad</p>")
    ('<p>中</p>', 'utf-8-sig')
    >>> decode_bytes(b"plain ascii")
    ('plain ascii', 'ascii')
    >>> decode_bytes(b"\\x00" * 2048 + b"<p>ok</p>")  # a save padded with NULs before the page
    ('<p>ok</p>', 'ascii')
    """
    if data.startswith(b"\x00\x00\x00\x00") and (rest := data.lstrip(b"\x00")) and b"\x00" not in rest[:_BINARY_SNIFF_BYTES]:
        data = rest  # a run of NULs before text (a broken save, a preallocated file), not UTF-16 or binary
    if not data:
        raise DecodeError("empty input: no bytes to decode")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data if encoding == "utf-8-sig" else data[len(bom) :]
            text = _decode_checked(body, encoding, lossy=True)
            if text is None:
                raise DecodeError(f"byte order mark says {encoding} but the bytes are not {encoding} text")
            return text, encoding
    head = data[:_BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        utf16 = _sniff_utf16(head)
        text = _decode_checked(data, utf16, lossy=True) if utf16 else None
        if utf16 is None or text is None:
            raise DecodeError("binary data: NUL bytes in the first KB and the bytes are not UTF-16")
        return text, utf16
    if data.isascii():
        return _require_text(data.decode("ascii"), "ascii"), "ascii"
    text = _decode_strict(data, "utf-8")
    # A cut-off tail only counts as UTF-8 when the rest already proves it (has non-ASCII).
    if text is None or text.isascii():
        return _decode_legacy(data, http_charset)
    return _require_text(text, "utf-8"), "utf-8"


def declared_charsets(data: bytes, http_charset: str | None = None) -> list[str]:
    """Charsets the page claims (HTTP header first), canonical codec names, unknown labels skipped.

    >>> declared_charsets(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">', "x-gbk")
    ['gbk', 'gb2312']
    >>> declared_charsets(b'<?xml version="1.0" encoding="Big5"?><meta charset="utf-8">')
    ['big5', 'utf-8']
    """
    labels: list[str] = []
    if http_charset:
        match = _HTTP_CHARSET_RE.search(http_charset)
        labels.append(match.group(1) if match else http_charset)
    head = data[:_SNIFF_BYTES]
    xml = _XML_DECL_RE.search(head)
    if xml:
        labels.append(xml.group(1).decode("ascii", "replace"))
    labels.extend(m.group(1).decode("ascii", "replace") for m in _META_RE.finditer(head))
    names: list[str] = []
    for label in labels:
        name = _canonical(label)
        if name and name not in names:
            names.append(name)
    return names


def _canonical(label: str) -> str | None:
    """Python codec name for a charset label, or None when unknown."""
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _family(name: str) -> tuple[str, ...]:
    if name.startswith(("utf-16", "utf-32")):  # no NULs, so not UTF-16: browsers read this as UTF-8
        return ("utf-8",)
    return _FAMILIES.get(name, (name,))


def _decode_legacy(data: bytes, http_charset: str | None) -> tuple[str, str]:
    """Slow path for bytes that are not strict UTF-8."""
    declared = declared_charsets(data, http_charset)
    strong = [enc for name in declared if name not in _WEAK for enc in _family(name)]
    weak = [enc for name in declared if name in _WEAK for enc in _family(name)]
    tried: list[str] = []

    def strict(candidates: list[str]) -> tuple[str, str] | None:
        for encoding in candidates:
            if encoding in tried:
                continue
            tried.append(encoding)
            text = _decode_checked(data, encoding, lossy=False)
            if text is not None:
                return text, encoding
        return None

    found = strict(strong)
    if found:
        return found
    detected = _detect(data)
    # A single-byte guess does not overrule a declared single-byte charset (cp1250 vs latin-1).
    if detected and detected not in ("ascii", "utf-8") and (_is_multibyte(detected) or not weak):
        if not _is_multibyte(detected) and (chinese := _common_hanzi(data)):
            return chinese, "gb18030"
        found = strict(list(_family(detected)))
        if found:
            return found
    found = _best_lossy(data, [*tried, *_DEFAULT_GUESSES])
    if found:
        return found
    found = strict(weak) or _best_lossy(data, weak)
    if found:
        return found
    claims = ", ".join(declared) or "none"
    raise DecodeError(
        f"no encoding fits the bytes (declared: {claims}; detector: {detected or 'nothing textual'})"
    )


def _common_hanzi(data: bytes) -> str | None:
    """The bytes as GB18030 when that reads as Chinese: a detector's single-byte guess (iso8859-5, cp1251) for a
    GBK page mislabelled utf-8 turns its text into Cyrillic. Evidence: nine in ten of a Chinese text's
    characters are among GB2312's 3,755 common ones (lead bytes B0-D7); other bytes read as GBK scatter over
    all of its rows.

    >>> _common_hanzi("琵琶网 2017LPL春季赛3月23日比赛视频，VG连败终结。".encode("gbk") * 3)[:6]
    '琵琶网 20'
    >>> _common_hanzi("Привет, как дела? Всё хорошо.".encode("cp1251")) is None
    True
    """
    text = _decode_strict(data, "gb18030")
    if text is None:
        return None
    hanzi = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if len(hanzi) < 20:
        return None
    common = 0
    for c in hanzi:
        try:
            common += 0xB0 <= c.encode("gb2312")[0] <= 0xD7
        except UnicodeEncodeError:
            pass
    return text if common >= 0.9 * len(hanzi) and _is_text(text) else None


def _best_lossy(data: bytes, candidates: list[str]) -> tuple[str, str] | None:
    """The candidate that loses fewest characters, if that loss is tiny."""
    best: tuple[int, str, str] | None = None
    for encoding in dict.fromkeys(candidates):
        try:
            text = _decode_strict(data, encoding)
            if text is None:
                text = data.decode(encoding, "replace")
        except LookupError:
            continue
        loss = text.count("\ufffd")
        if not _tiny_loss(text, loss) or not _is_text(text):
            continue
        if best is None or loss < best[0]:
            best = (loss, text, encoding)
    return (best[1], best[2]) if best else None


def _tiny_loss(text: str, loss: int) -> bool:
    if loss == 0:
        return True
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return loss < _MAX_LOSS * len(text) and loss < _MAX_NON_ASCII_LOSS * non_ascii


def _decode_checked(data: bytes, encoding: str, *, lossy: bool) -> str | None:
    """Strict decode (or a lossy one with tiny loss) that also looks like text; else None."""
    try:
        text = _decode_strict(data, encoding)
    except LookupError:
        return None
    if text is None:
        if not lossy:
            return None
        text = data.decode(encoding, "replace")
        if not _tiny_loss(text, text.count("\ufffd")):
            return None
    return text if _is_text(text) else None


def _decode_strict(data: bytes, encoding: str) -> str | None:
    """Strict decode that forgives only a character cut off at the very end (dropped); else None.

    >>> _decode_strict("中文".encode("utf-8")[:-1], "utf-8")
    '中'
    >>> _decode_strict("中文".encode("gbk"), "utf-8") is None
    True
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.end != len(data) or len(data) - exc.start > 3:
            return None
        try:
            return data[: exc.start].decode(encoding)
        except UnicodeDecodeError:
            return None


def _is_text(text: str) -> bool:
    """False when control or replacement characters are more than a trace."""
    return len(_BAD_CHARS_RE.findall(text)) <= _MAX_BAD_SHARE * len(text)


def _require_text(text: str, encoding: str) -> str:
    if not _is_text(text):
        raise DecodeError(
            f"not text: too many control or replacement characters after decoding as {encoding}"
        )
    return text


def _sniff_utf16(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes sit on one parity, as in BOM-less UTF-16."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if even + odd < 4:
        return None
    if odd >= 9 * even:
        return "utf-16-le"
    if even >= 9 * odd:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess (canonical name) or None when nothing textual is found."""
    sample = data
    if len(data) > _DETECT_LIMIT:  # cut at an ASCII byte, which always ends a whole character
        sample = data[:_DETECT_LIMIT].rstrip(_HIGH_BYTES) or data[:_DETECT_LIMIT]
    guess = _detect_sample(sample)
    # A cut-off multibyte tail makes every multibyte codec fail, so the detector gives up or picks a
    # single-byte codec (Thai cp874 "explains" GBK bytes): retry without the dangling bytes.
    for cut in (1, 2, 3):
        if (guess and _is_multibyte(guess)) or sample[-cut] < 0x80:
            break
        shorter = _detect_sample(sample[:-cut]) if len(sample) > cut else None
        if shorter and _is_multibyte(shorter):
            return shorter
    return guess


def _detect_sample(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    return _canonical(best.encoding) if best else None


def _is_multibyte(name: str) -> bool:
    return name.startswith("utf") or name in _MULTIBYTE
