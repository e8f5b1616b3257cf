/**
 * An EphemerisFile at run time: collects its spacecraft's published states and writes a
 * CCSDS-OEM or STK-TimePosVel file when the mission ends.
 *
 * With `StepSize = IntegratorSteps` every published state is written; with a numeric step the
 * states are Lagrange-interpolated (InterpolationOrder, default 7) onto a grid starting at the
 * first state, ending at the last grid point not after the final state. An impulsive maneuver
 * starts a new segment, so no interpolation spans the velocity jump.
 *
 * @module
 */

import { epochValue, formatIsoUtc, lagrangeInterpolate } from "../../physics/mod.ts";
import { writeOem, writeStk } from "../../formats/mod.ts";
import type { EphemerisFileResource } from "../resources/ephemeris_file.ts";
import type { SpacecraftResource } from "../resources/spacecraft.ts";

interface Point {
  readonly epochA1: number;
  readonly state: Float64Array;
}

/** Creation time written into OEM headers: SOURCE_DATE_EPOCH when set, for reproducible files. */
function creationDate(): string {
  let ms = Date.now();
  try {
    const env = Deno.env.get("SOURCE_DATE_EPOCH");
    if (env && /^\d+$/.test(env)) ms = Number(env) * 1000;
  } catch {
    // no env permission: use the clock
  }
  return new Date(ms).toISOString().slice(0, 19);
}

/** The file of one EphemerisFile resource. */
export class EphemerisOutput {
  readonly #segments: Point[][] = [[]];
  /** Points written (after interpolation), set by {@link close}. */
  rows = 0;

  constructor(
    readonly resource: EphemerisFileResource,
    readonly spacecraft: SpacecraftResource,
    readonly path: string,
    readonly engineVersion: string,
  ) {}

  /** A publish of this spacecraft's state. */
  publish(epochA1: number, state: Float64Array): void {
    if (!this.resource.writeEphemeris) return;
    const seg = this.#segments[this.#segments.length - 1];
    const last = seg[seg.length - 1];
    if (last && last.epochA1 === epochA1) return;
    seg.push({ epochA1, state: Float64Array.from(state) });
  }

  /** Start a new segment (after a discontinuity such as an impulsive burn). */
  breakSegment(): void {
    const seg = this.#segments[this.#segments.length - 1];
    if (seg.length > 0) this.#segments.push([]);
  }

  #sampled(): Point[][] {
    const step = this.resource.stepSize;
    const segs = this.#segments.filter((s) => s.length > 0);
    if (step === "IntegratorSteps") return segs;
    const order = this.resource.interpolationOrder;
    const startA1 = segs[0]?.[0].epochA1;
    return segs.map((seg) => {
      const times = seg.map((p) => (p.epochA1 - startA1) * 86400);
      const states = seg.map((p) => p.state);
      const first = times[0], last = times[times.length - 1];
      const out: Point[] = [];
      // Grid anchored at the file's first epoch, restricted to this segment's span.
      let k = Math.ceil((first - 1e-6) / step);
      for (; k * step <= last + 1e-6; k++) {
        const t = Math.min(Math.max(k * step, first), last);
        const exact = seg.find((_, i) => Math.abs(times[i] - t) < 1e-9);
        const state = exact ? exact.state : lagrangeInterpolate(times, states, t, order);
        out.push({ epochA1: startA1 + (k * step) / 86400, state: Float64Array.from(state) });
      }
      return out;
    }).filter((s) => s.length > 0);
  }

  /** Write the file. */
  close(): void {
    const segs = this.#sampled();
    this.rows = segs.reduce((n, s) => n + s.length, 0);
    const r = this.resource;
    let text: string;
    if (r.fileFormat === "CCSDS-OEM") {
      text = writeOem({
        creationDate: creationDate(),
        originator: "GMAT USER",
        segments: segs.map((seg) => {
          const start = formatIsoUtc(seg[0].epochA1);
          const stop = formatIsoUtc(seg[seg.length - 1].epochA1);
          return {
            meta: {
              objectName: this.spacecraft.name,
              objectId: this.spacecraft.id,
              centerName: "Earth",
              refFrame: "EME2000",
              timeSystem: "UTC",
              startTime: start,
              useableStartTime: start,
              useableStopTime: stop,
              stopTime: stop,
              interpolation: "LAGRANGE",
              interpolationDegree: r.interpolationOrder,
            },
            rows: seg.map((p) => ({ epoch: formatIsoUtc(p.epochA1), state: Array.from(p.state) })),
          };
        }),
      });
    } else {
      const all = segs.flat();
      const scenarioA1 = all[0]?.epochA1 ?? this.spacecraft.epochA1;
      const segmentStarts: number[] = [];
      let index = 0;
      for (const seg of segs) {
        if (index > 0 && r.includeEventBoundaries) segmentStarts.push(index);
        index += seg.length;
      }
      text = writeStk({
        writtenBy: `GMAT ${this.engineVersion}`,
        scenarioEpoch: epochValue(scenarioA1, "UTCGregorian") as string,
        // GMAT's STK writer names its interpolation only for a fixed step size; a file of
        // integrator steps has no InterpolationMethod/InterpolationOrder lines.
        interpolationMethod: r.stepSize === "IntegratorSteps" ? "" : "Lagrange",
        interpolationOrder: r.interpolationOrder,
        centralBody: "Earth",
        coordinateSystem: "J2000",
        distanceUnit: r.distanceUnit,
        segmentStarts,
        rows: all.map((p) => ({
          offset: (p.epochA1 - scenarioA1) * 86400,
          state: Array.from(p.state),
        })),
      });
    }
    Deno.writeTextFileSync(this.path, text);
  }
}
