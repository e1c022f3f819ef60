/**
 * Symmetric int8 quantization kernels: q = round(w / scale), scale = max|w| / maxCode, zero point 0.
 * The range is ±maxCode (127, or 63 for 7-bit weights), never -128, so +w and -w quantize to opposite
 * values (as ORT's symmetric weight quantization does). Rows are the tensor's last dimension.
 */

export const INT8_MAX = 127;

/** Raised for NaN or infinite weights, which no scale can represent. */
export class NonFiniteWeightError extends Error {}

/** Folds the max |value| of each column of `rows` (row-major, `columns` wide) into `absMax`. */
export function accumulateColumnAbsMax(rows: Float32Array, columns: number, absMax: Float32Array): void {
  for (let start = 0; start < rows.length; start += columns) {
    for (let c = 0; c < columns; c++) {
      const v = Math.abs(rows[start + c] ?? 0);
      if (!(v <= Number.MAX_VALUE)) throw new NonFiniteWeightError(`non-finite value in column ${c}`);
      if (v > (absMax[c] ?? 0)) absMax[c] = v;
    }
  }
}

/** Scale per max |value|; an all-zero column or row gets scale 1 (its codes are all 0 anyway). */
export function scalesFromAbsMax(absMax: Float32Array, maxCode = INT8_MAX): Float32Array {
  return absMax.map((m) => (m > 0 ? m / maxCode : 1));
}

/** Rounds half away from zero (Math.round alone rounds -63.5 to -63, breaking the ± symmetry). */
function code(value: number, inverseScale: number, maxCode: number): number {
  const scaled = value * inverseScale;
  const q = scaled < 0 ? -Math.round(-scaled) : Math.round(scaled);
  return q > maxCode ? maxCode : q < -maxCode ? -maxCode : q;
}

/** Quantizes row-major `rows` with one scale per column into `out` (same length), codes in ±maxCode. */
export function quantizeColumns(rows: Float32Array, scales: Float32Array, out: Int8Array, maxCode = INT8_MAX): void {
  const columns = scales.length;
  const inverse = scales.map((s) => 1 / s);
  for (let start = 0; start < rows.length; start += columns) {
    for (let c = 0; c < columns; c++) out[start + c] = code(rows[start + c] ?? 0, inverse[c] ?? 0, maxCode);
  }
}

/**
 * Quantizes row-major `rows` (`columns` wide) with one scale per row: codes into `out`, the row scales
 * into `scales` (one per row of this chunk).
 */
export function quantizeRows(rows: Float32Array, columns: number, out: Int8Array, scales: Float32Array): void {
  for (let r = 0, start = 0; start < rows.length; r++, start += columns) {
    let max = 0;
    for (let c = 0; c < columns; c++) {
      const v = Math.abs(rows[start + c] ?? 0);
      if (!(v <= Number.MAX_VALUE)) throw new NonFiniteWeightError(`non-finite value in row ${r}`);
      if (v > max) max = v;
    }
    const scale = max > 0 ? max / INT8_MAX : 1;
    scales[r] = scale;
    const inverse = 1 / Math.fround(scale);
    for (let c = 0; c < columns; c++) out[start + c] = code(rows[start + c] ?? 0, inverse, INT8_MAX);
  }
}
