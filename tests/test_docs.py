"""The documentation keeps up with the code."""

from __future__ import annotations

from pathlib import Path

from orchardist.cli.reference import commands, render

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_has_help_text() -> None:
    missing = [" ".join(path) for path, command in commands() if not (command.help or "").strip()]
    assert missing == []


def test_cli_reference_is_current() -> None:
    expected = render()
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "regenerate it: .venv/bin/python -m orchardist.cli.reference > docs/cli.md"


def test_every_command_is_in_the_reference() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for path, _command in commands():
        assert f"## {' '.join(path)}\n" in text


def test_readme_quick_start_has_exactly_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in quick.strip().splitlines()] == ["./run", "./test"]


def test_changelog_has_an_unreleased_section() -> None:
    assert "## Unreleased" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
