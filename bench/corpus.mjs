// Deterministic corpora for the benchmark, written as Markdown articles with front matter.
//
// Paragraphs come from real text: `../shared/corpora/real` when present, else the
// project's own `tests/fixtures/real`. Each article draws 2 to 16 paragraphs and a title
// from them with a seeded generator, so a size always gives the same corpus. In the
// `heaps` variant, words are replaced by invented ones at the rate Heaps' law gives
// (vocabulary V(n) = K n^β, about 300,000 distinct terms at 10,000 articles), because
// sampling paragraphs from 45 articles repeats the same 30,000 words and flatters any
// design that loads the whole dictionary.

import fs from 'node:fs';
import path from 'node:path';

/** A seeded PRNG (mulberry32): the same seed gives the same corpus. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs of at least 8 words of the Markdown files in `folder`. */
export function paragraphs(folder) {
  const out = [];
  for (const name of fs.readdirSync(folder).filter(f => f.endsWith('.md')).sort()) {
    let text = fs.readFileSync(path.join(folder, name), 'utf8');
    if (text.startsWith('---')) text = text.split('---').slice(2).join('---');
    for (const p of text.split(/\n\s*\n/)) {
      const t = p.trim().replace(/\s+/g, ' ');
      if (t.split(' ').length >= 8 && !/^[#|`<>*\-\[!]/.test(t)) out.push(t);
    }
  }
  return out;
}

const SYLLABLES = 'ba be bi bo bu ca ce co cu da de di do du fa fe fi fo ga ge go gu ha he hi ho ja jo ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zo'.split(' ');

/** The `i`-th invented word: syllables, so that words start with many letters. */
function invented(i) {
  let word = '';
  let n = i + SYLLABLES.length * SYLLABLES.length;
  while (n > 0) {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return word;
}

const SOURCES = ['The Times', 'CNN', 'Reuters', 'Le Monde', 'BBC News', 'Quanta', 'Medium', 'AP'];

/**
 * Writes `n` articles into `out` (emptied first); returns [{ file, title, text }] with the
 * plain text of each (title and body), for the quality check.
 */
export function generate({ n, heaps, source, out }) {
  const paras = paragraphs(source);
  if (paras.length === 0) throw new Error(`no paragraphs of 8 words or more in ${source}`);
  const random = rng(7);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  // Heaps' law: the chance that the next word is new is dV/dn = K β n^(β-1).
  const [K, beta] = [6.8, 0.7];
  let tokens = 0;
  let vocabulary = 0;
  const reword = text => {
    if (!heaps) return text;
    return text.split(' ').map(word => {
      tokens += 1;
      if (random() < K * beta * Math.pow(tokens, beta - 1)) return invented(vocabulary++);
      // Invented words recur too, the early ones most.
      if (vocabulary > 0 && random() < 0.08) return invented(Math.floor(vocabulary * Math.pow(random(), 3)));
      return word;
    }).join(' ');
  };
  const docs = [];
  for (let i = 0; i < n; i++) {
    const k = 2 + Math.floor(random() * 15);
    const body = Array.from({ length: k }, () => reword(paras[Math.floor(random() * paras.length)])).join('\n\n');
    const title = paras[Math.floor(random() * paras.length)].split(' ').slice(0, 8).join(' ').replace(/["\\]/g, "'");
    const date = `20${10 + Math.floor(random() * 16)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const file = `a${String(i).padStart(5, '0')}.md`;
    const front = `---\ntitle: "${title}"\nsource: "${SOURCES[Math.floor(random() * SOURCES.length)]}"\npublished: "${date}"\n---\n`;
    fs.writeFileSync(path.join(out, file), `${front}${body}\n`);
    docs.push({ file, title, text: `${title}\n${body}` });
  }
  return docs;
}
