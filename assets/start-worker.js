// Starts the analysis worker as soon as the page is parsed, so that the
// segmenter loads in parallel with the app's own wasm. The app takes the
// worker over (src/app/engine.rs, take_early) and replays what it said
// meanwhile; if this script fails, the app starts a worker itself.
(function () {
  try {
    var worker = new Worker('./worker-loader.js');
    var early = [];
    worker.onmessage = function (e) { early.push({ data: e.data }); };
    worker.onerror = function (e) { e.preventDefault(); early.push({ error: e.message || '' }); };
    window.dudongWorker = { worker: worker, early: early };
  } catch (e) {
    window.dudongWorker = undefined;
  }
})();
