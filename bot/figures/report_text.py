"""The German texts of the report to hand in (`python -m bot report --format html`).

The report is a German document for the city's Integrationsbericht, not a chat page: its
headings and the sentences on how each indicator is counted are written here in German, not
in the UI catalogs. The chart labels are UI strings (the same charts go to /stats in any
language) and come from the German catalog.
"""

from __future__ import annotations

TITLE = "Kennzahlen der Koordinierungsstelle für Migrantenorganisationen"
SUBTITLE = "MO-Lotse, Landeshauptstadt Wiesbaden, Amt für Zuwanderung und Integration"
INTRO = (
    "Die Kennzahlen folgen Abschnitt 3.3 des Konzepts zur Zusammenarbeit mit "
    "Migrantenorganisationen 2021–2025: die Anzahl an Kontakten, durchgeführte "
    "Qualifizierungsangebote, entstandene neue Kooperationen, die angebotenen Formate der "
    "Vereine, die Vermittlungsquote an städtische Anlaufstellen und Fachämter und eine "
    "Befragung der Migrantenorganisationen. Alle Zahlen sind Summen; sie enthalten keine "
    "Telegram-Kennungen und keine Namen von Personen. Zahlen von 1 oder 2, die eine einzelne "
    "Organisation erkennbar machen könnten, stehen als „< 3“."
)
PERIOD = "Zeitraum: {start} bis {end} · erstellt am {today}"

# (id, heading, how it is counted, metrics shown in the section, chart)
SECTIONS: tuple[tuple[str, str, str, tuple[str, ...], str | None], ...] = (
    (
        "kontakte",
        "1. Anzahl an Kontakten",
        "Ein Kontakt ist eine Person, die im Zeitraum mindestens eine Frage gestellt hat oder "
        "an eine Stelle verwiesen wurde; sie zählt im Zeitraum und in jedem Monat einmal. "
        "Gezählt wird unter einem verschlüsselten Pseudonym, nie unter der Telegram-Kennung. "
        "Jede Frage ist entweder vom Bot beantwortet, an die Koordinierungsstelle "
        "weitergegeben oder unbeantwortet geblieben.",
        (
            "contacts",
            "contacts_per_month",
            "questions",
            "questions_per_month",
            "answered",
            "answered_share",
            "handed_off",
            "unanswered",
            "languages",
        ),
        "activity",
    ),
    (
        "qualifizierung",
        "2. Durchgeführte Qualifizierungsangebote",
        "Gezählt werden die Schulungen und Workshops der Koordinierungsstelle, die im Zeitraum "
        "stattgefunden haben (nicht abgesagt, Beginn erreicht). Anmeldungen sind die vergebenen "
        "Plätze (Stornierungen zählen nicht); auf der Warteliste geblieben ist, wer bis zum "
        "Termin keinen Platz bekam. Teilgenommen hat, wen die Koordinierungsstelle als anwesend "
        "markiert hat; hat sie eine Zahl eingegeben, gilt diese. Organisationen sind "
        "verschiedene Einträge des MO-Verzeichnisses, deren Kontaktperson einen Platz hatte "
        "bzw. als anwesend markiert wurde.",
        (
            "qualification_offers",
            "qualification_registrations",
            "qualification_waitlisted",
            "qualification_participants",
            "qualification_organisations",
            "qualification_by_topic",
            "qualification_trainings",
        ),
        "trainings",
    ),
    (
        "kooperationen",
        "3. Entstandene neue Kooperationen mit Migrantenorganisationen",
        "Der Bot schlägt Organisationen des MO-Verzeichnisses, die sich vernetzen möchten und "
        "ein Thema teilen, einander zum Kennenlernen vor; die Koordinierungsstelle kann auch "
        "selbst zwei Organisationen oder eine Organisation und ein Amt bzw. eine Einrichtung "
        "vorschlagen. Namen und Kontakte werden nur weitergegeben, wenn beide Seiten "
        "zustimmen. Vorgeschlagen: im Zeitraum gemachte Vorschläge; angenommen: im Zeitraum "
        "haben alle Gefragten zugestimmt; abgelehnt: eine Seite hat abgelehnt. Einige Wochen "
        "nach dem Kennenlernen werden beide Seiten einmal gefragt, ob eine Kooperation "
        "entstanden ist; eine neue Kooperation zählt einmal, sobald eine Seite sie bestätigt.",
        (
            "introductions_proposed",
            "introductions_accepted",
            "introductions_declined",
            "new_cooperations",
            "introductions_by_kind",
            "introductions_by_topic",
        ),
        "cooperations",
    ),
    (
        "formate",
        "4. Angebotene Formate der Vereine",
        "Beim Eintrag in das MO-Verzeichnis geben die Organisationen an, was sie anbieten: die "
        "vier Formate des Konzepts (Veranstaltungen, Beratung, Hilfe beim Ankommen, Begleitung), "
        "Bildungsangebote und anderes. Gezählt werden die Einträge am Tag des Berichts; "
        "Zahlen von 1 oder 2 stehen als „< 3“. Neue Einträge: Organisationen, die sich im "
        "Zeitraum eingetragen haben.",
        ("directory_organisations", "formats_offered", "registrations"),
        None,
    ),
    (
        "vermittlung",
        "5. Vermittlungsquote an städtische Anlaufstellen und Fachämter",
        "Die Quote ist der Anteil der Fragen des Zeitraums, deren Antwort an eine städtische "
        "Stelle verwiesen hat: ein Amt, eine Abteilung, die Geschäftsstelle des "
        "Ausländerbeirats oder die Koordinierungsstelle (welche Stellen städtisch sind, legt "
        "die Wissensbasis des Bots fest). Eine Antwort auf eine häufige Frage verweist auf die "
        "Stellen, die sie nennt, und zählt für diese. Die Verweise je Stelle zählen jeden "
        "Verweis aus Antworten, gewählten Vorschlägen und aufgerufenen Seiten. Einige Tage "
        "nach einem Verweis an ein Amt oder Programm wird einmal nachgefragt, ob die Stelle "
        "kontaktiert wurde und ob es geholfen hat.",
        (
            "referral_rate_city",
            "referrals_city_questions",
            "referrals_by_office",
            "referrals_by_program",
            "referrals_other",
            "followup_success_by_office",
        ),
        "referrals",
    ),
    (
        "befragung",
        "6. Befragung der Migrantenorganisationen",
        "Die Koordinierungsstelle sendet die Befragung an die Kontaktperson jedes Eintrags im "
        "MO-Verzeichnis: drei Fragen mit einer Skala von 1 (gar nicht) bis 5 (sehr) und eine "
        "offene Frage. Angegeben sind die letzte Befragung, wie viele eingeladen wurden und "
        "geantwortet haben, und der Durchschnitt je Frage. Die Antworten werden unter einem "
        "Pseudonym gespeichert.",
        ("survey",),
        "survey",
    ),
    (
        "weiteres",
        "7. Weitere Zahlen",
        "Rundschreiben: im Zeitraum erstellte Rundschreiben der Koordinierungsstelle und ihre "
        "Zustellung. Erinnerungen: wie viele Personen heute an die Termine eines Netzwerks "
        "oder Programms erinnert werden möchten (* = an alle Termine). Gebremst: wie oft "
        "jemand im Zeitraum gebeten wurde, langsamer zu schreiben, weil er mehr Nachrichten "
        "in der Minute schickte, als der Bot für eine Person annimmt.",
        ("broadcasts", "subscriptions", "slowed_down"),
        None,
    ),
)

