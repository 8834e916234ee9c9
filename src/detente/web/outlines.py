"""Country outlines for the event map, drawn on the server from packaged data.

``data/world_outlines.json`` holds the Natural Earth 1:110m countries (public
domain; see ``data/NOTICE.md`` and ``tools/build_map_outlines.py``) as rings of
longitude/latitude. ``outlines_svg`` projects them once per map size
(equirectangular, like the clusters) into one SVG group of paths, so a map page
pays nothing for them after the first; nothing is fetched at run time.
"""

from __future__ import annotations

from functools import cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from detente.data import read_json
from detente.records.names import code_name

TENTHS = 10  # path coordinates are in tenths of a map unit (integers), scaled back by the group


@cache
def countries() -> list[dict]:
    """Every country: code (ISO 3166-1 alpha-3, '' when Natural Earth gives none), name, rings."""
    return read_json("web", "world_outlines.json")["countries"]


def ring_path(ring: list[float], width: int, height: int) -> str:
    """One closed ring as SVG path commands: an absolute move, then relative integer steps."""
    points = [(round((lon + 180) / 360 * width * TENTHS), round((90 - lat) / 180 * height * TENTHS))
              for lon, lat in zip(ring[::2], ring[1::2])]
    (x, y), steps = points[0], []
    for nx, ny in points[1:]:
        steps.append(f"{nx - x} {ny - y}")
        x, y = nx, ny
    return f"M{points[0][0]} {points[0][1]}l{' '.join(steps)}z".replace(" -", "-")


def country_title(country: dict) -> str:
    return code_name(country["code"]) if country["code"] else country["name"]


@cache
def outlines_svg(width: int, height: int) -> SafeString:
    """The land: a ``<g class="land">`` with one path per country (its name as the title)."""
    paths = []
    for country in countries():
        d = "".join(ring_path(ring, width, height) for ring in country["rings"])
        paths.append(f'<path d="{d}" data-code="{escape(country["code"])}">'
                     f'<title>{escape(country_title(country))}</title></path>')
    return mark_safe(f'<g class="land" transform="scale({1 / TENTHS:g})">{"".join(paths)}</g>')  # noqa: S308
