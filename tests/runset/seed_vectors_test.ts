/**
 * The seed contract's test vectors (fixtures/runset/seed-vectors.json, made with numpy 1.24.2 and
 * scipy 1.10.1) reproduced bit for bit: SeedSequence pools and states, spawn prefixes, PCG64
 * seeding and outputs, random(), standard_normal() on every ziggurat path, run seeds, sub-seeds
 * and the normal/uniform/lognormal draws of Monte Carlo run sets.
 *
 * @module
 */

import assert from "node:assert/strict";
import { Generator } from "../../src/runset/generator.ts";
import { monteCarloRunSet } from "../../src/runset/mod.ts";
import { Pcg64 } from "../../src/runset/pcg64.ts";
import { makeSampler } from "../../src/runset/sampler.ts";
import { SeedSequence } from "../../src/runset/seed_sequence.ts";
import { deriveParamSeed, deriveRunSeeds, nameHash } from "../../src/runset/seeds.ts";
import { assertSameBits, fixture, ulpDistance, vf, type VFloat } from "./_support.ts";

interface Vectors {
  distributions: {
    normal: { mu: number; sigma: number };
    uniform: { lo: number; hi: number };
    lognormal: { mu: number; sigma: number };
  };
  name_hashes: { name: string; utf8_hex: string; sha256_hex: string; name_hash: number }[];
  sweeps: {
    sweep_seed: string;
    sweep_seed_num: number;
    n: number;
    parent_pool: number[];
    run_seeds: number[];
    runs: {
      run_index: number;
      run_seed: number;
      child_pool: number[];
      params: {
        name: string;
        sub_seed: number;
        normal: { z: VFloat; value: VFloat };
        uniform: { u: VFloat; value: VFloat };
        lognormal: {
          z: VFloat;
          s_times_z: VFloat;
          value: VFloat;
          value_libm_exp: VFloat;
          value_cr_exp: VFloat;
          simd_vs_libm_differ: boolean;
        };
      }[];
    }[];
  }[];
  prefix_check: { seed: number; n3: number[]; n8_first3: number[] };
  streams: {
    sub_seed: number;
    seedseq_pool: number[];
    generate_state_u32_8: number[];
    generate_state_u64_4: string[];
    pcg64_after_seeding: { state: string; inc: string };
    raw_uint64: string[];
    random: VFloat[];
    standard_normal: VFloat[];
  }[];
  normal_path_coverage: {
    path: string;
    sub_seed: number;
    first_layer_index: number;
    uint64_consumed: number;
    z: VFloat;
    normal_7000_10: VFloat;
    "lognormal_0_0.5": VFloat;
    "lognormal_0_0.5_libm_exp": VFloat;
    "lognormal_0_0.5_cr_exp": VFloat;
  }[];
}

const V: Vectors = JSON.parse(await Deno.readTextFile(fixture("seed-vectors.json")));
const DIST = V.distributions;
const NORMAL = { kind: "normal" as const, mu: DIST.normal.mu, sigma: DIST.normal.sigma };
const UNIFORM = { kind: "uniform" as const, lo: DIST.uniform.lo, hi: DIST.uniform.hi };
const LOGNORMAL = {
  kind: "lognormal" as const,
  mu: DIST.lognormal.mu,
  sigma: DIST.lognormal.sigma,
};

Deno.test("nameHash() equals the first 4 SHA-256 bytes (big-endian) of every vector name", () => {
  assert.equal(V.name_hashes.length, 5);
  for (const h of V.name_hashes) {
    assert.equal(
      Array.from(new TextEncoder().encode(h.name), (b) => b.toString(16).padStart(2, "0")).join(""),
      h.utf8_hex,
    );
    assert.equal(nameHash(h.name), h.name_hash, h.name);
    assert.equal(h.name_hash, parseInt(h.sha256_hex.slice(0, 8), 16));
  }
  assert.equal(nameHash("ünïcode.Field"), 0x00db88d2);
});

