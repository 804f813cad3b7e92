// Mutation fuzz of every core method (shared/core/fuzz): `npm run fuzz [-- --seed N --count N --method a,b]`.
// Prints per method the calls, throws, errors caught by a last net and calls per second, and
// the share of the mutated payloads the worker's schemas would accept; exits 1 on any throw,
// caught error, hang or schema throw, printing the first few failing payloads (shrunk to what
// still fails at the same place) with how they were made. Each method runs in a worker thread
// watched for progress, so a call that never returns is reported as a hang, not a stuck run.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createCore } from '../shared/core/index';
import { FUZZ_EXAMPLES } from '../shared/core/fuzz/examples';
import { fuzzCase, fuzzCore, type FuzzFinding, type MethodReport } from '../shared/core/fuzz/fuzz';
import { buildDictionary, showValue } from '../shared/core/fuzz/mutate';
import { corePayloadSchemas } from '../shared/protocol/dispatch';

const table = FUZZ_EXAMPLES as unknown as Record<string, readonly unknown[]>;
/** Mutated payloads per method given to the worker's schema, for the share it accepts. */
const SCHEMA_SAMPLE = 2000;

interface Job {
  /** `core`: fuzz the method from case `start`; `schema`: the method's schema over the first cases. */
  phase: 'core' | 'schema';
  method: string;
  seed: number;
  count: number;
  start: number;
  shrink: boolean;
  /** Float64Array view of PROGRESS_FIELDS: the case being run and the counts so far, read by the watchdog. */
  progress: SharedArrayBuffer;
}

const PROGRESS_FIELDS = ['index', 'calls', 'throws', 'caught', 'cancelled', 'milliseconds'] as const;

/** What a worker posts: findings and a new slowest call as they happen (so a hang loses neither), then its result. */
type WorkerMessage =
  | { kind: 'finding'; finding: FuzzFinding }
  | { kind: 'slowest'; slowest: MethodReport['slowest'] }
  | { kind: 'done'; report: MethodReport }
  | { kind: 'schema'; share: number; throws: string[] };

if (!isMainThread) await runJob(workerData as Job);
else await main();

async function runJob(job: Job): Promise<void> {
  const progress = new Float64Array(job.progress);
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  if (job.phase === 'schema') {
    const schema = (corePayloadSchemas as Record<string, { safeParse(value: unknown): { success: boolean } }>)[job.method]!;
    const dictionary = buildDictionary(Object.values(table).flat());
    const throws: string[] = [];
    let accepted = 0;
    for (let index = 0; index < job.count; index++) {
      progress[0] = index;
      const { payload, mutations } = fuzzCase(job.method, table[job.method]!, dictionary, job.seed, index);
      try {
        if (schema.safeParse(payload).success) accepted++;
      } catch (error) {
        throws.push(`${job.method} case ${index}: the worker's schema threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}; made by ${mutations.join('; ')}`);
      }
    }
    return post({ kind: 'schema', share: job.count > 0 ? accepted / job.count : Number.NaN, throws });
  }
  let posted = 0;
  let postedSlowest = 0;
  const [report] = await fuzzCore(createCore(), table, {
    seed: job.seed,
    count: job.count,
    start: job.start,
    methods: [job.method],
    shrink: job.shrink,
    now: () => performance.now(),
    onCase: (index, sofar) => {
      PROGRESS_FIELDS.forEach((field, k) => (progress[k] = field === 'index' ? index : sofar[field]));
      for (; posted < sofar.findings.length; posted++) post({ kind: 'finding', finding: sofar.findings[posted]! });
      if (sofar.slowest.milliseconds > Math.max(50, 2 * postedSlowest)) {
        postedSlowest = sofar.slowest.milliseconds;
        post({ kind: 'slowest', slowest: sofar.slowest });
      }
    },
  });
  post({ kind: 'done', report: report! });
}

type JobOutcome = { result: Extract<WorkerMessage, { kind: 'done' | 'schema' }> } | { hangAt: number; partial: MethodReport };

