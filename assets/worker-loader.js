// Starts the analysis worker: loads wasm-bindgen's glue (no-modules build of
// the dudong-worker binary, see index.html) and its wasm. A failure to load
// is rethrown outside the promise so that it reaches the page as the
// worker's `error` event, and the page can say the segmenter did not start.
//
// The wasm is asked for first, so that it downloads and compiles while the
// glue does (importScripts waits for the glue): one round trip less before
// the segmenter can start, which on a phone's connection is a tenth of a
// second. `dudong:worker-compiled` marks when the wasm is compiled, for
// `make bench`'s start-up breakdown.
const WASM = './dudong-worker_bg.wasm';
const compiled = WebAssembly.compileStreaming(fetch(WASM))
  // A server that does not say application/wasm: fetch and compile the bytes.
  .catch(() => fetch(WASM).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b)))
  .then((module) => { performance.mark('dudong:worker-compiled'); return module; });
importScripts('./dudong-worker.js');
wasm_bindgen({ module_or_path: compiled }).catch((e) => {
  setTimeout(() => { throw new Error(`the segmenter could not load (${e && e.message ? e.message : e})`); });
});
