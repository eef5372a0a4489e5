"""The monthly progress report a counsellor prints for a meeting: one A4 page or two, drawn with
reportlab from a ``caseload.Report`` (only what the client shares), in the page's language."""

from __future__ import annotations

import io

from orchardist.domain.messages import N_, Speech
from orchardist.services.caseload import Report


def render_report(report: Report, say: Speech) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=say(N_("Progress report")),
        author="Orchardist",
    )
    not_shared = say(N_("not shared"))
    month = f"{report.month:%Y-%m}"
    parts: list[object] = [
        Paragraph(escape(say(N_("Progress report"))), styles["Title"]),
        Paragraph(escape(f"{report.client} · {month}"), styles["Heading2"]),
        Paragraph(escape(say(N_("Counsellor: %(name)s")) % {"name": report.counsellor}), styles["Normal"]),
        Spacer(1, 6 * mm),
        Paragraph(escape(say(N_("The weeks"))), styles["Heading3"]),
    ]
    if report.weeks is None:
        parts.append(Paragraph(escape(not_shared), styles["Normal"]))
    else:
        if report.goal:
            parts.append(
                Paragraph(
                    escape(say(N_("Weekly goal: %(goal)s people.")) % {"goal": report.goal}), styles["Normal"]
                )
            )
        rows = [
            [
                say(N_("Week of")),
                say(N_("People tended")),
                say(N_("Gives")),
                say(N_("Asks")),
                say(N_("Thank-yous")),
                say(N_("Reconnections")),
            ]
        ]
        rows += [
            [
                say.day(week.start),
                *map(str, (week.tended, week.gives, week.asks, week.thank_yous, week.reconnections)),
            ]
            for week in report.weeks
        ]
        table = Table(rows, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                    ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f5f0")]),
                ]
            )
        )
        parts += [Spacer(1, 3 * mm), table, Spacer(1, 3 * mm)]
        parts.append(
            Paragraph(
                escape(
                    say(N_("Gave %(gave)s, asked %(asked)s in all."))
                    % {"gave": report.gave, "asked": report.asked}
                ),
                styles["Normal"],
            )
        )
    parts += [Spacer(1, 6 * mm), Paragraph(escape(say(N_("Contacts by kind"))), styles["Heading3"])]
    if report.contacts_by_kind is None:
        parts.append(Paragraph(escape(not_shared), styles["Normal"]))
    elif not report.contacts_by_kind:
        parts.append(Paragraph(escape(say(N_("No contact logged yet."))), styles["Normal"]))
    else:
        listed = ", ".join(f"{kind}: {count}" for kind, count in sorted(report.contacts_by_kind.items()))
        parts.append(Paragraph(escape(listed), styles["Normal"]))
    parts += [Spacer(1, 6 * mm), Paragraph(escape(say(N_("Notes from the meetings"))), styles["Heading3"])]
    if not report.notes:
        parts.append(Paragraph(escape(say(N_("None yet."))), styles["Normal"]))
    for note in report.notes:
        parts.append(Paragraph(f"<b>{escape(say.day(note.on))}</b> {escape(note.text)}", styles["Normal"]))
    document.build(parts)
    return out.getvalue()
