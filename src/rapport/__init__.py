"""Rapport: self-assessment of client-relationship practices."""

__version__ = "0.1.0"
