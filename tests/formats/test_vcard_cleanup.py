"""The clean-up run before vobject: decoding, unfolding, vCard 2.1 habits, and refusing hostile lines."""

from __future__ import annotations

import time

import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st

from orchardist.formats.base import FormatError
from orchardist.formats.vcard_cleanup import MAX_LINE_BYTES, Card, clean, escape, unescape


def card(*lines: str, end: str = "\r\n") -> bytes:
    """A vCard built from content lines (UTF-8)."""
    return end.join(["BEGIN:VCARD", *lines, "END:VCARD", ""]).encode("utf-8")


def values(cards: list[Card], name: str) -> list[str]:
    return [line.value for one in cards for line in one.lines if line.name == name]


def only(data: bytes) -> Card:
    cards = clean(data)
    assert len(cards) == 1
    return cards[0]


@pytest.mark.parametrize("end", ["\r\n", "\n", "\r", "\r\r\n"], ids=["CRLF", "LF", "CR", "iOS-CRCRLF"])
def test_every_line_end_gives_the_same_card(end: str) -> None:
    data = card("VERSION:3.0", "FN:Ada Lovelace", "NOTE:first", " and folded", end=end)
    result = only(data)
    assert values([result], "FN") == ["Ada Lovelace"]
    assert values([result], "NOTE") == ["firstand folded"]


def test_ios_cr_cr_lf_folds_stay_folded() -> None:
    data = b"BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:Bob\r\r\nNOTE:one \r\r\n two\r\r\nEND:VCARD\r\r\n"
    assert values(clean(data), "NOTE") == ["one two"]


def test_byte_order_marks_are_dropped() -> None:
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\nEND:VCARD\r\n"
    assert values(clean(b"\xef\xbb\xbf" + text.encode("utf-8")), "FN") == ["Zoë"]
    assert values(clean(text.encode("utf-16")), "FN") == ["Zoë"]


def test_a_fold_inside_a_multibyte_character_is_mended_at_the_byte_level() -> None:
    name = "Ñandú Pérez".encode()
    split = name.index("ú".encode()) + 1  # between the two bytes of "ú"
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + name[:split] + b"\r\n " + name[split:] + b"\r\nEND:VCARD\r\n"
    )
    assert values(clean(data), "FN") == ["Ñandú Pérez"]


def test_unfolding_removes_exactly_one_whitespace_character() -> None:
    data = card("VERSION:3.0", "FN:X", "NOTE:United", "  States", "\tof America")
    assert values(clean(data), "NOTE") == ["United Statesof America"]


def test_quoted_printable_soft_breaks_are_joined_and_decoded() -> None:
    data = card(
        "VERSION:2.1",
        "FN:X",
        "NOTE;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9 au lait=0D=0A=",
        "second line=",
        "",
        "TEL:1",
    )
    result = only(data)
    assert values([result], "NOTE") == ["Café au lait\\nsecond line"]
    assert values([result], "TEL") == ["1"]


def test_a_hash_line_inside_quoted_printable_is_data_but_elsewhere_a_comment() -> None:
    data = card(
        "VERSION:2.1",
        "# a comment line",
        "FN:X",
        "NOTE;QUOTED-PRINTABLE:sharp ->=",
        "#<- sharp",
        "# another comment",
    )
    result = only(data)
    assert values([result], "NOTE") == ["sharp ->#<- sharp"]
    assert [line.name for line in result.lines] == ["FN", "NOTE"]


def test_missing_version_is_read_as_3_0() -> None:
    result = only(card("FN:No Version\\, Inc."))
    assert result.version == "3.0"
    assert values([result], "FN") == ["No Version\\, Inc."]


