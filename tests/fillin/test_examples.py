"""The shipped inputs are produced by the fill-in workbook code from tools/examples."""

from generator.fillin.examples import example_workbooks
from tests.conftest import ROOT


def test_shipped_inputs_are_regenerated_byte_for_byte() -> None:
    for year_dir in sorted((ROOT / "tools" / "examples").glob("*.toml")):
        expected = example_workbooks(year_dir)
        shipped = ROOT / "inputs" / year_dir.stem
        assert sorted(p.name for p in shipped.glob("*.xlsx")) == sorted(expected)
        for name, data in expected.items():
            assert (shipped / name).read_bytes() == data, (
                f"{name}: run python tools/make_examples.py {year_dir.stem}"
            )
