/**
 * Storage failures as the project's own errors: from an error the platform really throws (a file
 * created where the system refuses it), the read or write fix as the case needs, and errors of
 * ours that merely quote a system message left alone.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { GmatSweepError } from "../../src/errors/mod.ts";
import {
  asStorageError,
  bareStorageError,
  storageCodeOf,
  StorageError,
} from "../../src/errors/storage_error.ts";

/** What Deno throws for a path the system refuses: sysfs lets nobody, root included, create a file. */
function refusal(): Error {
  try {
    Deno.writeTextFileSync("/sys/kernel/gmat-sweep-test", "x");
  } catch (e) {
    return e as Error;
  }
  throw new Error("creating a file in /sys/kernel was allowed");
}

Deno.test("bareStorageError() names the path and the right fix from Deno's own errors", () => {
  const denied = refusal();
  assert.ok(storageCodeOf(denied) !== undefined, `a storage failure: ${denied.message}`);
  const e = bareStorageError(denied)!;
  assert.ok(e instanceof StorageError);
  assert.match(e.message, /^cannot access \/sys\/kernel\/gmat-sweep-test: permission denied; /);
  assert.match(e.message, /fix: give this user write access/);
  assert.equal(e.cause, denied);
});

Deno.test("bareStorageError() leaves the project's own errors and other failures alone", () => {
  const ours = new GmatSweepError("SWEEP_CONFIG", "cannot read x: Permission denied (os error 13)");
  assert.equal(bareStorageError(ours), undefined);
  assert.equal(bareStorageError(new TypeError("not a storage failure")), undefined);
  assert.equal(bareStorageError("a string"), undefined);
});

Deno.test("asStorageError(reading) asks for read access, writing for write access", () => {
  const denied = Object.assign(new Error("Permission denied (os error 13)"), { code: "EACCES" });
  const read = asStorageError(denied, "/data/m.jsonl", "cannot open", "", { reading: true });
  const write = asStorageError(denied, join("/data", "out"), "cannot write");
  assert.ok(read instanceof StorageError && write instanceof StorageError);
  assert.match(
    read.message,
    /^cannot open \/data\/m\.jsonl: permission denied; fix: give this user read access/,
  );
  assert.match(
    write.message,
    /^cannot write \/data\/out: permission denied; fix: give this user write access/,
  );
  const other = new TypeError("x");
  assert.equal(asStorageError(other, "/p", "cannot"), other, "not a storage failure: unchanged");
});