@pytest.mark.parametrize(
    ("charset", "encoded", "expected"),
    [
        ("SHIFT_JIS", "安藤ロイド".encode("shift_jis"), "安藤ロイド"),
        ("ISO-8859-1", "Müller".encode("latin-1"), "Müller"),
        ("windows-1252", "€ Ørsted".encode("cp1252"), "€ Ørsted"),
        ("UTF-8", "Łódź".encode(), "Łódź"),
    ],
)
def test_charset_parameters_are_decoded_per_property(charset: str, encoded: bytes, expected: str) -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=" + charset.encode() + b":" + encoded + b";;;;\r\n"
        b"NOTE:plain UTF-8 \xc3\xa9\r\nEND:VCARD\r\n"
    )
    result = only(data)
    assert values([result], "N") == [f"{expected};;;;"]
    assert values([result], "NOTE") == ["plain UTF-8 é"]
    assert all(name != "CHARSET" for line in result.lines for name, _ in line.params)


def test_undeclared_bytes_that_are_not_utf8_use_the_cards_charset_or_windows_1252() -> None:
    sjis = "安藤".encode("shift_jis")
    data = b"BEGIN:VCARD\r\nN;CHARSET=SHIFT_JIS:" + sjis + b"\r\nFN:" + sjis + b"\r\nEND:VCARD\r\n"
    assert values(clean(data), "FN") == ["安藤"]
    data = b"BEGIN:VCARD\r\nFN:Ren\xe9e\r\nEND:VCARD\r\n"
    assert values(clean(data), "FN") == ["Renée"]


def test_shift_jis_trail_byte_backslash_is_not_an_escape() -> None:
    # "能" is 0x94 0x5C in Shift_JIS: its second byte is a backslash, right before the separator.
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:"
        + "伊能;圭一;;;".encode("shift_jis")
        + b"\r\nEND:VCARD\r\n"
    )
    assert values(clean(data), "N") == ["伊能;圭一;;;"]


def test_vcard_21_bare_parameters_get_their_names() -> None:
    result = only(card("VERSION:2.1", "FN:X", "TEL;WORK;VOICE:+1 555", "PHOTO;BASE64:", " AAAA"))
    tel = next(line for line in result.lines if line.name == "TEL")
    assert tel.param("TYPE") == ("WORK", "VOICE")
    assert tel.to_text() == 'TEL;TYPE="WORK";TYPE="VOICE":+1 555'


def test_vcard_21_escaping_is_rewritten_as_vcard_30() -> None:
    result = only(card("VERSION:2.1", "N:;A\\;B\\\\;C;;", "FN:A;B\\C, D", "CATEGORIES:one,two\\,three"))
    assert values([result], "N") == [";A\\;B\\\\;C;;"]
    assert values([result], "FN") == ["A\\;B\\\\C\\, D"]
    assert values([result], "CATEGORIES") == ["one,two\\,three"]


def test_vcard_30_needless_escapes_and_stray_commas_are_normalised() -> None:
    result = only(card("VERSION:3.0", "FN:Doe, John", "URL:http\\://example.com", "N:Doe;John,Jim;;;"))
    assert values([result], "FN") == ["Doe\\, John"]
    assert values([result], "URL") == ["http://example.com"]
    assert values([result], "N") == ["Doe;John,Jim;;;"]


def test_apple_item_groups_keep_their_label_with_the_value() -> None:
    result = only(
        card("VERSION:3.0", "FN:X", "item1.X-ABDATE:2001-02-03", "item1.X-ABLabel:_$!<Anniversary>!$_")
    )
    assert [(line.group, line.name) for line in result.lines] == [
        ("", "FN"),
        ("item1", "X-ABDATE"),
        ("item1", "X-ABLABEL"),
    ]
    assert result.lines[2].to_text() == "item1.X-ABLABEL:_$!<Anniversary>!$_"


def test_blank_lines_between_cards_and_begin_line_numbers() -> None:
    data = b"\r\n# exported\r\n" + card("FN:One") + b"\r\n\r\n" + card("FN:Two")
    assert [(one.line, values([one], "FN")) for one in clean(data)] == [(3, ["One"]), (8, ["Two"])]


