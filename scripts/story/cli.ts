/** Small helpers shared by the `npm run story:*` commands. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** True when the module at `url` is the script node was started with (not imported by a test). */
export function isEntryPoint(url: string): boolean {
	return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(url);
}

/** Prints the message and exits 1: for mistakes in the command line, which a person fixes and runs again. */
export function fail(message: string): never {
	console.error(message);
	process.exit(1);
}