/** Runs a job in a worker; resolves with its result, or with the case that made no progress for `hangSeconds` and the counts before it. */
function runInWorker(job: Omit<Job, 'progress'>, hangSeconds: number): Promise<JobOutcome> {
  const progress = new SharedArrayBuffer(PROGRESS_FIELDS.length * 8);
  const view = new Float64Array(progress);
  view[0] = job.start;
  // The worker runs this file too; a worker does not inherit the TypeScript loader, so it registers tsx first.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { ...job, progress } satisfies Job });
  const partial = emptyReport(job.method);
  return new Promise((resolve, reject) => {
    let last = -1;
    let still = 0;
    const finish = (outcome: JobOutcome) => {
      clearInterval(watch);
      void worker.terminate();
      resolve(outcome);
    };
    const watch = setInterval(() => {
      const index = view[0]!;
      still = index === last ? still + 1 : 0;
      last = index;
      if (still < hangSeconds) return;
      const [, calls, throws, caught, cancelled, milliseconds] = Array.from(view);
      finish({ hangAt: index, partial: { ...partial, calls: calls!, throws: throws!, caught: caught!, cancelled: cancelled!, milliseconds: milliseconds! } });
    }, 1000);
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'finding') partial.findings.push(message.finding);
      else if (message.kind === 'slowest') partial.slowest = message.slowest;
      else finish({ result: message });
    });
    worker.once('error', (error) => {
      clearInterval(watch);
      reject(error);
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      count: { type: 'string', default: '10000' },
      method: { type: 'string' },
      'hang-seconds': { type: 'string', default: '30' },
      'no-shrink': { type: 'boolean', default: false },
    },
  });
  const wholeNumber = (name: string, text: string): number => {
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 0) {
      console.error(`--${name} must be a whole number ≥ 0, got ${JSON.stringify(text)}`);
      process.exit(2);
    }
    return value;
  };
  const seed = wholeNumber('seed', values.seed);
  const count = wholeNumber('count', values.count);
  const hangSeconds = Math.max(1, wholeNumber('hang-seconds', values['hang-seconds']));
  const methods = values.method ? values.method.split(',').map((name) => name.trim()) : Object.keys(table);
  for (const method of methods) {
    if (!Object.hasOwn(table, method)) {
      console.error(`unknown method ${JSON.stringify(method)}; fuzzed methods: ${Object.keys(table).join(', ')}`);
      process.exit(2);
    }
  }
  const dictionary = buildDictionary(Object.values(table).flat());
  const schemaThrows: string[] = [];
  const hangs: string[] = [];
  const describeHang = (phase: string, method: string, index: number) => {
    const { mutations, payload } = fuzzCase(method, table[method]!, dictionary, seed, index);
    hangs.push(`${phase} of ${method}, case ${index} (--seed ${seed}), made no progress for ${hangSeconds} s; made by ${mutations.join('; ')}\n    payload: ${showValue(payload, 400)}`);
  };

  console.log(`fuzz: ${count} mutated payloads per method, seed ${seed}`);
  const reports: MethodReport[] = [];
  for (const method of methods) {
    const started = performance.now();
    let report = emptyReport(method);
    for (let start = 0; start < count; ) {
      const outcome = await runInWorker({ phase: 'core', method, seed, count, start, shrink: !values['no-shrink'] }, hangSeconds);
      if ('result' in outcome) {
        if (outcome.result.kind === 'done') report = merge(report, outcome.result.report);
        break;
      }
      report = merge(report, outcome.partial);
      describeHang('the core', method, outcome.hangAt);
      start = outcome.hangAt + 1;
    }
    // calls per second over the calls made (a hung case's wait is not counted)
    report.callsPerSecond = report.milliseconds > 0 ? (report.calls * 1000) / report.milliseconds : report.calls;
    reports.push(report);
    let share = Number.NaN;
    const schema = await runInWorker({ phase: 'schema', method, seed, count: Math.min(count, SCHEMA_SAMPLE), start: 0, shrink: false }, hangSeconds);
    if ('result' in schema && schema.result.kind === 'schema') {
      share = schema.result.share;
      schemaThrows.push(...schema.result.throws);
    } else if ('hangAt' in schema) describeHang("the worker's schema", method, schema.hangAt);
    console.log(
      `${method.padEnd(24)} ${String(report.calls).padStart(7)} calls ${String(report.throws).padStart(6)} throws ${String(report.caught).padStart(5)} caught by a net ${report.callsPerSecond.toFixed(0).padStart(7)} calls/s` +
        `   slowest ${report.slowest.milliseconds.toFixed(1).padStart(7)} ms   schema accepts ${(share * 100).toFixed(1)}%` +
        (report.cancelled > 0 ? `   ${report.cancelled} cancelled as asked` : '') +
        `   (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }

  for (const report of reports.filter((each) => each.throws + each.caught > 0)) {
    console.log(`\n${report.method}: ${report.throws} of ${report.calls} calls threw, ${report.caught} were caught by a last net; the first ${report.findings.length} distinct:`);
    for (const finding of report.findings) {
      console.log(`  case ${finding.index} (--seed ${seed}): ${finding.error}`);
      if (finding.at) console.log(`    at ${finding.at}`);
      console.log(`    made by: ${finding.mutations.join('; ')}`);
      console.log(`    payload: ${showValue(finding.minimal ?? finding.payload, 400)}${finding.minimal !== undefined ? ' (shrunk)' : ''}`);
    }
  }
  if (hangs.length > 0) {
    console.log(`\n${hangs.length} calls hung:`);
    for (const line of hangs.slice(0, 5)) console.log(`  ${line}`);
  }
  if (schemaThrows.length > 0) {
    console.log(`\nthe worker's schemas threw on ${schemaThrows.length} payloads (a schema must refuse, not throw); the first few:`);
    for (const line of schemaThrows.slice(0, 5)) console.log(`  ${line}`);
  }
  const throws = reports.reduce((sum, report) => sum + report.throws, 0);
  const caught = reports.reduce((sum, report) => sum + report.caught, 0);
  const failed = throws + caught + hangs.length + schemaThrows.length > 0;
  console.log(
    `\n${failed ? 'FAIL' : 'ok'}: ${reports.reduce((sum, report) => sum + report.calls, 0)} calls, ${throws} throws, ${caught} caught by a last net, ${hangs.length} hangs, ${schemaThrows.length} schema throws`,
  );
  process.exit(failed ? 1 : 0);
}

function emptyReport(method: string): MethodReport {
  return { method, calls: 0, throws: 0, caught: 0, cancelled: 0, milliseconds: 0, callsPerSecond: 0, slowest: { milliseconds: 0, mutations: [] }, findings: [] };
}

/** One report from the runs of a method split by hangs. */
function merge(into: MethodReport, next: MethodReport): MethodReport {
  return {
    ...into,
    calls: into.calls + next.calls,
    throws: into.throws + next.throws,
    caught: into.caught + next.caught,
    cancelled: into.cancelled + next.cancelled,
    milliseconds: into.milliseconds + next.milliseconds,
    slowest: next.slowest.milliseconds > into.slowest.milliseconds ? next.slowest : into.slowest,
    findings: [...into.findings, ...next.findings].slice(0, 5),
  };
}
