"""Orchardist: a private, local-first networking companion for job seekers and their counsellors."""

__version__ = "0.1.0.dev0"
