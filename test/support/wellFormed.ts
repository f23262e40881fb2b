/**
 * A small XML well-formedness check for parts the adapters write as text: tags nest and close in order,
 * attributes are quoted and unique, `&` starts a known entity or a character reference, and there is one
 * root element. Not a validating parser; it catches what string-built XML gets wrong.
 */
export function wellFormedProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const token =
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<|[^<]+/g;
  for (const match of body.matchAll(token)) {
    const [whole, closing, name, attrs = '', selfClosing] = match;
    if (whole === '<') {
      problems.push(`a '<' that starts no tag at ${match.index}`);
      continue;
    }
    if (name === undefined) {
      if (!whole.startsWith('<') && /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.test(whole))
        problems.push(`a bare '&' in text at ${match.index}`);
      if (!whole.startsWith('<') && stack.length === 0 && whole.trim() !== '') problems.push(`text outside the root at ${match.index}`);
      continue;
    }
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at ${match.index}`);
      continue;
    }
    const names = [...attrs.matchAll(/([A-Za-z_][\w.:-]*)\s*=/g)].map((m) => m[1]);
    if (new Set(names).size !== names.length) problems.push(`<${name}> repeats an attribute at ${match.index}`);
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.test(attrs)) problems.push(`a bare '&' in an attribute of <${name}>`);
    if (stack.length === 0) roots += 1;
    if (selfClosing !== '/') stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
