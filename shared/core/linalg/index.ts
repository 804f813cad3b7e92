export { leadingColumns, matrixFromRows, multiplyVector, zeroMatrix, type Matrix } from './matrix';
export { completeOrthogonalDecomposition, solveDecomposed, solveLeastSquares, solveNestedLeastSquares, type CompleteOrthogonalDecomposition, type LeastSquaresOptions, type LeastSquaresSolution } from './least-squares';
