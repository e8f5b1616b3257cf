/**
 * Executing notebooks on the real Deno Jupyter kernel, for tests.
 *
 * {@link installDenoKernel} writes a kernelspec named {@link KERNEL_NAME} (once per test process)
 * into a private `XDG_DATA_HOME` under `.out/jupyter/`, so the user's own Jupyter setup is neither
 * read nor changed. {@link runNotebook} executes a notebook on it with `scripts/run_notebook.py`
 * (nbclient, run by Debian's `/usr/bin/python3`; it keeps outputs the kernel publishes after a
 * cell's idle status) and returns the executed cells with their outputs as text.
 *
 * Availability: {@link JUPYTER_AVAILABLE} says whether `/usr/bin/python3` can import nbclient,
 * nbformat and jupyter_client (`scripts/install_test_deps.sh` installs them). Use it with
 * `ignoreUnless` and `requireComponent` from `./components.ts`: ignored locally, a loud failure in
 * CI.
 *
 * @module
 */

import { dirname, join, resolve } from "node:path";
import { ROOT } from "./engine.ts";

/** The kernelspec name the fixtures' notebooks ask for. */
export const KERNEL_NAME = "gmat-sweep-deno";

/** The Python that sees Debian's Jupyter packages (not the first `python3` on PATH). */
export const PYTHON = "/usr/bin/python3";

/** The notebook driver. */
export const RUN_NOTEBOOK: string = join(ROOT, "scripts", "run_notebook.py");

/** What the availability check and error messages name. */
export const JUPYTER_COMPONENT =
  "Jupyter for the notebook tests: /usr/bin/python3 with nbclient, nbformat, jupyter_client " +
  "(Debian packages jupyter-nbconvert python3-nbclient jupyter-client jupyter-core; " +
  "scripts/install_test_deps.sh installs them)";

function probeJupyter(): boolean {
  try {
    const out = new Deno.Command(PYTHON, {
      args: ["-c", "import nbclient, nbformat, jupyter_client"],
      stdout: "null",
      stderr: "null",
    }).outputSync();
    return out.success;
  } catch {
    return false; // no /usr/bin/python3
  }
}

/** Whether notebooks can be executed here (checked once, when this module loads). */
export const JUPYTER_AVAILABLE: boolean = probeJupyter();

/** A kernelspec installed by {@link installDenoKernel}. */
export interface DenoKernel {
  /** The kernelspec name. */
  readonly name: string;
  /** The private `XDG_DATA_HOME` holding `jupyter/kernels/<name>/`. */
  readonly dataHome: string;
  /** The kernelspec directory. */
  readonly kernelDir: string;
  /** The environment that makes Jupyter find this kernelspec (and no user configuration). */
  readonly env: Readonly<Record<string, string>>;
}

let installing: Promise<DenoKernel> | undefined;

/**
 * Install the Deno kernelspec {@link KERNEL_NAME} into a private `XDG_DATA_HOME`
 * (`.out/jupyter/<pid>/`), once per test process; later calls return the same install.
 *
 * The spec runs this process's Deno binary with `NO_COLOR=1` (plain text/plain and tracebacks),
 * `DENO_NO_PACKAGE_JSON=1` and, when set, this process's `DENO_DIR`.
 */
export function installDenoKernel(): Promise<DenoKernel> {
  installing ??= install().catch((e) => {
    installing = undefined; // let a later call retry
    throw e;
  });
  return installing;
}

