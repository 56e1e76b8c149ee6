"""The provenance markers pretranslate writes are the ones review reads."""

from __future__ import annotations

from l10n.provenance import (
    MARKUP_NOTE,
    MT,
    TM,
    Provenance,
    mt_comment,
    parse,
    tm_comment,
)


def test_markers_round_trip() -> None:
    assert mt_comment("argos translate-en_uk 1.9", "2026-11-25") == "MT: argos translate-en_uk 1.9 2026-11-25"
    assert tm_comment("locales/uk/a.po") == "TM: locales/uk/a.po"
    assert parse(mt_comment("argos 1.9", "2026-11-25")) == Provenance(MT, "argos 1.9 2026-11-25")
    assert parse(tm_comment("locales/uk/a.po")) == Provenance(TM, "locales/uk/a.po")
    assert parse("MT: argos 1.9 2026-11-25; reviewed 2026-12-01") == Provenance(MT, "argos 1.9 2026-11-25", "2026-12-01")
    assert parse(MARKUP_NOTE) == Provenance(MT, "the engine lost or broke the placeholders", note="not filled")


def test_a_translators_own_note_is_not_a_marker() -> None:
    assert [parse(c) for c in ("Перевірити з редактором", "MTS: a company", "see TM", "")] == [None] * 4
