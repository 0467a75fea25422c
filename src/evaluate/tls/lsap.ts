// Minimum-cost rectangular assignment, ported from scipy's linear_sum_assignment (scipy >= 1.6:
// Crouse's shortest augmenting path, as implemented by P. M. Larsen). Any optimal assignment would
// do for the cost, but tilse's scores depend on *which* optimum is chosen when costs tie, so the
// port keeps scipy's scan order, its tie rule and its transposition exactly.

export interface Assignment {
  /** Ascending, distinct row indices; min(rows, cols) of them. */
  rows: number[];
  cols: number[];
}

/** Solves a cost matrix with at least as many columns as rows; returns the column of each row. */
function solveWide(cost: readonly (readonly number[])[], nr: number, nc: number): number[] {
  const u = new Array<number>(nr).fill(0);
  const v = new Array<number>(nc).fill(0);
  const col4row = new Array<number>(nr).fill(-1);
  const row4col = new Array<number>(nc).fill(-1);
  const path = new Array<number>(nc).fill(-1);
  const at = (i: number, j: number): number => cost[i]![j]!;

  for (let cur = 0; cur < nr; cur++) {
    const shortest = new Array<number>(nc).fill(Infinity);
    const visitedRows = new Array<boolean>(nr).fill(false);
    const visitedCols = new Array<boolean>(nc).fill(false);
    // scipy scans the unvisited columns from the last one down, removing by swap; ties depend on it.
    const remaining = Array.from({ length: nc }, (_, k) => nc - 1 - k);
    let minVal = 0;
    let i = cur;
    let sink = -1;
    while (sink === -1) {
      visitedRows[i] = true;
      let index = -1;
      let lowest = Infinity;
      for (let it = 0; it < remaining.length; it++) {
        const j = remaining[it]!;
        const reduced = minVal + at(i, j) - u[i]! - v[j]!;
        if (reduced < shortest[j]!) {
          path[j] = i;
          shortest[j] = reduced;
        }
        if (shortest[j]! < lowest || (shortest[j] === lowest && row4col[j] === -1)) {
          lowest = shortest[j]!;
          index = it;
        }
      }
      minVal = lowest;
      if (index === -1 || minVal === Infinity) throw new Error('linear sum assignment: cost matrix is infeasible');
      const j = remaining[index]!;
      if (row4col[j] === -1) sink = j;
      else i = row4col[j]!;
      visitedCols[j] = true;
      remaining[index] = remaining[remaining.length - 1]!;
      remaining.pop();
    }

    u[cur]! += minVal;
    for (let k = 0; k < nr; k++) {
      if (visitedRows[k] && k !== cur) u[k]! += minVal - shortest[col4row[k]!]!;
    }
    for (let j = 0; j < nc; j++) {
      if (visitedCols[j]) v[j]! -= minVal - shortest[j]!;
    }

    let j = sink;
    for (;;) {
      const k = path[j]!;
      row4col[j] = k;
      const previous = col4row[k]!;
      col4row[k] = j;
      j = previous;
      if (k === cur) break;
    }
  }
  return col4row;
}

function transpose(matrix: readonly (readonly number[])[], cols: number): number[][] {
  return Array.from({ length: cols }, (_, j) => matrix.map((row) => row[j]!));
}

/**
 * scipy.optimize.linear_sum_assignment(cost) (minimisation) with scipy's tie-breaking. Rows must
 * all have the same length and contain no NaN.
 */
export function linearSumAssignment(cost: readonly (readonly number[])[]): Assignment {
  const nr = cost.length;
  const nc = cost[0]?.length ?? 0;
  if (nr === 0 || nc === 0) return { rows: [], cols: [] };
  if (cost.some((row) => row.length !== nc)) throw new Error('linear sum assignment: rows of different lengths');
  if (cost.some((row) => row.some(Number.isNaN))) throw new Error('linear sum assignment: cost matrix contains NaN');
  if (nc >= nr) return { rows: Array.from({ length: nr }, (_, k) => k), cols: solveWide(cost, nr, nc) };
  // Tall matrices are solved transposed, as scipy does, then the pairs are put back in row order.
  const colsOfTransposed = solveWide(transpose(cost, nc), nc, nr);
  const pairs = colsOfTransposed.map((row, col) => [row, col] as const).sort((a, b) => a[0] - b[0]);
  return { rows: pairs.map(([row]) => row), cols: pairs.map(([, col]) => col) };
}
