"""Placeholder CAMEO table (being built)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    plover: str


def describe(code: str) -> CameoCode:
    return CameoCode(code, code[:2], "", 0, 0.0, "")
