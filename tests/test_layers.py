"""The package's folders are the pipeline's stages: no import cycles, nothing imports upward."""

from tools.import_graph import LAYERS, graph, problems


def test_no_cycles_and_no_upward_imports() -> None:
    assert problems() == []


def test_every_module_belongs_to_a_layer() -> None:
    edges = graph()
    loose = [m for m in edges if m.count(".") and m.split(".")[1] not in (*LAYERS, "__main__")]
    assert loose == [], "new top-level modules belong in one of the layers"
