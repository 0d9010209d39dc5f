"""Docs are checked: every CLI command has help and appears in the README; the README opens with the two commands."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from storytrace.bench.run import BENCHMARKS
from storytrace.serve.cli import build_parser

README = (Path(__file__).parent.parent / "README.md").read_text()


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_has_help_and_a_readme_entry():
    """A command nobody can discover from --help or the README is a command nobody uses."""
    parser = build_parser()
    helps = {a.dest: a.help for a in next(a for a in parser._actions
                                          if isinstance(a, argparse._SubParsersAction))._choices_actions}
    for name, sub in _subcommands().items():
        assert helps.get(name), f"{name} has no help"
        assert f"storytrace {name}" in README, f"README does not mention `storytrace {name}`"
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, f"{name} {action.option_strings or action.dest} has no help"


def test_readme_opens_with_the_two_commands():
    """New users need exactly `make demo` and `make test` first."""
    block = README.split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make demo", "make test"]


def test_every_benchmark_is_documented():
    """Each benchmark whose module exists is named in the README with the command that runs it."""
    available = [name for name, bench in BENCHMARKS.items()
                 if importlib.util.find_spec(bench.target.split(":")[0]) is not None]
    assert {"clean-text", "clean-html", "speed"} <= set(available)
    for name in available:
        assert f"storytrace bench {name}" in README, name
