/**
 * `tsc -p <tsconfig> --noEmit`, in this process, for tests that type-check several consumer
 * projects (test/package.test.ts): the TypeScript compiler API on the tsconfig as `tsc` reads it
 * (`extends`, `files`, `types`, `typeRoots`, module resolution), with parsed declaration files
 * shared between the projects. Only files under a node_modules folder are shared (TypeScript's
 * libs, @types/node, the installed package): they do not change while a test runs, and a shared
 * file is keyed by the options that shape its parse (language version, module format), as
 * TypeScript's own language service does. A project's own sources are read afresh every time.
 */
import path from "node:path";
import ts from "typescript";

export interface TypecheckResult {
  ok: boolean;
  /** The errors as `tsc --pretty false` prints them (file(line,col): error TSnnnn: message). */
  output: string;
}

const shared = new Map<string, ts.SourceFile>();

const formatHost = (cwd: string): ts.FormatDiagnosticsHost => ({
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => cwd,
  getNewLine: () => "\n",
});

export function typecheckProject(tsconfig: string): TypecheckResult {
  const dir = path.dirname(path.resolve(tsconfig));
  let configError: ts.Diagnostic | undefined;
  const parsed = ts.getParsedCommandLineOfConfigFile(path.resolve(tsconfig), { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => (configError = d) });
  if (!parsed || configError) return { ok: false, output: configError ? ts.formatDiagnostics([configError], formatHost(dir)) : `cannot read ${tsconfig}` };
  if (parsed.errors.length > 0) return { ok: false, output: ts.formatDiagnostics(parsed.errors, formatHost(dir)) };
  const host = ts.createCompilerHost(parsed.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (shouldCreateNewSourceFile || !fileName.includes(`${path.sep}node_modules${path.sep}`)) return read(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const o = typeof languageVersionOrOptions === "object" ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const key = `${fileName}\0${o.languageVersion}\0${o.impliedNodeFormat ?? ""}\0${o.jsDocParsingMode ?? ""}`;
    let file = shared.get(key);
    if (!file) {
      file = read(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
      if (file) shared.set(key, file);
    }
    return file;
  };
  host.getCurrentDirectory = () => dir;
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host, projectReferences: parsed.projectReferences ?? [] });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return { ok: diagnostics.length === 0, output: ts.formatDiagnostics(diagnostics, formatHost(dir)) };
}
