// Builds the task pane into ../wwwroot/pane: one eager ESM file, and MSAL in signin.js, imported only when signing in.
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "wwwroot", "pane");

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const common = {
  bundle: true,
  format: "esm",
  target: ["es2022", "chrome100", "safari16"],
  minify: true,
  sourcemap: false,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
};
// A single file (no shared chunks) keeps the first load to one script request.
const pane = await build({
  ...common,
  entryPoints: { taskpane: join(here, "src", "main.ts") },
  external: ["./signin.js"],
  outdir: out,
});
const signin = await build({
  ...common,
  entryPoints: { signin: join(here, "src", "signin.ts") },
  splitting: true,
  outdir: out,
  chunkNames: "chunks/[name]-[hash]",
});
await build({
  entryPoints: [join(here, "taskpane.css")],
  bundle: true,
  minify: true,
  outfile: join(out, "taskpane.css"),
  logLevel: "warning",
});
await copyFile(join(here, "taskpane.html"), join(out, "taskpane.html"));
const size = (result) => Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`pane built: taskpane.js ${size(pane)} bytes, sign-in ${size(signin)} bytes`);
