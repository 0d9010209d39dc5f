"""Ctrl-C before a command has begun (while its arguments are read) is a one-line message and exit 130, never a
traceback."""

from __future__ import annotations

from storytrace.serve import cli


def test_an_interrupt_while_arguments_are_read_is_one_line_and_130(monkeypatch, capsys):
    def interrupted_parser():
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_parser", interrupted_parser)
    assert cli.main(["stories"]) == cli.EXIT_INTERRUPTED
    err = capsys.readouterr().err
    assert err == "storytrace: interrupted\n"
