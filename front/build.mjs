/* Builds the atelier pages' front end (src/page.js) into the template's static folder:
   page.js and page.css (minified), and licences.txt (the licence of every package they bundle).
   The first line of page.js names the sha256 of the sources it was built from, which
   tests/test_front_end.py compares with the sources in the repository.
   Usage (from this folder): npm ci && npm run build */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";

const OUT = "../widgets/share/jupyter/voila/templates/atelier/static/page";
const SOURCES = ["build.mjs", "package.json", "package-lock.json",
  ...readdirSync("src").sort().map((name) => `src/${name}`)];

function sourcesDigest() {
  const hash = createHash("sha256");
  for (const name of SOURCES) {
    hash.update(`${name}\n`);
    hash.update(readFileSync(name));
  }
  return hash.digest("hex");
}

function packageDir(input) {
  const parts = input.split("/");
  const at = parts.lastIndexOf("node_modules");
  const size = parts[at + 1].startsWith("@") ? 2 : 1;
  return parts.slice(0, at + 1 + size).join("/");
}

function licences(inputs) {
  const dirs = [...new Set(inputs.filter((i) => i.startsWith("node_modules/")).map(packageDir))].sort();
  const blocks = dirs.map((dir) => {
    const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)/i.test(name));
    const text = file ? readFileSync(join(dir, file), "utf8").trim() : `Licence: ${meta.license}`;
    return `${meta.name} ${meta.version} (${meta.license})\n\n${text}\n`;
  });
  return "Third-party code bundled in page.js and page.css\n"
    + "=================================================\n\n" + blocks.join("\n" + "-".repeat(72) + "\n\n");
}

if (!existsSync(OUT)) mkdirSync(OUT, { recursive: true });
const result = await esbuild.build({
  entryPoints: { page: "src/page.js" },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2019"],
  outdir: OUT,
  legalComments: "none",
  metafile: true,
  loader: { ".svg": "dataurl" },
  banner: { js: `/* Ateliers numériques: built from front/ (sources sha256 ${sourcesDigest()}); licences.txt */`,
            css: "/* Ateliers numériques: built from front/; licences.txt */" },
  logLevel: "info",
});
writeFileSync(join(OUT, "licences.txt"), licences(Object.keys(result.metafile.inputs)));