Deno.test("SeedSequence pools, spawned children and run seeds match numpy for every sweep", () => {
  for (const sweep of V.sweeps) {
    const seed = BigInt(sweep.sweep_seed);
    const root = new SeedSequence(seed);
    assert.deepEqual([...root.pool], sweep.parent_pool, `parent pool of seed ${seed}`);
    assert.deepEqual(deriveRunSeeds(seed, 0, sweep.n), sweep.run_seeds, `run seeds of ${seed}`);
    for (const run of sweep.runs) {
      const child = root.spawnChild(run.run_index);
      assert.deepEqual([...child.pool], run.child_pool);
      assert.equal(child.generateState(1)[0], run.run_seed);
      assert.equal(root.childFirstWord(run.run_index), run.run_seed);
    }
  }
});

Deno.test("run seeds of n = 3 are a prefix of n = 8 (spawn depends on the child index only)", () => {
  const { seed, n3, n8_first3 } = V.prefix_check;
  assert.deepEqual(deriveRunSeeds(seed, 0, 3), n3);
  assert.deepEqual(deriveRunSeeds(seed, 0, 8).slice(0, 3), n8_first3);
  assert.deepEqual(deriveRunSeeds(seed, 2, 5), deriveRunSeeds(seed, 0, 8).slice(2, 5));
});

Deno.test("sub-seeds and z/u of every (sweep, run, parameter) match numpy", () => {
  let count = 0;
  for (const sweep of V.sweeps) {
    for (const run of sweep.runs) {
      for (const p of run.params) {
        assert.equal(
          deriveParamSeed(run.run_seed, p.name),
          p.sub_seed,
          `${p.name} run ${run.run_seed}`,
        );
        assertSameBits(Generator.fromSeed(p.sub_seed).standardNormal(), vf(p.normal.z), "z");
        assertSameBits(Generator.fromSeed(p.sub_seed).random(), vf(p.uniform.u), "u");
        assertSameBits(
          LOGNORMAL.sigma * Generator.fromSeed(p.sub_seed).standardNormal(),
          vf(p.lognormal.s_times_z),
          "s*z",
        );
        count++;
      }
    }
  }
  assert.equal(count, 5 * 8 * 5);
});

Deno.test("normal, uniform and lognormal draws match scipy bit for bit (lognormal: correctly rounded exp)", () => {
  const normal = makeSampler(NORMAL);
  const uniform = makeSampler(UNIFORM);
  const lognormal = makeSampler(LOGNORMAL);
  let libmSame = 0;
  let simdSame = 0;
  let total = 0;
  for (const sweep of V.sweeps) {
    for (const run of sweep.runs) {
      for (const p of run.params) {
        assertSameBits(normal.draw(p.sub_seed) as number, vf(p.normal.value), "normal");
        assertSameBits(uniform.draw(p.sub_seed) as number, vf(p.uniform.value), "uniform");
        const ln = lognormal.draw(p.sub_seed) as number;
        assertSameBits(ln, vf(p.lognormal.value_cr_exp), `lognormal ${p.name} ${p.sub_seed}`);
        if (ln === vf(p.lognormal.value_libm_exp)) libmSame++;
        if (ln === vf(p.lognormal.value)) simdSame++;
        // numpy's SIMD exp differs by at most one ulp.
        assert.ok(ulpDistance(ln, vf(p.lognormal.value)) <= 1);
        total++;
      }
    }
  }
  // The vectors record that a correctly rounded exp matched the libm run 200 of 200 times.
  assert.equal(libmSame, total);
  assert.ok(simdSame < total && simdSame > total / 2, `SIMD matches: ${simdSame} of ${total}`);
});

