"""What the formats say: each wording declared once and used, codes grouped, refusals keeping their place."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from orchardist.domain.messages import CATALOGUE, InputRefused, Message, Wording
from orchardist.formats import messages
from orchardist.formats.base import FormatError, Skipped
from orchardist.formats.messages import EMPTY_FILE, NO_COLON, NOT_VALID_JSON, ROW_HAS_NO_NAME
from orchardist.formats.sandbox import parse_in_sandbox

FORMATS = Path(messages.__file__).parent
WORDINGS = {name: value for name, value in vars(messages).items() if isinstance(value, Wording)}
CODE = re.compile(r"(file|csv|vcard|backup|row)\.[a-z0-9_]+")
# Sentences that have been translated since before they had codes: their English must not drift, or the
# French catalogue would no longer match them.
TRANSLATED = (
    "line %(line)s, field %(field)s: %(reason)s",
    "line %(line)s: %(reason)s",
    "field %(field)s: %(reason)s",
    "the file is empty",
    "this is a binary file, not a contacts export (CSV, vCard or JSON backup)",
    "the format was not recognised: expected a LinkedIn, Google or Outlook CSV export, "
    "a vCard file or an Orchardist JSON backup",
    "no vCard was found in the file (expected BEGIN:VCARD)",
    "this is a binary file, not a vCard file",
    "text outside a vCard: expected BEGIN:VCARD",
    "this indented line continues nothing (a stray folded line)",
    "a quoted value opened on this line is never closed, so the rest of the file would be read as one value",
    "not valid JSON: %(problem)s (column %(column)s)",
    "not a valid backup: nested too deeply",
    "the row holds no name or profile URL",
    "the row holds only a connection date (%(date)s) and no name, profile URL, e-mail or company",
    "the row has no name and no profile URL, so it cannot be told apart from others",
    "the row has no name, e-mail, phone or company",
    "the row has no name, e-mail, phone or organisation",
    "no name",
    "this card could not be read: %(problem)s",
    "the row has %(values)s values but the header has %(columns)s columns, so its values cannot "
    "be matched to columns (an unquoted delimiter in a value?)",
    "the %(column_name)s cell holds a spreadsheet formula (%(formula)s), so the row was not imported",
)


def _sources() -> dict[str, str]:
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in FORMATS.glob("*.py")
        if path.name != "messages.py"
    }


def test_every_wording_is_used_by_some_format_module() -> None:
    sources = _sources()
    unused = [
        name for name in WORDINGS if not any(re.search(rf"\b{name}\b", text) for text in sources.values())
    ]
    assert not unused


def test_codes_are_dotted_lower_case_in_their_group_and_in_the_catalogue() -> None:
    assert len({wording.code for wording in WORDINGS.values()}) == len(WORDINGS)
    for wording in WORDINGS.values():
        assert CODE.fullmatch(wording.code), wording.code
        assert CATALOGUE[wording.code] == wording


@pytest.mark.parametrize("template", TRANSLATED)
def test_sentences_translated_before_keep_their_english(template: str) -> None:
    assert template in {wording.template for wording in WORDINGS.values()}


def test_every_template_is_marked_for_the_catalogue() -> None:
    text = (FORMATS / "messages.py").read_text(encoding="utf-8")
    declared = re.findall(r"= Wording\(\s*\"[^\"]+\",\s*(N_\()?", text)
    assert declared and all(declared), "wrap each template in N_(...) so the extraction finds it"
    assert len(declared) == len(WORDINGS)


def test_no_refusal_or_skip_is_worded_in_place() -> None:
    text_first = r"(?:FormatError|_Malformed|_Unreadable|_Invalid)\(\s*f?[\"']"
    text_second = r"(?:Skipped|_refuse)\([^,()]*,\s*(?:reason=)?f?[\"']"
    worded = re.compile(f"{text_first}|{text_second}|reason=f?[\"']")
    found = [f"{name}: {hit.group()}" for name, text in _sources().items() for hit in worded.finditer(text)]
    assert not found


# FormatError and Skipped -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "field", "shown"),
    [
        (4, "Email", "line 4, field 'Email': the file is empty"),
        (4, None, "line 4: the file is empty"),
        (None, "Email", "field 'Email': the file is empty"),
        (None, None, "the file is empty"),
    ],
)
def test_a_refusal_names_its_place_first(line: int | None, field: str | None, shown: str) -> None:
    error = FormatError(EMPTY_FILE(), line=line, field=field)
    assert str(error) == shown
    assert error.text() == "the file is empty"
    assert (error.line, error.field, error.code) == (line, field, "file.empty")


def test_a_refusal_is_an_input_refusal_whose_reason_is_its_message() -> None:
    error = FormatError(NOT_VALID_JSON(problem="Expecting value", column=3), line=2)
    assert isinstance(error, InputRefused) and isinstance(error, ValueError)
    assert error.reason is error.message
    assert error.reason.to_dict() == {
        "code": "backup.invalid_json",
        "params": {"problem": "Expecting value", "column": 3},
    }


def test_a_refusal_survives_pickling_with_its_place() -> None:
    error = FormatError(messages.MALFORMED_LINE(reason=NO_COLON(name="NOTE")), line=7, field="Notes")
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, FormatError)
    assert (copy.reason, copy.line, copy.field) == (error.reason, 7, "Notes")
    assert str(copy) == "line 7, field 'Notes': malformed line: NOTE has no ':' before its value"


def test_a_skipped_record_says_why_with_a_message() -> None:
    skipped = Skipped(line=3, reason=ROW_HAS_NO_NAME())
    assert (skipped.reason.code, str(skipped.reason)) == ("row.no_name", "no name")


# Across the sandbox ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code", "inner"),
    [
        ("param-backtracking.vcf", "vcard.malformed_line", "vcard.no_colon"),
        ("vobject-error.vcf", "vcard.unsupported_version", None),
    ],
)
def test_a_refusal_from_the_sandbox_keeps_its_code(
    corpus: Path, name: str, code: str, inner: str | None
) -> None:
    with pytest.raises(FormatError) as refused:
        parse_in_sandbox((corpus / "hostile" / name).read_bytes(), name)
    reason = refused.value.reason
    assert isinstance(reason, Message) and reason.code == code
    if inner is not None:
        assert isinstance(reason.params["reason"], Message) and reason.params["reason"].code == inner
    assert refused.value.line is not None


def test_skipped_records_from_the_sandbox_keep_their_codes() -> None:
    data = b"First Name,Last Name,Connected On\nAna,Silva,1 Jan 2026\n,,2 Jan 2026\n"
    result = parse_in_sandbox(data, "Connections.csv")
    assert [(item.line, item.reason.code) for item in result.skipped] == [(3, "row.only_connection_date")]
    assert result.skipped[0].reason.params == {"date": "2 Jan 2026"}
