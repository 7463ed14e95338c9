"""How visitors read the values of our fields: statuses, kinds of organisation, roles, sectors."""

from __future__ import annotations

STATUS = {
    "voorloper": "Voorloper",
    "in-oprichting": "In oprichting",
    "onbekend": "Status onbekend",
    "erkend": "Erkend",
    "aspirant": "Aspirant",
}
SOORT = {
    "ondersteuning": "Ondersteuningsorganisatie",
    "sectororganisatie": "Sectororganisatie",
    "overheid": "Overheid",
    "lerarenopleiding": "Lerarenopleiding",
    "schoolbestuur": "Schoolbestuur",
    "onderwijsinstelling": "Onderwijsinstelling",
    "overig": "Overig",
}
ROL = {
    "penvoerder": "Penvoerder van",
    "lerarenopleiding": "Lerarenopleiding in",
    "deelnemer": "Neemt deel aan",
    "draagt programma": "Betrokken bij programma",
}
# The sectors as the table filter offers them: the code the tables show, spelled out.
SECTORNAMEN = {
    "po": "primair onderwijs",
    "so": "speciaal onderwijs",
    "vso": "voortgezet speciaal onderwijs",
    "vo": "voortgezet onderwijs",
    "mbo": "middelbaar beroepsonderwijs",
    "hbo": "hoger beroepsonderwijs",
    "wo": "wetenschappelijk onderwijs",
}
