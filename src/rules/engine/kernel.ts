/**
 * Batch kernels: a formula version turned into one specialised loop over the columns of a
 * population, so that the formula is written once (readable, cited, with its trace) and still
 * runs at the speed of a hand-written loop over typed arrays.
 *
 * The formula's own `holds` and `amount` functions are read back (`Function.prototype.toString`),
 * parsed with acorn and inlined into a generated loop (`new Function`): `f.<fact>` becomes a read of
 * that fact's column at row i, `p.<parameter>` a constant resolved once for the date, and
 * `step(name, value, text)` / `stepMoney(…)` just `value` (a trace costs nothing in batch). No
 * per-person object, dictionary lookup or closure call remains for an inlined part.
 *
 * A part is inlined only when every name it uses is known: its facts and parameters, its own
 * locals, `money` (the domain's exact cent arithmetic) and the standard globals (`Math`, …). A
 * part that calls a helper of its module, passes the context on or reads a module constant is
 * called as written instead, with a context whose `f` reads the columns at row i (one object for
 * the whole population). Both give the scalar path's results; `kernel.test.ts` checks every
 * measure's scenarios and a random population through both.
 */
import { type Node, parseExpressionAt } from 'acorn';
import { money } from '../../domain/index.ts';
import type { Inlinable } from './conditions.ts';
import type { AnyFormula, Context, FactDef, Version } from './define.ts';

/** One column per fact (money in cents); a fact with a default may have no column. */
export type Column = ArrayLike<number> | ArrayLike<boolean> | readonly string[];

export interface KernelPart {
  /** `condition:<id>` or `amount`. */
  part: string;
  inlined: boolean;
  /** Why a part is called as written instead of inlined. */
  reason?: string;
}

type Kernel = (
  cols: readonly (Column | undefined)[],
  defaults: readonly unknown[],
  params: readonly unknown[],
  calls: readonly ((ctx: never) => unknown)[],
  ctx: { f: unknown },
  missing: (name: string) => never,
  n: number,
  eligible: Uint8Array,
  amounts: Float64Array,
) => [count: number, total: number];

export interface CompiledKernel {
  run: Kernel;
  parts: KernelPart[];
  source: string;
}

/** Names an inlined part may use besides its facts, parameters and locals. */
const GLOBALS = new Set([
  'Math',
  'Number',
  'Boolean',
  'String',
  'undefined',
  'NaN',
  'Infinity',
  'isFinite',
  'isNaN',
  'money',
]);
const PREFIX = '$$';

interface Shape {
  facts: string[];
  factTypes: string[];
  params: string[];
  present: boolean[];
  missing: boolean[];
}

class NotInlinable extends Error {}

type AnyNode = Node & Record<string, unknown>;

function isNode(x: unknown): x is AnyNode {
  return !!x && typeof (x as { type?: unknown }).type === 'string';
}

function children(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'type' || key === 'start' || key === 'end') continue;
    const v = node[key];
    if (Array.isArray(v)) for (const x of v) isNode(x) && out.push(x);
    else if (isNode(v)) out.push(v);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Reads a function back as an acorn AST: an arrow, a function expression or a method. */
