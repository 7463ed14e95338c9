"""Compile the theme's templates once per process instead of once per build.

MkDocs makes a fresh Jinja environment for every build, so every build compiles Material's
templates again (about a third of a small site's build). ``mkdocs serve`` rebuilds in the same
process after every save, and so do tests that build in-process: they can reuse the compiled code.
Jinja's bytecode cache does exactly that; this one keeps the code in memory for the life of the
process.

A template is looked up by its name, file and environment settings, and Jinja compares the
source's checksum before it uses the code, so an override edited while serving is compiled again.

Plugin option ``sjablooncache: false`` switches it off. An environment that already has another
bytecode cache stops the build rather than losing it silently.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.exceptions import PluginError


class Sjablooncode(BytecodeCache):
    """Compiled templates in memory, per set of environment settings."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}
        # What happened (for the tests): templates taken from here, and templates compiled.
        self.geladen = self.gecompileerd = 0

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        # The compiled code depends on these settings too: two environments share nothing
        # unless they would compile a template the same way.
        return super().get_bucket(
            environment, f"{_instellingen(environment)}\0{name}", filename, source
        )

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self.code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)  # resets itself when the checksum differs
            self.geladen += bucket.code is not None

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()
        self.gecompileerd += 1


def _instellingen(env: Environment) -> str:
    return repr(
        (
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            env.optimized,
            env.finalize is not None,
            env.autoescape if isinstance(env.autoescape, bool) else "functie",
            env.is_async,
            sorted(env.extensions),
            getattr(env, "newstyle_gettext", None),
        )
    )


PROCES = Sjablooncode()  # lives as long as the process: every build of `mkdocs serve` shares it


def met_sjablooncode(env: Environment, aan: bool = True) -> None:
    """Give ``env`` the process's compiled templates (when ``aan``)."""
    if not aan:
        return
    cache = PROCES
    if env.bytecode_cache is not None and env.bytecode_cache is not cache:
        naam = type(env.bytecode_cache).__name__
        raise PluginError(
            f"regio: de Jinja-omgeving van het thema heeft al een bytecode-cache ({naam}); "
            "zet de optie 'sjablooncache' van de regio-plugin uit."
        )
    env.bytecode_cache = cache
