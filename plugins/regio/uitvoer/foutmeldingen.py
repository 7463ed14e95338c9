"""The common messages of ``regio validate`` for the editors' guide (``redactie/foutmeldingen.md``):
each mistake, the message it gives, what it means and what to do.

A committed list: ``tests/uitvoer/test_handleiding.py`` makes each mistake in a copy of the
fixture data and checks that the validator prints exactly that message.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Voorbeeldfout:
    """A common mistake: the lines before and after, the message, what it means, what to do.

    ``goed`` occurs exactly once in ``tests/fixtures/geldig/<bestand>``; replacing it with
    ``fout`` makes the validator print exactly ``melding`` (checked by the tests).
    """

    anker: str
    titel: str
    bestand: str
    goed: str
    fout: str
    melding: str
    betekenis: str  # Markdown (our own text)
    oplossing: str  # Markdown (our own text)
    fout_weergave: str | None = None  # how to show `fout` when it holds invisible characters
    goed_weergave: str | None = None  # the fix, when it is not what the test data holds


VOORBEELDFOUTEN: tuple[Voorbeeldfout, ...] = (
    Voorbeeldfout(
        anker="onbekend-veld",
        titel="Onbekend veld (een tikfout in de naam van een veld)",
        bestand="regions.yaml",
        goed="    hoofdstad: Utrecht\n",
        fout="    hoofdstat: Utrecht\n",
        melding="data/regions.yaml:6:5: fout: provincie 'utrecht': onbekend veld 'hoofdstat'. "
        "Bedoelde u 'hoofdstad'? Toegestane velden: afgeleid, bron, code, gecontroleerd, "
        "hoofdstad, id, naam, ontleend, regiocoordinator.",
        betekenis="Elke soort kent een vaste set velden. Een veld dat er niet bij hoort, wordt "
        "niet stilletjes genegeerd: vaak is het een tikfout, en dan zou de waarde verloren gaan.",
        oplossing="Neem de naam over die de melding voorstelt (`Bedoelde u …?`), of kies een "
        "van de toegestane velden. Alle velden staan op [Velden per soort](velden.md).",
    ),
    Voorbeeldfout(
        anker="ongeldige-waarde",
        titel="Waarde die niet in de lijst staat",
        bestand="regions.yaml",
        goed="    status: erkend\n",
        fout="    status: erkent\n",
        melding="data/regions.yaml:44:13: fout: partnerschap 'voorbeeldpartnerschap': 'erkent' "
        "is geen geldige waarde voor 'status'; toegestaan: erkend, aspirant, onbekend. "
        "Bedoelde u 'erkend'?",
        betekenis="Sommige velden kennen maar een paar waarden, zodat de site ze kan tellen en "
        "filteren. Een andere schrijfwijze telt als een andere waarde.",
        oplossing="Kies precies een van de genoemde waarden, met kleine letters.",
    ),
    Voorbeeldfout(
        anker="lijst-als-tekst",
        titel="Een lijst geschreven als tekst",
        bestand="regions.yaml",
        goed="    sectoren: [po]\n    status: erkend\n",
        fout="    sectoren: po\n    status: erkend\n",
        melding="data/regions.yaml:43:15: fout: partnerschap 'voorbeeldpartnerschap': "
        "'sectoren' moet een lijst zijn, maar is de tekst 'po'; schrijf bijvoorbeeld [po].",
        betekenis="Het veld kan meer dan één waarde hebben en is daarom altijd een lijst, ook "
        "als er maar één waarde in staat.",
        oplossing="Zet de waarde tussen rechte haken: `[po]`, of meer waarden met komma's: "
        "`[po, vo]`.",
    ),
    Voorbeeldfout(
        anker="verwijzing",
        titel="Verwijzing naar een id die niet bestaat",
        bestand="regions.yaml",
        goed="    penvoerder: voorbeeld-pabo\n",
        fout="    penvoerder: voorbeeld-pab\n",
        melding="data/regions.yaml:47:17: fout: partnerschap 'voorbeeldpartnerschap': "
        "'penvoerder' verwijst naar 'voorbeeld-pab', maar er is geen organisatie met die id. "
        "Bedoelde u 'voorbeeld-pabo'?",
        betekenis="Organisaties, personen, provincies en programma's staan één keer in de "
        "gegevens; andere vermeldingen noemen alleen hun `id`. Die id moet precies bestaan.",
        oplossing="Verbeter de tikfout, of voeg de organisatie (of persoon) eerst toe aan "
        "`data/contacts.yaml`, bijvoorbeeld met `regio nieuw organisatie`.",
    ),
    Voorbeeldfout(
        anker="dubbele-id",
        titel="Een id die al bestaat",
        bestand="regions.yaml",
        goed="  - id: voorbeeldproject\n",
        fout="  - id: voorbeeldregio\n",
        melding="data/regions.yaml:52:9: fout: id 'voorbeeldregio' is al in gebruik door "
        "onderwijsregio 'voorbeeldregio' (data/regions.yaml:32); ids moeten uniek zijn in alle "
        "bestanden. Kies een andere id.",
        betekenis="Elke vermelding heeft een eigen id; de site maakt er het webadres van de "
        "pagina van, en verwijzingen gebruiken hem. Twee keer dezelfde id is dus niet toegestaan, "
        "ook niet in verschillende bestanden of bij verschillende soorten.",
        oplossing="Maak de id van de nieuwe vermelding langer of preciezer, bijvoorbeeld met de "
        "plaatsnaam erbij. Verander de id van een bestaande vermelding liever niet: "
        "verwijzingen en links naar de pagina gebruiken hem.",
    ),
    Voorbeeldfout(
        anker="ongeldige-id",
        titel="Een id met hoofdletters of spaties",
        bestand="regions.yaml",
        goed="  - id: voorbeeldpartnerschap\n",
        fout="  - id: Voorbeeld Partnerschap\n",
        melding="data/regions.yaml:41:9: fout: partnerschap 'Voorbeeld Partnerschap': "
        "'Voorbeeld Partnerschap' is geen geldige id voor 'id': gebruik alleen kleine letters, "
        "cijfers en losse streepjes, bijv. 'voorbeeld-partnerschap'.",
        betekenis="Een id wordt deel van een webadres en moet daarom eenvoudig blijven.",
        oplossing="Gebruik het voorstel uit de melding, of schrijf de naam in kleine letters "
        "met streepjes in plaats van spaties.",
    ),
    Voorbeeldfout(
        anker="verplicht-veld",
        titel="Een verplicht veld ontbreekt",
        bestand="regions.yaml",
        goed="    sectoren: [po]\n    status: erkend\n",
        fout="    sectoren: [po]\n",
        melding="data/regions.yaml:41:5: fout: partnerschap 'voorbeeldpartnerschap': "
        "verplicht veld 'status' ontbreekt.",
        betekenis="Zonder dit veld kan de site de vermelding niet goed tonen. De regel in de "
        "melding is die van het begin van de vermelding (`- id: …`).",
        oplossing="Voeg het veld toe. Welke velden verplicht zijn, staat op "
        "[Velden per soort](velden.md). Weet u de waarde niet, kijk dan of `onbekend` mag.",
    ),
    Voorbeeldfout(
        anker="datum",
        titel="Een datum in de verkeerde volgorde",
        bestand="regions.yaml",
        goed="    status_sinds: 2023-06-16\n",
        fout="    status_sinds: 16-06-2023\n",
        melding="data/regions.yaml:45:19: fout: partnerschap 'voorbeeldpartnerschap': "
        "'16-06-2023' is geen geldige datum voor 'status_sinds'; schrijf JJJJ-MM-DD, "
        "bijv. 2024-09-01.",
        betekenis="Datums staan altijd als jaar-maand-dag in de gegevens, zodat ze overal "
        "hetzelfde gelezen worden. De site toont ze zelf als '16 juni 2023'.",
        oplossing="Schrijf de datum als `2023-06-16`, zonder aanhalingstekens.",
    ),
    Voorbeeldfout(
        anker="ja-nee-als-tekst",
        titel="Tekst die YAML als iets anders leest",
        bestand="contacts.yaml",
        goed="    soort: lerarenopleiding\n",
        fout="    soort: lerarenopleiding\n    afkorting: NO\n",
        melding="data/contacts.yaml:14:16: fout: organisatie 'voorbeeld-pabo': 'afkorting' moet "
        "tekst zijn, maar YAML leest NO als ja/nee-waarde; zet de waarde tussen "
        "aanhalingstekens.",
        betekenis="YAML leest sommige woorden en getallen niet als tekst: `no`, `yes`, `on` en "
        "`off` worden ja/nee-waarden, `1.0` een getal en `2024-01-01` een datum.",
        oplossing="Zet de tekst tussen dubbele aanhalingstekens.",
        goed_weergave='    soort: lerarenopleiding\n    afkorting: "NO"\n',
    ),
    Voorbeeldfout(
        anker="e-mailadres",
        titel="Een onjuist e-mailadres",
        bestand="regions.yaml",
        goed="    email: project@example.org\n",
        fout="    email: project@example\n",
        melding="data/regions.yaml:60:12: fout: project 'voorbeeldproject': 'project@example' "
        "is geen geldig e-mailadres; verwacht iets als naam@organisatie.nl.",
        betekenis="Het adres mist een deel, vaak de extensie (`.nl`) of de `@`. De controle "
        "kijkt alleen naar de schrijfwijze, niet of het adres echt bestaat.",
        oplossing="Neem het adres letterlijk over uit de bron.",
    ),
    Voorbeeldfout(
        anker="telefoonnummer",
        titel="Een onjuist telefoonnummer",
        bestand="contacts.yaml",
        goed="    telefoon: 06-12345678\n",
        fout="    telefoon: 06-1234567\n",
        melding="data/contacts.yaml:23:15: fout: persoon 'anna-voorbeeld': '06-1234567' is geen "
        "geldig Nederlands telefoonnummer; schrijf bijvoorbeeld 06-12345678 of 030-1234567.",
        betekenis="Een Nederlands nummer heeft tien cijfers (met het netnummer of `06`). Hier "
        "ontbreekt een cijfer.",
        oplossing="Neem het nummer over zoals de bron het schrijft; streepjes en spaties mogen. "
        "De site toont het nummer zelf in een vaste vorm en maakt er een belknop van.",
    ),
    Voorbeeldfout(
        anker="dubbele-punt",
        titel="De dubbele punt na de naam van een veld ontbreekt",
        bestand="regions.yaml",
        goed="    naam: Partnerschap Voorbeeld\n",
        fout="    naam Partnerschap Voorbeeld\n",
        melding="data/regions.yaml:42:5: fout: YAML-syntaxfout: hier ontbreekt de ':' tussen "
        "sleutel en waarde.",
        betekenis="Het bestand is geen geldige YAML meer, dus de rest van dit bestand kan niet "
        "gecontroleerd worden. Het andere bestand wordt wel gecontroleerd.",
        oplossing="Zet een dubbele punt en een spatie tussen de naam van het veld en de waarde: "
        "`naam: …`.",
    ),
    Voorbeeldfout(
        anker="tab",
        titel="Een tab in plaats van spaties",
        bestand="regions.yaml",
        goed="    naam: Partnerschap Voorbeeld\n",
        fout="\tnaam: Partnerschap Voorbeeld\n",
        fout_weergave="→   naam: Partnerschap Voorbeeld   (→ is de tab)\n",
        melding="data/regions.yaml:42:1: fout: tab gebruikt voor inspringen; YAML staat alleen "
        "spaties toe. Vervang de tab door spaties.",
        betekenis="YAML bepaalt met het inspringen wat bij elkaar hoort, en dat mag alleen met "
        "spaties. Een tab is op het scherm vaak niet van spaties te onderscheiden.",
        oplossing="Vervang de tab door spaties: velden van een vermelding springen vier spaties "
        "in, het streepje van `- id:` twee. `regio fmt` zet het inspringen daarna overal gelijk.",
    ),
    Voorbeeldfout(
        anker="afgeleid",
        titel="Een afgeleid veld dat niet bestaat",
        bestand="regions.yaml",
        goed="    plaats: Utrecht\n",
        fout="    plaats: Utrecht\n    afgeleid: [provincie]\n",
        goed_weergave="    plaats: Utrecht\n    afgeleid: [provincies]\n",
        melding="data/regions.yaml:38:16: fout: onderwijsregio 'voorbeeldregio': 'afgeleid' "
        "noemt 'provincie', maar dat is geen veld van een onderwijsregio dat afgeleid kan zijn. "
        "Bedoelde u 'provincies'?",
        betekenis="Onder `afgeleid` staan de velden die niet letterlijk in de bron staan, "
        "bijvoorbeeld een provincie die u uit de plaatsnaam hebt afgeleid. De site laat dan zien "
        "dat het om een afleiding gaat. Elke naam moet een veld van deze soort zijn dat ook "
        "ingevuld is.",
        oplossing="Schrijf de naam van het veld precies zoals het in de vermelding staat "
        "(`Bedoelde u …?`), of haal de naam weg als het veld niet is ingevuld.",
    ),
    Voorbeeldfout(
        anker="geen-bron",
        titel="Waarschuwing: geen bron",
        bestand="regions.yaml",
        goed="    opleidingen: [voorbeeld-pabo]\n    bron:\n      - https://example.org/partnerschap\n",
        fout="    opleidingen: [voorbeeld-pabo]\n",
        melding="data/regions.yaml:41:5: waarschuwing: partnerschap 'voorbeeldpartnerschap': "
        "geen 'bron'; voeg het webadres toe waar deze gegevens vandaan komen.",
        betekenis="Dit is een waarschuwing, geen fout: de site wordt gewoon gebouwd. Maar elke "
        "vermelding hoort een openbare bron te hebben, zodat lezers en andere redacteuren de "
        "gegevens kunnen nakijken.",
        oplossing="Voeg onder `bron:` het webadres toe waar u de gegevens gevonden hebt.",
    ),
)
