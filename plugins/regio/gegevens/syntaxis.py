"""YAML syntax errors in Dutch: libyaml's English problem texts, translated for editors."""

from __future__ import annotations

# PyYAML's problem texts, translated into what an editor can act on.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "onverwachte ':' in een waarde. Staat er een dubbele punt in de tekst? "
        "Zet de hele waarde dan tussen aanhalingstekens.",
    ),
    ("could not find expected ':'", "hier ontbreekt de ':' tussen sleutel en waarde."),
    (
        "did not find expected key",
        "de inspringing klopt niet: hier werd een sleutel verwacht op dezelfde hoogte als de "
        "regels erboven.",
    ),
    (
        "did not find expected '-' indicator",
        "de inspringing klopt niet: een lijstitem moet met '- ' beginnen op dezelfde hoogte als "
        "de andere items.",
    ),
    (
        "did not find expected node content",
        "hier ontbreekt een waarde, of de inspringing klopt niet.",
    ),
    (
        "found unexpected end of stream",
        "het bestand houdt onverwacht op: is een aanhalingsteken of haakje niet gesloten?",
    ),
    (
        "found unknown escape character",
        "onbekende escape-code met '\\' in een tekst tussen dubbele aanhalingstekens; "
        "gebruik enkele aanhalingstekens of schrijf '\\\\'.",
    ),
    (
        "found character that cannot start any token",
        "dit teken kan hier geen waarde beginnen (bijv. '@' of '`'); "
        "zet de waarde tussen aanhalingstekens.",
    ),
    (
        "found undefined alias",
        "deze alias (*naam) verwijst naar een anker (&naam) dat niet bestaat.",
    ),
    ("found duplicate anchor", "dit anker (&naam) is al eerder gebruikt."),
    (
        "expected <block end>",
        "de inspringing klopt niet: deze regel springt verder in of minder in dan verwacht.",
    ),
    ("expected ',' or ']'", "een lijst tussen [ ] is niet goed gesloten: verwachtte ',' of ']'."),
    ("expected ',' or '}'", "een mapping tussen { } is niet goed gesloten: verwachtte ',' of '}'."),
    (
        "found a tab character",
        "tab-teken gevonden; gebruik spaties voor inspringen.",
    ),
    (
        "control characters are not allowed",
        "onzichtbaar stuurteken in het bestand; verwijder het.",
    ),
    (
        "block sequence entries are not allowed",
        "een lijst ('- ') kan niet op dezelfde regel als de sleutel beginnen; zet elk item op "
        "een eigen regel of schrijf [po, vo].",
    ),
    (
        "hexdecimal number",
        "ongeldige escape met '\\' tussen dubbele aanhalingstekens (bijvoorbeeld een "
        "Windows-pad); gebruik enkele aanhalingstekens.",
    ),
    (
        "Unicode character escape code",
        "ongeldige escape met '\\' tussen dubbele aanhalingstekens; schrijf het teken zelf "
        "of gebruik enkele aanhalingstekens.",
    ),
    (
        "expected alphabetic or numeric character",
        "'&' of '*' aan het begin van een waarde maakt een anker of alias; zet de waarde "
        "tussen aanhalingstekens.",
    ),
    (
        "document indicator",
        "'---' of '...' aan het begin van een regel beëindigt het document; zet die tekst "
        "tussen aanhalingstekens op één regel.",
    ),
    (
        "expected <document start>",
        "na het einde van het document ('...') mag niets meer staan.",
    ),
    (
        "directive",
        "een regel die met '%' begint is een YAML-aanwijzing en is hier niet toegestaan; zet "
        "de tekst tussen aanhalingstekens.",
    ),
    (
        "while parsing a tag",
        "ongeldige YAML-tag ('!'); gebruik gewone waarden zonder tags.",
    ),
    (
        "while scanning a tag",
        "ongeldige YAML-tag ('!'); gebruik gewone waarden zonder tags.",
    ),
    (
        "indentation indicator",
        "na '|' of '>' mag alleen het einde van de regel komen.",
    ),
    (
        "chomping",
        "na '|' of '>' mag alleen het einde van de regel komen.",
    ),
)

# Problems that libyaml notices on the next line: the context (where the key or bracket
# started) is where the editor must look.
CONTEXT_IS_PLEK = ("could not find expected ':'", "expected ',' or ']'", "expected ',' or '}'")


def syntax_message(problem: str | None) -> str:
    text = problem or ""
    for english, dutch in _SYNTAX_HINTS:
        if english in text:
            return f"YAML-syntaxfout: {dutch}"
    return (
        "YAML-syntaxfout: deze regel is geen geldige YAML "
        f"(melding van de YAML-lezer: {text or 'onbekend'})."
    )
