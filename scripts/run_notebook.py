#!/usr/bin/python3
"""Execute a Jupyter notebook headlessly with nbclient, without losing late outputs.

Usage:
    /usr/bin/python3 scripts/run_notebook.py --kernel NAME --timeout S --cwd DIR IN.ipynb OUT.ipynb

Every code cell runs in order on the kernel NAME (found on the usual Jupyter paths: set
JUPYTER_PATH or XDG_DATA_HOME for a private kernelspec), with the kernel's working directory
DIR and at most S seconds per cell. The executed notebook is written to OUT.ipynb, also when a
cell fails (outputs up to the failure), so it can be inspected.

Why not `jupyter nbconvert --execute`: the Deno kernel (2.9.6) sometimes publishes a cell's
output on IOPub *after* it has reported the cell idle. nbclient stops reading a cell's messages
at idle, and the next cell ignores messages addressed to another request, so such an output is
silently dropped. This driver keeps reading IOPub after each cell until no message has arrived
for a quiet period (default 0.25 s), and files late messages addressed to that cell as if they
had come in time.

Exit status: 0 when every cell ran; 1 when a cell raised (its index, ename, evalue and traceback,
ANSI colour codes stripped, go to stderr); 3 when the kernel could not start, died or a cell
timed out; 2 for bad usage. A one-line JSON summary goes to stdout: cells, code cells executed,
late messages kept, the longest a late message came after the cell's idle, seconds, status. Run with /usr/bin/python3: Debian's nbclient is not visible to
another Python that may come first on PATH.
"""

import argparse
import asyncio
import json
import re
import sys
import time
from queue import Empty

import nbformat
from nbclient import NotebookClient
from jupyter_client.kernelspec import NoSuchKernel
from nbclient.exceptions import (
    CellExecutionComplete,
    CellExecutionError,
    CellTimeoutError,
    DeadKernelError,
)
from nbclient.util import ensure_async

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")

EXIT_CELL_ERROR = 1
EXIT_KERNEL_FAILURE = 3


def strip_ansi(text):
    return ANSI.sub("", text)


class DrainingNotebookClient(NotebookClient):
    """A NotebookClient that collects a cell's IOPub messages arriving after its idle status.

    The drain runs from nbclient's ``on_cell_executed`` hook, that is after the execute_reply
    and the idle status, before the error check and before the next cell is sent. Messages whose
    parent is the cell's request go through ``process_message`` like any other; messages for
    other requests are dropped, as nbclient itself does.
    """

    def __init__(self, nb, quiet_period=0.25, drain_limit=10.0, **kw):
        super().__init__(nb, **kw)
        self.quiet_period = quiet_period
        self.drain_limit = drain_limit
        self.late_messages = 0
        self.max_late_delay = 0.0
        self.failed_cell = None
        self.on_cell_executed = self._drain_late_messages
        self.on_cell_error = self._record_error

    async def _drain_late_messages(self, cell, cell_index, execute_reply):
        if self.quiet_period <= 0:
            return
        parent_id = execute_reply["parent_header"].get("msg_id")
        idle_at = time.monotonic()
        deadline = idle_at + self.drain_limit
        while time.monotonic() < deadline:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=self.quiet_period))
            except Empty:
                return  # quiet: the cell is done
            if msg["parent_header"].get("msg_id") != parent_id:
                continue
            if msg["msg_type"] not in ("status", "execute_input"):
                self.late_messages += 1
                self.max_late_delay = max(self.max_late_delay, time.monotonic() - idle_at)
                self.log.info(
                    "cell %d: late %s after idle, kept", cell_index, msg["msg_type"]
                )
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                pass  # a repeated idle status
        self.log.warning(
            "cell %d still publishing after %.1f s; stopped waiting", cell_index, self.drain_limit
        )

    def _record_error(self, cell, cell_index, execute_reply):
        self.failed_cell = (cell_index, execute_reply["content"])


def describe_error(cell_index, content, source):
    lines = [f"cell {cell_index} failed: {content.get('ename', '?')}: {content.get('evalue', '')}"]
    lines.append("--- cell source ---")
    lines.append(source.rstrip())
    traceback = content.get("traceback") or []
    if traceback:
        lines.append("--- traceback ---")
        lines.extend(strip_ansi(line).rstrip() for line in traceback)
    return "\n".join(lines)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kernel", required=True, help="kernelspec name")
    parser.add_argument("--timeout", type=int, required=True, help="seconds per cell (whole)")
    parser.add_argument("--cwd", required=True, help="the kernel's working directory")
    parser.add_argument(
        "--quiet-period",
        type=float,
        default=0.25,
        help="seconds without IOPub messages that end a cell (0: plain nbclient)",
    )
    parser.add_argument(
        "--startup-timeout", type=int, default=60, help="seconds for the kernel to start"
    )
    parser.add_argument("input", help="notebook to execute")
    parser.add_argument("output", help="where to write the executed notebook")
    args = parser.parse_args(argv)

    nb = nbformat.read(args.input, as_version=4)
    client = DrainingNotebookClient(
        nb,
        quiet_period=args.quiet_period,
        kernel_name=args.kernel,
        timeout=args.timeout,
        startup_timeout=args.startup_timeout,
        resources={"metadata": {"path": args.cwd}},
        allow_errors=False,
        record_timing=False,
    )
    status = 0
    started = time.monotonic()
    try:
        client.execute()
    except CellExecutionError:
        index, content = client.failed_cell or (None, {})
        source = nb.cells[index].source if index is not None else ""
        print(describe_error(index, content, source), file=sys.stderr)
        status = EXIT_CELL_ERROR
    except (CellTimeoutError, DeadKernelError, NoSuchKernel) as e:
        print(f"kernel failure: {type(e).__name__}: {strip_ansi(str(e))}", file=sys.stderr)
        status = EXIT_KERNEL_FAILURE
    except Exception as e:  # noqa: BLE001 - e.g. nbclient's own cleanup after SIGTERM
        print(f"kernel failure: {type(e).__name__}: {strip_ansi(repr(e))}", file=sys.stderr)
        status = EXIT_KERNEL_FAILURE
    finally:
        nbformat.write(nb, args.output)
    summary = {
        "cells": len(nb.cells),
        "code_cells_executed": client.code_cells_executed,
        "late_messages": client.late_messages,
        "max_late_delay_s": round(client.max_late_delay, 3),
        "seconds": round(time.monotonic() - started, 3),
        "status": status,
    }
    print(json.dumps(summary))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
