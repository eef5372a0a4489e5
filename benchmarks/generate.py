"""Realistic benchmark data: a 30,000-row LinkedIn export and 300,000 interactions.

Deterministic (seeded) so figures can be reproduced. Names mix languages and the quirks real
exports have: credentials, pronouns, emoji, curly apostrophes, missing e-mails, date-only rows.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

GIVEN = (
    "Amira Dan Juliana Priya Marc-André Grace Tom Lucía Sam Yuki Ahmed Olivia Liam Noah Emma Sofia Mateo "
    "Chloé Zoë Wei Mei Arjun Ananya Kwame Ama Fatima Omar Élodie François Hannah Lukas Ingrid Sven Aiko "
    "Hiroshi Carlos María José Ana Pedro Isabella Gabriel Nadia Yusuf Leila Tariq Siobhan Seán Aoife Mateus"
).split()
FAMILY = (
    "Smith Nguyen Tremblay Gagnon Roy Côté Bouchard Raman Okafor Becker Fernández Whitefeather Tanaka "
    "Haddad Kowalski Müller Schmidt O’Brien D’Arcy García Martínez Rodríguez López Chen Wang Li Zhang Kim "
    "Park Singh Patel Kumar Mensah Boateng Diallo Ndiaye Johansson Andersen Rossi Bianchi Dubois Lefebvre "
    "Moreau Novak Horvat Yilmaz Demir Cohen Levi Silva Santos Ferreira Costa MacDonald Campbell Wilson"
).split()
SUFFIXES = ["", "", "", "", "", "", ", PhD", ", MBA", ", CPA", " P.Eng.", " (she/her)", " (he/him)", " 🌱"]
COMPANIES = [
    f"{a} {b}"
    for a in (
        "Maple Northwind Cedar Lakeshore Bright Riverbend Summit Harbour Aurora Granite Pioneer Atlas Beacon "
        "Evergreen Keystone Meridian Orchard Prairie Sterling Vertex"
    ).split()
    for b in (
        "Health",
        "Labs",
        "Analytics",
        "Logistics",
        "Bank",
        "Software",
        "Foods",
        "Energy",
        "Media",
        "Group",
    )
]
TITLES = (
    "Software Engineer|Senior Software Engineer|Data Analyst|Product Manager|Recruiter|"
    "Talent Acquisition Partner|"
    "Engineering Manager|UX Designer|Project Manager|Director of Operations|Account Executive|Consultant|"
    "Chief Technology Officer|Marketing Specialist|HR Business Partner|Nurse|Teacher|Accountant|Student"
).split("|")
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or download "
    "their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
    'You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n\n'
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]


def linkedin_export(rows: int = 30_000, seed: int = 2026) -> bytes:
    """A 2024-style ``Connections.csv`` with ``rows`` connections."""
    rng = random.Random(seed)
    out = io.StringIO()
    out.write(PREAMBLE)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    start = date(2012, 1, 1)
    for number in range(rows):
        given = rng.choice(GIVEN)
        family = rng.choice(FAMILY) + rng.choice(SUFFIXES)
        slug = f"{given}-{family.split(',')[0].split(' ')[0]}-{number:05d}".lower().replace("’", "")
        email = f"{given}.{number}@example.com".lower() if rng.random() < 0.08 else ""
        connected = start + timedelta(days=rng.randrange(5_000))
        writer.writerow(
            [
                given,
                family,
                f"https://www.linkedin.com/in/{slug}",
                email,
                rng.choice(COMPANIES),
                rng.choice(TITLES),
                connected.strftime("%d %b %Y"),
            ]
        )
    return out.getvalue().encode("utf-8")


def interaction_rows(
    person_ids: list[int], count: int = 300_000, seed: int = 2026
) -> list[dict[str, object]]:
    """``count`` interactions spread over the people, as (date, person, direction, kind) rows."""
    rng = random.Random(seed)
    today = date(2026, 11, 22)
    kinds = ["coffee", "call", "message", "introduction", "advice", "thank_you", "article", "event"]
    directions = ["gave", "asked", "mutual", "social"]
    return [
        {
            "on": today - timedelta(days=rng.randrange(2_000)),
            "person_id": rng.choice(person_ids),
            "direction": rng.choice(directions),
            "kind": rng.choice(kinds),
        }
        for _ in range(count)
    ]
