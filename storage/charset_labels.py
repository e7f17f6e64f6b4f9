"""What a web page's ``<meta charset>`` label means, as browsers read it.

Browsers know encodings by many labels ("x-sjis", "windows-949", "ks_c_5601-1987"), many
of which Python's codecs do not, and read several legacy encodings in their Windows form,
a superset: Shift_JIS as Windows-31J (circled numbers, the wave dash, 髙), EUC-KR as
Windows-949 (the 8,822 syllables EUC-KR lacks, such as 똠), GB2312 and GBK as GB18030
(the euro sign), Big5 as Big5-HKSCS, ISO-8859-9 as Windows-1254. Read in the narrow form,
the letters a page written on Windows holds were lost, replaced by "�". The names here
follow the WHATWG Encoding Standard.
"""

from __future__ import annotations

import codecs

from diptych.storage.legacy_scripts import NAMES as LEGACY_NAMES


def _labels(codec: str, labels: str) -> dict[str, str]:
    return dict.fromkeys(labels.split(), codec)


_BROWSER_LABELS: dict[str, str] = {
    **_labels("cp932", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    **_labels(
        "cp949",
        "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 "
        "ksc5601 ksc_5601 windows-949",
    ),
    **_labels(
        "gb18030",
        "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030",
    ),
    **_labels("big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    **_labels("euc_jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    **_labels("cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    **_labels("mac_roman", "csmacintosh mac macintosh x-mac-roman"),
    **_labels("mac_cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    **_labels("iso8859_8", "csiso88598i iso-8859-8-i logical"),
    **_labels(
        "cp1254",
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
        "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254",
    ),
    **{f"x-cp125{n}": f"cp125{n}" for n in range(9)},
}
_NAMES = {
    "cp1252": "Windows-1252",
    "windows-1252": "Windows-1252",
    "cp932": "Shift_JIS (Windows-31J)",
    "cp949": "EUC-KR (Windows-949)",
    "gb18030": "GB18030",
    "big5hkscs": "Big5",
    "euc_jp": "EUC-JP",
    "cp874": "Thai (Windows-874)",
    "mac_roman": "Mac Roman",
}
REPLACED = "+replaced"
"""Ends the encoding recorded for a page read as it says whose bytes were not all of that
encoding: those show as "\ufffd"."""

# Labels that browsers read as windows-1252 or as UTF-8; codecs never worth obeying.
_AS_CP1252 = {"ascii", "latin_1", "iso8859_1", "cp1252"}
_REFUSED = {
    "utf_8",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "utf_32",
    "utf_32_le",
    "utf_32_be",
    "utf_7",
    "unicode_escape",
    "raw_unicode_escape",
    "idna",
    "punycode",
    "undefined",
}


def reads_as_windows_1252(label: str) -> bool:
    """True if browsers read a page whose ``<meta charset>`` says ``label`` as
    Windows-1252 (``windows-1252``, ``latin1``, ``iso-8859-1``, ``ascii``...)."""
    try:
        codec = codecs.lookup(label.strip().lower()).name.replace("-", "_")
    except (LookupError, ValueError):
        return False
    return codec in _AS_CP1252


def codec_for_label(label: str) -> str | None:
    """The codec to read a page with whose ``<meta charset>`` says ``label``, if it is one
    worth obeying (None otherwise).

    UTF labels are not: the bytes have already failed as UTF-8 (or carry no BOM). Latin-1
    and ASCII labels are read as Windows-1252 by the caller, as browsers read them.
    """
    label = label.strip().lower()
    known = _BROWSER_LABELS.get(label)
    if known is not None:
        return known
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    codec = info.name.replace("-", "_")
    if codec in _AS_CP1252 or codec in _REFUSED:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def encoding_name(codec: str) -> str:
    """The name a reader knows an encoding by ("Shift_JIS (Windows-31J)" for "cp932")."""
    return _NAMES.get(codec) or LEGACY_NAMES.get(codec, codec)
