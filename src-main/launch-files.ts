import path from 'node:path';
import { isProjectFileName } from '../shared/project/project';

/**
 * The project files in a command line: the first start's `process.argv` (a double-click on
 * Windows and Linux starts the app with the file's path) or a second instance's argv.
 * Skips the executable, and in development (`electron <app path> ...`, `process.defaultApp`)
 * the app path, the first argument that is not a switch (a launcher such as Playwright puts
 * `--inspect=0` before it); drops switches (Chromium's, Electron's, macOS's `-psn_...`) and
 * anything that is not named like a project. Relative paths are resolved against `cwd` (a
 * second instance's own working directory).
 */
export function projectPathsFromArgv(argv: readonly string[], options: { defaultApp: boolean; cwd: string }): string[] {
  const args = argv.slice(1).filter((arg) => !arg.startsWith('-'));
  if (options.defaultApp) args.shift();
  return args.filter((arg) => isProjectFileName(path.basename(arg))).map((arg) => path.resolve(options.cwd, arg));
}

/**
 * Files the system asked to open, waiting until the renderer listens: macOS sends
 * `open-file` even before the app is ready, and a first-start argv is known before the
 * window exists. There is one document window, so when several wait, the last one opens.
 */
export class FilesToOpen {
  readonly #deliver: (filePath: string) => void;
  #waiting: string | null = null;
  #listening = false;

  constructor(deliver: (filePath: string) => void) {
    this.#deliver = deliver;
  }

  add(filePath: string): void {
    if (this.#listening) this.#deliver(filePath);
    else this.#waiting = filePath;
  }

  /** The renderer subscribed to opened files (after each page load). */
  rendererReady(): void {
    this.#listening = true;
    const waiting = this.#waiting;
    this.#waiting = null;
    if (waiting !== null) this.#deliver(waiting);
  }

  /** The page is (re)loading or the window closed: hold files until it listens again. */
  rendererGone(): void {
    this.#listening = false;
  }
}
