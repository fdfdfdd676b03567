import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadSpecsOption } from "../src/cli/specs-option.js";
import { providerSlugs } from "../src/providers.js";
import { specDocument } from "../src/spec/load.js";
import { readSpecFile, readSpecsDir } from "../src/spec/source.js";

const repoSpecs = path.resolve("openapi");
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "kyc-spec-source-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Writes `files` (path → YAML value or text) under a fresh folder of tmp; returns the folder. */
async function tree(name: string, files: Record<string, unknown>): Promise<string> {
  const root = path.join(tmp, name);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), typeof content === "string" ? content : stringify(content));
  }
  return root;
}

const minimal = (paths: Record<string, unknown>, components?: Record<string, unknown>) => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1.0.0" },
  paths,
  ...(components ? { components } : {}),
});

describe("readSpecsDir on the package's own openapi/", () => {
  it("bundles each split spec into exactly the document Redocly's bundle gives (generated/<slug>-spec.ts)", async () => {
    const read = await readSpecsDir(repoSpecs);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    // assert every provider is found, and its bundle equals the generated one
    expect(Object.keys(read.specs)).toEqual([...providerSlugs]);
    for (const slug of providerSlugs) {
      expect(JSON.parse(JSON.stringify(read.specs[slug]))).toEqual(JSON.parse(JSON.stringify(specDocument(slug))));
      expect(read.sources[slug]?.files[0]).toBe(path.join(repoSpecs, slug, "openapi.yaml"));
      expect(read.sources[slug]?.files.length).toBeGreaterThan(5);
    }
  });

  it("reads a single-file bundle as it is", async () => {
    const dir = await tree("bundles", { "myaza.yaml": stringify(specDocument("myaza")) });
    const read = await readSpecFile(path.join(dir, "myaza.yaml"));
    expect(read.ok && read.spec.provider).toBe("myaza");
    expect(read.ok && JSON.parse(JSON.stringify(read.spec.document))).toEqual(JSON.parse(JSON.stringify(specDocument("myaza"))));
    // assert a folder of bundles (like dist/specs/) reads too
    const all = await readSpecsDir(dir);
    expect(all.ok && Object.keys(all.specs)).toEqual(["myaza"]);
  });
});

describe("readSpecFile: $ref resolution", () => {
  it("makes a file under components/<section>/ a component even when the index does not name it, and inlines other files", async () => {
    const dir = await tree("implicit/proof", {
      "openapi.yaml": minimal({ "/a": { $ref: "paths/a.yaml" } }),
      "paths/a.yaml": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "../components/schemas/Thing.yaml" } } } } } } },
      "components/schemas/Thing.yaml": { type: "object", properties: { id: { $ref: "./Id.yaml" } } },
      "components/schemas/Id.yaml": { type: "string" },
    });
    const read = await readSpecFile(path.join(dir, "openapi.yaml"));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    // assert the path file is inlined, the schemas become components referenced internally
    const doc = read.spec.document;
    expect(read.spec.provider).toBe("proof");
    expect(doc.paths["/a"]).toEqual({ get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } } } });
    expect(doc.components).toEqual({ schemas: { Thing: { type: "object", properties: { id: { $ref: "#/components/schemas/Id" } } }, Id: { type: "string" } } });
  });

  it("keeps a schema's self-reference through its component name", async () => {
    const dir = await tree("recursive/myaza", {
      "openapi.yaml": minimal({}, { schemas: { Node: { $ref: "components/schemas/Node.yaml" } } }),
      "components/schemas/Node.yaml": { type: "object", properties: { next: { $ref: "./Node.yaml" } } },
    });
    const read = await readSpecFile(path.join(dir, "openapi.yaml"));
    expect(read.ok && read.spec.document.components).toEqual({ schemas: { Node: { type: "object", properties: { next: { $ref: "#/components/schemas/Node" } } } } });
  });

  it("resolves a fragment of another file and keeps $ref siblings", async () => {
    const dir = await tree("fragment/nyota-imara", {
      "openapi.yaml": minimal({ "/a": { $ref: "shared.yaml#/pathItems/a", summary: "A" } }),
      "shared.yaml": { pathItems: { a: { get: { responses: { "204": { description: "none" } } } } } },
    });
    const read = await readSpecFile(path.join(dir, "openapi.yaml"));
    expect(read.ok && read.spec.document.paths["/a"]).toEqual({ get: { responses: { "204": { description: "none" } } }, summary: "A" });
  });
});

