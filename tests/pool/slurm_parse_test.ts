/**
 * The SLURM backend's pure parts, without a cluster: parsing squeue / scontrol output, SLURM run
 * times, the sbatch command line, the task script (checked by `bash -n` and run for its quoting),
 * the job-to-task mapping of bundled runs, and the spool's schemas and atomic writes.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { shellQuote, SlurmPool, taskScript } from "../../src/pool/mod.ts";
import {
  isActiveState,
  parseConfig,
  parseJobRecord,
  parseSqueue,
  sbatchArgs,
} from "../../src/pool/slurm_commands.ts";
import {
  jobsOfTask,
  OutcomeFileSchema,
  slurmJobName,
  taskCount,
  taskOfJob,
  writeFileAtomic,
} from "../../src/pool/slurm_spool.ts";
import { parseRunTime } from "../../src/pool/slurm_watch.ts";

Deno.test("parseSqueue: one line per array task, comments may hold '|'", () => {
  const text = "12|0|COMPLETED|None\n12|3|FAILED|NonZeroExitCode\n13|N/A|PENDING|Priority\n";
  assert.deepEqual(parseSqueue(text), [
    { arrayJobId: "12", taskId: 0, state: "COMPLETED", reason: "None" },
    { arrayJobId: "12", taskId: 3, state: "FAILED", reason: "NonZeroExitCode" },
    { arrayJobId: "13", taskId: -1, state: "PENDING", reason: "Priority" },
  ]);
  const withComment = parseSqueue("7|1|RUNNING|None|gmat-sweep sweep=a|b batch=/x\n", true);
  assert.equal(withComment[0].comment, "gmat-sweep sweep=a|b batch=/x");
});

Deno.test("parseJobRecord: scontrol -o fields, a comment with spaces kept whole", () => {
  const line = "JobId=5 ArrayJobId=1 ArrayTaskId=3 JobName=t1 JobState=TIMEOUT Reason=TimeLimit " +
    "ExitCode=0:15 RunTime=00:01:21 StartTime=2026-11-24T23:15:48 Comment=hello world  " +
    "StdErr=/tmp/e_1_3.txt";
  const r = parseJobRecord(line);
  assert.equal(r.JobState, "TIMEOUT");
  assert.equal(r.Reason, "TimeLimit");
  assert.equal(r.ExitCode, "0:15");
  assert.equal(r.Comment, "hello world");
  assert.equal(r.StdErr, "/tmp/e_1_3.txt");
  assert.equal(parseRunTime(r.RunTime), 81);
  assert.equal(parseRunTime("1-02:03:04"), 93784);
  assert.equal(parseRunTime("INVALID"), 0);
});

Deno.test("parseConfig: scontrol show config lines", () => {
  const c = parseConfig(
    "Configuration data as of x\nMaxArraySize            = 1001\nMinJobAge = 300 sec\n",
  );
  assert.equal(c.MaxArraySize, "1001");
  assert.equal(c.MinJobAge, "300 sec");
});

Deno.test("isActiveState: pending and running states are active, ended ones are not", () => {
  for (const s of ["PENDING", "RUNNING", "COMPLETING", "CONFIGURING", "SUSPENDED", "REQUEUED"]) {
    assert.ok(isActiveState(s), s);
  }
  for (const s of ["COMPLETED", "FAILED", "TIMEOUT", "CANCELLED", "NODE_FAIL", "PREEMPTED"]) {
    assert.ok(!isActiveState(s), s);
  }
});

Deno.test("sbatch arguments: array with cap, name, comment, logs, options before the script", () => {
  const args = sbatchArgs({
    scriptPath: "/s/task.sh",
    size: 16,
    cap: 4,
    jobName: "gmat-sweep.x",
    comment: "gmat-sweep sweep=x batch=/s",
    stdoutPattern: "/s/logs/%a.out",
    stderrPattern: "/s/logs/%a.err",
    workDir: "/s",
    options: ["--partition=dev", "--time=5"],
  });
  assert.deepEqual(args, [
    "--parsable",
    "--array=0-15%4",
    "--job-name=gmat-sweep.x",
    "--comment=gmat-sweep sweep=x batch=/s",
    "--output=/s/logs/%a.out",
    "--error=/s/logs/%a.err",
    "--chdir=/s",
    "--partition=dev",
    "--time=5",
    "/s/task.sh",
  ]);
});

Deno.test("SlurmPool options become sbatch options; bad numbers are refused", () => {
  const pool = new SlurmPool({
    spoolDir: "/tmp/x",
    sweepId: "my sweep/1",
    partition: "p",
    account: "a",
    qos: "q",
    timeLimitMin: 3,
    memMb: 512,
    cpusPerTask: 2,
    runsPerTask: 4,
    extraArgs: ["--constraint=avx2"],
    workerCommand: ["true"],
  });
  assert.deepEqual(pool.sbatchOptions(), [
    "--partition=p",
    "--account=a",
    "--qos=q",
    "--time=12",
    "--mem=512M",
    "--cpus-per-task=2",
    "--constraint=avx2",
  ]);
  assert.equal(pool.jobName, "gmat-sweep.my_sweep_1");
  assert.equal(slurmJobName("a,b c"), "gmat-sweep.a_b_c");
  assert.throws(() => new SlurmPool({ spoolDir: "/x", sweepId: "s", memMb: 0 }), /memMb/);
  assert.throws(() => new SlurmPool({ spoolDir: "/x", sweepId: "" }), /sweepId/);
});

Deno.test("bundled runs: task t runs jobs t*k .. t*k+k-1", () => {
  const record = { runsPerTask: 3, runIds: [10, 11, 12, 13, 14, 15, 16] };
  assert.equal(taskCount(record), 3);
  assert.deepEqual(jobsOfTask(record, 0), [0, 1, 2]);
  assert.deepEqual(jobsOfTask(record, 2), [6]);
  assert.deepEqual(jobsOfTask(record, 3), []);
  assert.equal(taskOfJob(record, 5), 1);
});

Deno.test("task script: valid bash, every word quoted, the batch dir appended", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-slurm-script-" });
  const odd = join(dir, "it's a dir");
  assert.equal(shellQuote("plain/path-1.ts"), "plain/path-1.ts");
  assert.equal(shellQuote("it's"), `'it'\\''s'`);
  const text = taskScript(["printf", "%s\\n", "a b", "$HOME"], odd, "s1");
  const path = join(dir, "task.sh");
  await Deno.writeTextFile(path, text);
  const out = await new Deno.Command("bash", { args: [path], stdout: "piped" }).output();
  assert.ok(out.success);
  assert.equal(new TextDecoder().decode(out.stdout), `a b\n$HOME\n${odd}\n`);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("outcome files: written atomically (no temp file left), checked by their schema", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-slurm-atomic-" });
  const path = join(dir, "3.json");
  await writeFileAtomic(path, '{"a":1}\n');
  await writeFileAtomic(path, '{"a":2}\n');
  assert.equal(await Deno.readTextFile(path), '{"a":2}\n');
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  assert.deepEqual(names, ["3.json"]);
  assert.equal(OutcomeFileSchema.safeParse({ format: "gmat-sweep/slurm-outcome" }).success, false);
  await Deno.remove(dir, { recursive: true });
});
