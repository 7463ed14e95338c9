"""TopoJSON geometry: quantized, delta-encoded arcs turned into rings, polygons and points.

Pure functions (standard library only) shared by :mod:`regio.gegevens.gemeenten` and the
boundary import script: decoding a topology's arcs, stitching arcs into closed rings, RFC 7946
winding, point in polygon and a point guaranteed inside a polygon.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise

from regio.gegevens.grenzen import Polygoon, Punt, Ring, in_polygonen, in_ring

DECIMALEN = 5  # about 1 m; the source is quantized to about 100 m

QPunt = tuple[int, int]  # a quantized position, before the topology's transform
Boog = tuple[QPunt, ...]  # an arc in absolute quantized positions


@dataclass(frozen=True)
class Transformatie:
    """A TopoJSON transform: position = translate + quantized * scale."""

    schaal_x: float
    schaal_y: float
    verschuiving_x: float
    verschuiving_y: float

    def graden(self, punt: QPunt) -> Punt:
        """(lon, lat) of a quantized position, rounded to DECIMALEN (and never -0.0)."""
        x, y = punt
        return (
            round(self.verschuiving_x + x * self.schaal_x, DECIMALEN) + 0.0,
            round(self.verschuiving_y + y * self.schaal_y, DECIMALEN) + 0.0,
        )

    def als_json(self) -> dict[str, list[float]]:
        return {
            "scale": [self.schaal_x, self.schaal_y],
            "translate": [self.verschuiving_x, self.verschuiving_y],
        }


def bogen_uit_delta(ruw: Sequence[Sequence[Sequence[int]]]) -> list[Boog]:
    """Absolute quantized arcs from TopoJSON's delta-encoded ones."""
    return [
        tuple(
            zip(
                accumulate(int(p[0]) for p in boog),
                accumulate(int(p[1]) for p in boog),
                strict=True,
            )
        )
        for boog in ruw
    ]


def delta_van(boog: Boog) -> list[list[int]]:
    vorige = (0, 0)
    uit = []
    for x, y in boog:
        uit.append([x - vorige[0], y - vorige[1]])
        vorige = (x, y)
    return uit


def boog_van(ref: int, bogen: Sequence[Boog]) -> Boog:
    return bogen[ref] if ref >= 0 else bogen[~ref][::-1]


def ring_punten(refs: Sequence[int], bogen: Sequence[Boog]) -> list[QPunt]:
    """The positions of a ring made of arcs: each arc starts where the previous one ends."""
    punten: list[QPunt] = []
    for ref in refs:
        boog = boog_van(ref, bogen)
        punten.extend(boog if not punten else boog[1:])
    return punten


def ring_oppervlak(ring: Sequence[tuple[float, float]]) -> float:
    """Twice the signed area (positive: counter-clockwise with y up)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring))


def rijg(randen: Sequence[int], ring: Callable[[Sequence[int]], list[QPunt]]) -> list[list[QPunt]]:
    """Stitch directed arcs into closed rings: each next arc starts where the ring ends."""
    punten = {ref: ring([ref]) for ref in randen}
    per_begin: dict[QPunt, list[int]] = defaultdict(list)
    for ref in randen:
        per_begin[punten[ref][0]].append(ref)
    over = set(randen)
    ringen = []
    for eerste in randen:
        if eerste not in over:
            continue
        nieuw: list[QPunt] = []
        huidig: int | None = eerste
        while huidig is not None:
            over.discard(huidig)
            nieuw.extend(punten[huidig] if not nieuw else punten[huidig][1:])
            if nieuw[-1] == nieuw[0]:
                break
            huidig = next((r for r in per_begin[nieuw[-1]] if r in over), None)
        if nieuw[-1] != nieuw[0]:
            raise ValueError("the outline does not close: are the rings oriented consistently?")
        ringen.append(nieuw)
    return ringen


def maak_polygonen(
    buiten: list[list[QPunt]], gaten: list[list[QPunt]], transformatie: Transformatie
) -> tuple[Polygoon, ...]:
    """Group holes with the smallest outer ring around them; convert; orient as RFC 7946."""
    buitenringen = [orienteer(naar_graden(r, transformatie), linksom=True) for r in buiten]
    groepen: list[list[Ring]] = [[r] for r in buitenringen]
    for gat in gaten:
        ring = orienteer(naar_graden(gat, transformatie), linksom=False)
        lon, lat = binnenpunt((ring,))
        om = [i for i, b in enumerate(buitenringen) if in_ring(b, lon, lat)]
        if om:
            groepen[min(om, key=lambda i: abs(ring_oppervlak(buitenringen[i])))].append(ring)
    return tuple(tuple(groep) for groep in groepen)


def naar_graden(ring: Sequence[QPunt], transformatie: Transformatie) -> Ring:
    return tuple(transformatie.graden(p) for p in ring)


def orienteer(ring: Ring, *, linksom: bool) -> Ring:
    """The ring counter-clockwise (``linksom``) or clockwise."""
    return ring if (ring_oppervlak(ring) > 0) == linksom else ring[::-1]


def binnenpunt(polygoon: Polygoon, lijnen: int = 15) -> Punt:
    """A point inside the polygon (not in a hole), well away from its edges where possible.

    Scans horizontal lines halfway between vertex latitudes (so no line touches a vertex and the
    crossings are exact), takes the widest inside stretch, and centres the point vertically in
    that column too when that stays inside. Unlike the centre of the bounding box, the point is
    always inside, even for a crescent or a ring-shaped gemeente.
    """
    ys = sorted({y for ring in polygoon for _, y in ring})
    midden = [(a + b) / 2 for a, b in pairwise(ys)]
    if not midden:
        raise ValueError("a polygon without area has no inside")
    stappen = min(lijnen, len(midden))
    beste: tuple[float, Punt] | None = None
    for stap in range(stappen):
        y = midden[(len(midden) - 1) * stap // max(stappen - 1, 1)]
        xs = sorted(_kruisingen(polygoon, y, horizontaal=True))
        for a, b in zip(xs[::2], xs[1::2], strict=False):
            kandidaat = _in_kolom(polygoon, (a + b) / 2, y, b - a)
            if beste is None or kandidaat[0] > beste[0]:
                beste = kandidaat
    if beste is None:
        raise ValueError("a polygon without area has no inside")
    return beste[1]


def _kruisingen(polygoon: Polygoon, waarde: float, *, horizontaal: bool) -> Iterator[float]:
    """Where the polygon's edges cross the line y = waarde (or x = waarde)."""
    for ring in polygoon:
        for p1, p2 in pairwise(ring):
            (u1, v1), (u2, v2) = (p1, p2) if horizontaal else (p1[::-1], p2[::-1])
            if (v1 > waarde) != (v2 > waarde):
                yield u1 + (waarde - v1) * (u2 - u1) / (v2 - v1)


def _in_kolom(polygoon: Polygoon, x: float, y: float, breedte: float) -> tuple[float, Punt]:
    """(score, point): the point centred in the inside stretch of the vertical line through x
    that holds y; the score is the smaller of the two stretches."""
    ys = sorted(_kruisingen(polygoon, x, horizontaal=False))
    for onder, boven in zip(ys[::2], ys[1::2], strict=False):
        if onder < y < boven and in_polygonen([polygoon], x, (onder + boven) / 2):
            return min(breedte, boven - onder), (x, (onder + boven) / 2)
    return 0.0, (x, y)
