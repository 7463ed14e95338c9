"""Contact data rules: e-mail, phone numbers and links, decided by maintained libraries."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email

TOEGESTANE_SCHEMAS = ("http", "https")


def email_geldig(adres: str) -> bool:
    """Syntax only; no DNS look-up (no network at build time)."""
    try:
        validate_email(adres, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def _nummer(telefoon: str) -> phonenumbers.PhoneNumber | None:
    try:
        nummer = phonenumbers.parse(telefoon, "NL")
    except phonenumbers.NumberParseException:
        return None
    return nummer if phonenumbers.is_valid_number(nummer) else None


def telefoon_geldig(telefoon: str) -> bool:
    return _nummer(telefoon) is not None


def telefoon_nationaal(telefoon: str) -> str:
    """How a Dutch visitor reads the number, e.g. '06 22719813'."""
    nummer = _nummer(telefoon)
    if nummer is None:
        raise ValueError(f"ongeldig telefoonnummer: {telefoon!r}")
    return phonenumbers.format_number(nummer, phonenumbers.PhoneNumberFormat.NATIONAL)


def telefoon_e164(telefoon: str) -> str:
    """For ``tel:`` links, e.g. '+31622719813'."""
    nummer = _nummer(telefoon)
    if nummer is None:
        raise ValueError(f"ongeldig telefoonnummer: {telefoon!r}")
    return phonenumbers.format_number(nummer, phonenumbers.PhoneNumberFormat.E164)


# Whitespace anywhere (also at the ends) or a control character.
_SPATIE_OF_STUURTEKEN = re.compile(r"[\s\x00-\x1f]")


def url_toegestaan(url: str) -> bool:
    """Only absolute http(s) links with a host; nothing that a browser could run."""
    if _SPATIE_OF_STUURTEKEN.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in TOEGESTANE_SCHEMAS and bool(parts.hostname)
