"""Regenerate src/detente/web/data/world_outlines.json: country outlines for the site's map.

Reads (only here, never at run time) the Natural Earth 1:110m admin-0
countries (public domain) as shipped in the geopandas 0.14.4 wheel on PyPI
(``geopandas/datasets/naturalearth_lowres/``, BSD-3-Clause package, data in
the public domain), with pyshp (``pip install 'detente[data-tools]'``):

    pip download geopandas==0.14.4 --no-deps -d /tmp/wheels
    unzip /tmp/wheels/geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*' -d /tmp/gp
    python tools/build_map_outlines.py /tmp/gp/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

Writes one JSON object: {"source", "license", "precision", "countries": [{"code", "name", "rings"}]},
each ring a flat list [lon, lat, lon, lat, ...] rounded to ``--precision`` decimals, with the
points that rounding makes repeat dropped and rings that collapse to under three points left out.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "detente" / "web" / "data" / "world_outlines.json"
SOURCE = ("Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (naturalearthdata.com), "
          "as shipped in geopandas 0.14.4 (geopandas/datasets/naturalearth_lowres)")
LICENSE = "public domain (Natural Earth terms of use)"


def rounded_ring(points, precision: int) -> list[float]:
    """A ring's points rounded, consecutive repeats dropped; [] when fewer than three remain."""
    ring: list[tuple[float, float]] = []
    for lon, lat in points:
        point = (round(lon, precision), round(lat, precision))
        if not ring or ring[-1] != point:
            ring.append(point)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()  # SVG closes the path itself
    return [value for point in ring for value in point] if len(ring) >= 3 else []


def rings_of(shape, precision: int) -> list[list[float]]:
    bounds = [*shape.parts, len(shape.points)]
    rings = (rounded_ring(shape.points[start:end], precision) for start, end in itertools.pairwise(bounds))
    return [ring for ring in rings if ring]


def read_countries(path: Path, precision: int) -> list[dict]:
    import shapefile

    countries = []
    with shapefile.Reader(str(path)) as reader:
        for item in reader.iterShapeRecords():
            record = item.record.as_dict()
            rings = rings_of(item.shape, precision)
            if rings:
                code = "" if record["iso_a3"] == "-99" else record["iso_a3"]  # Natural Earth's "no ISO code"
                countries.append({"code": code, "name": record["name"], "rings": rings})
    return sorted(countries, key=lambda c: (c["code"], c["name"]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shapefile", type=Path, help="naturalearth_lowres.shp from the geopandas 0.14.4 wheel")
    parser.add_argument("--precision", type=int, default=1, help="decimals kept on each coordinate (default 1)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not args.shapefile.is_file():
        parser.error(f"no shapefile at {args.shapefile}: unpack it from the geopandas 0.14.4 wheel (see --help)")
    countries = read_countries(args.shapefile, args.precision)
    document = {"source": SOURCE, "license": LICENSE, "precision": args.precision, "countries": countries}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(ring) // 2 for c in countries for ring in c["rings"])
    print(f"{len(countries)} countries, {points} points -> {args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
