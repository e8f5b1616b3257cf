/**
 * The ziggurat table module equals the JSON it was generated from (fixtures/runset and, when
 * present, ../shared/design), and the fixtures are byte-exact copies of the shared design files.
 *
 * @module
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { bitsHexToDouble, parseHexFloat } from "../../src/numeric/float_bits.ts";
import {
  FI_DOUBLE_HEX,
  KI_DOUBLE_HEX,
  WI_DOUBLE_HEX,
  ZIGGURAT,
  ZIGGURAT_NOR_INV_R_HEX,
  ZIGGURAT_NOR_R_HEX,
} from "../../src/runset/ziggurat_tables.ts";
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import { exists, fixture, SHARED_DESIGN } from "./_support.ts";

interface TablesJson {
  ziggurat_nor_r_hex: string;
  ziggurat_nor_inv_r_hex: string;
  ki_double_hex: string[];
  wi_double_hex: string[];
  fi_double_hex: string[];
}

function assertModuleEquals(json: TablesJson): void {
  assert.equal(ZIGGURAT_NOR_R_HEX, json.ziggurat_nor_r_hex);
  assert.equal(ZIGGURAT_NOR_INV_R_HEX, json.ziggurat_nor_inv_r_hex);
  assert.deepEqual(KI_DOUBLE_HEX, json.ki_double_hex);
  assert.deepEqual(WI_DOUBLE_HEX, json.wi_double_hex);
  assert.deepEqual(FI_DOUBLE_HEX, json.fi_double_hex);
}

const SHARED_TABLES = join(SHARED_DESIGN, "ziggurat-tables.json");

Deno.test("ziggurat_tables.ts equals fixtures/runset/ziggurat-tables.json entry for entry", async () => {
  assertModuleEquals(JSON.parse(await Deno.readTextFile(fixture("ziggurat-tables.json"))));
});

Deno.test({
  name: "ziggurat_tables.ts and the fixtures equal ../shared/design byte for byte",
  ignore: ignoreUnless(exists(SHARED_TABLES)),
  async fn() {
    requireComponent(exists(SHARED_TABLES), "../shared/design (the shared reference tree)");
    assertModuleEquals(JSON.parse(await Deno.readTextFile(SHARED_TABLES)));
    for (const name of ["ziggurat-tables.json", "seed-vectors.json"]) {
      assert.deepEqual(
        await Deno.readFile(fixture(name)),
        await Deno.readFile(join(SHARED_DESIGN, name)),
        `${name} is not a byte-exact copy`,
      );
    }
  },
});

Deno.test("the ziggurat fixture has the SHA-256 recorded in seed-vectors.json", async () => {
  const vectors = JSON.parse(await Deno.readTextFile(fixture("seed-vectors.json")));
  const digest = createHash("sha256").update(await Deno.readFile(fixture("ziggurat-tables.json")))
    .digest("hex");
  assert.equal(digest, vectors.ziggurat_tables_file.sha256);
});

Deno.test("decoded tables: layout facts from the seed contract hold exactly", () => {
  const { ki, wi, fi, r, invR } = ZIGGURAT;
  assert.equal(ki.length, 256);
  assert.equal(wi.length, 256);
  assert.equal(fi.length, 256);
  assert.equal(r, 3.6541528853610088);
  assert.equal(invR, 1 / r);
  assert.equal(invR, 0.27366123732975828);
  assert.equal(ki[1], 0);
  assert.equal(fi[0], 1);
  assert.equal(wi[255] * 2 ** 52, r);
  for (let i = 0; i < 256; i++) {
    assert.ok(Number.isInteger(ki[i]) && ki[i] < 2 ** 52, `ki[${i}]`);
    assert.equal(ki[i], Number(BigInt(KI_DOUBLE_HEX[i])));
  }
  for (let i = 1; i < 255; i++) assert.ok(fi[i] > fi[i + 1], `fi decreasing at ${i}`);
});

Deno.test("parseHexFloat() reads Python float.hex output exactly", () => {
  assert.equal(parseHexFloat("0x1.d3bb48209ad33p+1"), 3.6541528853610088);
  assert.equal(parseHexFloat("-0x1.4f482e8c0b38fp+0"), bitsHexToDouble("bff4f482e8c0b38f"));
  assert.equal(parseHexFloat("0x0.0p+0"), 0);
  assert.ok(Object.is(parseHexFloat("-0x0.0p+0"), -0));
  assert.equal(parseHexFloat("0x1.0000000000000p-1022"), 2 ** -1022);
  assert.equal(parseHexFloat("0x0.0000000000001p-1022"), 5e-324);
  assert.equal(parseHexFloat("inf"), Infinity);
  assert.throws(() => parseHexFloat("1.5"), SyntaxError);
});
