/**
 * The tank kinds a spacecraft carries (GMAT's FuelTank subclasses).
 *
 * @module
 */

import type { ChemicalTank } from "./chemical_tank.ts";
import type { ElectricTank } from "./electric_tank.ts";

/** Any fuel tank; `kind` tells them apart. */
export type Tank = ChemicalTank | ElectricTank;
