/**
 * Spherical k-means (cosine) of unit-length row vectors: `iterations` rounds of assigning each row to its most
 * similar centroid and re-normalizing the centroids. Seeds are rows picked by a fixed LCG, so the result is
 * deterministic for its inputs. O(rows × k × dims) per round: 39k × 1024 × 100, 8 rounds, took 53 s here (at build time only).
 */
export function sphericalKMeans(rows: Float32Array, dimensions: number, k: number, iterations = 8): Uint16Array {
  const count = rows.length / dimensions;
  const centroids = new Float32Array(k * dimensions);
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  for (let c = 0; c < k; c++) {
    const row = Math.floor(next() * count);
    centroids.set(rows.subarray(row * dimensions, (row + 1) * dimensions), c * dimensions);
  }
  const assignment = new Uint16Array(count);
  for (let round = 0; round < iterations; round++) {
    for (let i = 0; i < count; i++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        let similarity = 0;
        for (let d = 0; d < dimensions; d++)
          similarity += (rows[i * dimensions + d] as number) * (centroids[c * dimensions + d] as number);
        if (similarity > best) {
          best = similarity;
          assignment[i] = c;
        }
      }
    }
    centroids.fill(0);
    for (let i = 0; i < count; i++) {
      const c = assignment[i] as number;
      for (let d = 0; d < dimensions; d++)
        centroids[c * dimensions + d] =
          (centroids[c * dimensions + d] as number) + (rows[i * dimensions + d] as number);
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dimensions; d++) norm += (centroids[c * dimensions + d] as number) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dimensions; d++)
        centroids[c * dimensions + d] = (centroids[c * dimensions + d] as number) / norm;
    }
  }
  return assignment;
}
