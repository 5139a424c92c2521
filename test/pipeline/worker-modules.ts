// Worker threads in Node 20 cannot load TypeScript, and dist/ may be missing or stale, so the tests
// transpile the few modules a worker needs (src/pipeline and the test fixtures) into a temporary
// directory, keeping their relative layout so their imports resolve unchanged. transpileModule only
// strips types; these same files are type-checked by `tsc` as part of `npm test`.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = ['test/pipeline/producer-worker.ts', 'test/pipeline/echo-worker.ts', 'test/pipeline/stress-record.ts'];

export interface WorkerModules {
  /** The URL of a transpiled module, by its source path relative to the project root. */
  url(sourcePath: string): URL;
  dispose(): void;
}

export function transpileWorkerModules(): WorkerModules {
  const outDir = mkdtempSync(join(tmpdir(), 'kapita-pipeline-'));
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');
  const sources = readdirSync(join(ROOT, 'src/pipeline'))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `src/pipeline/${name}`)
    .concat(FIXTURES);
  for (const source of sources) {
    const { outputText, diagnostics } = ts.transpileModule(readFileSync(join(ROOT, source), 'utf8'), {
      fileName: source,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    if (diagnostics !== undefined && diagnostics.length > 0) {
      throw new Error(`${source}: ${ts.flattenDiagnosticMessageText(diagnostics[0]?.messageText, '\n')}`);
    }
    const target = join(outDir, source.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return {
    url: (sourcePath) => pathToFileURL(join(outDir, sourcePath.replace(/\.ts$/, '.js'))),
    dispose: () => {
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
