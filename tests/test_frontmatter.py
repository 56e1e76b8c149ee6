"""Front matter: every YAML form of a translatable value is found, translated and written back as valid YAML."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.errors import SourceError
from l10n.frontmatter import quote, read_front_matter, split_front_matter
from l10n.render import render_html, render_markdown
from l10n.segment import segment_text

BODY = "\n# Kyiv holds\n\nThe city held.\n"
KEYS = ("title", "summary")

# (front matter, the title's msgid)
FORMS = {
    "plain": ("title: Kyiv holds on\ndate: 2023-03-07\n", "Kyiv holds on"),
    "single-quoted": ("title: 'Kyiv''s defenders hold'\n", "Kyiv's defenders hold"),
    "double-quoted": ('title: "Kyiv \\"holds\\"\\tfirm"\n', 'Kyiv "holds"\tfirm'),
    "folded": ("title: >\n  Kyiv holds\n  on Tuesday\ndate: 2023-03-07\n", "Kyiv holds on Tuesday"),
    "literal": ("title: |\n  Kyiv holds\n  on Tuesday\n", "Kyiv holds\non Tuesday"),
    "multi-line plain": ("title: Kyiv holds\n  on Tuesday\npublisher: RFE/RL\n", "Kyiv holds on Tuesday"),
    "trailing comment": ("title: Kyiv holds on  # working title\nlanguage: en\n", "Kyiv holds on"),
}
TRANSLATIONS = ["Київ тримається", "Київ\x85тримається", "Київ: «оборона» # тримається", 'Він сказав: "ні"', "Рядок\\ з 'лапками'"]


def _document(front: str):
    return segment_text(f"---\n{front}---\n{BODY}", "kyiv", "source/kyiv.md", KEYS)


def _title(document):
    return next(s for s in document.segments if s.kind == "title")


@pytest.mark.parametrize("form", FORMS)
def test_each_form_gives_the_parsed_value_as_msgid(form: str) -> None:
    front, msgid = FORMS[form]
    segment = _title(_document(front))
    assert (segment.text, segment.line) == (msgid, 2)


@pytest.mark.parametrize("form", FORMS)
def test_identity_translation_is_byte_identical(form: str) -> None:
    document = _document(FORMS[form][0])
    identity = {(s.context, s.text): s.text for s in document.segments}
    assert render_markdown(document, identity, "en").markdown == document.text


@pytest.mark.parametrize("translation", TRANSLATIONS)
@pytest.mark.parametrize("form", FORMS)
def test_edition_front_matter_parses_with_the_translation(form: str, translation: str) -> None:
    document = _document(FORMS[form][0])
    segment = _title(document)
    edition = render_markdown(document, {(segment.context, segment.text): translation}, "uk")
    expected = dict(yaml.safe_load(FORMS[form][0]), title=translation)
    if "language" in expected:
        expected["language"] = "uk"
    assert yaml.safe_load(split_front_matter(edition.markdown)[0]) == expected
    assert edition.metadata == expected
    assert edition.markdown.endswith(BODY)


def test_the_shipped_title_keeps_its_double_quoted_form() -> None:
    document = _document('title: "Russian Pressure On Bakhmut"\nlanguage: en\n')
    segment = _title(document)
    edition = render_markdown(document, {(segment.context, segment.text): "Тиск Росії на Бахмут"}, "uk")
    assert edition.markdown.startswith('---\ntitle: "Тиск Росії на Бахмут"\nlanguage: uk\n---\n')


def test_quote_escapes_what_yaml_would_read_otherwise() -> None:
    for value in ["a: b # c", "line\u2028break", "bell\x07", 'q"\\', "x" * 300, "---", "'single'", ""]:
        assert yaml.safe_load(quote(value)) == value
        assert "\n" not in quote(value)


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(st.text())
def test_any_text_quotes_to_one_line_of_yaml_that_reads_back(value: str) -> None:
    assert "\n" not in quote(value)
    assert yaml.safe_load(quote(value)) == value


def test_null_front_matter_is_an_empty_mapping() -> None:
    assert read_front_matter("---\n~\n---\nText.\n", "source/x.md").data == {}


def test_byline_comes_from_the_edition_data() -> None:
    text = f'---\ntitle: Kyiv holds on\npublisher: "RFE/RL"\ndate: 2023-03-07\n---\n{BODY}'
    document = segment_text(text, "k", "source/k.md", ("title", "publisher"))
    publisher = next(s for s in document.segments if s.kind == "publisher")
    edition = render_markdown(document, {(publisher.context, publisher.text): "Радіо Свобода"}, "uk")
    page = render_html(edition, "Київ")
    assert '<p class="meta">Радіо Свобода · 7 березня 2023\u202fр.</p>' in page


def test_bad_front_matter_names_the_line() -> None:
    with pytest.raises(SourceError) as caught:
        read_front_matter("---\ntitle: ok\nbad: [unclosed\n---\nText.\n", "source/x.md")
    assert caught.value.line == 4
