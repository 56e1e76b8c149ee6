"""Template building and msgmerge-style merging: no translation is ever lost."""

from l10n.catalog import HeaderInfo, build_template, merge
from l10n.model import Catalog, Message
from l10n.segment import segment_text

INFO = HeaderInfo("test", "bugs@example.org")


def template_of(text: str) -> Catalog:
    document = segment_text(text, "a", "source/a.md")
    return build_template(document, [], ("uk",), INFO, "2026-01-01 00:00+0000")


def translate_all(catalog: Catalog, prefix: str = "UK ") -> Catalog:
    for message in catalog.entries():
        message.msgstr = prefix + message.msgid
    return catalog


def test_template_entries_carry_context_references_and_labels() -> None:
    template = template_of("# Title\n\nOne sentence. Another one.\n")
    entries = template.entries()
    assert [(m.msgctxt, m.msgid) for m in entries] == [
        ("headline", "Title"), ("paragraph", "One sentence."), ("paragraph", "Another one.")]
    assert entries[1].references == ["source/a.md:3"]
    assert entries[1].extracted_comments == ["paragraph 1, sentence 1"]


def test_new_catalog_has_language_and_plural_forms() -> None:
    merged = merge(template_of("Hello.\n"), None, "uk")
    fields = merged.header_fields()
    assert fields["Language"] == "uk"
    assert fields["Plural-Forms"] == (  # gettext's rule for Ukrainian, as msginit writes it
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);")
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"


def test_exact_match_keeps_translation() -> None:
    old = translate_all(merge(template_of("One. Two.\n"), None, "uk"))
    merged = merge(template_of("One. Two.\n"), old, "uk")
    assert [(m.msgstr, m.fuzzy) for m in merged.entries()] == [("UK One.", False), ("UK Two.", False)]


def test_changed_source_goes_fuzzy_with_previous_msgid() -> None:
    old = translate_all(merge(template_of("The army held the city.\n"), None, "uk"))
    merged = merge(template_of("The army still held the city.\n"), old, "uk")
    (entry,) = merged.entries()
    assert entry.fuzzy and entry.msgstr == "UK The army held the city."
    assert entry.previous_msgid == "The army held the city."


def test_removed_source_goes_obsolete_and_comes_back() -> None:
    old = translate_all(merge(template_of("Kept. Removed sentence here.\n"), None, "uk"))
    merged = merge(template_of("Kept.\n"), old, "uk")
    assert [m.msgid for m in merged.obsolete_entries()] == ["Removed sentence here."]
    revived = merge(template_of("Kept. Removed sentence here.\n"), merged, "uk")
    entry = revived.entries()[1]
    assert entry.msgstr == "UK Removed sentence here." and entry.fuzzy
    assert revived.obsolete_entries() == []


def test_untranslated_removed_entries_are_dropped() -> None:
    old = merge(template_of("Gone.\n\nStays.\n"), None, "uk")
    merged = merge(template_of("Stays.\n"), old, "uk")
    assert merged.obsolete_entries() == []


def test_translator_comments_and_header_survive() -> None:
    old = translate_all(merge(template_of("One.\n"), None, "uk"))
    old.entries()[0].translator_comments = ["checked by editor"]
    old.header.msgstr = old.header.msgstr.replace("FULL NAME <EMAIL@ADDRESS>", "Olena <o@example.org>")
    merged = merge(template_of("One.\n"), old, "uk")
    assert merged.entries()[0].translator_comments == ["checked by editor"]
    assert merged.header_fields()["Last-Translator"] == "Olena <o@example.org>"


def test_merge_never_loses_a_translation_across_random_edits() -> None:
    texts = ["Alpha one. Beta two.\n\nGamma three.\n", "Beta two.\n\nGamma three changed.\n", "Delta.\n", "Alpha one. Beta two.\n"]
    catalog = None
    seen: set[str] = set()
    for text in texts:
        catalog = merge(template_of(text), catalog, "uk")
        for message in catalog.entries():
            if not message.msgstr:
                message.msgstr = "UK " + message.msgid
        present = {m.msgstr for m in catalog.messages if not m.is_header}
        assert seen <= present
        seen |= present
    assert isinstance(catalog.messages[0], Message)


