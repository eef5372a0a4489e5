"""Use cases: the one place the CLI, the web app and the API call into."""
