/** ggml's `nearest_int`: round half to even (the float magic-number trick). */
export function nearestInt(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Scratch levels for one sub-block (the search runs synchronously, so one buffer serves every call). */
const AUX = new Uint8Array(32);

/**
 * ggml-quants.c `make_qkx2_quants`: levels 0..nmax with x ≈ scale·L − min, searching `nstep` scales around
 * nmax/(max−min) for the least weighted squared error. Writes L; returns [scale, min] with min ≥ 0.
 */
export function makeQkx2Quants(
  x: Float32Array,
  start: number,
  n: number,
  nmax: number,
  weights: Float32Array,
  L: Uint8Array,
  search: { rmin: number; rdelta: number; nstep: number },
): [scale: number, min: number] {
  let min = x[start]!;
  let max = x[start]!;
  let sumW = 0;
  let sumX = 0;
  for (let i = 0; i < n; i++) {
    const v = x[start + i]!;
    min = Math.min(min, v);
    max = Math.max(max, v);
    sumW += weights[i]!;
    sumX += weights[i]! * v;
  }
  if (min > 0) min = 0;
  if (max === min) {
    L.fill(0, 0, n);
    return [0, -min];
  }
  let iscale = nmax / (max - min);
  let scale = 1 / iscale;
  let bestError = 0;
  for (let i = 0; i < n; i++) {
    L[i] = Math.max(0, Math.min(nmax, nearestInt(iscale * (x[start + i]! - min))));
    const diff = scale * L[i]! + min - x[start + i]!;
    bestError += weights[i]! * diff * diff;
  }
  const aux = AUX.length >= n ? AUX : new Uint8Array(n);
  for (let is = 0; is <= search.nstep; is++) {
    iscale = (search.rmin + search.rdelta * is + nmax) / (max - min);
    let sumL = 0;
    let sumL2 = 0;
    let sumXL = 0;
    for (let i = 0; i < n; i++) {
      const l = Math.max(0, Math.min(nmax, nearestInt(iscale * (x[start + i]! - min))));
      aux[i] = l;
      const w = weights[i]!;
      sumL += w * l;
      sumL2 += w * l * l;
      sumXL += w * l * x[start + i]!;
    }
    const D = sumW * sumL2 - sumL * sumL;
    if (D <= 0) continue;
    let thisScale = (sumW * sumXL - sumX * sumL) / D;
    let thisMin = (sumL2 * sumX - sumL * sumXL) / D;
    if (thisMin > 0) {
      thisMin = 0;
      thisScale = sumXL / sumL2;
    }
    let error = 0;
    for (let i = 0; i < n; i++) {
      const diff = thisScale * aux[i]! + thisMin - x[start + i]!;
      error += weights[i]! * diff * diff;
    }
    if (error < bestError) {
      for (let i = 0; i < n; i++) L[i] = aux[i]!;
      bestError = error;
      scale = thisScale;
      min = thisMin;
    }
  }
  return [scale, -min];
}

/**
 * ggml-quants.c `make_qx_quants` with rmse_type 1 (weights x²): symmetric levels −nmax..nmax−1, trying 18 scales
 * around −nmax/max. Returns the scale (its sign follows the value of largest magnitude).
 */
export function makeQxQuants(x: Float32Array, start: number, n: number, nmax: number): number {
  let max = 0;
  let amax = 0;
  for (let i = 0; i < n; i++) {
    const ax = Math.abs(x[start + i]!);
    if (ax > amax) {
      amax = ax;
      max = x[start + i]!;
    }
  }
  if (amax < 1e-15) return 0;
  // Weighted least squares of x against the levels for a trial inverse scale; weights x² (rmse_type 1).
  let sumLX = 0;
  let sumL2 = 0;
  const fit = (iscale: number): void => {
    sumLX = 0;
    sumL2 = 0;
    for (let i = 0; i < n; i++) {
      const v = x[start + i]!;
      const l = Math.max(-nmax, Math.min(nmax - 1, nearestInt(iscale * v)));
      const w = v * v;
      sumLX += w * v * l;
      sumL2 += w * l * l;
    }
  };
  fit(-nmax / max);
  let scale = sumL2 ? sumLX / sumL2 : 0;
  let best = scale * sumLX;
  for (let is = -9; is <= 9; is++) {
    if (is === 0) continue;
    fit(-(nmax + 0.1 * is) / max);
    if (sumL2 > 0 && sumLX * sumLX > best * sumL2) {
      scale = sumLX / sumL2;
      best = scale * sumLX;
    }
  }
  return scale;
}
