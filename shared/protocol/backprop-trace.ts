/**
 * Reading a backprop trace (the core's columns) one step at a time, for the view: the
 * renderer may not import core values, and a trace is read through these functions only.
 * `traceStep(result, i)` is step i as a plain object (its words, cells and value);
 * `stepOperands(result, i)` its operands with values and running sums; `stepOfCell(trace,
 * tensor, at)` the step that wrote a cell (-1 for none).
 */
export { stepOfCell, stepOperands, traceStep, type TraceSource } from '../core/backprop/trace';
