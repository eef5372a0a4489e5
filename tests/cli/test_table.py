"""Rows written as they come: widths from the first page within a cap, long values cut with "…",
wide characters counted as two cells, and a JSON array the same as one written whole."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from orchardist.cli.table import cells, fitted, write_json_array, write_table


def _output(action: object) -> str:
    @click.command()
    def command() -> None:
        action()  # type: ignore[operator]

    result = CliRunner().invoke(command)
    assert result.exit_code == 0, result.output
    return result.output


def test_cells_count_wide_characters_twice_and_combining_marks_not_at_all() -> None:
    assert cells("Ana") == 3 and cells("王伟") == 4 and cells("e\u0301") == 1


@pytest.mark.parametrize(
    ("text", "width", "shown"),
    [
        ("Ana", 5, "Ana  "),
        ("Anastasia", 5, "Anas…"),
        ("王伟王伟", 5, "王伟…"),
        ("王伟王伟", 6, "王伟… "),
        ("two\nlines", 9, "two lines"),
    ],
)
def test_fitted(text: str, width: int, shown: str) -> None:
    assert fitted(text, width) == shown and cells(shown) == width


def test_columns_take_the_first_pages_widths_and_stay_aligned() -> None:
    pages = [[("1", "Ana Silva")], [("22", "Bartholomew Featherstonehaugh")]]
    shown = _output(lambda: write_table(("id", "name"), pages, (4, 12)))
    assert shown.splitlines() == ["id  name", "1   Ana Silva", "22  Bartholo…"]


def test_no_rows_writes_nothing() -> None:
    assert _output(lambda: print(write_table(("id",), iter([[], []]), (4,)))) == "0\n"


@pytest.mark.parametrize("items", [[], [{"a": 1}], [{"a": [1, 2], "b": "é"}, {"c": None}, 3]])
def test_a_json_array_written_a_page_at_a_time_is_the_whole_one(items: list[object]) -> None:
    pages = [items[:1], [], items[1:]]
    shown = _output(lambda: write_json_array(pages))
    assert json.loads(shown) == items
    lines = shown.splitlines()
    if items:
        assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(items) + 2
        assert [json.loads(line.rstrip(",")) for line in lines[1:-1]] == items
        assert "é" in shown or "é" not in json.dumps(items, ensure_ascii=False)
    else:
        assert shown == "[]\n"