async function install(): Promise<DenoKernel> {
  const base = join(ROOT, ".out", "jupyter");
  await Deno.mkdir(base, { recursive: true });
  await removeStaleInstalls(base);
  const dataHome = join(base, String(Deno.pid));
  await Deno.remove(dataHome, { recursive: true }).catch(() => {});
  await Deno.mkdir(dataHome, { recursive: true });

  const deno = Deno.execPath();
  const out = await new Deno.Command(deno, {
    args: ["jupyter", "--install", "--name", KERNEL_NAME],
    env: { XDG_DATA_HOME: dataHome, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const kernelDir = join(dataHome, "jupyter", "kernels", KERNEL_NAME);
  const specPath = join(kernelDir, "kernel.json");
  if (!out.success) {
    const text = new TextDecoder().decode(out.stderr) + new TextDecoder().decode(out.stdout);
    throw new Error(`deno jupyter --install failed (exit ${out.code}):\n${text}`);
  }

  const spec = JSON.parse(await Deno.readTextFile(specPath));
  if (!Array.isArray(spec.argv) || spec.argv.length === 0) {
    throw new Error(`unexpected kernelspec written by deno jupyter --install: ${specPath}`);
  }
  // The kernel must be this very Deno, whatever `deno` resolved to on PATH.
  spec.argv[0] = deno;
  const env: Record<string, string> = { NO_COLOR: "1", DENO_NO_PACKAGE_JSON: "1" };
  const denoDir = Deno.env.get("DENO_DIR");
  if (denoDir) env.DENO_DIR = denoDir;
  spec.env = { ...(spec.env ?? {}), ...env };
  spec.display_name = "Deno (gmat-sweep tests)";
  await Deno.writeTextFile(specPath, JSON.stringify(spec, null, 2) + "\n");

  return {
    name: KERNEL_NAME,
    dataHome,
    kernelDir,
    env: {
      XDG_DATA_HOME: dataHome,
      JUPYTER_PATH: join(dataHome, "jupyter"),
      JUPYTER_DATA_DIR: join(dataHome, "jupyter"),
      JUPYTER_CONFIG_DIR: join(dataHome, "config"),
      JUPYTER_RUNTIME_DIR: join(dataHome, "runtime"),
    },
  };
}

/** Remove the installs of test processes that no longer run (directories named by pid). */
async function removeStaleInstalls(base: string): Promise<void> {
  for await (const entry of Deno.readDir(base)) {
    if (!entry.isDirectory || !/^\d+$/.test(entry.name)) continue;
    const pid = Number(entry.name);
    if (pid === Deno.pid || processRuns(pid)) continue;
    await Deno.remove(join(base, entry.name), { recursive: true }).catch(() => {});
  }
}

function processRuns(pid: number): boolean {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

/** One output of an executed cell, as nbformat stores it (strings may be lists of lines). */
export interface NotebookOutput {
  readonly output_type: "stream" | "display_data" | "execute_result" | "error" | string;
  readonly name?: string;
  readonly text?: string | string[];
  readonly data?: Record<string, unknown>;
  readonly ename?: string;
  readonly evalue?: string;
  readonly traceback?: string[];
  readonly execution_count?: number | null;
}

/** An executed cell with its outputs joined as text. */
export interface NotebookCell {
  /** Position in the notebook (markdown cells count). */
  readonly index: number;
  readonly cellType: "code" | "markdown" | "raw" | string;
  readonly source: string;
  readonly executionCount: number | null;
  /** The raw outputs. */
  readonly outputs: readonly NotebookOutput[];
  /** All stdout stream text, joined. */
  readonly stdout: string;
  /** All stderr stream text, joined. */
  readonly stderr: string;
  /** The text/plain of every execute_result and display_data, in order. */
  readonly plain: readonly string[];
  /** The text/html of every execute_result and display_data that has one, in order. */
  readonly html: readonly string[];
  /** Every output as text (streams, text/plain, text/html, errors), joined with newlines. */
  readonly text: string;
}

/** What the driver reports on stdout as one line of JSON. */
export interface NotebookRunSummary {
  readonly cells: number;
  readonly code_cells_executed: number;
  /** Outputs the kernel published after a cell's idle status, kept by the driver. */
  readonly late_messages: number;
  /** The longest a kept late message came after its cell's idle status (seconds). */
  readonly max_late_delay_s: number;
  readonly seconds: number;
  readonly status: number;
}

/** The result of {@link runNotebook}. */
export interface NotebookRun {
  readonly cells: readonly NotebookCell[];
  /** Only the code cells. */
  readonly codeCells: readonly NotebookCell[];
  readonly summary: NotebookRunSummary;
  /** The driver's stderr (kernel warnings). */
  readonly stderr: string;
  /** Wall-clock seconds including Python and kernel start-up. */
  readonly seconds: number;
}

/** Options of {@link runNotebook}. */
export interface RunNotebookOptions {
  /** Seconds each cell may run (whole seconds; default 120). */
  readonly timeoutS?: number;
  /** The kernel's working directory. Default: the notebook's directory. */
  readonly cwd?: string;
  /** Seconds without IOPub messages that end a cell (default: the driver's 0.25). */
  readonly quietPeriodS?: number;
  /** Extra environment for the driver and the kernel. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A notebook that did not run to the end: a cell raised, timed out, or the kernel failed. */
export class NotebookRunError extends Error {
  constructor(
    message: string,
    /** The driver's exit status: 1 cell error, 3 kernel failure or timeout, 2 bad usage. */
    readonly status: number,
    /** The driver's stderr: for a cell error, its index, ename, evalue and plain traceback. */
    readonly stderr: string,
    /** The cells as executed up to the failure (empty if the notebook was not written). */
    readonly cells: readonly NotebookCell[],
  ) {
    super(message);
    this.name = "NotebookRunError";
  }
}

/** Join an nbformat multiline string. */
export function joinText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join("");
  return String(value);
}

function toCell(raw: Record<string, unknown>, index: number): NotebookCell {
  const outputs = (raw.outputs ?? []) as NotebookOutput[];
  let stdout = "";
  let stderr = "";
  const plain: string[] = [];
  const html: string[] = [];
  const parts: string[] = [];
  for (const out of outputs) {
    switch (out.output_type) {
      case "stream": {
        const text = joinText(out.text);
        if (out.name === "stderr") stderr += text;
        else stdout += text;
        parts.push(text);
        break;
      }
      case "execute_result":
      case "display_data": {
        const data = out.data ?? {};
        if ("text/plain" in data) {
          plain.push(joinText(data["text/plain"]));
          parts.push(joinText(data["text/plain"]));
        }
        if ("text/html" in data) {
          html.push(joinText(data["text/html"]));
          parts.push(joinText(data["text/html"]));
        }
        break;
      }
      case "error":
        parts.push(`${out.ename}: ${out.evalue}`, ...(out.traceback ?? []));
        break;
    }
  }
  return {
    index,
    cellType: String(raw.cell_type),
    source: joinText(raw.source),
    executionCount: (raw.execution_count as number | null | undefined) ?? null,
    outputs,
    stdout,
    stderr,
    plain,
    html,
    text: parts.join("\n"),
  };
}

async function readCells(path: string): Promise<NotebookCell[]> {
  let nb: { cells?: Record<string, unknown>[] };
  try {
    nb = JSON.parse(await Deno.readTextFile(path));
  } catch {
    return [];
  }
  return (nb.cells ?? []).map(toCell);
}

/**
 * Execute a notebook on the Deno kernel ({@link installDenoKernel}) and return its cells.
 *
 * Throws {@link NotebookRunError} when a cell raises (the message holds the cell's error and
 * plain traceback), a cell times out, or the kernel fails. The whole run is also bounded (kernel
 * start-up plus `timeoutS` per code cell): past that the driver is sent SIGTERM (it shuts the
 * kernel down), then SIGKILL.
 *
 * @param path The notebook, absolute or relative to the current directory.
 */
export async function runNotebook(
  path: string,
  options: RunNotebookOptions = {},
): Promise<NotebookRun> {
  const kernel = await installDenoKernel();
  const notebook = resolve(path);
  const timeoutS = Math.max(1, Math.ceil(options.timeoutS ?? 120));
  const cwd = resolve(options.cwd ?? dirname(notebook));
  const outDir = await Deno.makeTempDir({ prefix: "gmat-sweep-notebook-run-" });
  const outPath = join(outDir, "executed.ipynb");
  try {
    const codeCells = (JSON.parse(await Deno.readTextFile(notebook)).cells ?? [])
      .filter((c: { cell_type?: string }) => c.cell_type === "code").length;
    const args = [RUN_NOTEBOOK, "--kernel", kernel.name, "--timeout", String(timeoutS)];
    if (options.quietPeriodS !== undefined) {
      args.push("--quiet-period", String(options.quietPeriodS));
    }
    args.push("--cwd", cwd, notebook, outPath);

    const started = performance.now();
    const child = new Deno.Command(PYTHON, {
      args,
      cwd,
      env: { ...kernel.env, NO_COLOR: "1", ...(options.env ?? {}) },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const overallMs = (60 + timeoutS * (codeCells + 1)) * 1000;
    let killed = false;
    const term = setTimeout(() => {
      killed = true;
      signal(child, "SIGTERM");
    }, overallMs);
    const kill = setTimeout(() => signal(child, "SIGKILL"), overallMs + 10_000);
    let out: Deno.CommandOutput;
    try {
      out = await child.output();
    } finally {
      clearTimeout(term);
      clearTimeout(kill);
    }
    const seconds = (performance.now() - started) / 1000;

    const stdout = new TextDecoder().decode(out.stdout);
    const stderr = new TextDecoder().decode(out.stderr);
    const cells = await readCells(outPath);
    const summaryLine = stdout.trim().split("\n").at(-1) ?? "";
    if (!out.success || killed) {
      const why = killed
        ? `ran longer than ${overallMs / 1000} s and was stopped`
        : `exited with status ${out.code}`;
      throw new NotebookRunError(
        `notebook ${path} failed: run_notebook.py ${why}\n${stderr.trim()}`,
        out.code,
        stderr,
        cells,
      );
    }
    let summary: NotebookRunSummary;
    try {
      summary = JSON.parse(summaryLine);
    } catch {
      throw new Error(`run_notebook.py printed no summary; stdout:\n${stdout}\nstderr:\n${stderr}`);
    }
    return {
      cells,
      codeCells: cells.filter((c) => c.cellType === "code"),
      summary,
      stderr,
      seconds,
    };
  } finally {
    await Deno.remove(outDir, { recursive: true }).catch(() => {});
  }
}

function signal(child: Deno.ChildProcess, sig: Deno.Signal): void {
  try {
    child.kill(sig);
  } catch {
    // already gone
  }
}
