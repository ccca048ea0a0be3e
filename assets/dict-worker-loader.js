// Starts the card dictionary's decoder worker: wasm-bindgen's glue (no-modules
// build of the dudong-dict-worker binary, see index.html) and its wasm, asked
// for together. A failure to load is rethrown outside the promise so that it
// reaches the page as the worker's `error` event.
const wasm = fetch('./dudong-dict-worker_bg.wasm');
importScripts('./dudong-dict-worker.js');
wasm_bindgen({ module_or_path: wasm }).catch((e) => {
  setTimeout(() => { throw new Error(`the dictionary decoder could not load (${e && e.message ? e.message : e})`); });
});