def test_nested_vcard_21_cards_become_cards_of_their_own() -> None:
    data = card(
        "VERSION:2.1", "N:Boss", "AGENT:", "BEGIN:VCARD", "VERSION:2.1", "N:Assistant", "END:VCARD", "TEL:1"
    )
    cards = clean(data)
    assert [(one.line, values([one], "N")) for one in cards] == [(1, ["Boss"]), (5, ["Assistant"])]
    assert values(cards[:1], "TEL") == ["1"]
    assert values(cards, "AGENT") == []


def test_vcard_30_agent_value_is_read_as_a_card() -> None:
    agent = "AGENT:BEGIN:VCARD\\nFN:Susan Thomas\\nTEL:+1-919-555-1234\\nEND:VCARD\\n"
    cards = clean(card("VERSION:3.0", "FN:Frank", agent))
    assert [(one.line, values([one], "FN")) for one in cards] == [(1, ["Frank"]), (4, ["Susan Thomas"])]


def test_base64_photos_are_dropped_unread() -> None:
    photo = ["PHOTO;ENCODING=b;TYPE=JPEG:" + "A" * 60, *([" " + "B" * 74] * 20_000)]
    result = only(card("VERSION:3.0", "FN:Pic", *photo, "TEL:1"))
    assert [line.name for line in result.lines] == ["FN", "TEL"]


def test_a_dropped_property_in_quoted_printable_keeps_its_soft_breaks() -> None:
    data = card(
        "VERSION:2.1", "N:Ando", "SOUND;X-IRMC-N;ENCODING=QUOTED-PRINTABLE:=B1=DD=", "=C4=DE;;;;", "TEL:1"
    )
    assert [line.name for line in only(data).lines] == ["N", "TEL"]


def test_vcard_21_unindented_base64_runs_to_the_blank_line() -> None:
    data = card("VERSION:2.1", "FN:Pic", "PHOTO;ENCODING=BASE64;TYPE=JPEG:", "QUJD", "REVG", "", "TEL:1")
    assert [line.name for line in only(data).lines] == ["FN", "TEL"]


def test_vcard_21_value_ending_in_backslash_continues_on_the_next_line() -> None:
    data = card(
        "VERSION:2.1",
        "N:x",
        "ADR;HOME:;;Hermann v. Brevern\\",
        "9999999\\",
        "Packstation 999;Hamburg;;99999;DE",
    )
    assert values(clean(data), "ADR") == [
        ";;Hermann v. Brevern\\n9999999\\nPackstation 999;Hamburg;;99999;DE"
    ]


def test_profile_lines_are_dropped() -> None:
    assert [line.name for line in only(card("VERSION:3.0", "PROFILE:VCard", "FN:X")).lines] == ["FN"]


def test_a_card_cut_off_before_its_end_is_read() -> None:
    assert values(clean(b"BEGIN:VCARD\r\nFN:Truncated\r\n"), "FN") == ["Truncated"]


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"", None, "empty"),
        (b"  \r\n\r\n", None, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "binary"),
        (b"# only a comment\r\n", None, "no vCard"),
        (b"Name,Email\r\nAda,ada@example.com\r\n", 1, "outside a vCard"),
        (card("VERSION:3.0", "NOTE;X" + "=" * 40), 3, "no ':'"),
        (card("VERSION:3.0", "TEL;TYPE" + "=" * 35), 3, "no ':'"),
        (card("VERSION:3.0", "X-CUSTOM;X-P" + "=" * 50), 3, "no ':'"),
        (card("VERSION:3.0", "NOTE" + ";" * 5_000 + ":x"), 3, "no name"),
        (card("VERSION:3.0", 'TEL;TYPE="unclosed:1'), 3, "closing quote"),
        (card("VERSION:3.0", "N^OTE:told"), 3, "unexpected"),
        (card("VERSION:3.0", "FN:ok").replace(b"END:VCARD", b"END:1.****"), 4, "does not close"),
        (card("VERSION:3.0GV:CNAIRD"), 2, "not supported"),
        (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", 1, "not a vCard"),
        (b"BEGIN:VCARD\r\n" * 40 + b"END:VCARD\r\n" * 40, 4, "nested"),
    ],
    ids=[
        "empty",
        "blank",
        "binary",
        "comment-only",
        "csv",
        "note-equals",
        "tel-type-equals",
        "x-param-equals",
        "semicolon-run",
        "unclosed-quote",
        "bad-name",
        "end-mismatch",
        "bad-version",
        "not-vcard",
        "deep-nesting",
    ],
)
def test_malformed_and_hostile_input_is_refused_at_once(data: bytes, line: int | None, words: str) -> None:
    started = time.perf_counter()
    with pytest.raises(FormatError) as refused:
        clean(data)
    assert time.perf_counter() - started < 1.0
    assert words in str(refused.value.reason)
    if line is not None:
        assert refused.value.line == line


