"""Independent DE405 reader for tests/physics/de405_oracle_test.ts.

Reads the casacore table of Debian's casacore-data-jpl-de405 through python3-casacore (casacore's
own table system, not gmat-sweep's parser), evaluates the Chebyshev series with
numpy.polynomial.chebyshev (Clenshaw), and forms Earth-centred states as GMAT does:
body - (EMB - Moon / (EMRAT + 1)); the Moon is geocentric in the file.

stdin: {"table": dir, "epochs": [TDB GMAT MJD...], "bodies": [DE target index...]}
stdout: {"sha256": hex of the kept coefficients (first 816 doubles of each row, little-endian),
         "start_mjd", "end_mjd" (GMAT MJD TDB), "emrat",
         "states": [[[x, y, z, vx, vy, vz] per body] per epoch]} with floats as repr strings.
"""

import hashlib
import json
import math
import sys

import casacore.tables as tables
import numpy as np
from numpy.polynomial import chebyshev

GMAT_MJD_MINUS_STANDARD = 2430000.0 - 2400000.5
EMB, MOON = 2, 9


def main():
    request = json.load(sys.stdin)
    table = tables.table(request["table"], ack=False)
    keywords = table.getkeywords()
    pointers = np.asarray(table.getcoldesc("x")["keywords"]["Description"]).reshape(3, 13)
    mjd = table.getcol("MJD")
    rows = table.getcol("x")
    span = float(keywords["dMJD"])
    emrat = float(keywords["EMRAT"])
    kept = rows[:, :816].astype("<f8")
    starts = mjd - GMAT_MJD_MINUS_STANDARD  # record starts, GMAT MJD (TDB)

    def evaluate(target, t):
        offset, ncoef, granules = (int(v) for v in pointers[:, target])
        record = max(0, min(len(starts) - 1, math.ceil((t - starts[0]) / span) - 1))
        sub = span / granules
        granule = max(0, min(granules - 1, math.ceil((t - starts[record]) / sub) - 1))
        tc = 2.0 * (t - (starts[record] + granule * sub)) / sub - 1.0
        base = offset - 3 + 3 * granule * ncoef
        out = []
        for c in range(3):
            coef = rows[record, base + c * ncoef: base + (c + 1) * ncoef]
            out.append(chebyshev.chebval(tc, coef))
        for c in range(3):
            coef = rows[record, base + c * ncoef: base + (c + 1) * ncoef]
            deriv = chebyshev.chebder(coef)
            out.append(chebyshev.chebval(tc, deriv) * 2.0 / sub / 86400.0)
        return np.array(out)

    states = []
    for t in request["epochs"]:
        moon = evaluate(MOON, t)
        earth = evaluate(EMB, t) - moon / (emrat + 1.0)
        row = []
        for target in request["bodies"]:
            state = moon if target == MOON else evaluate(target, t) - earth
            row.append([repr(float(v)) for v in state])
        states.append(row)
    json.dump({
        "sha256": hashlib.sha256(kept.tobytes()).hexdigest(),
        "start_mjd": repr(float(starts[0])),
        "end_mjd": repr(float(starts[-1] + span)),
        "emrat": repr(emrat),
        "states": states,
    }, sys.stdout)


main()
