// Builds the task pane into ../wwwroot/pane: ESM with splitting so MSAL stays in a chunk loaded only when signing in.
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "wwwroot", "pane");

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const result = await build({
  entryPoints: { taskpane: join(here, "src", "main.ts") },
  bundle: true,
  splitting: true,
  format: "esm",
  target: ["es2020", "chrome100", "safari15"],
  minify: true,
  sourcemap: false,
  legalComments: "none",
  outdir: out,
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  logLevel: "warning",
});
await build({
  entryPoints: [join(here, "taskpane.css")],
  bundle: true,
  minify: true,
  outfile: join(out, "taskpane.css"),
  logLevel: "warning",
});
await copyFile(join(here, "taskpane.html"), join(out, "taskpane.html"));
const files = Object.entries(result.metafile.outputs).map(([f, o]) => `${f.slice(out.length - 0)} ${o.bytes}`);
console.log(`pane built: ${files.length} script files`);