def test_the_stray_fold_is_reported_on_its_line() -> None:
    data = b"BEGIN:VCARD\r\nFN:ok\r\n\r\n  stray\r\nEND:VCARD\r\n"
    with pytest.raises(FormatError) as refused:
        clean(data)
    assert refused.value.line == 4


def test_a_long_line_is_refused_with_its_line_number() -> None:
    data = card("VERSION:3.0", "FN:Long", "NOTE:" + "x" * 1_000_000)
    with pytest.raises(FormatError) as refused:
        clean(data)
    assert refused.value.line == 4
    assert f"{MAX_LINE_BYTES:,}" in str(refused.value.reason)


def test_a_long_folded_line_counts_after_unfolding() -> None:
    folded = ["NOTE:" + "x" * 70, *([" " + "y" * 74] * (MAX_LINE_BYTES // 74 + 1))]
    with pytest.raises(FormatError) as refused:
        clean(card("VERSION:3.0", "FN:Long", *folded))
    assert refused.value.line == 4


def test_a_one_megabyte_photo_is_not_a_long_line() -> None:
    result = only(card("VERSION:3.0", "FN:Pic", "PHOTO;ENCODING=b:" + "A" * 1_048_576))
    assert [line.name for line in result.lines] == ["FN"]


def test_equals_runs_with_a_colon_are_accepted_and_safe_for_vobject() -> None:
    """RFC 6350 allows "=" in parameter values; quoted again, vobject's regex reads them at once."""
    result = only(card("VERSION:3.0", "FN:Jane King", "NOTE;X=" + "=" * 5_000 + ":hello"))
    note = result.lines[1]
    assert note.param("X") == ("=" * 5_000,)
    started = time.perf_counter()
    assert vobject.readOne(result.to_text(), transform=False).note.value == "hello"
    assert time.perf_counter() - started < 1.0


def test_scanning_is_linear_on_long_hostile_lines() -> None:
    hostile = [
        "NOTE;X" + "=" * 99_000,
        "NOTE;" + "a," * 49_000,
        "NOTE;X=" + '"' + "a" * 99_000,
        "A" * 99_000,
    ]
    for line in hostile:
        started = time.perf_counter()
        with pytest.raises(FormatError):
            clean(card("VERSION:3.0", "FN:x", line))
        assert time.perf_counter() - started < 1.0, line[:12]


def test_clean_text_of_every_card_is_read_by_vobject() -> None:
    data = card(
        "VERSION:2.1",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9;Jos=C3=A9;;;",
        'TEL;TYPE="COMMA,SEPARATED:INSIDE.DQUOTE",PREF:1',
        "NOTE:semi;colons, commas \\ and: colons",
        "item1.URL:http://example.com",
    )
    component = vobject.readOne(only(data).to_text(), transform=False)
    assert component.n.value == "Café;José;;;"
    assert component.tel.params["TYPE"] == ["COMMA,SEPARATED:INSIDE.DQUOTE", "PREF"]
    assert component.note.value == "semi;colons, commas \\ and: colons"


@given(st.text())
def test_escape_then_unescape_gives_the_text_back(text: str) -> None:
    assert unescape(escape(text)) == text
