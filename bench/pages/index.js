/**
 * The pages the bench measures. To add one (embed, kiosk), write a module like ./scroll.js and list it here.
 * @typedef {{ name: string, path: string, budgets: string[] }} BenchPage
 */
import embed from './embed.js';
import scroll from './scroll.js';

/** @type {BenchPage[]} */
export const PAGES = [scroll, embed];
