"""Pages, one module per area; each module defines ``router`` and is included by ``create_app``."""
