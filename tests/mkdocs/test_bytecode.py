"""The compiled-template cache: reused only for the same source and the same settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, FileSystemBytecodeCache
from mkdocs.exceptions import PluginError

from regio.mkdocs import bytecode
from regio.mkdocs.bytecode import Sjablooncode, met_sjablooncode


@pytest.fixture
def sjablonen(monkeypatch: pytest.MonkeyPatch) -> Sjablooncode:
    eigen = Sjablooncode()
    monkeypatch.setattr(bytecode, "PROCES", eigen)
    return eigen


def _omgeving(bronnen: dict[str, str], **instellingen: object) -> Environment:
    env = Environment(loader=DictLoader(bronnen), **instellingen)  # type: ignore[arg-type]
    met_sjablooncode(env)
    return env


def test_a_second_environment_reuses_the_compiled_template(sjablonen: Sjablooncode) -> None:
    bronnen = {"pagina.html": "Hallo {{ naam }}"}
    assert _omgeving(bronnen).get_template("pagina.html").render(naam="Zeeland") == "Hallo Zeeland"
    assert sjablonen.geladen == 0 and len(sjablonen.code) == 1
    assert _omgeving(bronnen).get_template("pagina.html").render(naam="Utrecht") == "Hallo Utrecht"
    assert sjablonen.geladen == 1


def test_an_edited_template_is_compiled_again(sjablonen: Sjablooncode) -> None:
    _omgeving({"pagina.html": "oud {{ naam }}"}).get_template("pagina.html").render(naam="x")
    nieuw = _omgeving({"pagina.html": "nieuw {{ naam }}"}).get_template("pagina.html")
    assert nieuw.render(naam="x") == "nieuw x"
    assert sjablonen.geladen == 0


def test_other_settings_compile_their_own_code(sjablonen: Sjablooncode) -> None:
    bronnen = {"pagina.html": "{{ naam }}"}
    assert _omgeving(bronnen).get_template("pagina.html").render(naam="<b>") == "<b>"
    veilig = _omgeving(bronnen, autoescape=True).get_template("pagina.html")
    assert veilig.render(naam="<b>") == "&lt;b&gt;"
    hoekig = _omgeving(
        {"pagina.html": "<% if 1 %>{{ naam }}<% endif %>"},
        block_start_string="<%",
        block_end_string="%>",
    )
    assert hoekig.get_template("pagina.html").render(naam="x") == "x"
    assert sjablonen.geladen == 0 and len(sjablonen.code) == 3


def test_switched_off_the_environment_keeps_no_cache(sjablonen: Sjablooncode) -> None:
    env = Environment(loader=DictLoader({"pagina.html": "x"}))
    met_sjablooncode(env, aan=False)
    assert env.bytecode_cache is None


def test_another_bytecode_cache_stops_the_build(tmp_path: Path, sjablonen: Sjablooncode) -> None:
    env = Environment(bytecode_cache=FileSystemBytecodeCache(str(tmp_path)))
    with pytest.raises(PluginError, match=r"al een bytecode-cache.*'sjablooncache'"):
        met_sjablooncode(env)
