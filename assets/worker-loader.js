// Starts the analysis worker: loads wasm-bindgen's glue (no-modules build of
// the dudong-worker binary, see index.html) and its wasm. A failure to load
// is rethrown outside the promise so that it reaches the page as the
// worker's `error` event, and the page can say the segmenter did not start.
//
// The wasm is asked for first, so that it downloads while the glue does
// (importScripts waits for the glue): one round trip less before the
// segmenter can start, which on a phone's connection is a tenth of a second.
const wasm = fetch('./dudong-worker_bg.wasm');
importScripts('./dudong-worker.js');
wasm_bindgen({ module_or_path: wasm }).catch((e) => {
  setTimeout(() => { throw new Error(`the segmenter could not load (${e && e.message ? e.message : e})`); });
});