describe("readSpecFile and readSpecsDir: failures are values naming the file", () => {
  it.each([
    ["a missing root", {}, "openapi.yaml", /does not exist/],
    ["YAML that does not parse", { "openapi.yaml": "openapi: [3.1\n" }, "openapi.yaml", /not valid YAML or JSON/],
    ["a $ref to a missing file", { "openapi.yaml": minimal({ "/a": { $ref: "paths/nope.yaml" } }) }, "openapi.yaml", /paths\/nope\.yaml does not exist/],
    ["a $ref to a missing fragment", { "openapi.yaml": minimal({ "/a": { $ref: "other.yaml#/x" } }), "other.yaml": { y: 1 } }, "openapi.yaml", /points to nothing in .*other\.yaml \(no "\/x"\)/],
    ["a document that is not OpenAPI", { "openapi.yaml": { hello: "world" } }, "openapi.yaml", /is not an OpenAPI 3\.1 document/],
    ["files that include each other", { "openapi.yaml": minimal({ "/a": { $ref: "a.yaml" } }), "a.yaml": { get: { $ref: "b.yaml" } }, "b.yaml": { x: { $ref: "a.yaml" } } }, "openapi.yaml", /refers back to itself/],
  ])("%s", async (name, files, root, message) => {
    const dir = await tree(`fail-${name.replaceAll(" ", "-")}/proof`, files);
    const read = await readSpecFile(path.join(dir, root));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });

  it("asks for the provider when the path does not tell", async () => {
    const dir = await tree("unnamed", { "spec.yaml": minimal({}) });
    const read = await readSpecFile(path.join(dir, "spec.yaml"));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/cannot tell which provider .*spec\.yaml describes/);
    const named = await readSpecFile(path.join(dir, "spec.yaml"), "myaza");
    expect(named.ok && named.spec.provider).toBe("myaza");
  });

  it("refuses a folder with no spec, a file, and a missing folder", async () => {
    const empty = await tree("empty", { "README.md": "nothing" });
    for (const [dir, message] of [
      [empty, /holds no spec: expected <slug>\/openapi\.yaml/],
      [path.join(empty, "README.md"), /is not a folder/],
      [path.join(empty, "nope"), /does not exist/],
    ] as const) {
      const read = await readSpecsDir(dir);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.message).toMatch(message);
    }
  });
});

describe("loadSpecsOption (--specs DIR)", () => {
  it("gives the bundled specs without --specs", async () => {
    const sel = await loadSpecsOption(undefined, ["myaza"]);
    expect(sel.ok && sel.value.documents.myaza).toBe(specDocument("myaza"));
    expect(sel.ok && sel.value.providers).toEqual(["myaza"]);
  });

  it("reads DIR, and names the file it expected for a provider DIR lacks", async () => {
    const dir = path.join(tmp, "copy");
    await cp(path.join(repoSpecs, "myaza"), path.join(dir, "myaza"), { recursive: true });
    // assert an edit in DIR is what the command sees
    const file = path.join(dir, "myaza", "openapi.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("version: 1.0.0", "version: 1.1.0"));
    const sel = await loadSpecsOption(dir);
    expect(sel.ok && sel.value.providers).toEqual(["myaza"]);
    expect(sel.ok && sel.value.documents.myaza?.info.version).toBe("1.1.0");
    const missing = await loadSpecsOption(dir, ["proof", "myaza"]);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.message).toContain(`${dir}/proof/openapi.yaml`);
  });
});
