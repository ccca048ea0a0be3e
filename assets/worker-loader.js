// Starts the analysis worker: loads wasm-bindgen's glue (no-modules build of
// the dudong-worker binary, see index.html), then its wasm. A failure to load
// is rethrown outside the promise so that it reaches the page as the
// worker's `error` event, and the page can say the segmenter did not start.
importScripts('./dudong-worker.js');
wasm_bindgen({ module_or_path: './dudong-worker_bg.wasm' }).catch((e) => {
  setTimeout(() => { throw new Error(`the segmenter could not load (${e && e.message ? e.message : e})`); });
});
