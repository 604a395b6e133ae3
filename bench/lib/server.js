/**
 * Serves the built site (`build/`) with `vite preview` on a free loopback port, as `npm start` does.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A TCP port nobody listens on right now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/** Waits until `url` answers, or throws after `timeoutMs`. */
async function waitForHttp(url, timeoutMs, child) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await delay(200);
	}
	throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Starts `vite preview` on a free port.
 * @returns {Promise<{ origin: string, port: number, stop: () => Promise<void> }>}
 */
export async function serveBuild() {
	const port = await freePort();
	const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
	const child = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const origin = `http://127.0.0.1:${port}`;
	try {
		await waitForHttp(`${origin}/`, 30_000, child);
	} catch (error) {
		child.kill();
		throw new Error(`${/** @type {Error} */ (error).message}\n${stderr}`);
	}
	return {
		origin,
		port,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
