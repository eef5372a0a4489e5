"""The pure domain: people, interactions and the rules about them.

Nothing here imports storage, web, CLI or file-format code; a test enforces it.
"""
