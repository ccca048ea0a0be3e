#!/usr/bin/env node
// Share-link size: dudong's payload (crates/engine/src/share, via `cargo run --release
// --example share_len`) against lz-string's compressToEncodedURIComponent,
// the usual way to put text in a URL. Prints one JSON object per input:
//   {"file", "bytes", "lz_string_chars", "dudong_chars", "ratio"}
// ratio = dudong_chars / lz_string_chars (the target is at most 0.6 on Chinese news).
//
//   node scripts/bench-share.mjs [FILE...]
//
// Default inputs: tests/fixtures/*.txt, crates/engine/src/knowledge/sample.txt and, when it
// exists, ../shared/fixtures/seed/article.txt. Node 20; `npm install` first.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import LZString from "lz-string";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

let files = process.argv.slice(2).map((f) => resolve(f));
if (files.length === 0) {
  const fixtures = join(root, "tests", "fixtures");
  files = readdirSync(fixtures)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => join(fixtures, f));
  files.push(join(root, "crates", "engine", "src", "knowledge", "sample.txt"));
  const seed = resolve(root, "..", "shared", "fixtures", "seed", "article.txt");
  if (existsSync(seed)) files.push(seed);
}

const out = execFileSync("cargo", ["run", "--quiet", "--release", "--example", "share_len", "--", ...files], {
  cwd: root,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
const dudong = new Map();
for (const line of out.trim().split("\n")) {
  const tab = line.indexOf("\t");
  dudong.set(line.slice(tab + 1), Number(line.slice(0, tab)));
}

for (const file of files) {
  const text = readFileSync(file, "utf8");
  const lz = LZString.compressToEncodedURIComponent(text).length;
  const ours = dudong.get(file);
  if (ours === undefined) throw new Error(`share_len printed nothing for ${file}`);
  const name = file.startsWith(root) ? relative(root, file) : file;
  console.log(
    JSON.stringify({
      file: name,
      bytes: Buffer.byteLength(text, "utf8"),
      lz_string_chars: lz,
      dudong_chars: ours,
      ratio: Math.round((ours / lz) * 1000) / 1000,
    }),
  );
}
