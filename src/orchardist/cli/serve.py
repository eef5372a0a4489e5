"""``orchardist serve``: the web app on this computer, or on the local network behind a passcode."""

from __future__ import annotations

import ipaddress
import os
import re
import sys

import click

from orchardist.cli.context import EXIT_REFUSED, fail, state

# Where uvicorn listens on every address of the computer (all IPv4, or all IPv6 and IPv4).
EVERY_ADDRESS = {"0.0.0.0": False, "::": True, "[::]": True}
_HOST_NAME = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?")
# Documentation addresses (RFC 5737, RFC 3849): connecting a UDP socket to one only asks the
# routing table which address of this computer would be used; no packet is sent.
_ROUTE_PROBES = (("192.0.2.1", False), ("2001:db8::1", True))


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this computer only."""
    if host.lower().rstrip(".") in {"localhost", "localhost6"} or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(value: str) -> str | None:
    """``value`` as a browser puts it in the Host header (an IPv6 address in brackets), or None if
    it is neither a host name nor an address."""
    text = value.strip().lower()
    try:
        address = ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return text if _HOST_NAME.fullmatch(text) and len(text) <= 253 else None
    return f"[{address}]" if address.version == 6 else str(address)


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def port_free(host: str, port: int) -> bool:
    """Whether ``port`` can be listened on at ``host`` (as the server will, reusing a closed one's)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def can_show_a_browser() -> bool:
    """Whether a web browser can be shown here: a desktop (macOS, Windows, or a Linux display), never a
    text browser taking over a terminal on a server."""
    if sys.platform in {"darwin", "win32"}:
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def own_names(ipv6: bool) -> list[str]:
    """This computer's name (and ``NAME.local``, its mDNS name) and its address on the network it
    routes through: all found without sending anything over the network."""
    import socket

    found: list[str] = []
    name = host_name(socket.gethostname())
    if name and not is_loopback(name):
        found.append(name)
        if "." not in name:
            found.append(f"{name}.local")
    for probe, is_v6 in _ROUTE_PROBES:
        if is_v6 and not ipv6:
            continue
        try:
            with socket.socket(socket.AF_INET6 if is_v6 else socket.AF_INET, socket.SOCK_DGRAM) as udp:
                udp.connect((probe, 9))
                address = host_name(str(udp.getsockname()[0]))
        except OSError:  # no route: not on a network
            continue
        if address and not is_loopback(address):
            found.append(address)
    return found


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help=(
        "Address to listen on. Keep 127.0.0.1 (this computer only); any other address, such as "
        "0.0.0.0 for every network, needs an access passcode first (orchardist passcode set)."
    ),
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
@click.option(
    "--allowed-host",
    "allowed",
    multiple=True,
    metavar="NAME",
    help=(
        "Another name or address browsers reach the app by (repeatable). Orchardist answers only to "
        "localhost, the --host given and, for 0.0.0.0 or ::, this computer's name, NAME.local and "
        "its network address."
    ),
)
@click.option(
    "--open",
    "open_browser",
    is_flag=True,
    help="Open the app in your web browser once it is running (where this computer has one to show).",
)
@click.option(
    "--server",
    "server_mode",
    is_flag=True,
    help="Run the agency server (or set ORCHARDIST_MODE=server): accounts for counsellors and their "
    "clients, each client's network private unless they share it. Needs --db postgresql://….",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="With --server: worker processes (stateless: every session is in the database).",
)
@click.option(
    "--proxy",
    "proxies",
    multiple=True,
    metavar="ADDRESS",
    help="With --server: the address of the TLS proxy in front (repeatable); its X-Forwarded-For and "
    "X-Forwarded-Proto are trusted, nobody else's.",
)
@click.pass_context
def serve_command(
    ctx: click.Context,
    host: str,
    port: int,
    allowed: tuple[str, ...],
    open_browser: bool,
    server_mode: bool,
    workers: int,
    proxies: tuple[str, ...],
) -> None:
    """Run the web app in your browser at http://HOST:PORT/.

    On 127.0.0.1 (the default) only this computer can open it. To let other computers on your
    network open it, set an access passcode first (orchardist passcode set), then serve on every
    address of this computer (--host 0.0.0.0): each browser signs in with the passcode. Without a
    passcode, serve refuses any address but this computer's own (exit 2).
    """
    extra: list[str] = []
    for value in allowed:
        name = host_name(value)
        if name is None:
            fail(f"--allowed-host {value!r} is not a host name or an address (no scheme, port or *)")
        extra.append(name)
    listen_on = host_name(host)
    if listen_on is None:
        fail(f"--host {host!r} is not a host name or an address")

    import uvicorn

    if server_mode or os.environ.get("ORCHARDIST_MODE") == "server":
        serve_agency(ctx, host.strip("[]"), port, extra, workers, proxies)
        return

    from orchardist.services.access import access
    from orchardist.web.app import LOCAL_HOSTS, create_app

    network = state(ctx).network()
    shared = not is_loopback(host)
    if shared and not access(network).passcode_set:
        fail(
            f"refused to listen on {host}: other computers could open Orchardist and read your whole "
            "network. Set an access passcode first (orchardist passcode set), or keep --host 127.0.0.1.",
            EXIT_REFUSED,
        )
    if host in EVERY_ADDRESS:
        reached_by = own_names(EVERY_ADDRESS[host])
    else:
        reached_by = [] if listen_on in LOCAL_HOSTS else [listen_on]
    names = list(dict.fromkeys([*LOCAL_HOSTS, *reached_by, *extra]))

    if not port_free(host.strip("[]"), port):
        command = os.environ.get("ORCHARDIST_COMMAND") or "orchardist"
        how = "ORCHARDIST_PORT=8001 ./run" if command == "./run" else f"{command} serve --port 8001"
        fail(f"port {port} is taken: another program is using it. Choose another, such as: {how}")
    shown = "localhost" if host in {"127.0.0.1", *EVERY_ADDRESS} else listen_on
    url = f"http://{shown}:{port}/"
    click.echo(f"Orchardist is running at {url} (Ctrl+C stops it)")
    if open_browser:
        if can_show_a_browser():
            import threading
            import webbrowser

            threading.Timer(1.0, webbrowser.open, [url]).start()
        else:
            click.echo(f"open {url} in your web browser")
    if shared:
        # An address works from any computer; a name only where the network knows it.
        addresses = [name for name in reached_by if _is_address(name)] or reached_by
        if addresses:
            click.echo(f"other computers open it at http://{addresses[0]}:{port}/ with the access passcode")
        click.echo(f"it answers to: {', '.join(names)} (add a name with --allowed-host)")
    click.echo(f"data: {network.describe()}")
    uvicorn.run(
        create_app(network, allowed_hosts=names, shared=shared, digests=True),
        host=host.strip("[]"),
        port=port,
        log_level="warning",
        # Requests are never logged at the level above; not even the line's parts are worked out.
        access_log=False,
    )


def serve_agency(
    ctx: click.Context, host: str, port: int, names: list[str], workers: int, proxies: tuple[str, ...]
) -> None:
    """The agency server: PostgreSQL only (refused at once on an SQLite store), any address, ``workers``
    processes over the database; forwarded headers trusted from ``proxies`` only."""
    import uvicorn

    from orchardist.services.errors import Refused
    from orchardist.services.server import open_server
    from orchardist.web.server_app import ALLOWED_HOSTS_VARIABLE, create_server_app

    try:
        server = open_server(state(ctx).db, migrate=False)
    except Refused as error:
        fail(error.text(), EXIT_REFUSED)
    if not port_free(host, port):
        fail(f"port {port} is taken: another program is using it; choose another with --port")
    click.echo(f"Orchardist agency server on http://{host}:{port}/ ({workers} worker(s); Ctrl+C stops it)")
    click.echo(f"data: {server.describe()}")
    forwarded = {"proxy_headers": bool(proxies), "forwarded_allow_ips": ",".join(proxies) or None}
    if workers == 1:
        app = create_server_app(server, allowed_hosts=names or ("*",))
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, **forwarded)  # type: ignore[arg-type]
        return
    server.close()
    # Each worker builds its own app from the environment (a process cannot share a connection pool).
    os.environ["ORCHARDIST_DB"] = server.url
    os.environ[ALLOWED_HOSTS_VARIABLE] = ",".join(names)
    uvicorn.run(
        "orchardist.web.server_app:from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
        **forwarded,  # type: ignore[arg-type]
    )
