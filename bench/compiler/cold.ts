/**
 * One cold build in a fresh process (spawned by bench/compiler.ts): times the first check + compile +
 * createMachine of a generated flow. Prints `{"ms": …, "loadMs": …}`; `loadMs` is the time from
 * process start to the first line here (Node start-up, TypeScript registration, module loading).
 */
import { performance } from 'node:perf_hooks';
import { buildFlow } from './build-flow';
import { generateFlow } from './generate-flow';

const loadMs = performance.now();
const source = generateFlow(Number(process.argv[2] ?? 200));
const built = buildFlow(source);
console.log(JSON.stringify({ ms: built.compileMs + built.bindMs, loadMs }));
