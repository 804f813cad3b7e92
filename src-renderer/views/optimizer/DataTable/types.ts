export interface DataTableProps {
  columns: string[];
  rows: number[][];
  target: string;
  /** A new table (cells, rows, columns or names changed); `coalesceKey` merges a run of edits into one undo step. */
  onChange: (columns: string[], rows: number[][], target: string, coalesceKey: string | null) => void;
}