Deno.test("monteCarloRunSet() reproduces every vector sweep: run seeds and draws per name", () => {
  const names = V.sweeps[0].runs[0].params.map((p) => p.name);
  for (const sweep of V.sweeps) {
    const sets = {
      normal: monteCarloRunSet(
        Object.fromEntries(names.map((n) => [n, NORMAL])),
        sweep.n,
        sweep.sweep_seed_num,
      ),
      uniform: monteCarloRunSet(
        Object.fromEntries(names.map((n) => [n, UNIFORM])),
        sweep.n,
        sweep.sweep_seed_num,
      ),
      lognormal: monteCarloRunSet(
        Object.fromEntries(names.map((n) => [n, LOGNORMAL])),
        sweep.n,
        sweep.sweep_seed_num,
      ),
    };
    for (const kind of ["normal", "uniform", "lognormal"] as const) {
      const specs = [...sets[kind].specs()];
      assert.equal(specs.length, sweep.n);
      for (const run of sweep.runs) {
        const spec = specs[run.run_index];
        assert.equal(spec.runId, run.run_index);
        assert.equal(spec.seed, run.run_seed);
        for (const p of run.params) {
          const expected = kind === "normal"
            ? p.normal.value
            : kind === "uniform"
            ? p.uniform.value
            : p.lognormal.value_cr_exp;
          assertSameBits(spec.overrides[p.name] as number, vf(expected), `${kind} ${p.name}`);
        }
      }
    }
  }
});

Deno.test("stream vectors: SeedSequence state, PCG64 seeding, raw uint64, random(), standard_normal()", () => {
  assert.equal(V.streams.length, 6);
  for (const s of V.streams) {
    const seq = new SeedSequence(s.sub_seed);
    assert.deepEqual([...seq.pool], s.seedseq_pool);
    assert.deepEqual([...seq.generateState(8)], s.generate_state_u32_8);
    assert.deepEqual(seq.generateState64(4).map(String), s.generate_state_u64_4);
    const bits = Pcg64.fromSeedSequence(seq);
    assert.equal(bits.state, BigInt(s.pcg64_after_seeding.state));
    assert.equal(bits.inc, BigInt(s.pcg64_after_seeding.inc));
    assert.deepEqual(s.raw_uint64.map(() => bits.nextUint64().toString()), s.raw_uint64);
    const r = Generator.fromSeed(s.sub_seed);
    s.random.forEach((v, i) => assertSameBits(r.random(), vf(v), `random[${i}]`));
    const g = Generator.fromSeed(s.sub_seed);
    s.standard_normal.forEach((v, i) => assertSameBits(g.standardNormal(), vf(v), `normal[${i}]`));
  }
});

Deno.test("standard_normal() takes every ziggurat path like numpy (direct, wedge, top layer, tails)", () => {
  assert.equal(V.normal_path_coverage.length, 12);
  const paths = new Set<string>();
  for (const c of V.normal_path_coverage) {
    const bits = Pcg64.fromSeedSequence(new SeedSequence(c.sub_seed));
    const drawn: bigint[] = [];
    const next = bits.nextUint64.bind(bits);
    bits.nextUint64 = () => {
      const v = next();
      drawn.push(v);
      return v;
    };
    const z = new Generator(bits).standardNormal();
    assertSameBits(z, vf(c.z), c.path);
    assert.equal(drawn.length, c.uint64_consumed, `${c.path}: uint64 consumed`);
    // Each attempt named in the path uses a known number of uint64s; the vector's layer index is
    // that of the last (returning) attempt.
    const attempts = c.path.split("+").map((a) => {
      const tail = /^tail_accept_after_(\d+)/.exec(a);
      if (tail) return 1 + 2 * Number(tail[1]);
      return a.includes("wedge") ? 2 : 1;
    });
    assert.equal(attempts.reduce((x, y) => x + y, 0), c.uint64_consumed, c.path);
    const lastStart = drawn.length - attempts[attempts.length - 1];
    assert.equal(Number(drawn[lastStart] & 0xffn), c.first_layer_index, `${c.path}: layer`);
    assertSameBits(makeSampler(NORMAL).draw(c.sub_seed) as number, vf(c.normal_7000_10), c.path);
    assertSameBits(
      makeSampler(LOGNORMAL).draw(c.sub_seed) as number,
      vf(c["lognormal_0_0.5_cr_exp"]),
      c.path,
    );
    paths.add(c.path.replace(/^(wedge_reject\+)+/, ""));
  }
  for (const p of ["direct", "base_strip_direct", "wedge_accept", "wedge_accept_top_layer"]) {
    assert.ok(paths.has(p), p);
  }
  assert.ok([...paths].some((p) => p.startsWith("tail_accept_after_2")));
});
