"""Property-based: whatever the YAML, the validator answers with a model or with problems."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regio.gegevens.load import load_bytes
from regio.gegevens.parse import parse
from regio.gegevens.registry import bestanden
from regio.gegevens.validate import valideer
from tests.conftest import FIXTURES, REPO

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SLEUTELS = st.sampled_from(
    ["provincies", "personen", "id", "naam", "sectoren", "bron", "status", "code", "<<", "x", ""]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.dates().map(str),
)
YAML_WAARDEN = st.recursive(
    SCALARS,
    lambda kinderen: (
        st.lists(kinderen, max_size=4) | st.dictionaries(SLEUTELS, kinderen, max_size=4)
    ),
    max_leaves=25,
)

# Bytes that tend to break YAML: indicators, quotes, tabs, BOMs, invalid UTF-8.
STUKJES = st.sampled_from(
    [
        b":",
        b"- ",
        b"\t",
        b"'",
        b'"',
        b"&a ",
        b"*a",
        b"!!python/name:os.system ",
        b"[",
        b"{",
        b"\n",
        b"  ",
        b"---\n",
        b"\xef\xbb\xbf",
        b"\xff",
        b"%YAML 1.1\n",
        b"? ",
        b"|\n",
        b"#",
        b"\x00",
    ]
)


def _bronteksten() -> list[bytes]:
    teksten = []
    for map_ in (REPO / "data", FIXTURES / "geldig"):
        for naam in bestanden():
            pad = map_ / naam
            if pad.exists():
                teksten.append(pad.read_bytes())
    return teksten


BRONNEN = _bronteksten()


def _assert_answer(raw: bytes, bestand: str) -> None:
    resultaat = load_bytes(raw, bestand)
    regels = raw.count(b"\n") + 1
    for probleem in resultaat.problemen:
        assert probleem.melding
        assert 1 <= probleem.positie.regel <= regels + 1
    if resultaat.geladen is None:
        assert resultaat.problemen
        return
    uitkomst = parse(resultaat.geladen, bestanden()[bestand])
    assert (uitkomst.model is None) == bool(uitkomst.problemen)
    for probleem in uitkomst.problemen:
        assert 1 <= probleem.positie.regel <= regels + 1
        assert probleem.melding.endswith((".", "?"))


@FUZZ
@given(waarde=YAML_WAARDEN, bestand=st.sampled_from(sorted(bestanden())))
def test_random_yaml_documents(waarde: object, bestand: str) -> None:
    _assert_answer(yaml.safe_dump(waarde, allow_unicode=True).encode(), bestand)


@FUZZ
@given(
    bron=st.sampled_from(range(len(BRONNEN))),
    wijzigingen=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(["in", "uit", "vervang"]), STUKJES),
        min_size=1,
        max_size=6,
    ),
)
def test_mutations_of_the_real_files(
    bron: int, wijzigingen: list[tuple[float, str, bytes]]
) -> None:
    raw = bytearray(BRONNEN[bron])
    for plek, actie, stukje in wijzigingen:
        i = int(plek * len(raw))
        if actie == "in":
            raw[i:i] = stukje
        elif actie == "uit":
            del raw[i : i + len(stukje)]
        else:
            raw[i : i + len(stukje)] = stukje
    bestand = "regions.yaml" if b"provincies" in BRONNEN[bron] else "contacts.yaml"
    _assert_answer(bytes(raw), bestand)


@FUZZ
@given(regels=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), min_size=1, max_size=3))
def test_whole_validation_with_swapped_lines(regels: list[tuple[int, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(FIXTURES / "geldig", data)
        pad = data / "regions.yaml"
        lijnen = pad.read_text(encoding="utf-8").splitlines()
        for a, b in regels:
            a, b = a % len(lijnen), b % len(lijnen)
            lijnen[a], lijnen[b] = lijnen[b], lijnen[a]
        pad.write_text("\n".join(lijnen) + "\n", encoding="utf-8")
        resultaat = valideer(data, weergave_dir="data")
        assert resultaat.geldig or any(p.is_fout for p in resultaat.problemen)
        assert [p.positie for p in resultaat.problemen] == sorted(
            p.positie for p in resultaat.problemen
        )
