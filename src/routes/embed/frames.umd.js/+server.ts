/**
 * The @newswire/frames parent script (the npm package's UMD build, exposing `window.newswireFrames`), served from this
 * site for the frames snippet. The build carries no licence header, so one is added.
 */
// By path: the package's `exports` map lists only its ES module build.
import script from '/node_modules/@newswire/frames/dist/frames.umd.js?raw';
import { javascript } from '../vendor-script';

export const prerender = true;

export const GET = () => javascript(`/*! @newswire/frames 1.0.0 | MIT License | github.com/rdmurphy/frames */\n${script}`);