LABELS = {
    "period_from": "Beginn des Zeitraums",
    "period_to": "Ende des Zeitraums",
    "contacts": "Kontakte (Personen)",
    "contacts_per_month": "Kontakte je Monat",
    "questions": "Fragen",
    "questions_per_month": "Fragen je Monat",
    "answered": "vom Bot beantwortet",
    "answered_share": "Anteil vom Bot beantwortet",
    "handed_off": "an die Koordinierungsstelle weitergegeben",
    "unanswered": "unbeantwortet",
    "languages": "Fragen je Sprache",
    "qualification_offers": "durchgeführte Schulungen und Workshops",
    "qualification_registrations": "Anmeldungen (vergebene Plätze)",
    "qualification_waitlisted": "auf der Warteliste geblieben",
    "qualification_participants": "Teilnehmende",
    "qualification_organisations": "Organisationen",
    "qualification_by_topic": "je Thema",
    "qualification_trainings": "je Schulung",
    "introductions_proposed": "vorgeschlagene Vorstellungen",
    "introductions_accepted": "von allen Gefragten angenommen",
    "introductions_declined": "abgelehnt",
    "new_cooperations": "neue Kooperationen",
    "introductions_by_kind": "je Art",
    "introductions_by_topic": "je Thema",
    "directory_organisations": "Organisationen im MO-Verzeichnis (heute)",
    "formats_offered": "Organisationen je angebotenem Format",
    "registrations": "neue Einträge im MO-Verzeichnis im Zeitraum",
    "referral_rate_city": "Vermittlungsquote an städtische Stellen",
    "referrals_city_questions": "Fragen mit Verweis an eine städtische Stelle",
    "referrals_by_office": "Verweise je Amt und Einrichtung",
    "referrals_by_program": "Verweise je Förderprogramm",
    "referrals_other": "Verweise auf Netzwerke, Begriffe und häufige Fragen",
    "followup_success_by_office": "Nachfragen je Stelle",
    "survey": "letzte Befragung",
    "broadcasts": "Rundschreiben",
    "subscriptions": "Erinnerungen je Netzwerk oder Programm",
    "slowed_down": "gebremst (zu viele Nachrichten in der Minute)",
}
KEYS = {
    # inner keys of the tables
    "offers": "Angebote",
    "registrations": "Anmeldungen",
    "participants": "Teilnehmende",
    "registered": "mit Anmeldungen",
    "attended": "mit Teilnehmenden",
    "proposed": "vorgeschlagen",
    "accepted": "angenommen",
    "declined": "abgelehnt",
    "cooperation": "Kooperation",
    "organisations": "zwischen Organisationen",
    "offices": "mit einem Amt oder einer Einrichtung",
    "asked": "gefragt",
    "answered": "geantwortet",
    "contacted": "kontaktiert",
    "helped": "geholfen",
    "survey_id": "Nummer der Befragung",
    "invited": "eingeladen",
    "broadcasts": "Rundschreiben",
    "recipients": "Empfängerinnen und Empfänger",
    "sent": "zugestellt",
    "blocked": "blockiert",
    "day": "Datum",
    "title": "Titel",
    "kind": "Art",
    "topic": "Thema",
    "capacity": "Plätze",
    "waitlisted": "Warteliste",
    "*": "alle Termine",
    "-": "ohne Thema",
    "training": "Schulung",
    "workshop": "Workshop",
}
CITY = "städtisch"
NONE = "Keine Angaben im Zeitraum."
CHART = "Abbildung: {title}"