function parseFunction(fn: (...args: never[]) => unknown): { src: string; node: AnyNode } {
  // A condition built in conditions.ts carries its test as closure-free source.
  const text = (fn as Inlinable<typeof fn>).inlineSource ?? fn.toString();
  for (const [open, close] of [
    ['(', ')'],
    ['({', '})'],
  ] as const) {
    const src = `${open}${text}${close}`;
    try {
      let node = parseExpressionAt(src, 0, { ecmaVersion: 'latest' }) as AnyNode;
      if (node.type === 'ObjectExpression') node = (node.properties as AnyNode[])[0]?.value as AnyNode;
      if (node && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression'))
        return { src, node };
    } catch {}
  }
  throw new NotInlinable('de functie kan niet gelezen worden');
}

/** Every name the function declares anywhere inside (params of nested functions included). */
function declaredNames(node: AnyNode, out = new Set<string>()): Set<string> {
  const bind = (p: unknown) => {
    if (!isNode(p)) return;
    if (p.type === 'Identifier') out.add(p.name as string);
    else if (p.type === 'ObjectPattern')
      for (const prop of p.properties as AnyNode[])
        bind(prop.type === 'RestElement' ? prop.argument : prop.value);
    else if (p.type === 'ArrayPattern') for (const e of p.elements as unknown[]) bind(e);
    else if (p.type === 'AssignmentPattern') bind(p.left);
    else if (p.type === 'RestElement') bind(p.argument);
  };
  if (node.type === 'VariableDeclaration' && node.kind === 'var')
    throw new NotInlinable("'var' in de functie");
  if (node.type === 'VariableDeclarator') bind(node.id);
  if (node.type === 'CatchClause') bind(node.param);
  if (/Function|Class/.test(node.type)) {
    bind(node.id);
    for (const p of (node.params as unknown[] | undefined) ?? []) bind(p);
  }
  for (const c of children(node)) declaredNames(c, out);
  return out;
}

/**
 * The inlined code of one part: an expression, or statements that leave the result in `$$r`.
 * Throws NotInlinable with the reason when a name or construct is not understood.
 */
function inlinePart(
  fn: (...args: never[]) => unknown,
  shape: Shape,
  helpers: Set<string>,
): { expr?: string; block?: string } {
  const { src, node: fnNode } = parseFunction(fn);
  if (fnNode.async || fnNode.generator) throw new NotInlinable('async of generator');
  const params = fnNode.params as AnyNode[];
  if (params.length > 1) throw new NotInlinable('meer dan één parameter');
  const roles = new Map<string, 'f' | 'p' | 'step'>();
  if (params[0]) {
    const pattern = params[0];
    if (pattern.type !== 'ObjectPattern') throw new NotInlinable('de context wordt als geheel gebruikt');
    for (const prop of pattern.properties as AnyNode[]) {
      const key = prop.key as AnyNode | undefined;
      const value = prop.value as AnyNode | undefined;
      if (
        prop.type !== 'Property' ||
        prop.computed ||
        key?.type !== 'Identifier' ||
        value?.type !== 'Identifier'
      )
        throw new NotInlinable('onverwachte vorm van de context');
      const role = { f: 'f', p: 'p', step: 'step', stepMoney: 'step' }[key.name as string] as
        | 'f'
        | 'p'
        | 'step'
        | undefined;
      if (!role) throw new NotInlinable(`onbekend deel van de context '${key.name}'`);
      roles.set(value.name as string, role);
    }
  }
  const body = fnNode.body as AnyNode;
  const locals = declaredNames(body);
  for (const name of locals)
    if (roles.has(name) || GLOBALS.has(name) || name.startsWith(PREFIX))
      throw new NotInlinable(`de naam '${name}' wordt opnieuw gedeclareerd`);

  /**
   * The domain's `money`: the name itself, or as vitest's module transform spells an import
   * (`__vite_ssr_import_3__.money`), so that the tests exercise the same inlined kernels.
   */
  const isMoney = (node: AnyNode): boolean =>
    (node.type === 'Identifier' && node.name === 'money' && !locals.has('money')) ||
    (node.type === 'MemberExpression' &&
      !node.computed &&
      (node.object as AnyNode).type === 'Identifier' &&
      /^__vite_ssr_import_\d+__$/.test((node.object as AnyNode).name as string) &&
      (node.property as AnyNode).name === 'money');
  const replace = new Map<AnyNode, () => string>();
  const emit = (node: AnyNode): string => {
    const r = replace.get(node);
    if (r) return r();
    let out = '';
    let pos = node.start;
    for (const c of children(node)) {
      if (c.start < pos) continue; // a shorthand property's key and value are one range
      out += src.slice(pos, c.start) + emit(c);
      pos = c.end;
    }
    return out + src.slice(pos, node.end);
  };
  const member = (node: AnyNode, role: 'f' | 'p') => {
    const prop = node.property as AnyNode;
    if (node.computed || prop.type !== 'Identifier')
      throw new NotInlinable(`${role}[…] met een berekende naam`);
    const name = prop.name as string;
    if (role === 'f') {
      const k = shape.facts.indexOf(name);
      if (k < 0) throw new NotInlinable(`onbekend feit '${name}'`);
      const read = shape.present[k] ? `${PREFIX}c${k}[${PREFIX}i]` : `${PREFIX}d${k}`;
      return shape.factTypes[k] === 'boolean' && shape.present[k] ? `(!!${read})` : read;
    }
    const k = shape.params.indexOf(name);
    if (k < 0) throw new NotInlinable(`onbekende parameter '${name}'`);
    return shape.missing[k] ? `${PREFIX}missing(${JSON.stringify(name)})` : `${PREFIX}p${k}`;
  };

  const visit = (node: AnyNode, parent: AnyNode | null, key: string, nested: boolean): void => {
    switch (node.type) {
      case 'ThisExpression':
      case 'Super':
      case 'MetaProperty':
      case 'ImportExpression':
      case 'AwaitExpression':
      case 'YieldExpression':
        throw new NotInlinable(`${node.type} in de functie`);
      case 'MemberExpression': {
        const object = node.object as AnyNode;
        const property = node.property as AnyNode;
        if (isMoney(node)) {
          replace.set(node, () => 'money');
          return;
        }
        if (isMoney(object) && !node.computed && property.type === 'Identifier') {
          // Read once per kernel call into a local: a load per row from the module namespace is not free.
          const name = property.name as string;
          if (!(name in money)) throw new NotInlinable(`onbekende functie money.${name}`);
          helpers.add(name);
          replace.set(node, () => `${PREFIX}money_${name}`);
          return;
        }
        const role = object.type === 'Identifier' ? roles.get(object.name as string) : undefined;
        if (role === 'f' || role === 'p') {
          const assigned =
            (parent?.type === 'AssignmentExpression' && key === 'left') ||
            parent?.type === 'UpdateExpression';
          if (assigned) throw new NotInlinable('de functie wijzigt een feit of parameter');
          const code = member(node, role);
          replace.set(node, () => code);
          return;
        }
        break;
      }
      case 'CallExpression': {
        const callee = node.callee as AnyNode;
        if (callee.type === 'Identifier' && roles.get(callee.name as string) === 'step') {
          const value = (node.arguments as AnyNode[])[1];
          if (!value || value.type === 'SpreadElement') throw new NotInlinable('step zonder waarde');
          replace.set(node, () => `(${emit(value)})`);
          visit(value, node, 'arguments', nested);
          return;
        }
        break;
      }
      case 'ReturnStatement':
        if (!nested) {
          const arg = node.argument as AnyNode | null;
          replace.set(node, () => `{ ${PREFIX}r = (${arg ? emit(arg) : 'undefined'}); break ${PREFIX}b; }`);
        }
        break;
      case 'Identifier': {
        const name = node.name as string;
        const notReference =
          (parent?.type === 'MemberExpression' && key === 'property' && !parent.computed) ||
          ((parent?.type === 'Property' || /Method|PropertyDefinition/.test(parent?.type ?? '')) &&
            key === 'key' &&
            !parent?.computed) ||
          /Labeled|Break|Continue/.test(parent?.type ?? '');
        if (notReference || locals.has(name) || GLOBALS.has(name)) return;
        if (roles.has(name)) throw new NotInlinable(`'${name}' wordt als geheel gebruikt`);
        throw new NotInlinable(`vrije naam '${name}'`);
      }
    }
    const inner = nested || /Function/.test(node.type);
    for (const k of Object.keys(node)) {
      if (k === 'type' || k === 'start' || k === 'end') continue;
      const v = node[k];
      if (Array.isArray(v)) for (const x of v) isNode(x) && visit(x, node, k, inner);
      else if (isNode(v)) visit(v, node, k, inner);
    }
  };

  if (body.type === 'BlockStatement') {
    for (const s of body.body as AnyNode[]) visit(s, body, 'body', false);
    return { block: (body.body as AnyNode[]).map(emit).join('\n') };
  }
  visit(body, fnNode, 'body', false);
  return { expr: emit(body) };
}

/** The code that leaves the part's value in `target` (a fresh `let`), or the reason it is called. */
function partCode(
  fn: (...args: never[]) => unknown,
  callIndex: number,
  shape: Shape,
  part: string,
  parts: KernelPart[],
  helpers: Set<string>,
): string {
  try {
    const used = new Set<string>();
    const code = inlinePart(fn, shape, used);
    for (const h of used) helpers.add(h);
    parts.push({ part, inlined: true });
    if (code.expr !== undefined) return `const ${PREFIX}r = (${code.expr});`;
    return `let ${PREFIX}r; ${PREFIX}b: {\n${code.block}\n}`;
  } catch (e) {
    if (!(e instanceof NotInlinable)) throw e;
    parts.push({ part, inlined: false, reason: e.message });
    return `${PREFIX}row.i = ${PREFIX}i; const ${PREFIX}r = ${PREFIX}calls[${callIndex}](${PREFIX}ctx);`;
  }
}

function generate(version: Version<never, never>, shape: Shape): CompiledKernel {
  const parts: KernelPart[] = [];
  const helpers = new Set<string>();
  const conditions = version.conditions.map(
    (c, k) =>
      `{ ${partCode(c.holds, k, shape, `condition:${c.id}`, parts, helpers)}\nif (!${PREFIX}r) continue; }`,
  );
  const amount = version.amount
    ? `{ ${partCode(version.amount, conditions.length, shape, 'amount', parts, helpers)}\n` +
      `${PREFIX}amounts[${PREFIX}i] = ${PREFIX}r; ${PREFIX}total += ${PREFIX}r; }`
    : '';
  const P = PREFIX;
  const decl = [
    ...shape.facts.map((_, k) =>
      shape.present[k] ? `const ${P}c${k} = ${P}cols[${k}];` : `const ${P}d${k} = ${P}defaults[${k}];`,
    ),
    ...shape.params.map((_, k) => (shape.missing[k] ? '' : `const ${P}p${k} = ${P}params[${k}];`)),
    ...[...helpers].map((h) => `const ${P}money_${h} = money.${h};`),
  ].filter(Boolean);
  const source = `"use strict";
return function kernel(${P}cols, ${P}defaults, ${P}params, ${P}calls, ${P}ctx, ${P}missing, ${P}n, ${P}eligible, ${P}amounts) {
${decl.join('\n')}
const ${P}row = ${P}ctx.f;
let ${P}count = 0, ${P}total = 0;
for (let ${P}i = 0; ${P}i < ${P}n; ${P}i++) {
${conditions.join('\n')}
${P}eligible[${P}i] = 1; ${P}count++;
${amount}
}
return [${P}count, ${P}total];
};`;
  // The kernel is generated from the formula's own source (see the header of this file).
  const run = new Function('money', source)(money) as Kernel;
  return { run, parts, source };
}

const cache = new WeakMap<object, Map<string, CompiledKernel>>();

/** The kernel of a version for the given column presence and missing parameters (cached). */
export function kernelFor(
  formula: AnyFormula,
  version: Version<never, never>,
  present: boolean[],
  missing: boolean[],
): CompiledKernel {
  const key = `${present.map(Number).join('')}/${missing.map(Number).join('')}`;
  let byShape = cache.get(version);
  if (!byShape) {
    byShape = new Map();
    cache.set(version, byShape);
  }
  let k = byShape.get(key);
  if (!k) {
    const defs = formula.facts as Record<string, FactDef>;
    const facts = Object.keys(defs);
    k = generate(version, {
      facts,
      factTypes: facts.map((f) => defs[f]!.type),
      params: Object.keys(formula.parameters),
      present,
      missing,
    });
    byShape.set(key, k);
  }
  return k;
}

/**
 * The context for parts that are called as written: `f` reads the columns at `f.i` (set by the
 * kernel before each call), `p` holds the parameters of the date and refuses a missing one as the
 * scalar path does.
 */
export function rowContext(
  facts: string[],
  factTypes: string[],
  cols: readonly (Column | undefined)[],
  defaults: readonly unknown[],
  params: Record<string, unknown>,
  missing: (name: string) => never,
  missingNames: string[],
): Context<never, never> & { f: { i: number } } {
  const f = { i: 0 } as { i: number };
  facts.forEach((name, k) => {
    const col = cols[k];
    const bool = factTypes[k] === 'boolean';
    Object.defineProperty(f, name, {
      get: col ? (bool ? () => !!col[f.i] : () => col[f.i]) : () => defaults[k],
      enumerable: true,
    });
  });
  const p = { ...params };
  for (const name of missingNames) Object.defineProperty(p, name, { get: () => missing(name) });
  const same = <T>(_name: string, value: T) => value;
  return { f: f as never, p: p as never, step: same, stepMoney: same } as never;
}
