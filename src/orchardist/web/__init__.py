"""The web app: FastAPI routes, Jinja templates and vendored assets over the same services as the CLI."""
