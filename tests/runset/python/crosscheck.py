"""Reference values for tests/runset/python_crosscheck_test.ts, computed with numpy and scipy.

Reads a JSON request on stdin and writes JSON results on stdout. Doubles travel as 16-hex-digit
IEEE-754 bit patterns (struct '>d'), never as decimal text.

The Monte Carlo part re-does what the Python gmat-sweep tool does (src/gmat_sweep/distributions.py
as described in the seed contract): SeedSequence(seed).spawn(n) run seeds, SHA-256 name-hash
sub-seeds, a fresh default_rng per draw and scipy's frozen-distribution rvs.
"""

import hashlib
import json
import math
import struct
import sys
from decimal import Decimal, getcontext

import numpy as np
from numpy.random import SeedSequence, default_rng
from scipy import stats
from scipy.stats import qmc

getcontext().prec = 60


def bits(x):
    return struct.pack(">d", float(x)).hex()


def unbits(h):
    return struct.unpack(">d", bytes.fromhex(h))[0]


def cr_exp(x):
    """exp(x) correctly rounded (60-digit decimal, then one rounding to double)."""
    return float(Decimal(x).exp())


def frozen(spec):
    kind = spec["kind"]
    if kind == "normal":
        return stats.norm(loc=float(spec["mu"]), scale=float(spec["sigma"]))
    if kind == "uniform":
        lo, hi = float(spec["lo"]), float(spec["hi"])
        return stats.uniform(loc=lo, scale=hi - lo)
    if kind == "lognormal":
        return stats.lognorm(s=float(spec["sigma"]), scale=math.exp(float(spec["mu"])))
    if kind == "truncnormal":
        mu, sigma = float(spec["mu"]), float(spec["sigma"])
        a = (float(spec["lo"]) - mu) / sigma
        b = (float(spec["hi"]) - mu) / sigma
        return stats.truncnorm(a=a, b=b, loc=mu, scale=sigma)
    raise ValueError(kind)


def name_hash(name):
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:4], "big")


def draw(spec, sub):
    """One parameter draw as gmat-sweep makes it (choice: numpy's Generator.choice)."""
    kind = spec["kind"]
    rng = default_rng(sub)
    if kind == "choice":
        k = len(spec["values"])
        if "weights" in spec:
            w = np.asarray(spec["weights"], dtype=float)
            return {"index": int(rng.choice(k, p=w / np.sum(w)))}
        return {"index": int(rng.choice(k))}
    value = float(frozen(spec).rvs(size=1, random_state=rng)[0])
    out = {"value": bits(value)}
    if kind == "lognormal":
        z = default_rng(sub).standard_normal()
        s = float(spec["sigma"])
        out["cr"] = bits(cr_exp(s * z) * cr_exp(float(spec["mu"])) + 0.0)
        out["libm"] = bits(math.exp(s * z) * math.exp(float(spec["mu"])) + 0.0)
    return out


def monte_carlo(req):
    seed, n, perturb = req["seed"], req["n"], req["perturb"]
    run_seeds = [int(c.generate_state(1)[0]) for c in SeedSequence(seed).spawn(n)]
    runs = []
    for rs in run_seeds:
        params = {}
        for name in sorted(perturb):
            sub = int(SeedSequence([rs, name_hash(name)]).generate_state(1)[0])
            params[name] = dict(draw(perturb[name], sub), sub=sub)
        runs.append({"run_seed": rs, "params": params})
    return {"runs": runs}


def linspace(req):
    lo, hi, num = float(req[0]), float(req[1]), req[2]
    return [bits(v) for v in np.linspace(lo, hi, num).tolist()]


def latin_hypercube(req):
    names = sorted(req["perturb"])
    d, n = len(names), req["n"]
    unit = qmc.LatinHypercube(d=d, seed=req["seed"]).random(n)
    mapped = {}
    for j, name in enumerate(names):
        spec = req["perturb"][name]
        if spec["kind"] == "choice":
            continue
        mapped[name] = [bits(v) for v in frozen(spec).ppf(unit[:, j]).tolist()]
    return {"unit": [[bits(v) for v in row] for row in unit.tolist()], "mapped": mapped}


PI = Decimal(
    "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899863"
)


def normal_cdf_reference(x):
    """Phi(x) to about 60 digits with decimal arithmetic (erf series / erfc continued fraction)."""
    getcontext().prec = 90
    t = -Decimal(x) / Decimal(2).sqrt()  # Phi(x) = erfc(t) / 2
    if abs(t) < 3:
        term, total, n = t, t, 0
        while True:
            n += 1
            term = -term * t * t / n
            add = term / (2 * n + 1)
            total += add
            if abs(add) < Decimal(10) ** -85:
                break
        erfc = 1 - 2 / PI.sqrt() * total
    else:
        u = abs(t)
        f = u
        for k in range(800, 0, -1):
            f = u + (Decimal(k) / 2) / f
        erfc = (-(u * u)).exp() / PI.sqrt() / f
        if t < 0:
            erfc = 2 - erfc
    getcontext().prec = 60
    return float(erfc / 2)


def normal_stream(req):
    rng = default_rng(req["seed"])
    return [bits(v) for v in rng.standard_normal(req["count"]).tolist()]


def main():
    req = json.load(sys.stdin)
    out = {
        "numpy": np.__version__,
        "monte_carlo": [monte_carlo(r) for r in req.get("monte_carlo", [])],
        "linspace": [linspace(r) for r in req.get("linspace", [])],
        "ppf": [bits(v) for v in stats.norm.ppf(np.array([unbits(q) for q in req.get("ppf", [])]))],
        "cdf": [bits(v) for v in stats.norm.cdf(np.array([unbits(x) for x in req.get("cdf", [])]))],
        "cdf_reference": [bits(normal_cdf_reference(unbits(x))) for x in req.get("cdf", [])],
        "latin_hypercube": [latin_hypercube(r) for r in req.get("latin_hypercube", [])],
        "normal_stream": [normal_stream(r) for r in req.get("normal_stream", [])],
        "exp": [bits(cr_exp(unbits(x))) for x in req.get("exp", [])],
        "log": [bits(float(Decimal(unbits(x)).ln())) for x in req.get("log", [])],
    }
    json.dump(out, sys.stdout)


main()
