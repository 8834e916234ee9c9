"""Detente: news about international affairs in, a dated, source-linked event record out."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
