"""TMX 1.4b export and import: the only module that reads or writes TMX.

Placeholders (``<1>``, ``</1>``, ``<2/>``) are written as plain text inside
``<seg>`` (TMX Level 1): every tool (OmegaT, memoQ, Trados, Translate
Toolkit) imports Level 1, the text round-trips byte for byte, and exact
matches against our msgids stay exact. Level 2 inline elements (``<bpt>``,
``<ept>``, ``<ph>``) would have to be mapped back to our numbering on import
and gain nothing for catalogs made by this tool.

msgctxt goes into ``<prop type="x-context">``; ``tuid`` is not written
(the pair context+source identifies a unit). Dates come from the caller
(the catalogs' ``PO-Revision-Date``), never from the clock: exporting an
unchanged project twice gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from .errors import TMXError
from .memory import Unit

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


def format_tmx(units: list[Unit], srclang: str, lang: str, dates: Mapping[str, str] | None = None) -> bytes:
    """A TMX 1.4b document of ``units`` (source in ``srclang``, targets in ``lang``).

    ``dates`` maps a unit's origin to its TMX date (``YYYYMMDDThhmmssZ``):
    each ``<tu>`` gets its origin's, the header the newest; without one the
    attribute (optional in TMX 1.4b) is left out.
    """
    dates = dates or {}
    header = {"o-tmf": "PO", "adminlang": "en", "srclang": srclang, "datatype": "plaintext"}
    if dates:
        header["creationdate"] = max(dates.values())
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", creationtool="l10n", creationtoolversion="1", segtype="sentence", **header)
    body = etree.SubElement(root, "body")
    for unit in units:
        tu = etree.SubElement(body, "tu", {"creationdate": dates[unit.origin]} if unit.origin in dates else {})
        if unit.context is not None:
            etree.SubElement(tu, "prop", type="x-context").text = unit.context
        etree.SubElement(tu, "prop", type="x-origin").text = unit.origin
        for language, text in ((srclang, unit.source), (lang, unit.target)):
            tuv = etree.SubElement(tu, "tuv", {_XML_LANG: language})
            etree.SubElement(tuv, "seg").text = text
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=DOCTYPE)
    return data


def read_tmx(path: Path, srclang: str, shown: str) -> dict[str, list[Unit]]:
    """Units by target language, each with origin ``shown``; TMXError on bad input."""
    try:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError as error:
        raise TMXError(f"not well-formed XML: {error.msg}", shown, error.lineno) from None
    except OSError as error:
        raise TMXError(f"cannot read: {error}", shown) from None
    root = tree.getroot()
    header = root.find("header")
    if root.tag != "tmx" or header is None:
        raise TMXError("not a TMX document (no <tmx><header>)", shown, root.sourceline)
    declared = header.get("srclang", "")
    if not _same_lang(declared, srclang):
        raise TMXError(f"srclang is {declared!r}, the project's source language is {srclang!r}", shown, header.sourceline)
    found: dict[str, list[Unit]] = {}
    for tu in root.iterfind("body/tu"):
        context = next((p.text or "" for p in tu.iterfind("prop") if p.get("type") == "x-context"), None)
        segs = {_base(tuv.get(_XML_LANG) or tuv.get("lang") or ""): _text(tuv) for tuv in tu.iterfind("tuv")}
        source = segs.pop(_base(srclang), None)
        if not source:
            continue
        for language, target in segs.items():
            if target:
                found.setdefault(language, []).append(Unit(source, target, context, shown))
    return found


def _text(tuv: etree._Element) -> str:
    seg = tuv.find("seg")
    return "" if seg is None else "".join(seg.itertext())


def _base(lang: str) -> str:
    return lang.replace("-", "_").split("_")[0].lower()


def _same_lang(a: str, b: str) -> bool:
    return _base(a) == _base(b) and bool(a)


def memory_dir(locales_dir: Path) -> Path:
    """Where ``l10n tm import`` keeps imported memories: ``locales/memory/*.tmx``."""
    return locales_dir / "memory"


def imported_units(locales_dir: Path, root: Path, srclang: str, lang: str) -> tuple[Unit, ...]:
    """Every imported memory's units for ``lang``, files in name order (ties go to the first)."""
    units: list[Unit] = []
    for path in sorted(memory_dir(locales_dir).glob("*.tmx")):
        units += read_tmx(path, srclang, path.relative_to(root).as_posix()).get(_base(lang), [])
    return tuple(units)
