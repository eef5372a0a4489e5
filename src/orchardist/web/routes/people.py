"""The People page: everyone in the network, searched as you type, filtered, sorted and tagged in bulk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.people import Tier
from orchardist.domain.queries import Order, Query, Text, people_filter
from orchardist.services.errors import NotFound
from orchardist.services.network import Network
from orchardist.services.people import PersonError, browse_people, tag_people
from orchardist.web.app import network_of
from orchardist.web.i18n import _, ngettext
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

PAGE_SIZE = 50
SORTS: tuple[Order, ...] = ("name", "last_contact", "recent")
SUGGESTIONS = 20


@dataclass(frozen=True, slots=True)
class Filters:
    """What the People page is showing: the search, the filters, the order and the page."""

    q: str = ""
    tag: str = ""
    tier: str = ""
    org: str = ""
    sort: Order = "name"
    page: int = 1

    @classmethod
    def parse(cls, values: dict[str, str]) -> Filters:
        """Read the page's GET parameters leniently: anything unknown falls back to the default."""
        sort = values.get("sort", "name")
        tier = values.get("tier", "")
        try:
            page = max(1, int(values.get("page", "1")))
        except ValueError:
            page = 1
        return cls(
            q=values.get("q", "").strip(),
            tag=values.get("tag", "").strip(),
            tier=tier if tier in {t.value for t in Tier} else "",
            org=values.get("org", "").strip(),
            sort=next((known for known in SORTS if known == sort), "name"),
            page=page,
        )

    def query(self) -> Query:
        """The filters combined (``Everyone`` when none is set)."""
        return people_filter(self.q, tag=self.tag, tier=self.tier or None, organisation=self.org)

    @property
    def narrowed(self) -> bool:
        return bool(self.q or self.tag or self.tier or self.org)

    def as_dict(self) -> dict[str, Any]:
        return {
            "q": self.q,
            "tag": self.tag,
            "tier": self.tier,
            "org": self.org,
            "sort": self.sort,
            "page": self.page,
        }

    def url(self, page: int | None = None) -> str:
        """The People page's address for these filters (defaults left out), on ``page``."""
        values = {**self.as_dict(), "page": page or self.page}
        shown = {k: v for k, v in values.items() if v and (k, v) not in {("sort", "name"), ("page", 1)}}
        return f"/people?{urlencode(shown)}" if shown else "/people"


def _listing(network: Network, filters: Filters, *, choices: bool) -> dict[str, Any]:
    """The context of the results: one page of people, the count, and where the other pages are."""
    found = browse_people(
        network,
        filters.query(),
        limit=PAGE_SIZE,
        offset=(filters.page - 1) * PAGE_SIZE,
        order=filters.sort,
        count=True,
        choices=choices,
    )
    total = found.total or 0
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(filters.page, pages)
    if page != filters.page:
        # Past the last page (an old link, or fewer people now): show the last one.
        return _listing(
            network,
            Filters(filters.q, filters.tag, filters.tier, filters.org, filters.sort, page),
            choices=choices,
        )
    people = found.people
    applied = Filters(filters.q, filters.tag, filters.tier, filters.org, filters.sort, page)
    return {
        "people": people,
        "total": total,
        "tags": found.tags,
        "organisations": found.organisations,
        "page": page,
        "pages": pages,
        "first": (page - 1) * PAGE_SIZE + 1 if people else 0,
        "last": (page - 1) * PAGE_SIZE + len(people),
        "filters": applied.as_dict(),
        "narrowed": filters.narrowed,
        "anyone": found.anyone,
        "previous_url": applied.url(page - 1) if page > 1 else None,
        "next_url": applied.url(page + 1) if page < pages else None,
        "here": urlencode({k: v for k, v in applied.as_dict().items() if v}),
    }


def _page(
    request: Request,
    network: Network,
    filters: Filters,
    *,
    message: str | None = None,
    error: str | None = None,
    chosen: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    results_only = request.headers.get("hx-request") == "true"
    context = _listing(network, filters, choices=not results_only)
    context.update({"message": message, "error": error, "chosen": chosen or {"ids": [], "tag": ""}})
    if results_only:
        return render(request, "people/_results.html", context, status_code=status_code)
    context.update({"tiers": [tier.value for tier in Tier], "sorts": list(SORTS)})
    return render(request, "people/page.html", context, status_code=status_code)


def _done_message(request: Request) -> str | None:
    """The message after a change this page redirected from (the values come from our own redirect)."""
    params = request.query_params
    if params.get("deleted") == "1":
        return _("The person was deleted.")
    tagged, added = params.get("tagged", ""), params.get("added", "")
    if tagged.isdigit() and added:
        count = int(tagged)
        if count == 0:
            return _("Everyone you chose already had the tag “%(tag)s”.") % {"tag": added}
        return ngettext(
            "Added the tag “%(tag)s” to %(num)d person.", "Added the tag “%(tag)s” to %(num)d people.", count
        ) % {"tag": added, "num": count}
    return None


@router.get("/people")
def people_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """Everyone, or those the search and filters pick; an htmx request gets only the results."""
    filters = Filters.parse(dict(request.query_params))
    return _page(request, network, filters, message=_done_message(request))


@router.get("/people/suggestions")
def suggestions(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    met_through_id: str = "",
) -> Response:
    """People whose name starts like the text typed, as options for a box naming someone ("who
    introduced you" sends ``met_through_id``; a lead's source or whom you met at an event send their
    box under its own name)."""
    typed = met_through_id or next((value for value in request.query_params.values() if value), "")
    text = typed.split("(#")[0].strip()
    people = browse_people(network, Text(text), limit=SUGGESTIONS).people if text else []
    return render(request, "people/_suggestions.html", {"people": people})


@router.post("/people/bulk-tag", dependencies=[Depends(require_csrf)])
def bulk_tag_people(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    ids: Annotated[list[str] | None, Form()] = None,
    tag: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "",
) -> Response:
    """Add one tag to every person ticked; all or nothing, then back to the same view of the list."""
    filters = Filters.parse(dict(parse_qsl(back)))
    chosen = {"ids": ids or [], "tag": tag}
    error: str | None = None
    person_ids: list[int] = []
    for value in ids or []:
        if not value.isdigit():
            error = _("“%(value)s” is not a person's number; nothing was changed.") % {"value": value}
            break
        person_ids.append(int(value))
    if error is None:
        try:
            tagged = tag_people(network, person_ids, tag)
        except PersonError as refused:
            if refused.field == "ids":
                error = _("Tick at least one person; nothing was changed.")
            elif not tag.strip():
                error = _("Type the tag to add; nothing was changed.")
            else:
                error = _("That tag is too long; nothing was changed.")
        except NotFound:
            error = _("Some of the people you chose are no longer in your network; nothing was changed.")
        else:
            done = urlencode({"tagged": tagged, "added": tag.strip()})
            target = filters.url()
            return RedirectResponse(f"{target}{'&' if '?' in target else '?'}{done}", status_code=303)
    return _page(request, network, filters, error=error, chosen=chosen, status_code=400)
