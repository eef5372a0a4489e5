"""The table of formats: its specs, the views derived from it, detection order and each module's functions."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from orchardist.domain.people import Person
from orchardist.formats import registry, vcard_writing
from orchardist.formats.base import FormatError, NetworkSnapshot
from orchardist.formats.registry import FORMATS, FormatSpec, exporter, exporters, importer, importers, spec

# How people have been shown each format so far (the import page and the preview); the table keeps it.
TITLES = {
    "linkedin": "LinkedIn connections",
    "google": "Google Contacts CSV",
    "outlook": "Outlook CSV",
    "vcard": "vCard",
    "json": "Orchardist JSON backup",
    "csv": "CSV",
    "vdir": "vdir",
}
LABELS = {
    "linkedin": "LinkedIn connections (Connections.csv)",
    "google": "Google Contacts CSV",
    "outlook": "Outlook CSV",
    "vcard": "vCard (.vcf)",
    "json": "Orchardist JSON backup",
    "csv": "CSV (.csv)",
    "vdir": "vdir (a folder of .vcf files)",
}


def test_names_are_unique_and_each_format_reads_or_writes() -> None:
    names = [entry.name for entry in FORMATS]
    assert len(names) == len(set(names))
    assert all(entry.reads or entry.writes for entry in FORMATS)


def test_titles_and_labels_are_the_ones_people_know() -> None:
    assert {entry.name: entry.title for entry in FORMATS} == TITLES
    assert {entry.name: entry.label for entry in FORMATS} == LABELS


def test_detection_tries_unambiguous_signatures_before_csv_headers() -> None:
    assert [entry.name for entry in importers()] == ["json", "vcard", "linkedin", "google", "outlook"]


def test_the_exporters_are_vcard_vdir_json_and_csv_and_all_but_vdir_download() -> None:
    assert [entry.name for entry in exporters()] == ["json", "vcard", "vdir", "csv"]
    assert [entry.name for entry in registry.downloads()] == ["json", "vcard", "csv"]


def test_vcard_and_vdir_write_versions_3_and_4_and_the_others_none() -> None:
    assert registry.VCARD_VERSIONS == vcard_writing.VERSIONS == ("3.0", "4.0")
    assert registry.versions() == ("3.0", "4.0")
    assert {entry.name: entry.versions for entry in exporters()} == {
        "json": (),
        "vcard": ("3.0", "4.0"),
        "vdir": ("3.0", "4.0"),
        "csv": (),
    }
    assert b"VERSION:4.0" in registry.export("vcard", NetworkSnapshot(people=[Person("Ada")]), "4.0")
    assert b"VERSION:3.0" in registry.export("vcard", NetworkSnapshot(people=[Person("Ada")]))
    with pytest.raises(FormatError) as caught:
        registry.export("vcard", NetworkSnapshot(people=[]), "2.1")
    assert caught.value.message.code == "file.unknown_export_version"
    with pytest.raises(FormatError) as caught:
        registry.export("csv", NetworkSnapshot(people=[]), "4.0")
    assert caught.value.message.code == "file.no_export_version"
    with pytest.raises(FormatError) as caught:
        registry.export("vdir", NetworkSnapshot(people=[]))
    assert caught.value.message.code == "file.not_a_download"


def test_a_folder_format_writes_a_file_per_person() -> None:
    written = registry.export_folder("vdir", NetworkSnapshot(people=[Person("Ada", uid="a-1")]), "4.0")
    assert list(written) == ["a-1.vcf"]
    assert written["a-1.vcf"].startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n")


def test_detect_asks_each_reader_in_the_tables_order(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def load(self: FormatSpec) -> SimpleNamespace:
        return SimpleNamespace(sniff=lambda data: asked.append(self.name) or self.name == "google")

    monkeypatch.setattr(FormatSpec, "load", load)
    assert registry.detect(b"First Name,Last Name,Labels\n") == "google"
    assert asked == ["json", "vcard", "linkedin", "google"]


@pytest.mark.parametrize("entry", importers(), ids=lambda entry: entry.name)
def test_each_reader_module_sniffs_and_parses(entry: FormatSpec) -> None:
    module = entry.load()
    assert callable(module.sniff) and callable(module.parse)
    assert not module.sniff(b"")


@pytest.mark.parametrize("entry", registry.downloads(), ids=lambda entry: entry.name)
def test_each_writer_module_exports_with_a_media_type_a_neutral_name_and_a_purpose(entry: FormatSpec) -> None:
    assert callable(entry.load().export)
    assert entry.media_type and entry.file_name and entry.purpose
    assert isinstance(registry.export(entry.name, NetworkSnapshot(people=[])), bytes)


@pytest.mark.parametrize("entry", [item for item in FORMATS if not item.writes], ids=lambda item: item.name)
def test_a_reader_only_format_has_no_export_metadata(entry: FormatSpec) -> None:
    assert not hasattr(entry.load(), "export")
    assert (entry.media_type, entry.file_name, entry.purpose) == ("", "", "")


def test_a_spec_is_found_by_name() -> None:
    assert spec("linkedin").module == "orchardist.formats.linkedin"
    assert importer("vcard") is spec("vcard") and exporter("csv") is spec("csv")


def test_an_unknown_name_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(FormatError) as refused:
        spec("nope")
    assert (
        str(refused.value)
        == "unknown format 'nope'; known: json, vcard, vdir, linkedin, google, outlook, csv"
    )
    assert refused.value.reason.code == "file.unknown_format"
    assert refused.value.reason.to_dict()["params"] == {
        "name": "'nope'",
        "known": ["json", "vcard", "vdir", "linkedin", "google", "outlook", "csv"],
    }
    with pytest.raises(FormatError) as refused:
        importer("csv")
    assert str(refused.value) == "unknown format 'csv'; known: json, vcard, linkedin, google, outlook"
    with pytest.raises(FormatError) as refused:
        exporter("linkedin")
    assert str(refused.value) == "unknown export format 'linkedin'; known: json, vcard, vdir, csv"
    assert refused.value.reason.code == "file.unknown_export_format"
    with pytest.raises(FormatError, match="unknown export format"):
        registry.export("linkedin", NetworkSnapshot(people=[]))
    with pytest.raises(FormatError, match="unknown format"):
        registry.parse(b"x", "x.csv", "csv")
