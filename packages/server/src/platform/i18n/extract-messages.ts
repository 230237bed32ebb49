import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * Finds the user-facing messages written in the German source texts of server and domain: arguments
 * of the typed errors (badRequest, conflict, ...) and `message` / `error` texts of schemas and issues.
 * A template literal's `${...}` parts become `{0}`, `{1}`, ... as in the catalogue.
 * Used by the test that keeps the English catalogue complete.
 */
const errorFactories = new Set([
  'badRequest',
  'conflict',
  'notFound',
  'forbidden',
  'unauthenticated',
  'AppError',
]);
const schemaMethods = new Set([
  'refine',
  'max',
  'min',
  'regex',
  'length',
  'superRefine',
  'gte',
  'lte',
  'positive',
  'int',
]);
const messageProps = new Set(['message', 'error']);

function text(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    node.templateSpans.forEach((span, i) => {
      out += `{${i}}${span.literal.text}`;
    });
    return out;
  }
  if (ts.isParenthesizedExpression(node)) return text(node.expression);
  return undefined;
}

/** Texts of a node that is a literal or a conditional / logical choice between literals. */
function texts(node: ts.Node): string[] {
  const own = text(node);
  if (own !== undefined) return [own];
  if (ts.isConditionalExpression(node)) return [...texts(node.whenTrue), ...texts(node.whenFalse)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
    return texts(node.right);
  }
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return texts(node.body);
  return [];
}

function calleeName(expr: ts.Expression): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return undefined;
}

export function messagesIn(source: string, fileName = 'x.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      if (name && (errorFactories.has(name) || schemaMethods.has(name))) {
        for (const arg of node.arguments ?? []) found.push(...texts(arg));
      }
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && messageProps.has(node.name.text)) {
      found.push(...texts(node.initializer));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // Only texts meant for people: words with a space, or a one-word sentence such as 'Pflichtfeld.'.
  return found.filter((m) => /[A-Za-zÄÖÜäöüß]{2}/.test(m) && (/\s/.test(m.trim()) || /[.!?]$/.test(m)));
}

function sourceFiles(dir: string, skip: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path, skip);
    if (skip.includes(entry.name)) return [];
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** All messages of the given source folders, each once; `skip` names files meant for operators only. */
export function messagesOf(dirs: string[], skip: string[] = []): string[] {
  const all = new Set<string>();
  for (const dir of dirs) {
    for (const file of sourceFiles(dir, skip))
      for (const m of messagesIn(readFileSync(file, 'utf8'), file)) all.add(m);
  }
  return [...all].sort();
}
