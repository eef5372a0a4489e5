"""``orchardist serve``: the web app on this computer."""

from __future__ import annotations

import click

from orchardist.cli.context import state


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; keep 127.0.0.1 unless you mean to share it.",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int) -> None:
    """Run the web app in your browser at http://HOST:PORT/."""
    import uvicorn

    from orchardist.web.app import LOCAL_HOSTS, create_app

    network = state(ctx).network()
    if host not in {"127.0.0.1", "localhost", "::1"}:
        click.echo(
            f"warning: listening on {host}: other computers on the network can reach Orchardist", err=True
        )
    shown = "localhost" if host == "127.0.0.1" else host
    click.echo(f"Orchardist is running at http://{shown}:{port}/ (Ctrl+C stops it)")
    click.echo(f"data: {network.describe()}")
    # Listening beyond this computer, the app answers to whatever name it is reached by.
    hosts = LOCAL_HOSTS if host in {"127.0.0.1", "localhost", "::1"} else ("*",)
    uvicorn.run(
        create_app(network, allowed_hosts=hosts, digests=True), host=host, port=port, log_level="warning"
    )