EXISTING_HEADER = (
    "Project-Id-Version: Newsroom 2\n"
    "Report-Msgid-Bugs-To: old@l10n-newsroom.org\n"
    "POT-Creation-Date: 2025-01-01 00:00+0000\n"
    "PO-Revision-Date: 2025-02-02 10:00+0200\n"
    "Last-Translator: Olena <olena@l10n-newsroom.org>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=3; plural=(n % 10 == 1 && n % 100 != 11 ? 0 : 1);\n"
    "X-Generator: Poedit 3.2.2\n"
    "language-team:Lokalize's own\n"
)


def test_update_keeps_an_existing_header_and_refreshes_only_what_msgmerge_does() -> None:
    old = translate_all(merge(template_of("One.\n"), None, "uk"))
    old.header.msgstr = EXISTING_HEADER
    old.header.translator_comments = ["Ukrainian translation, by the desk.", "Olena, 2025."]
    old.header.flags = ["fuzzy"]
    merged = merge(template_of("One.\n"), old, "uk", team="Ukrainian desk <uk@l10n-newsroom.org>")
    assert merged.header.msgstr == (
        "Project-Id-Version: Newsroom 2\n"
        "Report-Msgid-Bugs-To: bugs@example.org\n"
        "POT-Creation-Date: 2026-01-01 00:00+0000\n"
        "PO-Revision-Date: 2025-02-02 10:00+0200\n"
        "Last-Translator: Olena <olena@l10n-newsroom.org>\n"
        "Language-Team:Lokalize's own\n"
        "Language: uk\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "Plural-Forms: nplurals=3; plural=(n % 10 == 1 && n % 100 != 11 ? 0 : 1);\n"
        "X-Generator: Poedit 3.2.2\n"
    )
    assert merged.header.translator_comments == ["Ukrainian translation, by the desk.", "Olena, 2025."]
    assert merged.header.flags == ["fuzzy"]


def test_a_new_catalog_gets_the_configured_team_or_the_language_name() -> None:
    assert merge(template_of("One.\n"), None, "uk", team="Desk <uk@l10n-newsroom.org>").header_fields()[
        "Language-Team"] == "Desk <uk@l10n-newsroom.org>"
    fields = merge(template_of("One.\n"), None, "ru").header_fields()
    assert fields["Language-Team"] == "Russian"
    assert fields["Report-Msgid-Bugs-To"] == "bugs@example.org"
    assert fields["Last-Translator"] == "FULL NAME <EMAIL@ADDRESS>"


def test_missing_fields_are_added_in_msgmerge_order() -> None:
    old = merge(template_of("One.\n"), None, "uk")
    old.header.msgstr = "Project-Id-Version: x\nX-Generator: Poedit 3.2.2\n"
    merged = merge(template_of("One.\n"), old, "uk", team="Desk")
    assert [line.partition(":")[0] for line in merged.header.msgstr.splitlines()] == [
        "Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date", "Last-Translator",
        "Language-Team", "Language", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
        "X-Generator", "Plural-Forms"]
    assert merged.header_fields()["Language-Team"] == "Desk"


def test_a_message_copy_is_a_deep_copy_sharing_no_container() -> None:
    """merge copies every kept entry with Message.copy (deepcopy was a fifth of an update's time)."""
    import copy
    import dataclasses
    from pathlib import Path

    from l10n.pofile import read_po

    root = Path(__file__).parent.parent / "locales"
    messages = [m for path in sorted(root.rglob("*.po")) for m in read_po(path).messages]
    messages.append(Message("a", msgid_plural="as", msgstr_plural={0: "x", 1: "y"}, flags=["fuzzy", "c-format"],
                            previous_msgid="b", obsolete=True, lineno=7, domain="other"))
    for message in messages:
        copied = message.copy()
        assert copied == copy.deepcopy(message)
        for item in dataclasses.fields(Message):
            value = getattr(message, item.name)
            if isinstance(value, list | dict):
                assert getattr(copied, item.name) is not value, item.name
