"""The shape of the package a maintainer relies on: floors without cycles, small modules."""

from pathlib import Path

from importlinter.cli import lint_imports

PACKAGE = Path(__file__).resolve().parent.parent / "avp_wagtail"
MAX_LINES = 400


def test_import_contracts_hold(capsys):
    """No import cycle anywhere in the package, and models/core import nothing above them
    (the contracts in .importlinter; function-local imports count)."""
    exit_code = lint_imports(config_filename=str(PACKAGE.parent / ".importlinter"), no_cache=True)
    report = capsys.readouterr().out
    assert exit_code == 0, report


def test_no_module_is_over_400_lines():
    """Small files named after what they hold: a module over 400 lines is split by concern
    (generated migrations excepted)."""
    too_long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts
        and (lines := path.read_text(encoding="utf-8").count("\n")) > MAX_LINES
    }
    assert too_long == {}
