// `npm run architecture`: lib/ drawn from its own imports. Prints its rooms
// (top-level folders) and units (a room's sub-folders, and the room's own
// files as one unit), the arrows between units, the floors they stack into,
// the arrows that run back up, and any import cycle between modules.
//
// Floors are longest-path layers of the unit graph with each cycle of units
// collapsed: floor 0 imports no other unit. An arrow "runs back up" when it
// lies inside such a cycle, i.e. it cannot point down to a lower floor.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const lib = path.join(root, 'lib');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

const files = walk(lib);
const edges = new Map<string, Set<string>>();
for (const file of files) {
  const targets = new Set<string>();
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const target = resolveImport(file, match[1] ?? match[2]!);
    if (target?.startsWith(lib + path.sep)) targets.add(target);
  }
  edges.set(file, targets);
}

const relative = (file: string) => path.relative(lib, file).split(path.sep);
const roomOf = (file: string) => relative(file)[0]!;
/** `background/outbox`, or `background` for the room's own files. */
const unitOf = (file: string) => {
  const parts = relative(file);
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts.length === 2 ? parts[0]! : '(lib)';
};

/** Tarjan's strongly connected components. */
function components(nodes: string[], next: (node: string) => Iterable<string>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const to of next(node)) {
      if (!indices.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, indices.get(to)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      out.push(component);
    }
  };
  for (const node of nodes) if (!indices.has(node)) visit(node);
  return out;
}

function describe(label: string, groupOf: (file: string) => string) {
  const arrows = new Map<string, Set<string>>();
  for (const [from, targets] of edges) {
    const a = groupOf(from);
    if (!arrows.has(a)) arrows.set(a, new Set());
    for (const to of targets) if (groupOf(to) !== a) arrows.get(a)!.add(groupOf(to));
  }
  const nodes = [...arrows.keys()].sort();
  const sccs = components(nodes, (node) => arrows.get(node) ?? []);
  const sccOf = new Map<string, number>();
  sccs.forEach((members, i) => members.forEach((member) => sccOf.set(member, i)));
  // Tarjan emits components in reverse topological order: dependencies first.
  const floorOfScc = new Map<number, number>();
  sccs.forEach((members, i) => {
    let floor = 0;
    for (const member of members) {
      for (const to of arrows.get(member) ?? []) {
        const j = sccOf.get(to)!;
        if (j !== i) floor = Math.max(floor, floorOfScc.get(j)! + 1);
      }
    }
    floorOfScc.set(i, floor);
  });
  const floorOf = (node: string) => floorOfScc.get(sccOf.get(node)!)!;
  const all = nodes.flatMap((from) => [...(arrows.get(from) ?? [])].map((to) => [from, to] as const));
  const backUp = all.filter(([from, to]) => sccOf.get(from) === sccOf.get(to));
  const floors = Math.max(...nodes.map(floorOf)) + 1;
  console.log(
    `\n${label}: ${nodes.length}, on ${floors} floors, ${all.length} arrows, ${backUp.length} running back up`,
  );
  for (let floor = floors - 1; floor >= 0; floor--) {
    console.log(`  floor ${floor}: ${nodes.filter((node) => floorOf(node) === floor).join(', ')}`);
  }
  for (const [from, to] of backUp) console.log(`  back up: ${from} → ${to}`);
  return { nodes: nodes.length, floors, arrows: all.length, backUp: backUp.length };
}

console.log(`lib/ of ${root}: ${files.length} modules`);
const rooms = describe('rooms', roomOf);
const units = describe('units', unitOf);
const moduleCycles = components(files, (file) => edges.get(file) ?? []).filter((c) => c.length > 1);
console.log(`\nimport cycles between modules: ${moduleCycles.length}`);
for (const cycle of moduleCycles) console.log(`  ${cycle.map((file) => path.relative(lib, file)).join(' ↔ ')}`);
if (process.argv.includes('--json')) console.log(JSON.stringify({ rooms, units, moduleCycles: moduleCycles.length }));
